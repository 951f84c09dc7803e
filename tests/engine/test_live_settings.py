"""Settings changed while a run trains (learning rate α, L2 λ) and the pace of a run."""

from __future__ import annotations

import threading
import time

import numpy as np
import pytest

from nnstudio.data import make_dataset
from nnstudio.engine import (
    FINISHED,
    LIVE_SETTINGS,
    PAUSED,
    STOPPED,
    HyperparameterError,
    Network,
    SettingChange,
    TrainingConfig,
    TrainingControl,
    TrainingData,
    train,
)
from nnstudio.engine.training import PACE_MIN_WAIT


@pytest.fixture(scope="module")
def flower():
    data = make_dataset("flower")
    return TrainingData(data.X, data.Y)


def course_network(l2: float = 0.0) -> Network:
    return Network([2, 4, 1], ["tanh", "sigmoid"], init="small", seed=2, l2=l2)


def records_of(reports):
    """The records as a history keeps them: the first one of each iteration."""
    seen: dict[int, object] = {}
    for report in reports:
        for record in report.records:
            seen.setdefault(record.step, record)
    return list(seen.values())


def changed_at(flower, config, k, name, value, l2=0.0):
    """Train ``config`` and change ``name`` to ``value`` after ``k`` updates (the run pauses
    there by single steps, as the Step button does, so the change lands exactly at k)."""
    net = course_network(l2)
    control = TrainingControl(paused=True)
    control.step(k)
    reports = []
    for report in train(net, flower, config, control):
        reports.append(report)
        if report.status == PAUSED:
            control.change(name, value)
            control.resume()
    return net, reports


def spliced(flower, config, k, name, value, l2=0.0):
    """The same by hand: k updates, then a second run from there with the new value."""
    net = course_network(l2)
    first = list(train(net, flower, TrainingConfig(**{**vars(config), "epochs": k})))
    state = first[-1].optimizer_state
    second_config = config
    if name == "learning_rate":
        second_config = TrainingConfig(**{**vars(config), "learning_rate": value})
    else:
        net.l2 = value
    second_config = TrainingConfig(**{**vars(second_config), "epochs": config.epochs - k})
    second = list(train(net, flower, second_config, optimizer_state=state, start_step=k))
    return net, first + second


@pytest.mark.parametrize("optimizer,rate,new_rate", [("gd", 1.2, 0.3), ("adam", 0.01, 0.05)])
def test_a_changed_learning_rate_applies_at_the_next_update(flower, optimizer, rate, new_rate):
    config = TrainingConfig(learning_rate=rate, epochs=60, optimizer=optimizer, record_every=5)
    net, reports = changed_at(flower, config, 25, "learning_rate", new_rate)
    by_hand, hand_reports = spliced(flower, config, 25, "learning_rate", new_rate)
    for key, value in by_hand.params.items():
        np.testing.assert_array_equal(net.params[key], value)
    assert [(r.step, r.cost) for r in records_of(reports)] == [
        (r.step, r.cost) for r in records_of(hand_reports)
    ]
    changes = [c for report in reports for c in report.changes]
    assert changes == [SettingChange(25, "learning_rate", rate, new_rate)]
    assert reports[-1].status == FINISHED


def test_a_changed_l2_strength_applies_to_the_gradient_and_the_cost(flower):
    config = TrainingConfig(learning_rate=1.2, epochs=40, record_every=1)
    net, reports = changed_at(flower, config, 20, "l2", 0.7, l2=0.1)
    by_hand, hand_reports = spliced(flower, config, 20, "l2", 0.7, l2=0.1)
    for key, value in by_hand.params.items():
        np.testing.assert_array_equal(net.params[key], value)
    costs = [(r.step, r.cost) for r in records_of(reports)]
    assert costs == [(r.step, r.cost) for r in records_of(hand_reports)]
    assert net.l2 == 0.7
    assert [c for report in reports for c in report.changes] == [SettingChange(20, "l2", 0.1, 0.7)]


def test_a_value_equal_to_the_current_one_is_no_change(flower):
    config = TrainingConfig(learning_rate=1.2, epochs=20)
    _, reports = changed_at(flower, config, 10, "learning_rate", 1.2)
    assert all(not report.changes for report in reports)


def test_only_live_settings_in_their_range_can_change():
    control = TrainingControl()
    with pytest.raises(KeyError):
        control.change("epochs", 5)
    with pytest.raises(HyperparameterError):
        control.change("learning_rate", 0.0)
    with pytest.raises(HyperparameterError):
        control.change("l2", -1.0)
    assert set(LIVE_SETTINGS) >= {"learning_rate", "l2"}


class CountingControl(TrainingControl):
    """Counts the pace's waits, and tells when the first one has begun."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.waits = 0
        self.waiting = threading.Event()

    def _wait_pace(self, timeout: float) -> None:
        self.waits += 1
        self.waiting.set()
        super()._wait_pace(timeout)


def test_as_fast_as_possible_never_waits(flower):
    control = CountingControl()
    list(train(course_network(), flower, TrainingConfig(learning_rate=1.2, epochs=300), control))
    assert control.waits == 0


def test_a_paced_run_spaces_its_updates(flower):
    """20 updates 5 ms apart take 19 × 5 ms (the last may come up to PACE_MIN_WAIT early:
    a run waits only when that far ahead of its schedule)."""
    control = CountingControl(delay=0.005)
    started = time.perf_counter()
    reports = list(train(course_network(), flower, TrainingConfig(epochs=20), control))
    assert time.perf_counter() - started >= 19 * 0.005 - PACE_MIN_WAIT
    assert control.waits > 0
    assert reports[-1].step == 20


def test_a_paced_run_computes_what_an_unpaced_one_does(flower):
    config = TrainingConfig(learning_rate=1.2, epochs=30, record_every=3)
    paced = course_network()
    list(train(paced, flower, config, TrainingControl(delay=0.001)))
    plain = course_network()
    list(train(plain, flower, config))
    for key, value in plain.params.items():
        np.testing.assert_array_equal(paced.params[key], value)


@pytest.mark.parametrize("interrupt", ["stop", "pause"])
def test_a_stop_or_a_pause_ends_a_long_wait_at_once(flower, interrupt):
    """An hour between updates: the run still answers Stop (or Pause) at once."""
    control = CountingControl(delay=3600.0)
    reports = []

    def run():
        for report in train(course_network(), flower, TrainingConfig(epochs=10), control):
            reports.append(report)
            if report.status == PAUSED:
                control.stop()

    worker = threading.Thread(target=run)
    worker.start()
    assert control.waiting.wait(10)
    getattr(control, interrupt)()
    worker.join(10)
    assert not worker.is_alive()
    assert reports[-1].status == STOPPED
    assert reports[-1].step == 1  # the first update is never delayed, the second waited


def test_a_faster_pace_ends_a_long_wait(flower):
    control = CountingControl(delay=3600.0)
    worker = threading.Thread(
        target=lambda: list(train(course_network(), flower, TrainingConfig(epochs=5), control))
    )
    worker.start()
    assert control.waiting.wait(10)
    control.set_delay(0.0)
    worker.join(10)
    assert not worker.is_alive()
