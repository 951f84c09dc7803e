"""Loss functions L(ŷ, y) averaged into the cost J = (1/m) Σ L(ŷ⁽ⁱ⁾, y⁽ⁱ⁾).

``AL`` (= Ŷ) and ``Y`` both have shape ``(n[L], m)``. Each loss knows the output activation
it pairs with; for that pair the output gradient is simply ``dZ[L] = A[L] − Y``.
The registry :data:`LOSSES` is keyed by the names the model file stores.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from ..text import translatable, translate

Array = np.ndarray


def _eps(dtype: np.dtype) -> float:
    # Clip probabilities away from 0 and 1 so log never sees 0 (a saturated output stays finite).
    return float(np.finfo(dtype).eps)


def binary_cross_entropy(AL: Array, Y: Array) -> float:
    """J = −(1/m) Σ [y log ŷ + (1 − y) log(1 − ŷ)]."""
    eps = _eps(AL.dtype)
    p = np.clip(AL, eps, 1.0 - eps)
    m = AL.shape[1]
    return float(
        -(np.dot(Y.ravel(), np.log(p).ravel()) + np.dot((1 - Y).ravel(), np.log1p(-p).ravel())) / m
    )


def binary_cross_entropy_dA(AL: Array, Y: Array) -> Array:
    """∂L/∂ŷ per sample = −y/ŷ + (1 − y)/(1 − ŷ)."""
    eps = _eps(AL.dtype)
    p = np.clip(AL, eps, 1.0 - eps)
    return -(Y / p) + (1 - Y) / (1 - p)


def categorical_cross_entropy(AL: Array, Y: Array) -> float:
    """J = −(1/m) Σ_i Σ_j y_j log ŷ_j with one-hot Y of shape (K, m)."""
    eps = _eps(AL.dtype)
    m = AL.shape[1]
    return float(-np.dot(Y.ravel(), np.log(np.maximum(AL, eps)).ravel()) / m)


def categorical_cross_entropy_dA(AL: Array, Y: Array) -> Array:
    eps = _eps(AL.dtype)
    return -Y / np.maximum(AL, eps)


def mean_squared_error(AL: Array, Y: Array) -> float:
    """J = (1/m) Σ ½‖ŷ − y‖² (the ½ makes dZ[L] = A[L] − Y for a linear output)."""
    diff = (AL - Y).ravel()
    return float(0.5 * np.dot(diff, diff) / AL.shape[1])


def mean_squared_error_dA(AL: Array, Y: Array) -> Array:
    return AL - Y


@dataclass(frozen=True)
class Loss:
    name: str
    cost: Callable[[Array, Array], float]
    output_gradient: Callable[[Array, Array], Array]
    paired_activation: str
    title: str


LOSSES: dict[str, Loss] = {
    "binary_cross_entropy": Loss(
        "binary_cross_entropy",
        binary_cross_entropy,
        binary_cross_entropy_dA,
        "sigmoid",
        translatable("Loss", "binary cross-entropy"),
    ),
    "categorical_cross_entropy": Loss(
        "categorical_cross_entropy",
        categorical_cross_entropy,
        categorical_cross_entropy_dA,
        "softmax",
        translatable("Loss", "categorical cross-entropy"),
    ),
    "mse": Loss(
        "mse",
        mean_squared_error,
        mean_squared_error_dA,
        "linear",
        translatable("Loss", "mean squared error"),
    ),
}

DEFAULT_LOSS_FOR_OUTPUT = {loss.paired_activation: name for name, loss in LOSSES.items()}


def default_loss(output_activation: str) -> str:
    """The loss that pairs with an output activation (sigmoid → binary cross-entropy, …)."""
    try:
        return DEFAULT_LOSS_FOR_OUTPUT[output_activation]
    except KeyError:
        raise ValueError(
            translate(
                "SpecError",
                "no loss pairs with a {name!r} output; use sigmoid (two classes), "
                "softmax (several classes) or linear (regression) for the output layer",
            ).format(name=output_activation)
        ) from None


def get_loss(name: str) -> Loss:
    try:
        return LOSSES[name]
    except KeyError:
        known = ", ".join(LOSSES)
        raise ValueError(f"unknown loss {name!r}; choose one of: {known}") from None
