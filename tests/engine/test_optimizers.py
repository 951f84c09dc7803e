"""Optimizers: one update worked out by hand for each, and state that survives a round trip."""

import numpy as np
import pytest

from nnstudio.engine import OPTIMIZERS, make_optimizer


def one_param():
    return {"W1": np.array([[1.0, -2.0]])}, {"dW1": np.array([[0.5, -1.0]])}


def test_gradient_descent():
    params, grads = one_param()
    make_optimizer("gd", 0.1).update(params, grads)
    np.testing.assert_allclose(params["W1"], [[0.95, -1.9]])


def test_momentum_first_step_is_scaled_gradient():
    params, grads = one_param()
    make_optimizer("momentum", 0.1, beta=0.9).update(params, grads)
    # v = 0.9·0 + 0.1·dW; W −= 0.1·v
    np.testing.assert_allclose(params["W1"], [[1 - 0.1 * 0.05, -2 + 0.1 * 0.1]])


def test_rmsprop_first_step():
    params, grads = one_param()
    make_optimizer("rmsprop", 0.01, beta=0.9, epsilon=0.0).update(params, grads)
    # s = 0.1·dW²; step = α dW / √s = α·sign(dW)/√0.1
    np.testing.assert_allclose(params["W1"], [[1 - 0.01 / np.sqrt(0.1), -2 + 0.01 / np.sqrt(0.1)]])


def test_adam_bias_correction_makes_the_first_step_the_learning_rate():
    params, grads = one_param()
    make_optimizer("adam", 0.01, epsilon=0.0).update(params, grads)
    # v̂ = dW, ŝ = dW², so the step is α·dW/|dW| = α·sign(dW)
    np.testing.assert_allclose(params["W1"], [[0.99, -1.99]])


@pytest.mark.parametrize("name", list(OPTIMIZERS))
def test_state_round_trip_continues_identically(name):
    rng = np.random.RandomState(0)
    params = {"W1": rng.randn(3, 2), "b1": rng.randn(3, 1)}
    grads = [{"dW1": rng.randn(3, 2), "db1": rng.randn(3, 1)} for _ in range(4)]
    first = make_optimizer(name, 0.05)
    for g in grads[:2]:
        first.update(params, g)
    resumed = make_optimizer(name, 0.05)
    resumed.load_state_dict(first.state_dict())
    twin = {k: v.copy() for k, v in params.items()}
    for g in grads[2:]:
        first.update(params, g)
        resumed.update(twin, g)
    for k in params:
        np.testing.assert_array_equal(params[k], twin[k])


def test_unknown_optimizer():
    with pytest.raises(ValueError, match="adam"):
        make_optimizer("lbfgs", 0.1)
