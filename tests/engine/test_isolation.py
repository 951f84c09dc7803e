"""engine/, data/ and files/ never pull in Qt (DESIGN.md §2)."""

import subprocess
import sys

import pytest


@pytest.mark.parametrize(
    "package",
    ["nnstudio.engine", "nnstudio.data", "nnstudio.files", "nnstudio.learn", "nnstudio.session"],
)
def test_importing_leaves_qt_out(package):
    code = (
        f"import sys, {package}; "
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'pyqtgraph', 'nnstudio.gui'))]; "
        "print(bad); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
