"""``nnstudio --self-test``: a headless check that an installed NN Studio works.

Each check prints one line (``PASS``/``FAIL``, its name, what it found), then a summary line.
:func:`run_self_test` returns the exit status: 0 when every check passed, 1 otherwise. The
checks exercise what a broken installation would lose first: NumPy's compiled code, the shipped
resources, the model-file format and the Qt libraries and plugins the main window needs.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from . import __version__

Check = Callable[[], str]  # returns what it found; raises on failure


def check_engine() -> str:
    """Back propagation of a small 2-layer network agrees with numerical gradients."""
    import numpy as np

    from .engine import Network, gradient_check

    rs = np.random.RandomState(3)
    X = rs.randn(3, 7)
    Y = (rs.rand(1, 7) > 0.5).astype(np.int64)
    net = Network([3, 4, 1], ["tanh", "sigmoid"], init="xavier", seed=2)
    result = gradient_check(net, X, Y)
    if not result.passed():
        raise AssertionError(f"gradient check difference {result.difference:.2e} ≥ 1e-7")
    return f"gradient check difference {result.difference:.1e} < 1e-7"


def check_training() -> str:
    """A short run on the flower data set lowers the cost."""
    from .data import flower
    from .engine import FINISHED, Network, Record, TrainingConfig, TrainingData, train

    data = flower()
    net = Network([2, 4, 1], ["tanh", "sigmoid"], init="small", seed=2)
    config = TrainingConfig(learning_rate=1.2, epochs=200, record_every=10, report_every=100)
    records: list[Record] = []
    for report in train(net, TrainingData(data.X, data.Y), config):
        records.extend(report.records)
        final = report
    if final.status != FINISHED:
        raise AssertionError(f"training ended with status {final.status!r}")
    first, last = records[0].cost, records[-1].cost
    if not last < 0.9 * first:
        raise AssertionError(f"the cost did not fall: {first:.4f} → {last:.4f}")
    return f"cost {first:.4f} → {last:.4f} in {final.step} iterations"


def check_model_file() -> str:
    """A model saved to a temporary folder loads back equal; shipped examples load."""
    from . import files
    from .engine import Network

    net = Network([2, 3, 1], ["relu", "sigmoid"], init="he", seed=5)
    with tempfile.TemporaryDirectory(prefix="nnstudio-selftest-") as folder:
        path = Path(folder) / "round-trip.nnstudio"
        files.save_model(path, net)
        loaded = files.load_model(path)
        if loaded.network != net:
            raise AssertionError("the loaded network differs from the saved one")
    examples = sorted(example_folder().glob("*.nnstudio")) if example_folder().is_dir() else []
    for example in examples:
        files.load_model(example)
    return f"saved and loaded a {net.L}-layer network; {len(examples)} shipped example(s) load"


def example_folder() -> Path:
    from .resources import resource_path

    return resource_path("examples")


def check_resources() -> str:
    """The icon and the Qt translations the application ships are installed."""
    from .resources import resource_path

    icon = resource_path("icons", "nnstudio.svg")
    if not icon.is_file():
        raise AssertionError(f"missing {icon}")
    from PySide6.QtCore import QLibraryInfo, QTranslator

    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    translator = QTranslator()
    if not translator.load("qtbase_zh_CN", folder):
        raise AssertionError(f"cannot load the Qt translation qtbase_zh_CN from {folder}")
    ours = resource_path("translations")
    if not QTranslator().load("nnstudio_zh_CN", str(ours)):
        raise AssertionError(f"cannot load NN Studio's translation nnstudio_zh_CN from {ours}")
    return "application icon and the Chinese translations (NN Studio's and Qt's) found"


def check_main_window() -> str:
    """The main window builds offscreen (unless a display was chosen) and processes events."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QSettings
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    with tempfile.TemporaryDirectory(prefix="nnstudio-selftest-") as folder:
        if app is None:
            # A fresh application: keep the window's settings away from the learner's own.
            QSettings.setDefaultFormat(QSettings.Format.IniFormat)
            QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, folder)
            app = QApplication([sys.argv[0] if sys.argv else "nnstudio"])
        from .gui import MainWindow

        window = MainWindow()
        try:
            window.show()
            deadline = time.monotonic() + 0.3
            while time.monotonic() < deadline:
                QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
            if not window.isVisible():
                raise AssertionError("the main window did not show")
            title = window.windowTitle() or "(untitled)"
        finally:
            window.close()
            window.deleteLater()
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
            QCoreApplication.processEvents()
    platform = QApplication.platformName()
    return f"main window {title!r} built and shown on the {platform!r} platform"


CHECKS: tuple[tuple[str, Check], ...] = (
    ("engine", check_engine),
    ("training", check_training),
    ("model file", check_model_file),
    ("resources", check_resources),
    ("main window", check_main_window),
)


def run_self_test(stream: TextIO | None = None) -> int:
    """Run every check, print one line each and a summary to ``stream``; return 0 or 1."""
    out = stream if stream is not None else sys.stdout

    def say(line: str) -> None:
        if out is not None:
            print(line, file=out, flush=True)

    frozen = " (installed bundle)" if getattr(sys, "frozen", False) else ""
    say(f"NN Studio {__version__} self-test{frozen}, Python {sys.version.split()[0]}")
    failed = 0
    for name, check in CHECKS:
        started = time.perf_counter()
        try:
            found = check()
        except Exception as error:  # a self-test reports every failure and carries on
            failed += 1
            say(f"FAIL  {name}: {type(error).__name__}: {error}")
            for line in traceback.format_exc().rstrip().splitlines():
                say(f"      {line}")
        else:
            say(f"PASS  {name}: {found} ({time.perf_counter() - started:.2f} s)")
    if failed:
        say(f"Self-test FAILED: {failed} of {len(CHECKS)} checks failed.")
        return 1
    say(f"Self-test passed: all {len(CHECKS)} checks.")
    return 0


def quit_when_shown(window) -> None:  # window: QWidget
    """For start-up measurements: once ``window`` has painted for the first time, print
    ``nnstudio: window shown`` to stdout and quit the event loop."""
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and not self.property("seen"):
                self.setProperty("seen", True)
                QTimer.singleShot(0, self.report)
            return False

        def report(self) -> None:
            if sys.stdout is not None:
                print("nnstudio: window shown", flush=True)
            QApplication.quit()

    probe = FirstPaint(window)
    window.installEventFilter(probe)
