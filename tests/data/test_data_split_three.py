"""The three-way split: train / dev / test, seeded, stratified, and the same train and dev sets
as the two-way split when there is no test set."""

import numpy as np
import pytest

from nnstudio.data import Dataset, flower, prepare, sine, spiral, split, split_three


def _columns(d):
    return {tuple(c) for c in d.X.T}


def test_three_parts_partition_the_samples_in_their_shares():
    d = flower()  # m = 400
    train, dev, test = split_three(d, 0.2, 0.1, seed=3)
    assert (train.m, dev.m, test.m) == (280, 80, 40)
    parts = [_columns(p) for p in (train, dev, test)]
    assert parts[0] | parts[1] | parts[2] == _columns(d)
    assert not (parts[0] & parts[1] or parts[0] & parts[2] or parts[1] & parts[2])


def test_each_part_keeps_the_original_order():
    d = sine()
    where = {tuple(c): i for i, c in enumerate(d.X.T)}
    for part in split_three(d, 0.25, 0.25, seed=1):
        positions = [where[tuple(c)] for c in part.X.T]
        assert positions == sorted(positions)


def test_classes_are_split_in_proportion():
    d = spiral(samples=301, classes=3)  # class sizes 101, 100, 100
    _, dev, test = split_three(d, 0.2, 0.2, seed=7)
    np.testing.assert_allclose(dev.class_counts(), 0.2 * d.class_counts(), atol=1)
    np.testing.assert_allclose(test.class_counts(), 0.2 * d.class_counts(), atol=1)


def test_same_seed_same_parts_other_seed_other_parts():
    d = flower()
    first = split_three(d, 0.2, 0.2, seed=11)
    assert split_three(d, 0.2, 0.2, seed=11) == first
    assert split_three(d, 0.2, 0.2, seed=12)[2] != first[2]


@pytest.mark.parametrize("data", [flower(), sine(), spiral(samples=90, classes=3)])
def test_no_test_share_gives_the_two_way_split(data):
    train, dev, test = split_three(data, 0.3, 0.0, seed=4)
    assert (train, dev) == split(data, 0.3, seed=4)
    assert test.m == 0 and test.X.shape == (data.n_features, 0)


def test_a_test_share_takes_its_samples_from_training_only():
    """The dev set stays the same whatever the test share: only training samples move."""
    d = flower()
    _, dev_without, _ = split_three(d, 0.2, 0.0, seed=5)
    train, dev, test = split_three(d, 0.2, 0.15, seed=5)
    assert dev == dev_without and test.m == 60 and train.m == 400 - 80 - 60


def test_every_class_keeps_a_training_sample():
    X = np.arange(10.0).reshape(1, -1)
    Y = np.array([[0] * 7 + [1] * 3])
    d = Dataset(X, Y, "binary", ("x",), ("many", "few"))
    train, dev, test = split_three(d, 0.4, 0.4, seed=0)
    assert train.class_counts()[1] == 1 and train.class_counts()[0] >= 1
    assert dev.m + test.m + train.m == 10


@pytest.mark.parametrize(
    "dev, test, words",
    [
        (0.2, -0.1, "test share"),
        (0.2, 1.0, "test share"),
        (0.2, float("nan"), "test share"),
        (1.2, 0.1, "dev share"),
        (0.6, 0.4, "no training samples"),
        (0.5, 0.5, "no training samples"),
    ],
)
def test_impossible_shares_are_refused_with_what_to_choose(dev, test, words):
    with pytest.raises(ValueError, match=words) as caught:
        split_three(flower(), dev, test, seed=0)
    assert "below 1" in str(caught.value) or "smaller shares" in str(caught.value)


def test_rounding_that_leaves_no_training_sample_is_refused():
    d = Dataset(np.zeros((1, 4)), np.zeros((1, 4)), "regression", ("x",))
    with pytest.raises(ValueError, match="no training samples out of 4"):
        split_three(d, 0.45, 0.45, seed=0)  # 2 + 2 of 4 samples


def test_prepare_scales_the_test_set_with_training_statistics():
    d = sine()
    p = prepare(d, 0.2, seed=2, standardize=True, test_share=0.2)
    assert p.test is not None and p.test_set.m == 40 and p.test_share == 0.2
    raw_train, _, raw_test = split_three(d, 0.2, 0.2, seed=2)
    mean, std = raw_train.X.mean(axis=1, keepdims=True), raw_train.X.std(axis=1, keepdims=True)
    np.testing.assert_allclose(p.test.X, (raw_test.X - mean) / std)


def test_prepare_without_a_test_share_has_an_empty_test_set():
    p = prepare(flower(), 0.2, seed=0)
    assert p.test_set.m == 0 and p.test_set.X.shape == (2, 0)
