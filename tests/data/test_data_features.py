"""The input features of two inputs (x₁², x₁x₂, sin x₁ …), against values worked out by hand."""

import math

import numpy as np
import pytest

from nnstudio.data import (
    DEFAULT_FEATURES,
    FEATURES,
    FeatureError,
    check_features,
    feature_labels,
    in_order,
    map_features,
)

X = np.array([[1.0, -2.0, 0.5], [3.0, 0.0, -4.0]])  # x₁ = (1, -2, 0.5), x₂ = (3, 0, -4)


def test_every_feature_computes_its_formula():
    expected = {
        "x1": [1.0, -2.0, 0.5],
        "x2": [3.0, 0.0, -4.0],
        "x1sq": [1.0, 4.0, 0.25],
        "x2sq": [9.0, 0.0, 16.0],
        "x1x2": [3.0, -0.0, -2.0],
        "sinx1": [math.sin(1.0), math.sin(-2.0), math.sin(0.5)],
        "sinx2": [math.sin(3.0), 0.0, math.sin(-4.0)],
    }
    assert list(FEATURES) == list(expected)  # the canonical order
    for key, values in expected.items():
        out = map_features(X, (key,))
        assert out.shape == (1, 3)
        assert np.allclose(out[0], values, rtol=0, atol=1e-15), key


def test_a_choice_stacks_its_features_in_order_column_major_and_read_only():
    out = map_features(X, ("x1", "x2sq", "sinx1"))
    assert np.array_equal(out, [[1.0, -2.0, 0.5], [9.0, 0.0, 16.0], np.sin(X[0])])
    assert out.flags.f_contiguous and not out.flags.writeable


def test_the_default_is_the_identity_without_a_copy():
    assert DEFAULT_FEATURES == ("x1", "x2")
    assert map_features(X, DEFAULT_FEATURES) is X
    three = np.ones((3, 5))  # any data: the identity never looks at the shape
    assert map_features(three, DEFAULT_FEATURES) is three


def test_labels_are_the_course_notation():
    assert feature_labels(("x1", "x1sq", "x1x2", "sinx2")) == ("x₁", "x₁²", "x₁x₂", "sin x₂")
    assert FEATURES["x2sq"].html == "x<sub>2</sub><sup>2</sup>"


@pytest.mark.parametrize(
    ("keys", "message"),
    [
        ((), "at least one"),
        (("x1", "x3"), "'x3' is not an input feature"),
        (("x1", "x1"), "chosen twice"),
        (("x1sq", "x1"), "in the order"),
    ],
)
def test_a_bad_choice_is_a_named_error(keys, message):
    with pytest.raises(FeatureError, match=message):
        check_features(keys)
    assert issubclass(FeatureError, ValueError)


def test_in_order_sorts_a_choice_canonically():
    assert in_order(("sinx2", "x1", "x1sq")) == ("x1", "x1sq", "sinx2")
    assert check_features(in_order(("x2sq", "x1x2"))) == ("x2sq", "x1x2")


def test_features_need_two_inputs():
    with pytest.raises(FeatureError, match="2 inputs"):
        map_features(np.ones((3, 4)), ("x1sq",))
