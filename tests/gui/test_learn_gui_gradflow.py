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
    assert view.plot.getPlotItem().ctrl.logYCheck.isChecked()
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
