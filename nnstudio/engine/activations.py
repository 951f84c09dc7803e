"""Activation functions g(z): one registry entry per activation, carrying everything about it.

Every function works element-wise on an array ``Z`` of shape ``(n[l], m)`` and returns an
array of the same shape and dtype. ``softmax`` normalises over the units of each column
(axis 0) and is only offered for the output layer.

The registry :data:`ACTIVATIONS` is keyed by the names the model file stores. An
:class:`Activation` entry holds all that the rest of the program needs to know about it, so
adding an activation means adding one entry here (and translating its texts):

- ``forward`` g(Z) and ``derivative`` g′(z) (given z and a = g(z)) — the readable reference that
  ``Network.forward`` / ``backward`` and the gradient check use; an activation whose Jacobian is
  not diagonal gives ``jacobian_backward`` (dZ from dA and A) instead of ``derivative``;
- ``fused_forward`` and ``fused_backward``: the same arithmetic written as in-place NumPy
  operations over preallocated buffers, for the training step (:mod:`.fast_step`); they must
  give results identical to the reference in float64 (the registry tests check it);
- ``symbol``, ``formula`` and ``derivative_text``: what the layer editor and the step-through show;
- ``source``: the function the exported NumPy script defines (:mod:`nnstudio.learn.export_script`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any

import numpy as np

from ..text import translatable

Array = np.ndarray
#: one operation of the training step: a NumPy function and its arguments
Op = tuple[Callable[..., Any], tuple[Any, ...]]
#: (Z (n, w) to overwrite with g(Z), a scratch array like it, a (1, w) row, zeros like Z) → ops
FusedForward = Callable[[Array, Array, Array, Array], list[Op]]
#: (D (n, w): dA to overwrite with dZ, A = g(Z), a scratch like it, a bool mask like it, a row)
FusedBackward = Callable[[Array, Array, Array, Array, Array], list[Op]]

LEAKY_SLOPE = 0.01

_add_reduce = np.add.reduce


@dataclass(frozen=True)
class Activation:
    """An activation g: its reference form, its fused form, its texts and its exported source.

    ``fused_backward`` works from A alone (Z is overwritten by A in the training step), so
    g′ must be expressible through a = g(z). ``fused_zeros``: ``fused_forward`` wants an array of
    zeros like Z (max(Z, 0) is faster against one than against the scalar).
    """

    name: str
    forward: Callable[[Array], Array]
    derivative: Callable[[Array, Array], Array] | None
    fused_forward: FusedForward
    fused_backward: FusedBackward
    #: g as the course writes it in a formula, "σ", "ReLU"; "" when A = Z (linear)
    symbol: str
    #: g(z) in plain notation, "σ(z) = 1/(1+e⁻ᶻ)"
    formula: str
    #: g′ in terms of z and a, "σ′(z) = a (1 − a)" (translatable where it is prose)
    derivative_text: str
    #: Python source of ``def <name>(Z): …`` for the exported NumPy script
    source: str
    output_only: bool = False
    jacobian_backward: Callable[[Array, Array], Array] | None = None
    fused_zeros: bool = False

    @property
    def elementwise(self) -> bool:
        """True when g acts on every entry on its own (softmax acts on whole columns)."""
        return self.derivative is not None

    def backward(self, dA: Array, z: Array, a: Array) -> Array:
        """dZ = dA ⊙ g'(Z) (for softmax, dA times its Jacobian)."""
        if self.derivative is None:
            assert self.jacobian_backward is not None
            return self.jacobian_backward(dA, a)
        return dA * self.derivative(z, a)


# -- sigmoid ------------------------------------------------------------------------------------
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


def _sigmoid_fused(Z: Array, s: Array, row: Array, zeros: Array) -> list[Op]:
    # σ(z) = (tanh(z/2) + 1)/2, the operations of sigmoid above
    return [
        (np.multiply, (Z, 0.5, Z)),
        (np.tanh, (Z, Z)),
        (np.add, (Z, 1.0, Z)),
        (np.multiply, (Z, 0.5, Z)),
    ]


def _sigmoid_fused_back(D: Array, A: Array, s: Array, mask: Array, row: Array) -> list[Op]:
    return [(np.subtract, (1.0, A, s)), (np.multiply, (A, s, s)), (np.multiply, (D, s, D))]


# -- tanh ---------------------------------------------------------------------------------------
def tanh(z: Array) -> Array:
    return np.tanh(z)


def tanh_derivative(z: Array, a: Array) -> Array:
    """tanh'(z) = 1 − a²."""
    return 1.0 - a * a


def _tanh_fused(Z: Array, s: Array, row: Array, zeros: Array) -> list[Op]:
    return [(np.tanh, (Z, Z))]


def _tanh_fused_back(D: Array, A: Array, s: Array, mask: Array, row: Array) -> list[Op]:
    return [(np.multiply, (A, A, s)), (np.subtract, (1.0, s, s)), (np.multiply, (D, s, D))]


# -- relu ---------------------------------------------------------------------------------------
def relu(z: Array) -> Array:
    return np.maximum(z, 0.0)


def relu_derivative(z: Array, a: Array) -> Array:
    """1 where z > 0, else 0 (0 at z = 0 by convention)."""
    return (z > 0).astype(z.dtype)


def _relu_fused(Z: Array, s: Array, row: Array, zeros: Array) -> list[Op]:
    return [(partial(np.maximum, out=Z), (Z, zeros))]


def _relu_fused_back(D: Array, A: Array, s: Array, mask: Array, row: Array) -> list[Op]:
    # A > 0 exactly where Z > 0
    return [(np.greater, (A, 0.0, mask)), (np.multiply, (D, mask, D))]


# -- leaky relu ---------------------------------------------------------------------------------
def leaky_relu(z: Array) -> Array:
    return np.where(z > 0, z, z * LEAKY_SLOPE)


def leaky_relu_derivative(z: Array, a: Array) -> Array:
    return np.where(z > 0, 1.0, LEAKY_SLOPE).astype(z.dtype)


def _leaky_relu_fused(Z: Array, s: Array, row: Array, zeros: Array) -> list[Op]:
    # max(z, 0.01·z) is z for z > 0 and 0.01·z otherwise, exactly as np.where picks
    return [(np.multiply, (Z, LEAKY_SLOPE, s)), (partial(np.maximum, out=Z), (Z, s))]


def _leaky_relu_fused_back(D: Array, A: Array, s: Array, mask: Array, row: Array) -> list[Op]:
    # g' = 1 where A > 0 (≡ Z > 0), else LEAKY_SLOPE: mask·(1 − slope) + slope
    return [
        (np.greater, (A, 0.0, mask)),
        (np.multiply, (mask, 1.0 - LEAKY_SLOPE, s)),
        (np.add, (s, LEAKY_SLOPE, s)),
        (np.multiply, (D, s, D)),
    ]


# -- linear -------------------------------------------------------------------------------------
def linear(z: Array) -> Array:
    return z.copy()


def linear_derivative(z: Array, a: Array) -> Array:
    return np.ones_like(z)


def _nothing(*arrays: Array) -> list[Op]:
    return []


# -- softmax ------------------------------------------------------------------------------------
def softmax(z: Array) -> Array:
    """e^z / Σ e^z over each column; shifted by the column maximum so exp never overflows."""
    shifted = z - z.max(axis=0, keepdims=True)
    np.exp(shifted, out=shifted)
    shifted /= shifted.sum(axis=0, keepdims=True)
    return shifted


def softmax_backward(dA: Array, a: Array) -> Array:
    """dZ from dA through the softmax Jacobian: a ⊙ (dA − Σ_units dA ⊙ a)."""
    return a * (dA - (dA * a).sum(axis=0, keepdims=True))


def _softmax_fused(Z: Array, s: Array, row: Array, zeros: Array) -> list[Op]:
    return [
        (partial(np.maximum.reduce, out=row, keepdims=True), (Z, 0)),  # column maxima (1, w)
        (np.subtract, (Z, row, Z)),
        (np.exp, (Z, Z)),
        (_add_reduce, (Z, 0, None, row, True)),
        (np.divide, (Z, row, Z)),
    ]


def _softmax_fused_back(D: Array, A: Array, s: Array, mask: Array, row: Array) -> list[Op]:
    return [
        (np.multiply, (D, A, s)),
        (_add_reduce, (s, 0, None, row, True)),
        (np.subtract, (D, row, D)),
        (np.multiply, (A, D, D)),
    ]


ACTIVATIONS: dict[str, Activation] = {
    "sigmoid": Activation(
        "sigmoid",
        sigmoid,
        sigmoid_derivative,
        _sigmoid_fused,
        _sigmoid_fused_back,
        symbol="σ",
        formula="σ(z) = 1/(1+e⁻ᶻ)",
        derivative_text="σ′(z) = a (1 − a)",
        source='''def sigmoid(Z):
    """σ(z) = 1 / (1 + e^(−z)), computed as (tanh(z/2) + 1) / 2: equal, and it never overflows."""
    return (np.tanh(Z * 0.5) + 1.0) * 0.5
''',
    ),
    "tanh": Activation(
        "tanh",
        tanh,
        tanh_derivative,
        _tanh_fused,
        _tanh_fused_back,
        symbol="tanh",
        formula="tanh(z)",
        derivative_text="tanh′(z) = 1 − a²",
        source='''def tanh(Z):
    """tanh(z) = (e^z − e^(−z)) / (e^z + e^(−z)), between −1 and 1."""
    return np.tanh(Z)
''',
    ),
    "relu": Activation(
        "relu",
        relu,
        relu_derivative,
        _relu_fused,
        _relu_fused_back,
        symbol="ReLU",
        formula="max(0, z)",
        derivative_text=translatable("StepThrough", "ReLU′(z) = 1 where z > 0, else 0"),
        source='''def relu(Z):
    """ReLU(z) = max(0, z)."""
    return np.maximum(Z, 0.0)
''',
        fused_zeros=True,
    ),
    "leaky_relu": Activation(
        "leaky_relu",
        leaky_relu,
        leaky_relu_derivative,
        _leaky_relu_fused,
        _leaky_relu_fused_back,
        symbol="LeakyReLU",
        formula="max(0.01z, z)",
        derivative_text=translatable("StepThrough", "LeakyReLU′(z) = 1 where z > 0, else 0.01"),
        source=f'''def leaky_relu(Z):
    """LeakyReLU(z) = z for z > 0, else {LEAKY_SLOPE!r}·z."""
    return np.where(Z > 0, Z, Z * {LEAKY_SLOPE!r})
''',
    ),
    "linear": Activation(
        "linear",
        linear,
        linear_derivative,
        _nothing,
        _nothing,
        symbol="",
        formula="z",
        derivative_text="g′(z) = 1",
        source='''def linear(Z):
    """g(z) = z: the output is the weighted sum itself (regression)."""
    return Z.copy()
''',
    ),
    "softmax": Activation(
        "softmax",
        softmax,
        None,
        _softmax_fused,
        _softmax_fused_back,
        symbol="softmax",
        formula="eᶻ/Σeᶻ",
        derivative_text=translatable("StepThrough", "the softmax Jacobian"),
        source='''def softmax(Z):
    """e^z / Σ e^z over the units of each column (sample); the column maximum is subtracted
    first, which changes nothing but keeps exp from overflowing."""
    E = Z - Z.max(axis=0, keepdims=True)
    E = np.exp(E)
    return E / E.sum(axis=0, keepdims=True)
''',
        output_only=True,
        jacobian_backward=softmax_backward,
    ),
}


def hidden_activations() -> tuple[str, ...]:
    """The names of the activations a hidden layer may use (all but the output-only ones)."""
    return tuple(name for name, act in ACTIVATIONS.items() if not act.output_only)


HIDDEN_ACTIVATIONS = hidden_activations()


def get_activation(name: str) -> Activation:
    try:
        return ACTIVATIONS[name]
    except KeyError:
        known = ", ".join(ACTIVATIONS)
        raise ValueError(f"unknown activation {name!r}; choose one of: {known}") from None
