"""The Tuning view in the main window: a random search in the background, its plots and table,
the best runs sent to Compare runs, cancel, and one training at a time."""

from __future__ import annotations

import numpy as np
import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QLabel,
    QListWidget,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QWidget,
)

from nnstudio.gui import MainWindow, install_language
from nnstudio.gui.window.main_window import switch_language
from nnstudio.session_tuning import TuningSearch

WAIT = 30_000


@pytest.fixture
def window(qtbot):
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    yield window
    window.learn.tuning_view.shutdown()
    window.training.controller.shutdown()


def child(window, kind, name):
    widget = window.findChild(kind, name)
    assert widget is not None, name
    return widget


def tuning_view(window, dev_share=25):
    child(window, QSpinBox, "validationSpinBox").setValue(dev_share)
    view = child(window, QWidget, "tuningView")
    window.views.setCurrentWidget(view)
    return view


def set_search(window, runs, epochs, units=False, keep_prob=False):
    child(window, QSpinBox, "tuningRunsSpinBox").setValue(runs)
    child(window, QSpinBox, "tuningEpochsSpinBox").setValue(epochs)
    child(window, QCheckBox, "tuningUnitsCheckBox").setChecked(units)
    child(window, QCheckBox, "tuningKeepProbCheckBox").setChecked(keep_prob)


def click(qtbot, window, name):
    button = child(window, QPushButton, name)
    assert button.isEnabled(), name
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_a_tiny_search_plots_and_ranks_its_runs_and_sends_the_best_to_compare_runs(qtbot, window):
    view = tuning_view(window)
    set_search(window, runs=4, epochs=40, units=True, keep_prob=True)
    session = window.session
    weights = {k: v.copy() for k, v in session.network.params.items()}
    settings = session.settings
    with qtbot.waitSignal(view.runner.finished, timeout=WAIT) as finished:
        click(qtbot, window, "tuningStartButton")
    assert finished.args == [True]
    qtbot.waitUntil(lambda: not view.searching, timeout=WAIT)
    results = view.results
    assert len(results) == 4 and view.progress.value() == 4
    # one plot per searched hyperparameter, a point per run at (value, dev error)
    assert set(view.plots) == {"learning_rate", "l2", "keep_prob", "units"}
    for key, item in view.points.items():
        np.testing.assert_allclose(item.xData, [float(r.value(key)) for r in results])
        np.testing.assert_allclose(item.yData, [100 * r.dev_error for r in results])  # in %
    bottom = {key: plot.getPlotItem().getAxis("bottom").logMode for key, plot in view.plots.items()}
    assert bottom == {"learning_rate": True, "l2": True, "keep_prob": False, "units": False}
    # the table lists the runs from the lowest dev error up
    table = child(window, QTableWidget, "tuningResultsTable")
    assert table.rowCount() == 4
    dev_column = table.columnCount() - 1
    shown = [float(table.item(row, dev_column).text().rstrip(" %")) for row in range(4)]
    assert shown == sorted(shown)
    best = min(results, key=lambda r: r.dev_error)
    assert table.item(0, 0).text() == str(best.index + 1)
    assert shown[0] == pytest.approx(100 * best.dev_error, abs=0.05)
    # the learner's network and settings are as they were
    assert session.settings == settings and not session.history.step
    for name, value in weights.items():
        np.testing.assert_array_equal(session.network.params[name], value)

    child(window, QSpinBox, "tuningBestSpinBox").setValue(2)
    before = len(session.runs)
    session.set_modified(False)
    click(qtbot, window, "tuningSendButton")
    assert session.modified  # the model file keeps the runs: closing asks to save them
    sent = session.runs.list()[before:]
    assert len(sent) == 2
    assert sent[0].name.startswith(f"tuning {best.index + 1}: α ")
    assert f"n[l] {best.value('units')}" in sent[0].name
    assert sent[0].history["step"][-1] == 40
    runs_list = child(window, QListWidget, "runsList")  # Compare runs lists them
    listed = [runs_list.item(i).text() for i in range(runs_list.count())]
    assert [run.name for run in sent] == listed[before:]


def test_cancel_ends_a_long_search_between_or_inside_runs(qtbot, window):
    view = tuning_view(window)
    set_search(window, runs=60, epochs=3000)
    with qtbot.waitSignal(view.runner.result, timeout=WAIT):
        click(qtbot, window, "tuningStartButton")
    with qtbot.waitSignal(view.runner.finished, timeout=WAIT) as finished:
        click(qtbot, window, "tuningCancelButton")
    assert finished.args == [False]
    qtbot.waitUntil(lambda: not view.searching, timeout=WAIT)
    assert 1 <= len(view.results) < 60
    status = child(window, QLabel, "tuningStatusLabel").text()
    assert f"cancelled after {len(view.results)} runs" in status
    assert child(window, QPushButton, "tuningStartButton").isEnabled()
    assert not child(window, QPushButton, "tuningCancelButton").isEnabled()


def test_one_training_at_a_time(qtbot, window):
    view = tuning_view(window)
    controller, panel = window.training.controller, window.training.panel
    set_search(window, runs=60, epochs=3000)
    click(qtbot, window, "tuningStartButton")
    assert view.searching
    assert not panel.train_action.isEnabled() and not panel.train_button.isEnabled()
    assert "search is running" in window.statusBar().currentMessage()
    with qtbot.waitSignal(view.runner.busyChanged, timeout=WAIT):
        click(qtbot, window, "tuningCancelButton")
    assert panel.train_action.isEnabled() and panel.step_action.isEnabled()

    assert controller.start(paused=True)  # the main training holds the network
    start = child(window, QPushButton, "tuningStartButton")
    assert not start.isEnabled()
    assert "Training is in progress" in child(window, QLabel, "tuningStatusLabel").text()
    with qtbot.waitSignal(controller.busyChanged, timeout=WAIT):
        controller.stop()
    assert start.isEnabled()


def test_a_search_that_cannot_start_says_why_and_starts_nothing(qtbot, window):
    view = tuning_view(window, dev_share=0)
    click(qtbot, window, "tuningStartButton")
    assert not view.searching
    text = child(window, QLabel, "tuningStatusLabel").text()
    assert "cannot start" in text and "dev share" in text
    for name in ("tuningLearningRateCheckBox", "tuningL2CheckBox"):
        child(window, QCheckBox, name).setChecked(False)
    assert not child(window, QPushButton, "tuningStartButton").isEnabled()


def test_closing_the_window_ends_a_search_under_way(qtbot, window):
    view = tuning_view(window)
    set_search(window, runs=60, epochs=3000)
    click(qtbot, window, "tuningStartButton")
    thread = view.runner._thread
    assert thread is not None and thread.isRunning()
    window.session.set_modified(False)  # nothing to save: the window closes at once
    window.close()
    qtbot.waitUntil(lambda: not view.searching, timeout=WAIT)
    assert len(view.results) < 60


def test_switching_the_language_ends_a_search_under_way(qtbot, qapp):
    window = MainWindow()  # not the fixture's: the switch deletes it
    window.show()
    view = tuning_view(window)
    set_search(window, runs=60, epochs=3000)
    click(qtbot, window, "tuningStartButton")
    thread = view.runner._thread
    assert thread is not None and thread.isRunning()
    new = switch_language(window, "zh_CN")
    assert new is not None and new is not window
    qtbot.addWidget(new)
    try:
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        # the old window is gone, and its search ended with it
        assert not shiboken6.isValid(window)
        assert not shiboken6.isValid(thread) or thread.isFinished()
    finally:
        install_language(qapp, "en")
        new.session.set_modified(False)
        new.learn.tuning_view.shutdown()
        new.training.controller.shutdown()


def test_an_error_in_a_run_becomes_a_message(qtbot, window, monkeypatch):
    def fail(*args, **kwargs):
        raise MemoryError("no room for the run")

    monkeypatch.setattr(TuningSearch, "run_one", fail)
    view = tuning_view(window)
    set_search(window, runs=3, epochs=10)
    with qtbot.waitSignal(view.runner.errored, timeout=WAIT):
        click(qtbot, window, "tuningStartButton")
    qtbot.waitUntil(lambda: not view.searching, timeout=WAIT)
    text = child(window, QLabel, "tuningStatusLabel").text()
    assert "stopped with an error" in text and "no room for the run" in text
    assert child(window, QPushButton, "tuningStartButton").isEnabled()
    assert window.training.panel.train_action.isEnabled()
