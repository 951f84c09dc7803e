"""Built-in data sets, drawn reproducibly from ``numpy.random.RandomState(seed)``.

Every generator returns a :class:`Dataset` with X (n0, m) — one sample per column — and
Y (1, m). The same parameters always give the same numbers (the legacy RandomState stream does
not change between NumPy versions). ``flower()`` with its defaults is exactly the planar data
set of the deeplearning.ai course (``load_planar_dataset`` after ``np.random.seed(1)``).

Classification sets list their samples class by class (all of class 0, then class 1, …), as the
course does; :func:`nnstudio.data.split` draws a random validation part from them.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..text import translatable, translate
from .dataset import Dataset

MIN_SAMPLES, MAX_SAMPLES = 10, 100_000
MIN_CLASSES, MAX_CLASSES = 2, 10
MAX_SEED = 2**32 - 1  # RandomState accepts seeds 0 .. 2**32 - 1

Arrays = tuple[np.ndarray, np.ndarray]  # X (n0, m), labels (m,)
CLASS_NAME = translatable("BuiltinData", "class {k}")  # classes without fixed names


def _class_sizes(samples: int, classes: int) -> list[int]:
    """Samples per class: as even as possible, the first classes take the remainder."""
    return [samples // classes + (1 if k < samples % classes else 0) for k in range(classes)]


def _labels(sizes: list[int]) -> np.ndarray:
    return np.repeat(np.arange(len(sizes), dtype=np.int64), sizes)


# -- the generators proper (rs = RandomState(seed)) ----------------------------------------------
def _flower(rs: np.random.RandomState, samples: int, noise: float) -> Arrays:
    """The course's planar "flower": two classes of petals r = 4·sin(4t), X (2, m)."""
    sizes = _class_sizes(samples, 2)
    X = np.zeros((samples, 2))
    a = 4  # the longest petal
    start = 0
    for j, N in enumerate(sizes):
        t = np.linspace(j * 3.12, (j + 1) * 3.12, N) + rs.randn(N) * noise  # angle θ
        r = a * np.sin(4 * t) + rs.randn(N) * noise  # radius
        X[start : start + N] = np.c_[r * np.sin(t), r * np.cos(t)]
        start += N
    return X.T, _labels(sizes)


def _circles(rs: np.random.RandomState, samples: int, noise: float) -> Arrays:
    """A ring of radius 1 (class 0) around a ring of radius 0.5 (class 1), X (2, m)."""
    sizes = _class_sizes(samples, 2)
    radius = np.repeat([1.0, 0.5], sizes)
    t = rs.uniform(0, 2 * np.pi, samples)
    X = np.vstack([radius * np.cos(t), radius * np.sin(t)])
    return X + rs.randn(2, samples) * noise, _labels(sizes)


def _moons(rs: np.random.RandomState, samples: int, noise: float) -> Arrays:
    """Two interleaved half circles, the upper one class 0, X (2, m)."""
    sizes = _class_sizes(samples, 2)
    t0 = rs.uniform(0, np.pi, sizes[0])
    t1 = rs.uniform(0, np.pi, sizes[1])
    upper = np.vstack([np.cos(t0), np.sin(t0)])
    lower = np.vstack([1 - np.cos(t1), 0.5 - np.sin(t1)])
    X = np.hstack([upper, lower])
    return X + rs.randn(2, samples) * noise, _labels(sizes)


def _xor(rs: np.random.RandomState, samples: int, noise: float) -> Arrays:
    """Points in the square [-1, 1]²; class 1 where x1 and x2 have opposite signs, X (2, m)."""
    X = rs.uniform(-1, 1, (2, samples))
    labels = (X[0] * X[1] < 0).astype(np.int64)
    return X + rs.randn(2, samples) * noise, labels


def _spiral(rs: np.random.RandomState, samples: int, noise: float, classes: int) -> Arrays:
    """K spiral arms from the centre, evenly spaced in angle; noise jitters the angle."""
    sizes = _class_sizes(samples, classes)
    parts = []
    for k, N in enumerate(sizes):
        r = np.linspace(0.0, 1.0, N)
        t = np.linspace(0.0, 4.0, N) + 2 * np.pi * k / classes + rs.randn(N) * noise
        parts.append(np.vstack([r * np.sin(t), r * np.cos(t)]))
    return np.hstack(parts), _labels(sizes)


def _blobs(rs: np.random.RandomState, samples: int, noise: float, classes: int) -> Arrays:
    """K round Gaussian clouds (standard deviation = noise) with centres on a circle."""
    sizes = _class_sizes(samples, classes)
    radius = max(2.0, 1.5 / math.sin(math.pi / classes))  # neighbouring centres ≥ 3 apart
    parts = []
    for k, N in enumerate(sizes):
        angle = 2 * np.pi * k / classes
        centre = radius * np.array([[np.cos(angle)], [np.sin(angle)]])
        parts.append(centre + rs.randn(2, N) * noise)
    return np.hstack(parts), _labels(sizes)


def _sine(rs: np.random.RandomState, samples: int, noise: float) -> Arrays:
    """Regression: x in [-π, π] (sorted), y = sin(x) + noise·ε; X (1, m), y (m,)."""
    x = np.sort(rs.uniform(-np.pi, np.pi, samples))
    return x.reshape(1, -1), np.sin(x) + rs.randn(samples) * noise


# -- registry --------------------------------------------------------------------------------
@dataclass(frozen=True)
class BuiltinSpec:
    """One entry of :data:`BUILTIN_DATASETS`; ``generate(**params)`` returns the Dataset."""

    name: str
    title: str
    task: str
    defaults: dict[str, Any]
    has_classes: bool
    generate: Callable[..., Dataset]
    description: str = ""
    feature_names: tuple[str, ...] = ("x1", "x2")
    class_names: tuple[str, ...] = ()  # fixed names; empty: "class 0".."class K-1"


_MAKERS: dict[str, Callable[..., Arrays]] = {
    "flower": _flower,
    "circles": _circles,
    "moons": _moons,
    "xor": _xor,
    "spiral": _spiral,
    "blobs": _blobs,
    "sine": _sine,
}


def _whole(name: str, value: Any, low: int, high: int) -> int:
    message = translate(
        "BuiltinData", "{name} must be a whole number from {low} to {high}; got {value!r}"
    ).format(name=name, low=low, high=high, value=value)
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise ValueError(message)
    number = float(value)
    if not (math.isfinite(number) and number == int(number) and low <= number <= high):
        raise ValueError(message)
    return int(number)


def _checked_params(spec: BuiltinSpec, params: dict[str, Any]) -> dict[str, Any]:
    unknown = sorted(set(params) - set(spec.defaults))
    if unknown:
        if unknown == ["classes"]:
            raise ValueError(
                translate(
                    "BuiltinData",
                    "the number of classes is fixed for {name}; "
                    "only spiral and blobs take a 'classes' parameter",
                ).format(name=spec.name)
            )
        raise ValueError(
            translate(
                "BuiltinData", "unknown parameter(s) {unknown} for {name}; it takes {known}"
            ).format(unknown=", ".join(unknown), name=spec.name, known=", ".join(spec.defaults))
        )
    p = {**spec.defaults, **params}
    checked: dict[str, Any] = {
        "samples": _whole("samples", p["samples"], MIN_SAMPLES, MAX_SAMPLES),
    }
    noise = p["noise"]
    if isinstance(noise, bool) or not isinstance(noise, numbers.Real):
        raise ValueError(
            translate("BuiltinData", "noise must be a number ≥ 0; got {value!r}").format(
                value=noise
            )
        )
    if not (math.isfinite(float(noise)) and float(noise) >= 0):
        raise ValueError(
            translate("BuiltinData", "noise must be a finite number ≥ 0; got {value!r}").format(
                value=noise
            )
        )
    checked["noise"] = float(noise)
    checked["seed"] = _whole("seed", p["seed"], 0, MAX_SEED)
    if spec.has_classes:
        checked["classes"] = _whole("classes", p["classes"], MIN_CLASSES, MAX_CLASSES)
    return checked


def make_dataset(name: str, **params: Any) -> Dataset:
    """Generate built-in data set ``name`` with ``params`` over its defaults.

    Parameters: samples (whole number, 10..100000), noise (≥ 0), seed (0..2³²-1) and, for
    spiral and blobs only, classes (2..10). Raises ValueError with a message saying what to fix.
    """
    spec = BUILTIN_DATASETS.get(name)
    if spec is None:
        raise ValueError(
            translate(
                "BuiltinData", "there is no built-in data set {name!r}; choose one of {known}"
            ).format(name=name, known=", ".join(BUILTIN_DATASETS))
        )
    p = _checked_params(spec, params)
    rs = np.random.RandomState(p["seed"])
    extra = {"classes": p["classes"]} if spec.has_classes else {}
    X, labels = _MAKERS[name](rs, p["samples"], p["noise"], **extra)
    if spec.task == "regression":
        class_names: tuple[str, ...] = ()
    else:
        K = p.get("classes", 2)
        class_names = spec.class_names or tuple(CLASS_NAME.format(k=k) for k in range(K))
    return Dataset(
        X=X,
        Y=labels.reshape(1, -1),
        task=spec.task,
        feature_names=spec.feature_names,
        class_names=class_names,
        name=name,
        source={"kind": "builtin", "name": name, "params": p},
    )


def builtin_from_source(source: dict[str, Any]) -> Dataset:
    """Regenerate a built-in data set from its ``Dataset.source`` description."""
    if not isinstance(source, dict) or source.get("kind") != "builtin":
        raise ValueError(
            translate(
                "BuiltinData", 'not a built-in data set description (expected "kind": "builtin")'
            )
        )
    params = source.get("params", {})
    if not isinstance(params, dict):
        raise ValueError(
            translate("BuiltinData", '"params" of a built-in data set must be a mapping')
        )
    return make_dataset(str(source.get("name")), **params)


# -- public generators -----------------------------------------------------------------------
def flower(samples: int = 400, noise: float = 0.2, seed: int = 1) -> Dataset:
    """The course's planar flower: 2 classes, X (2, m); defaults give the course's data."""
    return make_dataset("flower", samples=samples, noise=noise, seed=seed)


def circles(samples: int = 400, noise: float = 0.1, seed: int = 1) -> Dataset:
    """A ring inside a ring: 2 classes, X (2, m)."""
    return make_dataset("circles", samples=samples, noise=noise, seed=seed)


def moons(samples: int = 400, noise: float = 0.1, seed: int = 1) -> Dataset:
    """Two interleaved half moons: 2 classes, X (2, m)."""
    return make_dataset("moons", samples=samples, noise=noise, seed=seed)


def xor(samples: int = 400, noise: float = 0.05, seed: int = 1) -> Dataset:
    """The four quadrants, opposite signs = class 1: 2 classes, X (2, m)."""
    return make_dataset("xor", samples=samples, noise=noise, seed=seed)


def spiral(samples: int = 300, noise: float = 0.2, seed: int = 1, classes: int = 3) -> Dataset:
    """K spiral arms: K classes, X (2, m)."""
    return make_dataset("spiral", samples=samples, noise=noise, seed=seed, classes=classes)


def blobs(samples: int = 300, noise: float = 0.6, seed: int = 1, classes: int = 3) -> Dataset:
    """K Gaussian clouds: K classes, X (2, m)."""
    return make_dataset("blobs", samples=samples, noise=noise, seed=seed, classes=classes)


def sine(samples: int = 200, noise: float = 0.1, seed: int = 1) -> Dataset:
    """Regression y = sin(x) + noise: X (1, m), Y (1, m) float64."""
    return make_dataset("sine", samples=samples, noise=noise, seed=seed)


def _defaults(*, classes: bool = False, **values: Any) -> dict[str, Any]:
    return {**values, "seed": 1, **({"classes": 3} if classes else {})}


BUILTIN_DATASETS: dict[str, BuiltinSpec] = {
    s.name: s
    for s in (
        BuiltinSpec(
            name="flower",
            title=translatable("BuiltinData", "Flower (planar data)"),
            task="binary",
            defaults=_defaults(samples=400, noise=0.2),
            has_classes=False,
            generate=flower,
            description=translatable(
                "BuiltinData", "Red and blue petals; no straight line separates them."
            ),
            class_names=(translatable("BuiltinData", "red"), translatable("BuiltinData", "blue")),
        ),
        BuiltinSpec(
            name="circles",
            title=translatable("BuiltinData", "Circles"),
            task="binary",
            defaults=_defaults(samples=400, noise=0.1),
            has_classes=False,
            generate=circles,
            description=translatable(
                "BuiltinData", "A ring inside a ring; the boundary must be a closed curve."
            ),
            class_names=(
                translatable("BuiltinData", "outer"),
                translatable("BuiltinData", "inner"),
            ),
        ),
        BuiltinSpec(
            name="moons",
            title=translatable("BuiltinData", "Moons"),
            task="binary",
            defaults=_defaults(samples=400, noise=0.1),
            has_classes=False,
            generate=moons,
            description=translatable("BuiltinData", "Two interleaved half circles."),
            class_names=(
                translatable("BuiltinData", "upper"),
                translatable("BuiltinData", "lower"),
            ),
        ),
        BuiltinSpec(
            name="xor",
            title=translatable("BuiltinData", "XOR"),
            task="binary",
            defaults=_defaults(samples=400, noise=0.05),
            has_classes=False,
            generate=xor,
            description=translatable(
                "BuiltinData", "Class 1 where x1 and x2 have opposite signs; one line cannot do it."
            ),
            class_names=(
                translatable("BuiltinData", "same sign"),
                translatable("BuiltinData", "opposite signs"),
            ),
        ),
        BuiltinSpec(
            name="spiral",
            title=translatable("BuiltinData", "Spiral"),
            task="multiclass",
            defaults=_defaults(samples=300, noise=0.2, classes=True),
            has_classes=True,
            generate=spiral,
            description=translatable(
                "BuiltinData", "K spiral arms; a softmax output with K units."
            ),
        ),
        BuiltinSpec(
            name="blobs",
            title=translatable("BuiltinData", "Blobs"),
            task="multiclass",
            defaults=_defaults(samples=300, noise=0.6, classes=True),
            has_classes=True,
            generate=blobs,
            description=translatable(
                "BuiltinData", "K Gaussian clouds; almost separable by straight lines."
            ),
        ),
        BuiltinSpec(
            name="sine",
            title=translatable("BuiltinData", "Sine (regression)"),
            task="regression",
            defaults=_defaults(samples=200, noise=0.1),
            has_classes=False,
            generate=sine,
            description=translatable(
                "BuiltinData", "y = sin(x) + noise; a linear output with squared error."
            ),
            feature_names=("x",),
        ),
    )
}
