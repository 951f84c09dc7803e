"""What a training run takes and gives, apart from the loop itself: its data and configuration,
the records and reports it yields, the divergence facts, the control a caller uses to stop,
pause, step, pace it or change a live setting (:data:`LIVE_SETTINGS`), and the names of its
statuses.

:mod:`.training` holds the loop (``train``) that uses them.
"""

from __future__ import annotations

import math
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

import numpy as np

from ..text import translate
from .checks import check_input
from .course2.decay import check_decay
from .network import Array, Network
from .optimizers import L1_STRENGTH, L2_STRENGTH, LEARNING_RATE, Optimizer, Range, make_optimizer

# How mini-batches are shuffled (the names the model file stores). Epoch e (from 0):
# "seed_per_epoch", as the course does: RandomState(shuffle_seed + e).permutation(m), re-seeded
# every epoch, so a run with the course's seeds draws its batches; "one_generator", as
# NN Studio did before: the e-th permutation(m) of one RandomState(shuffle_seed) made at the
# start of a run (files from before format 3 keep it, so their runs stay reproducible).
SHUFFLES = ("seed_per_epoch", "one_generator")

RUNNING, PAUSED, FINISHED, STOPPED, DIVERGED = (
    "running",
    "paused",
    "finished",
    "stopped",
    "diverged",
)


@dataclass(frozen=True)
class TrainingData:
    """Training inputs X (n0, m) and labels Y (n[L], m or 1, m); optional validation set.

    The arrays are read as they are when a run first needs them: X checked and converted to a
    network's dtype, and X's samples laid out as rows for gathering mini-batches, are made once
    and kept for later runs on the same data. Change the data by making a new
    ``TrainingData``, not by writing into X."""

    X: Array
    Y: Array
    X_val: Array | None = None
    Y_val: Array | None = None
    # (what, dtype) → the converted X: made on first use, kept for the next runs
    _converted: dict[tuple[str, str], Array] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    @property
    def m(self) -> int:
        return int(self.X.shape[1])

    def inputs(self, net: Network) -> Array:
        """X (n0, m) in ``net``'s dtype, checked (:func:`~.checks.check_input`: the shape, and
        every value finite) and converted once per dtype (no copy when X has that dtype)."""
        key = ("inputs", net.dtype.str)
        X = self._converted.get(key)
        if X is None:
            X = self._converted[key] = check_input(net, self.X)
        return X

    def sample_rows(self, net: Network) -> Array:
        """The samples as C-contiguous rows (m, n0) in ``net``'s dtype: what mini-batches are
        gathered from (w whole rows per batch, rather than w scattered columns of X).

        A view when X is stored sample-major already (X = rows.T); otherwise X is copied once,
        on the first mini-batch run, and the copy is kept for the runs after it."""
        key = ("rows", net.dtype.str)
        rows = self._converted.get(key)
        if rows is None:
            rows = np.ascontiguousarray(self.inputs(net).T)
            self._converted[key] = rows
        return rows


@dataclass(frozen=True)
class TrainingConfig:
    """How to train. ``epochs`` counts passes over the data; with the full batch (the default,
    ``batch_size`` 0) an epoch is one iteration. Every ``record_every`` iterations the cost and
    accuracy are recorded (mini-batches: averaged since the last record); a report is yielded
    every ``report_every`` iterations, but no sooner than ``report_interval`` seconds after the
    previous one.

    Learning-rate decay (:mod:`.course2.decay`): ``decay_schedule`` ("none", "inverse",
    "scheduled", "exponential") with ``decay_rate`` and, for "scheduled", ``decay_interval``
    epochs; ``learning_rate`` is α₀, the rate of epoch 0. Impossible values raise ValueError
    with a message that says what to change.

    Mini-batches are shuffled by ``shuffle`` (see :data:`SHUFFLES`) from ``shuffle_seed``."""

    learning_rate: float = 0.01
    epochs: int = 1000
    batch_size: int = 0
    optimizer: str = "gd"
    optimizer_options: dict[str, float] = field(default_factory=dict)
    shuffle_seed: int = 0
    record_every: int = 10
    report_every: int = 10
    report_interval: float = 0.0
    copy_params: bool = True
    decay_schedule: str = "none"
    decay_rate: float = 0.0
    decay_interval: int = 1000
    shuffle: str = "seed_per_epoch"

    def __post_init__(self) -> None:
        problem = check_decay(self.decay_schedule, self.decay_rate, self.decay_interval)
        if problem:
            raise ValueError(problem)
        if self.shuffle not in SHUFFLES:
            raise ValueError(
                translate(
                    "TrainingConfig", "unknown way of shuffling {name!r}; choose one of {known}"
                ).format(name=self.shuffle, known=", ".join(SHUFFLES))
            )

    def make_optimizer(self, state: Mapping[str, object] | None = None) -> Optimizer:
        """The optimizer these settings describe, continuing ``state`` (``state_dict()``) if
        given. Raises ValueError for an unknown optimizer or option."""
        optimizer = make_optimizer(self.optimizer, self.learning_rate, **self.optimizer_options)
        if state:
            optimizer.load_state_dict(dict(state))
        return optimizer

    def steps_per_epoch(self, m: int) -> int:
        if self.batch_size <= 0 or self.batch_size >= m:
            return 1
        return math.ceil(m / self.batch_size)

    def total_steps(self, m: int) -> int:
        return self.epochs * self.steps_per_epoch(m)


NONFINITE, COST_ROSE = "nonfinite", "cost rose"


@dataclass(frozen=True)
class Divergence:
    """The facts of a run that diverged; the sentence a learner reads is composed from them
    where it is translated (``nnstudio.learn.advice.divergence_text``).

    ``kind`` is ``"nonfinite"`` (a gradient became infinite or NaN; ``layers`` are the layers
    whose dW or db did, in back-propagation order, empty when only the output did) or
    ``"cost rose"`` (the cost stayed far above where the run started; ``layers`` holds the layer
    whose weights grew the most). ``first_cost`` is the run's first recorded cost and
    ``last_cost`` the last one (NaN when none was recorded)."""

    step: int
    kind: str
    layers: tuple[int, ...]
    learning_rate: float
    optimizer: str
    first_cost: float = math.nan
    last_cost: float = math.nan
    init: str = ""


@dataclass(frozen=True)
class Record:
    """Cost and accuracy with the parameters after ``step`` updates, and ``grad_norms``:
    ‖dW[l]‖ for l = 1..L of the gradient that goes with them (full batch: the gradient at
    those parameters; mini-batches: of the last batch before the record). ``penalty`` is the
    regularisation term of ``cost`` (L2 + L1, averaged like the cost; 0.0 without either; None
    when unknown), so the data term is ``cost − penalty``. ``learning_rate`` is the rate in
    use when the record was taken, the one the next update uses (None when unknown)."""

    step: int
    cost: float
    accuracy: float | None
    val_cost: float | None = None
    val_accuracy: float | None = None
    grad_norms: tuple[float, ...] = ()
    penalty: float | None = None
    learning_rate: float | None = None


@dataclass(frozen=True)
class SettingChange:
    """A live setting changed during a run: ``name`` (a key of :data:`LIVE_SETTINGS`) went from
    ``old`` to ``new`` after ``step`` updates, so the update from ``step`` to ``step + 1`` was
    the first to use ``new``."""

    step: int
    name: str
    old: float
    new: float


@dataclass(frozen=True)
class LiveSetting:
    """A setting a running run takes at its next update: its symbol in the course's notation,
    how to read and write it on the run's network and optimizer, and its valid range."""

    symbol: str
    read: Callable[[Network, Optimizer], float]
    write: Callable[[Network, Optimizer, float], None]
    valid: Range


def _set_learning_rate(net: Network, opt: Optimizer, value: float) -> None:
    opt.learning_rate = float(value)


def _set_l2(net: Network, opt: Optimizer, value: float) -> None:
    net.l2 = float(value)  # the gradient's λ/m·W[l] and the cost's λ/(2m)·Σ‖W[l]‖²


def _set_l1(net: Network, opt: Optimizer, value: float) -> None:
    net.l1 = float(value)  # the gradient's λ₁/m·sign(W[l]) and the cost's λ₁/m·Σ|W[l]|


#: The settings a learner may change while a run trains, keyed by the names the model file and
#: the training settings use. Adding one is one entry here (and where the session keeps it).
LIVE_SETTINGS: dict[str, LiveSetting] = {
    "learning_rate": LiveSetting(
        "α", lambda net, opt: opt.learning_rate, _set_learning_rate, LEARNING_RATE
    ),
    "l2": LiveSetting("λ", lambda net, opt: net.l2, _set_l2, L2_STRENGTH),
    "l1": LiveSetting("λ₁", lambda net, opt: net.l1, _set_l1, L1_STRENGTH),
}


@dataclass(frozen=True)
class TrainingReport:
    step: int  # updates done so far (counting from ``start_step``)
    total_steps: int
    epoch: int
    status: str
    records: tuple[Record, ...]  # recorded since the previous report
    grad_norms: tuple[float, ...] = ()  # ‖dW[l]‖ for l = 1..L at the last update
    params: dict[str, Array] | None = None
    elapsed: float = 0.0
    steps_per_second: float = 0.0
    divergence: Divergence | None = None
    # the optimizer's ``state_dict()`` in a run's last report (finished, stopped, diverged)
    optimizer_state: dict[str, object] | None = None
    changes: tuple[SettingChange, ...] = ()  # live settings changed since the previous report
    # batch normalisation's running averages ({"mean1": …, "var1": …}), copied with ``params``
    running: dict[str, Array] | None = None

    @property
    def last(self) -> Record | None:
        return self.records[-1] if self.records else None

    @property
    def cost(self) -> float | None:
        return self.records[-1].cost if self.records else None

    @property
    def train_accuracy(self) -> float | None:
        return self.records[-1].accuracy if self.records else None

    @property
    def val_cost(self) -> float | None:
        return self.records[-1].val_cost if self.records else None

    @property
    def val_accuracy(self) -> float | None:
        return self.records[-1].val_accuracy if self.records else None


class TrainingControl:
    """Thread-safe stop / pause / resume / single-step requests, checked between steps; the
    pace (a delay between two updates) and changes of live settings, taken before a step."""

    def __init__(self, paused: bool = False, delay: float = 0.0) -> None:
        self._cond = threading.Condition()
        self._stop = False
        self._paused = paused
        self._step_tokens = 0
        self._delay = max(0.0, float(delay))  # seconds from one update to the next; 0: no wait
        self._pending: dict[str, float] = {}  # live settings for the next update

    @property
    def delay(self) -> float:
        return self._delay

    def set_delay(self, seconds: float) -> None:
        """Space the updates ``seconds`` apart from now on (0: as fast as possible); a wait
        under way ends at once."""
        with self._cond:
            self._delay = max(0.0, float(seconds))
            self._cond.notify_all()

    def change(self, name: str, value: float) -> None:
        """Use ``value`` for the live setting ``name`` (:data:`LIVE_SETTINGS`) from the next
        update on. Raises KeyError for another name, HyperparameterError out of its range."""
        LIVE_SETTINGS[name].valid.check(value)
        with self._cond:
            self._pending[name] = float(value)

    def _take_changes(self) -> dict[str, float]:
        with self._cond:
            pending, self._pending = self._pending, {}
        return pending

    def _wait_pace(self, timeout: float) -> None:
        """Wait up to ``timeout`` seconds; a stop, a pause or a new delay ends the wait."""
        delay = self._delay
        with self._cond:
            self._cond.wait_for(lambda: self._stop or self._paused or self._delay != delay, timeout)

    @property
    def stop_requested(self) -> bool:
        return self._stop

    @property
    def paused(self) -> bool:
        return self._paused

    def should_stop(self) -> bool:
        """Whether a stop was requested (asked between the layers of a step, so a plain read)."""
        return self._stop

    def stop(self) -> None:
        with self._cond:
            self._stop = True
            self._cond.notify_all()

    def pause(self) -> None:
        with self._cond:
            self._paused = True
            self._cond.notify_all()

    def resume(self) -> None:
        with self._cond:
            self._paused = False
            self._cond.notify_all()

    def step(self, count: int = 1) -> None:
        """While paused, allow exactly ``count`` more updates."""
        with self._cond:
            self._step_tokens += count
            self._cond.notify_all()

    def _may_step(self) -> bool:
        if not self._paused:  # the common case needs no lock: a plain read of a flag
            return True
        with self._cond:
            if not self._paused:
                return True
            if self._step_tokens > 0:
                self._step_tokens -= 1
                return True
            return False

    def wait_while_paused(self, timeout: float | None = None) -> None:
        with self._cond:
            self._cond.wait_for(
                lambda: self._stop or not self._paused or self._step_tokens > 0, timeout
            )
