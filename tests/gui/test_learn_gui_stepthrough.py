"""The step-through view: Next/Back walk the pass and highlight the layer being computed."""

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QShortcut

from nnstudio.data import make_dataset
from nnstudio.engine import Network
from nnstudio.gui.learn_stepthrough import StepThroughView


def make_view(qtbot):
    data = make_dataset("flower")
    net = Network([2, 4, 1], ["tanh", "sigmoid"], init="small", seed=2)
    view = StepThroughView()
    qtbot.addWidget(view)
    view.set_source(lambda: (net, data.X, data.Y, 1.2))
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
