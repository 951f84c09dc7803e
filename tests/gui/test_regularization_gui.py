"""L1 λ₁ beside L2 λ in the training panel, and the cost split into its data term and its
regularisation term, through the real main window."""

from __future__ import annotations

import math

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QFileDialog, QListWidget, QWidget

WAIT = 20_000


def type_number(qtbot, box, text: str) -> None:
    box.setFocus()
    box.lineEdit().selectAll()
    qtbot.keyClicks(box.lineEdit(), text)
    qtbot.keyClick(box.lineEdit(), Qt.Key_Return)


def press_undo(qtbot, window) -> None:
    """Ctrl+Z on the active main window, outside any text field."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    target = window.findChild(QListWidget, "layerList")
    target.setFocus()
    qtbot.keyClick(target, Qt.Key_Z, Qt.ControlModifier)


def train_to_end(qtbot, window) -> None:
    with qtbot.waitSignal(window.training.controller.finished, timeout=WAIT):
        qtbot.mouseClick(window.training.panel.train_button, Qt.LeftButton)
    window.training.controller.frames.flush_all()


def test_the_l1_box_sits_below_l2_and_its_edit_is_undone_with_ctrl_z(qtbot, window):
    panel, session = window.training.panel, window.session
    box = window.findChild(QWidget, "l1SpinBox")
    assert box is panel.l1 and box.isVisible() and box.value() == 0.0
    form = panel.hyperparameters.layout()
    assert form.getWidgetPosition(box)[0] == form.getWidgetPosition(panel.l2)[0] + 1
    assert "λ₁/m·Σ|W[l]|" in box.toolTip()
    type_number(qtbot, box, "0.05")
    assert session.l1 == 0.05 and session.network.l1 == 0.05
    assert window.undo_stack.text(window.undo_stack.index() - 1) == "Set L1 λ₁ to 0.05"
    press_undo(qtbot, window)
    assert session.l1 == 0.0 and session.network.l1 == 0.0 and box.value() == 0.0


def test_l1_trains_the_cost_terms_add_up_and_a_reopened_file_keeps_them(
    qtbot, window, tmp_path, monkeypatch
):
    panel, session = window.training.panel, window.session
    type_number(qtbot, panel.epochs, "300")
    type_number(qtbot, panel.l2, "0.1")
    type_number(qtbot, panel.l1, "0.05")
    train_to_end(qtbot, window)
    h = session.history
    assert len(h) > 10 and all(p is not None and p > 0 for p in h.penalty)
    net = session.network  # the last record measures the trained weights
    assert h.penalty[-1] == pytest.approx(net.penalty_cost(session.m), rel=1e-12)

    view = window.training.cost_view
    window.views.setCurrentWidget(view)
    check = window.findChild(QCheckBox, "costTermsCheck")
    assert check is view.terms.check and check.isVisible() and not check.isChecked()
    qtbot.mouseClick(check, Qt.LeftButton)
    assert check.isChecked()
    view.redraw()
    x, total = view.cost_curve.getData()
    xd, data = view.terms.data_curve.getData()
    xp, penalty = view.terms.penalty_curve.getData()
    assert list(x) == list(xd) == list(xp) == h.step
    np.testing.assert_allclose(data + penalty, total, rtol=1e-12)
    np.testing.assert_array_equal(penalty, h.penalty)
    assert view.terms.data_curve in view.plot.getPlotItem().items
    qtbot.mouseClick(check, Qt.LeftButton)  # unticked: the terms leave the plot
    assert view.terms.data_curve not in view.plot.getPlotItem().items

    path = str(tmp_path / "l1.nnstudio")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (path, "")))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (path, "")))
    penalties = list(h.penalty)
    window.findChild(object, "saveAsAction").trigger()
    window.findChild(object, "newAction").trigger()
    assert window.session.l1 == 0.0 and panel.l1.value() == 0.0
    window.findChild(object, "openAction").trigger()
    assert window.session.l1 == 0.05 and panel.l1.value() == 0.05
    assert window.session.network.l1 == 0.05
    assert window.session.history.penalty == penalties
    qtbot.mouseClick(check, Qt.LeftButton)
    view.redraw()
    np.testing.assert_array_equal(view.terms.penalty_curve.getData()[1], penalties)


def test_l1_edited_during_a_run_is_taken_at_the_next_update_and_marked(qtbot, window):
    controller, panel, session = window.training.controller, window.training.panel, window.session
    session.set_settings(epochs=10_000_000)
    with qtbot.waitSignal(controller.reportReceived, timeout=WAIT):
        qtbot.mouseClick(panel.train_button, Qt.LeftButton)
    assert panel.l1.isEnabled()
    type_number(qtbot, panel.l1, "0.02")
    qtbot.waitUntil(lambda: len(session.history.changes) == 1, timeout=WAIT)
    (change,) = session.history.changes
    assert (change.name, change.old, change.new) == ("l1", 0.0, 0.02)
    marks = window.training.cost_view.change_marks
    qtbot.waitUntil(lambda: len(marks.labels()) == 1, timeout=WAIT)
    assert marks.labels() == [(change.step, "λ₁ 0 → 0.02")]
    with qtbot.waitSignal(controller.finished, timeout=WAIT):
        qtbot.mouseClick(panel.stop_button, Qt.LeftButton)
    h = session.history  # (a stop in the middle of a step records no cost and no penalty)
    kept = [
        (s, p)
        for s, c, p in zip(h.step, h.cost, h.penalty, strict=True)
        if c is not None and math.isfinite(c)
    ]
    before = [p for s, p in kept if s < change.step]
    after = [p for s, p in kept if s >= change.step]
    assert before and all(p == 0.0 for p in before) and after and all(p > 0 for p in after)
