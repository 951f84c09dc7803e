"""The step-through view: Next/Back walk the pass and highlight the layer being computed."""

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QShortcut
from PySide6.QtWidgets import QPushButton

from nnstudio.data import make_dataset
from nnstudio.engine import Network, make_optimizer
from nnstudio.gui import MainWindow
from nnstudio.gui.learn.stepthrough import PassInputs, StepThroughView


def make_view(qtbot):
    data = make_dataset("flower")
    net = Network([2, 4, 1], ["tanh", "sigmoid"], init="small", seed=2)
    view = StepThroughView()
    qtbot.addWidget(view)
    view.set_source(lambda: PassInputs(net, data.X, data.Y, 1.2))
    return view, net, data


def test_next_and_back_walk_the_pass_and_emit_the_layer(qtbot):
    view, _net, _data = make_view(qtbot)
    view.show()
    assert not view.findChild(object, "nextStepButton").isEnabled()
    with qtbot.waitSignal(view.layerHighlighted) as first:
        qtbot.mouseClick(view.findChild(object, "startPassButton"), Qt.LeftButton)
    assert first.args == [1] and view.index == 0
    assert not view.previous_button.isEnabled()
    assert "Z<sup>[1]</sup>" in view.findChild(object, "stepFormula").text()

    layers = []
    view.layerHighlighted.connect(layers.append)
    next_button = view.findChild(object, "nextStepButton")
    while next_button.isEnabled():
        qtbot.mouseClick(next_button, Qt.LeftButton)
    assert layers == [1, 2, 2, 2, 2, 2, 2, 2, 1, 1, 1, 1, 2]
    assert view.current_step.kind == "update" and view.current_step.layer == 2
    assert view.counter.text() == "Step 14 of 14"

    qtbot.mouseClick(view.findChild(object, "previousStepButton"), Qt.LeftButton)
    assert view.index == 12 and layers[-1] == 1


def test_shown_arrays_are_the_engines(qtbot):
    view, net, data = make_view(qtbot)
    view.restart()
    _AL, cache = net.forward(data.X)
    grads = net.backward(data.Y, cache)
    view.go_to(2)  # Z[2] = W[2]·A[1] + b[2]
    shown = view.shown_arrays()
    assert list(shown) == ["W[2]", "A[1]", "b[2]", "Z[2]"]
    assert np.array_equal(shown["Z[2]"], cache["Z2"])
    heatmap = view.findChild(object, "stepHeatmap3")
    assert np.array_equal(heatmap.image.image, cache["Z2"])
    view.go_to(6)  # dW[2]
    assert np.array_equal(view.shown_arrays()["dW[2]"], grads["dW2"])
    assert "A<sup>[1]</sup>ᵀ" in view.formula.text()


def test_arrow_keys_move_through_steps(qtbot):
    view, _net, _data = make_view(qtbot)
    view.restart()
    shortcuts = {s.key().toString(): s for s in view.findChildren(QShortcut)}
    assert all(s.context() == Qt.WidgetWithChildrenShortcut for s in shortcuts.values())
    shortcuts["Right"].activated.emit()
    assert view.index == 1
    shortcuts["Left"].activated.emit()
    assert view.index == 0


def test_a_changed_network_is_pointed_out(qtbot):
    view, net, _data = make_view(qtbot)
    view.show()
    view.mark_stale()
    assert not view.stale_note.isVisible()  # nothing shown yet, nothing stale
    view.restart()
    view.go_to(3)
    view.mark_stale()
    assert view.findChild(object, "stepStaleNote").isVisible() and view.index == 3
    net.params["W1"][...] = 0.0
    view.restart()
    assert not view.stale_note.isVisible() and view.index == 0
    assert not view.shown_arrays()["W[1]"].any()


def test_a_bad_source_says_why(qtbot):
    view = StepThroughView()
    qtbot.addWidget(view)

    def broken():
        raise ValueError("X must have shape (n0, m)")

    view.set_source(broken)
    view.restart()
    assert view.current_step is None
    assert "X must have shape" in view.explanation.text()


def test_every_control_has_a_name_and_a_tooltip(qtbot):
    view, _net, _data = make_view(qtbot)
    for name in ("nextStepButton", "previousStepButton", "startPassButton", "stepFormula"):
        widget = view.findChild(object, name)
        assert widget is not None and widget.toolTip()


def walk_to(qtbot, view, predicate):
    """Click Next ▸ until the current step satisfies ``predicate``."""
    next_button = view.findChild(QPushButton, "nextStepButton")
    while not predicate(view.current_step):
        assert next_button.isEnabled(), "no such step"
        qtbot.mouseClick(next_button, Qt.LeftButton)
    return view.current_step


def test_adam_update_shows_v_s_and_their_bias_correction(qtbot):
    data = make_dataset("flower")
    net = Network([2, 4, 1], ["tanh", "sigmoid"], init="small", seed=2)
    optimizer = make_optimizer("adam", 0.01)
    view = StepThroughView()
    qtbot.addWidget(view)
    view.resize(1000, 700)
    view.set_source(lambda: PassInputs(net, data.X, data.Y, None, optimizer))
    view.show()
    qtbot.mouseClick(view.findChild(QPushButton, "startPassButton"), Qt.LeftButton)
    assert view.counter.text() == "Step 1 of 20"  # 13 before the update, then 4 per layer
    step = walk_to(qtbot, view, lambda s: s.phase == "correction")
    assert view.title.text() == "Adam, layer 1: bias correction of v and s"
    formula = view.formula.text()
    assert "<i>v̂</i><sub><i>dW</i><sup>[1]</sup></sub>" in formula and "1 − β₁ᵗ" in formula
    assert "t = 1" in formula
    shown = view.shown_arrays()
    assert list(shown) == [
        "new v_dW[1]", "v̂_dW[1]", "new s_dW[1]", "ŝ_dW[1]",
        "new v_db[1]", "v̂_db[1]", "new s_db[1]", "ŝ_db[1]",
    ]  # fmt: skip
    captions = [h.caption.text() for h in view.heatmaps if not h.isHidden()]
    assert captions[1].startswith("= <b>v̂<sub>dW<sup>[1]</sup></sub></b> (4, 2)")
    assert captions[0].startswith("<b>new v<sub>dW")
    # W's arrays on one row, b's on the next
    grid = view._grid
    rows = [grid.getItemPosition(grid.indexOf(h))[0] for h in view.heatmaps]
    assert rows == [0, 0, 0, 0, 1, 1, 1, 1]
    step = walk_to(qtbot, view, lambda s: s.phase == "apply")
    assert view.title.text() == "Adam update, layer 1"
    assert "√" in view.formula.text() and "ε" in view.formula.text()
    # what the engine's Adam makes of the same gradients
    grads = net.backward(data.Y, net.forward(data.X)[1])
    params = {k: v.copy() for k, v in net.params.items()}
    make_optimizer("adam", 0.01).update(params, grads)
    assert np.array_equal(view.shown_arrays()["new W[1]"], params["W1"])
    assert step.constants["α"] == 0.01 and optimizer.t == 0  # the run's optimizer is untouched


def test_the_main_window_steps_through_the_next_iteration_of_its_run(qtbot):
    window = MainWindow()
    qtbot.addWidget(window)
    session = window.session
    session.set_settings(optimizer="momentum", learning_rate=0.05)
    session.set_l2(0.5)
    session.train_here(epochs=7)
    window.views.setCurrentWidget(window.learn.step_view)
    view = window.learn.step_view
    qtbot.mouseClick(view.findChild(QPushButton, "startPassButton"), Qt.LeftButton)
    dW = walk_to(qtbot, view, lambda s: s.result_name == "dW[2]")
    assert "(λ/m)·<i>W<sup>[2]</sup></i>" in view.formula.text() and "λ = 0.5" in dW.formula_text
    velocity = walk_to(qtbot, view, lambda s: s.phase == "velocity")
    assert view.title.text().startswith("Momentum, layer 1: v")
    state = session.optimizer_state["slots"]
    assert np.array_equal(velocity.arrays["v_dW[1]"], state["v_W1"])  # the run's v, not zeros
    assert velocity.arrays["v_dW[1]"].any()
    shown = {}
    for _ in range(2 * session.network.L - 1):
        shown.update(view.current_step.arrays)
        qtbot.mouseClick(view.findChild(QPushButton, "nextStepButton"), Qt.LeftButton)
    shown.update(view.current_step.arrays)
    assert view.title.text() == "Momentum update, layer 2"
    session.train_here(epochs=1)  # the iteration the pass showed
    for name, value in session.network.params.items():
        assert np.array_equal(shown[f"new {name[0]}[{name[1:]}]"], value), name
    for key, value in session.optimizer_state["slots"].items():
        assert np.array_equal(shown[f"new {key[0]}_d{key[2]}[{key[3:]}]"], value), key
    window.training.controller.shutdown()


def test_changing_the_optimizer_marks_the_shown_pass_as_stale(qtbot):
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    window.views.setCurrentWidget(window.learn.step_view)
    view = window.learn.step_view
    qtbot.mouseClick(view.findChild(QPushButton, "startPassButton"), Qt.LeftButton)
    assert not view.stale_note.isVisible()
    window.session.set_settings(optimizer="rmsprop", learning_rate=0.01)
    assert view.stale_note.isVisible()
    qtbot.mouseClick(view.findChild(QPushButton, "startPassButton"), Qt.LeftButton)
    assert not view.stale_note.isVisible() and view.steps[-1].optimizer == "rmsprop"
    window.training.controller.shutdown()


def test_dropout_and_batch_norm_steps_show_the_engines_arrays_with_titles(qtbot):
    data = make_dataset("flower")
    net = Network(
        [2, 4, 3, 1], ["tanh", "relu", "sigmoid"], seed=2, keep_prob=[0.6, 1.0],
        batch_norm=[False, True],
    )  # fmt: skip
    view = StepThroughView()
    qtbot.addWidget(view)
    view.set_source(lambda: PassInputs(net, data.X, data.Y, 0.5))
    view.show()
    qtbot.mouseClick(view.findChild(QPushButton, "startPassButton"), Qt.LeftButton)
    mask = walk_to(qtbot, view, lambda s: s.result_name == "D[1]")
    assert view.title.text() == "Forward propagation, layer 1: inverted dropout"
    assert "keep_prob = 0.6" in view.formula.text()
    rng = np.random.RandomState()
    rng.set_state(net.rng.get_state())
    _AL, cache = net.copy().forward(data.X, training=True, rng=rng)
    assert np.array_equal(view.shown_arrays()["D[1]"], cache["D1"]) and mask.result.dtype == bool
    walk_to(qtbot, view, lambda s: s.result_name == "Z_norm[2]")
    assert view.title.text() == "Forward propagation, layer 2: batch normalisation"
    assert "<i>Z</i><sub>norm</sub><sup>[2]</sup>" in view.formula.text()
    assert np.array_equal(view.shown_arrays()["Z_norm[2]"], cache["Znorm2"])
    walk_to(qtbot, view, lambda s: s.result_name == "dβ[2]")
    assert view.title.text() == "Back propagation, layer 2: dβ[2]"
    walk_to(qtbot, view, lambda s: s.phase == "dropout" and s.kind == "backward")
    assert view.title.text() == "Back propagation, layer 2: dA[1]"
