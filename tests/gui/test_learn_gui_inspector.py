"""The matrix inspector shows the selected layer's arrays and the value under the cursor."""

import numpy as np
import pytest

from nnstudio.data import make_dataset
from nnstudio.engine import Network
from nnstudio.gui.learn.heatmap import CELL, DIVERGING, MAX_WIDTH
from nnstudio.gui.learn.inspector import MatrixHeatmap, MatrixInspector, array_stats


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


def test_every_heatmap_has_a_colour_scale_with_its_values(qtbot, inspector):
    data = make_dataset("flower")
    net = Network([2, 4, 1], ["tanh", "sigmoid"], seed=1)
    inspector.set_state(net, data.X, data.Y)
    inspector.show()
    inspector.refresh()
    for name, array in inspector.arrays().items():
        heatmap = inspector.findChild(MatrixHeatmap, f"inspector{name}Heatmap")
        bar = heatmap.findChild(object, "heatmapPlot").getPlotItem().layout.itemAt(2, 5)
        assert bar is heatmap.color_bar and bar.isVisible()
        limit = np.abs(array).max() or 1.0
        assert bar.levels() == (-limit, limit) == tuple(heatmap.image.getLevels())
        assert bar.colorMap() is DIVERGING
        values = [v for _, ticks in bar.axis.tickValues(-limit, limit, 100) for v in ticks]
        assert values and min(values) < 0 < max(values)  # labelled values either side of 0


def drawn(qtbot, heatmap):
    qtbot.waitUntil(lambda: heatmap.drawn_rect().width() > 0)
    rect = heatmap.drawn_rect()
    return rect.width(), rect.height()


def test_heatmaps_are_drawn_at_the_size_of_their_shape(qtbot):
    sizes = {}
    for shape in ((1, 1), (4, 1), (4, 2), (2, 400), (12, 30)):
        heatmap = MatrixHeatmap()
        qtbot.addWidget(heatmap)
        heatmap.set_array("M", np.arange(np.prod(shape), dtype=float).reshape(shape) - 3)
        heatmap.show()
        qtbot.waitExposed(heatmap)
        sizes[shape] = drawn(qtbot, heatmap)
    cell = sizes[(1, 1)]
    assert cell == pytest.approx((CELL, CELL), abs=1)
    assert sizes[(4, 1)] == pytest.approx((CELL, 4 * CELL), abs=1)  # a column of square cells
    assert sizes[(4, 2)] == pytest.approx((2 * CELL, 4 * CELL), abs=1)
    width, height = sizes[(2, 400)]  # a long strip: as wide as allowed, two cells tall
    assert width == pytest.approx(MAX_WIDTH, abs=2) and height == pytest.approx(2 * CELL, abs=1)
    width, height = sizes[(12, 30)]  # shrunk to fit, cells still square
    assert width / 30 == pytest.approx(height / 12, rel=0.02) and width <= MAX_WIDTH + 1
    assert width * height > 100 * cell[0] * cell[1]


def test_the_inspector_draws_b_narrower_than_w(qtbot, inspector):
    data = make_dataset("flower")
    inspector.set_state(Network([2, 4, 1], ["tanh", "sigmoid"], seed=1), data.X, data.Y)
    inspector.show()
    qtbot.waitExposed(inspector)
    inspector.refresh()
    size = {n: drawn(qtbot, inspector.heatmaps[n]) for n in ("W", "b", "Z")}
    assert size["b"][0] == pytest.approx(size["W"][0] / 2, abs=1)  # (4, 1) beside (4, 2)
    assert size["b"][1] == pytest.approx(size["W"][1], abs=1)
    assert size["Z"][0] > 5 * size["W"][0]  # (4, 400)


def test_while_training_the_heatmaps_are_drawn_one_event_loop_turn_after_another(qtbot, inspector):
    """A refresh from the training timer draws one heatmap now and the next ones in later
    turns of the event loop (no single long stop of the GUI); all end up showing the arrays."""
    data = make_dataset("flower")
    inspector.set_state(Network([2, 4, 1], ["tanh", "sigmoid"], seed=1), data.X, data.Y)
    inspector.show()
    inspector.refresh()
    heatmaps = [
        inspector.findChild(MatrixHeatmap, f"inspector{n}Heatmap") for n in MatrixInspector.NAMES
    ]
    before = [h.array for h in heatmaps]
    inspector.set_state(Network([2, 4, 1], ["tanh", "sigmoid"], seed=2), data.X, data.Y)
    inspector.refresh(one_at_a_time=True)
    drawn_now = [h.array is not old for h, old in zip(heatmaps, before, strict=True)]
    assert drawn_now == [True, False, False, False, False, False]
    qtbot.waitUntil(
        lambda: all(h.array is not old for h, old in zip(heatmaps, before, strict=True))
    )
    shown = inspector.arrays()
    for name, heatmap in zip(MatrixInspector.NAMES, heatmaps, strict=True):
        assert np.array_equal(heatmap.array, shown[name])
