"""The .deb: control fields, file list, desktop integration and its Depends: list.

The fast tests package a stand-in bundle (no PyInstaller needed); the slow ones check the real
.deb and that Depends: names exactly the packages of the libraries the bundle links to.
"""

from __future__ import annotations

import configparser
import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

import nnstudio

pytestmark = pytest.mark.skipif(shutil.which("dpkg-deb") is None, reason="needs dpkg-deb")

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


def check_deb(deb: Path) -> None:
    fields = control_fields(deb)
    assert fields["Package"] == "nnstudio"
    assert fields["Version"] == nnstudio.__version__
    assert fields["Architecture"] == "amd64"
    assert fields["Maintainer"]
    assert int(fields["Installed-Size"]) > 0
    assert depends_names(fields["Depends"]) == EXPECTED_DEPENDS
    assert "libc6 (>= 2." in fields["Depends"]
    assert fields["Description"].startswith("Build, train and understand")

    entries = contents(deb)
    for path in EXPECTED_FILES:
        assert path in entries, path
    assert entries["./usr/bin/nnstudio"].endswith("-> /opt/nnstudio/nnstudio")
    assert entries["./opt/nnstudio/nnstudio"].startswith("-rwxr-xr-x root/root")
    assert all(" root/root " in line for line in entries.values())
    assert not [path for path in entries if path.startswith("./DEBIAN")]


@pytest.fixture(scope="module")
def standin_deb(
    tmp_path_factory: pytest.TempPathFactory, packaging_module: Callable[[str], ModuleType]
) -> Path:
    """A .deb around a stand-in bundle: the packaging without the 20 s PyInstaller run."""
    build = packaging_module("build")
    folder = tmp_path_factory.mktemp("standin")
    bundle = folder / "nnstudio"
    (bundle / "_internal").mkdir(parents=True)
    (bundle / "nnstudio").write_text("#!/bin/sh\necho stand-in\n")
    (bundle / "nnstudio").chmod(0o700)
    (bundle / "_internal" / "data.txt").write_text("data\n")
    out = folder / f"nnstudio_{nnstudio.__version__}_amd64.deb"
    return build.make_deb(bundle, out, nnstudio.__version__, folder / "work")


def test_control_fields_and_file_list(standin_deb: Path) -> None:
    check_deb(standin_deb)
    assert "./opt/nnstudio/_internal/data.txt" in contents(standin_deb)


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
    assert depends_names(libraries.debian_depends()) == EXPECTED_DEPENDS


# -- the real .deb -----------------------------------------------------------------------------
@pytest.mark.slow
@pytest.mark.timeout(600)
def test_built_deb(built: Path) -> None:
    deb = built / f"nnstudio_{nnstudio.__version__}_amd64.deb"
    check_deb(deb)
    assert deb.stat().st_size <= 70 * 1000 * 1000
    entries = contents(deb)
    assert "./opt/nnstudio/_internal/nnstudio/resources/icons/nnstudio.svg" in entries


@pytest.mark.slow
@pytest.mark.timeout(600)
def test_depends_matches_what_the_bundle_links_to(
    built: Path, packaging_module: Callable[[str], ModuleType]
) -> None:
    """Every library a bundled file links to and the bundle lacks comes from a package in
    Depends:, and every package in Depends: provides one of them (dpkg -S on this machine)."""
    if shutil.which("dpkg") is None:
        pytest.skip("needs dpkg")
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
        result = subprocess.run(["dpkg", "-S", name], capture_output=True, text=True, check=False)
        owners[name] = {
            line.split(":")[0]
            for line in result.stdout.splitlines()
            if os.path.basename(line.split(": ", 1)[1]) == name
        }
    assert all(owners.values()), f"not installed here: {[n for n, o in owners.items() if not o]}"
    assert set().union(*owners.values()) == set(EXPECTED_DEPENDS)
    newest = max(glibc, key=elf.version_key)
    assert elf.version_key(newest) <= elf.version_key(f"GLIBC_{libraries.MINIMUM_GLIBC}")
