"""Activations: values, the derivatives back propagation uses, and numerical stability."""

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from nnstudio.engine.activations import ACTIVATIONS, HIDDEN_ACTIVATIONS, get_activation

finite_z = arrays(np.float64, (3, 4), elements=st.floats(-30, 30))


def test_known_values():
    z = np.array([[-1.0, 0.0, 2.0]])
    np.testing.assert_allclose(ACTIVATIONS["sigmoid"].forward(z), 1 / (1 + np.exp(-z)))
    np.testing.assert_allclose(ACTIVATIONS["tanh"].forward(z), np.tanh(z))
    np.testing.assert_array_equal(ACTIVATIONS["relu"].forward(z), [[0.0, 0.0, 2.0]])
    np.testing.assert_allclose(ACTIVATIONS["leaky_relu"].forward(z), [[-0.01, 0.0, 2.0]])
    np.testing.assert_array_equal(ACTIVATIONS["linear"].forward(z), z)


def test_softmax_columns_are_probabilities():
    z = np.array([[1.0, -2.0], [2.0, 0.0], [3.0, 5.0]])
    a = ACTIVATIONS["softmax"].forward(z)
    np.testing.assert_allclose(a.sum(axis=0), [1.0, 1.0])
    np.testing.assert_allclose(a[:, 0], np.exp([1, 2, 3]) / np.exp([1, 2, 3]).sum())


def test_relu_derivative_is_zero_at_zero():
    z = np.array([[-1.0, 0.0, 1.0]])
    relu = ACTIVATIONS["relu"]
    np.testing.assert_array_equal(relu.derivative(z, relu.forward(z)), [[0.0, 0.0, 1.0]])


@pytest.mark.parametrize("name", HIDDEN_ACTIVATIONS)
@given(z=finite_z)
def test_derivative_matches_central_difference(name, z):
    act = get_activation(name)
    z = z + 1e-3 * (np.abs(z) < 1e-3)  # keep away from relu's kink at 0
    h = 1e-6
    numeric = (act.forward(z + h) - act.forward(z - h)) / (2 * h)
    np.testing.assert_allclose(act.derivative(z, act.forward(z)), numeric, atol=1e-6)


def test_softmax_backward_matches_jacobian():
    rng = np.random.RandomState(0)
    z, dA = rng.randn(4, 3), rng.randn(4, 3)
    act = ACTIVATIONS["softmax"]
    dZ = act.backward(dA, z, act.forward(z))
    h = 1e-6
    for i in range(4):
        bump = np.zeros_like(z)
        bump[i] = h
        numeric = ((act.forward(z + bump) - act.forward(z - bump)) / (2 * h) * dA).sum(axis=0)
        np.testing.assert_allclose(dZ[i], numeric, atol=1e-8)


@pytest.mark.parametrize("name", list(ACTIVATIONS))
@pytest.mark.parametrize("dtype", [np.float64, np.float32])
def test_no_overflow_for_huge_inputs(name, dtype):
    """pytest turns warnings into errors, so an overflow in exp would fail here."""
    z = np.array([[-1e4, -700.0, 0.0, 700.0, 1e4]], dtype=dtype).T.repeat(2, axis=1)
    act = ACTIVATIONS[name]
    a = act.forward(z)
    assert a.dtype == dtype
    assert np.isfinite(a).all()
    if act.derivative is not None:
        assert np.isfinite(act.derivative(z, a)).all()


def test_unknown_activation_names_the_choices():
    with pytest.raises(ValueError, match="sigmoid"):
        get_activation("swish")
