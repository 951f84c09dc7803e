"""Dataset, split, Standardizer and prepare."""

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from nnstudio.data import Dataset, PreparedData, Standardizer, flower, prepare, sine, spiral, split


def small(task="binary", m=6):
    rs = np.random.RandomState(0)
    if task == "regression":
        return Dataset(rs.randn(3, m), rs.randn(1, m), task, ("a", "b", "c"), (), "small")
    K = 2 if task == "binary" else 3
    Y = np.arange(m) % K
    names = tuple(f"c{k}" for k in range(K))
    return Dataset(rs.randn(3, m), Y.reshape(1, -1), task, ("a", "b", "c"), names, "small")


# -- Dataset ---------------------------------------------------------------------------------
def test_dataset_facts_per_task():
    b, mc, r = small("binary"), small("multiclass"), small("regression")
    assert (b.m, b.n_features, b.n_classes, b.output_units, b.output_activation) == (
        6,
        3,
        2,
        1,
        "sigmoid",
    )
    assert (mc.n_classes, mc.output_units, mc.output_activation) == (3, 3, "softmax")
    assert (r.n_classes, r.output_units, r.output_activation) == (0, 1, "linear")
    assert b.X.dtype == np.float64 and b.Y.dtype == np.int64 and b.Y.shape == (1, 6)
    assert r.Y.dtype == np.float64
    assert list(mc.class_counts()) == [2, 2, 2]


def test_dataset_arrays_are_read_only_copies():
    X = np.zeros((2, 3))
    d = Dataset(X, np.array([[0, 1, 0]]), "binary", ("x1", "x2"), ("a", "b"))
    X[0, 0] = 5
    assert d.X[0, 0] == 0
    with pytest.raises(ValueError):
        d.X[0, 0] = 1
    copy = d.to_arrays()["X"]
    copy[0, 0] = 7  # the copy is writable and separate
    assert d.X[0, 0] == 0


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"task": "ranking"}, "task must be one of"),
        ({"X": np.zeros(3)}, "2-D"),
        ({"Y": np.zeros((2, 3))}, "shape"),
        ({"feature_names": ("x",)}, "feature names"),
        ({"class_names": ("a",)}, "exactly 2"),
        ({"Y": np.array([[0, 1, 2]])}, "0..1"),
        ({"Y": np.array([[0.0, 0.5, 1.0]])}, "whole numbers"),
        ({"X": np.array([[0.0, np.nan, 1.0], [0, 0, 0]])}, "finite"),
        ({"source": {"f": object()}}, "JSON"),
    ],
)
def test_dataset_rejects_bad_input(kwargs, message):
    args = {
        "X": np.zeros((2, 3)),
        "Y": np.array([[0, 1, 1]]),
        "task": "binary",
        "feature_names": ("x1", "x2"),
        "class_names": ("a", "b"),
    }
    with pytest.raises(ValueError, match=message):
        Dataset(**{**args, **kwargs})


def test_dataset_round_trip_through_arrays_and_json_metadata():
    d = spiral(samples=60, classes=4)
    meta = json.loads(json.dumps(d.metadata()))
    again = Dataset.from_arrays(**d.to_arrays(), **meta)
    assert again == d
    assert again != sine()


def test_from_arrays_fills_in_names():
    d = Dataset.from_arrays(np.zeros((2, 4)), np.array([0, 2, 1, 2]), "multiclass")
    assert d.feature_names == ("x1", "x2")
    assert d.class_names == ("0", "1", "2")
    assert d.Y.shape == (1, 4)


# -- split -----------------------------------------------------------------------------------
def _columns(d):
    return {tuple(c) for c in d.X.T}


def test_split_partitions_the_samples_and_keeps_order():
    d = flower()
    train, val = split(d, 0.25, seed=3)
    assert train.m + val.m == d.m and val.m == 100
    assert _columns(train) | _columns(val) == _columns(d)
    assert not _columns(train) & _columns(val)
    where = {tuple(c): i for i, c in enumerate(d.X.T)}
    positions = [where[tuple(c)] for c in train.X.T]
    assert positions == sorted(positions)
    assert train.source == d.source and train.class_names == d.class_names


def test_split_is_stratified_and_deterministic():
    d = spiral(samples=301, classes=3)  # class sizes 101, 100, 100
    train, val = split(d, 0.2, seed=7)
    assert val.m == 60
    np.testing.assert_allclose(val.class_counts(), 0.2 * d.class_counts(), atol=1)
    again_train, again_val = split(d, 0.2, seed=7)
    assert again_train == train and again_val == val
    assert split(d, 0.2, seed=8)[1] != val


def test_split_keeps_every_class_in_training():
    X = np.arange(10.0).reshape(1, -1)
    Y = np.array([[0] * 9 + [1]])
    d = Dataset(X, Y, "binary", ("x",), ("many", "one"))
    train, val = split(d, 0.5, seed=0)
    assert list(train.class_counts()) == [4, 1] and list(val.class_counts()) == [5, 0]


def test_split_with_zero_share_gives_an_empty_validation_set():
    train, val = split(sine(), 0.0, seed=0)
    assert train == sine() and val.X.shape == (1, 0) and val.Y.shape == (1, 0)


@pytest.mark.parametrize("share", [-0.1, 1.0, 1.5, float("nan")])
def test_split_rejects_bad_shares(share):
    with pytest.raises(ValueError, match="validation share"):
        split(flower(), share, seed=0)


def test_split_refuses_to_leave_no_training_samples():
    d = Dataset(np.zeros((1, 10)), np.zeros((1, 10)), "regression", ("x",))
    with pytest.raises(ValueError, match="no training samples"):
        split(d, 0.99, seed=0)


# -- Standardizer ----------------------------------------------------------------------------
finite_matrices = hnp.arrays(
    np.float64,
    st.tuples(st.integers(1, 4), st.integers(2, 30)),
    elements=st.floats(-1e4, 1e4, allow_nan=False, allow_infinity=False),
)


@settings(max_examples=60, deadline=None, database=None)
@given(finite_matrices)
def test_standardizer_gives_zero_mean_unit_spread(X):
    s = Standardizer().fit(X)
    assert s.mean.shape == (X.shape[0], 1) and s.std.shape == (X.shape[0], 1)
    Z = s.transform(X)
    assert Z.shape == X.shape
    np.testing.assert_allclose(Z.mean(axis=1), 0, atol=1e-6)
    spread = Z.std(axis=1)
    constant = X.std(axis=1) <= 1e-12 * np.maximum(1, np.abs(X.mean(axis=1)))
    np.testing.assert_allclose(spread[~constant], 1, rtol=1e-6)
    np.testing.assert_allclose(s.inverse_transform(Z), X, rtol=1e-9, atol=1e-6)


def test_standardizer_treats_constant_features_as_unit_spread():
    X = np.array([[0.1, 0.1, 0.1], [1.0, 2.0, 3.0]])
    s = Standardizer().fit(X)
    assert s.std[0, 0] == 1.0
    np.testing.assert_allclose(s.transform(X)[0], 0.0, atol=1e-15)


def test_standardizer_serialises_and_checks_shapes():
    s = Standardizer().fit(np.array([[1.0, 3.0], [2.0, 6.0]]))
    data = json.loads(json.dumps(s.to_dict()))
    assert data == {"mean": [2.0, 4.0], "std": [1.0, 2.0]}
    assert Standardizer.from_dict(data) == s
    with pytest.raises(ValueError, match=r"\(2, m\)"):
        s.transform(np.zeros((3, 4)))
    with pytest.raises(ValueError, match="not been fitted"):
        Standardizer().transform(np.zeros((2, 1)))
    with pytest.raises(ValueError, match="positive"):
        Standardizer.from_dict({"mean": [0.0], "std": [0.0]})
    assert Standardizer.identity(3).is_identity and not s.is_identity


# -- prepare ---------------------------------------------------------------------------------
@settings(max_examples=25, deadline=None, database=None)
@given(st.floats(0.0, 0.5), st.integers(0, 2**31), st.sampled_from(["flower", "sine"]))
def test_prepare_fits_the_scaler_on_training_data_only(share, seed, which):
    d = flower(samples=60) if which == "flower" else sine(samples=60)
    p = prepare(d, share, seed)
    assert isinstance(p, PreparedData)
    raw_train, raw_val = split(d, share, seed)
    np.testing.assert_allclose(p.standardizer.mean.ravel(), raw_train.X.mean(axis=1))
    np.testing.assert_allclose(p.train.X.mean(axis=1), 0, atol=1e-12)
    np.testing.assert_allclose(p.train.X.std(axis=1), 1, rtol=1e-12)
    expected_val = (raw_val.X - raw_train.X.mean(1, keepdims=True)) / raw_train.X.std(
        1, keepdims=True
    )
    np.testing.assert_allclose(p.validation.X, expected_val)
    np.testing.assert_array_equal(p.validation.Y, raw_val.Y)
    np.testing.assert_allclose(p.standardizer.inverse_transform(p.train.X), raw_train.X)


def test_prepare_without_standardising_leaves_inputs_alone():
    d = flower()
    p = prepare(d, 0.2, 0, standardize=False)
    assert p.standardizer.is_identity
    train, val = split(d, 0.2, 0)
    assert p.train == train and p.validation == val


def test_data_package_does_not_import_qt():
    code = (
        "import sys, nnstudio.data as d; d.flower(); "
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'pyqtgraph', 'nnstudio.gui'))]; "
        "assert not bad, bad"
    )
    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "PYTHONPATH": str(root)}
    subprocess.run([sys.executable, "-c", code], check=True, cwd=root, env=env)
