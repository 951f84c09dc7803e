"""Built-in data sets: reproducible, well-formed, checked parameters, and learnable."""

import json

import numpy as np
import pytest

from nnstudio.data import (
    BUILTIN_DATASETS,
    Dataset,
    builtin_from_source,
    flower,
    make_dataset,
    prepare,
    spiral,
)
from nnstudio.engine import Network, TrainingConfig, TrainingData, train

NAMES = sorted(BUILTIN_DATASETS)


def course_planar_dataset():
    """The course's ``load_planar_dataset``, with the global generator as it seeds it."""
    state = np.random.get_state()
    try:
        np.random.seed(1)
        m, D, a = 400, 2, 4
        N = int(m / 2)
        X = np.zeros((m, D))
        Y = np.zeros((m, 1), dtype="uint8")
        for j in range(2):
            ix = range(N * j, N * (j + 1))
            t = np.linspace(j * 3.12, (j + 1) * 3.12, N) + np.random.randn(N) * 0.2
            r = a * np.sin(4 * t) + np.random.randn(N) * 0.2
            X[ix] = np.c_[r * np.sin(t), r * np.cos(t)]
            Y[ix] = j
        return X.T, Y.T
    finally:
        np.random.set_state(state)


def test_flower_defaults_equal_the_course_data():
    X, Y = course_planar_dataset()
    d = flower()
    np.testing.assert_array_equal(d.X, X)
    np.testing.assert_array_equal(d.Y, Y)
    assert d.X.shape == (2, 400) and d.Y.shape == (1, 400)
    assert d.source == {
        "kind": "builtin",
        "name": "flower",
        "params": {"samples": 400, "noise": 0.2, "seed": 1},
    }


def test_flower_with_odd_samples_has_exactly_that_many():
    d = flower(samples=401)
    assert d.m == 401 and list(d.class_counts()) == [201, 200]


@pytest.mark.parametrize("name", NAMES)
def test_each_builtin_is_deterministic_and_well_formed(name):
    spec = BUILTIN_DATASETS[name]
    d = make_dataset(name)
    assert isinstance(d, Dataset) and d.name == name and d.task == spec.task
    assert d == make_dataset(name) == spec.generate()
    assert make_dataset(name, seed=2) != d
    n0 = 1 if spec.task == "regression" else 2
    assert d.X.shape == (n0, spec.defaults["samples"]) and d.Y.shape == (1, d.m)
    assert np.isfinite(d.X).all()
    if spec.task == "regression":
        assert d.Y.dtype == np.float64 and d.class_names == ()
    else:
        K = spec.defaults.get("classes", 2)
        assert d.n_classes == K and set(np.unique(d.Y)) == set(range(K))
        assert d.class_counts().max() - d.class_counts().min() <= d.m // 4
    assert d.source["params"] == {**spec.defaults}
    json.dumps(d.source)
    assert builtin_from_source(json.loads(json.dumps(d.source))) == d


@pytest.mark.parametrize("name", NAMES)
def test_each_builtin_honours_samples_and_noise(name):
    d = make_dataset(name, samples=123, noise=0.0, seed=5)
    assert d.m == 123
    assert d.source["params"]["noise"] == 0.0


@pytest.mark.parametrize("name", ["spiral", "blobs"])
@pytest.mark.parametrize("K", [2, 5, 10])
def test_class_count_parameter(name, K):
    d = make_dataset(name, samples=100, classes=K)
    assert d.n_classes == K == d.output_units and d.output_activation == "softmax"
    assert set(np.unique(d.Y)) == set(range(K))


def test_registry_entries_describe_themselves():
    assert set(NAMES) == {"flower", "circles", "moons", "xor", "spiral", "blobs", "sine"}
    for name, spec in BUILTIN_DATASETS.items():
        assert spec.name == name and spec.title and spec.description
        assert spec.task in ("binary", "multiclass", "regression")
        assert spec.has_classes == ("classes" in spec.defaults) == (name in ("spiral", "blobs"))
        assert {"samples", "noise", "seed"} <= set(spec.defaults)


@pytest.mark.parametrize(
    ("name", "params", "message"),
    [
        ("petals", {}, "no built-in data set 'petals'"),
        ("flower", {"samples": 9}, "samples must be a whole number from 10 to 100000"),
        ("flower", {"samples": 100_001}, "samples must be"),
        ("flower", {"samples": 50.5}, "samples must be"),
        ("flower", {"samples": True}, "samples must be"),
        ("flower", {"noise": -0.1}, "noise must be a finite number ≥ 0"),
        ("flower", {"noise": float("inf")}, "noise must be"),
        ("flower", {"noise": "a"}, "noise must be a number"),
        ("flower", {"seed": -1}, "seed must be"),
        ("flower", {"classes": 3}, "only spiral and blobs"),
        ("moons", {"radius": 3}, "unknown parameter"),
        ("spiral", {"classes": 1}, "classes must be a whole number from 2 to 10"),
        ("blobs", {"classes": 11}, "classes must be"),
    ],
)
def test_make_dataset_rejects_bad_parameters(name, params, message):
    with pytest.raises(ValueError, match=message):
        make_dataset(name, **params)


def test_whole_floats_are_accepted():
    assert make_dataset("spiral", samples=60.0, classes=4.0) == spiral(samples=60, classes=4)


# -- learnability ----------------------------------------------------------------------------
def fit(d, hidden, activation, learning_rate, epochs, optimizer="adam", standardize=True):
    data = prepare(d, 0.0, 0, standardize=standardize).train
    net = Network(
        [data.n_features, *hidden, data.output_units],
        [activation] * len(hidden) + [data.output_activation],
        init="xavier",
        seed=1,
    )
    config = TrainingConfig(
        learning_rate=learning_rate, epochs=epochs, optimizer=optimizer, report_every=epochs
    )
    reports = list(train(net, TrainingData(data.X, data.Y), config))
    assert reports[-1].status == "finished"
    return reports[-1]


def test_flower_is_learnable_as_in_the_course():
    # The course: one hidden layer of 4 tanh units, learning rate 1.2, 10000 steps → about 90 %.
    report = fit(flower(), [4], "tanh", 1.2, 10_000, optimizer="gd", standardize=False)
    assert report.train_accuracy >= 0.88


@pytest.mark.parametrize(
    ("name", "params", "hidden", "activation", "lr", "epochs", "threshold"),
    [
        ("circles", {}, [8], "tanh", 0.05, 500, 0.97),
        ("moons", {}, [8], "tanh", 0.05, 500, 0.97),
        ("xor", {}, [8], "tanh", 0.05, 500, 0.95),
        ("spiral", {}, [32], "relu", 0.02, 1000, 0.95),
        ("blobs", {}, [8], "tanh", 0.05, 200, 0.97),
        ("blobs", {"classes": 10, "samples": 1000}, [16], "tanh", 0.05, 500, 0.95),
    ],
)
def test_classification_sets_are_learnable(name, params, hidden, activation, lr, epochs, threshold):
    report = fit(make_dataset(name, **params), hidden, activation, lr, epochs)
    assert report.train_accuracy >= threshold


def test_sine_is_learnable():
    d = make_dataset("sine")
    report = fit(d, [16], "tanh", 0.02, 1000)
    # Half mean squared error; the noise alone (σ = 0.1) costs σ²/2 = 0.005.
    assert report.train_accuracy is None
    assert report.cost <= 0.01
