"""The whole package type-checks: ``python -m mypy`` with the settings in pyproject.toml
([tool.mypy]: every module of nnstudio/, the GUI included, against PySide6's own stubs)."""

import importlib.util
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.skipif(
    importlib.util.find_spec("mypy") is None, reason="mypy is not installed (the test extra has it)"
)
def test_mypy_finds_no_errors_in_any_module_of_the_package():
    # mypy's default cache (.mypy_cache/ in the checkout, as for `.venv/bin/mypy` and the pre-commit
    # hook) keeps a repeated run to a second or two; a cold run takes about 15 s
    result = subprocess.run(
        [sys.executable, "-m", "mypy"],
        cwd=ROOT,
        env=dict(os.environ, PYTHONDONTWRITEBYTECODE="1"),
        capture_output=True,
        text=True,
        timeout=110,
        check=False,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output[-6000:]
    checked = re.search(r"no issues found in (\d+) source files", output)
    assert checked is not None, output[-2000:]
    modules = [p for p in (ROOT / "nnstudio").rglob("*.py") if "__pycache__" not in p.parts]
    assert int(checked.group(1)) == len(modules), (
        "pyproject.toml [tool.mypy] files must cover nnstudio/"
    )
