"""The :class:`Dataset`: inputs, labels and a description of where they came from.

Shapes follow the course: one sample per **column**.
    X (n0, m) float64 · Y (1, m) — int64 class indices 0..K-1 for classification, float64 for
    regression.

A Dataset never changes: its arrays are read-only copies. X is stored column-major (Fortran
order), each sample's n0 values side by side, the layout the training loop gathers
mini-batches from. Derived data (a split, a standardised
copy) is a new Dataset made with :meth:`Dataset.replace_arrays`.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np

from ..text import count, translate

TASKS = ("binary", "multiclass", "regression")
OUTPUT_ACTIVATION = {"binary": "sigmoid", "multiclass": "softmax", "regression": "linear"}


def _readonly(array: np.ndarray, order: Literal["K", "F"] = "K") -> np.ndarray:
    array = np.array(array, copy=True, order=order)
    array.setflags(write=False)
    return array


@dataclass(frozen=True, eq=False)
class Dataset:
    """A data set in column layout.

    X: (n0, m) float64 inputs, one sample per column.
    Y: (1, m) labels — int64 class indices 0..K-1 ("binary", "multiclass") or float64 values
       ("regression"). A softmax network turns the indices into one-hot (K, m) itself.
    task: "binary", "multiclass" or "regression".
    feature_names: n0 names, one per row of X.
    class_names: K names, class k is ``class_names[k]``; empty for regression.
    name: a short name ("flower", or a CSV file's stem).
    source: a JSON-serialisable description of the origin, e.g.
        {"kind": "builtin", "name": "flower", "params": {"samples": 400, ...}} or
        {"kind": "csv", "file_name": "iris.csv", "label_column": "species"}.
    """

    X: np.ndarray
    Y: np.ndarray
    task: str
    feature_names: tuple[str, ...]
    class_names: tuple[str, ...] = ()
    name: str = "data"
    source: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.task not in TASKS:
            raise ValueError(f"task must be one of {', '.join(TASKS)}; got {self.task!r}")
        X = np.asarray(self.X)
        if X.ndim != 2:
            raise ValueError(f"X must be a 2-D array of shape (n0, m); got shape {X.shape}")
        if not np.issubdtype(X.dtype, np.number) or np.issubdtype(X.dtype, np.complexfloating):
            raise ValueError(f"X must hold real numbers; got dtype {X.dtype}")
        X = X.astype(np.float64, copy=False)
        if not np.isfinite(X).all():
            raise ValueError("X holds NaN or infinite values; every input must be a finite number")
        n0, m = X.shape
        Y = np.asarray(self.Y)
        if Y.ndim == 1:
            Y = Y.reshape(1, -1)
        if Y.shape != (1, m):
            raise ValueError(f"Y must have shape (1, m) = (1, {m}); got {Y.shape}")
        Y = self._checked_labels(Y)
        names = tuple(str(n) for n in self.feature_names)
        if len(names) != n0:
            raise ValueError(f"{len(names)} feature names given for {n0} rows of X")
        # column-major: the samples (columns) lie contiguously, so that X.T (m, n0) is the
        # sample-major array the mini-batch gather reads, without a copy per run
        object.__setattr__(self, "X", _readonly(X, order="F"))
        object.__setattr__(self, "Y", _readonly(Y))
        object.__setattr__(self, "feature_names", names)
        object.__setattr__(self, "class_names", tuple(str(c) for c in self.class_names))
        object.__setattr__(self, "name", str(self.name))
        try:
            source = json.loads(json.dumps(self.source))
        except (TypeError, ValueError) as exc:
            raise ValueError(f"source must be JSON-serialisable: {exc}") from None
        object.__setattr__(self, "source", source)

    def _checked_labels(self, Y: np.ndarray) -> np.ndarray:
        if self.task == "regression":
            if self.class_names:
                raise ValueError("a regression data set has no class names")
            if not np.issubdtype(Y.dtype, np.number) or np.issubdtype(Y.dtype, np.complexfloating):
                raise ValueError(f"regression labels must be real numbers; got dtype {Y.dtype}")
            Y = Y.astype(np.float64, copy=False)
            if not np.isfinite(Y).all():
                raise ValueError("Y holds NaN or infinite values; every label must be finite")
            return Y
        K = len(self.class_names)
        if self.task == "binary" and K != 2:
            raise ValueError(f"a binary data set needs exactly 2 class names; got {K}")
        if self.task == "multiclass" and K < 2:
            raise ValueError(f"a multiclass data set needs at least 2 class names; got {K}")
        if Y.dtype.kind == "f":
            if not (np.isfinite(Y).all() and np.array_equal(Y, np.round(Y))):
                raise ValueError("class labels must be whole numbers 0..K-1")
        elif Y.dtype.kind not in "iub":
            raise ValueError(f"class labels must be integers 0..K-1; got dtype {Y.dtype}")
        Y = Y.astype(np.int64)
        if Y.size and (Y.min() < 0 or Y.max() >= K):
            raise ValueError(f"class labels must lie in 0..{K - 1} (one per class name)")
        return Y

    # -- facts -------------------------------------------------------------------------------
    @property
    def m(self) -> int:
        """Number of samples (columns of X)."""
        return int(self.X.shape[1])

    @property
    def n_features(self) -> int:
        """n0, the number of inputs per sample (rows of X)."""
        return int(self.X.shape[0])

    @property
    def n_classes(self) -> int:
        """K, the number of classes; 0 for regression."""
        return len(self.class_names)

    @property
    def is_classification(self) -> bool:
        return self.task != "regression"

    @property
    def output_units(self) -> int:
        """n[L]: 1 for binary (sigmoid) and regression (linear), K for multiclass (softmax)."""
        return self.n_classes if self.task == "multiclass" else 1

    @property
    def output_activation(self) -> str:
        """ "sigmoid", "softmax" or "linear", matching the task."""
        return OUTPUT_ACTIVATION[self.task]

    def class_counts(self) -> np.ndarray:
        """(K,) number of samples in each class; empty for regression."""
        if not self.is_classification:
            return np.zeros(0, dtype=np.int64)
        return np.bincount(self.Y.reshape(-1), minlength=self.n_classes)

    # -- copies and (de)serialisation ---------------------------------------------------------
    def replace_arrays(self, X: np.ndarray, Y: np.ndarray) -> Dataset:
        """The same description with other arrays (X (n0, m'), Y (1, m'))."""
        return dataclasses.replace(self, X=X, Y=Y)

    def subset(self, columns: np.ndarray) -> Dataset:
        """The samples at the given column indices, in that order."""
        columns = np.asarray(columns, dtype=np.int64)
        return self.replace_arrays(self.X[:, columns], self.Y[:, columns])

    def to_arrays(self) -> dict[str, np.ndarray]:
        """{"X": (n0, m) float64, "Y": (1, m) int64 or float64} — copies, writable."""
        return {"X": self.X.copy(), "Y": self.Y.copy()}

    def metadata(self) -> dict[str, Any]:
        """Everything but the arrays, JSON-serialisable: task, names, class names, source."""
        return {
            "task": self.task,
            "feature_names": list(self.feature_names),
            "class_names": list(self.class_names),
            "name": self.name,
            "source": json.loads(json.dumps(self.source)),
        }

    @classmethod
    def from_arrays(
        cls,
        X: np.ndarray,
        Y: np.ndarray,
        task: str,
        feature_names: tuple[str, ...] | list[str] = (),
        class_names: tuple[str, ...] | list[str] = (),
        name: str = "data",
        source: dict[str, Any] | None = None,
    ) -> Dataset:
        """Rebuild a Dataset, e.g. ``Dataset.from_arrays(**d.to_arrays(), **d.metadata())``.

        Empty ``feature_names`` become "x1".."xn0"; empty ``class_names`` of a classification
        set become "0".."K-1" with K = max(label) + 1 (at least 2).
        """
        X = np.asarray(X)
        Y = np.asarray(Y)
        if not feature_names and X.ndim == 2:
            feature_names = tuple(f"x{i + 1}" for i in range(X.shape[0]))
        if not class_names and task in ("binary", "multiclass"):
            K = 2 if task == "binary" or Y.size == 0 else max(2, int(np.max(Y)) + 1)
            class_names = tuple(str(k) for k in range(K))
        return cls(X, Y, task, tuple(feature_names), tuple(class_names), name, dict(source or {}))

    # -- equality and display -----------------------------------------------------------------
    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Dataset):
            return NotImplemented
        return (
            self.metadata() == other.metadata()
            and self.X.shape == other.X.shape
            and self.Y.dtype == other.Y.dtype
            and np.array_equal(self.X, other.X)
            and np.array_equal(self.Y, other.Y)
        )

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        kinds = f", {self.n_classes} classes" if self.is_classification else ""
        return f"Dataset({self.name!r}, {self.task}{kinds}, X {self.X.shape}, Y {self.Y.shape})"

    def summary(self) -> str:
        """One line for a status bar, e.g. "flower: 400 samples, 2 features, 2 classes"."""
        samples = count(
            self.m, translate("Dataset", "{n} sample"), translate("Dataset", "{n} samples")
        )
        features = count(
            self.n_features,
            translate("Dataset", "{n} feature"),
            translate("Dataset", "{n} features"),
        )
        if self.is_classification:
            task = count(
                self.n_classes,
                translate("Dataset", "{n} class"),
                translate("Dataset", "{n} classes"),
            )
        else:
            task = translate("Dataset", "regression")
        return translate("Dataset", "{name}: {samples}, {features}, {task}").format(
            name=self.name, samples=samples, features=features, task=task
        )
