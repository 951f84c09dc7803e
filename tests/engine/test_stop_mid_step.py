"""Stop answers within one layer's work, even in the middle of a long training step."""

from __future__ import annotations

import math
import threading
import time

import numpy as np

from nnstudio.engine import STOPPED, Network, TrainingConfig, TrainingControl, TrainingData, train
from nnstudio.engine.fast_step import TrainingStep
from nnstudio.engine.optimizers import make_optimizer

HIDDEN, UNITS, M = 6, 256, 4096


def big_network() -> Network:
    return Network([32] + [UNITS] * HIDDEN + [1], ["relu"] * HIDDEN + ["sigmoid"], seed=3)


def big_data() -> TrainingData:
    rs = np.random.RandomState(0)
    X = rs.randn(32, M)
    return TrainingData(X, (X[:1] > 0).astype(np.float64))


class MidStepControl(TrainingControl):
    """Signals ``mid_step`` when the training step asks whether to stop for the ``at``-th time."""

    def __init__(self, at: int) -> None:
        super().__init__()
        self.at, self.asked = at, 0
        self.mid_step = threading.Event()

    def should_stop(self) -> bool:
        self.asked += 1
        if self.asked == self.at:
            self.mid_step.set()
        return super().should_stop()


def test_a_stop_in_the_middle_of_a_step_ends_it_within_a_layer_and_keeps_the_last_update():
    data = big_data()
    L = HIDDEN + 1
    products = 3 * L - 1  # W·A forward, dZ·Aᵀ and Wᵀ·dZ backward (no dA[0])
    # the time of one whole step, for the bound
    timing = big_network()
    fast = TrainingStep(timing, make_optimizer("gd", 0.1), M)
    fast.use_full_batch(data.X, data.Y)
    fast.compute()
    started = time.perf_counter()
    fast.compute()
    step_time = time.perf_counter() - started
    # the weights after one update, as an uninterrupted run leaves them
    after_one = big_network()
    config = TrainingConfig(learning_rate=0.1, epochs=1, copy_params=False)
    list(train(after_one, data, config))

    net = big_network()
    control = MidStepControl(at=products + 4)  # the second step, after three of its products
    config = TrainingConfig(learning_rate=0.1, epochs=3, copy_params=False)
    reports: list = []
    finished = threading.Event()

    def run() -> None:
        reports.extend(train(net, data, config, control))
        finished.set()

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    assert control.mid_step.wait(timeout=60), "the step never asked whether to stop"
    asked = time.perf_counter()
    control.stop()
    assert finished.wait(timeout=60)
    latency = time.perf_counter() - asked
    worker.join()

    last = reports[-1]
    assert last.status == STOPPED and last.step == 1
    # stopped within a few products of the seventeen a step makes, not at the step's end
    assert latency < step_time / 4, (latency, step_time)
    for name, value in after_one.params.items():
        np.testing.assert_array_equal(net.params[name], value)
    # the iteration it stopped at is in the history, its cost not measured
    assert [r.step for r in last.records][-1] == 1 and math.isnan(last.records[-1].cost)


def test_a_step_without_a_stop_request_computes_what_it_always_did():
    data = big_data()
    nets = [Network([32, 16, 16, 1], ["tanh", "relu", "sigmoid"], seed=s) for s in (1, 1)]
    steps = [TrainingStep(n, make_optimizer("gd", 0.1), M) for n in nets]
    for fast in steps:
        fast.use_full_batch(data.X, data.Y)
    assert steps[0].compute() and steps[1].compute(lambda: False)
    assert not steps[1].interrupted
    np.testing.assert_array_equal(steps[0].grad, steps[1].grad)
    assert not steps[1].compute(lambda: True) and steps[1].interrupted
