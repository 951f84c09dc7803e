"""A pace a learner can watch (speedSlider) and knobs that work during a run (α, λ), through the
real main window."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QFileDialog, QSlider

from nnstudio.engine import SettingChange
from nnstudio.gui import MainWindow
from nnstudio.gui.training.speed import DEFAULT_SPEED, FASTEST, SPEED_KEY, pace_delay

WAIT = 10_000


def slider(window) -> QSlider:
    found = window.findChild(QSlider, "speedSlider")
    assert found is not None and found.isVisible()
    return found


def move(qtbot, widget: QSlider, position: int) -> None:
    """Move the slider with the keyboard, as a learner can: Home, then PageUp/Right."""
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key_Home)
    while widget.value() + widget.pageStep() <= position:
        qtbot.keyClick(widget, Qt.Key_PageUp)
    while widget.value() < position:
        qtbot.keyClick(widget, Qt.Key_Right)
    assert widget.value() == position


def type_number(qtbot, box, text: str) -> None:
    box.setFocus()
    box.lineEdit().selectAll()
    qtbot.keyClicks(box.lineEdit(), text)
    qtbot.keyClick(box.lineEdit(), Qt.Key_Return)


def start(qtbot, window) -> None:
    controller = window.training.controller
    with qtbot.waitSignal(controller.reportReceived, timeout=WAIT):
        qtbot.mouseClick(window.training.panel.train_button, Qt.LeftButton)


def step_after_reports(qtbot, controller, count: int) -> int:
    """The iteration reached after ``count`` more reports (they come a few times a second)."""
    for _ in range(count):
        with qtbot.waitSignal(controller.reportReceived, timeout=WAIT):
            pass
    return controller.last_report.step


def test_the_speed_slider_sits_after_the_optimizer_in_the_toolbar(window):
    panel = window.training.panel
    row = panel.quick_controls.layout()
    widgets = [row.itemAt(i).widget() for i in range(row.count())]
    assert widgets.index(panel.speed) > widgets.index(panel.optimizer)
    assert slider(window).maximum() == FASTEST


def test_moving_the_speed_slider_paces_a_running_run(qtbot, window):
    controller = window.training.controller
    window.session.set_settings(epochs=10_000_000)
    move(qtbot, slider(window), 0)  # one update per frame: 60 a second
    assert controller.pace == pytest.approx(1 / 60)
    start(qtbot, window)
    slow_from = controller.last_report.step
    slow = step_after_reports(qtbot, controller, 3) - slow_from
    assert slow < 100  # a few reports at 60 updates a second
    move(qtbot, slider(window), FASTEST)  # as fast as possible, while it runs
    assert controller.pace == 0.0
    fast_from = controller.last_report.step
    fast = step_after_reports(qtbot, controller, 3) - fast_from
    assert fast > 10 * max(slow, 10)
    with qtbot.waitSignal(controller.finished, timeout=WAIT):
        qtbot.mouseClick(window.training.panel.stop_button, Qt.LeftButton)


def test_a_stop_during_a_long_wait_answers_at_once(qtbot, window):
    controller = window.training.controller
    move(qtbot, slider(window), 0)
    start(qtbot, window)
    controller.set_pace(600.0)  # ten minutes between two updates: Stop must not wait for it
    qtbot.waitUntil(lambda: controller.last_report.step >= 1, timeout=WAIT)
    with qtbot.waitSignal(controller.finished, timeout=1000):
        qtbot.mouseClick(window.training.panel.stop_button, Qt.LeftButton)
    assert controller.state == "idle"


def test_the_speed_is_a_preference_kept_for_the_next_start(qtbot, window):
    move(qtbot, slider(window), 70)
    assert int(QSettings().value(SPEED_KEY)) == 70
    again = MainWindow()
    qtbot.addWidget(again)
    assert again.findChild(QSlider, "speedSlider").value() == 70
    assert again.training.controller.pace == pytest.approx(pace_delay(70))
    QSettings().remove(SPEED_KEY)  # a first start: a pace to watch, a few seconds for the run
    first = MainWindow()
    qtbot.addWidget(first)
    assert first.findChild(QSlider, "speedSlider").value() == DEFAULT_SPEED
    assert 5 <= 10_000 * pace_delay(DEFAULT_SPEED) <= 10


def test_alpha_and_lambda_edited_during_a_run_are_taken_marked_and_saved(
    qtbot, window, tmp_path, monkeypatch
):
    controller, panel, session = window.training.controller, window.training.panel, window.session
    move(qtbot, slider(window), 30)  # ≈ 490 updates a second
    start(qtbot, window)
    assert panel.learning_rate.isEnabled()
    type_number(qtbot, panel.learning_rate, "0.5")
    qtbot.waitUntil(lambda: len(session.history.changes) == 1, timeout=WAIT)
    type_number(qtbot, panel.l2, "0.25")
    qtbot.waitUntil(lambda: len(session.history.changes) == 2, timeout=WAIT)
    alpha, lam = session.history.changes
    assert (alpha.name, alpha.old, alpha.new) == ("learning_rate", 1.2, 0.5)
    assert (lam.name, lam.old, lam.new) == ("l2", 0.0, 0.25)
    assert 0 < alpha.step <= lam.step < 10_000
    # the settings follow, as an ordinary (undoable) edit
    assert session.settings.learning_rate == 0.5 and session.l2 == 0.25
    assert "0.5" in window.undo_stack.text(window.undo_stack.index() - 2)
    marks = window.training.cost_view.change_marks
    qtbot.waitUntil(lambda: len(marks.labels()) == 2, timeout=WAIT)
    assert marks.labels() == [(alpha.step, "α 1.2 → 0.5"), (lam.step, "λ 0 → 0.25")]
    with qtbot.waitSignal(controller.finished, timeout=WAIT):
        qtbot.mouseClick(panel.stop_button, Qt.LeftButton)
    kept = session.runs.list()[-1]  # Compare runs names the run with what changed, and when
    assert f"lr 1.2→0.5 at {alpha.step}, λ 0→0.25 at {lam.step}" in kept.name

    path = str(tmp_path / "live.nnstudio")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (path, "")))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (path, "")))
    window.findChild(object, "saveAsAction").trigger()
    window.findChild(object, "newAction").trigger()
    assert window.session.history.changes == []
    assert window.training.cost_view.change_marks.labels() == []
    window.findChild(object, "openAction").trigger()
    reopened = window.session.history.changes
    assert reopened == [
        SettingChange(alpha.step, "learning_rate", 1.2, 0.5),
        SettingChange(lam.step, "l2", 0.0, 0.25),
    ]
    assert window.training.cost_view.change_marks.labels() == marks.labels()
