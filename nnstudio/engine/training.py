"""The training loop as a plain generator of frozen progress reports.

``train(network, data, config, control)`` runs gradient steps on ``network`` in place and yields
a :class:`TrainingReport` every ``config.report_every`` steps, whenever it pauses, and once at
the end. Between any two steps it honours :class:`TrainingControl` (stop, pause, resume, step);
a stop request also ends a step between two of its matrix products, keeping the parameters of
the last update and recording that iteration with cost NaN (not measured: that would take as long
as the step), so that Stop answers within one layer's work even when a step takes minutes.
Reports carry copies, never arrays the loop is still changing. A non-finite gradient stops the
run with status ``"diverged"`` and the last finite parameters in place.

The optimizer is described by the config alone (name, learning rate, options): ``train`` builds
it, continuing an earlier run's ``optimizer_state`` when given, and hands its state back in the
run's last report, so the learning rate has exactly one home.

While it runs, the control may space the updates (``TrainingControl.set_delay``: the loop waits
on the control between two updates, never spinning, and a stop or pause ends the wait) and change
a live setting (``TrainingControl.change``: learning rate α, L2 λ, L1 λ₁), which the next
update uses; each change is reported as a :class:`SettingChange`. A run without either
computes exactly what it always did.
"""

from __future__ import annotations

import math
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace

import numpy as np

from .checks import check_training
from .course2.decay import EpochRates
from .fast_step import TrainingStep
from .network import Array, Network, output_accuracy
from .next_iteration import BatchOrder, dropout_generator
from .optimizers import Optimizer
from .progress import (
    COST_ROSE,
    DIVERGED,
    FINISHED,
    LIVE_SETTINGS,
    NONFINITE,
    PAUSED,
    RUNNING,
    STOPPED,
    Divergence,
    Record,
    SettingChange,
    TrainingConfig,
    TrainingControl,
    TrainingData,
    TrainingReport,
)

EXPLOSION_FACTOR = 10.0
EXPLOSION_RECORDS = 3
PACE_SLACK = 0.05  # s: a paced run this far behind its schedule starts a new one (no burst)
# s: a paced run waits only when this far ahead of its schedule, and catches up meanwhile; so
# it wakes at most 100 times a second (each wake may wait for the GIL, up to its 5 ms switch
# interval while the GUI thread runs Python), and one update per frame at 60 Hz still waits
PACE_MIN_WAIT = 0.01


def _fastest_growing_layer(net: Network, start_norms: list[float]) -> int:
    growth = [
        float(np.linalg.norm(net.params[f"W{l}"])) / (start_norms[l - 1] or 1.0)
        for l in range(1, net.L + 1)
    ]
    return int(np.argmax(growth)) + 1


def evaluate(net: Network, X: Array, Y: Array) -> tuple[float, float | None]:
    """Cost and accuracy of ``net`` on (X, Y)."""
    AL, _ = net.forward(X)
    Yl = net.as_labels(Y)
    return net.cost(AL, Yl), output_accuracy(net, AL, Yl)


def _measure(
    net: Network, X: Array, Y: Array
) -> tuple[float, float | None, tuple[float, ...], float]:
    """Cost, accuracy, ‖dW[l]‖ (l = 1..L) and the cost's regularisation term of ``net`` on
    X (n0, m) and labels Y (n[L], m)."""
    AL, cache = net.forward(X)
    grads = net.backward(Y, cache)
    penalty = net.penalty_cost(AL.shape[1])
    return net.cost(AL, Y), output_accuracy(net, AL, Y), _grad_norms(grads, net.L), penalty


def _nonfinite_layers(grads: dict[str, Array], L: int) -> tuple[int, ...]:
    return tuple(
        l
        for l in range(L, 0, -1)
        if not (np.isfinite(grads[f"dW{l}"]).all() and np.isfinite(grads[f"db{l}"]).all())
    )


def train(
    net: Network,
    data: TrainingData,
    config: TrainingConfig,
    control: TrainingControl | None = None,
    optimizer_state: Mapping[str, object] | None = None,
    start_step: int = 0,
) -> Iterator[TrainingReport]:
    """Train ``net`` in place and yield reports. The optimizer is ``config.make_optimizer``,
    continuing ``optimizer_state`` (an earlier run's ``state_dict()``) when given; the last
    report carries its state. ``start_step`` numbers the iterations after an earlier run's.

    Every ``config.record_every`` iterations a :class:`Record` (cost, accuracy, ‖dW[l]‖) is
    taken; each reaches exactly one report. Each iteration is what ``net.forward``,
    ``net.backward`` and ``optimizer.update`` compute, done by a
    :class:`~.fast_step.TrainingStep` in buffers allocated once for the run. Dropout masks come
    from ``net.rng``, which a continued run (``start_step`` > 0) re-seeds with seed + start_step
    so that it does not repeat the first run's masks."""
    control = control or TrainingControl()
    opt = config.make_optimizer(optimizer_state)
    check_training(net, data, config)  # the data, its labels and the memory: before any step
    X = data.inputs(net)
    X_val = Y_val = None
    if data.X_val is not None and data.Y_val is not None and data.X_val.shape[1] > 0:
        X_val, Y_val = net.as_input(data.X_val), net.as_labels(data.Y_val)
    has_val = X_val is not None
    m = X.shape[1]
    per_epoch = config.steps_per_epoch(m)
    total = config.total_steps(m)
    full_batch = per_epoch == 1
    record_every = max(1, config.record_every)
    report_every = max(1, config.report_every)
    classifies = net.activations[-1] != "linear"

    # mini-batches for a softmax output can make their one-hot columns from the class indices
    labels = None if full_batch else net._class_indices(data.Y)
    Y = None if labels is not None else np.ascontiguousarray(net.as_labels(data.Y))
    net.rng = dropout_generator(net, start_step)
    fast = TrainingStep(net, opt, m if full_batch else config.batch_size, batched=not full_batch)
    if full_batch:
        assert Y is not None
        if not (X.flags.c_contiguous or X.flags.f_contiguous):
            X = np.ascontiguousarray(X)
        fast.use_full_batch(X, Y)
        batches = None
    else:
        first_epoch = start_step // per_epoch  # (seed_per_epoch: the run's first epoch number)
        batches = _Batches(data.sample_rows(net), Y, labels, BatchOrder(m, config, first_epoch))

    rates = EpochRates.of(config)  # learning-rate decay: epoch e trains with rates.rate(e)
    if rates is not None:
        opt.learning_rate = rates.rate(start_step // per_epoch)

    started = last_report_time = time.perf_counter()
    checkpoint = _Checkpoint.take(net, opt)
    start_norms = [float(np.linalg.norm(net.params[f"W{l}"])) for l in range(1, net.L + 1)]
    records: list[Record] = []
    changes: list[SettingChange] = []
    pace = _Pace()
    costs_seen: list[float] = []  # first cost of the run, then the recent run of exploded costs
    last_cost = [math.nan]  # the last recorded cost (for a divergence)
    grad_norms: tuple[float, ...] | None = None  # None: read them from the step's buffers
    stepped = interrupted = False
    cost_sum, acc_sum, penalty_sum, n_batches = 0.0, 0.0, 0.0, 0
    step = 0

    last_at: int | None = None  # the iteration of the latest record

    def record(
        cost: float, accuracy: float | None, norms: tuple[float, ...], penalty: float
    ) -> None:
        nonlocal last_at
        if last_at == start_step + step:
            return  # already recorded here (a run resumed after a pause)
        last_at = start_step + step
        val_cost = val_acc = None
        if has_val:
            val_cost, val_acc = evaluate(net, X_val, Y_val)  # type: ignore[arg-type]
        at, lr = start_step + step, opt.learning_rate
        records.append(Record(at, cost, accuracy, val_cost, val_acc, norms, penalty, lr))
        last_cost[0] = cost
        if not costs_seen or cost > max(EXPLOSION_FACTOR * costs_seen[0], costs_seen[0] + 1.0):
            costs_seen.append(cost)
        else:
            del costs_seen[1:]

    def measure_here() -> None:
        """A record of the parameters as they are now, unless one was taken at this step."""
        if last_at != start_step + step:
            with _quiet():  # as for the records taken during training
                record(*_measure(net, X, net.as_labels(data.Y) if Y is None else Y))

    def exploded() -> Divergence | None:
        """The cost stayed far above where this run started for several records."""
        if len(costs_seen) <= EXPLOSION_RECORDS:
            return None
        layer = _fastest_growing_layer(net, start_norms)
        return diverged(start_step + step, COST_ROSE, (layer,), costs_seen[-1])

    def diverged(at: int, kind: str, layers: tuple[int, ...], cost: float) -> Divergence:
        first = costs_seen[0] if costs_seen else math.nan
        lr, init = opt.learning_rate, net.spec.init
        return Divergence(at, kind, layers, lr, opt.name, first, cost, init)

    def report(status: str, divergence: Divergence | None = None) -> TrainingReport:
        nonlocal last_report_time
        last_report_time = time.perf_counter()
        elapsed = last_report_time - started
        norms = grad_norms if grad_norms is not None else fast.grad_norms() if stepped else ()
        out = TrainingReport(
            step=start_step + step,
            total_steps=start_step + total,
            epoch=step // per_epoch,
            status=status,
            records=tuple(records),
            changes=tuple(changes),
            grad_norms=norms,
            params={k: v.copy() for k, v in net.params.items()} if config.copy_params else None,
            running={k: v.copy() for k, v in net.running.items()} if config.copy_params else None,
            elapsed=elapsed,
            steps_per_second=step / elapsed if elapsed > 0 else 0.0,
            divergence=divergence,
            optimizer_state=opt.state_dict() if status in (FINISHED, STOPPED, DIVERGED) else None,
        )
        records.clear()
        changes.clear()
        return out

    while step < total:
        # Steps run back to back until something has to be yielded; floating-point warnings
        # are silenced meanwhile (overflow is detected and explained, not warned about).
        status: str | None = None
        divergence: Divergence | None = None
        with _quiet():
            while step < total:
                if control._stop:
                    status = STOPPED
                    break
                if control._paused and not control._may_step():
                    status = PAUSED
                    break
                if control._delay > 0.0 and not control._paused:  # (not between single steps)
                    pace.wait(control)
                    if control._stop or control._paused:
                        continue  # decided at the top of the loop
                if control._pending:
                    done = _apply_changes(control, net, opt, start_step + step)
                    changes.extend(done)
                    if rates is not None and any(c.name == "learning_rate" for c in done):
                        rates.learning_rate0 = opt.learning_rate  # a new α₀, decayed as before
                        opt.learning_rate = rates.rate((start_step + step) // per_epoch)
                    fast.rebind()
                if batches is not None:
                    batches.load_next(fast)
                stepped = True
                grads = None
                finite = fast.compute(control.should_stop)
                if fast.interrupted:  # a stop between two layers: the parameters are untouched
                    status, interrupted, grad_norms = STOPPED, True, ()
                    break
                if not finite:
                    # The reference computation decides, exactly as it always has.
                    # (the same units dropped, if any; the batch's statistics, if normalised)
                    masks = fast.masks()
                    cache = net.forward(fast.X, bool(masks), masks=masks, batch_stats=True)[1]
                    grads = net.backward(fast.Y, cache)
                    if not _all_finite(grads, net.L):
                        grad_norms = _grad_norms(grads, net.L)
                        checkpoint.restore_if_needed(net, opt)
                        at = start_step + step + 1
                        bad = _nonfinite_layers(grads, net.L)
                        status, divergence = DIVERGED, diverged(at, NONFINITE, bad, last_cost[0])
                        break
                if full_batch:
                    if step % record_every == 0:
                        # ‖dW[l]‖ of the gradient just computed, at the recorded parameters
                        norms = fast.grad_norms() if grads is None else _grad_norms(grads, net.L)
                        cost, penalty = fast.cost_terms()
                        record(cost, fast.accuracy() if classifies else None, norms, penalty)
                else:
                    cost, penalty = fast.cost_terms()
                    cost_sum += cost
                    penalty_sum += penalty
                    acc_sum += (fast.accuracy() or 0.0) if classifies else 0.0
                    n_batches += 1
                if grads is None:
                    fast.apply()
                else:  # finite after all: the reference update with the reference gradients
                    opt.update(net.params, grads)
                step += 1
                if rates is not None and step % per_epoch == 0:  # the next epoch's rate
                    opt.learning_rate = rates.rate((start_step + step) // per_epoch)
                if not full_batch and (step % record_every == 0 or step % per_epoch == 0):
                    # averaged over the batches since the last record, stamped with the updates;
                    # the gradient norms are the last batch's
                    norms = fast.grad_norms() if grads is None else _grad_norms(grads, net.L)
                    accuracy = acc_sum / n_batches if classifies else None
                    record(cost_sum / n_batches, accuracy, norms, penalty_sum / n_batches)
                    cost_sum, acc_sum, penalty_sum, n_batches = 0.0, 0.0, 0.0, 0
                if len(costs_seen) > EXPLOSION_RECORDS:
                    status, divergence = DIVERGED, exploded()
                    break
                if (
                    step % report_every == 0
                    and step < total
                    and time.perf_counter() - last_report_time >= config.report_interval
                ):
                    checkpoint = _Checkpoint.take(net, opt)
                    status = RUNNING
                    break
        if status is None:
            break
        if interrupted:  # measuring would take as long as the step just abandoned
            if last_at != start_step + step:
                records.append(Record(start_step + step, math.nan, None, None, None, ()))
        elif status != RUNNING:
            measure_here()  # a pause, a single step or the end shows the cost where it is
            if divergence is not None and divergence.kind == COST_ROSE:
                # the cost it quotes is the one recorded at the iteration it names
                divergence = replace(divergence, last_cost=last_cost[0])
        yield report(status, divergence)
        if status in (STOPPED, DIVERGED):
            return
        if status == PAUSED:
            control.wait_while_paused()
        fast.rebind()  # the caller may have changed the parameters or the optimizer meanwhile
    measure_here()
    yield report(FINISHED)


def _apply_changes(
    control: TrainingControl, net: Network, opt: Optimizer, at: int
) -> list[SettingChange]:
    """Set the live settings the control holds for the next update; the ones that changed."""
    done = []
    for name, value in control._take_changes().items():
        setting = LIVE_SETTINGS[name]
        old = float(setting.read(net, opt))
        if value != old:
            setting.write(net, opt, value)
            done.append(SettingChange(at, name, old, value))
    return done


class _Pace:
    """Updates ``control.delay`` seconds apart on average: before an update, wait on the
    control until it is due, when that is PACE_MIN_WAIT or more ahead (else the updates
    run on, catching up). The schedule is kept (a late update is followed by sooner ones)
    unless the run falls more than PACE_SLACK behind or the delay changes, which starts a new
    schedule."""

    def __init__(self) -> None:
        self.due = 0.0
        self.delay = -1.0

    def wait(self, control: TrainingControl) -> None:
        now, delay = time.perf_counter(), control._delay
        if delay != self.delay or now - self.due > PACE_SLACK:
            self.due, self.delay = now, delay
        if self.due - now >= PACE_MIN_WAIT:
            control._wait_pace(self.due - now)
        self.due += delay


def _quiet() -> np.errstate:
    return np.errstate(over="ignore", invalid="ignore", divide="ignore", under="ignore")


def _all_finite(grads: dict[str, Array], L: int) -> bool:
    total = 0.0
    for l in range(1, L + 1):
        total += float(grads[f"dW{l}"].sum()) + float(grads[f"db{l}"].sum())
    return math.isfinite(total)


def _grad_norms(grads: dict[str, Array], L: int) -> tuple[float, ...]:
    return tuple(float(np.linalg.norm(grads[f"dW{l}"])) for l in range(1, L + 1))


class _Batches:
    """Loads the step's batches in ``order`` from ``rows`` (m, n0), C-contiguous
    (``TrainingData.sample_rows``), and Y or the class ``labels``."""

    def __init__(
        self, rows: Array, Y: Array | None, labels: Array | None, order: BatchOrder
    ) -> None:
        self.rows, self.Y, self.order = rows, Y, order
        self.labels = None if labels is None else labels.astype(np.intp, copy=False)

    def load_next(self, fast: TrainingStep) -> None:
        fast.load_batch(self.rows, self.Y, self.order.next_samples(), self.labels)


@dataclass
class _Checkpoint:
    """Parameters and optimizer state at a known-finite moment."""

    params: dict[str, Array]
    optimizer_state: dict[str, object]

    @classmethod
    def take(cls, net: Network, opt: Optimizer) -> _Checkpoint:
        return cls({k: v.copy() for k, v in net.params.items()}, opt.state_dict())

    def restore_if_needed(self, net: Network, opt: Optimizer) -> None:
        """Keep the current parameters if they are all finite, else go back to this checkpoint."""
        if all(np.isfinite(v).all() for v in net.params.values()):
            return
        for k, v in self.params.items():
            net.params[k][...] = v
        opt.load_state_dict(self.optimizer_state)
