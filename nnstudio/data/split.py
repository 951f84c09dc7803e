"""Train/validation split, feature standardisation and the two together (:func:`prepare`).

Shapes: X (n0, m), Y (1, m); the standardiser keeps mean μ and spread σ as (n0, 1) columns that
broadcast over the m samples, like the bias b[l].
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..text import translate
from .dataset import Dataset

# A spread this small next to the mean counts as a constant feature (σ treated as 1).
_CONSTANT_TOLERANCE = 1e-12


def _validation_quotas(counts: np.ndarray, share: float, total: int) -> np.ndarray:
    """How many of each class go to validation: about ``share`` of each, ``total`` in all,
    and never a class's last sample (so every class stays in the training set)."""
    exact = share * counts
    quotas = np.floor(exact).astype(np.int64)
    order = sorted(range(len(counts)), key=lambda k: (-(exact[k] - quotas[k]), k))
    for k in order[: max(0, total - int(quotas.sum()))]:
        quotas[k] += 1
    return np.minimum(quotas, np.maximum(counts - 1, 0))


def split(dataset: Dataset, validation_share: float, seed: int) -> tuple[Dataset, Dataset]:
    """Split the m samples into (train, validation) at random, reproducibly for a seed.

    About ``validation_share`` of the samples go to validation; for classification each class
    is split in that proportion (stratified) and keeps at least one training sample. Both parts
    keep the original sample order. A share of 0 gives an empty validation set, X (n0, 0).
    """
    share = float(validation_share)
    if not 0.0 <= share < 1.0:
        raise ValueError(
            translate(
                "Split",
                "the validation share must be at least 0 and below 1 (e.g. 0.2); got {share}",
            ).format(share=share)
        )
    m = dataset.m
    total = math.floor(share * m + 0.5)
    if m and total >= m:
        raise ValueError(
            translate(
                "Split",
                "a validation share of {share:g} leaves no training samples out of {m}; "
                "choose a smaller share",
            ).format(share=share, m=m)
        )
    order = np.random.RandomState(int(seed)).permutation(m)
    if dataset.is_classification and m:
        labels = dataset.Y.reshape(-1)[order]
        quotas = _validation_quotas(np.bincount(labels, minlength=dataset.n_classes), share, total)
        is_val = np.zeros(m, dtype=bool)
        for k, quota in enumerate(quotas):
            is_val[np.flatnonzero(labels == k)[:quota]] = True
        val_idx, train_idx = order[is_val], order[~is_val]
    else:
        val_idx, train_idx = order[:total], order[total:]
    return dataset.subset(np.sort(train_idx)), dataset.subset(np.sort(val_idx))


class Standardizer:
    """Feature scaling x ← (x − μ) / σ with μ, σ of shape (n0, 1) fitted on training inputs.

    ``Standardizer().fit(X_train)`` returns the fitted object; a feature with σ = 0 (a constant)
    is only shifted (σ treated as 1). ``Standardizer.identity(n0)`` changes nothing.
    """

    def __init__(self, mean: np.ndarray | None = None, std: np.ndarray | None = None) -> None:
        if (mean is None) != (std is None):
            raise ValueError("give both mean and std, or neither")
        self.mean: np.ndarray | None = None
        self.std: np.ndarray | None = None
        if mean is not None and std is not None:
            self._set(mean, std)

    def _set(self, mean: np.ndarray, std: np.ndarray) -> None:
        mean = np.asarray(mean, dtype=np.float64).reshape(-1, 1)
        std = np.asarray(std, dtype=np.float64).reshape(-1, 1)
        if mean.shape != std.shape:
            raise ValueError(f"mean {mean.shape} and std {std.shape} must have the same shape")
        if not (np.isfinite(mean).all() and np.isfinite(std).all()) or (std <= 0).any():
            raise ValueError("mean must be finite and std finite and positive")
        self.mean, self.std = mean, std

    @classmethod
    def identity(cls, n0: int) -> Standardizer:
        """μ = 0, σ = 1 for n0 features: transform returns its input unchanged (as float64)."""
        return cls(np.zeros((n0, 1)), np.ones((n0, 1)))

    @property
    def fitted(self) -> bool:
        return self.mean is not None

    @property
    def is_identity(self) -> bool:
        return (
            self.mean is not None
            and self.std is not None
            and not self.mean.any()
            and bool((self.std == 1).all())
        )

    def fit(self, X: np.ndarray) -> Standardizer:
        """Learn μ and σ (each (n0, 1)) from X (n0, m), m ≥ 1; returns ``self``."""
        X = np.asarray(X, dtype=np.float64)
        if X.ndim != 2 or X.shape[1] == 0:
            raise ValueError(f"fit needs X of shape (n0, m) with m ≥ 1; got {X.shape}")
        mean = X.mean(axis=1, keepdims=True)
        std = X.std(axis=1, keepdims=True)
        constant = std <= _CONSTANT_TOLERANCE * np.maximum(1.0, np.abs(mean))
        self._set(mean, np.where(constant, 1.0, std))
        return self

    def _check(self, X: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        if self.mean is None or self.std is None:
            raise ValueError("the standardizer has not been fitted; call fit(X_train) first")
        X = np.asarray(X, dtype=np.float64)
        if X.ndim != 2 or X.shape[0] != self.mean.shape[0]:
            raise ValueError(
                f"X must have shape (n0, m) = ({self.mean.shape[0]}, m); got {X.shape}"
            )
        return X, self.mean, self.std

    def transform(self, X: np.ndarray) -> np.ndarray:
        """(X − μ) / σ for X (n0, m); a new (n0, m) float64 array."""
        X, mean, std = self._check(X)
        return (X - mean) / std

    def inverse_transform(self, X: np.ndarray) -> np.ndarray:
        """X·σ + μ for standardised X (n0, m): back to the original units."""
        X, mean, std = self._check(X)
        return X * std + mean

    def to_dict(self) -> dict[str, Any]:
        """{"mean": [μ1, …], "std": [σ1, …]} (JSON lists of n0 floats; null when unfitted)."""
        if self.mean is None or self.std is None:
            return {"mean": None, "std": None}
        return {"mean": self.mean.reshape(-1).tolist(), "std": self.std.reshape(-1).tolist()}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Standardizer:
        if not isinstance(data, dict) or set(data) != {"mean", "std"}:
            raise ValueError('a standardizer must be a mapping with exactly "mean" and "std"')
        if data["mean"] is None and data["std"] is None:
            return cls()
        return cls(np.asarray(data["mean"], dtype=np.float64), np.asarray(data["std"]))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Standardizer):
            return NotImplemented
        return self.to_dict() == other.to_dict()

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        if self.mean is None:
            return "Standardizer(unfitted)"
        return f"Standardizer(n0={self.mean.shape[0]}{', identity' if self.is_identity else ''})"


@dataclass(frozen=True, eq=False)
class PreparedData:
    """What training uses: standardised train and validation sets and the fitted scaler.

    ``standardizer`` was fitted on ``train`` only (before scaling) and applied to both; apply
    it to any new input X (n0, m) before ``Network.predict``.
    """

    train: Dataset
    validation: Dataset
    standardizer: Standardizer
    validation_share: float = 0.0
    seed: int = 0


def prepare(
    dataset: Dataset, validation_share: float = 0.2, seed: int = 0, standardize: bool = True
) -> PreparedData:
    """Split ``dataset`` (see :func:`split`) and standardise the inputs with train statistics.

    With ``standardize=False`` the standardizer is the identity and the inputs are unchanged.
    """
    train, validation = split(dataset, validation_share, seed)
    if standardize and train.m:
        scaler = Standardizer().fit(train.X)
    else:
        scaler = Standardizer.identity(dataset.n_features)
    if not scaler.is_identity:
        train = train.replace_arrays(scaler.transform(train.X), train.Y)
        validation = validation.replace_arrays(scaler.transform(validation.X), validation.Y)
    return PreparedData(train, validation, scaler, float(validation_share), int(seed))
