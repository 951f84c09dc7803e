"""Adding an activation is one registry entry: softplus, registered in-process, works in the
network, the training step, the gradient check, the exported script and the step-through with
no other edit anywhere."""

import importlib.util

import numpy as np
import pytest

from nnstudio.engine import Network, gradient_check, make_optimizer
from nnstudio.engine.activations import ACTIVATIONS, Activation
from nnstudio.engine.fast_step import TrainingStep
from nnstudio.learn import export_numpy_script
from nnstudio.learn.stepthrough import build_steps


def _softplus(Z, s, row, zeros):
    return [(np.logaddexp, (0.0, Z, Z))]


def _softplus_back(D, A, s, mask, row):
    # g′(z) = σ(z) = 1 − e^(−a)
    return [
        (np.negative, (A, s)),
        (np.exp, (s, s)),
        (np.subtract, (1.0, s, s)),
        (np.multiply, (D, s, D)),
    ]


SOFTPLUS = Activation(
    "softplus",
    lambda z: np.logaddexp(0.0, z),
    lambda z, a: 1.0 - np.exp(-a),
    _softplus,
    _softplus_back,
    symbol="softplus",
    formula="log(1 + eᶻ)",
    derivative_text="softplus′(z) = 1 − e⁻ᵃ",
    source='def softplus(Z):\n    """log(1 + e^z)."""\n    return np.logaddexp(0.0, Z)\n',
)


@pytest.fixture
def softplus(monkeypatch):
    """The registry with softplus in it, for this test only (monkeypatch takes it out again)."""
    monkeypatch.setitem(ACTIVATIONS, "softplus", SOFTPLUS)
    return SOFTPLUS


def make_net():
    net = Network([2, 5, 3, 1], ["softplus", "tanh", "sigmoid"], seed=4)
    rng = np.random.RandomState(4)
    X = rng.randn(2, 12)
    Y = (X[:1] * X[1:] > 0).astype(float)
    return net, X, Y


def test_a_new_activation_trains_and_passes_the_gradient_check(softplus):
    net, X, Y = make_net()
    AL, cache = net.forward(X)
    np.testing.assert_array_equal(cache["A1"], np.logaddexp(0.0, cache["Z1"]))
    assert gradient_check(net, X, Y).passed()
    ref = net.copy()
    step = TrainingStep(net, make_optimizer("adam", 0.05), X.shape[1])
    step.use_full_batch(X, Y)
    ref_opt = make_optimizer("adam", 0.05)
    for _ in range(4):  # the fused step is the reference, bit for bit
        assert step.compute()
        AL, cache = ref.forward(X)
        grads = ref.backward(Y, cache)
        for name, view in step.grad_views.items():
            np.testing.assert_array_equal(view, grads[f"d{name}"], err_msg=name)
        assert step.cost() == ref.cost(AL, Y)
        step.apply()
        ref_opt.update(ref.params, grads)
    for name in ref.params:
        np.testing.assert_array_equal(net.params[name], ref.params[name], err_msg=name)


def test_a_new_activation_is_exported_and_explained(softplus, tmp_path):
    net, X, Y = make_net()
    script, _ = export_numpy_script(net, tmp_path / "model.py")
    text = script.read_text(encoding="utf-8")
    assert "def softplus(Z):" in text and "A1 = softplus(Z1)" in text
    spec = importlib.util.spec_from_file_location("exported_softplus", script)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    np.testing.assert_array_equal(module.forward(X), net.forward(X)[0])
    np.testing.assert_array_equal(module.predict(X), net.predict(X))

    steps = build_steps(net, X, Y, learning_rate=0.1)
    activation = next(s for s in steps if s.title == "Forward, layer 1: activation softplus")
    assert activation.formula_text.startswith("A[1] (5, 12) = softplus(Z[1])")
    assert "log(1 + eᶻ)" in activation.explanation
    backward = next(s for s in steps if s.title == "Backward, layer 1: dZ[1]")
    assert "softplus′(z) = 1 − e⁻ᵃ" in backward.explanation


def test_the_registry_is_left_as_it_was():
    assert "softplus" not in ACTIVATIONS
