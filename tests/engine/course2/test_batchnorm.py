"""Batch normalisation: the forward formulas against a hand computation, the backward pass
against central differences (with L2, in both precisions), the running averages used for
prediction, and training."""

import numpy as np
import pytest

from nnstudio.engine import Network, SpecError, TrainingConfig, TrainingData, gradient_check, train
from nnstudio.engine.course2.batchnorm import EPSILON, MOMENTUM


def small_data(n0=3, m=8, seed=0, n_out=1):
    rs = np.random.RandomState(seed)
    X = rs.randn(n0, m)
    Y = (rs.rand(n_out, m) > 0.5).astype(float)
    return X, Y


def test_the_forward_pass_normalises_z_and_scales_it_by_gamma_and_beta():
    net = Network([2, 2, 1], ["relu", "sigmoid"], batch_norm=True)
    net.params["W1"][...] = [[1.0, 0.0], [0.0, 2.0]]
    net.params["b1"][...] = 5.0  # not used where batch norm is on
    net.params["gamma1"][...] = [[2.0], [1.0]]
    net.params["beta1"][...] = [[0.5], [-1.0]]
    X = np.array([[1.0, 3.0], [0.0, 1.0]])
    _AL, cache = net.forward(X, training=True)
    # Z1 = W1·X = [[1, 3], [0, 2]]: μ = [2, 1], σ² = [1, 1], Z_norm = [[−1, 1], [−1, 1]]/√(1+ε)
    np.testing.assert_array_equal(cache["Z1"], [[1.0, 3.0], [0.0, 2.0]])
    np.testing.assert_array_equal(cache["mu1"], [[2.0], [1.0]])
    np.testing.assert_array_equal(cache["var1"], [[1.0], [1.0]])
    scale = 1 / np.sqrt(1 + EPSILON)
    np.testing.assert_allclose(cache["Znorm1"], [[-scale, scale], [-scale, scale]], rtol=1e-15)
    # Z̃ = γ ⊙ Z_norm + β = [[−2 + 0.5, 2 + 0.5], [−1 − 1, 1 − 1]] (up to the ε)
    np.testing.assert_allclose(cache["Ztilde1"], [[-1.5, 2.5], [-2.0, 0.0]], atol=1e-7)
    np.testing.assert_allclose(cache["A1"], [[0.0, 2.5], [0.0, 0.0]], atol=1e-7)
    # the running averages moved a tenth of the way from (0, 1) to the batch's (μ, σ²)
    np.testing.assert_allclose(net.running["mean1"], (1 - MOMENTUM) * np.array([[2.0], [1.0]]))
    np.testing.assert_allclose(net.running["var1"], [[1.0], [1.0]])


def test_prediction_uses_the_running_averages_and_changes_nothing():
    net = Network([2, 3, 1], ["tanh", "sigmoid"], batch_norm=[True], seed=4)
    net.running["mean1"][...] = [[0.5], [-0.5], [0.0]]
    net.running["var1"][...] = [[4.0], [1.0], [0.25]]
    X, _ = small_data(2, 5)
    before = {k: v.copy() for k, v in net.running.items()}
    _AL, cache = net.forward(X)
    expected = (cache["Z1"] - net.running["mean1"]) / np.sqrt(net.running["var1"] + EPSILON)
    np.testing.assert_array_equal(cache["Znorm1"], expected)
    assert "mu1" not in cache and "running_var1" in cache
    for k, v in before.items():
        np.testing.assert_array_equal(net.running[k], v)
    # one sample at a time gives the same predictions as the whole batch
    one_by_one = np.hstack([net.predict(X[:, [j]]) for j in range(5)])
    np.testing.assert_array_equal(one_by_one, net.predict(X))


@pytest.mark.parametrize("dtype", ["float64", "float32"])
@pytest.mark.parametrize("l2", [0.0, 0.7])
def test_the_gradient_check_passes_with_batch_norm_and_l2(dtype, l2):
    net = Network([3, 5, 4, 2], ["tanh", "relu", "softmax"], seed=1, dtype=dtype, l2=l2,
                  batch_norm=[True, True])  # fmt: skip
    rs = np.random.RandomState(7)
    net.params["gamma1"][...] = 1 + 0.3 * rs.randn(5, 1)
    net.params["beta2"][...] = 0.2 * rs.randn(4, 1)
    X = rs.randn(3, 9)
    Y = rs.randint(0, 2, (1, 9))
    if dtype == "float64":
        check = gradient_check(net, X, Y)
        assert check.passed(), check.per_layer
    else:  # float32 rounding: compare the float32 backward with a float64 twin's differences
        twin = Network.from_spec(net.spec.replace(dtype="float64"), net.params)
        check = gradient_check(twin, X, Y)
        assert check.passed(), check.per_layer
        grads = net.backward(Y, net.forward(X, batch_stats=True)[1])
        ref = twin.backward(Y, twin.forward(X, batch_stats=True)[1])
        for name in net.params:
            assert grads[f"d{name}"].dtype == np.float32
            np.testing.assert_allclose(grads[f"d{name}"], ref[f"d{name}"], rtol=2e-3, atol=2e-5)
    assert set(check.per_layer) == {1, 2, 3}


def test_b_stays_zero_and_gamma_beta_train_with_the_optimizer_state():
    X, Y = small_data(2, 40, seed=2)
    net = Network([2, 6, 1], ["relu", "sigmoid"], seed=3, batch_norm=True)
    reports = list(train(net, TrainingData(X, Y), TrainingConfig(0.05, epochs=20,
                                                                  optimizer="adam")))  # fmt: skip
    assert not net.params["b1"].any()
    assert not np.array_equal(net.params["gamma1"], np.ones((6, 1)))
    assert not np.array_equal(net.params["beta1"], np.zeros((6, 1)))
    slots = reports[-1].optimizer_state["slots"]
    assert {"v_gamma1", "s_gamma1", "v_beta1", "s_beta1"} <= set(slots)
    assert not np.array_equal(net.running["mean1"], np.zeros((6, 1)))
    costs = [r.cost for rep in reports for r in rep.records]
    assert costs[-1] < costs[0]


def test_training_with_batch_norm_is_the_readable_loop():
    X, Y = small_data(2, 24, seed=5)
    net = Network([2, 4, 3, 1], ["tanh", "relu", "sigmoid"], seed=6, batch_norm=[True, False],
                  keep_prob=[1.0, 0.8])  # fmt: skip
    reference = net.copy()
    config = TrainingConfig(0.1, epochs=6, batch_size=8, optimizer="momentum", record_every=1)
    list(train(net, TrainingData(X, Y), config))
    from nnstudio.engine import make_optimizer

    opt = make_optimizer("momentum", 0.1)
    for epoch in range(6):
        order = np.random.RandomState(epoch).permutation(24)
        for start in range(0, 24, 8):
            batch = order[start : start + 8]
            _AL, cache = reference.forward(X[:, batch], training=True)
            opt.update(reference.params, reference.backward(Y[:, batch], cache))
    assert net == reference


def test_the_shape_table_and_the_spec_show_gamma_and_beta():
    net = Network([3, 5, 4, 1], ["relu", "relu", "sigmoid"], batch_norm=[False, True])
    rows = {row.name: row for row in net.shape_table(10)}
    assert rows["1"].gamma is None and "dgamma" not in rows["1"].gradients
    assert rows["2"].gamma == rows["2"].beta == (4, 1)
    assert rows["2"].gradients["dgamma"] == rows["2"].gradients["dbeta"] == (4, 1)
    assert rows["2"].parameters == 4 * 5 + 4 + 2 * 4
    assert net.spec.parameter_count() == sum(v.size for v in net.params.values())
    assert net.parameter_names() == ["W1", "b1", "W2", "b2", "gamma2", "beta2", "W3", "b3"]
    with pytest.raises(SpecError, match="batch_norm"):
        Network([3, 5, 1], ["relu", "sigmoid"], batch_norm=[True, True])
