"""Learning-rate decay: the schedules of the course.

With α₀ the initial rate and e the epoch number (from 0):

- ``"none"``: α = α₀;
- ``"inverse"``: α = α₀ / (1 + decay_rate · e);
- ``"scheduled"``: α = α₀ / (1 + decay_rate · ⌊e / interval⌋) (fixed-interval scheduling: the
  rate drops only every ``interval`` epochs);
- ``"exponential"``: α = α₀ · decay_rate^e (decay_rate below 1).

As in the course's training loop the rate is updated after each epoch: epoch 0 trains with α₀,
epoch e ≥ 1 with ``decayed_learning_rate(α₀, e − 1, …)``.
"""

from __future__ import annotations

import math

from ...text import translate

# the schedules, keyed by the names the model file stores
LR_SCHEDULES = ("none", "inverse", "scheduled", "exponential")


def decayed_learning_rate(
    learning_rate0: float,
    epoch: int,
    schedule: str,
    decay_rate: float,
    interval: int = 1000,
) -> float:
    """The learning rate after ``epoch`` under ``schedule`` (see the module's formulas)."""
    if schedule == "none":
        return learning_rate0
    if schedule == "inverse":
        return learning_rate0 / (1 + decay_rate * epoch)
    if schedule == "scheduled":
        return learning_rate0 / (1 + decay_rate * math.floor(epoch / interval))
    if schedule == "exponential":
        return learning_rate0 * decay_rate**epoch
    raise ValueError(unknown_schedule(schedule))


def unknown_schedule(schedule: str) -> str:
    return translate(
        "TrainingConfig", "unknown learning-rate schedule {name!r}; choose one of {known}"
    ).format(name=schedule, known=", ".join(LR_SCHEDULES))


def check_decay(schedule: str, decay_rate: float, interval: int) -> str | None:
    """None when the decay settings can be used, else the reason (translated)."""
    if schedule not in LR_SCHEDULES:
        return unknown_schedule(schedule)
    if not math.isfinite(decay_rate) or decay_rate < 0:
        return translate(
            "TrainingConfig", "the decay rate must be a finite number ≥ 0, not {value}"
        ).format(value=decay_rate)
    if schedule == "exponential" and not 0 < decay_rate <= 1:
        return translate(
            "TrainingConfig",
            "exponential decay multiplies the rate by the decay rate every epoch: it must be "
            "above 0 and at most 1, not {value}",
        ).format(value=decay_rate)
    if interval < 1:
        return translate(
            "TrainingConfig", "the decay interval must be at least 1 epoch, not {value}"
        ).format(value=interval)
    return None


class EpochRates:
    """The learning rate each epoch trains with: epoch 0 with α₀, epoch e ≥ 1 with
    ``decayed_learning_rate(α₀, e − 1, …)`` (the course updates the rate after each epoch)."""

    def __init__(
        self, learning_rate0: float, schedule: str, decay_rate: float, interval: int
    ) -> None:
        self.learning_rate0 = float(learning_rate0)
        self.schedule = schedule
        self.decay_rate = float(decay_rate)
        self.interval = int(interval)

    def rate(self, epoch: int) -> float:
        if epoch <= 0:
            return self.learning_rate0
        return decayed_learning_rate(
            self.learning_rate0, epoch - 1, self.schedule, self.decay_rate, self.interval
        )
