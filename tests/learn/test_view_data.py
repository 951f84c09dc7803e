"""The live views' arrays (nnstudio.learn.view_data): NumPy only, checked without any widget."""

import ast
from pathlib import Path

import numpy as np
import pytest

from nnstudio.data import make_dataset
from nnstudio.engine import Network
from nnstudio.learn import view_data
from nnstudio.learn.view_data import (
    HEATMAP_SAMPLES,
    HIST_BINS,
    class_map_image,
    class_map_lut,
    compute_views,
    forward_all,
    grid_size_for,
    make_probe,
)


def flower_probe(grid_size=20):
    data = make_dataset("flower")
    return data, make_probe(data.X, data.Y, data.task, data.n_classes, grid_size=grid_size)


def test_module_imports_no_qt():
    tree = ast.parse(Path(view_data.__file__).read_text(encoding="utf-8"))
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            imported.add((node.module or "").split(".")[0])
    assert imported <= {"__future__", "collections", "dataclasses", "numpy", "typing"}


def test_probe_of_two_features_is_a_plane_with_samples_sorted_by_label():
    data, probe = flower_probe(grid_size=30)
    assert probe.mode == "plane"
    assert probe.X.shape == (2, data.m)  # 400 samples ≤ PROBE_SAMPLES: all of them
    assert np.all(np.diff(probe.labels) >= 0)
    assert probe.heatmap_columns.shape == (HEATMAP_SAMPLES,)
    assert probe.grid.shape == (2, 900) and probe.grid_shape == (30, 30)
    x0, x1, y0, y1 = probe.extent
    assert x0 < data.X[0].min() and x1 > data.X[0].max()
    assert y0 < data.X[1].min() and y1 > data.X[1].max()
    assert x1 - x0 == pytest.approx(y1 - y0)  # a square: equal scales fill a square plot
    assert probe.inputs.shape == (2, data.m + 900)
    assert not probe.inputs.flags.writeable


def test_snapshot_shapes_for_the_default_network():
    data, probe = flower_probe()
    net = Network([2, 4, 1], ["tanh", "sigmoid"], init="xavier", seed=3)
    snap = compute_views(net.params, net.spec, probe, step=7)
    assert snap.step == 7 and snap.mode == "plane" and snap.L == 2
    assert [v.heatmap.shape for v in snap.layers] == [(4, HEATMAP_SAMPLES), (1, HEATMAP_SAMPLES)]
    hidden = snap.layers[0]
    assert hidden.hist_counts.shape == (HIST_BINS,) and hidden.hist_edges.shape == (HIST_BINS + 1,)
    assert hidden.hist_counts.sum() == 4 * data.m
    assert hidden.levels == (-1.0, 1.0) and hidden.dead_units is None
    assert 0.0 <= hidden.saturated_fraction <= 1.0
    assert snap.output_image.shape == (20, 20, 4) and snap.output_image.dtype == np.uint8
    assert [m.shape for m in snap.unit_maps] == [(4, 20, 20), (1, 20, 20)]
    assert snap.dead_relu_fraction is None


def test_a_unit_map_is_that_units_output_over_the_grid():
    _, probe = flower_probe()
    net = Network([2, 3, 1], ["tanh", "sigmoid"], init="xavier", seed=1)
    snap = compute_views(net.params, net.spec, probe)
    values, levels = snap.unit_map(1, 2)
    _, cache = net.forward(probe.grid)
    np.testing.assert_allclose(values.reshape(-1), cache["A1"][2])
    assert levels == (-1.0, 1.0)
    output, _ = snap.unit_map(2, 0)
    np.testing.assert_allclose(output.reshape(-1), cache["A2"][0])
    assert snap.unit_map(1, 3) is None and snap.unit_map(3, 0) is None


def test_dead_relu_units_are_those_that_never_fire():
    _, probe = flower_probe()
    net = Network([2, 4, 1], ["relu", "sigmoid"], init="he", seed=1)
    params = {k: v.copy() for k, v in net.params.items()}
    params["b1"][1, 0] = -1e3  # unit 2 is off for every sample
    params["b1"][3, 0] = -1e3
    params["W1"][0] = 0.0  # unit 1 outputs relu(b) = 0.5 everywhere: alive
    params["b1"][0, 0] = 0.5
    snap = compute_views(params, net.spec, probe)
    assert snap.layers[0].dead_units == (1, 3)
    assert snap.layers[0].dead_fraction == pytest.approx(0.5)
    assert snap.dead_relu_fraction == pytest.approx(0.5)
    assert snap.layers[0].saturated_fraction is None
    lo, hi = snap.layers[0].heat_levels
    assert lo == -hi and hi > 0


def test_saturated_sigmoids_are_counted():
    _, probe = flower_probe()
    net = Network([2, 2, 1], ["sigmoid", "sigmoid"], init="xavier", seed=1)
    params = {k: v.copy() for k, v in net.params.items()}
    params["W1"][:] = 0.0
    params["b1"][:] = 20.0  # σ(20) ≈ 1: every hidden value is saturated
    snap = compute_views(params, net.spec, probe)
    assert snap.layers[0].saturated_fraction == 1.0


def test_class_map_colours():
    colors = ((200, 0, 0), (0, 0, 200))
    lut = class_map_lut(colors, 2)
    image = class_map_image(np.array([[[0.0, 0.5, 1.0]]]), lut)
    assert image.shape == (1, 3, 4)
    assert tuple(image[0, 1, :3]) == (255, 255, 255)  # undecided: white
    assert image[0, 0, 0] > image[0, 0, 2]  # sure of class 0: towards red
    assert image[0, 2, 2] > image[0, 2, 0]  # sure of class 1: towards blue
    assert (image[..., 3] == 255).all()


def test_softmax_map_takes_the_likeliest_class():
    data = make_dataset("blobs")
    probe = make_probe(data.X, data.Y, data.task, data.n_classes, grid_size=16)
    net = Network([2, 5, 3], ["tanh", "softmax"], init="xavier", seed=1)
    snap = compute_views(net.params, net.spec, probe)
    assert snap.output_image.shape == (16, 16, 4)
    P = snap.unit_maps[-1]
    assert P.shape == (3, 16, 16)
    np.testing.assert_allclose(P.sum(axis=0), 1.0)


def test_one_feature_regression_gives_a_fitted_curve():
    data = make_dataset("sine")
    probe = make_probe(data.X, data.Y, data.task)
    assert probe.mode == "curve" and probe.curve_x.ndim == 1
    net = Network([1, 6, 1], ["tanh", "linear"], init="xavier", seed=1)
    snap = compute_views(net.params, net.spec, probe)
    assert snap.output_curve.shape == (1, probe.curve_x.size)
    np.testing.assert_allclose(snap.output_curve[0], net.predict(probe.curve_x.reshape(1, -1))[0])
    assert snap.unit_curve(1, 5).shape == probe.curve_x.shape
    assert snap.unit_map(1, 0) is None


def test_two_feature_regression_gives_values_with_the_labels_range():
    rs = np.random.RandomState(0)
    X = rs.randn(2, 50)
    Y = (X[0] - X[1]).reshape(1, -1)
    probe = make_probe(X, Y, "regression", grid_size=10)
    net = Network([2, 3, 1], ["relu", "linear"], init="he", seed=1)
    snap = compute_views(net.params, net.spec, probe)
    assert snap.output_image is None and snap.output_values.shape == (10, 10)
    assert snap.output_levels == pytest.approx((Y.min(), Y.max()))


def test_more_than_two_features_has_no_input_space_view():
    rs = np.random.RandomState(0)
    X = rs.randn(5, 30)
    Y = (X[0] > 0).astype(int).reshape(1, -1)
    probe = make_probe(X, Y, "binary", 2)
    assert probe.mode == "none"
    net = Network([5, 4, 1], ["relu", "sigmoid"], init="he", seed=1)
    snap = compute_views(net.params, net.spec, probe)
    assert snap.output_image is None and snap.unit_maps == () and len(snap.layers) == 2


def test_huge_weights_give_finite_views_without_warnings():
    _, probe = flower_probe()
    net = Network([2, 4, 1], ["relu", "sigmoid"], init="he", seed=1)
    params = {k: v * 1e300 for k, v in net.params.items()}
    snap = compute_views(params, net.spec, probe)  # warnings are errors in this suite
    assert all(np.isfinite(v.hist_counts).all() for v in snap.layers)
    assert snap.output_image.dtype == np.uint8


def test_large_networks_get_a_coarser_plane():
    small = Network([2, 4, 1], ["tanh", "sigmoid"]).spec
    large = Network([2, 1000, 1000, 1], ["relu", "relu", "sigmoid"]).spec
    assert grid_size_for(small) == view_data.GRID_SIZE
    assert view_data.MIN_GRID_SIZE <= grid_size_for(large) < view_data.GRID_SIZE


def test_forward_all_matches_the_engine():
    net = Network([2, 3, 2, 1], ["relu", "tanh", "sigmoid"], init="he", seed=4)
    X = np.random.RandomState(1).randn(2, 9)
    outputs = forward_all(net.params, net.activations, X)
    _, cache = net.forward(X)
    for l, A in enumerate(outputs, start=1):
        np.testing.assert_allclose(A, cache[f"A{l}"])


def test_a_network_with_batch_norm_is_drawn_as_it_predicts():
    _, probe = flower_probe()
    net = Network([2, 4, 1], ["relu", "sigmoid"], seed=3, batch_norm=True)
    net.params["gamma1"][...] = [[2.0], [0.5], [1.0], [-1.0]]
    net.params["beta1"][...] = 0.3
    net.running["mean1"][...] = [[0.1], [-0.2], [0.0], [0.4]]
    net.running["var1"][...] = [[2.0], [0.5], [1.0], [3.0]]
    snap = compute_views(net.params, net.spec, probe, running=net.running)
    _, cache = net.forward(probe.grid)
    output, _ = snap.unit_map(2, 0)
    np.testing.assert_array_equal(output.reshape(-1), cache["A2"][0])
    values, _ = snap.unit_map(1, 0)
    np.testing.assert_array_equal(values.reshape(-1), cache["A1"][0])
