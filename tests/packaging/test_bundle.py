"""The PyInstaller bundle: it runs its self-test, carries what the app needs and nothing else."""

from __future__ import annotations

import os
import re
import stat
import subprocess
import tarfile
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

import nnstudio

pytestmark = [pytest.mark.slow, pytest.mark.timeout(600)]

DOWNLOAD_LIMIT = 70 * 1000 * 1000  # bytes, the target for a compressed download


def bundle_files(bundle: Path) -> set[str]:
    return {str(path.relative_to(bundle)) for path in bundle.rglob("*")}


def test_bundle_passes_its_self_test(built: Path) -> None:
    executable = built / "nnstudio" / "nnstudio"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [str(executable), "--self-test"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "(installed bundle)" in result.stdout
    assert "Self-test passed" in result.stdout


def test_bundle_keeps_what_the_app_needs(built: Path) -> None:
    files = bundle_files(built / "nnstudio")
    qt = "_internal/PySide6/Qt"
    for needed in (
        f"{qt}/plugins/platforms/libqxcb.so",
        f"{qt}/plugins/platforms/libqoffscreen.so",
        f"{qt}/plugins/iconengines/libqsvgicon.so",
        f"{qt}/plugins/imageformats/libqsvg.so",
        f"{qt}/translations/qtbase_zh_CN.qm",
        f"{qt}/translations/qtbase_en.qm",
        "_internal/nnstudio/resources/icons/nnstudio.svg",
        "_internal/nnstudio/resources/nnstudio.desktop",
    ):
        assert needed in files, needed
    resources = Path(nnstudio.__file__).resolve().parent.parent / "resources"
    for example in resources.glob("examples/*.nnstudio"):
        assert f"_internal/nnstudio/resources/examples/{example.name}" in files
    for source in resources.glob("translations/*.ts"):  # compiled by build.py
        assert f"_internal/nnstudio/resources/translations/{source.stem}.qm" in files


def test_bundle_leaves_out_unused_qt_and_system_libraries(
    built: Path, packaging_module: Callable[[str], ModuleType]
) -> None:
    files = bundle_files(built / "nnstudio")
    names = {Path(name).name for name in files}
    for unused in ("Network", "Qml", "Quick", "WaylandClient", "EglFSDeviceIntegration", "Pdf"):
        assert f"libQt6{unused}.so.6" not in names
    assert not [name for name in files if "/plugins/wayland" in name or "qgtk3" in name]
    translations = {
        Path(name).name for name in files if name.startswith("_internal/PySide6/Qt/translations/")
    }
    assert all(re.fullmatch(r"qt(base)?_[A-Za-z_]+\.qm", name) for name in translations)
    system = packaging_module("system_libraries").system_library_pattern()
    assert not [name for name in names if system.fullmatch(name)]
    assert "libcrypto.so.3" not in names  # no network: no OpenSSL


def test_tarball_unpacks_to_a_runnable_folder_under_the_size_target(built: Path) -> None:
    version = nnstudio.__version__
    tarball = built / f"nnstudio-{version}-linux-x86_64.tar.gz"
    assert tarball.stat().st_size <= DOWNLOAD_LIMIT
    with tarfile.open(tarball) as archive:
        members = {member.name: member for member in archive.getmembers()}
    top = f"nnstudio-{version}"
    executable = members[f"{top}/nnstudio"]
    assert executable.isfile() and executable.mode & stat.S_IXUSR
    assert all(name == top or name.startswith(f"{top}/") for name in members)
    assert {member.uid for member in members.values()} == {0}
    assert len(members) == len(bundle_files(built / "nnstudio")) + 1
