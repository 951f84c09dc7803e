"""The network against the notation: shapes, a worked example, the course's numbers, gradients."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nnstudio.engine import HIDDEN_ACTIVATIONS, Network, SpecError, gradient_check

OUTPUTS = {"sigmoid": 1, "softmax": 3, "linear": 2}


def random_labels(output, m, rng):
    if output == "sigmoid":
        return (rng.rand(1, m) > 0.5).astype(float)
    if output == "softmax":
        return rng.randint(0, 3, size=(1, m))
    return rng.randn(2, m)


def test_public_surface_of_the_issue():
    net = Network(layer_dims=[2, 4, 1], activations=["tanh", "sigmoid"], init="small", seed=3)
    assert net.loss == "binary_cross_entropy"
    assert sorted(net.params) == ["W1", "W2", "b1", "b2"]
    assert net.params["W1"].shape == (4, 2)
    assert net.params["b1"].shape == (4, 1)
    X = np.random.RandomState(0).randn(2, 7)
    Y = np.ones((1, 7))
    AL, cache = net.forward(X)
    assert cache["A0"] is not None and np.array_equal(cache["A0"], X)
    assert [cache[k].shape for k in ("Z1", "A1", "Z2", "A2")] == [(4, 7)] * 2 + [(1, 7)] * 2
    assert isinstance(net.cost(AL, Y), float)
    grads = net.backward(Y, cache)
    assert "dA0" not in grads
    assert net.backward(Y, cache, need_input_grad=True)["dA0"].shape == (2, 7)
    net.params["W1"] = np.zeros((4, 2))
    assert net.predict(X).shape == (1, 7)


def test_course_initialisation_numbers():
    """The course's initialize_parameters_deep with seed 3 and ×0.01 gives these W1 values."""
    net = Network([5, 4, 3], ["relu", "sigmoid"], init="small", seed=3)
    np.testing.assert_allclose(
        net.params["W1"][0],
        [0.01788628, 0.0043651, 0.00096497, -0.01863493, -0.00277388],
        atol=5e-9,  # the course prints eight decimals
    )
    assert not net.params["b1"].any()
    he = Network([5, 4, 3], ["relu", "sigmoid"], init="he", seed=3)
    np.testing.assert_allclose(he.params["W1"], net.params["W1"] * 100 * np.sqrt(2 / 5))


def test_large_initialisation_is_randn_times_ten_layer_by_layer():
    """The course's "large" initialisation: W[l] = randn(n[l], n[l-1]) · 10, drawn in layer
    order from one RandomState(seed); b[l] = 0."""
    net = Network([3, 2, 1], ["relu", "sigmoid"], init="large", seed=3)
    rs = np.random.RandomState(3)
    first = rs.randn(2, 3) * 10
    second = rs.randn(1, 2) * 10
    np.testing.assert_array_equal(net.params["W1"], first)
    np.testing.assert_array_equal(net.params["W2"], second)
    # the first draw of RandomState(3) is 1.78862847…, so W1[0, 0] is 17.886…
    assert net.params["W1"][0, 0] == pytest.approx(17.88628473)
    assert not net.params["b1"].any() and not net.params["b2"].any()
    # layer by layer from one generator: the second layer does not restart the draws
    assert not np.array_equal(net.params["W2"][0], net.params["W1"][0, :2])


@pytest.mark.parametrize("init", ["small", "xavier", "he", "zeros", "large"])
def test_same_seed_same_weights(init):
    a = Network([3, 5, 1], ["tanh", "sigmoid"], init=init, seed=7)
    b = Network([3, 5, 1], ["tanh", "sigmoid"], init=init, seed=7)
    assert a == b
    if init != "zeros":
        assert a != Network([3, 5, 1], ["tanh", "sigmoid"], init=init, seed=8)


def test_worked_example_by_hand():
    """A 2-layer relu/linear network on m = 2 samples, every number worked out by hand."""
    net = Network([2, 2, 1], ["relu", "linear"])
    net.params["W1"] = np.array([[1.0, -1.0], [0.5, 2.0]])
    net.params["b1"] = np.array([[0.0], [1.0]])
    net.params["W2"] = np.array([[1.0, -2.0]])
    net.params["b2"] = np.array([[0.5]])
    X = np.array([[1.0, 2.0], [0.0, -1.0]])  # samples (1, 0) and (2, -1) in columns
    Y = np.array([[0.0, 3.0]])
    AL, cache = net.forward(X)
    # Z1 = W1·X + b1: (1·1 − 1·0 + 0, 0.5·1 + 2·0 + 1) = (1, 1.5); (1·2 + 1 + 0, 1 − 2 + 1) = (3, 0)
    np.testing.assert_allclose(cache["Z1"], [[1.0, 3.0], [1.5, 0.0]])
    # Z2 = W2·A1 + b2: 1 − 3 + 0.5 = −1.5; 3 − 0 + 0.5 = 3.5
    np.testing.assert_allclose(AL, [[-1.5, 3.5]])
    # J = (1/2)(½·1.5² + ½·0.5²) = (1.125 + 0.125)/2
    assert net.cost(AL, Y) == pytest.approx(0.625)
    grads = net.backward(Y, cache)
    # dZ2 = A2 − Y = (−1.5, 0.5); dW2 = ½ dZ2·A1ᵀ = ½(−1.5 + 1.5, −2.25 + 0)
    np.testing.assert_allclose(grads["dZ2"], [[-1.5, 0.5]])
    np.testing.assert_allclose(grads["dW2"], [[0.0, -1.125]])
    np.testing.assert_allclose(grads["db2"], [[-0.5]])
    # dA1 = W2ᵀ·dZ2; dZ1 = dA1 ⊙ relu'(Z1), and relu'(0) = 0 kills the last entry
    np.testing.assert_allclose(grads["dA1"], [[-1.5, 0.5], [3.0, -1.0]])
    np.testing.assert_allclose(grads["dZ1"], [[-1.5, 0.5], [3.0, 0.0]])
    # dW1 = ½ dZ1·Xᵀ = ½((−1.5 + 1, −0.5), (3, 0)); db1 = ½(−1, 3)
    np.testing.assert_allclose(grads["dW1"], [[-0.25, -0.25], [1.5, 0.0]])
    np.testing.assert_allclose(grads["db1"], [[-0.5], [1.5]])
    net.update(grads, 0.1)
    np.testing.assert_allclose(net.params["W1"], [[1.025, -0.975], [0.35, 2.0]])


@pytest.mark.parametrize("hidden", HIDDEN_ACTIVATIONS)
@pytest.mark.parametrize("output", list(OUTPUTS))
def test_gradient_check_every_pairing(hidden, output):
    rng = np.random.RandomState(1)
    dims = [3, 5, 4, OUTPUTS[output]]
    net = Network(dims, [hidden, hidden, output], init="xavier", seed=2, l2=0.1)
    for l in (1, 2, 3):  # non-zero biases, so no pre-activation is exactly at relu's kink
        net.params[f"b{l}"] = rng.randn(*net.params[f"b{l}"].shape)
    X = rng.randn(3, 6)
    if hidden in ("relu", "leaky_relu"):
        _, cache = net.forward(X)
        assert all(np.abs(cache[f"Z{l}"]).min() > 1e-5 for l in (1, 2))
    check = gradient_check(net, X, random_labels(output, 6, rng))
    assert check.difference < 1e-7, check.per_layer
    assert check.passed()


@settings(max_examples=25, deadline=None)
@given(
    dims=st.lists(st.integers(1, 6), min_size=2, max_size=5),
    acts=st.lists(st.sampled_from(["sigmoid", "tanh"]), min_size=4, max_size=4),
    output=st.sampled_from(list(OUTPUTS)),
    m=st.integers(1, 5),
    seed=st.integers(0, 1000),
)
def test_gradient_check_random_architectures(dims, acts, output, m, seed):
    rng = np.random.RandomState(seed)
    layer_dims = [*dims, OUTPUTS[output]]
    activations = [*acts[: len(dims) - 1], output]
    net = Network(layer_dims, activations, init="xavier", seed=seed)
    X = rng.randn(dims[0], m)
    assert gradient_check(net, X, random_labels(output, m, rng)).difference < 1e-7


@given(
    dims=st.lists(st.integers(1, 9), min_size=2, max_size=6),
    m=st.integers(1, 50),
)
def test_shapes_follow_the_notation(dims, m):
    acts = ["relu"] * (len(dims) - 2) + ["sigmoid"]
    net = Network(dims, acts)
    X = np.zeros((dims[0], m))
    AL, cache = net.forward(X)
    grads = net.backward(np.zeros((dims[-1], m)), cache, need_input_grad=True)
    rows = net.shape_table(m)
    assert [r.name for r in rows] == ["X", *map(str, range(1, len(dims))), "Y"]
    assert rows[0].A == (dims[0], m) == cache["A0"].shape
    assert rows[-1].A == (dims[-1], m) == AL.shape
    for row in rows[1:-1]:
        l = row.layer
        assert row.W == (dims[l], dims[l - 1]) == net.params[f"W{l}"].shape == grads[f"dW{l}"].shape
        assert row.b == (dims[l], 1) == net.params[f"b{l}"].shape == grads[f"db{l}"].shape
        assert row.Z == row.A == (dims[l], m) == cache[f"Z{l}"].shape == grads[f"dZ{l}"].shape
        assert row.parameters == dims[l] * dims[l - 1] + dims[l]
        assert row.gradients["dA"] == grads[f"dA{l}"].shape
    assert sum(r.parameters for r in rows) == net.spec.parameter_count()


def test_float32_stays_float32():
    net = Network([2, 3, 1], ["tanh", "sigmoid"], dtype="float32")
    X = np.random.RandomState(0).randn(2, 4)
    AL, cache = net.forward(X)
    grads = net.backward(np.ones((1, 4)), cache)
    assert AL.dtype == np.float32 and all(g.dtype == np.float32 for g in grads.values())
    assert net.params["W1"].dtype == np.float32


def test_integer_labels_become_one_hot_for_softmax():
    net = Network([2, 3, 3], ["relu", "softmax"])
    onehot = net.as_labels(np.array([[0, 2, 1]]))
    np.testing.assert_array_equal(onehot, [[1, 0, 0], [0, 0, 1], [0, 1, 0]])
    with pytest.raises(ValueError, match=r"0\.\.2"):
        net.as_labels(np.array([[3]]))


def test_predict_classes_and_values():
    X = np.random.RandomState(1).randn(2, 5)
    assert set(Network([2, 3, 1], ["tanh", "sigmoid"]).predict(X).ravel()) <= {0, 1}
    assert Network([2, 3, 4], ["tanh", "softmax"]).predict(X).max() < 4
    assert Network([2, 3, 1], ["tanh", "linear"]).predict(X).dtype == np.float64


def test_l2_adds_to_cost_and_gradient():
    X = np.random.RandomState(2).randn(2, 4)
    Y = np.array([[1.0, 0.0, 1.0, 0.0]])
    plain = Network([2, 3, 1], ["tanh", "sigmoid"], seed=4)
    reg = Network([2, 3, 1], ["tanh", "sigmoid"], seed=4, l2=0.5)
    AL, cache = plain.forward(X)
    total = sum(np.sum(plain.params[k] ** 2) for k in ("W1", "W2"))
    assert reg.cost(AL, Y) == pytest.approx(plain.cost(AL, Y) + 0.5 / (2 * 4) * total)
    diff = reg.backward(Y, cache)["dW1"] - plain.backward(Y, cache)["dW1"]
    np.testing.assert_allclose(diff, 0.5 / 4 * plain.params["W1"])


@pytest.mark.parametrize(
    ("dims", "acts", "message"),
    [
        ([2, 4, 1], ["softmax", "sigmoid"], "only be used in the output"),
        ([2, 1], ["softmax"], "at least two units"),
        ([2, 4, 1], ["tanh"], "need 2 activations"),
        ([2, 0, 1], ["tanh", "sigmoid"], "at least one unit"),
        ([2, 4, 1], ["tanh", "relu"], "no loss pairs"),
    ],
)
def test_invalid_networks_say_what_to_change(dims, acts, message):
    with pytest.raises((SpecError, ValueError), match=message):
        Network(dims, acts)
