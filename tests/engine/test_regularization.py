"""L1 regularisation beside L2: the cost gains λ₁/m·Σ|W[l]|, dW[l] gains λ₁/m·sign(W[l]) with
sign(0) = 0, and every record keeps the regularisation term apart from the data term."""

import math

import numpy as np
import pytest

from nnstudio.engine import (
    Network,
    NetworkSpec,
    SpecError,
    TrainingConfig,
    TrainingControl,
    TrainingData,
    gradient_check,
    train,
)


def sigmoid(z):
    return 1.0 / (1.0 + math.exp(-z))


def one_unit(l1=0.0, l2=0.0, w=(0.5, -0.25)):
    """A 2-input sigmoid unit with W = [[w1, w2]], b = 0, on X = I (two samples) and Y = [1, 0]."""
    net = Network([2, 1], ["sigmoid"], l1=l1, l2=l2)
    net.params["W1"][...] = [w]
    net.params["b1"][...] = 0.0
    return net, np.eye(2), np.array([[1.0, 0.0]])


def test_l1_cost_and_gradient_by_hand():
    net, X, Y = one_unit(l1=0.4)
    a1, a2 = sigmoid(0.5), sigmoid(-0.25)
    data = -(math.log(a1) + math.log(1.0 - a2)) / 2
    penalty = 0.4 / 2 * (0.5 + 0.25)  # λ₁/m·Σ|W| = 0.15
    AL, cache = net.forward(X)
    assert net.l1_cost(2) == pytest.approx(0.15, abs=1e-15)
    assert net.penalty_cost(2) == net.l1_cost(2)
    assert net.cost(AL, Y) == pytest.approx(data + penalty, rel=1e-14)
    dW = net.backward(Y, cache)["dW1"]
    # (1/m)·dZ·Xᵀ with dZ = A − Y, then λ₁/m·sign(W) = 0.2·[1, −1]
    np.testing.assert_allclose(dW, [[(a1 - 1.0) / 2 + 0.2, a2 / 2 - 0.2]], rtol=1e-14)


def test_l1_and_l2_add_up():
    net, X, Y = one_unit(l1=0.4, l2=0.6)
    assert net.penalty_cost(2) == pytest.approx(0.6 / 4 * (0.25 + 0.0625) + 0.4 / 2 * 0.75)
    plain, _, _ = one_unit()
    _AL, cache = net.forward(X)
    diff = net.backward(Y, cache)["dW1"] - plain.backward(Y, cache)["dW1"]
    np.testing.assert_allclose(diff, 0.6 / 2 * np.array([[0.5, -0.25]]) + 0.2 * np.array([[1, -1]]))


def test_a_zero_weight_gets_no_l1_gradient():
    """sign(0) = 0: a weight at exactly 0 is not pushed either way."""
    net, X, Y = one_unit(l1=0.4, w=(0.0, -0.25))
    plain, _, _ = one_unit(w=(0.0, -0.25))
    AL, cache = net.forward(X)
    diff = net.backward(Y, cache)["dW1"] - plain.backward(Y, cache)["dW1"]
    np.testing.assert_array_equal(diff, [[0.0, -0.2]])
    assert net.cost(AL, Y) - plain.cost(AL, Y) == pytest.approx(0.4 / 2 * 0.25)


@pytest.mark.parametrize(("l1", "l2"), [(0.3, 0.0), (0.3, 0.5)])
def test_gradient_check_passes_with_l1_away_from_zero(l1, l2):
    net = Network([3, 5, 4, 2], ["tanh", "relu", "softmax"], init="xavier", seed=3, l1=l1, l2=l2)
    rng = np.random.RandomState(1)
    for l in range(1, net.L + 1):  # no weight near the kink of |w| at 0, no z at relu's kink
        W = net.params[f"W{l}"]
        W[np.abs(W) < 0.05] = 0.1
        net.params[f"b{l}"][...] = 0.1 * rng.randn(*net.params[f"b{l}"].shape)
    X, Y = rng.randn(3, 12), rng.randint(0, 2, (1, 12))
    check = gradient_check(net, X, Y)
    assert check.passed(), check.difference


def test_the_spec_keeps_l1_and_refuses_bad_values():
    spec = NetworkSpec((2, 3, 1), ("tanh", "sigmoid"), l1=0.25)
    assert spec.to_dict()["l1"] == 0.25
    assert spec.replace(l2=0.5).l1 == 0.25
    assert NetworkSpec((2, 1), ("sigmoid",)).l1 == 0.0
    for bad, message in ((-0.1, "cannot be negative"), (math.inf, "finite number")):
        with pytest.raises(SpecError, match=message):
            spec.replace(l1=bad)


def flower_like(m=40, seed=0):
    rng = np.random.RandomState(seed)
    X = rng.randn(2, m)
    return TrainingData(X, (X[0:1] * X[1:2] > 0).astype(float))


@pytest.mark.parametrize("batch_size", [0, 16])
def test_records_keep_the_regularisation_term(batch_size):
    """Full batch: the penalty at the recorded weights; mini-batches: its mean over the batches
    since the previous record, as the cost is. Without λ the term is 0."""
    data = flower_like()
    config = TrainingConfig(learning_rate=0.5, epochs=6, batch_size=batch_size, record_every=2)
    for l1, l2 in ((0.2, 0.3), (0.0, 0.0)):
        net = Network([2, 4, 1], ["tanh", "sigmoid"], seed=2, l1=l1, l2=l2)
        start = net.copy()
        records = [r for report in train(net, data, config) for r in report.records]
        assert records and all(r.penalty is not None for r in records)
        if not l1 and not l2:
            assert all(r.penalty == 0.0 for r in records)
            continue
        assert all(0.0 < r.penalty < r.cost for r in records)
        if batch_size == 0:  # the first record: the starting weights, all m samples
            assert records[0].penalty == start.penalty_cost(40)


def test_a_running_run_takes_a_new_l1_at_its_next_update():
    data = flower_like()
    net = Network([2, 4, 1], ["tanh", "sigmoid"], seed=2)
    control = TrainingControl()
    config = TrainingConfig(learning_rate=0.5, epochs=20, record_every=1, report_every=5)
    reports = []
    for report in train(net, data, config, control):
        reports.append(report)
        if report.step == 5:
            control.change("l1", 0.3)
    changes = [c for r in reports for c in r.changes]
    assert [(c.step, c.name, c.old, c.new) for c in changes] == [(5, "l1", 0.0, 0.3)]
    records = [r for report in reports for r in report.records]
    # the record at iteration 5 measures the weights the first update with λ₁ starts from
    assert all(r.penalty == 0.0 for r in records if r.step < 5)
    assert all(r.penalty > 0.0 for r in records if r.step >= 5)
    assert net.l1 == 0.3
    with pytest.raises(ValueError, match="λ₁"):
        control.change("l1", -1.0)
