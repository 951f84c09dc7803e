"""Weight initialisation exactly as the course does it.

For l = 1..L in order: ``W[l] = rs.randn(n[l], n[l-1]) * scale`` from one
``numpy.random.RandomState(seed)`` and ``b[l] = zeros((n[l], 1))``. The same seed therefore
gives a learner the course's numbers. ``"large"`` (× 10) is the course's example of weights so
large that sigmoid and tanh units saturate and the first cost is huge; ``"zeros"`` shows why
symmetric weights never learn different features.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

import numpy as np

INITIALIZERS: dict[str, Callable[[int], float]] = {
    "small": lambda fan_in: 0.01,
    "xavier": lambda fan_in: math.sqrt(1.0 / fan_in),
    "he": lambda fan_in: math.sqrt(2.0 / fan_in),
    "zeros": lambda fan_in: 0.0,
    "large": lambda fan_in: 10.0,
}


def init_scale(init: str, fan_in: int) -> float:
    try:
        return INITIALIZERS[init](fan_in)
    except KeyError:
        known = ", ".join(INITIALIZERS)
        raise ValueError(f"unknown initialisation {init!r}; choose one of: {known}") from None


def initialize_parameters(
    layer_dims: Sequence[int],
    init: str,
    seed: int,
    dtype: str | np.dtype = "float64",
    batch_norm_layers: Sequence[int] = (),
) -> dict[str, np.ndarray]:
    """Return ``{"W1": (n1, n0), "b1": (n1, 1), …}`` drawn in the course's order; a layer l in
    ``batch_norm_layers`` also gets ``gamma{l}`` = 1 and ``beta{l}`` = 0, each (n[l], 1), which
    draw nothing (the weights are the same with or without batch normalisation)."""
    rs = np.random.RandomState(seed)
    params: dict[str, np.ndarray] = {}
    for l in range(1, len(layer_dims)):
        scale = init_scale(init, layer_dims[l - 1])
        W = rs.randn(layer_dims[l], layer_dims[l - 1]) * scale
        params[f"W{l}"] = W.astype(dtype, copy=False)
        params[f"b{l}"] = np.zeros((layer_dims[l], 1), dtype=dtype)
        if l in batch_norm_layers:
            params[f"gamma{l}"] = np.ones((layer_dims[l], 1), dtype=dtype)
            params[f"beta{l}"] = np.zeros((layer_dims[l], 1), dtype=dtype)
    return params
