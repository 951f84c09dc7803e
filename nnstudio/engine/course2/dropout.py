"""Inverted dropout, as the course writes it.

``keep_prob[l]`` (0 < keep_prob ≤ 1) is the chance that unit i of hidden layer l is kept;
there is one value per hidden layer l = 1..L−1 (the output layer is never dropped) and 1 means
dropout is off for that layer. During training only, for l = 1..L−1 in order::

    D[l] = rng.rand(n[l], m) < keep_prob[l]          (n[l], m) of bools
    A[l] = A[l] * D[l] / keep_prob[l]                 the kept units, scaled up

so the expected value of A[l] is what it would be without dropout ("inverted" dropout: nothing
changes at prediction time). Back propagation drops the same units:
``dA[l] = dA[l] * D[l] / keep_prob[l]``. A layer whose keep_prob is 1 draws no mask at all, so
a network without dropout uses the random generator exactly as before.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

from ...text import translate

Array = np.ndarray


def keep_prob_for_layers(keep_prob: float | Sequence[float], hidden: int) -> tuple[float, ...]:
    """``keep_prob`` as one float per hidden layer: a single number is used for all of them."""
    if isinstance(keep_prob, (int, float, np.floating, np.integer)):
        return (float(keep_prob),) * hidden
    values = tuple(float(k) for k in keep_prob)
    return values if values else (1.0,) * hidden


def check_keep_prob(keep_prob: Sequence[float], hidden: int) -> str | None:
    """None when ``keep_prob`` holds one probability in (0, 1] per hidden layer, else the
    reason (translated) it cannot be used."""
    if len(keep_prob) != hidden:
        return translate(
            "SpecError",
            "keep_prob needs one value per hidden layer ({hidden}), got {got}",
        ).format(hidden=hidden, got=len(keep_prob))
    for l, k in enumerate(keep_prob, start=1):
        if not (math.isfinite(k) and 0.0 < k <= 1.0):
            return translate(
                "SpecError",
                "layer {l}: keep_prob must be above 0 and at most 1 (1 keeps every unit), "
                "not {value}",
            ).format(l=l, value=k)
    return None


def draw_mask(rng: np.random.RandomState, keep_prob: float, out: Array) -> Array:
    """D = rng.rand(*out.shape) < keep_prob, written into the bool array ``out``."""
    return np.less(rng.rand(*out.shape), keep_prob, out=out)


def apply_mask(A: Array, D: Array, keep_prob: float, out: Array | None = None) -> Array:
    """A * D / keep_prob (into ``out`` when given): dropped units become 0, kept ones are
    scaled by 1/keep_prob. Used on A[l] going forward and on dA[l] going back."""
    out = np.multiply(A, D, out=out)
    return np.divide(out, keep_prob, out=out)
