"""Gradient flow view: one log-scale curve per layer, fed by reports or a whole history."""

import numpy as np

from nnstudio.engine import Network, TrainingConfig, TrainingData, train
from nnstudio.gui.learn.gradflow import GradientFlowView
from nnstudio.session import History


def reports(layer_dims, acts, steps=60):
    rs = np.random.RandomState(0)
    X, Y = rs.randn(layer_dims[0], 50), (rs.rand(1, 50) > 0.5).astype(float)
    net = Network(layer_dims, acts, seed=1)
    return list(
        train(
            net,
            TrainingData(X, Y),
            TrainingConfig(0.3, epochs=steps, record_every=10, report_every=20),
        )
    )


def test_append_reports_and_set_history(qtbot):
    view = GradientFlowView()
    qtbot.addWidget(view)
    got = reports([2, 5, 4, 1], ["relu", "tanh", "sigmoid"])
    for report in got:
        view.append(report)
    series = view.series()
    assert sorted(series) == [1, 2, 3]
    records = [record for report in got for record in report.records]
    assert list(series[3][0]) == [r.step for r in records]  # every record, not every report
    assert list(series[3][0]) == list(range(0, 61, 10))
    assert np.allclose(series[1][1], [r.grad_norms[0] for r in records])
    assert view.plot.getAxis("left").logMode  # a log axis over the curves' log10 ‖dW‖
    drawn_steps, drawn = view._curves[0].getData()
    assert list(drawn_steps) == list(series[1][0]) and np.allclose(drawn, np.log10(series[1][1]))
    assert len(view._curves) == 3 and view.diagnosis.text()

    history = History()
    for report in reports([2, 3, 1], ["tanh", "sigmoid"], steps=30):
        history.append(report)
    view.set_history(history)
    assert sorted(view.series()) == [1, 2] and len(view._curves) == 2
    view.clear()
    assert view.series() == {}


def test_vanishing_gradients_are_named(qtbot):
    view = GradientFlowView()
    qtbot.addWidget(view)
    view.set_history({"step": [10], "grad_norms": [(1e-6, 1e-3, 0.1)]})
    view.redraw()
    assert view.findChild(object, "gradientFlowDiagnosis").text().startswith("Vanishing")


def test_the_log_axis_labels_several_decades_and_the_legend_covers_no_curve(qtbot):
    """Norms within one decade (0.003 … 0.008) still get an axis with several labelled
    decades, all norms inside it; the legend sits outside the plotting area."""
    view = GradientFlowView()
    qtbot.addWidget(view)
    view.resize(600, 400)
    view.show()
    qtbot.waitExposed(view)
    norms = [(0.003 + 0.0005 * i, 0.004 + 0.0004 * i) for i in range(10)]
    view.set_history({"step": list(range(0, 100, 10)), "grad_norms": norms})
    view.redraw()
    item = view.plot.getPlotItem()
    low, high = item.viewRange()[1]  # log10 of ‖dW‖
    assert low <= np.log10(0.003) and high >= np.log10(0.0085)
    axis = item.getAxis("left")
    labelled = [v for _spacing, values in axis.tickValues(low, high, axis.height()) for v in values]
    decades = sorted({round(v) for v in labelled if abs(v - round(v)) < 1e-9})
    assert len(decades) >= 3, labelled
    shown = axis.tickStrings(decades, 1.0, 1.0)
    assert all(shown) and len(set(shown)) == len(decades)
    plotting_area = item.getViewBox().sceneBoundingRect

    def legend_clear_of_the_curves():
        legend = view.legend.sceneBoundingRect()
        return legend.isValid() and not legend.intersects(plotting_area())

    qtbot.waitUntil(legend_clear_of_the_curves, timeout=2000)  # once the layout has settled
    assert view.legend.sceneBoundingRect().top() >= plotting_area().bottom()
    assert len(view.legend.items) == 2


def test_a_long_history_is_followed_record_by_record_and_drawn_thinned(qtbot):
    """Shown while a long run trains, the view reads only the records added since it last
    looked, draws at most DRAW_POINTS points a layer with the extremes kept, and still holds
    every record of the history (the same series as the history after it reduces itself)."""
    from nnstudio.engine import Record
    from nnstudio.gui.learn.gradflow import DRAW_POINTS

    view = GradientFlowView()
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    history = History()
    rs = np.random.RandomState(3)

    def grow(first, count):
        norms = np.exp(rs.randn(count, 2))
        history.extend(
            Record(step=s, cost=1.0 / (1 + s), accuracy=None, grad_norms=tuple(n))
            for s, n in zip(range(first, first + count), norms, strict=True)
        )

    grow(0, 6000)
    view.set_history(history)
    assert view.table.n == 6000
    peak = int(np.argmax([n[0] for n in history.grad_norms]))
    first = history.grad_norms[0]
    history.grad_norms[0] = (123.0, 123.0)  # a record read before is not read again
    grow(6000, 100)
    view.set_history(history)  # the same history, grown: only the 100 new records are read
    assert view.table.n == 6100 and view.table.flow().norms[0, 0] == first[0]
    history.grad_norms[0] = first
    view.redraw()
    steps, logs = view._curves[0].getData()
    assert len(steps) <= DRAW_POINTS
    assert peak in steps and np.isclose(logs.max(), np.log10(history.grad_norms[peak][0]))
    grow(6100, 5000)  # past MAX_POINTS: the history reduces itself, the view follows
    view.set_history(history)
    series = view.series()
    assert list(series[2][0]) == history.step
    assert np.allclose(series[2][1], [n[1] for n in history.grad_norms])
