"""Reading the zip container and its ``.npy`` members without trusting either.

The zip directory is checked (member count, sizes, compression methods, no encryption, no
repeated names) before anything is decompressed, and every read is bounded by the size the
directory declares. ``.npy`` headers are parsed with NumPy's literal-only parser and pickles are
never loaded.
"""

from __future__ import annotations

import lzma
import os
import re
import stat
import struct
import zipfile
import zlib
from pathlib import Path
from types import TracebackType
from typing import BinaryIO

import numpy as np

from ..text import translate
from .errors import (
    CorruptFileError,
    FileAccessError,
    InvalidContentError,
    LimitExceededError,
    NotAModelFileError,
)
from .format import ARRAY_DTYPES, LIMITS, MANIFEST

#: What a damaged zip or .npy member can make the standard library raise while reading.
READ_ERRORS: tuple[type[BaseException], ...] = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    zlib.error,
    lzma.LZMAError,
    struct.error,
    EOFError,
    OSError,
    ValueError,  # also UnicodeDecodeError and json.JSONDecodeError
    KeyError,
    IndexError,
    TypeError,
    OverflowError,
    NotImplementedError,
    RuntimeError,  # encrypted members, RecursionError
    SyntaxError,
)

ZIP_STARTS = (b"PK\x03\x04", b"PK\x05\x06")
ALLOWED_METHODS = {zipfile.ZIP_STORED: "stored", zipfile.ZIP_DEFLATED: "deflate"}


class Archive:
    """An open model file whose zip directory has passed the size checks.

    ``read(name)`` returns a member's bytes; ``put`` and ``remove`` let a migration rewrite
    members in memory (the file on disk never changes).
    """

    def __init__(self, stream: BinaryIO, zf: zipfile.ZipFile) -> None:
        self._stream = stream
        self._zip = zf
        self._infos: dict[str, zipfile.ZipInfo] = {}
        self._replaced: dict[str, bytes] = {}
        self._removed: set[str] = set()
        self._check_directory()

    def __enter__(self) -> Archive:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        try:
            self._zip.close()
        finally:
            self._stream.close()

    def _check_directory(self) -> None:
        infos = self._zip.infolist()
        if len(infos) > LIMITS.members:
            raise LimitExceededError(
                translate(
                    "ModelFile", "the file holds {n} parts; a model file may hold at most {max}"
                ).format(n=len(infos), max=LIMITS.members)
            )
        total = 0
        for info in infos:
            name = info.filename
            if name in self._infos:
                raise CorruptFileError(
                    translate("ModelFile", "the file holds two parts named {name!r}").format(
                        name=name
                    )
                )
            if info.flag_bits & 0x1:
                raise InvalidContentError(
                    translate(
                        "ModelFile", "the part {name} is encrypted; model files never are"
                    ).format(name=name)
                )
            if info.compress_type not in ALLOWED_METHODS:
                raise InvalidContentError(
                    translate(
                        "ModelFile",
                        "the part {name} uses zip compression method {method}; "
                        "model files use only 'stored' or 'deflate'",
                    ).format(name=name, method=info.compress_type)
                )
            limit = LIMITS.manifest_bytes if name == MANIFEST else LIMITS.member_bytes
            if info.file_size > limit:
                raise LimitExceededError(
                    translate(
                        "ModelFile",
                        "the part {name} unpacks to {size}; a model file allows at most {max} "
                        "for it",
                    ).format(name=name, size=_size(info.file_size), max=_size(limit))
                )
            total += info.file_size
            self._infos[name] = info
        if total > LIMITS.total_bytes:
            raise LimitExceededError(
                translate(
                    "ModelFile", "the file unpacks to {size}; a model file may hold at most {max}"
                ).format(size=_size(total), max=_size(LIMITS.total_bytes))
            )
        if MANIFEST not in self._infos:
            raise NotAModelFileError(
                translate(
                    "ModelFile",
                    "this zip archive is not an NN Studio model: it has no manifest.json",
                )
            )

    # -- members ------------------------------------------------------------------------------
    def names(self) -> set[str]:
        return (set(self._infos) | set(self._replaced)) - self._removed

    def size(self, name: str) -> int:
        """Uncompressed size in bytes, as the zip directory declares it (nothing is read)."""
        if name in self._removed:
            raise KeyError(name)
        if name in self._replaced:
            return len(self._replaced[name])
        return self._infos[name].file_size

    def read(self, name: str) -> bytes:
        """The member's bytes; at most the declared size is ever decompressed."""
        if name in self._removed:
            raise KeyError(name)
        if name in self._replaced:
            return self._replaced[name]
        info = self._infos[name]
        try:
            with self._zip.open(info) as member:
                data = member.read(info.file_size + 1)
        except READ_ERRORS as exc:
            raise CorruptFileError(
                translate("ModelFile", "the part {name} is damaged and cannot be read").format(
                    name=name
                )
            ) from exc
        if len(data) != info.file_size:
            raise CorruptFileError(
                translate(
                    "ModelFile", "the part {name} is damaged: its size is not what it claims"
                ).format(name=name)
            )
        return data

    def put(self, name: str, data: bytes) -> None:
        """Replace or add a member (in memory only)."""
        self._removed.discard(name)
        self._replaced[name] = bytes(data)

    def remove(self, name: str) -> None:
        """Drop a member (in memory only)."""
        self._replaced.pop(name, None)
        self._removed.add(name)


def open_archive(path: str | os.PathLike[str]) -> Archive:
    """Open ``path`` and check its zip directory; raise a :class:`ModelFileError` otherwise."""
    stream = _open_regular(path)
    try:
        head = stream.read(4)
        if not head:
            raise NotAModelFileError(
                translate("ModelFile", "the file is empty (0 bytes): it holds no model")
            )
        if head not in ZIP_STARTS:
            raise NotAModelFileError(
                translate(
                    "ModelFile",
                    "this is not an NN Studio model file (a .nnstudio file is a zip archive; "
                    "this is not)",
                )
            )
        stream.seek(0)
        try:
            zf = zipfile.ZipFile(stream)
        except READ_ERRORS as exc:
            raise CorruptFileError(
                translate(
                    "ModelFile",
                    "the file is damaged and cannot be read (it may be incomplete: was it copied "
                    "or downloaded completely?)",
                )
            ) from exc
        try:
            return Archive(stream, zf)
        except BaseException:
            zf.close()
            raise
    except OSError as exc:
        stream.close()
        raise FileAccessError(_cannot_read(path, exc.strerror or exc)) from exc
    except BaseException:
        stream.close()
        raise


def _open_regular(path: str | os.PathLike[str]) -> BinaryIO:
    """``path`` opened for reading when it is a regular file; else a FileAccessError that says
    what it is. Opened without blocking, so a named pipe (FIFO) cannot hang the reader."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except (OSError, ValueError) as exc:  # ValueError: a NUL in the name
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        if isinstance(exc, OSError) and os.path.isdir(path):  # Windows opens no folder
            reason = translate("ModelFile", "it is a folder, not a model file")
        raise FileAccessError(_cannot_read(path, reason), path) from exc
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            reason = translate("ModelFile", "it is a folder, not a model file")
        elif not stat.S_ISREG(mode):
            reason = translate(
                "ModelFile", "it is not a regular file (a device, pipe or socket), not a model file"
            )
        else:
            return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise
    os.close(fd)
    raise FileAccessError(_cannot_read(path, reason), path)


def display_name(path: str | os.PathLike[str]) -> str:
    """The name of ``path`` to show: its last part, or the path itself when it has none
    (".", "/", "..")."""
    text = os.fsdecode(path)
    name = Path(text).name
    return name if name and name not in (".", "..") else text


def _cannot_read(path: str | os.PathLike[str], reason: object) -> str:
    return translate("ModelFile", "cannot read {file}: {reason}").format(
        file=display_name(path), reason=reason
    )


def _size(n: int) -> str:
    if n >= 2**20:
        return f"{n / 2**20:.1f} MiB"
    return translate("ModelFile", "{n} bytes").format(n=n)


# -- .npy members ---------------------------------------------------------------------------------
def check_member_size(name: str, size: int, shape: tuple[int, ...], dtype: str) -> None:
    """Refuse, before decompressing, a member larger than its declared array can be."""
    nbytes = int(np.prod(shape, dtype=np.int64)) * np.dtype(ARRAY_DTYPES[dtype]).itemsize
    if size > nbytes + LIMITS.npy_header:
        raise InvalidContentError(
            translate(
                "ModelFile",
                "the part {name} is {size}, larger than the {shape} {dtype} array the manifest "
                "declares",
            ).format(name=name, size=_size(size), shape=list(shape), dtype=dtype)
        )


NPY_MAGIC = b"\x93NUMPY"
NPY_HEADER = re.compile(
    r"\{\s*'descr':\s*'(?P<descr>[^'\\]{1,16})',"
    r"\s*'fortran_order':\s*(?P<fortran>True|False),"
    r"\s*'shape':\s*\((?P<shape>\s*(?:\d{1,19}\s*,\s*)*(?:\d{1,19}\s*)?)\),?\s*\}\s*"
)


def parse_npy_header(name: str, data: bytes) -> tuple[str, bool, tuple[int, ...], int]:
    """(dtype descr, fortran_order, shape, data offset) of a ``.npy`` format 1.0 or 2.0 member.

    The header is the dictionary text NumPy writes, e.g.
    ``{'descr': '<f8', 'fortran_order': False, 'shape': (4, 2), }``; it is matched strictly as
    text and never evaluated.
    """
    if data[:6] != NPY_MAGIC or len(data) < 10:
        raise CorruptFileError(
            translate("ModelFile", "the part {name} is damaged: it is not a .npy array").format(
                name=name
            )
        )
    major, minor = data[6], data[7]
    if (major, minor) == (1, 0):
        (length,), start = struct.unpack("<H", data[8:10]), 10
    elif (major, minor) == (2, 0) and len(data) >= 12:
        (length,), start = struct.unpack("<I", data[8:12]), 12
    else:
        raise InvalidContentError(
            translate("ModelFile", "the part {name} uses .npy version {version}; use 1.0").format(
                name=name, version=f"{major}.{minor}"
            )
        )
    unreadable = translate(
        "ModelFile", "the part {name} is damaged: its array header is unreadable"
    ).format(name=name)
    if length > LIMITS.npy_header or start + length > len(data):
        raise CorruptFileError(unreadable)
    match = NPY_HEADER.fullmatch(data[start : start + length].decode("latin-1"))
    if match is None:
        raise CorruptFileError(unreadable)
    shape = tuple(int(n) for n in match["shape"].replace(",", " ").split())
    return match["descr"], match["fortran"] == "True", shape, start + length


def read_npy(name: str, data: bytes, shape: tuple[int, ...], dtype: str) -> np.ndarray:
    """Decode a ``.npy`` member that must hold exactly ``shape`` of ``dtype``; a C-ordered copy.

    Object arrays (pickles) are refused from the header, before any data is looked at.
    """
    descr, fortran, got_shape, offset = parse_npy_header(name, data)
    if "O" in descr:
        raise InvalidContentError(
            translate(
                "ModelFile",
                "the part {name} holds Python objects; model files hold only numbers, so this "
                "file was not written by NN Studio and will not be opened",
            ).format(name=name)
        )
    if descr != ARRAY_DTYPES[dtype]:
        raise InvalidContentError(
            translate(
                "ModelFile",
                "the part {name} holds numbers of type {descr!r}; the manifest declares {dtype} "
                "({expected!r})",
            ).format(name=name, descr=descr, dtype=dtype, expected=ARRAY_DTYPES[dtype])
        )
    if got_shape != tuple(shape):
        raise InvalidContentError(
            translate(
                "ModelFile", "the part {name} has shape {got}; the manifest declares {shape}"
            ).format(name=name, got=got_shape, shape=tuple(shape))
        )
    item = np.dtype(descr)
    count = int(np.prod(shape, dtype=np.int64))
    if len(data) - offset != count * item.itemsize:
        raise CorruptFileError(
            translate(
                "ModelFile", "the part {name} is damaged: its data has the wrong length"
            ).format(name=name)
        )
    flat = (
        np.frombuffer(data, dtype=item, count=count, offset=offset)
        if count
        else (np.zeros(0, dtype=item))
    )
    array = flat.reshape(shape, order="F" if fortran else "C")
    return np.array(array, dtype=item.newbyteorder("="), order="C")
