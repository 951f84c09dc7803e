"""Shared by the packaging tests: one build of the installers per test session."""

from __future__ import annotations

import importlib.util
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


@pytest.fixture(scope="session")
def packaging_module() -> Callable[[str], ModuleType]:
    """``packaging_module("build")`` is packaging/build.py as a module."""
    return _load_packaging_module


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """dist/ of one ``python packaging/build.py`` run (bundle, .tar.gz, .deb) in a temp folder."""
    if not sys.platform.startswith("linux"):
        pytest.skip("the Linux installers are built on Linux")
    if importlib.util.find_spec("PyInstaller") is None:
        pytest.skip("PyInstaller is not installed (pip install pyinstaller)")
    if shutil.which("dpkg-deb") is None:
        pytest.skip("dpkg-deb is not installed (Debian package dpkg)")
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
