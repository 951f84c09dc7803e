"""Learning-rate decay in the training panel: the schedule, its rate and its interval as undoable
settings that a run uses and a saved file keeps; the initialisation choices explain themselves."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QFileDialog, QListWidget, QWidget

from nnstudio.engine import decayed_learning_rate

WAIT = 20_000


def type_number(qtbot, box, text: str) -> None:
    box.setFocus()
    box.lineEdit().selectAll()
    qtbot.keyClicks(box.lineEdit(), text)
    qtbot.keyClick(box.lineEdit(), Qt.Key_Return)


def choose(qtbot, combo: QComboBox, key: str) -> None:
    """Pick the entry whose data is ``key``, as a choice from the open list makes it."""
    target = combo.findData(key)
    assert target >= 0 and combo.isEnabled()
    combo.setCurrentIndex(target)


def press_undo(qtbot, window) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    target = window.findChild(QListWidget, "layerList")
    target.setFocus()
    qtbot.keyClick(target, Qt.Key_Z, Qt.ControlModifier)


def test_the_decay_controls_explain_their_formulas_and_enable_what_counts(qtbot, window):
    combo = window.findChild(QComboBox, "decayScheduleCombo")
    rate = window.findChild(QWidget, "decayRateSpinBox")
    interval = window.findChild(QWidget, "decayIntervalSpinBox")
    assert combo.currentData() == "none" and rate.value() == 0.0
    assert [combo.itemData(i) for i in range(combo.count())] == [
        "none",
        "inverse",
        "scheduled",
        "exponential",
    ]
    assert "α₀ / (1 + decay_rate · epoch_num)" in combo.toolTip()
    assert "⌊epoch_num / time_interval⌋" in combo.toolTip()
    assert "α₀ · decay_rate^epoch_num" in combo.toolTip()
    tip = combo.itemData(combo.findData("exponential"), Qt.ToolTipRole)
    assert "decay_rate^epoch_num" in tip
    assert not rate.isEnabled() and not interval.isEnabled()
    choose(qtbot, combo, "inverse")
    assert rate.isEnabled() and not interval.isEnabled()
    choose(qtbot, combo, "scheduled")
    assert rate.isEnabled() and interval.isEnabled()


def test_choosing_a_schedule_proposes_a_rate_in_one_undo_step(qtbot, window):
    session, panel = window.session, window.training.panel
    choose(qtbot, panel.decay.schedule, "exponential")
    s = session.settings
    assert (s.decay_schedule, s.decay_rate) == ("exponential", 0.95)
    assert panel.decay.rate.value() == 0.95
    type_number(qtbot, panel.decay.rate, "0.9")
    assert session.settings.decay_rate == 0.9
    assert window.undo_stack.text(window.undo_stack.index() - 1) == "Set decay rate to 0.9"
    press_undo(qtbot, window)
    assert session.settings.decay_rate == 0.95
    press_undo(qtbot, window)
    s = session.settings
    assert (s.decay_schedule, s.decay_rate) == ("none", 0.0)
    assert panel.decay.schedule.currentData() == "none" and not panel.decay.rate.isEnabled()


def test_a_scheduled_run_records_the_decayed_rates_and_a_file_keeps_the_schedule(
    qtbot, window, tmp_path, monkeypatch
):
    session, panel = window.session, window.training.panel
    type_number(qtbot, panel.epochs, "40")
    choose(qtbot, panel.decay.schedule, "scheduled")
    type_number(qtbot, panel.decay.rate, "0.5")
    type_number(qtbot, panel.decay.interval, "10")
    s = session.settings
    assert (s.decay_schedule, s.decay_rate, s.decay_interval) == ("scheduled", 0.5, 10)
    alpha0 = s.learning_rate
    with qtbot.waitSignal(window.training.controller.finished, timeout=WAIT):
        qtbot.mouseClick(panel.train_button, Qt.LeftButton)
    h = session.history
    assert h.learning_rate and all(v is not None for v in h.learning_rate)
    assert min(h.learning_rate) < alpha0  # the run's rate dropped
    # full batch: one iteration per epoch; the rate recorded after step t is the next epoch's
    for step, lr in zip(h.step, h.learning_rate, strict=True):
        expected = (
            alpha0 if step == 0 else decayed_learning_rate(alpha0, step - 1, "scheduled", 0.5, 10)
        )
        assert lr == pytest.approx(expected, rel=1e-12), step

    path = str(tmp_path / "decay.nnstudio")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (path, "")))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (path, "")))
    window.findChild(object, "saveAsAction").trigger()
    window.findChild(object, "newAction").trigger()
    assert (
        session.settings.decay_schedule == "none" and panel.decay.schedule.currentData() == "none"
    )
    window.findChild(object, "openAction").trigger()
    s = window.session.settings
    assert (s.decay_schedule, s.decay_rate, s.decay_interval) == ("scheduled", 0.5, 10)
    assert panel.decay.schedule.currentData() == "scheduled"
    assert (panel.decay.rate.value(), panel.decay.interval.value()) == (0.5, 10)


def test_the_decay_controls_are_locked_while_a_run_trains(qtbot, window):
    controller, panel, session = window.training.controller, window.training.panel, window.session
    session.set_settings(epochs=10_000_000, decay_schedule="scheduled", decay_rate=1.0)
    assert panel.decay.interval.isEnabled()
    with qtbot.waitSignal(controller.reportReceived, timeout=WAIT):
        qtbot.mouseClick(panel.train_button, Qt.LeftButton)
    assert not any(w.isEnabled() for w in panel.decay.widgets)
    assert "Stop training" in panel.decay.schedule.toolTip()
    with qtbot.waitSignal(controller.finished, timeout=WAIT):
        qtbot.mouseClick(panel.stop_button, Qt.LeftButton)
    assert all(w.isEnabled() for w in panel.decay.widgets)


def test_large_initialisation_is_offered_and_says_why_it_saturates(qtbot, window):
    combo = window.findChild(QComboBox, "initCombo")
    index = combo.findData("large")
    assert index >= 0
    assert "saturate" in combo.itemData(index, Qt.ToolTipRole)
    assert "g′(Z) ≈ 0" in combo.itemData(index, Qt.ToolTipRole)
    choose(qtbot, combo, "large")
    assert window.session.init == "large"
