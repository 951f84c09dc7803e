"""What a run's iterations train on, and the first one of them before it happens.

``train(net, data, config, start_step=s)`` trains its first iteration on the first batch of a
fresh :class:`BatchOrder` for epoch s // (iterations per epoch) — all the samples in full
batch — draws its dropout masks from :func:`dropout_generator` and updates with the learning
rate of that epoch (decay included). :func:`next_iteration` returns the three without
training, from the same pieces ``train`` uses, so a step-through of "the next iteration" is
that iteration.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from .course2.decay import EpochRates
from .network import Array, Network
from .optimizers import Optimizer
from .progress import TrainingConfig, TrainingData


@dataclass(frozen=True)
class NextIteration:
    """The first iteration of a run: its batch X (n0, w) and Y (as ``data.Y``, the batch's
    columns), the batch's sample indices (None in full batch: all m), a generator in the
    state its dropout masks are drawn from (a copy: drawing from it changes nothing else) and
    the optimizer it updates with (continuing the given state, with that epoch's rate)."""

    X: Array
    Y: Array
    samples: Array | None
    rng: np.random.RandomState
    optimizer: Optimizer


class BatchOrder:
    """Mini-batches: each epoch e a fresh permutation of the m samples cut into consecutive
    runs of ``batch_size``; the permutation is ``RandomState(shuffle_seed + e).permutation(m)``
    ("seed_per_epoch", the course's) or the next ``permutation(m)`` of one
    ``RandomState(shuffle_seed)`` ("one_generator", NN Studio's before format 3)."""

    def __init__(self, m: int, config: TrainingConfig, first_epoch: int) -> None:
        self.seed = config.shuffle_seed
        self.epoch = first_epoch
        self.per_epoch_seed = config.shuffle == "seed_per_epoch"
        self.rs = np.random.RandomState(config.shuffle_seed)
        self.m = m
        self.batch_size = config.batch_size
        self.order = np.empty(0, dtype=np.intp)
        self.start = m

    def next_samples(self) -> Array:
        """The indices of the next batch's samples (a view of this epoch's permutation)."""
        if self.start >= self.m:
            if self.per_epoch_seed:
                self.rs = np.random.RandomState((self.seed + self.epoch) % 2**32)
            self.order = self.rs.permutation(self.m)
            self.start = 0
            self.epoch += 1
        stop = self.start + self.batch_size
        samples = self.order[self.start : stop]
        self.start = stop
        return samples


def dropout_generator(net: Network, start_step: int) -> np.random.RandomState:
    """The generator ``train`` draws dropout masks from: ``net.rng``, except that a run going
    on from iteration ``start_step`` > 0 with dropout starts a fresh RandomState(seed +
    start_step), so that it does not repeat the first run's masks."""
    if start_step and net.spec.uses_dropout:
        return np.random.RandomState((net.spec.seed + start_step) % 2**32)
    return net.rng


def epoch_learning_rate(config: TrainingConfig, epoch: int) -> float:
    """The learning rate iterations of ``epoch`` (from 0) train with, decay included."""
    rates = EpochRates.of(config)
    return config.learning_rate if rates is None else rates.rate(epoch)


def next_iteration(
    net: Network,
    data: TrainingData,
    config: TrainingConfig,
    start_step: int = 0,
    optimizer_state: Mapping[str, object] | None = None,
) -> NextIteration:
    """What ``train(net, data, config, optimizer_state=…, start_step=…)`` would train its first
    iteration on; ``net`` is not changed (its generator is copied, not drawn from)."""
    m = data.m
    per_epoch = config.steps_per_epoch(m)
    epoch = start_step // per_epoch
    optimizer = config.make_optimizer(optimizer_state)
    optimizer.learning_rate = epoch_learning_rate(config, epoch)
    rng = np.random.RandomState()
    rng.set_state(dropout_generator(net, start_step).get_state())
    X, Y = np.asarray(data.X), np.asarray(data.Y)
    if per_epoch == 1:
        return NextIteration(X, Y, None, rng, optimizer)
    samples = BatchOrder(m, config, epoch).next_samples()
    Y_columns = Y.reshape(-1, m)
    return NextIteration(X[:, samples], Y_columns[:, samples], samples, rng, optimizer)
