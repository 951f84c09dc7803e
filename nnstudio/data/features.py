"""Input features made from two inputs, as in TensorFlow Playground: x₁, x₂, x₁², x₂², x₁x₂,
sin x₁ and sin x₂.

For data with exactly two features the learner chooses which of these the network sees; the
network's input X = A[0] then has one row per chosen feature, so n[0] = k. The features are
computed from the two inputs as the network would otherwise see them (after the optional
standardisation), so the plane of the decision view, drawn over (x₁, x₂), maps straight
through. The keys are the strings the model file stores.

Shapes: X (2, m) → :func:`map_features` → (k, m).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from ..text import translate


@dataclass(frozen=True)
class InputFeature:
    """One feature: its key in the model file, its label (plain text and HTML), the NumPy
    expression the exported script computes it with (over the rows ``x1`` and ``x2``) and the
    same computation as a function of the two rows, (m,) and (m,) → (m,)."""

    key: str
    label: str
    html: str
    source: str
    function: Callable[[np.ndarray, np.ndarray], np.ndarray]


# the canonical order: the network's rows of X follow it
FEATURES: dict[str, InputFeature] = {
    f.key: f
    for f in (
        InputFeature("x1", "x₁", "x<sub>1</sub>", "x1", lambda x1, x2: x1),
        InputFeature("x2", "x₂", "x<sub>2</sub>", "x2", lambda x1, x2: x2),
        InputFeature("x1sq", "x₁²", "x<sub>1</sub><sup>2</sup>", "x1 * x1", lambda x1, x2: x1 * x1),
        InputFeature("x2sq", "x₂²", "x<sub>2</sub><sup>2</sup>", "x2 * x2", lambda x1, x2: x2 * x2),
        InputFeature(
            "x1x2", "x₁x₂", "x<sub>1</sub>x<sub>2</sub>", "x1 * x2", lambda x1, x2: x1 * x2
        ),
        InputFeature(
            "sinx1", "sin x₁", "sin x<sub>1</sub>", "np.sin(x1)", lambda x1, x2: np.sin(x1)
        ),
        InputFeature(
            "sinx2", "sin x₂", "sin x<sub>2</sub>", "np.sin(x2)", lambda x1, x2: np.sin(x2)
        ),
    )
}

DEFAULT_FEATURES: tuple[str, ...] = ("x1", "x2")
"""The identity: the two inputs as they are."""

RAW_INPUTS = 2
"""The number of data features the choice applies to."""


class FeatureError(ValueError):
    """A choice of input features that cannot be used (unknown, repeated, none, out of order)."""


def check_features(keys: Sequence[str]) -> tuple[str, ...]:
    """``keys`` as a tuple if it is a valid choice: at least one, each known, none twice, in
    the canonical order of :data:`FEATURES`. Raises FeatureError saying what is wrong."""
    keys = tuple(keys)
    if not keys:
        raise FeatureError(
            translate("Features", "choose at least one input feature: the network needs an input")
        )
    for key in keys:
        if key not in FEATURES:
            raise FeatureError(
                translate(
                    "Features", "{key!r} is not an input feature; the features are {known}"
                ).format(key=str(key)[:40], known=", ".join(FEATURES))
            )
    if len(set(keys)) != len(keys):
        repeated = next(key for key in keys if keys.count(key) > 1)
        raise FeatureError(
            translate("Features", "the input feature {key!r} is chosen twice").format(key=repeated)
        )
    if list(keys) != sorted(keys, key=list(FEATURES).index):
        raise FeatureError(
            translate("Features", "the input features must be listed in the order {order}").format(
                order=", ".join(FEATURES)
            )
        )
    return keys


def in_order(keys: Sequence[str]) -> tuple[str, ...]:
    """Known ``keys`` put in the canonical order (unknown ones are left for the check)."""
    order = list(FEATURES)
    return tuple(sorted(keys, key=lambda k: order.index(k) if k in order else len(order)))


def is_identity(keys: Sequence[str]) -> bool:
    return tuple(keys) == DEFAULT_FEATURES


def feature_labels(keys: Sequence[str]) -> tuple[str, ...]:
    """The plain-text labels of ``keys`` ("x₁", "x₁²", …)."""
    return tuple(FEATURES[key].label for key in keys)


def map_features(X: np.ndarray, keys: Sequence[str]) -> np.ndarray:
    """The chosen features of the two inputs X (2, m): a new read-only (k, m) array, stored
    column-major like a data set's X. The identity choice returns X itself (no copy)."""
    keys = check_features(keys)
    if is_identity(keys):
        return X
    X = np.asarray(X)
    if X.ndim != 2 or X.shape[0] != RAW_INPUTS:
        raise FeatureError(
            translate(
                "Features", "input features are made from 2 inputs, X (2, m); got X {shape}"
            ).format(shape=tuple(X.shape))
        )
    dtype = X.dtype if X.dtype.kind == "f" else np.dtype(np.float64)
    out = np.empty((len(keys), X.shape[1]), dtype=dtype, order="F")
    x1, x2 = X[0].astype(dtype, copy=False), X[1].astype(dtype, copy=False)
    for row, key in enumerate(keys):
        out[row] = FEATURES[key].function(x1, x2)
    out.setflags(write=False)
    return out
