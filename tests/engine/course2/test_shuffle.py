"""Mini-batches shuffled as the course shuffles them: epoch e draws
RandomState(shuffle_seed + e).permutation(m)."""

import numpy as np
import pytest

from nnstudio.engine import Network, TrainingConfig, TrainingData, train


def run(net, data, config, state=None, start=0):
    reports = list(train(net, data, config, optimizer_state=state, start_step=start))
    return reports[-1]


def test_the_default_is_the_course_convention_and_an_unknown_one_is_refused():
    assert TrainingConfig().shuffle == "seed_per_epoch"
    with pytest.raises(ValueError, match="shuffl"):
        TrainingConfig(shuffle="sorted")


def test_a_run_continued_at_an_epoch_boundary_draws_the_batches_of_an_uninterrupted_one():
    rs = np.random.RandomState(1)
    X = rs.randn(2, 30)
    data = TrainingData(X, (X[:1] > 0).astype(float))
    base = Network([2, 4, 1], ["relu", "sigmoid"], seed=3)
    settings = dict(learning_rate=0.2, batch_size=8, optimizer="momentum", shuffle_seed=11)
    whole = base.copy()
    run(whole, data, TrainingConfig(epochs=3, **settings))
    parts = base.copy()
    first = run(parts, data, TrainingConfig(epochs=2, **settings))
    run(parts, data, TrainingConfig(epochs=1, **settings), first.optimizer_state, first.step)
    for name in whole.params:
        np.testing.assert_array_equal(parts.params[name], whole.params[name], err_msg=name)
    # the older convention restarts its generator with each run, so there the two differ
    old = dict(settings, shuffle="one_generator")
    whole_old, parts_old = base.copy(), base.copy()
    run(whole_old, data, TrainingConfig(epochs=3, **old))
    first = run(parts_old, data, TrainingConfig(epochs=2, **old))
    run(parts_old, data, TrainingConfig(epochs=1, **old), first.optimizer_state, first.step)
    assert not np.array_equal(parts_old.params["W1"], whole_old.params["W1"])
