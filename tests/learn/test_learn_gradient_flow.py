"""Gradient flow: per-layer ‖dW[l]‖ series, and vanishing gradients in a deep sigmoid network."""

import math

import numpy as np

from nnstudio.engine import Network, TrainingConfig, TrainingData, train
from nnstudio.learn import compare_hidden_activations, diagnose, gradient_flow, layer_series
from nnstudio.session import History


def test_series_from_a_history():
    net = Network([2, 5, 3, 1], ["relu", "tanh", "sigmoid"], seed=1)
    rs = np.random.RandomState(0)
    X, Y = rs.randn(2, 40), (rs.rand(1, 40) > 0.5).astype(float)
    kept = History()
    reports = list(train(net, TrainingData(X, Y), TrainingConfig(0.3, epochs=50, report_every=10)))
    for report in reports:
        kept.append(report)
    flow = gradient_flow(kept)
    assert flow.L == 3 and len(flow) == len(kept.step)
    assert np.array_equal(flow.steps, kept.step)
    assert np.array_equal(flow.norms[-1], kept.grad_norms[-1])
    series = layer_series(kept)
    assert sorted(series) == [1, 2, 3]
    assert series[2][1] == [row[1] for row in kept.grad_norms]
    assert np.array_equal(gradient_flow(reports).norms, flow.norms)
    assert gradient_flow({"step": [1, 2], "grad_norms": [(), (0.5, 0.0)]}).norms.shape == (1, 2)
    assert layer_series({"step": [2], "grad_norms": [(0.5, 0.0)]})[2] == ([], [])


def test_empty_history():
    flow = gradient_flow(History())
    assert flow.L == 0 and len(flow) == 0 and layer_series(History()) == {}


def test_diagnosis():
    assert diagnose([1e-6, 1e-3, 1e-1])[0] == "vanishing"
    assert diagnose([5e3, 1.0])[0] == "exploding"
    assert diagnose([0.1, 0.2, 0.1]) == ("healthy", 0.5)
    assert diagnose([1e-6, 2e-6])[0] == "small"
    assert diagnose([1.0])[0] == "unknown" and math.isnan(diagnose([math.nan, 1.0])[1])


def test_deep_sigmoid_gradients_vanish_where_relu_ones_do_not():
    flows = compare_hidden_activations(("sigmoid", "relu"), depth=6, units=8, steps=300)
    sigmoid, relu = flows["sigmoid"], flows["relu"]
    assert sigmoid.L == relu.L == 7 and len(sigmoid) == len(relu) > 20
    assert sigmoid.mean()[0] < relu.mean()[0] / 10
    assert np.all(sigmoid.norms[:, 0] < relu.norms[:, 0])
    # in the sigmoid network the gradient shrinks on its way back to layer 1
    first = sigmoid.norms[0]
    assert first[0] < first[-1] / 100 and diagnose(first)[0] == "vanishing"
