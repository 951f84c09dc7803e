"""What every export needs to know about a model, in one place: the layers in the course's
order with their shapes, and what happens to a raw input before the network sees it.

An :class:`ExportPlan` is built from a model file (:func:`plan_from_model`) or from its parts
(:func:`plan_for`). The PyTorch script, the ONNX graph and the NumPy script all read it, so the
standardisation x ← (x − μ) / σ and the input features (:mod:`nnstudio.data.features`) are
applied in the same order everywhere: raw X (n_in, m) → standardised → features → A[0]
(n[0], m) → the L layers Z[l] = W[l]·A[l-1] + b[l], A[l] = g[l](Z[l]).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..data import DEFAULT_FEATURES, RAW_INPUTS, check_features, map_features
from ..engine import Network, NetworkSpec
from ..learn import mean_std

#: batch norm's momentum as the engine keeps its running averages: running ← 0.9·running +
#: 0.1·batch value (nnstudio.engine.course2.batchnorm.MOMENTUM; a test keeps the two equal)
BATCH_NORM_MOMENTUM = 0.9

#: the outputs an export knows how to read: what a prediction is made of
OUTPUT_KINDS = {"sigmoid": "binary", "softmax": "multiclass", "linear": "regression"}


@dataclass(frozen=True)
class Layer:
    """Layer l of the network: n[l] units fed by n[l-1], activation g[l];
    W[l] (n[l], n[l-1]) and b[l] (n[l], 1). With ``batch_norm`` (a hidden layer only) Z[l] is
    normalised before g[l]: Z̃[l] = γ[l] ⊙ (Z[l] − μ[l]) / √(σ²[l] + ε) + β[l], with the
    running μ and σ² at prediction time, and b[l] is not used (it stays 0). ``keep_prob`` < 1
    means inverted dropout after g[l] while training (never at prediction time)."""

    index: int
    units: int
    inputs: int
    activation: str
    batch_norm: bool = False
    keep_prob: float = 1.0

    @property
    def W_shape(self) -> tuple[int, int]:
        return (self.units, self.inputs)

    @property
    def b_shape(self) -> tuple[int, int]:
        return (self.units, 1)

    def shape_comment(self) -> str:
        """ "Z[l] = W[l]·A[l-1] + b[l]: (n, m) = (n, n_prev)·(n_prev, m) + (n, 1)"."""
        l, n, p = self.index, self.units, self.inputs
        if self.batch_norm:
            return (
                f"Z[{l}] = W[{l}]·A[{l - 1}]: ({n}, m) = ({n}, {p})·({p}, m) (no b[{l}]); "
                f"Z̃[{l}] = γ[{l}] ⊙ Z_norm[{l}] + β[{l}] ({n}, m), γ[{l}], β[{l}] ({n}, 1); "
                f"A[{l}] = {self.activation}(Z̃[{l}]) ({n}, m)"
            )
        return (
            f"Z[{l}] = W[{l}]·A[{l - 1}] + b[{l}]: ({n}, m) = ({n}, {p})·({p}, m) + ({n}, 1); "
            f"A[{l}] = {self.activation}(Z[{l}]) ({n}, m)"
        )


@dataclass(frozen=True)
class ExportPlan:
    """A network and the preparation of its inputs.

    network: the engine network (its parameters are read, never changed).
    mean, std: the standardisation μ, σ as float64 (n_in, 1), or None.
    features: the keys of the input features made from the two (standardised) inputs, or None
        when the network is fed the (standardised) inputs themselves.
    input_names: one name per raw input column (n_in of them), as the data set calls them.
    class_names: the names of the classes (a classifier), else empty.
    hyperparameters: the training settings the model was trained with (optimizer, α, …).
    """

    network: Network
    mean: np.ndarray | None = None
    std: np.ndarray | None = None
    features: tuple[str, ...] | None = None
    input_names: tuple[str, ...] = ()
    class_names: tuple[str, ...] = ()
    hyperparameters: dict[str, Any] | None = None

    @property
    def spec(self) -> NetworkSpec:
        return self.network.spec

    @property
    def n_inputs(self) -> int:
        """The number of raw inputs: n[0], or the 2 the input features are made from."""
        return self.network.layer_dims[0] if self.features is None else RAW_INPUTS

    @property
    def output_kind(self) -> str:
        """ "binary", "multiclass" or "regression" (any other output is refused on export)."""
        out = self.network.activations[-1]
        if out == "sigmoid" and self.network.layer_dims[-1] != 1:
            return "regression"  # several independent outputs: the values themselves
        return OUTPUT_KINDS.get(out, "regression")

    @property
    def standardized(self) -> bool:
        return self.mean is not None

    def layers(self) -> list[Layer]:
        dims, acts, spec = self.network.layer_dims, self.network.activations, self.spec
        hidden = len(dims) - 2
        return [
            Layer(
                l,
                dims[l],
                dims[l - 1],
                acts[l - 1],
                l <= hidden and spec.batch_norm[l - 1],
                spec.keep_prob[l - 1] if l <= hidden else 1.0,
            )
            for l in range(1, len(dims))
        ]

    def output_names(self) -> list[str]:
        """The class names a prediction is reported with (as ``nnstudio-cli predict`` does)."""
        n = self.network.layer_dims[-1]
        k = n if self.output_kind == "multiclass" else 2
        names = list(self.class_names)
        return names if len(names) == k else [str(i) for i in range(k)]

    def parameters(self) -> dict[str, np.ndarray]:
        """W1, b1, [gamma1, beta1,] …, WL, bL as the network holds them (W (n[l], n[l-1]),
        b, γ and β (n[l], 1))."""
        return {name: self.network.params[name] for name in self.network.parameter_names()}

    def running_statistics(self) -> dict[str, np.ndarray]:
        """Batch norm's running μ[l] and σ²[l] (n[l], 1) as ``running_mean{l}``,
        ``running_var{l}``, for each layer l with batch norm on (empty without it)."""
        running = self.network.running
        stats = {}
        for l in self.network.norm_layers:
            stats[f"running_mean{l}"] = running[f"mean{l}"]
            stats[f"running_var{l}"] = running[f"var{l}"]
        return stats

    def network_inputs(self, X: np.ndarray) -> np.ndarray:
        """A[0] (n[0], m) for raw X (n_in, m), as the engine makes it (float64 until here)."""
        A = np.asarray(X, dtype=np.float64)
        if self.mean is not None and self.std is not None:
            A = (A - self.mean) / self.std
        return A if self.features is None else map_features(A, self.features)


def plan_for(
    network: Network,
    standardizer: Any = None,
    features: Sequence[str] | None = None,
    input_names: Sequence[str] = (),
    class_names: Sequence[str] = (),
    hyperparameters: dict[str, Any] | None = None,
) -> ExportPlan:
    """An export plan from its parts; ``standardizer`` a fitted Standardizer, a (μ, σ) pair or
    None; ``features`` None or the identity choice when the inputs go in as they are."""
    keys = (
        None
        if features is None or tuple(features) == DEFAULT_FEATURES
        else check_features(features)
    )
    scaling = mean_std(standardizer)
    n_in = network.layer_dims[0] if keys is None else RAW_INPUTS
    if keys is not None and len(keys) != network.layer_dims[0]:
        raise ValueError(f"{len(keys)} input features for {network.layer_dims[0]} network inputs")
    if scaling is not None and scaling[0].shape != (n_in, 1):
        raise ValueError(
            f"the standardiser has {scaling[0].shape[0]} features but the network {n_in} inputs"
        )
    names = tuple(str(n) for n in input_names)
    if len(names) != n_in:
        names = tuple(f"x{i + 1}" for i in range(n_in))
    return ExportPlan(
        network,
        None if scaling is None else scaling[0],
        None if scaling is None else scaling[1],
        keys,
        names,
        tuple(str(c) for c in class_names),
        dict(hyperparameters or {}),
    )


def plan_from_model(model: Any) -> ExportPlan:
    """The plan of a loaded :class:`~nnstudio.files.ModelFile`."""
    data = model.dataset
    return plan_for(
        model.network,
        model.standardizer,
        model.input_features,
        tuple(data.feature_names) if data is not None else (),
        tuple(data.class_names) if data is not None else (),
        model.hyperparameters,
    )
