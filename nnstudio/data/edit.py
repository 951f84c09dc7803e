"""Points added or removed by hand: a new, "edited" :class:`Dataset` for each change.

A Dataset never changes, so every edit makes a new one whose ``source`` says where it came from:
``{"kind": "edited", "from": <the source of the data set first edited>}`` and whose name is the
first one's with " (edited)" after it. Editing an edited set keeps that description, so the
chain of edits never nests. Like an imported set, an edited one is stored with its X and Y in a
model file.

Shapes: X (n0, m), Y (1, m); a point is x (n0,) with one label.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from .dataset import Dataset

EDITED = "edited"
EDITED_SUFFIX = " (edited)"


def is_edited(dataset: Dataset) -> bool:
    """Whether ``dataset`` was made by adding or removing points by hand."""
    return dataset.source.get("kind") == EDITED


def original_source(dataset: Dataset) -> dict[str, Any]:
    """The source of the data set before any edit by hand (its own source if none)."""
    if is_edited(dataset):
        found = dataset.source.get("from")
        return dict(found) if isinstance(found, dict) else {}
    return dict(dataset.source)


def original_name(dataset: Dataset) -> str:
    """The name of the data set before any edit by hand ("flower" for "flower (edited)")."""
    name = dataset.name
    if is_edited(dataset) and name.endswith(EDITED_SUFFIX):
        return name[: -len(EDITED_SUFFIX)]
    return name


def _edited(dataset: Dataset, X: np.ndarray, Y: np.ndarray) -> Dataset:
    name = dataset.name if is_edited(dataset) else dataset.name + EDITED_SUFFIX
    source = dataset.source if is_edited(dataset) else {"kind": EDITED, "from": dataset.source}
    return Dataset(X, Y, dataset.task, dataset.feature_names, dataset.class_names, name, source)


def add_point(dataset: Dataset, x: Sequence[float] | np.ndarray, label: float) -> Dataset:
    """``dataset`` with one more sample: x (n0,) in the data set's own (raw) units, appended as
    the last column of X; ``label`` a class index 0..K-1 (or a value for a regression).
    Raises ValueError for a point of the wrong size, a label out of range or a non-finite x."""
    column = np.asarray(x, dtype=np.float64).reshape(-1, 1)
    if column.shape[0] != dataset.n_features:
        raise ValueError(
            f"a point needs {dataset.n_features} values, one per feature; got {column.shape[0]}"
        )
    X = np.concatenate([dataset.X, column], axis=1)
    Y = np.concatenate([dataset.Y, np.array([[label]], dtype=dataset.Y.dtype)], axis=1)
    return _edited(dataset, X, Y)


def remove_point(dataset: Dataset, index: int) -> Dataset:
    """``dataset`` without sample ``index`` (a column of X, 0..m-1). Raises IndexError."""
    if not 0 <= index < dataset.m:
        raise IndexError(f"there is no sample {index} among {dataset.m}")
    keep = np.delete(np.arange(dataset.m), index)
    return _edited(dataset, dataset.X[:, keep], dataset.Y[:, keep])
