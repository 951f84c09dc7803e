"""Just enough of the ELF format to read what a shared library links to.

``needed(path)`` lists the libraries named in the dynamic section (DT_NEEDED): the direct
dependencies, unlike ``ldd``, which resolves the whole tree on the build machine.
``version_needs(path)`` lists the symbol versions (GLIBC_2.34, GLIBCXX_3.4.29, …) it requires
of each library and ``glibc_versions(path)`` the GLIBC_x.y ones. Used by packaging/nnstudio.spec,
packaging/system_libraries.py and the packaging tests; standard library only.
"""

from __future__ import annotations

import struct
from pathlib import Path

DT_NULL, DT_NEEDED, DT_STRTAB, DT_STRSZ = 0, 1, 5, 10
SHT_DYNAMIC, SHT_GNU_VERNEED = 6, 0x6FFFFFFE


class NotElfError(ValueError):
    pass


class _Elf:
    def __init__(self, path: str | Path) -> None:
        self.data = Path(path).read_bytes()
        data = self.data
        if data[:4] != b"\x7fELF":
            raise NotElfError(f"{path} is not an ELF file")
        self.is64 = data[4] == 2
        self.endian = "<" if data[5] == 1 else ">"
        e = self.endian
        if self.is64:
            (shoff,) = struct.unpack_from(e + "Q", data, 0x28)
            shentsize, shnum, _shstrndx = struct.unpack_from(e + "HHH", data, 0x3A)
        else:
            (shoff,) = struct.unpack_from(e + "I", data, 0x20)
            shentsize, shnum, _shstrndx = struct.unpack_from(e + "HHH", data, 0x2E)
        self.sections = []  # (type, offset, size, link)
        for i in range(shnum):
            base = shoff + i * shentsize
            if self.is64:
                _name, kind, _flags, _addr, offset, size, link = struct.unpack_from(
                    e + "IIQQQQI", data, base
                )
            else:
                _name, kind, _flags, _addr, offset, size, link = struct.unpack_from(
                    e + "IIIIIII", data, base
                )
            self.sections.append((kind, offset, size, link))

    def string(self, table: int, offset: int) -> str:
        _kind, start, _size, _link = self.sections[table]
        end = self.data.index(b"\0", start + offset)
        return self.data[start + offset : end].decode("utf-8", "replace")

    def needed(self) -> list[str]:
        names = []
        entry = struct.Struct(self.endian + ("qQ" if self.is64 else "iI"))
        for kind, offset, size, link in self.sections:
            if kind != SHT_DYNAMIC:
                continue
            for position in range(offset, offset + size, entry.size):
                tag, value = entry.unpack_from(self.data, position)
                if tag == DT_NULL:
                    break
                if tag == DT_NEEDED:
                    names.append(self.string(link, value))
        return names

    def version_needs(self) -> dict[str, set[str]]:
        """Library file name → the symbol versions required from it (.gnu.version_r)."""
        e = self.endian
        result: dict[str, set[str]] = {}
        for kind, offset, _size, link in self.sections:
            if kind != SHT_GNU_VERNEED:
                continue
            position = offset
            while True:
                _version, count, file_name, aux, next_entry = struct.unpack_from(
                    e + "HHIII", self.data, position
                )
                versions = result.setdefault(self.string(link, file_name), set())
                aux_position = position + aux
                for _ in range(count):
                    _hash, _flags, _other, name, next_aux = struct.unpack_from(
                        e + "IHHII", self.data, aux_position
                    )
                    versions.add(self.string(link, name))
                    aux_position += next_aux
                if not next_entry:
                    break
                position += next_entry
        return result


def is_elf(path: str | Path) -> bool:
    try:
        with open(path, "rb") as handle:
            return handle.read(4) == b"\x7fELF"
    except OSError:
        return False


def needed(path: str | Path) -> list[str]:
    """The DT_NEEDED entries of an ELF file: the libraries it links to directly."""
    return _Elf(path).needed()


def version_needs(path: str | Path) -> dict[str, set[str]]:
    """Library file name → the symbol versions an ELF file requires from it, e.g.
    ``{"libc.so.6": {"GLIBC_2.2.5", "GLIBC_2.34"}, "libstdc++.so.6": {"GLIBCXX_3.4.29"}}``."""
    return _Elf(path).version_needs()


def glibc_versions(path: str | Path) -> set[str]:
    """The GLIBC_x.y versions an ELF file requires, e.g. {"GLIBC_2.14", "GLIBC_2.34"}."""
    needs = _Elf(path).version_needs()
    return {v for versions in needs.values() for v in versions if v.startswith("GLIBC_2.")}


def version_key(version: str) -> tuple[int, ...]:
    """ "GLIBC_2.34" → (2, 34), for sorting."""
    return tuple(int(part) for part in version.split("_", 1)[1].split("."))
