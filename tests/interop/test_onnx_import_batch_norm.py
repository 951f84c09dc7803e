"""Opening ONNX networks with batch normalisation: NN Studio → ONNX → NN Studio gives the same
γ, β, running statistics and predictions; a BatchNormalization after a layer from elsewhere
opens (its bias folded into μ); one the engine cannot compute is refused, naming the node."""

from __future__ import annotations

import numpy as np
import pytest
from interop_cases import BATCH_NORM_SHAPES, engine_output, make_plan, raw_inputs
from test_onnx_import import _graph, assert_same_network

from nnstudio.interop import OnnxImportError, export_onnx, model_from_onnx, read_onnx

onnx = pytest.importorskip("onnx", reason="onnx is not installed (pip install 'nnstudio[export]')")
helper = onnx.helper


@pytest.mark.parametrize("dtype", ["float64", "float32"])
@pytest.mark.parametrize(("hidden", "output", "n_out", "batch_norm"), BATCH_NORM_SHAPES)
def test_round_trip_keeps_batch_norm(hidden, output, n_out, batch_norm, dtype, tmp_path):
    plan = make_plan(hidden, output, n_out, dtype, standardize=True, batch_norm=batch_norm)
    model = read_onnx(export_onnx(plan, tmp_path / "net.onnx"))
    net = model.network
    assert net.spec.batch_norm == plan.spec.batch_norm
    assert_same_network(plan.network, net)  # W, b (0 where normalised), γ and β bit for bit
    assert net.running.keys() == plan.network.running.keys()
    for key, value in plan.network.running.items():
        assert net.running[key].dtype == value.dtype
        np.testing.assert_array_equal(net.running[key], value)
    X = raw_inputs(plan)
    AL, _ = net.forward(model.network_inputs(X))
    # (the standardisation's μ, σ travel in the model's precision: float32 rounds them)
    tolerance = 0.0 if dtype == "float64" else 1e-5
    np.testing.assert_allclose(AL, engine_output(plan, X), rtol=tolerance, atol=tolerance)


def _layers(eps=1e-8, bias=None, training_mode=None):
    """Gemm (with ``bias`` when given) → BatchNormalization → Relu → Gemm → Sigmoid."""
    rs = np.random.RandomState(2)
    constants = {
        "W": rs.randn(4, 3),
        "gamma": rs.randn(4),
        "beta": rs.randn(4),
        "mean": rs.randn(4),
        "var": rs.uniform(0.5, 2.0, 4),
        "V": rs.randn(1, 4),
        "c": rs.randn(1),
    }
    first = ["input", "W"]
    if bias is not None:
        constants["b"] = bias
        first.append("b")
    extra = {} if training_mode is None else {"training_mode": training_mode}
    nodes = [
        helper.make_node("Gemm", first, ["z"], transB=1),
        helper.make_node(
            "BatchNormalization",
            ["z", "gamma", "beta", "mean", "var"],
            ["zt"],
            name="bn",
            epsilon=eps,
            **extra,
        ),
        helper.make_node("Relu", ["zt"], ["a"]),
        helper.make_node("Gemm", ["a", "V", "c"], ["z2"], transB=1),
        helper.make_node("Sigmoid", ["z2"], ["output"]),
    ]
    return nodes, constants


def test_a_bias_before_the_batch_norm_is_folded_into_the_running_mean():
    bias = np.random.RandomState(3).randn(4)
    nodes, k = _layers(bias=bias)
    model = model_from_onnx(_graph(nodes, k, n_out=1, dtype=onnx.TensorProto.DOUBLE))
    net = model.network
    assert net.spec.batch_norm == (True,)
    np.testing.assert_array_equal(net.params["b1"], np.zeros((4, 1)))
    np.testing.assert_allclose(net.running["mean1"].reshape(-1), k["mean"] - bias)
    X = np.random.RandomState(4).randn(6, 3)  # one sample per row
    z = (X @ k["W"].T + bias - k["mean"]) / np.sqrt(k["var"] + 1e-8) * k["gamma"] + k["beta"]
    expected = 1 / (1 + np.exp(-(np.maximum(z, 0) @ k["V"].T + k["c"])))
    np.testing.assert_allclose(net.forward(X.T)[0].T, expected, rtol=1e-12)


@pytest.mark.parametrize(
    ("change", "says"),
    [
        ({"eps": 1e-5}, "node 2 of the graph, BatchNormalization (bn), cannot be opened: only"),
        ({"training_mode": 1}, "node 2 of the graph, BatchNormalization (bn), cannot be opened"),
    ],
    ids=["other-epsilon", "training-mode"],
)
def test_a_batch_norm_the_engine_cannot_compute_is_refused(change, says):
    nodes, k = _layers(**change)
    graph = helper.make_graph(
        nodes,
        "elsewhere",
        [helper.make_tensor_value_info("input", onnx.TensorProto.DOUBLE, ["batch", 3])],
        [helper.make_tensor_value_info("output", onnx.TensorProto.DOUBLE, ["batch", 1])],
        [onnx.numpy_helper.from_array(v, name) for name, v in k.items()],
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
    with pytest.raises(OnnxImportError) as caught:
        model_from_onnx(model)
    assert says in str(caught.value)


def test_a_batch_norm_after_the_activation_is_refused_naming_it():
    nodes, k = _layers()
    nodes[1].input[0], nodes[2].input[0] = "a", "z"
    nodes[1], nodes[2] = nodes[2], nodes[1]  # Gemm → Relu → BatchNormalization
    nodes[3].input[0] = "zt"
    with pytest.raises(OnnxImportError, match=r"node 3 of the graph, BatchNormalization \(bn\)"):
        model_from_onnx(_graph(nodes, k, n_out=1, dtype=onnx.TensorProto.DOUBLE))


def test_a_batch_normalised_output_layer_is_refused():
    nodes, k = _layers()
    nodes[2].input[0] = "zt"
    nodes = [*nodes[:2], helper.make_node("Identity", ["zt"], ["output"])]
    k = {name: v for name, v in k.items() if name not in ("V", "c")}
    with pytest.raises(OnnxImportError, match="hidden layers only"):
        model_from_onnx(_graph(nodes, k, n_out=4, dtype=onnx.TensorProto.DOUBLE))
