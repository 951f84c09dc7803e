"""The small pieces a :class:`~nnstudio.session.Session` is made of and hands to its views:
its event lists, a hidden layer as the learner builds it, and where the data comes from.

Free of Qt, like the session itself.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .data import Dataset

OUTPUT_FOR_TASK = {"binary": "sigmoid", "multiclass": "softmax", "regression": "linear"}


class Events:
    """Named callback lists: ``connect(name, fn)``, ``disconnect(name, fn)``, ``emit(name)``."""

    def __init__(self) -> None:
        self._callbacks: dict[str, list[Callable[[], None]]] = defaultdict(list)

    def connect(self, name: str, callback: Callable[[], None]) -> None:
        self._callbacks[name].append(callback)

    def disconnect(self, name: str, callback: Callable[[], None]) -> None:
        self._callbacks[name].remove(callback)

    def emit(self, name: str) -> None:
        for callback in list(self._callbacks[name]):
            callback()


@dataclass(frozen=True)
class LayerSpec:
    """One hidden layer as the learner builds it."""

    units: int
    activation: str


@dataclass(frozen=True)
class DataChoice:
    """Where the data comes from and how it is split: a built-in set by name and parameters,
    or an imported data set (``imported`` holds it)."""

    name: str = "flower"
    params: dict[str, Any] = field(default_factory=dict)
    validation_share: float = 0.0
    standardize: bool = False
    split_seed: int = 0
    imported: Dataset | None = None


DEFAULT_HIDDEN = (LayerSpec(4, "tanh"),)
