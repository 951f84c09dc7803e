"""Open an ONNX network whose graph is a chain of fully-connected layers as an NN Studio model.

Accepted, node after node from the graph's one input to its one output: ``Gemm`` (α = β = 1,
no transposed input; B transposed or not), or ``MatMul`` followed by ``Add`` of a bias, each
optionally followed by a ``BatchNormalization`` in inference mode (a hidden layer with batch
norm, ε = 10⁻⁸ as the engine's) and by at most one activation the app knows (``Relu``,
``Tanh``, ``Sigmoid``, ``LeakyRelu`` with α = 0.01, ``Softmax`` over the units; none is
linear), and ``Identity``.
Before the first layer, the standardisation and the input features NN Studio's own export
writes are recognised. Anything else is refused with an :class:`OnnxImportError` that names the
first node that cannot be read. Parameters come out in the course's shapes, W[l] (n[l], n[l-1])
and b[l] (n[l], 1), in the precision of the file (float32 or float64).
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import numpy as np

from ..data import Standardizer, check_features
from ..engine import BATCH_NORM_EPSILON, LEAKY_SLOPE, Network, NetworkSpec, SpecError
from ..files import ModelFile
from ..text import translate
from .layers import plan_for
from .onnx_export import preparation_nodes
from .onnx_support import (
    META_CLASS_NAMES,
    META_FEATURES,
    META_INPUT_NAMES,
    OnnxImportError,
    require_onnx,
)

# ONNX operator → the activation key it is (LeakyRelu and Softmax are checked further)
KNOWN_ACTIVATIONS = {
    "Relu": "relu",
    "Tanh": "tanh",
    "Sigmoid": "sigmoid",
    "LeakyRelu": "leaky_relu",
    "Softmax": "softmax",
}
OUTPUT_ACTIVATIONS = ("sigmoid", "softmax", "linear")
MAX_FILE_BYTES = 200 * 1024 * 1024


def _refuse(node: Any, index: int, why: str) -> OnnxImportError:
    label = f"{node.op_type} ({node.name})" if node.name else node.op_type
    return OnnxImportError(
        translate(
            "Onnx",
            "node {index} of the graph, {node}, cannot be opened: {why}. NN Studio opens chains "
            "of fully-connected layers (Gemm, or MatMul + Add, each optionally with a "
            "BatchNormalization) with the activations relu, tanh, sigmoid, leaky_relu "
            "(α = 0.01) and softmax",
        ).format(index=index + 1, node=label, why=why)
    )


class _Chain:
    """The layers read so far: W[l] (n[l], n[l-1]), b[l] (n[l], 1), g[l] and, for a layer
    with batch normalisation, γ[l], β[l] and the running μ[l], σ²[l] (each (n[l], 1))."""

    def __init__(self) -> None:
        self.weights: list[np.ndarray] = []
        self.biases: list[np.ndarray] = []
        self.activations: list[str] = []
        self.norms: list[dict[str, np.ndarray] | None] = []
        self.open_matmul = False  # a MatMul waiting for its Add

    def add_layer(self, W: np.ndarray, b: np.ndarray | None) -> None:
        self.weights.append(W)
        self.biases.append(np.zeros((W.shape[0], 1), W.dtype) if b is None else b)
        self.activations.append("linear")
        self.norms.append(None)


def read_onnx(path: str | os.PathLike[str]) -> ModelFile:
    """The network in the ONNX file at ``path`` as a :class:`~nnstudio.files.ModelFile` without
    a data set (and with the standardisation and the input features NN Studio exported, when
    present). Raises OnnxImportError (a message naming the problem) or OnnxMissingError."""
    onnx = require_onnx()
    source = Path(path)
    try:
        if source.stat().st_size > MAX_FILE_BYTES:
            raise OnnxImportError(
                translate("Onnx", "the file is larger than {mb} MB").format(
                    mb=MAX_FILE_BYTES // 2**20
                )
            )
        model = onnx.load(str(source), load_external_data=False)
    except OSError as exc:
        raise OnnxImportError(str(exc.strerror or exc)) from None
    except Exception as exc:  # protobuf's DecodeError and friends: not an ONNX model
        raise OnnxImportError(
            translate("Onnx", "the file is not an ONNX model ({error})").format(
                error=type(exc).__name__
            )
        ) from None
    return model_from_onnx(model)


def model_from_onnx(model: Any) -> ModelFile:
    """As :func:`read_onnx`, for an ``onnx.ModelProto`` already in memory."""
    onnx = require_onnx()
    graph = model.graph
    try:
        constants = {t.name: onnx.numpy_helper.to_array(t) for t in graph.initializer}
    except Exception as exc:  # data kept outside the file, or a tensor that is not one
        raise OnnxImportError(
            translate("Onnx", "the weights cannot be read ({error})").format(
                error=type(exc).__name__
            )
        ) from None
    inputs = [i for i in graph.input if i.name not in constants]
    if len(inputs) != 1 or len(graph.output) != 1:
        raise OnnxImportError(
            translate(
                "Onnx",
                "the graph has {inputs} inputs and {outputs} outputs; NN Studio opens "
                "networks with one input and one output",
            ).format(inputs=len(inputs), outputs=len(graph.output))
        )
    meta = {p.key: p.value for p in model.metadata_props}
    nodes = list(graph.node)
    mean, std, features, start, current = _preparation(nodes, constants, inputs[0].name, meta)
    chain = _Chain()
    for index in range(start, len(nodes)):
        node = nodes[index]
        current = _read_node(node, index, current, constants, chain, onnx)
    if current != graph.output[0].name:
        raise OnnxImportError(
            translate(
                "Onnx", "the chain of layers does not end at the graph's output {name!r}"
            ).format(name=graph.output[0].name)
        )
    network = _network(chain)
    names = _json_list(meta.get(META_INPUT_NAMES))
    classes = _json_list(meta.get(META_CLASS_NAMES))
    try:
        plan = plan_for(network, None if mean is None else (mean, std), features, names, classes)
        scaling = None if mean is None else Standardizer(mean, std)
    except ValueError as exc:  # a standardisation that does not fit the network's inputs
        raise OnnxImportError(str(exc)) from None
    return ModelFile(
        network=network,
        standardizer=scaling,
        input_features=plan.features,
        extra={
            "imported_from_onnx": {"input_names": list(plan.input_names), "class_names": classes}
        },
    )


def _preparation(
    nodes: list[Any], constants: dict[str, np.ndarray], input_name: str, meta: dict[str, str]
) -> tuple[np.ndarray | None, np.ndarray | None, tuple[str, ...] | None, int, str]:
    """(μ, σ, feature keys, index of the first layer's node, name of A[0]) of the nodes NN
    Studio's export puts before the first layer; none of them when they are not there."""
    mean = std = None
    start = 0
    if (
        len(nodes) >= 2
        and [n.op_type for n in nodes[:2]] == ["Sub", "Div"]
        and list(nodes[0].input) == [input_name, "mu"]
        and list(nodes[1].input) == [nodes[0].output[0], "sigma"]
        and "mu" in constants
        and "sigma" in constants
    ):
        mean = np.asarray(constants["mu"], dtype=np.float64).reshape(-1, 1)
        std = np.asarray(constants["sigma"], dtype=np.float64).reshape(-1, 1)
        start = 2
    current = nodes[start - 1].output[0] if start else input_name
    keys_text = meta.get(META_FEATURES)
    if keys_text:
        try:
            keys = check_features(keys_text.split(","))
        except ValueError as exc:
            raise OnnxImportError(str(exc)) from None
        # rebuild what the export writes for these features and compare, node for node
        probe = Network.from_spec(NetworkSpec((len(keys), 1), ("linear",)))
        plan = plan_for(probe, None if mean is None else (mean, std), keys)
        expected, _, a0 = preparation_nodes(plan, np.dtype(np.float64))
        written = nodes[: len(expected)]
        if [n.SerializeToString() for n in written] != [n.SerializeToString() for n in expected]:
            raise OnnxImportError(
                translate("Onnx", "the input features the file declares do not match its graph")
            )
        return mean, std, keys, len(expected), a0
    return mean, std, None, start, current


def _read_node(
    node: Any, index: int, current: str, constants: dict[str, np.ndarray], chain: _Chain, onnx: Any
) -> str:
    """Read one node of the chain; return the name of the tensor it makes."""
    op = node.op_type
    attrs = {a.name: onnx.helper.get_attribute_value(a) for a in node.attribute}
    if node.domain not in ("", "ai.onnx"):
        raise _refuse(node, index, translate("Onnx", "its operator set is not the standard one"))
    if len(node.output) != 1:
        raise _refuse(node, index, translate("Onnx", "it has more than one output"))
    others = [name for name in node.input if name != current]
    if current not in node.input:
        raise _refuse(node, index, translate("Onnx", "it does not continue the chain of layers"))
    if chain.open_matmul and op != "Add":
        raise _refuse(node, index, translate("Onnx", "a MatMul must be followed by its bias Add"))
    if op == "Gemm":
        if (
            attrs.get("alpha", 1.0) != 1.0
            or attrs.get("beta", 1.0) != 1.0
            or attrs.get("transA", 0)
        ):
            raise _refuse(node, index, translate("Onnx", "only Gemm with α = β = 1 and A as it is"))
        if list(node.input[:1]) != [current] or not all(n in constants for n in node.input[1:]):
            raise _refuse(node, index, translate("Onnx", "its weights are not constants"))
        B = constants[node.input[1]]
        W = B if attrs.get("transB", 0) else B.T
        b = constants[node.input[2]] if len(node.input) > 2 and node.input[2] else None
        chain.add_layer(_matrix(W, node, index), _bias(b, W.shape[0], node, index))
    elif op == "MatMul":
        if list(node.input) != [current, node.input[1]] or node.input[1] not in constants:
            raise _refuse(node, index, translate("Onnx", "its weights are not constants"))
        chain.add_layer(_matrix(constants[node.input[1]].T, node, index), None)
        chain.open_matmul = True
    elif op == "Add":
        if not chain.open_matmul or len(others) != 1 or others[0] not in constants:
            raise _refuse(node, index, translate("Onnx", "an Add is read only as a layer's bias"))
        bias = _bias(constants[others[0]], chain.weights[-1].shape[0], node, index)
        if bias is not None:
            chain.biases[-1] = bias
        chain.open_matmul = False
    elif op == "BatchNormalization":
        _read_batch_norm(node, index, current, attrs, constants, chain)
    elif op in KNOWN_ACTIVATIONS:
        name = KNOWN_ACTIVATIONS[op]
        if not chain.weights or chain.activations[-1] != "linear":
            raise _refuse(node, index, translate("Onnx", "an activation must follow a layer"))
        if op == "LeakyRelu" and not np.isclose(attrs.get("alpha", 0.01), LEAKY_SLOPE):
            raise _refuse(node, index, translate("Onnx", "only LeakyRelu with α = 0.01"))
        if op == "Softmax" and attrs.get("axis", -1) not in (-1, 1):
            raise _refuse(node, index, translate("Onnx", "only a Softmax over the units"))
        chain.activations[-1] = name
    elif op != "Identity":
        raise _refuse(node, index, translate("Onnx", "NN Studio does not know this operator"))
    return str(node.output[0])


def _read_batch_norm(
    node: Any,
    index: int,
    current: str,
    attrs: dict[str, Any],
    constants: dict[str, np.ndarray],
    chain: _Chain,
) -> None:
    """Batch normalisation of the layer just read, before its activation, in inference mode:
    Z̃ = γ ⊙ (Z − μ) / √(σ² + ε) + β with the running μ, σ² and the engine's ε. A bias the
    layer adds first is folded into μ (Z + b − μ = Z − (μ − b)), so b[l] becomes 0 as the
    engine keeps it."""
    if not chain.weights or chain.activations[-1] != "linear" or chain.norms[-1] is not None:
        raise _refuse(
            node,
            index,
            translate("Onnx", "a batch normalisation must follow a layer, before its activation"),
        )
    if list(node.input[:1]) != [current] or not all(n in constants for n in node.input[1:5]):
        raise _refuse(node, index, translate("Onnx", "its statistics are not constants"))
    if len(node.input) != 5 or attrs.get("training_mode", 0):
        raise _refuse(node, index, translate("Onnx", "only a batch normalisation for inference"))
    if not np.isclose(attrs.get("epsilon", 1e-5), BATCH_NORM_EPSILON, rtol=1e-3, atol=0.0):
        raise _refuse(
            node,
            index,
            translate("Onnx", "only a batch normalisation with ε = {eps:g}").format(
                eps=BATCH_NORM_EPSILON
            ),
        )
    n = chain.weights[-1].shape[0]
    gamma, beta, mean, var = (_bias(constants[name], n, node, index) for name in node.input[1:5])
    assert gamma is not None and beta is not None and mean is not None and var is not None
    if (var < 0).any():
        raise _refuse(node, index, translate("Onnx", "its running variance is negative"))
    mean = mean - chain.biases[-1]
    chain.biases[-1] = np.zeros_like(chain.biases[-1])
    chain.norms[-1] = {"gamma": gamma, "beta": beta, "mean": mean, "var": var}


def _matrix(W: np.ndarray, node: Any, index: int) -> np.ndarray:
    if W.ndim != 2 or W.dtype not in (np.float32, np.float64):
        raise _refuse(
            node, index, translate("Onnx", "its weights are not a matrix of float32 or float64")
        )
    return np.ascontiguousarray(W)


def _bias(b: np.ndarray | None, n: int, node: Any, index: int) -> np.ndarray | None:
    if b is None:
        return None
    if b.size != n or b.dtype not in (np.float32, np.float64):
        raise _refuse(node, index, translate("Onnx", "its bias does not have one value per unit"))
    return np.ascontiguousarray(b.reshape(n, 1))


def _network(chain: _Chain) -> Network:
    if not chain.weights:
        raise OnnxImportError(translate("Onnx", "the graph has no fully-connected layer"))
    if chain.open_matmul:
        chain.open_matmul = False  # a last MatMul without a bias: b = 0
    dims = [chain.weights[0].shape[1]]
    for l, W in enumerate(chain.weights, start=1):
        if W.shape[1] != dims[-1]:
            raise OnnxImportError(
                translate(
                    "Onnx", "layer {l} takes {got} inputs but layer {prev} gives {want}"
                ).format(l=l, got=W.shape[1], prev=l - 1, want=dims[-1])
            )
        dims.append(W.shape[0])
    norms = [norm for norm in chain.norms if norm is not None]
    dtypes = {W.dtype for W in chain.weights} | {b.dtype for b in chain.biases}
    dtypes |= {value.dtype for norm in norms for value in norm.values()}
    if len(dtypes) != 1:
        raise OnnxImportError(translate("Onnx", "the layers mix float32 and float64 parameters"))
    out = chain.activations[-1]
    if out not in OUTPUT_ACTIVATIONS:
        raise OnnxImportError(
            translate(
                "Onnx",
                "the output layer's activation is {name}; NN Studio trains networks whose "
                "output is sigmoid, softmax or linear",
            ).format(name=out)
        )
    if chain.norms[-1] is not None:
        raise OnnxImportError(
            translate(
                "Onnx",
                "the output layer is batch-normalised; NN Studio normalises hidden layers only",
            )
        )
    dtype = str(dtypes.pop())
    batch_norm = tuple(norm is not None for norm in chain.norms[:-1])
    try:
        spec = NetworkSpec(
            tuple(dims), tuple(chain.activations), dtype=dtype, batch_norm=batch_norm
        )
    except SpecError as exc:
        raise OnnxImportError(str(exc)) from None
    params: dict[str, np.ndarray] = {}
    running: dict[str, np.ndarray] = {}
    for l, (W, b) in enumerate(zip(chain.weights, chain.biases, strict=True), start=1):
        params[f"W{l}"], params[f"b{l}"] = W.copy(), b.copy()
        norm = chain.norms[l - 1]
        if norm is not None:
            params[f"gamma{l}"], params[f"beta{l}"] = norm["gamma"].copy(), norm["beta"].copy()
            running[f"mean{l}"], running[f"var{l}"] = norm["mean"], norm["var"]
    arrays = [*params.values(), *running.values()]
    if not all(np.isfinite(p).all() for p in arrays):
        raise OnnxImportError(translate("Onnx", "the parameters hold values that are not finite"))
    return Network.from_spec(spec, params, running)


def _json_list(text: str | None) -> list[str]:
    if not text:
        return []
    try:
        values = json.loads(text)
    except ValueError:
        return []
    return [str(v) for v in values] if isinstance(values, list) else []
