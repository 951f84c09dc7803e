"""Shared by the packaging tests: one build of the installers per test session.

Building the Linux installers needs tools a fresh machine may lack (PyInstaller, binutils'
objdump, the Python's shared library, dpkg-deb). Without them the tests that build are skipped
with a reason that names what to install; under continuous integration (``CI`` set, as
``.ci/run`` does) a missing tool is an error instead, so CI always runs them.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"


def _load_packaging_module(name: str) -> ModuleType:
    """Import packaging/<name>.py (packaging/ is not a package: the app never imports it)."""
    if str(PACKAGING) not in sys.path:
        sys.path.insert(0, str(PACKAGING))
    spec = importlib.util.spec_from_file_location(f"_packaging_{name}", PACKAGING / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def in_ci() -> bool:
    """True under continuous integration (``CI`` set to anything but empty, 0 or false)."""
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def missing_tool(reason: str) -> None:
    """Skip the test because a tool is missing, saying what to install; in CI, fail."""
    if in_ci():
        pytest.fail(f"{reason} (CI installs it: see .ci/run)", pytrace=False)
    pytest.skip(reason)


def shared_library_hint(
    base_prefix: str = sys.base_prefix, version_info: tuple[int, ...] = sys.version_info[:2]
) -> str:
    """What gives a Python (this one by default) the shared library PyInstaller embeds."""
    version = ".".join(map(str, version_info[:2]))
    if Path(base_prefix).resolve() == Path("/usr"):  # a distribution's Python
        return f"install libpython{version} (apt-get install libpython{version})"
    return f"use a Python {version} built with --enable-shared"


def build_tools_missing() -> str | None:
    """Why the Linux installers cannot be built on this machine, or None when they can."""
    if importlib.util.find_spec("PyInstaller") is None:
        return 'PyInstaller is not installed (pip install -e ".[test]")'
    if shutil.which("objdump") is None:
        return "PyInstaller needs objdump: install binutils (apt-get install binutils)"
    if shutil.which("dpkg-deb") is None:
        return "the .deb needs dpkg-deb: install dpkg (apt-get install dpkg)"
    probe = subprocess.run(
        [
            sys.executable,
            "-c",
            "from PyInstaller.depend.bindepend import get_python_library_path as find; find()",
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    if probe.returncode != 0:
        return (
            f"PyInstaller needs the shared library of this Python ({sys.executable}): "
            + shared_library_hint()
        )
    return None


@pytest.fixture(scope="session")
def packaging_module() -> Callable[[str], ModuleType]:
    """``packaging_module("build")`` is packaging/build.py as a module."""
    return _load_packaging_module


def required_tool(name: str, reason: str) -> str:
    """Path of the program ``name``; a missing tool skips (in CI: fails) with ``reason``."""
    found = shutil.which(name)
    if found is None:
        missing_tool(reason)
    assert found is not None
    return found


@pytest.fixture(scope="session")
def dpkg_deb() -> str:
    """Path of dpkg-deb, which packs and reads the .deb."""
    return required_tool("dpkg-deb", "the .deb needs dpkg-deb: install dpkg (apt-get install dpkg)")


@pytest.fixture(scope="session")
def dpkg() -> str:
    """Path of dpkg, whose ``dpkg -S`` names the package that provides a library."""
    return required_tool("dpkg", "dpkg -S names the package of a library: install dpkg")


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """dist/ of one ``python packaging/build.py`` run (bundle, .tar.gz, .deb) in a temp folder."""
    if not sys.platform.startswith("linux"):
        pytest.skip("the Linux installers are built on Linux")
    reason = build_tools_missing()
    if reason is not None:
        missing_tool(reason)
    folder = tmp_path_factory.mktemp("installers")
    dist, work = folder / "dist", folder / "build"
    result = subprocess.run(
        [
            sys.executable,
            str(PACKAGING / "build.py"),
            *("--dist", str(dist), "--work", str(work)),
            *("--xz-level", "1"),  # the release's default 6 takes 80 s longer
        ],
        capture_output=True,
        text=True,
        timeout=540,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    shutil.rmtree(work, ignore_errors=True)
    return dist


@pytest.fixture(scope="session")
def toolchain() -> ModuleType:
    """This module (``build_tools_missing``, ``missing_tool``), for the tests of those."""
    return sys.modules[__name__]
