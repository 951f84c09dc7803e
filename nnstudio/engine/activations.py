"""Activation functions g(z) and the derivatives g'(z) that back propagation uses.

Every function works element-wise on an array ``Z`` of shape ``(n[l], m)`` and returns an
array of the same shape and dtype. ``softmax`` normalises over the units of each column
(axis 0) and is only offered for the output layer.

The registry :data:`ACTIVATIONS` is keyed by the names the model file stores.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

Array = np.ndarray

LEAKY_SLOPE = 0.01


def sigmoid(z: Array) -> Array:
    """σ(z) = 1 / (1 + e^-z), computed through tanh so no exp can overflow."""
    out = np.multiply(z, 0.5)
    np.tanh(out, out=out)
    out += 1.0
    out *= 0.5
    return out


def sigmoid_derivative(z: Array, a: Array) -> Array:
    """σ'(z) = a (1 − a)."""
    return a * (1.0 - a)


def tanh(z: Array) -> Array:
    return np.tanh(z)


def tanh_derivative(z: Array, a: Array) -> Array:
    """tanh'(z) = 1 − a²."""
    return 1.0 - a * a


def relu(z: Array) -> Array:
    return np.maximum(z, 0.0)


def relu_derivative(z: Array, a: Array) -> Array:
    """1 where z > 0, else 0 (0 at z = 0 by convention)."""
    return (z > 0).astype(z.dtype)


def leaky_relu(z: Array) -> Array:
    return np.where(z > 0, z, z * LEAKY_SLOPE)


def leaky_relu_derivative(z: Array, a: Array) -> Array:
    return np.where(z > 0, 1.0, LEAKY_SLOPE).astype(z.dtype)


def linear(z: Array) -> Array:
    return z.copy()


def linear_derivative(z: Array, a: Array) -> Array:
    return np.ones_like(z)


def softmax(z: Array) -> Array:
    """e^z / Σ e^z over each column; shifted by the column maximum so exp never overflows."""
    shifted = z - z.max(axis=0, keepdims=True)
    np.exp(shifted, out=shifted)
    shifted /= shifted.sum(axis=0, keepdims=True)
    return shifted


def softmax_backward(dA: Array, a: Array) -> Array:
    """dZ from dA through the softmax Jacobian: a ⊙ (dA − Σ_units dA ⊙ a)."""
    return a * (dA - (dA * a).sum(axis=0, keepdims=True))


@dataclass(frozen=True)
class Activation:
    """An activation g with its derivative g'(z) (given z and a = g(z))."""

    name: str
    forward: Callable[[Array], Array]
    derivative: Callable[[Array, Array], Array] | None
    output_only: bool = False
    formula: str = ""

    def backward(self, dA: Array, z: Array, a: Array) -> Array:
        """dZ = dA ⊙ g'(Z) (for softmax, dA times its Jacobian)."""
        if self.derivative is None:
            return softmax_backward(dA, a)
        return dA * self.derivative(z, a)


ACTIVATIONS: dict[str, Activation] = {
    "sigmoid": Activation("sigmoid", sigmoid, sigmoid_derivative, formula="σ(z) = 1/(1+e⁻ᶻ)"),
    "tanh": Activation("tanh", tanh, tanh_derivative, formula="tanh(z)"),
    "relu": Activation("relu", relu, relu_derivative, formula="max(0, z)"),
    "leaky_relu": Activation(
        "leaky_relu", leaky_relu, leaky_relu_derivative, formula="max(0.01z, z)"
    ),
    "linear": Activation("linear", linear, linear_derivative, formula="z"),
    "softmax": Activation("softmax", softmax, None, output_only=True, formula="eᶻ/Σeᶻ"),
}

HIDDEN_ACTIVATIONS = tuple(name for name, act in ACTIVATIONS.items() if not act.output_only)


def get_activation(name: str) -> Activation:
    try:
        return ACTIVATIONS[name]
    except KeyError:
        known = ", ".join(ACTIVATIONS)
        raise ValueError(f"unknown activation {name!r}; choose one of: {known}") from None
