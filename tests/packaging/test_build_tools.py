"""A machine without the build tools skips the installer tests saying what to install; CI fails."""

from __future__ import annotations

import shutil
from pathlib import Path
from types import ModuleType

import pytest


def path_with_only(tmp_path: Path, *programs: str) -> str:
    """A PATH folder holding links to just these programs of this machine."""
    folder = tmp_path / "bin"
    folder.mkdir()
    for program in programs:
        found = shutil.which(program)
        if found is not None:
            (folder / program).symlink_to(found)
    return str(folder)


def test_without_objdump_the_reason_names_binutils(
    toolchain: ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("PyInstaller")
    monkeypatch.setenv("PATH", path_with_only(tmp_path, "dpkg-deb"))
    reason = toolchain.build_tools_missing()
    assert reason is not None and "objdump" in reason and "binutils" in reason


def test_without_dpkg_deb_the_reason_names_dpkg(
    toolchain: ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("PyInstaller")
    objdump = shutil.which("objdump")
    monkeypatch.setenv("PATH", path_with_only(tmp_path, "objdump"))
    reason = toolchain.build_tools_missing()
    assert reason is not None
    assert ("dpkg-deb" in reason and "install dpkg" in reason) if objdump else "binutils" in reason


def test_a_distribution_python_is_told_which_package_has_its_shared_library(
    toolchain: ModuleType,
) -> None:
    hint = toolchain.shared_library_hint("/usr", (3, 11))
    assert hint == "install libpython3.11 (apt-get install libpython3.11)"
    assert "--enable-shared" in toolchain.shared_library_hint("/opt/python", (3, 12))


@pytest.mark.parametrize("value", ["", "0", "false"])
def test_outside_ci_a_missing_tool_skips(
    toolchain: ModuleType, monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    monkeypatch.setenv("CI", value)
    with pytest.raises(pytest.skip.Exception, match="install binutils"):
        toolchain.missing_tool("PyInstaller needs objdump: install binutils")


@pytest.mark.parametrize("value", ["true", "1"])
def test_in_ci_a_missing_tool_fails(
    toolchain: ModuleType, monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    monkeypatch.setenv("CI", value)
    with pytest.raises(pytest.fail.Exception, match="install binutils"):
        toolchain.missing_tool("PyInstaller needs objdump: install binutils")
