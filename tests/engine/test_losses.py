"""Losses: the course's formulas, and no log(0) or NaN from a saturated output."""

import math

import numpy as np
import pytest

from nnstudio.engine.losses import LOSSES, default_loss


def test_binary_cross_entropy_by_hand():
    AL = np.array([[0.8, 0.1]])
    Y = np.array([[1.0, 0.0]])
    # L = -[y log ŷ + (1-y) log(1-ŷ)]: -log 0.8 and -log 0.9, averaged over m = 2
    expected = (-math.log(0.8) - math.log(0.9)) / 2
    assert LOSSES["binary_cross_entropy"].cost(AL, Y) == pytest.approx(expected)


def test_categorical_cross_entropy_by_hand():
    AL = np.array([[0.7, 0.2], [0.2, 0.5], [0.1, 0.3]])
    Y = np.array([[1.0, 0.0], [0.0, 1.0], [0.0, 0.0]])
    expected = (-math.log(0.7) - math.log(0.5)) / 2
    assert LOSSES["categorical_cross_entropy"].cost(AL, Y) == pytest.approx(expected)


def test_half_mean_squared_error_by_hand():
    AL = np.array([[1.0, 3.0]])
    Y = np.array([[0.0, 1.0]])
    # ½‖ŷ − y‖² per sample: ½·1 and ½·4, averaged over m = 2
    assert LOSSES["mse"].cost(AL, Y) == pytest.approx((0.5 + 2.0) / 2)


@pytest.mark.parametrize("dtype", [np.float64, np.float32])
def test_saturated_outputs_stay_finite(dtype):
    AL = np.array([[0.0, 1.0, 0.0, 1.0]], dtype=dtype)
    Y = np.array([[1.0, 0.0, 0.0, 1.0]], dtype=dtype)
    cost = LOSSES["binary_cross_entropy"].cost(AL, Y)
    assert math.isfinite(cost) and cost > 5  # two confident mistakes out of four
    assert np.isfinite(LOSSES["binary_cross_entropy"].output_gradient(AL, Y)).all()
    probs = np.array([[1.0, 0.0], [0.0, 1.0]], dtype=dtype)
    onehot = np.array([[0.0, 0.0], [1.0, 1.0]], dtype=dtype)
    assert math.isfinite(LOSSES["categorical_cross_entropy"].cost(probs, onehot))


def test_loss_follows_output_activation():
    assert default_loss("sigmoid") == "binary_cross_entropy"
    assert default_loss("softmax") == "categorical_cross_entropy"
    assert default_loss("linear") == "mse"
    with pytest.raises(ValueError, match="output layer"):
        default_loss("relu")
