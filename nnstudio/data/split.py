"""Train/dev(validation)/test split, feature standardisation and the two together (:func:`prepare`).

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


def _class_quotas(counts: np.ndarray, share: float, total: int, room: np.ndarray) -> np.ndarray:
    """How many of each class go to a held-out set: about ``share`` of each, ``total`` in all
    (largest remainders first), and at most ``room[k]`` of class k."""
    exact = share * counts
    quotas = np.floor(exact).astype(np.int64)
    order = sorted(range(len(counts)), key=lambda k: (-(exact[k] - quotas[k]), k))
    for k in order[: max(0, total - int(quotas.sum()))]:
        quotas[k] += 1
    return np.minimum(quotas, np.maximum(room, 0))


def _check_share(share: float, message: str) -> float:
    share = float(share)
    if not 0.0 <= share < 1.0:  # NaN fails too
        raise ValueError(message.format(share=share))
    return share


def split_three(
    dataset: Dataset, dev_share: float, test_share: float, seed: int
) -> tuple[Dataset, Dataset, Dataset]:
    """Split the m samples into (train, dev, test) at random, reproducibly for a seed.

    About ``dev_share`` of the samples go to the dev set (the app's "validation" data, which
    the live views show beside the training data) and about ``test_share`` to the test set
    (kept apart, evaluated only on request). For classification each class is split in those
    proportions (stratified) and keeps at least one training sample. One permutation
    ``RandomState(seed).permutation(m)`` decides both: in its order, each class's first samples
    go to dev, the next ones to test, the rest to training; so a test share of 0 gives the
    same train and dev sets as :func:`split`. Every part keeps the original sample order; an
    empty part has X (n0, 0).

    Raises ValueError (a sentence saying what to choose) for a share outside [0, 1) or shares
    that leave no training sample.
    """
    dev = _check_share(
        dev_share,
        translate(
            "Split",
            "the dev share (validation share) must be at least 0 and below 1 (e.g. 0.2); "
            "got {share}",
        ),
    )
    test = _check_share(
        test_share,
        translate("Split", "the test share must be at least 0 and below 1 (e.g. 0.2); got {share}"),
    )
    m = dataset.m
    n_dev, n_test = math.floor(dev * m + 0.5), math.floor(test * m + 0.5)
    if dev + test >= 1.0 or (m and n_dev + n_test >= m):
        raise ValueError(
            translate(
                "Split",
                "a dev share of {dev:g} and a test share of {test:g} leave no training samples "
                "out of {m}; choose smaller shares (together well below 1)",
            ).format(dev=dev, test=test, m=m)
        )
    order = np.random.RandomState(int(seed)).permutation(m)
    part = np.zeros(m, dtype=np.int8)  # in permutation order: 0 train, 1 dev, 2 test
    if dataset.is_classification and m:
        labels = dataset.Y.reshape(-1)[order]
        counts = np.bincount(labels, minlength=dataset.n_classes)
        dev_quotas = _class_quotas(counts, dev, n_dev, counts - 1)
        test_quotas = _class_quotas(counts, test, n_test, counts - 1 - dev_quotas)
        for k in range(len(counts)):
            members = np.flatnonzero(labels == k)
            part[members[: dev_quotas[k]]] = 1
            part[members[dev_quotas[k] : dev_quotas[k] + test_quotas[k]]] = 2
    else:
        part[:n_dev] = 1
        part[n_dev : n_dev + n_test] = 2
    train_idx, dev_idx, test_idx = (np.sort(order[part == p]) for p in (0, 1, 2))
    return dataset.subset(train_idx), dataset.subset(dev_idx), dataset.subset(test_idx)


def split(dataset: Dataset, validation_share: float, seed: int) -> tuple[Dataset, Dataset]:
    """Split the m samples into (train, validation) at random, reproducibly for a seed.

    About ``validation_share`` of the samples go to validation (the course's dev set); for
    classification each class is split in that proportion (stratified) and keeps at least one
    training sample. Both parts keep the original sample order. A share of 0 gives an empty
    validation set, X (n0, 0). The same as :func:`split_three` with a test share of 0.
    """
    train, validation, _ = split_three(dataset, validation_share, 0.0, seed)
    return train, validation


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
    """What training uses: standardised train, validation (dev) and test sets and the fitted
    scaler.

    ``standardizer`` was fitted on ``train`` only (before scaling) and applied to all three;
    apply it to any new input X (n0, m) before ``Network.predict``. ``test`` is kept apart:
    training never sees it and it is evaluated only on request (None: no test set, as in
    data prepared before there was one; :attr:`test_set` is then empty).
    """

    train: Dataset
    validation: Dataset
    standardizer: Standardizer
    validation_share: float = 0.0
    seed: int = 0
    test: Dataset | None = None
    test_share: float = 0.0

    @property
    def test_set(self) -> Dataset:
        """The test set, X (n0, m_test); empty (m_test = 0) when there is none."""
        if self.test is not None:
            return self.test
        return self.train.subset(np.zeros(0, dtype=np.int64))


def prepare(
    dataset: Dataset,
    validation_share: float = 0.2,
    seed: int = 0,
    standardize: bool = True,
    test_share: float = 0.0,
) -> PreparedData:
    """Split ``dataset`` (see :func:`split_three`) and standardise the inputs with train
    statistics. With ``standardize=False`` the standardizer is the identity and the inputs are
    unchanged.
    """
    train, validation, test = split_three(dataset, validation_share, test_share, seed)
    if standardize and train.m:
        scaler = Standardizer().fit(train.X)
    else:
        scaler = Standardizer.identity(dataset.n_features)
    return scaled(train, validation, test, scaler, validation_share, seed, test_share)


def scaled(
    train: Dataset,
    validation: Dataset,
    test: Dataset,
    scaler: Standardizer,
    validation_share: float,
    seed: int,
    test_share: float = 0.0,
) -> PreparedData:
    """The three parts with their inputs scaled by ``scaler`` (unchanged by the identity)."""
    if not scaler.is_identity:
        train, validation, test = (
            part.replace_arrays(scaler.transform(part.X), part.Y)
            for part in (train, validation, test)
        )
    return PreparedData(
        train, validation, scaler, float(validation_share), int(seed), test, float(test_share)
    )
