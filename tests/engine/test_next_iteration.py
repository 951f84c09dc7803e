"""next_iteration gives what a run's first iteration trains on: the same batch, the same dropout
masks and the same learning rate, so one update made from it is the update train() makes."""

import numpy as np
import pytest

from nnstudio.data import make_dataset
from nnstudio.engine import (
    PAUSED,
    Network,
    TrainingConfig,
    TrainingControl,
    TrainingData,
    next_iteration,
    train,
)


@pytest.fixture(scope="module")
def moons():
    data = make_dataset("moons", samples=200, noise=0.2, seed=3)
    return TrainingData(data.X, data.Y)


def course2_network():
    return Network(
        [2, 8, 8, 1],
        ["relu", "relu", "sigmoid"],
        init="he",
        seed=4,
        keep_prob=[0.7, 0.8],
        batch_norm=[True, False],
    )


def one_update_by_train(net, data, config, start_step, state):
    """net after the first iteration of train(..., start_step, state), and that report."""
    control = TrainingControl(paused=True)
    run = train(net, data, config, control, state, start_step)
    assert next(run).status == PAUSED
    control.step()
    report = next(run)
    assert report.status == PAUSED and report.step == start_step + 1
    control.stop()
    list(run)
    return net


def one_update_from(net, it):
    """net after one update on the batch, masks and optimizer ``it`` describes."""
    _, cache = net.forward(it.X, training=True, rng=it.rng, batch_stats=True)
    grads = net.backward(net.as_labels(it.Y), cache, need_input_grad=False)
    it.optimizer.update(net.params, grads)
    return net


@pytest.mark.parametrize(
    ("batch_size", "start_step", "shuffle"),
    [(0, 0, "seed_per_epoch"), (32, 0, "seed_per_epoch"), (32, 17, "seed_per_epoch"),
     (32, 17, "one_generator")],
)  # fmt: skip
def test_one_update_from_the_next_iteration_is_the_update_train_makes(
    moons, batch_size, start_step, shuffle
):
    config = TrainingConfig(
        learning_rate=0.05,
        epochs=6,
        batch_size=batch_size,
        optimizer="adam",
        decay_schedule="inverse",
        decay_rate=0.5,
        shuffle=shuffle,
        shuffle_seed=9,
    )
    state = None
    start = course2_network()
    if start_step:  # an earlier run left Adam's v, s and t
        first = list(train(start, moons, TrainingConfig(0.05, epochs=1, batch_size=32,
                                                        optimizer="adam")))  # fmt: skip
        state = first[-1].optimizer_state
    it = next_iteration(start, moons, config, start_step, state)
    epoch = start_step // config.steps_per_epoch(moons.m)
    # the course decays after each epoch: epoch e ≥ 1 trains with α₀ / (1 + rate · (e − 1))
    assert it.optimizer.learning_rate == pytest.approx(0.05 / (1 + 0.5 * max(0, epoch - 1)))
    if batch_size:
        assert it.X.shape == (2, 32) and it.Y.shape[-1] == 32 and it.samples is not None
        np.testing.assert_array_equal(it.X, moons.X[:, it.samples])
    else:
        assert it.samples is None and it.X.shape == (2, 200)
    rng_before = start.rng.get_state()[1].copy()

    expected = one_update_from(start.copy(), it)
    trained = one_update_by_train(start.copy(), moons, config, start_step, state)
    np.testing.assert_array_equal(start.rng.get_state()[1], rng_before)  # nothing drawn
    for name, value in expected.params.items():
        np.testing.assert_allclose(trained.params[name], value, rtol=1e-10, atol=1e-12)


def test_another_batch_or_other_masks_would_give_another_update(moons):
    """The comparison above can tell batches and masks apart."""
    config = TrainingConfig(0.05, epochs=3, batch_size=32, optimizer="adam")
    start = course2_network()
    it = next_iteration(start, moons, config, 0)
    trained = one_update_by_train(start.copy(), moons, config, 0, None)
    reshuffled = TrainingConfig(0.05, epochs=3, batch_size=32, optimizer="adam", shuffle_seed=1)
    shifted = next_iteration(start, moons, reshuffled, 0)
    other = one_update_from(start.copy(), shifted)
    assert not np.allclose(trained.params["W1"], other.params["W1"])
    it.rng.seed(123)  # other masks on the right batch
    other_masks = one_update_from(start.copy(), it)
    assert not np.allclose(trained.params["W2"], other_masks.params["W2"])
