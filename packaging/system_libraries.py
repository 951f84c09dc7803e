"""The shared libraries a Linux bundle takes from the system, by the Debian package providing them.

The bundle carries Python, NumPy, Qt and what they brought with them. The C and C++ run-time and
the desktop stack Qt talks to (X11/xcb, OpenGL/EGL, fonts, D-Bus, GLib's main loop) must match the
machine the app runs on, so the spec leaves them out of the bundle and the .deb depends on the
packages below instead. ``packaging/nnstudio.spec`` excludes these file names from the bundle;
``packaging/build.py`` writes the package names into the .deb's ``Depends:``, each with the
lowest version that has every symbol version the bundle's ELF files require of it.

Every package is needed: each provides a library that a file of the bundle links to directly
(tests/packaging/test_deb.py checks this both ways against the built bundle).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

import elf

# Debian package → the sonames (file names) of its libraries the bundle links to.
SYSTEM_LIBRARIES: dict[str, tuple[str, ...]] = {
    "libc6": (
        "libc.so.6",
        "libm.so.6",
        "libpthread.so.0",
        "libdl.so.2",
        "librt.so.1",  # (the onnx package's extension links it)
        "ld-linux-x86-64.so.2",
    ),
    "libgcc-s1": ("libgcc_s.so.1",),
    "libstdc++6": ("libstdc++.so.6",),
    "zlib1g": ("libz.so.1",),
    "libzstd1": ("libzstd.so.1",),
    "libglib2.0-0": ("libglib-2.0.so.0", "libgthread-2.0.so.0"),
    "libdbus-1-3": ("libdbus-1.so.3",),
    "libfontconfig1": ("libfontconfig.so.1",),
    "libfreetype6": ("libfreetype.so.6",),
    "libgl1": ("libGL.so.1",),
    "libegl1": ("libEGL.so.1",),
    "libxkbcommon0": ("libxkbcommon.so.0",),
    "libxkbcommon-x11-0": ("libxkbcommon-x11.so.0",),
    "libx11-6": ("libX11.so.6",),
    "libx11-xcb1": ("libX11-xcb.so.1",),
    "libxcb1": ("libxcb.so.1",),
    "libxcb-cursor0": ("libxcb-cursor.so.0",),
    "libxcb-glx0": ("libxcb-glx.so.0",),
    "libxcb-icccm4": ("libxcb-icccm.so.4",),
    "libxcb-image0": ("libxcb-image.so.0",),
    "libxcb-keysyms1": ("libxcb-keysyms.so.1",),
    "libxcb-randr0": ("libxcb-randr.so.0",),
    "libxcb-render0": ("libxcb-render.so.0",),
    "libxcb-render-util0": ("libxcb-render-util.so.0",),
    "libxcb-shape0": ("libxcb-shape.so.0",),
    "libxcb-shm0": ("libxcb-shm.so.0",),
    "libxcb-sync1": ("libxcb-sync.so.1",),
    "libxcb-util1": ("libxcb-util.so.1",),
    "libxcb-xfixes0": ("libxcb-xfixes.so.0",),
    "libxcb-xkb1": ("libxcb-xkb.so.1",),
}

# How a symbol version a bundled file requires (ELF .gnu.version_r) becomes the version of the
# Debian package that provides it. Libraries missing here version no symbols the bundle uses
# beyond their first release, so their packages are named without a version.
GLIBCXX_RELEASES = {  # libstdc++'s GLIBCXX_3.4.N → the first GCC release with it (its ABI manual)
    21: "5.1",
    22: "6.1",
    23: "7.1",
    24: "7.2",
    25: "8.1",
    26: "9.1",
    27: "9.2",
    28: "9.3",
    29: "11.1",
    30: "12.1",
    31: "13.1",
    32: "13.2",
    33: "14.1",
}


def _glibcxx_release(number: str) -> str | None:
    major, minor, *patch = (int(part) for part in number.split("."))
    if (major, minor) != (3, 4) or not patch or patch[0] < min(GLIBCXX_RELEASES):
        return None  # older than every supported distribution's GCC
    if patch[0] not in GLIBCXX_RELEASES:
        raise ValueError(f"GLIBCXX_{number} is newer than GLIBCXX_RELEASES knows: add it")
    return GLIBCXX_RELEASES[patch[0]]


# Debian package → (symbol version prefix, how its number becomes the package's version)
VERSIONED_BY_SYMBOLS: dict[str, tuple[str, Callable[[str], str | None]]] = {
    "libc6": ("GLIBC_", lambda number: number),  # GLIBC_2.35 → libc6 (>= 2.35)
    "libstdc++6": ("GLIBCXX_", _glibcxx_release),  # GLIBCXX_3.4.29 → libstdc++6 (>= 11.1)
    "zlib1g": ("ZLIB_", lambda number: f"1:{number}"),  # Debian's zlib1g has epoch 1
    "libxkbcommon0": ("V_", lambda number: number),
    "libxkbcommon-x11-0": ("V_", lambda number: number),
}


def _number_key(number: str) -> tuple[int, ...]:
    return tuple(int(part) for part in number.split(".") if part.isdigit())


def minimum_versions(needs: Mapping[str, Iterable[str]]) -> dict[str, str]:
    """Debian package → the lowest version that provides every symbol version in ``needs``.

    ``needs``: library file name → the symbol versions the bundle's files require from it
    (``elf.version_needs`` merged over the bundle), e.g. ``{"libc.so.6": {"GLIBC_2.34"}}``.
    Returns e.g. ``{"libc6": "2.35", "libstdc++6": "11.1", "zlib1g": "1:1.2.3.4"}``.
    """
    package_of = {name: package for package, names in SYSTEM_LIBRARIES.items() for name in names}
    numbers: dict[str, set[str]] = {}
    for library, versions in needs.items():
        package = package_of.get(library)
        if package not in VERSIONED_BY_SYMBOLS:
            continue
        prefix, _convert = VERSIONED_BY_SYMBOLS[package]
        numbers.setdefault(package, set()).update(
            v.removeprefix(prefix)
            for v in versions
            if v.startswith(prefix) and v.removeprefix(prefix)[:1].isdigit()  # not GLIBC_PRIVATE
        )
    result = {}
    for package, found in numbers.items():
        if found:
            version = VERSIONED_BY_SYMBOLS[package][1](max(found, key=_number_key))
            if version is not None:
                result[package] = version
    return result


def bundle_version_needs(bundle: Path) -> dict[str, set[str]]:
    """Library file name → the symbol versions the ELF files in ``bundle`` require from it."""
    needs: dict[str, set[str]] = {}
    for path in sorted(bundle.rglob("*")):
        if path.is_file() and not path.is_symlink() and elf.is_elf(path):
            for library, versions in elf.version_needs(path).items():
                needs.setdefault(library, set()).update(versions)
    return needs


def debian_depends(versions: Mapping[str, str]) -> str:
    """The .deb's ``Depends:`` value: every package, with the version ``minimum_versions``
    computed for it (``versions``), e.g. ``libc6 (>= 2.35), libgcc-s1, …``."""
    return ", ".join(
        f"{package} (>= {versions[package]})" if package in versions else package
        for package in SYSTEM_LIBRARIES
    )


def system_library_pattern() -> re.Pattern[str]:
    """Matches the file name of a library the bundle takes from the system."""
    names = sorted({name for sonames in SYSTEM_LIBRARIES.values() for name in sonames})
    return re.compile("|".join(re.escape(name) for name in names))
