"""One training run, assembled in one place, and the history it leaves. Qt-free.

:func:`plan_run` turns "these settings, this network, this data, this history" into a
:class:`RunPlan`: the engine's :class:`~nnstudio.engine.TrainingConfig` (which alone carries the
learning rate and the optimizer), the optimizer state to continue, the first iteration and the
arrays. The application's worker thread, :meth:`Session.train_here`, ``nnstudio-cli train`` and
the example builder all train from such a plan, so they record the same series.

:class:`History` keeps every :class:`~nnstudio.engine.Record` the engine makes (one every
``record_every`` iterations): iteration, cost, validation cost, accuracy, validation accuracy,
the cost's regularisation term (``penalty``: L2 + L1), the learning rate in use
(``learning_rate``: it changes under learning-rate decay) and ‖dW[l]‖ for l = 1..L. A run longer
than :data:`MAX_POINTS` records is reduced by
:func:`keep_indices` (first and last record, and in each of equal stretches of iterations the
records with the lowest and the highest cost), never by dropping records as they arrive.
It also keeps every :class:`~nnstudio.engine.SettingChange` made while a run trained (α, λ or
λ₁ changed mid-run), which the model file stores with the settings (``setting_changes``).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np

from .engine import (
    LIVE_SETTINGS,
    OPTIMIZERS,
    Network,
    NextIteration,
    Optimizer,
    Record,
    SettingChange,
    TrainingConfig,
    TrainingControl,
    TrainingData,
    TrainingReport,
    check_training,
    next_iteration,
    train,
)
from .text import translate

MAX_POINTS = 10_000  # records a history holds before it is reduced ...
REDUCED_POINTS = 5_000  # ... to at most this many
SERIES = ("step", "cost", "val_cost", "accuracy", "val_accuracy", "penalty", "learning_rate")
# series a file may lack (older files): left out of the file when no value is known
OPTIONAL_SERIES = ("penalty", "learning_rate")
NORM_PREFIX = "norm_dW"  # the series "norm_dW1" … "norm_dWL" hold ‖dW[l]‖


def keep_indices(
    steps: Sequence[float] | np.ndarray, values: Sequence[float | None] | np.ndarray, target: int
) -> list[int]:
    """Which of n points (iterations ``steps``, strictly increasing, and ``values``) a reduced
    series keeps: all of them when n ≤ ``target`` (≥ 4); else the first, the last and, in each
    of (target − 2) // 2 equal stretches of iterations between them, the point with the lowest
    and the one with the highest value (None or NaN counts as neither; a stretch without a
    number keeps its first point). The curve keeps its start, its end, its extremes and its
    shape; returns sorted indices, at most ``target`` of them."""
    n = len(steps)
    target = max(4, int(target))
    if n <= target:
        return list(range(n))
    s = np.asarray(steps, dtype=np.float64)
    if isinstance(values, np.ndarray):
        v = values.astype(np.float64)  # NaN for no value already
    else:
        v = np.array([np.nan if x is None else float(x) for x in values], dtype=np.float64)
    buckets = (target - 2) // 2
    span = s[-1] - s[0]
    inner = np.arange(1, n - 1)
    where = np.floor((s[inner] - s[0]) / span * buckets) if span > 0 else np.zeros(n - 2)
    where = np.clip(where, 0, buckets - 1).astype(np.int64)
    low = np.where(np.isnan(v), np.inf, v)[inner]
    high = np.where(np.isnan(v), -np.inf, v)[inner]
    picked = [np.array([0, n - 1])]
    for key in (low, -high):  # the first lowest and the first highest of each stretch
        order = np.lexsort((key, where))  # by stretch, then by value, then by position
        first = np.r_[True, where[order][1:] != where[order][:-1]]
        picked.append(inner[order[first]])
    return [int(i) for i in np.unique(np.concatenate(picked))]


def _number(value: float | None) -> float | None:
    """A plain Python float (NumPy scalars too), or None."""
    return None if value is None else float(value)


@dataclass
class History:
    """Every record of the runs that led to the current weights, by iteration: ``step[i]``,
    ``cost[i]`` (None: none recorded), ``val_cost[i]``, ``accuracy[i]``, ``val_accuracy[i]``
    ``penalty[i]`` (the regularisation term of ``cost[i]``, None when unknown, e.g. in an older
    file), ``learning_rate[i]`` (the rate in use, None when unknown) and ``grad_norms[i]``
    (‖dW[1]‖ … ‖dW[L]‖, or () when unknown, e.g. in an older file).
    Beyond ``MAX_POINTS`` records it is reduced to ``REDUCED_POINTS`` (:func:`keep_indices`
    on the cost). ``changes``: the live settings changed during the runs, in order (never
    reduced)."""

    step: list[int] = field(default_factory=list)
    cost: list[float | None] = field(default_factory=list)
    val_cost: list[float | None] = field(default_factory=list)
    accuracy: list[float | None] = field(default_factory=list)
    val_accuracy: list[float | None] = field(default_factory=list)
    grad_norms: list[tuple[float, ...]] = field(default_factory=list)
    penalty: list[float | None] = field(default_factory=list)
    learning_rate: list[float | None] = field(default_factory=list)
    changes: list[SettingChange] = field(default_factory=list)
    max_points: int = MAX_POINTS
    reduced_points: int = REDUCED_POINTS

    def __len__(self) -> int:
        return len(self.step)

    @property
    def last_step(self) -> int:
        return self.step[-1] if self.step else 0

    def extend(self, records: Iterable[Record]) -> int:
        """Add the records after the last iteration held (earlier ones are already here);
        returns how many were added. The moment the history holds more than max_points
        records it is reduced, so the result does not depend on how records are grouped."""
        added = 0
        for r in records:
            if self.step and r.step <= self.step[-1]:
                continue
            self.step.append(int(r.step))
            self.cost.append(_number(r.cost))
            self.val_cost.append(_number(r.val_cost))
            self.accuracy.append(_number(r.accuracy))
            self.val_accuracy.append(_number(r.val_accuracy))
            self.penalty.append(_number(r.penalty))
            self.learning_rate.append(_number(r.learning_rate))
            self.grad_norms.append(tuple(float(x) for x in r.grad_norms))
            added += 1
            if len(self.step) > self.max_points:  # record by record: however they are grouped
                self.reduce(self.reduced_points)
        return added

    def append(self, report: TrainingReport) -> None:
        """Add every record and every setting change of a training report."""
        self.extend(report.records)
        self.changes.extend(report.changes)

    def changes_to_list(self) -> list[dict[str, Any]]:
        """The setting changes as the model file stores them (``setting_changes``)."""
        return [
            {"step": c.step, "setting": c.name, "old": c.old, "new": c.new} for c in self.changes
        ]

    @staticmethod
    def changes_from_list(items: Iterable[Mapping[str, Any]]) -> list[SettingChange]:
        """The inverse of :meth:`changes_to_list`; raises ValueError naming the entry that is
        not {"step": whole number ≥ 0, "setting": a live setting, "old", "new": valid values}."""
        changes = []
        for i, item in enumerate(items):
            try:
                name, step = str(item["setting"]), item["step"]
                old, new = float(item["old"]), float(item["new"])
                for value in (old, new):
                    LIVE_SETTINGS[name].valid.check(value)
                if isinstance(step, bool) or not isinstance(step, int) or step < 0:
                    raise ValueError(step)
            except (KeyError, TypeError, ValueError) as exc:
                raise ValueError(
                    translate(
                        "ModelFile",
                        "setting_changes[{i}] must name the iteration, a setting that can "
                        "change during a run ({names}) and its old and new values",
                    ).format(i=i, names=", ".join(LIVE_SETTINGS))
                ) from exc
            changes.append(SettingChange(step, name, old, new))
        return changes

    def reduce(self, target: int) -> None:
        """Keep at most ``target`` records, chosen by :func:`keep_indices` on the cost."""
        keep = keep_indices(self.step, self.cost, target)
        if len(keep) == len(self.step):
            return
        for name in (*SERIES, "grad_norms"):
            values = getattr(self, name)
            setattr(self, name, [values[i] for i in keep])

    def records(self) -> list[Record]:
        """The history as engine records (cost None becomes NaN)."""
        return [
            Record(s, math.nan if c is None else c, a, vc, va, g, p, lr)
            for s, c, vc, a, va, g, p, lr in zip(
                self.step,
                self.cost,
                self.val_cost,
                self.accuracy,
                self.val_accuracy,
                self.grad_norms,
                self.penalty,
                self.learning_rate,
                strict=True,
            )
        ]

    @property
    def layers(self) -> int:
        """L, the number of ‖dW[l]‖ per record (0 when none is known)."""
        return max((len(g) for g in self.grad_norms), default=0)

    def to_dict(self) -> dict[str, list[Any]]:
        """The series as the model file stores them: step, cost, val_cost, accuracy,
        val_accuracy, penalty and learning_rate (each left out when no value is known) and
        norm_dW1 … norm_dWL (None where a value is unknown)."""
        out: dict[str, list[Any]] = {name: list(getattr(self, name)) for name in SERIES}
        for name in OPTIONAL_SERIES:
            if all(v is None for v in out[name]):
                del out[name]
        for l in range(1, self.layers + 1):
            out[f"{NORM_PREFIX}{l}"] = [g[l - 1] if len(g) >= l else None for g in self.grad_norms]
        return out

    @classmethod
    def from_dict(cls, values: Mapping[str, Sequence[Any]]) -> History:
        """The inverse of :meth:`to_dict`; series shorter than "step" are padded with None,
        and a file without norm_dW series gives records without gradient norms."""
        steps = [int(v) for v in values.get("step", [])]
        n = len(steps)

        def series(name: str) -> list[Any]:
            items = list(values.get(name, []))[:n]
            return items + [None] * (n - len(items))

        L = 0
        while f"{NORM_PREFIX}{L + 1}" in values:
            L += 1
        columns = [series(f"{NORM_PREFIX}{l}") for l in range(1, L + 1)]
        norms: list[tuple[float, ...]] = []
        for i in range(n):
            row = [columns[l][i] for l in range(L)]
            known = all(v is not None for v in row)
            norms.append(tuple(float(v) for v in row) if L and known else ())
        return cls(
            step=steps,
            cost=[None if v is None else float(v) for v in series("cost")],
            val_cost=series("val_cost"),
            accuracy=series("accuracy"),
            val_accuracy=series("val_accuracy"),
            grad_norms=norms,
            penalty=[None if v is None else float(v) for v in series("penalty")],
            learning_rate=[None if v is None else float(v) for v in series("learning_rate")],
        )


@dataclass(frozen=True)
class TrainingSettings:
    """What the learner sets for training. ``report_every``: iterations between two history
    points (the engine's ``record_every``; the model file's ``report_every``)."""

    learning_rate: float = 1.2
    epochs: int = 10000
    batch_size: int = 0  # 0 = full batch
    optimizer: str = "gd"
    report_every: int = 10
    optimizer_options: dict[str, float] = field(default_factory=dict)  # e.g. {"beta": 0.9}
    decay_schedule: str = "none"  # learning-rate decay (engine.course2.decay)
    decay_rate: float = 0.0
    decay_interval: int = 1000
    shuffle: str = "seed_per_epoch"  # how mini-batches are drawn (engine.progress.SHUFFLES)
    shuffle_seed: int = 0  # … from this seed


# which state slots each optimizer keeps (see engine.optimizers)
SLOT_PREFIXES = {"gd": set(), "momentum": {"v"}, "rmsprop": {"s"}, "adam": {"v", "s"}}


def optimizer_state_fits(state: Mapping[str, Any] | None, name: str) -> bool:
    """Whether a kept optimizer state (``Optimizer.state_dict()``) belongs to optimizer ``name``:
    momentum keeps v slots, RMSprop s slots, Adam both, gradient descent none."""
    if not state:
        return False
    slots = state.get("slots") or {}
    prefixes = {str(key).split("_", 1)[0] for key in slots}
    if not slots and int(state.get("t", 0) or 0) > 0:
        return name == "gd"
    return prefixes == SLOT_PREFIXES.get(name, set())


def training_config(settings: TrainingSettings, epochs: int | None = None) -> TrainingConfig:
    """The engine's config for ``settings``: the optimizer (name, learning rate, its own
    options only) and a record every ``settings.report_every`` iterations."""
    s = settings
    known = OPTIMIZERS[s.optimizer].hyperparameter_names if s.optimizer in OPTIMIZERS else ()
    every = max(1, int(s.report_every))
    return TrainingConfig(
        learning_rate=s.learning_rate,
        epochs=s.epochs if epochs is None else int(epochs),
        batch_size=s.batch_size,
        optimizer=s.optimizer,
        optimizer_options={k: float(v) for k, v in s.optimizer_options.items() if k in known},
        record_every=every,
        report_every=every,
        decay_schedule=s.decay_schedule,
        decay_rate=s.decay_rate,
        decay_interval=s.decay_interval,
        shuffle=s.shuffle,
        shuffle_seed=s.shuffle_seed,
    )


@dataclass(frozen=True, eq=False)
class RunPlan:
    """Everything one run needs besides the network it trains: ``config`` (the only place the
    learning rate lives), ``optimizer_state`` to continue (None: a fresh optimizer),
    ``start_step`` (the first iteration's number) and ``data`` (X (n0, m), Y, validation)."""

    config: TrainingConfig
    data: TrainingData
    start_step: int = 0
    optimizer_state: dict[str, Any] | None = None

    def run(
        self, network: Network, control: TrainingControl | None = None
    ) -> Iterator[TrainingReport]:
        """The engine's report generator training ``network`` in place with this plan."""
        return train(
            network, self.data, self.config, control, self.optimizer_state, self.start_step
        )

    def total_steps(self) -> int:
        return self.config.total_steps(self.data.m)

    def make_optimizer(self) -> Optimizer:
        """The optimizer this run starts with (for a view that shows its next update)."""
        return self.config.make_optimizer(self.optimizer_state)

    def next_iteration(self, network: Network) -> NextIteration:
        """What this run's first iteration would train ``network`` on — its batch, its dropout
        generator and its optimizer at that epoch's rate (see
        :func:`~nnstudio.engine.next_iteration`) — for a view that shows that iteration before
        it happens."""
        return next_iteration(
            network, self.data, self.config, self.start_step, self.optimizer_state
        )


def plan_run(
    settings: TrainingSettings,
    data: TrainingData,
    history: History,
    optimizer_state: Mapping[str, Any] | None,
    *,
    epochs: int | None = None,
    report_interval: float = 0.0,
    report_every: int | None = None,
    copy_params: bool = True,
    network: Network | None = None,
) -> RunPlan:
    """The run that trains ``settings.epochs`` (or ``epochs``) more epochs after ``history``.

    It continues ``optimizer_state`` when the history is not empty and the state belongs to
    the same kind of optimizer. ``report_interval`` / ``report_every`` / ``copy_params`` only
    pace the reports (a window wants a few a second with copies of the weights, a script
    fewer); what is recorded does not depend on them.

    Raises, before anything runs, a ValueError whose message says what is wrong: an unknown
    optimizer or option, or a :class:`~nnstudio.engine.HyperparameterError` naming the setting
    out of its range; and, when the ``network`` to train is given,
    :func:`~nnstudio.engine.checks.check_training`'s
    :class:`~nnstudio.engine.TrainingDataError` (no samples, X or Y that do not fit the network,
    NaN, labels the loss cannot use) or :class:`~nnstudio.engine.NotEnoughMemoryError` (with
    the estimate and a batch size that fits)."""
    config = training_config(settings, epochs)
    config.make_optimizer()  # the settings make an optimizer, or ValueError says why not
    if network is not None:
        check_training(network, data, config)
    config = replace(
        config,
        report_every=config.report_every if report_every is None else max(1, report_every),
        report_interval=float(report_interval),
        copy_params=copy_params,
    )
    keep = history.step and optimizer_state_fits(optimizer_state, config.optimizer)
    state = dict(optimizer_state) if keep and optimizer_state is not None else None
    return RunPlan(config, data, history.last_step, state)
