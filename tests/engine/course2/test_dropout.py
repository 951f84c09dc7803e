"""Inverted dropout: masks, their scaling and their backward pass, against arrays worked out by
hand, and the training step against the readable forward / backward / update."""

import numpy as np
import pytest

from nnstudio.engine import (
    Network,
    SpecError,
    TrainingConfig,
    TrainingData,
    gradient_check,
    make_optimizer,
    train,
)
from nnstudio.engine.fast_step import TrainingStep

# RandomState(1).rand(3, 2): 0.417022, 0.720324 / 0.000114, 0.302333 / 0.146756, 0.092339
MASK_OF_SEED_1 = np.array([[True, False], [True, True], [True, True]])


def hand_network():
    """[2, 3, 1] relu/linear with weights simple enough to follow on paper."""
    net = Network([2, 3, 1], ["relu", "linear"], keep_prob=0.5)
    net.params["W1"][...] = [[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]]
    net.params["b1"][...] = 0.0
    net.params["W2"][...] = [[1.0, -1.0, 0.5]]
    net.params["b2"][...] = 0.0
    return net


X = np.array([[1.0, 2.0], [3.0, -1.0]])
Y = np.array([[1.0, 0.0]])


def test_the_mask_is_rand_below_keep_prob_and_kept_units_are_scaled():
    net = hand_network()
    AL, cache = net.forward(X, training=True, rng=np.random.RandomState(1))
    np.testing.assert_array_equal(cache["D1"], MASK_OF_SEED_1)
    # Z1 = W1·X = [[1, 2], [3, −1], [4, 1]]; relu → [[1, 2], [3, 0], [4, 1]]
    np.testing.assert_array_equal(cache["gZ1"], [[1.0, 2.0], [3.0, 0.0], [4.0, 1.0]])
    # A1 = A1 * D1 / 0.5: the dropped unit is 0, the kept ones doubled
    np.testing.assert_array_equal(cache["A1"], [[2.0, 0.0], [6.0, 0.0], [8.0, 2.0]])
    # Z2 = W2·A1 = [2 − 6 + 4, 0 − 0 + 1]
    np.testing.assert_array_equal(AL, [[0.0, 1.0]])
    assert "D2" not in cache  # the output layer is never dropped


def test_the_backward_pass_drops_the_same_units():
    net = hand_network()
    _AL, cache = net.forward(X, training=True, rng=np.random.RandomState(1))
    grads = net.backward(Y, cache)
    # dZ2 = A2 − Y = [[−1, 1]]; dW2 = dZ2·A1ᵀ / 2 with the masked A1
    np.testing.assert_array_equal(grads["dW2"], [[-1.0, -3.0, -3.0]])
    # dA1 = W2ᵀ·dZ2 = [[−1, 1], [1, −1], [−0.5, 0.5]], then * D1 / 0.5
    np.testing.assert_array_equal(grads["dA1"], [[-2.0, 0.0], [2.0, -2.0], [-1.0, 1.0]])
    # dZ1 = dA1 ⊙ relu′(Z1), relu′ = [[1, 1], [1, 0], [1, 1]]
    np.testing.assert_array_equal(grads["dZ1"], [[-2.0, 0.0], [2.0, 0.0], [-1.0, 1.0]])
    np.testing.assert_array_equal(grads["dW1"], [[-1.0, -3.0], [1.0, 3.0], [0.5, -2.0]])
    np.testing.assert_array_equal(grads["db1"], [[-1.0], [1.0], [0.0]])


def test_without_training_no_unit_is_dropped():
    net = hand_network()
    state = net.rng.get_state()[1].copy()
    AL, cache = net.forward(X)
    assert not any(key.startswith("D") for key in cache)
    plain = Network([2, 3, 1], ["relu", "linear"], params=net.params)
    np.testing.assert_array_equal(AL, plain.forward(X)[0])
    np.testing.assert_array_equal(net.rng.get_state()[1], state)  # nothing drawn
    np.testing.assert_array_equal(net.predict(X), plain.predict(X))


def test_keep_prob_is_per_hidden_layer_or_one_number_and_one_means_off():
    net = Network([3, 4, 4, 4, 1], ["relu", "tanh", "relu", "sigmoid"], keep_prob=0.8)
    assert net.keep_prob == (0.8, 0.8, 0.8)
    per_layer = Network([3, 4, 4, 4, 1], ["relu"] * 3 + ["sigmoid"], keep_prob=[0.5, 1, 0.9])
    Xr = np.random.RandomState(0).randn(3, 6)
    _AL, cache = per_layer.forward(Xr, training=True)
    assert sorted(k for k in cache if k.startswith("D")) == ["D1", "D3"]
    assert Network([3, 4, 1], ["relu", "sigmoid"]).keep_prob == (1.0,)
    # masks come from the network's own RandomState(seed) unless one is given, in layer order
    rs = np.random.RandomState(per_layer.spec.seed)
    np.testing.assert_array_equal(cache["D1"], rs.rand(4, 6) < 0.5)
    np.testing.assert_array_equal(cache["D3"], rs.rand(4, 6) < 0.9)


@pytest.mark.parametrize("keep_prob", [0.0, -0.1, 1.5, float("nan"), [0.5, 0.5]])
def test_impossible_keep_probs_are_refused_with_a_reason(keep_prob):
    with pytest.raises(SpecError, match="keep_prob"):
        Network([3, 4, 1], ["relu", "sigmoid"], keep_prob=keep_prob)


def test_the_shape_table_shows_the_mask_of_each_dropped_layer():
    net = Network([3, 5, 4, 1], ["relu", "relu", "sigmoid"], keep_prob=[0.7, 1.0])
    rows = {row.name: row for row in net.shape_table(10)}
    assert rows["1"].D == (5, 10) and rows["1"].keep_prob == 0.7
    assert rows["2"].D is None and rows["3"].D is None


@pytest.mark.parametrize("hidden", ["tanh", "sigmoid", "relu"])
def test_gradients_with_a_fixed_mask_match_central_differences(hidden):
    """The backward pass is the gradient of the cost of the dropped-out network: with the masks
    held fixed the numerical gradient agrees (g′ is taken before the mask)."""
    net = Network([3, 5, 4, 2], [hidden, hidden, "sigmoid"], keep_prob=[0.6, 0.8], seed=2)
    rs = np.random.RandomState(4)
    Xs, Ys = rs.randn(3, 7), (rs.rand(2, 7) > 0.5).astype(float)
    _AL, cache = net.forward(Xs, training=True)
    masks = {k: cache[k] for k in ("D1", "D2")}
    grads = net.backward(Ys, cache)
    eps = 1e-6
    for name, value in net.params.items():
        flat = value.reshape(-1)
        for i in range(flat.size):
            keep = flat[i]
            flat[i] = keep + eps
            plus = net.cost(net.forward(Xs, training=True, masks=masks)[0], Ys)
            flat[i] = keep - eps
            minus = net.cost(net.forward(Xs, training=True, masks=masks)[0], Ys)
            flat[i] = keep
            numeric = (plus - minus) / (2 * eps)
            assert grads[f"d{name}"].reshape(-1)[i] == pytest.approx(numeric, abs=1e-7)


def test_the_gradient_check_runs_with_dropout_off_and_says_so():
    net = Network([3, 4, 1], ["tanh", "sigmoid"], keep_prob=0.5, seed=2)
    rs = np.random.RandomState(0)
    check = gradient_check(net, rs.randn(3, 5), (rs.rand(1, 5) > 0.5).astype(float))
    assert check.passed()
    assert check.dropout_off
    assert "dropout" in check.verdict()
    plain = gradient_check(
        Network([3, 4, 1], ["tanh", "sigmoid"], seed=2), rs.randn(3, 5), np.ones((1, 5))
    )
    assert not plain.dropout_off and "dropout" not in plain.verdict()


def reference_training_step(net, X, Y, opt):
    AL, cache = net.forward(X, training=True)
    grads = net.backward(Y, cache)
    cost = net.cost(AL, Y)
    opt.update(net.params, grads)
    return AL, grads, cost, cache


@pytest.mark.parametrize("dtype", ["float64", "float32"])
@pytest.mark.parametrize("m", [16, 21])
@pytest.mark.parametrize(
    ("acts", "keep_prob"),
    [(["relu", "tanh", "sigmoid"], [0.7, 0.9]), (["sigmoid", "relu", "softmax"], [1.0, 0.6])],
)
def test_the_training_step_drops_exactly_what_the_readable_pass_drops(dtype, m, acts, keep_prob):
    n_out = 3 if acts[-1] == "softmax" else 1
    ref = Network([4, 6, 5, n_out], acts, seed=5, dtype=dtype, keep_prob=keep_prob, l2=0.1)
    net = ref.copy()
    rs = np.random.RandomState(9)
    X = net.as_input(rs.randn(4, m))
    Y = np.ascontiguousarray(net.as_labels(rs.randint(0, n_out, (1, m)) if n_out > 1 else
                                           (rs.rand(1, m) > 0.5).astype(float)))  # fmt: skip
    step = TrainingStep(net, make_optimizer("adam", 0.01), m)
    step.use_full_batch(X, Y)
    ref_opt = make_optimizer("adam", 0.01)
    for _ in range(4):
        assert step.compute()
        AL, grads, cost, cache = reference_training_step(ref, X, Y, ref_opt)
        masks = step.masks()
        assert sorted(masks) == sorted(k for k in cache if k.startswith("D"))
        for key, D in masks.items():
            np.testing.assert_array_equal(D, cache[key], err_msg=key)
        np.testing.assert_array_equal(step.output, AL)
        for name, view in step.grad_views.items():
            np.testing.assert_array_equal(view, grads[f"d{name}"], err_msg=name)
        assert step.cost() == cost
        step.apply()
    for name in ref.params:
        np.testing.assert_array_equal(net.params[name], ref.params[name], err_msg=name)
    assert net.params["W1"].dtype == np.dtype(dtype)


def test_training_uses_dropout_and_its_records_carry_the_dropped_out_cost():
    dims, acts = [2, 8, 1], ["relu", "sigmoid"]
    rs = np.random.RandomState(3)
    X, Y = rs.randn(2, 40), (rs.rand(1, 40) > 0.5).astype(float)
    data = TrainingData(X, Y)
    config = TrainingConfig(learning_rate=0.1, epochs=5, record_every=1, report_every=100)
    with_dropout = Network(dims, acts, seed=1, keep_prob=0.5)
    reference = with_dropout.copy()
    reports = list(train(with_dropout, data, config))
    costs = [r.cost for rep in reports for r in rep.records]
    opt = make_optimizer("gd", 0.1)
    expected = [reference_training_step(reference, X, Y, opt)[2] for _ in range(5)]
    assert costs[:5] == expected
    for name in reference.params:
        np.testing.assert_array_equal(with_dropout.params[name], reference.params[name])
    # without dropout the same run ends elsewhere
    plain = Network(dims, acts, seed=1)
    list(train(plain, data, config))
    assert not np.array_equal(plain.params["W1"], with_dropout.params["W1"])
