"""The matrix inspector shows the selected layer's arrays and the value under the cursor."""

import numpy as np
import pytest

from nnstudio.data import make_dataset
from nnstudio.engine import Network
from nnstudio.gui.learn_inspector import MatrixHeatmap, MatrixInspector, array_stats


@pytest.fixture
def inspector(qtbot):
    widget = MatrixInspector()
    qtbot.addWidget(widget)
    widget.resize(900, 600)
    return widget


def test_shows_the_selected_layers_arrays(qtbot, inspector):
    data = make_dataset("flower")
    net = Network([2, 5, 3, 1], ["relu", "tanh", "sigmoid"], seed=4)
    inspector.set_state(net, data.X, data.Y)
    inspector.show()
    _AL, cache = net.forward(data.X)
    grads = net.backward(data.Y, cache)
    combo = inspector.findChild(object, "inspectorLayerCombo")
    assert combo.count() == 3
    for l in (1, 2, 3):
        combo.setCurrentIndex(l - 1)
        expected = {
            "W": net.params[f"W{l}"],
            "b": net.params[f"b{l}"],
            "dW": grads[f"dW{l}"],
            "db": grads[f"db{l}"],
            "Z": cache[f"Z{l}"],
            "A": cache[f"A{l}"],
        }
        shown = inspector.arrays()
        for name, array in expected.items():
            assert np.array_equal(shown[name], array), (l, name)
            image = inspector.findChild(object, f"inspector{name}Heatmap").image.image
            assert np.array_equal(image, array), (l, name)
    inspector.select_unit(2, 0)  # the diagram's unitSelected(layer, unit)
    assert combo.currentIndex() == 1 and inspector.layer == 2
    inspector.select_layer(0)  # the input has no parameters: nothing changes
    assert inspector.layer == 2


def test_the_inspector_keeps_a_snapshot(inspector):
    net = Network([2, 3, 1], ["tanh", "sigmoid"], seed=1)
    inspector.set_state(net)
    net.params["W1"][...] = 7.0  # training goes on in the session's network
    assert not np.any(inspector.arrays()["W"] == 7.0)
    assert "Z" not in inspector.arrays()
    assert inspector.findChild(object, "inspectorMessage").text()


def test_value_under_the_cursor(qtbot, inspector):
    net = Network([2, 4, 1], ["tanh", "sigmoid"], seed=1)
    data = make_dataset("flower")
    inspector.set_state(net, data.X, data.Y)
    inspector.show()
    qtbot.waitExposed(inspector)
    heatmap = inspector.findChild(MatrixHeatmap, "inspectorWHeatmap")
    with qtbot.waitSignal(heatmap.hovered) as hovered:
        heatmap._mouse_moved(heatmap.scene_pos_of(2, 1))
    assert hovered.args[:3] == ["W[1]", 2, 1]
    assert hovered.args[3] == net.params["W1"][2, 1]
    label = inspector.findChild(object, "inspectorValueLabel").text()
    assert label.startswith("W[1]: row 3, column 2 = ")
    assert heatmap.entry_at(heatmap.scene_pos_of(3, 1)) == (3, 1)


def test_summary_statistics():
    stats = array_stats(np.array([[0.0, 1.0], [-1.0, 0.0]]))
    assert stats == {"mean": 0.0, "std": np.sqrt(0.5), "min": -1.0, "max": 1.0, "zero": 0.5}


def test_statistics_are_shown(inspector):
    inspector.set_state(Network([2, 3, 1], ["relu", "sigmoid"], seed=1))
    inspector.refresh()
    text = inspector.findChild(object, "inspectorbHeatmap").stats_label.text()
    assert "mean +0" in text and "100 % zero" in text
