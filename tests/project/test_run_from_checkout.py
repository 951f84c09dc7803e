"""``python -m nnstudio`` works from the root of a checkout whose package was installed without
``-e``: the checkout's nnstudio/ is imported and finds its resources/ beside it."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

# the self-test starts the app
pytest.importorskip("PySide6")

ROOT = Path(__file__).resolve().parents[2]

# Runs ``python -m nnstudio --self-test`` as it runs after ``pip install .``: no editable-install
# finder maps nnstudio.resources to resources/ (a wheel install puts it inside the package, and
# the checkout's own nnstudio/ shadows that copy).
RUN_AS_AFTER_A_PLAIN_INSTALL = """
import runpy, sys
sys.meta_path[:] = [f for f in sys.meta_path if "editable" not in getattr(f, "__module__", "")]
sys.argv = ["nnstudio", "--self-test"]
runpy.run_module("nnstudio", run_name="__main__", alter_sys=True)
"""


def test_python_m_nnstudio_finds_the_checkouts_resources(tmp_path):
    checkout = tmp_path / "checkout"
    ignore = shutil.ignore_patterns("__pycache__")
    shutil.copytree(ROOT / "nnstudio", checkout / "nnstudio", ignore=ignore)
    shutil.copytree(ROOT / "resources", checkout / "resources", ignore=ignore)
    result = subprocess.run(
        [sys.executable, "-c", RUN_AS_AFTER_A_PLAIN_INSTALL],
        cwd=checkout,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONDONTWRITEBYTECODE="1"),
        capture_output=True,
        text=True,
        timeout=110,
        check=False,
    )
    assert "No module named 'nnstudio.resources'" not in result.stdout + result.stderr
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    assert "Self-test passed" in result.stdout
    examples = len(list((ROOT / "resources" / "examples").glob("*.nnstudio")))
    assert f"{examples} shipped example(s) load" in result.stdout
