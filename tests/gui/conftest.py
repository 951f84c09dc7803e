"""GUI test set-up: QSettings go to a temporary folder so tests never touch the user's settings."""

import gc

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QSettings
from PySide6.QtWidgets import QMessageBox

from nnstudio.gui import MainWindow


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path, qapp):
    """Point QSettings (native and INI, user and system scope) at a fresh folder per test."""
    folder = str(tmp_path / "settings")
    for fmt in (QSettings.NativeFormat, QSettings.IniFormat):
        for scope in (QSettings.UserScope, QSettings.SystemScope):
            QSettings.setPath(fmt, scope, folder)
    QSettings().clear()
    # as after a first start: the welcome tour opens only in the tests that ask for it
    QSettings().setValue("welcome/shown", True)
    # training as fast as possible (the app's default paces a run for a learner to watch)
    QSettings().setValue("training/speed", 100)
    yield folder


@pytest.fixture
def window(qtbot, monkeypatch):
    """The main window, shown at 1280 × 800, on the first-start model; a question about unsaved
    changes is answered "Discard" (as a learner moving on would), and training is shut down
    afterwards.
    A test module may define its own ``window`` fixture instead."""
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.Discard))
    shown = MainWindow()
    qtbot.addWidget(shown)
    shown.resize(1280, 800)  # a laptop's screen (the offscreen screen is smaller)
    shown.show()
    yield shown
    shown.training.controller.shutdown()


@pytest.fixture(autouse=True)
def collected_windows(qapp):
    """Delete what a test left behind at its end, while nothing else runs. The windows a test
    closes live on in reference cycles (their signal connections to lambdas and bound methods),
    so Python's cyclic collector would delete them at some later moment of its choosing, in
    the middle of another test's event processing; with PySide6 6.12 on Python 3.12 a timer
    event can then reach an object half destroyed, and the interpreter dies (SIGSEGV)."""
    yield
    gc.collect()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    # What survives that collection lives on (pyqtgraph's plot widgets, for one, stay
    # referenced from C++ after their window is deleted): set it aside, so that the next
    # test's collection looks only at what that test made instead of at everything before it.
    gc.freeze()
