"""Learning-rate decay: the schedules against their formulas, and training with them."""

import math

import numpy as np
import pytest

from nnstudio.engine import (
    Network,
    TrainingConfig,
    TrainingControl,
    TrainingData,
    decayed_learning_rate,
    train,
)
from nnstudio.engine.optimizers import GradientDescent


def test_none_keeps_the_rate():
    assert decayed_learning_rate(0.3, 500, "none", 2.0) == 0.3


@pytest.mark.parametrize("epoch", [0, 1, 2, 7, 100])
def test_inverse_decay_is_alpha0_over_one_plus_decay_times_epoch(epoch):
    assert decayed_learning_rate(0.5, epoch, "inverse", 1.0) == 0.5 / (1 + 1.0 * epoch)
    assert decayed_learning_rate(0.5, 2, "inverse", 1.0) == pytest.approx(1 / 6)


def test_scheduled_decay_drops_only_every_interval_epochs():
    rates = [decayed_learning_rate(0.5, e, "scheduled", 1.0, interval=1000) for e in
             (0, 999, 1000, 1999, 2000, 2500)]  # fmt: skip
    assert rates == [0.5, 0.5, 0.25, 0.25, 0.5 / 3, 0.5 / 3]
    assert decayed_learning_rate(0.2, 10, "scheduled", 0.5, interval=3) == 0.2 / (1 + 0.5 * 3)


def test_exponential_decay_multiplies_by_the_rate_every_epoch():
    assert decayed_learning_rate(0.1, 0, "exponential", 0.95) == 0.1
    assert decayed_learning_rate(0.1, 3, "exponential", 0.95) == 0.1 * 0.95**3
    assert decayed_learning_rate(0.1, 3, "exponential", 0.95) == pytest.approx(0.0857375)


def test_an_unknown_schedule_or_impossible_settings_are_refused_with_a_reason():
    with pytest.raises(ValueError, match="schedule"):
        decayed_learning_rate(0.1, 3, "cosine", 0.5)
    with pytest.raises(ValueError, match="schedule"):
        TrainingConfig(decay_schedule="cosine")
    with pytest.raises(ValueError, match="decay rate"):
        TrainingConfig(decay_schedule="inverse", decay_rate=-1.0)
    with pytest.raises(ValueError, match="at most 1"):
        TrainingConfig(decay_schedule="exponential", decay_rate=1.5)
    with pytest.raises(ValueError, match="interval"):
        TrainingConfig(decay_schedule="scheduled", decay_rate=1.0, decay_interval=0)
    with pytest.raises(ValueError, match="decay rate"):
        TrainingConfig(decay_schedule="inverse", decay_rate=math.inf)


def data(m=24, seed=0):
    rs = np.random.RandomState(seed)
    X = rs.randn(2, m)
    return TrainingData(X, (X[0:1] * X[1:2] > 0).astype(float))


@pytest.mark.parametrize(
    ("schedule", "rate"), [("inverse", 0.5), ("scheduled", 1.0), ("exponential", 0.9)]
)
def test_full_batch_training_decays_the_rate_after_each_epoch(schedule, rate):
    """Epoch 0 trains with α₀, epoch e ≥ 1 with decayed(α₀, e − 1); every record carries the
    rate the next update uses."""
    d = data()
    net = Network([2, 4, 1], ["tanh", "sigmoid"], seed=2)
    reference = net.copy()
    config = TrainingConfig(
        learning_rate=0.8,
        epochs=12,
        record_every=1,
        decay_schedule=schedule,
        decay_rate=rate,
        decay_interval=4,
    )
    records = [r for report in train(net, d, config) for r in report.records]
    expected = [
        0.8 if e == 0 else decayed_learning_rate(0.8, e - 1, schedule, rate, 4) for e in range(12)
    ]
    assert [r.learning_rate for r in records[:12]] == expected
    assert records[-1].step == 12
    Y = reference.as_labels(d.Y)
    for e in range(12):  # the readable loop of the course
        _AL, cache = reference.forward(d.X)
        GradientDescent(expected[e]).update(reference.params, reference.backward(Y, cache))
    for name in net.params:
        np.testing.assert_array_equal(net.params[name], reference.params[name], err_msg=name)


def test_mini_batch_training_changes_the_rate_only_between_epochs():
    d = data(m=20)
    net = Network([2, 3, 1], ["relu", "sigmoid"], seed=1)
    config = TrainingConfig(
        learning_rate=0.1, epochs=3, batch_size=8, record_every=1,
        decay_schedule="inverse", decay_rate=1.0,
    )  # fmt: skip
    records = [r for report in train(net, d, config) for r in report.records]
    by_step = {r.step: r.learning_rate for r in records}
    # 3 batches an epoch: records after updates 1, 2 use α₀; after update 3 (end of epoch 0)
    # the rate of epoch 1, decayed(α₀, 0) = α₀; after update 6 decayed(α₀, 1) = α₀ / 2
    assert by_step[1] == by_step[2] == by_step[3] == 0.1
    assert by_step[4] == by_step[5] == 0.1
    assert by_step[6] == by_step[7] == 0.05


def test_without_decay_the_records_carry_the_constant_rate():
    config = TrainingConfig(learning_rate=0.3, epochs=5, record_every=1)
    records = [r for rep in train(Network([2, 3, 1], ["relu", "sigmoid"]), data(), config)
               for r in rep.records]  # fmt: skip
    assert {r.learning_rate for r in records} == {0.3}


def test_a_live_change_of_the_rate_sets_a_new_alpha0():
    control = TrainingControl(paused=True)
    config = TrainingConfig(
        learning_rate=1.0, epochs=6, record_every=1, decay_schedule="inverse", decay_rate=1.0
    )
    run = train(Network([2, 3, 1], ["tanh", "sigmoid"]), data(), config, control)
    control.step(3)
    records = []
    report = next(run)
    while report.status != "finished":
        records += report.records
        if report.step == 3:
            control.change("learning_rate", 0.5)
            control.resume()
        else:
            control.step(3)
        report = next(run)
    records += report.records
    rates = {r.step: r.learning_rate for r in records}
    assert rates[3] == 1.0 / 3  # decayed(1.0, 2) before the change was taken
    assert rates[4] == 0.5 / 4  # then α₀ = 0.5: epoch 4 trains with decayed(0.5, 3)
