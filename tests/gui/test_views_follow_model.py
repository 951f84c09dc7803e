"""The live views show the model that is open: after New, Open, an example, other data or an
edit, the cost curves, the decision boundary, the activations and the controller's last report
are those of the model now open; the cost axis shows costs as they are."""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtGui import QAction

from nnstudio.gui import switch_language
from nnstudio.gui.training.probe import ProbeCache
from nnstudio.learn.view_data import compute_views
from nnstudio.session import History, Session
from nnstudio.session_files import save_session

WAIT = 10_000


def trigger(window, name: str) -> None:
    action = window.findChild(QAction, name)
    assert action is not None, name
    action.trigger()


def history_costs(session) -> tuple[np.ndarray, np.ndarray]:
    h = session.history
    rows = [(s, c) for s, c in zip(h.step, h.cost, strict=True) if c is not None]
    steps, costs = zip(*rows, strict=True) if rows else ((), ())
    return np.asarray(steps, dtype=float), np.asarray(costs, dtype=float)


def cost_curve_holds_history(window) -> bool:
    """The training-cost curve draws the session's history: from its first record to its last,
    every point drawn a record of it (a long history is thinned for drawing, never changed)."""
    steps, costs = history_costs(window.session)
    x, y = window.training.cost_view.cost_curve.getData()
    if not steps.size or not x.size:
        return steps.size == x.size
    at = np.searchsorted(steps, x)
    return (
        x[0] == steps[0]
        and x[-1] == steps[-1]
        and bool(np.all(at < steps.size))
        and np.array_equal(steps[np.minimum(at, steps.size - 1)], x)
        and np.allclose(costs[np.minimum(at, steps.size - 1)], y)
    )


def test_opening_another_example_shows_its_cost_curves(qtbot, window):
    view = window.training.cost_view
    window.views.setCurrentWidget(view)
    trigger(window, "example_sine_regression")
    assert window.session.dataset.name == "sine"
    qtbot.waitUntil(lambda: cost_curve_holds_history(window), timeout=WAIT)
    sine_costs = view.cost_curve.getData()[1].copy()

    trigger(window, "example_flower")  # its history ends at an iteration as round as Sine's
    assert window.session.dataset.name == "flower"
    qtbot.waitUntil(lambda: cost_curve_holds_history(window), timeout=WAIT)
    assert view.cost_curve.getData()[1][0] != sine_costs[0]
    steps, _ = history_costs(window.session)
    assert view.summary.text().startswith(f"iteration {int(steps[-1])} ")

    trigger(window, "newAction")
    qtbot.waitUntil(lambda: view.cost_curve.getData()[0].size == 0, timeout=WAIT)
    assert view.summary.text() == "Not trained yet"


def test_undoing_a_new_data_set_and_switching_language_keep_the_curves_true(qtbot, window):
    view = window.training.cost_view
    window.views.setCurrentWidget(view)
    trigger(window, "example_blobs_softmax")
    qtbot.waitUntil(lambda: cost_curve_holds_history(window), timeout=WAIT)
    window.data_panel.dataset_combo.setCurrentIndex(
        window.data_panel.dataset_combo.findData("moons")
    )
    assert window.session.dataset.name == "moons" and not window.session.history.step
    qtbot.waitUntil(lambda: view.cost_curve.getData()[0].size == 0, timeout=WAIT)
    window.undo_stack.undo()
    assert window.session.dataset.name == "blobs"
    qtbot.waitUntil(lambda: cost_curve_holds_history(window), timeout=WAIT)

    trigger(window, "example_sine_regression")
    new = switch_language(window, "zh_CN")
    assert new is not None and new is not window
    qtbot.addWidget(new)
    try:
        new.views.setCurrentWidget(new.training.cost_view)
        qtbot.waitUntil(lambda: cost_curve_holds_history(new), timeout=WAIT)
        assert new.training.controller.last_report is None
    finally:
        switch_language(new, "en")


def expected_views(session: Session):
    probe = ProbeCache().get(session)
    return compute_views(session.network.params, session.spec, probe, 0)


def test_new_resets_the_boundary_the_activations_and_the_last_report(qtbot, window):
    ui = window.training
    controller = ui.controller
    trigger(window, "example_blobs_softmax")
    window.views.setCurrentWidget(ui.decision_view)
    window.diagram.select_unit(2, 2)  # the third softmax unit: there is none after New
    assert ui.decision_view.selected == (2, 2)
    with qtbot.waitSignal(controller.reportReceived, timeout=WAIT):
        controller.step()  # one iteration, then the run waits
    with qtbot.waitSignal(controller.finished, timeout=WAIT):
        controller.stop()
    assert controller.last_report is not None and controller.last_status

    trigger(window, "newAction")
    session = window.session
    assert session.spec.layer_dims == (2, 4, 1)
    assert controller.last_report is None
    assert controller.last_status == "" and controller.last_divergence == ""
    assert ui.decision_view.selected is None
    assert not ui.decision_view.output_button.isVisible()
    expected = expected_views(session)
    qtbot.waitUntil(
        lambda: (
            ui.decision_view.class_map.image is not None
            and np.array_equal(ui.decision_view.class_map.image, expected.output_image)
        ),
        timeout=WAIT,
    )
    window.views.setCurrentWidget(ui.activations_view)
    qtbot.waitUntil(lambda: ui.activations_view.layer_combo.count() == 2, timeout=WAIT)
    ui.activations_view.select_layer(1)
    qtbot.waitUntil(
        lambda: (
            ui.activations_view.heatmap.values is not None
            and np.allclose(ui.activations_view.heatmap.values, expected.layers[0].heatmap)
        ),
        timeout=WAIT,
    )


def exploded_file(tmp_path):
    session = Session()
    steps = [0, 10, 20, 30, 40, 50]
    costs = [0.69, 0.6, 0.55, 3.0e3, 2.0e9, 1.0e17]
    session.history = History(
        step=steps,
        cost=costs,
        val_cost=[None] * 6,
        accuracy=[0.5] * 6,
        val_accuracy=[None] * 6,
        grad_norms=[(1.0, 1.0)] * 6,
    )
    return save_session(session, tmp_path / "exploded.nnstudio"), costs


def test_a_cost_that_explodes_gets_a_log_axis_that_says_so(qtbot, window, tmp_path):
    view = window.training.cost_view
    window.views.setCurrentWidget(view)
    path, costs = exploded_file(tmp_path)
    assert window.open_path(path)
    qtbot.waitUntil(lambda: view.log_scale.isChecked(), timeout=WAIT)
    assert view.log_note.isVisible()
    assert "17 powers of ten" in view.log_note.text()
    qtbot.waitUntil(
        lambda: np.allclose(view.cost_curve.getData()[1], np.log10(costs)), timeout=WAIT
    )
    low, high = view.plot.getViewBox().viewRange()[1]
    assert low <= math.log10(0.55) and high >= 17  # every value in sight

    view.log_scale.setChecked(False)  # the learner's choice holds
    assert not view.log_note.isVisible()
    qtbot.waitUntil(lambda: np.allclose(view.cost_curve.getData()[1], costs), timeout=WAIT)
    view.redraw()
    assert not view.log_scale.isChecked()

    trigger(window, "example_flower")  # an ordinary run: linear again, and shown as it is
    qtbot.waitUntil(lambda: cost_curve_holds_history(window), timeout=WAIT)
    assert not view.log_scale.isChecked() and not view.log_note.isVisible()


def test_the_cost_axis_shows_costs_without_an_si_prefix(qtbot, window):
    view = window.training.cost_view
    window.views.setCurrentWidget(view)
    trigger(window, "example_flower")
    qtbot.waitUntil(lambda: cost_curve_holds_history(window), timeout=WAIT)
    axis = view.plot.getAxis("left")
    high = view.plot.getViewBox().viewRange()[1][1]
    assert high < 1.0  # the costs stay below 1, where pyqtgraph would write milli-units
    assert "(x" not in axis.labelString() and axis.autoSIPrefixScale == 1.0
    assert axis.tickStrings([0.2, 0.4], axis.autoSIPrefixScale, 0.2) == ["0.2", "0.4"]
