"""The .deb: control fields, file list, desktop integration and its Depends: list.

The fast tests package a stand-in bundle (no PyInstaller needed); the slow ones check the real
.deb and that Depends: names exactly the packages of the libraries the bundle links to.
"""

from __future__ import annotations

import configparser
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

import nnstudio

# Written out on purpose: a change to the dependencies should show up in review here.
EXPECTED_DEPENDS = [
    "libc6",
    "libgcc-s1",
    "libstdc++6",
    "zlib1g",
    "libzstd1",
    "libglib2.0-0",
    "libdbus-1-3",
    "libfontconfig1",
    "libfreetype6",
    "libgl1",
    "libegl1",
    "libxkbcommon0",
    "libxkbcommon-x11-0",
    "libx11-6",
    "libx11-xcb1",
    "libxcb1",
    "libxcb-cursor0",
    "libxcb-glx0",
    "libxcb-icccm4",
    "libxcb-image0",
    "libxcb-keysyms1",
    "libxcb-randr0",
    "libxcb-render0",
    "libxcb-render-util0",
    "libxcb-shape0",
    "libxcb-shm0",
    "libxcb-sync1",
    "libxcb-util1",
    "libxcb-xfixes0",
    "libxcb-xkb1",
]
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
EXPECTED_FILES = [
    "./opt/nnstudio/nnstudio",
    "./usr/bin/nnstudio",
    "./usr/share/applications/nnstudio.desktop",
    "./usr/share/mime/packages/nnstudio.xml",
    "./usr/share/icons/hicolor/scalable/apps/nnstudio.svg",
    "./usr/share/doc/nnstudio/copyright",
    *(f"./usr/share/icons/hicolor/{n}x{n}/apps/nnstudio.png" for n in ICON_SIZES),
]


def control_fields(deb: Path) -> dict[str, str]:
    text = subprocess.run(
        ["dpkg-deb", "--field", str(deb)], capture_output=True, text=True, check=True
    ).stdout
    fields: dict[str, str] = {}
    key = ""
    for line in text.splitlines():
        if line.startswith((" ", "\t")):
            fields[key] += "\n" + line
        else:
            key, _, value = line.partition(":")
            fields[key] = value.strip()
    return fields


def contents(deb: Path) -> dict[str, str]:
    """Path in the package → its `dpkg-deb -c` line (mode, owner, size, link target)."""
    text = subprocess.run(
        ["dpkg-deb", "--contents", str(deb)], capture_output=True, text=True, check=True
    ).stdout
    entries = {}
    for line in text.splitlines():
        path = line.split(None, 5)[5].split(" -> ")[0]
        entries[path.rstrip("/")] = line
    return entries


def depends_names(depends: str) -> list[str]:
    return [item.split("(")[0].strip() for item in depends.split(",")]


def depends_versions(depends: str) -> dict[str, str]:
    """``"libc6 (>= 2.35), libgcc-s1"`` → ``{"libc6": "2.35"}``."""
    versions = {}
    for item in depends.split(","):
        name, _, rest = item.strip().partition(" (>= ")
        if rest:
            versions[name] = rest.rstrip(")")
    return versions


def newest_glibc(bundle: Path, elf: ModuleType) -> str:
    """The newest GLIBC_x.y any ELF file in ``bundle`` requires, as "x.y"."""
    found = set()
    for path in bundle.rglob("*"):
        if path.is_file() and not path.is_symlink() and elf.is_elf(path):
            found |= elf.glibc_versions(path)
    return max(found, key=elf.version_key).removeprefix("GLIBC_")


def check_deb(deb: Path) -> None:
    fields = control_fields(deb)
    assert fields["Package"] == "nnstudio"
    assert fields["Version"] == nnstudio.__version__
    assert fields["Architecture"] == "amd64"
    assert fields["Maintainer"]
    assert int(fields["Installed-Size"]) > 0
    assert depends_names(fields["Depends"]) == EXPECTED_DEPENDS
    assert fields["Description"].startswith("Build, train and understand")

    entries = contents(deb)
    for path in EXPECTED_FILES:
        assert path in entries, path
    assert entries["./usr/bin/nnstudio"].endswith("-> /opt/nnstudio/nnstudio")
    assert entries["./opt/nnstudio/nnstudio"].startswith("-rwxr-xr-x root/root")
    assert all(" root/root " in line for line in entries.values())
    assert not [path for path in entries if path.startswith("./DEBIAN")]


@pytest.fixture(scope="module")
def standin_bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A stand-in bundle: a script, a data file and one real ELF program (this system's
    ``true``), so the packaging runs without the 20 s PyInstaller build."""
    if not sys.platform.startswith("linux"):
        pytest.skip("the .deb is built on Linux")
    bundle = tmp_path_factory.mktemp("standin") / "nnstudio"
    (bundle / "_internal").mkdir(parents=True)
    (bundle / "nnstudio").write_text("#!/bin/sh\necho stand-in\n")
    (bundle / "nnstudio").chmod(0o700)
    (bundle / "_internal" / "data.txt").write_text("data\n")
    true = shutil.which("true")
    assert true is not None
    shutil.copy2(Path(true).resolve(), bundle / "_internal" / "true")
    return bundle


@pytest.fixture(scope="module")
def standin_deb(
    standin_bundle: Path, dpkg_deb: str, packaging_module: Callable[[str], ModuleType]
) -> Path:
    """The .deb around the stand-in bundle."""
    build = packaging_module("build")
    folder = standin_bundle.parent
    out = folder / f"nnstudio_{nnstudio.__version__}_amd64.deb"
    return build.make_deb(standin_bundle, out, nnstudio.__version__, folder / "work")


def test_control_fields_and_file_list(standin_deb: Path) -> None:
    check_deb(standin_deb)
    assert "./opt/nnstudio/_internal/data.txt" in contents(standin_deb)


def test_minimum_glibc_is_the_newest_one_the_bundled_files_require(
    standin_bundle: Path, standin_deb: Path, packaging_module: Callable[[str], ModuleType]
) -> None:
    """Not a number written by hand: a bundle built against a newer glibc (Debian 12's own
    Python needs 2.36) must not install on a system with an older one."""
    elf = packaging_module("elf")
    depends = depends_versions(control_fields(standin_deb)["Depends"])
    assert depends["libc6"] == newest_glibc(standin_bundle, elf)


def test_depends_versions_come_from_the_symbol_versions_required(
    packaging_module: Callable[[str], ModuleType],
) -> None:
    libraries = packaging_module("system_libraries")
    needs = {
        "libc.so.6": {"GLIBC_2.2.5", "GLIBC_2.34", "GLIBC_PRIVATE"},
        "libm.so.6": {"GLIBC_2.29", "GLIBC_2.36"},  # 2.36 > 2.34 although "2.29" > "2.3…"
        "libstdc++.so.6": {"GLIBCXX_3.4.9", "GLIBCXX_3.4.29", "CXXABI_1.3.9"},
        "libgcc_s.so.1": {"GCC_3.0"},
        "libz.so.1": {"ZLIB_1.2.0", "ZLIB_1.2.3.4"},
        "libxkbcommon.so.0": {"V_0.5.0"},
        "libdbus-1.so.3": {"LIBDBUS_1_3"},
        "libpython3.12.so.1.0": {"Py_3.12"},  # bundled, not a system library
    }
    versions = libraries.minimum_versions(needs)
    assert versions == {
        "libc6": "2.36",
        "libstdc++6": "11.1",
        "zlib1g": "1:1.2.3.4",
        "libxkbcommon0": "0.5.0",
    }
    depends = libraries.debian_depends(versions)
    assert depends.startswith("libc6 (>= 2.36), libgcc-s1, libstdc++6 (>= 11.1), zlib1g (>= ")
    assert depends_names(depends) == EXPECTED_DEPENDS
    assert libraries.minimum_versions({"libstdc++.so.6": {"GLIBCXX_3.4.20"}}) == {}
    with pytest.raises(ValueError, match=r"GLIBCXX_3\.4\.99"):
        libraries.minimum_versions({"libstdc++.so.6": {"GLIBCXX_3.4.99"}})


def test_desktop_entry_opens_model_files_with_the_installed_app() -> None:
    root = Path(nnstudio.__file__).resolve().parent.parent / "resources"
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # keys are case-sensitive
    entry.read(root / "nnstudio.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Name"] == "NN Studio"
    assert desktop["Exec"].split()[0] == "nnstudio" and "%f" in desktop["Exec"]
    assert desktop["Icon"] == "nnstudio"
    assert "application/x-nnstudio;" in desktop["MimeType"]
    mime = (root / "nnstudio-mime.xml").read_text(encoding="utf-8")
    assert 'type="application/x-nnstudio"' in mime and 'pattern="*.nnstudio"' in mime


def test_depends_lists_the_system_libraries_the_spec_leaves_out(
    packaging_module: Callable[[str], ModuleType],
) -> None:
    libraries = packaging_module("system_libraries")
    assert list(libraries.SYSTEM_LIBRARIES) == EXPECTED_DEPENDS
    assert depends_names(libraries.debian_depends({})) == EXPECTED_DEPENDS


# -- the real .deb -----------------------------------------------------------------------------
@pytest.mark.slow
@pytest.mark.timeout(600)
def test_built_deb(built: Path, packaging_module: Callable[[str], ModuleType]) -> None:
    deb = built / f"nnstudio_{nnstudio.__version__}_amd64.deb"
    check_deb(deb)
    libraries = packaging_module("system_libraries")
    computed = libraries.minimum_versions(libraries.bundle_version_needs(built / "nnstudio"))
    assert depends_versions(control_fields(deb)["Depends"]) == computed
    assert computed["libc6"] == newest_glibc(built / "nnstudio", packaging_module("elf"))
    assert deb.stat().st_size <= 70 * 1000 * 1000
    entries = contents(deb)
    assert "./opt/nnstudio/_internal/nnstudio/resources/icons/nnstudio.svg" in entries


@pytest.mark.slow
@pytest.mark.timeout(600)
def test_depends_matches_what_the_bundle_links_to(
    built: Path,
    dpkg: str,
    packaging_module: Callable[[str], ModuleType],
    toolchain: ModuleType,
) -> None:
    """Every library a bundled file links to and the bundle lacks comes from a package in
    Depends:, and every package in Depends: provides one of them (dpkg -S on this machine)."""
    elf = packaging_module("elf")
    libraries = packaging_module("system_libraries")
    bundle = built / "nnstudio"
    present = {path.name for path in bundle.rglob("*")}
    linked: set[str] = set()
    glibc: set[str] = set()
    for path in bundle.rglob("*"):
        if path.is_file() and not path.is_symlink() and elf.is_elf(path):
            linked.update(name for name in elf.needed(path) if name not in present)
            glibc |= elf.glibc_versions(path)
    declared = {name for names in libraries.SYSTEM_LIBRARIES.values() for name in names}
    assert linked <= declared, f"not declared: {sorted(linked - declared)}"
    owners = {}
    for name in sorted(linked):
        result = subprocess.run([dpkg, "-S", name], capture_output=True, text=True, check=False)
        owners[name] = {
            line.split(":")[0]
            for line in result.stdout.splitlines()
            if os.path.basename(line.split(": ", 1)[1]) == name
        }
    absent = sorted(
        package
        for package, names in libraries.SYSTEM_LIBRARIES.items()
        if any(name in owners and not owners[name] for name in names)
    )
    if absent:  # dpkg -S can only name the package of an installed library
        toolchain.missing_tool(f"dpkg -S needs these installed: apt-get install {' '.join(absent)}")
    assert set().union(*owners.values()) == set(EXPECTED_DEPENDS)
    assert glibc  # what the .deb's libc6 version is computed from
