"""A network as an ONNX model, built with the ``onnx`` package's helper API (opset 17).

The graph takes the raw inputs ``X`` (m, n_in), one sample per **row** as ONNX runtimes expect,
with a symbolic batch dimension ``m``, and returns ``Y_hat`` (m, n[L]): the probabilities of a
classifier or the values of a regression, exactly the transpose of the engine's A[L] (n[L], m).
In between, in the same order as the engine:

- the standardisation x ← (x − μ) / σ (``Sub``, ``Div``) when the model uses one;
- the input features made from the two inputs (``Gather``, ``Mul``, ``Sin``, ``Concat``);
- one ``Gemm`` per layer with ``transB = 1``, so its weight initializer ``W{l}`` keeps the
  course's shape (n[l], n[l-1]) and Z[l]ᵀ = A[l-1]ᵀ·W[l]ᵀ + b[l]ᵀ; then g[l]
  (``Relu``, ``Tanh``, ``Sigmoid``, ``LeakyRelu``, ``Softmax``; nothing for linear);
- on a layer with batch normalisation, a ``Gemm`` without b[l] (the engine does not add it)
  and a ``BatchNormalization`` in inference mode (γ[l], β[l], the running μ[l] and σ²[l],
  the engine's ε) before g[l]. Dropout acts only while training: it has no node.

Tensors are named after the course (``A0``, ``Z1``, ``A1``, …), in the model's precision.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import numpy as np

from ..data import RAW_INPUTS
from ..engine import BATCH_NORM_EPSILON as BN_EPSILON
from .layers import BATCH_NORM_MOMENTUM as BN_MOMENTUM
from .layers import ExportPlan
from .onnx_support import (
    BATCH,
    INPUT_NAME,
    IR_VERSION,
    META_CLASS_NAMES,
    META_FEATURES,
    META_INPUT_NAMES,
    META_LOSS,
    OPSET,
    OUTPUT_NAME,
    PRODUCER,
    require_onnx,
)

#: activation key → (ONNX operator, its attributes); linear has none
ONNX_ACTIVATIONS: dict[str, tuple[str, dict[str, Any]] | None] = {
    "sigmoid": ("Sigmoid", {}),
    "tanh": ("Tanh", {}),
    "relu": ("Relu", {}),
    "leaky_relu": ("LeakyRelu", {"alpha": 0.01}),
    "softmax": ("Softmax", {"axis": -1}),
    "linear": None,
}

#: input feature key → how it is made from the columns x1, x2: an operator and its inputs
FEATURE_NODES: dict[str, tuple[str, tuple[str, ...]]] = {
    "x1": ("Identity", ("x1",)),
    "x2": ("Identity", ("x2",)),
    "x1sq": ("Mul", ("x1", "x1")),
    "x2sq": ("Mul", ("x2", "x2")),
    "x1x2": ("Mul", ("x1", "x2")),
    "sinx1": ("Sin", ("x1",)),
    "sinx2": ("Sin", ("x2",)),
}


def preparation_nodes(plan: ExportPlan, dtype: np.dtype) -> tuple[list[Any], list[Any], str]:
    """The nodes and initializers that turn ``X`` into A[0], and the name of A[0]'s tensor
    (``X`` itself when nothing is done). The reader rebuilds these to recognise them."""
    onnx = require_onnx()
    helper, numpy_helper = onnx.helper, onnx.numpy_helper
    nodes: list[Any] = []
    constants: list[Any] = []
    current = INPUT_NAME
    if plan.mean is not None and plan.std is not None:
        constants.append(numpy_helper.from_array(plan.mean.reshape(-1).astype(dtype), "mu"))
        constants.append(numpy_helper.from_array(plan.std.reshape(-1).astype(dtype), "sigma"))
        nodes.append(helper.make_node("Sub", [current, "mu"], ["X_centred"], name="centre"))
        nodes.append(helper.make_node("Div", ["X_centred", "sigma"], ["X_std"], name="scale"))
        current = "X_std"
    if plan.features is not None:
        for i in range(RAW_INPUTS):
            index = f"column{i + 1}"
            constants.append(numpy_helper.from_array(np.array([i], dtype=np.int64), index))
            nodes.append(
                helper.make_node(
                    "Gather", [current, index], [f"x{i + 1}"], name=f"take_x{i + 1}", axis=1
                )
            )
        made = []
        for key in plan.features:
            op, inputs = FEATURE_NODES[key]
            nodes.append(helper.make_node(op, list(inputs), [f"f_{key}"], name=f"feature_{key}"))
            made.append(f"f_{key}")
        nodes.append(helper.make_node("Concat", made, ["A0"], name="input_features", axis=1))
        current = "A0"
    return nodes, constants, current


def build_onnx(plan: ExportPlan) -> Any:
    """The ``onnx.ModelProto`` of ``plan``; it passes ``onnx.checker.check_model``."""
    onnx = require_onnx()
    helper, numpy_helper, TensorProto = onnx.helper, onnx.numpy_helper, onnx.TensorProto
    net = plan.network
    dtype = np.dtype(net.spec.dtype)
    elem = TensorProto.DOUBLE if dtype == np.float64 else TensorProto.FLOAT
    nodes, constants, current = preparation_nodes(plan, dtype)
    layers = plan.layers()
    for layer in layers:
        l, last = layer.index, layer.index == len(layers)
        if layer.activation not in ONNX_ACTIVATIONS:
            raise ValueError(f"the activation {layer.activation!r} has no ONNX operator")
        act = ONNX_ACTIVATIONS[layer.activation]
        W = net.params[f"W{l}"]
        constants.append(numpy_helper.from_array(np.ascontiguousarray(W), f"W{l}"))
        gemm_inputs = [current, f"W{l}"]
        if not layer.batch_norm:  # with batch norm b[l] is not used: Z[l] = W[l]·A[l-1]
            b = net.params[f"b{l}"].reshape(-1)
            constants.append(numpy_helper.from_array(np.ascontiguousarray(b), f"b{l}"))
            gemm_inputs.append(f"b{l}")
        z_name = OUTPUT_NAME if last and act is None else f"Z{l}"
        nodes.append(
            helper.make_node(
                "Gemm",
                gemm_inputs,
                [z_name],
                name=f"layer{l}",
                transB=1,
                doc_string=layer.shape_comment(),
            )
        )
        current = z_name
        if layer.batch_norm:
            current = _batch_norm_node(plan, l, current, nodes, constants)
        if act is not None:
            op, attributes = act
            a_name = OUTPUT_NAME if last else f"A{l}"
            nodes.append(
                helper.make_node(
                    op, [current], [a_name], name=f"g{l}_{layer.activation}", **attributes
                )
            )
            current = a_name
    dims = net.layer_dims
    graph = helper.make_graph(
        nodes,
        f"nnstudio_{net.L}_layer_network",
        [helper.make_tensor_value_info(INPUT_NAME, elem, [BATCH, plan.n_inputs])],
        [helper.make_tensor_value_info(OUTPUT_NAME, elem, [BATCH, dims[-1]])],
        constants,
        doc_string=(
            f"layer_dims {list(dims)}, activations {list(net.activations)}; one sample per row: "
            f"X (m, {plan.n_inputs}) → Y_hat (m, {dims[-1]}) = A[{net.L}]ᵀ"
        ),
    )
    model = helper.make_model(
        graph,
        opset_imports=[helper.make_opsetid("", OPSET)],
        producer_name=PRODUCER,
        producer_version=_app_version(),
    )
    model.ir_version = IR_VERSION
    meta = {
        META_INPUT_NAMES: json.dumps(list(plan.input_names)),
        META_CLASS_NAMES: json.dumps(list(plan.class_names)),
        META_LOSS: net.loss,
    }
    if plan.features is not None:
        meta[META_FEATURES] = ",".join(plan.features)
    helper.set_model_props(model, meta)
    onnx.checker.check_model(model, full_check=True)
    return model


def _batch_norm_node(
    plan: ExportPlan, l: int, current: str, nodes: list[Any], constants: list[Any]
) -> str:
    """Append layer l's batch normalisation in inference mode, Z̃[l] = γ[l] ⊙ (Z[l] − μ[l]) /
    √(σ²[l] + ε) + β[l] with the running μ and σ² (ONNX's ``BatchNormalization`` over the units
    of each row); return the name of Z̃[l]. ONNX's momentum has the engine's convention:
    running = momentum · running + (1 − momentum) · batch value."""
    onnx = require_onnx()
    numpy_helper = onnx.numpy_helper
    net = plan.network
    arrays = {
        f"gamma{l}": net.params[f"gamma{l}"],
        f"beta{l}": net.params[f"beta{l}"],
        f"running_mean{l}": net.running[f"mean{l}"],
        f"running_var{l}": net.running[f"var{l}"],
    }
    for name, value in arrays.items():
        constants.append(numpy_helper.from_array(np.ascontiguousarray(value.reshape(-1)), name))
    nodes.append(
        onnx.helper.make_node(
            "BatchNormalization",
            [current, *arrays],
            [f"Ztilde{l}"],
            name=f"batch_norm{l}",
            epsilon=BN_EPSILON,
            momentum=BN_MOMENTUM,
            doc_string=f"Z̃[{l}] = γ[{l}] ⊙ (Z[{l}] − μ[{l}]) / √(σ²[{l}] + ε) + β[{l}]",
        )
    )
    return f"Ztilde{l}"


def export_onnx(plan: ExportPlan, path: str | os.PathLike[str]) -> Path:
    """Write ``plan`` as an ONNX file (``.onnx`` added when missing); returns its path. The file
    is written beside the target first, then moved into place."""
    onnx = require_onnx()
    target = Path(path)
    if target.suffix.lower() != ".onnx":
        target = target.with_name(target.name + ".onnx")
    data = build_onnx(plan).SerializeToString()
    partial = target.with_name(target.name + ".part")
    try:
        partial.write_bytes(data)
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
    onnx.load(str(target))  # read back: the file on disk is a whole model
    return target


def _app_version() -> str:
    from .. import __version__

    return str(__version__)
