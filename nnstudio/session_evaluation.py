"""The test set, evaluated only when the learner asks. Qt-free.

The data is split three ways (:func:`nnstudio.data.split_three`): training data the network
learns from, the dev set the live views show beside it to choose settings, and the test set,
kept apart so that it still measures how the final network does on data that chose nothing.
Training never reads it (:meth:`Session.training_data` holds train and dev only) and no live
view shows it: :func:`evaluate_test_set` is the one place that does, on request.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from .data import PreparedData, map_features
from .engine import Network, evaluate
from .text import translate


def check_human_error(value: float, task: str) -> float:
    """``value`` as a human-level error for ``task``: a share from 0 to 1 for a classifier, a
    cost ≥ 0 for a regression; ValueError saying which otherwise."""
    number = float(value)
    high = math.inf if task == "regression" else 1.0
    if not (math.isfinite(number) and 0.0 <= number <= high):
        if task == "regression":
            message = translate("Session", "a human-level cost must be a number ≥ 0; got {value}")
        else:
            message = translate(
                "Session", "a human-level error must be a share from 0 to 1; got {value}"
            )
        raise ValueError(message.format(value=value))
    return number


class NoTestSetError(ValueError):
    """There is no test set to evaluate (a test share of 0)."""


@dataclass(frozen=True)
class TestEvaluation:
    """The network's cost J and, for a classifier, its accuracy and error (1 − accuracy) on the
    m test samples; ``accuracy`` and ``error`` are None for a regression."""

    __test__ = False  # not a pytest test class

    cost: float
    accuracy: float | None
    m: int

    @property
    def error(self) -> float | None:
        return None if self.accuracy is None else 1.0 - self.accuracy


def evaluate_test_set(
    network: Network, prepared: PreparedData, input_features: tuple[str, ...]
) -> TestEvaluation:
    """Cost and accuracy of ``network`` on the prepared test set, X (n[0], m_test) through
    the chosen input features. Raises :class:`NoTestSetError` (what to do) when the data has
    no test set."""
    test = prepared.test_set
    if test.m == 0:
        raise NoTestSetError(
            translate(
                "Session",
                "there is no test set: choose a test share above 0 % in the data panel, train, "
                "then evaluate on the test set",
            )
        )
    X = map_features(test.X, input_features)
    cost, accuracy = evaluate(network, X, test.Y)
    return TestEvaluation(float(cost), None if accuracy is None else float(accuracy), test.m)
