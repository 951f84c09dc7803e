"""The small pieces a :class:`~nnstudio.session.Session` is made of and hands to its views:
its event lists, a hidden layer as the learner builds it, and where the data comes from.

Free of Qt, like the session itself.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from .data import Dataset, PreparedData, map_features, prepare
from .engine import TrainingData
from .text import translate

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
    """One hidden layer as the learner builds it; ``keep_prob`` is inverted dropout's keep
    probability while training (1: no dropout), ``batch_norm`` turns on batch normalisation."""

    units: int
    activation: str
    keep_prob: float = 1.0
    batch_norm: bool = False


@dataclass(frozen=True)
class DataChoice:
    """Where the data comes from and how it is split: a built-in set by name and parameters,
    or an imported data set (``imported`` holds it). ``validation_share`` is the course's dev
    set, ``test_share`` the test set kept apart (see :func:`nnstudio.data.split_three`)."""

    name: str = "flower"
    params: dict[str, Any] = field(default_factory=dict)
    validation_share: float = 0.0
    standardize: bool = False
    split_seed: int = 0
    imported: Dataset | None = None
    test_share: float = 0.0

    def prepare(self, dataset: Dataset) -> PreparedData:
        """``dataset`` split and scaled as this choice says; ValueError if the split cannot be
        made (see :func:`nnstudio.data.split_three`)."""
        return prepare(
            dataset,
            self.validation_share,
            self.split_seed,
            standardize=self.standardize,
            test_share=self.test_share,
        )


DEFAULT_HIDDEN = (LayerSpec(4, "tanh"),)


def with_edited_data(state: dict[str, Any], dataset: Dataset) -> dict[str, Any]:
    """A :meth:`Session.snapshot` ``state`` that uses ``dataset`` (points added or removed by
    hand, same features and classes) in place of its data, split and standardised as before.

    Unlike choosing other data, the network keeps its weights, history and optimizer state:
    one point more or less is the same task, and training goes on from where it is (only m,
    the number of columns of X, changes). Raises ValueError if the split cannot be made."""
    old: Dataset = state["dataset"]
    if (dataset.n_features, dataset.task, dataset.class_names) != (
        old.n_features,
        old.task,
        old.class_names,
    ):
        raise ValueError("an edit by hand keeps the features and the classes of the data")
    choice: DataChoice = replace(
        state["data_choice"], name=dataset.name, params={}, imported=dataset
    )
    prepared = choice.prepare(dataset)
    return {**state, "data_choice": choice, "dataset": dataset, "prepared": prepared}


class FedInputs:
    """The arrays the network is fed: the prepared training and validation data mapped through
    the chosen input features (X (k, m)), made once per prepared data and choice. The prepared
    data is replaced on every change, never changed in place, so its identity is the key."""

    def __init__(self) -> None:
        self._key: tuple[PreparedData, tuple[str, ...]] | None = None
        self._data: TrainingData | None = None

    def get(self, prepared: PreparedData, features: tuple[str, ...]) -> TrainingData:
        if (
            self._data is None
            or self._key is None
            or self._key[0] is not prepared
            or self._key[1] != features
        ):
            train, val = prepared.train, prepared.validation
            has_val = val.m > 0
            self._data = TrainingData(
                map_features(train.X, features),
                train.Y,
                map_features(val.X, features) if has_val else None,
                val.Y if has_val else None,
            )
            self._key = (prepared, features)
        return self._data


def output_activation_template(task: str) -> str:
    """Why the output layer must use the task's activation: a template with {wanted} and {k}
    (the number of classes), in the interface's language."""
    if task == "binary":
        return translate(
            "Session",
            "The output layer must be {wanted}: two classes need one sigmoid unit: its "
            "output is the probability of class 1, which binary cross-entropy compares with "
            "the label.",
        )
    if task == "multiclass":
        return translate(
            "Session",
            "The output layer must be {wanted}: {k} classes need {k} softmax units: one "
            "probability per class for categorical cross-entropy.",
        )
    return translate(
        "Session",
        "The output layer must be {wanted}: a regression predicts any real number, so "
        "the output is linear and trained with mean squared error.",
    )


def output_units_template(task: str) -> str:
    """Why the output layer must have the task's number of units: a template with {wanted}
    and {k}, in the interface's language."""
    if task == "multiclass":
        return translate(
            "Session",
            "The output layer must have {wanted} unit(s): one unit per class, and the data "
            "has {k} classes.",
        )
    if task == "binary":
        return translate(
            "Session",
            "The output layer must have {wanted} unit(s): one sigmoid unit gives the "
            "probability of class 1 (class 0 is 1 minus it).",
        )
    return translate(
        "Session",
        "The output layer must have {wanted} unit(s): the data has one target value per sample.",
    )
