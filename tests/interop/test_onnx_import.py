"""Opening ONNX networks: NN Studio → ONNX → NN Studio gives the same parameters, graphs from
elsewhere (MatMul + Add, Gemm without transposed weights) open, anything else is refused with a
message naming the first node that cannot be read."""

from __future__ import annotations

import numpy as np
import pytest
from interop_cases import SHAPES, make_plan

from nnstudio.files import load_model
from nnstudio.interop import (
    OnnxImportError,
    build_onnx,
    export_onnx,
    model_from_onnx,
    plan_from_model,
    read_onnx,
)

onnx = pytest.importorskip("onnx", reason="onnx is not installed (pip install 'nnstudio[export]')")
helper, numpy_helper, TensorProto = onnx.helper, onnx.numpy_helper, onnx.TensorProto


def assert_same_network(a, b):
    assert a.spec.layer_dims == b.spec.layer_dims
    assert a.spec.activations == b.spec.activations
    assert a.spec.loss == b.spec.loss
    assert a.spec.dtype == b.spec.dtype
    assert a.parameter_names() == b.parameter_names()
    for name in a.parameter_names():
        assert b.params[name].dtype == a.params[name].dtype
        np.testing.assert_array_equal(b.params[name], a.params[name])  # bit for bit


@pytest.mark.parametrize("dtype", ["float64", "float32"])
@pytest.mark.parametrize(("hidden", "output", "n_out"), SHAPES)
def test_round_trip_gives_the_same_parameters(hidden, output, n_out, dtype, tmp_path):
    plan = make_plan(hidden, output, n_out, dtype, standardize=True)
    model = read_onnx(export_onnx(plan, tmp_path / "net.onnx"))
    assert_same_network(plan.network, model.network)
    np.testing.assert_allclose(model.standardizer.mean, plan.mean, rtol=1e-6)
    np.testing.assert_allclose(model.standardizer.std, plan.std, rtol=1e-6)
    assert model.input_features is None


def test_round_trip_keeps_the_input_features():
    plan = make_plan(("tanh",), "sigmoid", 1, features=("x1", "x2", "x1x2", "sinx2"))
    model = model_from_onnx(build_onnx(plan))
    assert model.input_features == ("x1", "x2", "x1x2", "sinx2")
    assert model.standardizer is None
    assert_same_network(plan.network, model.network)


def test_every_example_model_round_trips(example_path, tmp_path):
    original = load_model(example_path)
    plan = plan_from_model(original)
    model = read_onnx(export_onnx(plan, tmp_path / "example.onnx"))
    assert_same_network(original.network, model.network)
    assert (model.standardizer is None) == (original.standardizer is None)
    assert model.extra["imported_from_onnx"]["class_names"] == list(plan.class_names)


def _graph(nodes, constants, n_in=3, n_out=2, dtype=TensorProto.FLOAT):
    graph = helper.make_graph(
        nodes,
        "elsewhere",
        [helper.make_tensor_value_info("input", dtype, ["batch", n_in])],
        [helper.make_tensor_value_info("output", dtype, ["batch", n_out])],
        [numpy_helper.from_array(v, k) for k, v in constants.items()],
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
    onnx.checker.check_model(model)
    return model


def test_a_matmul_add_chain_from_elsewhere_opens_with_the_courses_shapes():
    rs = np.random.RandomState(0)
    B1 = rs.randn(3, 4).astype(np.float32)  # (n[0], n[1]): x·B, one sample per row
    c1 = rs.randn(4).astype(np.float32)
    B2 = rs.randn(2, 4).astype(np.float32)  # Gemm's transB = 1: already (n[2], n[1])
    c2 = rs.randn(2).astype(np.float32)
    nodes = [
        helper.make_node("MatMul", ["input", "B1"], ["h"]),
        helper.make_node("Add", ["c1", "h"], ["z1"]),
        helper.make_node("LeakyRelu", ["z1"], ["a1"], alpha=0.01),
        helper.make_node("Gemm", ["a1", "B2", "c2"], ["z2"], transB=1),
        helper.make_node("Softmax", ["z2"], ["output"], axis=1),
    ]
    model = model_from_onnx(_graph(nodes, {"B1": B1, "c1": c1, "B2": B2, "c2": c2}))
    net = model.network
    assert net.layer_dims == (3, 4, 2)
    assert net.activations == ("leaky_relu", "softmax")
    assert net.spec.dtype == "float32"
    np.testing.assert_array_equal(net.params["W1"], B1.T)  # W[1] (n[1], n[0])
    np.testing.assert_array_equal(net.params["b1"], c1.reshape(4, 1))
    np.testing.assert_array_equal(net.params["W2"], B2)
    X = rs.randn(5, 3).astype(np.float32)
    expected = np.exp(np.maximum(X @ B1 + c1, 0.01 * (X @ B1 + c1)) @ B2.T + c2)
    expected /= expected.sum(axis=1, keepdims=True)
    np.testing.assert_allclose(net.forward(X.T)[0].T, expected, rtol=1e-5)


@pytest.mark.parametrize(
    ("nodes", "named"),
    [
        (
            [
                helper.make_node("Gemm", ["input", "W", "b"], ["z"], transB=1),
                helper.make_node("Relu", ["z"], ["a"]),
                helper.make_node("Dropout", ["a"], ["d"], name="drop"),
                helper.make_node("Gemm", ["d", "V", "c"], ["output"], transB=1),
            ],
            "node 3 of the graph, Dropout (drop), cannot be opened",
        ),
        (
            [
                helper.make_node("Gemm", ["input", "W", "b"], ["z"], transB=1),
                helper.make_node("Elu", ["z"], ["a"]),
                helper.make_node("Gemm", ["a", "V", "c"], ["output"], transB=1),
            ],
            "node 2 of the graph, Elu, cannot be opened",
        ),
        (
            [
                helper.make_node("Gemm", ["input", "W", "b"], ["z"], transB=1),
                helper.make_node("LeakyRelu", ["z"], ["a"], alpha=0.2),
                helper.make_node("Gemm", ["a", "V", "c"], ["output"], transB=1),
            ],
            "node 2 of the graph, LeakyRelu, cannot be opened: only LeakyRelu with α = 0.01",
        ),
    ],
    ids=["dropout", "elu", "leaky-0.2"],
)
def test_anything_else_is_refused_naming_the_first_unsupported_node(nodes, named):
    rs = np.random.RandomState(1)
    constants = {
        "W": rs.randn(4, 3).astype(np.float32),
        "b": np.zeros(4, np.float32),
        "V": rs.randn(2, 4).astype(np.float32),
        "c": np.zeros(2, np.float32),
    }
    with pytest.raises(OnnxImportError) as caught:
        model_from_onnx(_graph(nodes, constants))
    assert named in str(caught.value)
    assert "Gemm, or MatMul + Add" in str(caught.value)  # and what would open


def test_a_relu_output_is_refused_saying_which_outputs_train():
    constants = {"W": np.ones((2, 3), np.float32), "b": np.zeros(2, np.float32)}
    nodes = [
        helper.make_node("Gemm", ["input", "W", "b"], ["z"], transB=1),
        helper.make_node("Relu", ["z"], ["output"]),
    ]
    with pytest.raises(OnnxImportError, match="output is sigmoid, softmax or linear"):
        model_from_onnx(_graph(nodes, constants))


def test_a_file_that_is_not_onnx_is_refused(tmp_path):
    path = tmp_path / "not.onnx"
    path.write_bytes(b"\x00\xffnot a model at all" * 10)
    with pytest.raises(OnnxImportError, match="not an ONNX model"):
        read_onnx(path)


def test_an_opened_network_takes_the_data_in_use_and_its_own_scaling():
    from nnstudio.data import make_dataset
    from nnstudio.interop import with_data

    plan = make_plan(("tanh",), "sigmoid", 1, standardize=True)
    flower = make_dataset("flower")
    model = with_data(model_from_onnx(build_onnx(plan)), flower, {"learning_rate": 0.1})
    assert model.dataset is flower
    assert model.hyperparameters["standardize"] is True
    assert model.hyperparameters["learning_rate"] == 0.1
    assert model.hyperparameters["dtype"] == "float64"


@pytest.mark.parametrize(
    ("shape", "data", "says"),
    [
        ((("tanh",), "sigmoid", 1), "blobs", "Choose a data set with two classes"),
        ((("tanh",), "softmax", 3), "flower", "Choose a data set with 3 classes"),
        ((("tanh",), "linear", 1), "flower", "values to predict (a regression)"),
    ],
)
def test_an_output_that_does_not_fit_the_data_is_refused_saying_what_to_choose(shape, data, says):
    from nnstudio.data import make_dataset
    from nnstudio.interop import with_data

    plan = make_plan(*shape)
    with pytest.raises(OnnxImportError, match="does not fit the data set in use") as caught:
        with_data(model_from_onnx(build_onnx(plan)), make_dataset(data), {})
    assert says in str(caught.value)


def test_a_standardisation_for_other_inputs_is_refused_not_raised():
    plan = make_plan(("tanh",), "sigmoid", 1, standardize=True)
    model = build_onnx(plan)
    for tensor in model.graph.initializer:
        if tensor.name == "mu":  # three means for two inputs
            tensor.CopyFrom(numpy_helper.from_array(np.zeros(3), "mu"))
    with pytest.raises(OnnxImportError, match="standardiser"):
        model_from_onnx(model)
