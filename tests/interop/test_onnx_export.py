"""The ONNX export computes what the engine computes: onnxruntime's outputs equal the engine's
A[L] to 1e-5 for every activation, output, precision and preparation of the inputs, and for
every example model."""

from __future__ import annotations

import numpy as np
import pytest
from interop_cases import BATCH_NORM_SHAPES, SHAPES, engine_output, make_plan, raw_inputs

from nnstudio.files import load_model
from nnstudio.interop import build_onnx, export_onnx, plan_from_model

onnx = pytest.importorskip("onnx", reason="onnx is not installed (pip install 'nnstudio[export]')")
ort = pytest.importorskip(
    "onnxruntime", reason="onnxruntime is not installed (the test extra installs it)"
)


def run_onnx(model, X: np.ndarray) -> np.ndarray:
    """Y_hat (m, n[L]) for raw X (n_in, m), through onnxruntime."""
    session = ort.InferenceSession(model.SerializeToString(), providers=["CPUExecutionProvider"])
    dtype = np.float64 if model.graph.input[0].type.tensor_type.elem_type == 11 else np.float32
    (out,) = session.run(None, {"X": np.ascontiguousarray(X.T, dtype=dtype)})
    return out


@pytest.mark.parametrize("dtype", ["float64", "float32"])
@pytest.mark.parametrize(("hidden", "output", "n_out"), SHAPES)
@pytest.mark.parametrize(
    ("standardize", "features"),
    [
        (False, None),
        (True, None),
        (True, ("x1", "x2sq", "x1x2", "sinx1", "sinx2")),
        (False, ("x2", "x1sq")),
    ],
    ids=["plain", "standardised", "standardised+features", "features"],
)
def test_onnxruntime_equals_the_engine(hidden, output, n_out, dtype, standardize, features):
    plan = make_plan(hidden, output, n_out, dtype, standardize, features)
    model = build_onnx(plan)
    X = raw_inputs(plan)
    expected = engine_output(plan, X).T
    got = run_onnx(model, X)
    assert got.shape == expected.shape
    assert got.dtype == np.dtype(dtype)
    np.testing.assert_allclose(got, expected, rtol=1e-5, atol=1e-5)
    if output == "softmax":  # the same predicted classes
        assert (got.argmax(axis=1) == expected.argmax(axis=1)).all()


@pytest.mark.parametrize("dtype", ["float64", "float32"])
@pytest.mark.parametrize(("hidden", "output", "n_out", "batch_norm"), BATCH_NORM_SHAPES)
@pytest.mark.parametrize(
    ("standardize", "features"),
    [(False, None), (True, None), (True, ("x1", "x2", "x1x2", "sinx1"))],
    ids=["plain", "standardised", "standardised+features"],
)
def test_batch_norm_layers_predict_as_the_engine_does(
    hidden, output, n_out, batch_norm, dtype, standardize, features
):
    """The running μ, σ², γ and β are in the graph: a network whose batch norm were dropped
    would predict something else (checked too, so the test can tell)."""
    plan = make_plan(hidden, output, n_out, dtype, standardize, features, batch_norm=batch_norm)
    model = build_onnx(plan)
    ops = [node.op_type for node in model.graph.node]
    assert ops.count("BatchNormalization") == sum(batch_norm)
    X = raw_inputs(plan)
    expected = engine_output(plan, X).T
    got = run_onnx(model, X)
    assert got.dtype == np.dtype(dtype)
    np.testing.assert_allclose(got, expected, rtol=1e-5, atol=1e-5)
    without = make_plan(hidden, output, n_out, dtype, standardize, features)
    assert not np.allclose(engine_output(without, X).T, expected, rtol=1e-3, atol=1e-3)


def test_a_batch_norm_layer_has_no_bias_and_normalises_before_its_activation():
    plan = make_plan(("relu",), "sigmoid", 1, batch_norm=(True,))
    model = build_onnx(plan)
    ops = [node.op_type for node in model.graph.node]
    assert ops == ["Gemm", "BatchNormalization", "Relu", "Gemm", "Sigmoid"]
    first, norm = model.graph.node[0], model.graph.node[1]
    assert list(first.input) == ["X", "W1"]  # Z[1] = W[1]·A[0], no b[1]
    attrs = {a.name: onnx.helper.get_attribute_value(a) for a in norm.attribute}
    assert attrs["epsilon"] == pytest.approx(1e-8)
    weights = {t.name: onnx.numpy_helper.to_array(t) for t in model.graph.initializer}
    net = plan.network
    np.testing.assert_array_equal(weights["gamma1"], net.params["gamma1"].reshape(-1))
    np.testing.assert_array_equal(weights["running_var1"], net.running["var1"].reshape(-1))


def test_the_graph_is_named_shaped_and_checked(tmp_path):
    plan = make_plan(("relu",), "softmax", 3, standardize=True)
    path = export_onnx(plan, tmp_path / "net")
    assert path.name == "net.onnx"
    model = onnx.load(str(path))
    onnx.checker.check_model(model, full_check=True)
    assert max(o.version for o in model.opset_import if o.domain in ("", "ai.onnx")) >= 17
    (x,), (y,) = model.graph.input, model.graph.output
    assert (x.name, y.name) == ("X", "Y_hat")
    x_dims = x.type.tensor_type.shape.dim
    y_dims = y.type.tensor_type.shape.dim
    assert x_dims[0].dim_param == "m" and x_dims[1].dim_value == 2  # symbolic batch
    assert y_dims[0].dim_param == "m" and y_dims[1].dim_value == 3
    ops = [node.op_type for node in model.graph.node]
    assert ops == ["Sub", "Div", "Gemm", "Relu", "Gemm", "Softmax"]
    weights = {t.name: onnx.numpy_helper.to_array(t) for t in model.graph.initializer}
    assert weights["W1"].shape == (5, 2)  # the course's W[1] (n[1], n[0])
    assert not list(tmp_path.glob("*.part"))


def test_every_example_model_gives_the_engines_outputs(example_path):
    model_file = load_model(example_path)
    plan = plan_from_model(model_file)
    X = model_file.dataset.X
    expected = model_file.network.forward(model_file.network_inputs(X))[0].T
    got = run_onnx(build_onnx(plan), X)
    np.testing.assert_allclose(got, expected, rtol=1e-5, atol=1e-5)
