"""Batch normalisation as in-place operations for the training step (:mod:`..fast_step`).

The same arithmetic as :mod:`.batchnorm`, in the same order, written as ``(function, arguments)``
pairs over buffers allocated once, so that float64 results are identical to
``Network.forward(X, training=True)`` / ``Network.backward``. Shapes for a batch of w samples:
Z, Z_norm and a scratch (n[l], w); μ, σ², √(σ² + ε) and two scratches (n[l], 1).
"""

from __future__ import annotations

import numpy as np

from ..activations import Op
from .batchnorm import EPSILON, MOMENTUM

Array = np.ndarray

_add_reduce = np.add.reduce


class NormBuffers:
    """The arrays one normalised layer of n units needs for a batch of w samples."""

    def __init__(self, n: int, w: int, dtype: np.dtype) -> None:
        self.Z_norm = np.empty((n, w), dtype=dtype)
        self.scratch = np.empty((n, w), dtype=dtype)
        self.mean = np.empty((n, 1), dtype=dtype)
        self.var = np.empty((n, 1), dtype=dtype)
        self.std = np.empty((n, 1), dtype=dtype)  # √(σ² + ε)
        self.first = np.empty((n, 1), dtype=dtype)
        self.second = np.empty((n, 1), dtype=dtype)


def forward_ops(
    Z: Array, gamma: Array, beta: Array, running_mean: Array, running_var: Array, nb: NormBuffers
) -> list[Op]:
    """Z (W·A, no b) → Z̃ = γ ⊙ Z_norm + β in place, with the batch's μ, σ² (the running
    averages updated as ``update_running`` does)."""
    keep, take = MOMENTUM, 1.0 - MOMENTUM
    return [
        (np.mean, (Z, 1, None, nb.mean, True)),  # μ
        (np.subtract, (Z, nb.mean, nb.scratch)),
        (np.square, (nb.scratch, nb.scratch)),
        (np.mean, (nb.scratch, 1, None, nb.var, True)),  # σ²
        (np.multiply, (running_mean, keep, running_mean)),
        (np.multiply, (nb.mean, take, nb.first)),
        (np.add, (running_mean, nb.first, running_mean)),
        (np.multiply, (running_var, keep, running_var)),
        (np.multiply, (nb.var, take, nb.first)),
        (np.add, (running_var, nb.first, running_var)),
        (np.subtract, (Z, nb.mean, nb.Z_norm)),  # Z_norm = (Z − μ) / √(σ² + ε)
        (np.add, (nb.var, EPSILON, nb.std)),
        (np.sqrt, (nb.std, nb.std)),
        (np.divide, (nb.Z_norm, nb.std, nb.Z_norm)),
        (np.multiply, (gamma, nb.Z_norm, Z)),  # Z̃ = γ ⊙ Z_norm + β
        (np.add, (Z, beta, Z)),
    ]


def backward_ops(D: Array, gamma: Array, dgamma: Array, dbeta: Array, nb: NormBuffers) -> list[Op]:
    """D holds dZ̃; writes Σ dZ̃ ⊙ Z_norm and Σ dZ̃ (the training step's 1/m comes with its
    gradient scaling) into dγ, dβ, and leaves dZ in D."""
    return [
        (np.multiply, (D, nb.Z_norm, nb.scratch)),
        (_add_reduce, (nb.scratch, 1, None, dgamma, True)),
        (_add_reduce, (D, 1, None, dbeta, True)),
        (np.multiply, (D, gamma, D)),  # dZ_norm
        (np.mean, (D, 1, None, nb.first, True)),
        (np.multiply, (D, nb.Z_norm, nb.scratch)),
        (np.mean, (nb.scratch, 1, None, nb.second, True)),
        (np.multiply, (nb.Z_norm, nb.second, nb.scratch)),
        (np.subtract, (D, nb.first, D)),
        (np.subtract, (D, nb.scratch, D)),
        (np.divide, (D, nb.std, D)),
    ]
