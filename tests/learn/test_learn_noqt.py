"""The learn package stays free of Qt, like the engine it builds on."""

import subprocess
import sys


def test_learn_imports_without_qt():
    code = (
        "import sys, nnstudio.learn, nnstudio.learn.stepthrough, nnstudio.learn.runs, "
        "nnstudio.learn.gradient_flow, nnstudio.learn.export_script; "
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'pyqtgraph', 'nnstudio.gui'))]; "
        "assert not bad, bad"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
