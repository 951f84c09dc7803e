"""An opened ONNX network put together with a data set, so that the learner can read it (the
diagram, the dimension table, the step-through) and train it further.

An ONNX file carries no data: :func:`with_data` pairs the network with the data set in use and
refuses, saying what to do, when they do not fit (n[0] against the data's features, the output
against the data's task).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from ..data import RAW_INPUTS, Dataset
from ..files import ModelFile
from ..text import translate
from .onnx_support import OnnxImportError


def with_data(model: ModelFile, dataset: Dataset, hyperparameters: dict[str, Any]) -> ModelFile:
    """``model`` (read from ONNX, no data) with ``dataset`` and these training settings; the
    network's precision and its standardisation replace the settings' ones. Raises
    OnnxImportError when the network cannot take this data."""
    net = model.network
    n_in = net.layer_dims[0] if model.input_features is None else RAW_INPUTS
    n_data = dataset.X.shape[0]
    if n_in != n_data:
        raise OnnxImportError(
            translate(
                "Onnx",
                "the network takes n[0] = {n} inputs but the data set in use, {data}, has {k} "
                "features. Choose or import a data set with {n} features in the Data panel, "
                "then open the network again",
            ).format(n=n_in, data=dataset.name, k=n_data)
        )
    out, n_out = net.activations[-1], net.layer_dims[-1]
    K = len(dataset.class_names)
    fits = {
        "sigmoid": dataset.task == "binary" and n_out == 1,
        "softmax": dataset.task != "regression" and n_out == K,
        "linear": dataset.task == "regression" and n_out == dataset.Y.shape[0],
    }.get(out, False)
    if not fits:
        raise OnnxImportError(
            translate(
                "Onnx",
                "the network's output ({n} {act} unit(s)) does not fit the data set in use, "
                "{data} ({task}). Choose a data set with {need}, then open the network again",
            ).format(n=n_out, act=out, data=dataset.name, task=dataset.task, need=_need(out, n_out))
        )
    hp = dict(hyperparameters)
    hp.update(
        standardize=model.standardizer is not None,
        dtype=net.spec.dtype,
        l2=0.0,
        l1=0.0,
    )
    return replace(model, dataset=dataset, hyperparameters=hp, optimizer_state=None)


def _need(out: str, n_out: int) -> str:
    if out == "sigmoid":
        return translate("Onnx", "two classes")
    if out == "softmax":
        return translate("Onnx", "{k} classes").format(k=n_out)
    return translate("Onnx", "values to predict (a regression)")
