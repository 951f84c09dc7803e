"""Loss functions L(ŷ, y) averaged into the cost J = (1/m) Σ L(ŷ⁽ⁱ⁾, y⁽ⁱ⁾).

``AL`` (= Ŷ) and ``Y`` both have shape ``(n[L], m)``. Each loss knows the output activation
it pairs with; for that pair the output gradient is simply ``dZ[L] = A[L] − Y``.
The registry :data:`LOSSES` is keyed by the names the model file stores. A :class:`Loss` entry
carries everything about it: the cost (the readable reference), ∂L/∂ŷ, the same cost computed
in preallocated buffers for the training step (``fused_cost``, equal to ``cost`` in float64),
its title and the formula the step-through shows.
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


# -- the same costs in two scratch buffers p, s (n[L], m) of the training step ---------------------
def _binary_cross_entropy_fused(AL: Array, Y: Array, p: Array, s: Array) -> float:
    eps = _eps(AL.dtype)
    np.clip(AL, eps, 1.0 - eps, out=p)
    np.log(p, out=s)
    first = np.dot(Y.ravel(), s.ravel())
    np.negative(p, out=p)
    np.log1p(p, out=p)
    np.subtract(1, Y, out=s)
    second = np.dot(s.ravel(), p.ravel())
    return float(-(first + second) / AL.shape[1])


def _categorical_cross_entropy_fused(AL: Array, Y: Array, p: Array, s: Array) -> float:
    eps = _eps(AL.dtype)
    np.maximum(AL, eps, out=s)
    np.log(s, out=s)
    return float(-np.dot(Y.ravel(), s.ravel()) / AL.shape[1])


def _mean_squared_error_fused(AL: Array, Y: Array, p: Array, s: Array) -> float:
    np.subtract(AL, Y, out=s)
    flat = s.ravel()
    return float(0.5 * np.dot(flat, flat) / AL.shape[1])


@dataclass(frozen=True)
class Loss:
    """A loss L(ŷ, y) and everything shown or computed about it.

    ``fused_cost(AL, Y, p, s)`` computes ``cost(AL, Y)`` with the same operations, using the two
    scratch arrays ``p`` and ``s`` (the shape of AL) instead of allocating. ``formula`` is the
    body of J = … in plain notation, with ``{A}`` standing for A[L] and ``{Y}`` for Y.
    """

    name: str
    cost: Callable[[Array, Array], float]
    output_gradient: Callable[[Array, Array], Array]
    paired_activation: str
    title: str
    fused_cost: Callable[[Array, Array, Array, Array], float]
    formula: str


LOSSES: dict[str, Loss] = {
    "binary_cross_entropy": Loss(
        "binary_cross_entropy",
        binary_cross_entropy,
        binary_cross_entropy_dA,
        "sigmoid",
        translatable("Loss", "binary cross-entropy"),
        _binary_cross_entropy_fused,
        "−(1/m) Σ [{Y} log {A} + (1 − {Y}) log(1 − {A})]",
    ),
    "categorical_cross_entropy": Loss(
        "categorical_cross_entropy",
        categorical_cross_entropy,
        categorical_cross_entropy_dA,
        "softmax",
        translatable("Loss", "categorical cross-entropy"),
        _categorical_cross_entropy_fused,
        "−(1/m) Σ Σ {Y} log {A}",
    ),
    "mse": Loss(
        "mse",
        mean_squared_error,
        mean_squared_error_dA,
        "linear",
        translatable("Loss", "mean squared error"),
        _mean_squared_error_fused,
        "(1/m) Σ ½ ({A} − {Y})²",
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
