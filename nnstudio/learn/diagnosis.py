"""Why a run ended without learning: structured findings, free of Qt.

:func:`diagnose_run` looks at a finished run (its recorded costs and accuracies, the trained
network and the training inputs) and returns a :class:`Diagnosis` when the run did not learn,
``None`` when it did. A run did not learn when its cost ended barely below where it started
(less than ``FLAT_DROP`` of the first cost) or, for a classifier, when its training accuracy is
no better than always answering the most common class. The findings name the likely causes,
most likely first, each as a code and its numbers; :mod:`.advice` composes the sentences.

Codes and their facts:

``"blown_up"``         start_cost, initial_cost: the run started from weights an earlier run
                       blew up (its first cost far above the cost of fresh initial weights);
                       the only finding then, the others being its consequences
``"symmetric"``        layer: every unit of this hidden layer has the same weights (zeros init)
``"no_hidden_layer"``  (none): logistic regression draws only a straight boundary
``"dead_relu"``        layer, dead, units: ReLU units that output 0 for every sample
``"saturated"``        layer, saturated, units, activation: sigmoid/tanh units whose slope
                       g′(Z) is under a tenth of its largest value for almost every sample
``"unscaled_inputs"``  smallest, largest: the features' standard deviations (not standardised)
``"vanishing"``        ratio, hidden, activation: ‖dW[1]‖ / the largest later ‖dW[l]‖
``"oscillating"``      share, learning_rate, suggested: how often the recorded cost rose
``"rate_too_small"``   learning_rate, suggested: the cost still falls, slowly
"""

from __future__ import annotations

import inspect
import itertools
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from ..engine import OPTIMIZERS, Network
from .gradient_flow import diagnose as diagnose_gradients

FLAT_DROP = 0.05  # the cost fell by less than 5 % of its first value
CHANCE_MARGIN = 0.02  # accuracy within 2 points of always answering the commonest class
MIN_ITERATIONS = 100  # shorter runs are not judged
DEAD_SHARE = 0.9  # of a ReLU layer's units
SATURATED_SHARE = 0.9  # of a sigmoid/tanh layer's units …
SATURATED_SAMPLES = 0.9  # … each saturated on this share of the samples
SATURATED_SLOPE = 0.1  # g′(Z) below a tenth of its largest value (0.25 sigmoid, 1 tanh)
SCALE_RATIO = 50.0  # largest / smallest feature standard deviation
BLOWN_UP = 3.0  # a run's first cost over 3× the cost of fresh initial weights
OSCILLATING_SHARE = 0.3  # of the steps between records in which the cost rose
MAX_SAMPLES = 2000  # the network's units are examined on at most this many samples

ADAPTIVE = ("rmsprop", "adam")  # optimizers whose steps are about the learning rate in size

Fact = float | int | str


def usual_learning_rate(optimizer: str) -> float:
    """The learning rate ``optimizer`` is made with unless told otherwise (Adam 0.001)."""
    cls = OPTIMIZERS.get(optimizer)
    if cls is None:
        return 0.01
    default = inspect.signature(cls.__init__).parameters["learning_rate"].default
    return float(default)


def smaller_rate(optimizer: str, learning_rate: float) -> float:
    """The rate to suggest to a run whose learning rate was too large: about 10× smaller, or,
    for RMSprop and Adam far above their usual rate, that usual rate (their steps move each
    weight by about the learning rate, whatever the gradient's size)."""
    usual = usual_learning_rate(optimizer)
    if optimizer in ADAPTIVE and learning_rate > 10 * usual:
        return usual
    return learning_rate / 10


@dataclass(frozen=True)
class Finding:
    """One likely cause: ``code`` (see the module docstring) and its numbers."""

    code: str
    facts: Mapping[str, Fact] = field(default_factory=dict)

    def __getitem__(self, key: str) -> Fact:
        return self.facts[key]


@dataclass(frozen=True)
class Diagnosis:
    """A run that did not learn: what it showed, and its findings (most likely cause first)."""

    iterations: int
    first_cost: float
    last_cost: float
    accuracy: float | None  # the last training accuracy (None: no classifier)
    chance: float | None  # the share of the most common class (None: no classifier)
    flat: bool  # the cost ended barely below its start
    at_chance: bool  # the accuracy is no better than chance
    findings: tuple[Finding, ...]

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(f.code for f in self.findings)


def chance_accuracy(Y: np.ndarray) -> float | None:
    """The accuracy of always answering the most common class of labels ``Y`` ((1, m) class
    indices or (K, m) one-hot); None when there are no labels."""
    Y = np.asarray(Y)
    if Y.size == 0:
        return None
    labels = Y.argmax(axis=0) if Y.ndim == 2 and Y.shape[0] > 1 else Y.reshape(-1)
    counts = np.bincount(np.asarray(labels, dtype=np.int64).clip(min=0))
    return float(counts.max() / labels.size)


def diagnose_run(
    net: Network,
    X: np.ndarray,
    Y: np.ndarray,
    steps: Sequence[int],
    costs: Sequence[float | None],
    accuracies: Sequence[float | None],
    learning_rate: float,
    optimizer: str,
    standardized: bool,
    start_step: int = 0,
) -> Diagnosis | None:
    """The diagnosis of the run of ``net`` (its weights after the run) on inputs ``X`` (n0, m)
    and labels ``Y`` ((1, m) class indices, (n[L], m) otherwise) that started at iteration
    ``start_step``. ``steps``, ``costs`` and ``accuracies`` are the whole history (None where a
    record has no value); only the run's own records, from ``start_step`` on, are judged. None
    when the run learned, or is too short or too broken to judge."""
    points = [
        (int(s), float(c), a)
        for s, c, a in zip(steps, costs, accuracies, strict=False)
        if c is not None and math.isfinite(c) and s >= start_step
    ]
    if len(points) < 2 or points[-1][0] - points[0][0] < MIN_ITERATIONS:
        return None
    first, last = points[0][1], points[-1][1]
    if first <= 1e-6:
        return None
    flat = first - last < FLAT_DROP * first
    classifies = net.activations[-1] != "linear"
    accuracy = points[-1][2] if classifies else None
    chance = chance_accuracy(Y) if classifies else None
    at_chance = accuracy is not None and chance is not None and accuracy <= chance + CHANCE_MARGIN
    if not (flat or at_chance):
        return None
    X = np.asarray(X)
    if X.shape[1] > MAX_SAMPLES:
        columns = np.linspace(0, X.shape[1] - 1, MAX_SAMPLES).astype(np.int64)
        X, Y = X[:, columns], np.asarray(Y)[:, columns]
    costs_seen = [c for _, c, _ in points]
    blown = _blown_up(net, X, Y, first)
    if blown is not None:
        findings: tuple[Finding, ...] = (blown,)
    else:
        findings = _findings(net, X, Y, costs_seen, learning_rate, optimizer, standardized, flat)
    return Diagnosis(
        iterations=points[-1][0] - points[0][0],
        first_cost=first,
        last_cost=last,
        accuracy=accuracy,
        chance=chance,
        flat=flat,
        at_chance=at_chance,
        findings=findings,
    )


def _findings(
    net: Network,
    X: np.ndarray,
    Y: np.ndarray,
    costs: list[float],
    learning_rate: float,
    optimizer: str,
    standardized: bool,
    flat: bool,
) -> tuple[Finding, ...]:
    found: list[Finding] = []
    with np.errstate(all="ignore"):
        _, cache = net.forward(X)
        found += _symmetric(net)
        if net.L == 1 and net.activations[-1] != "linear":
            found.append(Finding("no_hidden_layer"))
        found += _unscaled(X, standardized)
        found += _dead_or_saturated(net, cache)
        found += _vanishing(net, X, Y)
    rises = sum(1 for a, b in itertools.pairwise(costs) if b > a)
    share = rises / (len(costs) - 1)
    if share >= OSCILLATING_SHARE:
        suggested = smaller_rate(optimizer, learning_rate)
        found.append(
            Finding(
                "oscillating",
                {"share": share, "learning_rate": learning_rate, "suggested": suggested},
            )
        )
    elif flat and not found and costs[-1] < costs[0]:
        found.append(
            Finding(
                "rate_too_small", {"learning_rate": learning_rate, "suggested": learning_rate * 10}
            )
        )
    return tuple(found)


def _blown_up(net: Network, X: np.ndarray, Y: np.ndarray, start_cost: float) -> Finding | None:
    """The run started far above the cost of fresh initial weights (drawn again from the seed):
    an earlier run blew the weights up, and resetting them helps more than any learning rate."""
    fresh = Network.from_spec(net.spec)
    with np.errstate(all="ignore"):
        AL, _ = fresh.forward(X)
        initial = fresh.cost(AL, Y)
    if not math.isfinite(initial) or start_cost <= BLOWN_UP * initial:
        return None
    return Finding("blown_up", {"start_cost": start_cost, "initial_cost": initial})


def _symmetric(net: Network) -> list[Finding]:
    """Hidden layers (with more than one unit) whose units all have the same weights."""
    out = []
    for l in range(1, net.L):
        W, b = net.params[f"W{l}"], net.params[f"b{l}"]
        if W.shape[0] > 1 and np.allclose(W, W[:1]) and np.allclose(b, b[:1]):
            out.append(Finding("symmetric", {"layer": l, "units": int(W.shape[0])}))
            break
    return out


def _dead_or_saturated(net: Network, cache: dict[str, np.ndarray]) -> list[Finding]:
    out = []
    for l in range(1, net.L):
        act, A = net.activations[l - 1], cache[f"A{l}"]
        units = int(A.shape[0])
        if act == "relu":
            dead = int(np.count_nonzero((A <= 0).all(axis=1)))
            if units and dead >= DEAD_SHARE * units:
                out.append(Finding("dead_relu", {"layer": l, "dead": dead, "units": units}))
        elif act in ("sigmoid", "tanh"):
            slope = A * (1 - A) / 0.25 if act == "sigmoid" else 1 - A * A
            flat_share = (slope < SATURATED_SLOPE).mean(axis=1)
            saturated = int(np.count_nonzero(flat_share >= SATURATED_SAMPLES))
            if units and saturated >= SATURATED_SHARE * units:
                facts: dict[str, float | int | str] = {
                    "layer": l,
                    "saturated": saturated,
                    "units": units,
                    "activation": act,
                }
                out.append(Finding("saturated", facts))
    return out


def _unscaled(X: np.ndarray, standardized: bool) -> list[Finding]:
    if standardized or X.shape[0] < 2:
        return []
    spread = X.std(axis=1)
    spread = spread[spread > 0]
    if spread.size < 2:
        return []
    smallest, largest = float(spread.min()), float(spread.max())
    if largest < SCALE_RATIO * smallest:
        return []
    return [Finding("unscaled_inputs", {"smallest": smallest, "largest": largest})]


def _vanishing(net: Network, X: np.ndarray, Y: np.ndarray) -> list[Finding]:
    """Layer 1's gradient far below a later layer's, with the trained weights or with the
    initial ones (the run's start, drawn again from the seed): a deep sigmoid network that
    never learned may end where every gradient is tiny."""
    hidden = net.activations[:-1]
    if len(hidden) < 2:
        return []
    for weights in (net, Network.from_spec(net.spec)):
        _, cache = weights.forward(X)
        grads = weights.backward(Y, cache)
        norms = [float(np.linalg.norm(grads[f"dW{l}"])) for l in range(1, net.L + 1)]
        kind, ratio = diagnose_gradients(norms)
        if kind == "vanishing":
            common = max(set(hidden), key=hidden.count)
            facts: dict[str, float | int | str] = {
                "ratio": ratio,
                "hidden": len(hidden),
                "activation": common,
            }
            return [Finding("vanishing", facts)]
    return []
