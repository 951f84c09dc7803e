"""The model file code, the command line and the session with its run assembler never import
Qt."""

from __future__ import annotations

import subprocess
import sys

CHECK = """
import sys
import nnstudio.files, nnstudio.files.examples, nnstudio.cli
import nnstudio.session, nnstudio.training_run
import nnstudio.interop, nnstudio.interop.onnx_export
loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'pyqtgraph', 'shiboken6'))
assert not loaded, loaded
assert 'nnstudio.gui' not in sys.modules
"""


def test_importing_files_and_cli_leaves_qt_out():
    result = subprocess.run(
        [sys.executable, "-c", CHECK], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stderr
