"""What an optimizer keeps for one layer, in the course's names, from the engine's own state."""

import numpy as np
import pytest

from nnstudio.engine import Network
from nnstudio.engine.optimizers import make_optimizer
from nnstudio.learn.optimizer_state import S_HAT, V_HAT, layer_optimizer_state


def trained_state(name, steps=3, **options):
    """The state ``name`` keeps after ``steps`` updates of a 3-4-2-1 network."""
    rs = np.random.RandomState(0)
    X, Y = rs.randn(3, 20), (rs.rand(1, 20) > 0.5).astype(float)
    net = Network([3, 4, 2, 1], ["tanh", "relu", "sigmoid"], seed=2)
    optimizer = make_optimizer(name, 0.01, **options)
    for _ in range(steps):
        _AL, cache = net.forward(X)
        optimizer.update(net.params, net.backward(Y, cache))
    return optimizer.state_dict()


def test_adam_keeps_v_and_s_and_the_corrected_averages_follow_the_formulas():
    state = trained_state("adam", steps=3, beta1=0.8, beta2=0.95)
    found = layer_optimizer_state("adam", {"beta1": 0.8, "beta2": 0.95}, state, 2)
    assert found is not None and found.t == 3
    slots = state["slots"]
    assert set(found.arrays) == {
        "v_dW", "v_db", "s_dW", "s_db", f"{V_HAT}_dW", f"{V_HAT}_db", f"{S_HAT}_dW", f"{S_HAT}_db"
    }  # fmt: skip
    assert np.array_equal(found.arrays["v_dW"], slots["v_W2"])
    assert np.array_equal(found.arrays["s_db"], slots["s_b2"])
    assert np.allclose(found.arrays[f"{V_HAT}_dW"], slots["v_W2"] / (1 - 0.8**3))
    assert np.allclose(found.arrays[f"{S_HAT}_db"], slots["s_b2"] / (1 - 0.95**3))
    # shapes of their parameters: W[2] is (n[2], n[1]) = (2, 4), b[2] is (2, 1)
    assert found.arrays["v_dW"].shape == (2, 4) and found.arrays["s_db"].shape == (2, 1)


@pytest.mark.parametrize(
    ("name", "keys"), [("momentum", {"v_dW", "v_db"}), ("rmsprop", {"s_dW", "s_db"})]
)
def test_momentum_keeps_v_and_rmsprop_keeps_s(name, keys):
    found = layer_optimizer_state(name, {}, trained_state(name), 1)
    assert found is not None and set(found.arrays) == keys
    assert all(array.shape in {(4, 3), (4, 1)} for array in found.arrays.values())


def test_nothing_for_gradient_descent_before_a_run_or_for_another_optimizers_state():
    assert layer_optimizer_state("gd", {}, trained_state("gd"), 1) is None
    assert layer_optimizer_state("adam", {}, None, 1) is None
    assert layer_optimizer_state("momentum", {}, trained_state("adam"), 1) is None  # switched
    assert layer_optimizer_state("adam", {}, {"t": 0, "slots": {}}, 1) is None
