"""At 200 % the window draws at twice the pixels and still fits its smallest screen.

Qt reads the scale factor once, when the application starts, so each check runs the window in a
Python process of its own with ``QT_SCALE_FACTOR`` set.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = r"""
import json, sys
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
app = QApplication([])
QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, sys.argv[1])
QSettings.setPath(QSettings.NativeFormat, QSettings.UserScope, sys.argv[1])
QSettings().setValue("welcome/shown", True)
from nnstudio.gui import MainWindow
window = MainWindow()
window.resize(1280, 800)
window.show()
app.processEvents()
shot = window.grab()
diagram = window.diagram.grab()
smallest = window.minimumSizeHint()
print(json.dumps({
    "ratio": window.devicePixelRatioF(),
    "shot": [shot.width(), shot.height()],
    "diagram_ratio": diagram.devicePixelRatioF(),
    "smallest": [smallest.width(), smallest.height()],
}))
window.session.set_modified(False)
window.close()
"""


def run_scaled(factor: str, tmp_path: Path) -> dict:
    env = dict(os.environ, QT_SCALE_FACTOR=factor, QT_QPA_PLATFORM="offscreen")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(tmp_path)],
        env=env,
        capture_output=True,
        text=True,
        timeout=90,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("factor", ["1.5", "2"])
def test_a_scaled_window_draws_at_its_pixel_density_and_keeps_its_layout(factor, tmp_path):
    plain = run_scaled("1", tmp_path / "plain")
    scaled = run_scaled(factor, tmp_path / "scaled")
    k = float(factor)
    assert scaled["ratio"] == pytest.approx(k)
    # crisp: the window and the diagram are drawn at the screen's pixels, not scaled up
    assert scaled["shot"] == [round(1280 * k), round(800 * k)]
    assert scaled["diagram_ratio"] == pytest.approx(k)
    # the same layout in points: no widget asks for more room at 200 % than at 100 %, and it
    # fits the smallest screen in use (1920 × 1080 pixels at 200 %: 960 × 540 points)
    assert scaled["smallest"] == plain["smallest"]
    assert scaled["smallest"][0] <= 960 and scaled["smallest"][1] <= 500
