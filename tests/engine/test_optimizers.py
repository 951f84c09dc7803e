"""Optimizers: one update worked out by hand for each, state that survives a round trip, and
hyperparameters refused outside their documented ranges."""

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from nnstudio.engine import OPTIMIZERS, HyperparameterError, make_optimizer
from nnstudio.engine.optimizers import LEARNING_RATE


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
    make_optimizer("rmsprop", 0.01, beta=0.9, epsilon=1e-300).update(params, grads)
    # s = 0.1·dW²; step = α dW / √s (ε too small to show) = α·sign(dW)/√0.1
    np.testing.assert_allclose(params["W1"], [[1 - 0.01 / np.sqrt(0.1), -2 + 0.01 / np.sqrt(0.1)]])


def test_adam_bias_correction_makes_the_first_step_the_learning_rate():
    params, grads = one_param()
    make_optimizer("adam", 0.01, epsilon=1e-300).update(params, grads)
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


# -- valid ranges -------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("name", "options", "field"),
    [
        ("adam", {"beta1": 1.0}, "beta1"),  # 1 − β₁ᵗ = 0: a division by zero at the first step
        ("adam", {"beta2": 1.0}, "beta2"),
        ("adam", {"beta1": -0.1}, "beta1"),
        ("adam", {"epsilon": 0.0}, "epsilon"),
        ("adam", {"epsilon": -1e-8}, "epsilon"),
        ("rmsprop", {"beta": 1.5}, "beta"),
        ("rmsprop", {"epsilon": math.inf}, "epsilon"),
        ("momentum", {"beta": math.nan}, "beta"),
        ("momentum", {"beta": "0.9"}, "beta"),
        ("momentum", {"beta": True}, "beta"),
        ("gd", {"beta": 0.9}, "beta"),  # an option gradient descent does not have
        ("adam", {"beta": 0.9}, "beta"),
    ],
)
def test_out_of_range_hyperparameters_are_refused_naming_the_field(name, options, field):
    with pytest.raises(HyperparameterError, match=field) as caught:
        make_optimizer(name, 0.01, **options)
    assert caught.value.field == field
    assert isinstance(caught.value, ValueError)


@pytest.mark.parametrize("rate", [0.0, -0.01, math.inf, -math.inf, math.nan])
@pytest.mark.parametrize("name", list(OPTIMIZERS))
def test_learning_rate_must_be_positive_and_finite(name, rate):
    with pytest.raises(HyperparameterError, match="learning_rate") as caught:
        make_optimizer(name, rate)
    assert caught.value.field == "learning_rate"
    assert "α > 0" in str(caught.value)


def test_adam_with_beta_one_used_to_divide_by_zero():
    params, grads = one_param()
    with pytest.raises(HyperparameterError, match=r"0 ≤ β₁ < 1"):
        make_optimizer("adam", 0.01, beta1=1.0).update(params, grads)


@pytest.mark.parametrize("name", list(OPTIMIZERS))
def test_every_hyperparameter_declares_a_range(name):
    cls = OPTIMIZERS[name]
    assert set(cls.ranges) == set(cls.hyperparameter_names)
    defaults = make_optimizer(name, 0.01).hyperparameters()
    for field, valid in cls.ranges.items():
        assert valid.field == field
        assert valid.contains(defaults[field]), (name, field)  # the defaults are valid


@given(
    name=st.sampled_from(sorted(n for n in OPTIMIZERS if OPTIMIZERS[n].ranges)),
    value=st.floats(allow_nan=True, allow_infinity=True),
    rate=st.floats(allow_nan=True, allow_infinity=True),
)
def test_a_value_is_accepted_exactly_when_its_range_holds(name, value, rate):
    ranges = OPTIMIZERS[name].ranges
    field = sorted(ranges)[0]
    valid = ranges[field]
    ok = math.isfinite(value) and math.isfinite(rate) and rate > 0
    ok = (
        ok
        and valid.low is not None
        and (value > valid.low if valid.low_open else value >= valid.low)
    )
    ok = ok and (
        valid.high is None or (value < valid.high if valid.high_open else value <= valid.high)
    )
    if ok:
        opt = make_optimizer(name, rate, **{field: value})
        assert opt.hyperparameters()[field] == value
        params, grads = one_param()
        with np.errstate(over="ignore"):
            opt.update(params, grads)  # never a ZeroDivisionError
    else:
        with pytest.raises(HyperparameterError) as caught:
            make_optimizer(name, rate, **{field: value})
        rate_bad = not LEARNING_RATE.contains(rate)
        assert caught.value.field == ("learning_rate" if rate_bad else field)
