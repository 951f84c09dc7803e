"""Random search over hyperparameters: N short runs, judged on the dev set. Qt-free.

The course tunes by sampling at random rather than on a grid, and on the scale a setting acts
on: the learning rate α and the L2 λ log-uniformly (as many runs between 0.0001 and 0.001 as
between 0.1 and 1), the number of hidden units as whole numbers, dropout's keep_prob uniformly
in (low, high] (by default (0.5, 1]: 1 keeps every unit). :func:`sample_values` draws
the values of N runs from ``numpy.random.RandomState(seed)``, so a seed gives the same search.

A :class:`TuningSearch` copies the learner's session when it is made (nothing of the learner's
network, weights or settings changes afterwards) and trains each sampled run on a scratch copy
of it through :meth:`Session.plan_run`, the one assembly every run of the application uses:
fresh initial weights from the session's seed, the sampled values set the way the learner would
set them, the training set, ``epochs`` epochs. :meth:`TuningSearch.results` is a plain generator
yielding one immutable :class:`TuningResult` per run, so that a worker thread can drive it,
report progress and stop between runs (or, through a ``TrainingControl``, inside one).

A result's error is the classifier's error rate 1 − accuracy on the training and the dev set at
the end of the run; a regression has no error rate and uses the data term of the cost J (the
L2 and L1 terms left out, so that runs with different λ compare on the same footing).
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

import numpy as np

from .engine import MAX_UNITS, Network, TrainingControl, evaluate
from .learn import Run, make_description
from .session import LayerSpec, Session
from .text import translate

MAX_RUNS = 200  # runs one search may make
MAX_EPOCHS = 100_000  # epochs one run of a search may train
RECORDS_PER_RUN = 200  # history points a run of a search records, about


@dataclass(frozen=True)
class Hyperparameter:
    """A setting a search can sample: ``key`` (the name the settings and the model file use),
    ``scale`` ("log": log-uniform, "int": whole numbers, "uniform"), the widest ``limits`` a
    range may take and the ``default`` range offered."""

    key: str
    symbol: str
    scale: str
    limits: tuple[float, float]
    default: tuple[float, float]

    def check(self, low: float, high: float) -> tuple[float, float]:
        """(low, high) as numbers of this setting, or ValueError saying which range it takes."""
        lo, hi = float(low), float(high)
        a, b = self.limits
        ok = math.isfinite(lo) and math.isfinite(hi) and a <= lo <= hi <= b
        if self.scale == "int":
            ok = ok and lo == int(lo) and hi == int(hi)
        if not ok:
            raise ValueError(
                translate(
                    "Tuning",
                    "the range of {name} must go from a low to a high value between {a:g} and "
                    "{b:g}; got {low:g} to {high:g}",
                ).format(name=self.symbol, a=a, b=b, low=lo, high=hi)
            )
        return (int(lo), int(hi)) if self.scale == "int" else (lo, hi)


# The settings a search samples, in the order a run's values are drawn and named. keep_prob and
# the units apply to every hidden layer.
HYPERPARAMETERS: dict[str, Hyperparameter] = {
    "learning_rate": Hyperparameter("learning_rate", "α", "log", (1e-6, 10.0), (1e-4, 1.0)),
    "l2": Hyperparameter("l2", "λ", "log", (1e-6, 100.0), (1e-4, 1.0)),
    "keep_prob": Hyperparameter("keep_prob", "keep_prob", "uniform", (0.01, 1.0), (0.5, 1.0)),
    "units": Hyperparameter("units", "n[l]", "int", (1.0, float(MAX_UNITS)), (2.0, 20.0)),
}


@dataclass(frozen=True)
class SearchSpace:
    """Which settings to sample and their ranges: ``ranges`` holds (key, low, high), in the
    order of :data:`HYPERPARAMETERS`. Checked when made (ValueError: what to change)."""

    ranges: tuple[tuple[str, float, float], ...]

    def __post_init__(self) -> None:
        if not self.ranges:
            raise ValueError(translate("Tuning", "choose at least one hyperparameter to search"))
        checked = {}
        for key, low, high in self.ranges:
            if key not in HYPERPARAMETERS:
                raise ValueError(f"unknown hyperparameter {key!r}")
            checked[key] = HYPERPARAMETERS[key].check(low, high)
        ordered = tuple((k, *checked[k]) for k in HYPERPARAMETERS if k in checked)
        object.__setattr__(self, "ranges", ordered)

    @classmethod
    def of(cls, ranges: Mapping[str, tuple[float, float]]) -> SearchSpace:
        """The space from ``{key: (low, high)}``."""
        return cls(tuple((k, lo, hi) for k, (lo, hi) in ranges.items()))

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(key for key, _, _ in self.ranges)


def sample_values(space: SearchSpace, runs: int, seed: int) -> list[dict[str, float | int]]:
    """The values of ``runs`` runs drawn from ``RandomState(seed)``: run by run, setting by
    setting in the order of ``space.ranges``; log scale: 10 ** uniform(log10 low, log10 high),
    whole numbers: randint(low, high + 1), else high − uniform(0, high − low), a value in
    (low, high] (keep_prob may reach 1 but never its low end, which may be 0)."""
    rs = np.random.RandomState(int(seed))
    samples: list[dict[str, float | int]] = []
    for _ in range(int(runs)):
        values: dict[str, float | int] = {}
        for key, low, high in space.ranges:
            scale = HYPERPARAMETERS[key].scale
            if scale == "log":
                value = float(10.0 ** rs.uniform(math.log10(low), math.log10(high)))
                values[key] = min(max(value, low), high)  # rounding may step just outside
            elif scale == "int":
                values[key] = int(rs.randint(int(low), int(high) + 1))
            else:
                values[key] = float(high - rs.uniform(0.0, high - low))
        samples.append(values)
    return samples


def value_text(key: str, value: float) -> str:
    """A sampled value as a run's name shows it, e.g. ``α 0.0123`` or ``n[l] 7``."""
    symbol = HYPERPARAMETERS[key].symbol
    if HYPERPARAMETERS[key].scale == "int":
        return f"{symbol} {int(value)}"
    return f"{symbol} {float(value):.3g}"


@dataclass(frozen=True)
class TuningResult:
    """One run of a search: ``index`` (from 0), the sampled ``values`` ((key, value) pairs),
    ``train_error`` and ``dev_error`` at its end (NaN when the run diverged), ``measure``
    ("error": 1 − accuracy, or "cost": a regression's data cost), the run's recorded history
    (``history``: (series name, values) pairs, as a kept run stores it) and ``description`` (its
    settings, as Compare runs keeps them)."""

    index: int
    values: tuple[tuple[str, float | int], ...]
    train_error: float
    dev_error: float
    measure: str
    history: tuple[tuple[str, tuple[Any, ...]], ...]
    description: tuple[tuple[str, Any], ...]

    def value(self, key: str) -> float | int:
        return dict(self.values)[key]

    @property
    def diverged(self) -> bool:
        return not math.isfinite(self.dev_error)

    @property
    def name(self) -> str:
        """What the run is called in Compare runs: the search's run number and its values."""
        values = ", ".join(value_text(k, v) for k, v in self.values)
        return translate("Tuning", "tuning {number}: {values}").format(
            number=self.index + 1, values=values
        )

    def to_run(self) -> Run:
        """The run as Compare runs keeps it."""
        history = {name: list(values) for name, values in self.history}
        return Run(self.name, history, dict(self.description))


def ranked(results: Sequence[TuningResult]) -> list[TuningResult]:
    """The results from the lowest dev error up; diverged runs last, in their order."""
    return sorted(results, key=lambda r: (r.diverged, r.dev_error if not r.diverged else 0.0))


class TuningSearch:
    """A random search from the state of ``session`` as it is now: ``runs`` runs of
    ``epochs`` epochs each with values from :func:`sample_values` (``space``, ``seed``).
    Raises ValueError (what to change) for a search that cannot run: no dev set, no hidden
    layer to size, a run count or an epoch count out of range."""

    def __init__(
        self, session: Session, space: SearchSpace, runs: int, epochs: int, seed: int
    ) -> None:
        if not 1 <= int(runs) <= MAX_RUNS:
            raise ValueError(
                translate("Tuning", "a search makes between 1 and {max} runs").format(max=MAX_RUNS)
            )
        if not 1 <= int(epochs) <= MAX_EPOCHS:
            raise ValueError(
                translate("Tuning", "each run trains between 1 and {max} epochs").format(
                    max=MAX_EPOCHS
                )
            )
        if {"units", "keep_prob"} & set(space.keys) and not session.hidden_layers:
            raise ValueError(
                translate(
                    "Tuning",
                    "the network has no hidden layer whose units or keep_prob a search could "
                    "choose: add one in the builder, or search other hyperparameters",
                )
            )
        if session.prepared.validation.m == 0:
            raise ValueError(
                translate(
                    "Tuning",
                    "a search judges runs on the dev set and this data has none: choose a dev "
                    "share above 0 % in the data panel",
                )
            )
        self.space, self.runs, self.epochs, self.seed = space, int(runs), int(epochs), int(seed)
        self.samples = sample_values(space, self.runs, self.seed)
        self._state = session.snapshot()  # the learner's state, copied once, read only

    def scratch_session(self, values: Mapping[str, float | int]) -> Session:
        """A session like the learner's at the start, with ``values`` set and fresh initial
        weights: what one run of the search trains."""
        scratch = Session()
        scratch.restore(self._state)
        hidden: list[LayerSpec] = list(scratch.hidden_layers)
        if "units" in values:
            hidden = [replace(layer, units=int(values["units"])) for layer in hidden]
        if "keep_prob" in values:
            hidden = [replace(layer, keep_prob=float(values["keep_prob"])) for layer in hidden]
        if hidden != list(scratch.hidden_layers):  # each layer keeps its other settings
            scratch.set_hidden_layers(hidden)
        if "l2" in values:
            scratch.set_l2(float(values["l2"]))
        scratch.set_settings(
            learning_rate=float(values.get("learning_rate", scratch.settings.learning_rate)),
            epochs=self.epochs,
            report_every=max(1, self.epochs // RECORDS_PER_RUN),
        )
        scratch.reset_weights()
        return scratch

    def results(self, control: TrainingControl | None = None) -> Iterator[TuningResult]:
        """Train the runs one after another, yielding each one's result as it ends. A stop
        requested on ``control`` ends the run under way without a result, and the search."""
        for index, values in enumerate(self.samples):
            if control is not None and control.stop_requested:
                return
            result = self.run_one(index, values, control)
            if result is None:
                return
            yield result

    def run_one(
        self,
        index: int,
        values: Mapping[str, float | int],
        control: TrainingControl | None = None,
    ) -> TuningResult | None:
        """Train run ``index`` with ``values``; None when stopped through ``control``."""
        scratch = self.scratch_session(values)
        plan = scratch.plan_run(report_every=10**9, copy_params=False)
        network = scratch.network
        for report in plan.run(network, control):
            scratch.history.append(report)
        if control is not None and control.stop_requested:
            return None
        data = scratch.training_data()
        train_error, measure = _error(network, data.X, data.Y)
        assert data.X_val is not None and data.Y_val is not None  # checked when made
        dev_error, _ = _error(network, data.X_val, data.Y_val)
        s = scratch.settings
        description = make_description(
            network,
            s.learning_rate,
            s.optimizer,
            s.batch_size,
            (s.decay_schedule, s.decay_rate, s.decay_interval),
            dataset=scratch.data_choice.name,
            epochs=self.epochs,
        )
        history = scratch.history.to_dict()
        return TuningResult(
            index,
            tuple((key, values[key]) for key in self.space.keys),
            train_error,
            dev_error,
            measure,
            tuple((name, tuple(series)) for name, series in history.items()),
            tuple(description.items()),
        )


def _error(network: Network, X: np.ndarray, Y: np.ndarray) -> tuple[float, str]:
    """(error, measure) of ``network`` on X (n[0], m), Y: 1 − accuracy for a classifier, the
    data cost (without the L2 and L1 terms) for a regression; NaN when the outputs are not
    finite numbers (a diverged run)."""
    with np.errstate(all="ignore"):
        cost, accuracy = evaluate(network, X, Y)
        AL, _ = network.forward(X)
    if not (math.isfinite(cost) and np.all(np.isfinite(AL))):
        return math.nan, "cost" if accuracy is None else "error"
    if accuracy is None:
        return float(cost - network.penalty_cost(X.shape[1])), "cost"
    return 1.0 - float(accuracy), "error"


__all__ = [
    "HYPERPARAMETERS",
    "Hyperparameter",
    "SearchSpace",
    "TuningResult",
    "TuningSearch",
    "ranked",
    "sample_values",
    "value_text",
]
