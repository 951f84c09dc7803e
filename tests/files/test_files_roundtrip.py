"""Saving and loading give back exactly what was saved, and training continues bit for bit."""

from __future__ import annotations

import json
import zipfile
from datetime import UTC, datetime

import numpy as np
import pytest

import nnstudio
from nnstudio.data import Dataset, Standardizer, load_csv, make_dataset
from nnstudio.engine import Network, TrainingConfig, TrainingData, train
from nnstudio.files import FORMAT_NAME, FORMAT_VERSION, InvalidContentError, load_model, save_model

OPTIONS = {"gd": {}, "momentum": {"beta": 0.8}, "rmsprop": {"beta": 0.95}, "adam": {"beta1": 0.85}}


def _train(net: Network, data: Dataset, config: TrainingConfig, state=None):  # type: ignore[no-untyped-def]
    """Train and return the optimizer's state after the run."""
    reports = list(train(net, TrainingData(data.X, data.Y), config, optimizer_state=state))
    return reports[-1].optimizer_state


@pytest.mark.parametrize("dtype", ["float64", "float32"])
@pytest.mark.parametrize("optimizer", list(OPTIONS))
def test_round_trip_is_bit_exact_and_training_continues_exactly(tmp_path, dtype, optimizer):
    data = make_dataset("blobs", samples=60, classes=3)
    net = Network([2, 5, 3], ["relu", "softmax"], init="he", seed=3, dtype=dtype)
    config = TrainingConfig(
        learning_rate=0.05,
        epochs=7,
        batch_size=16,
        optimizer=optimizer,
        optimizer_options=OPTIONS[optimizer],
        report_every=3,
    )
    state = _train(net, data, config)
    hyper = {
        "learning_rate": 0.05,
        "epochs": 7,
        "batch_size": 16,
        "optimizer": optimizer,
        "optimizer_options": OPTIONS[optimizer],
    }
    path = save_model(
        tmp_path / "m.nnstudio",
        net,
        dataset=data,
        hyperparameters=hyper,
        optimizer_state=state,
    )
    model = load_model(path)
    assert model.network == net
    for name, value in net.params.items():
        assert model.network.params[name].dtype == np.dtype(dtype)
        assert model.network.params[name].tobytes() == value.tobytes()
    assert model.dataset == data
    assert model.hyperparameters == hyper
    assert model.optimizer_state is not None
    assert model.optimizer_state["t"] == state["t"] > 0
    slots = model.optimizer_state["slots"]
    assert slots.keys() == state["slots"].keys()  # type: ignore[union-attr]
    for key, value in state["slots"].items():  # type: ignore[union-attr]
        assert slots[key].dtype == value.dtype and slots[key].tobytes() == value.tobytes()

    restored = model.make_optimizer()
    opt = config.make_optimizer(state)
    assert type(restored) is type(opt) and restored.hyperparameters() == opt.hyperparameters()
    after = _train(net, data, config, state)
    restored_after = _train(model.network, model.dataset, config, model.optimizer_state)
    assert model.network == net
    assert restored_after["t"] == after["t"] == 2 * state["t"]


def test_everything_else_round_trips(tmp_path):
    net = Network([2, 4, 1], ["tanh", "sigmoid"], init="small", seed=2)
    history = {"step": [0, 10, 20], "cost": [0.69, 0.5, 0.25], "val_cost": [None, 0.6, 0.4]}
    runs = [
        {"name": "lr 1.2", "visible": True, "history": history, "description": {"lr": 1.2}},
        {"name": "lr 0.1", "visible": False, "history": {"cost": [1.0]}, "description": {}},
    ]
    extra = {"window": {"tab": "train"}, "notes": "first try", "list": [1, "two", None]}
    scaler = Standardizer().fit(np.array([[1.0, 2.0, 4.0], [3.0, 3.5, 9.0]]))
    created = datetime(2024, 3, 1, 12, 30, tzinfo=UTC)
    path = save_model(
        tmp_path / "m.nnstudio",
        net,
        history=history,
        runs=runs,
        extra=extra,
        standardizer=scaler,
        created=created,
    )
    model = load_model(path)
    assert model.network == net
    assert model.history == history
    assert model.runs == runs
    assert model.extra == extra
    assert model.standardizer == scaler
    assert model.dataset is None and model.optimizer_state is None
    assert model.app_version == nnstudio.__version__
    assert model.format_version == FORMAT_VERSION
    assert model.created == created
    assert model.modified is not None and model.modified >= created
    assert model.warnings == ()


def test_history_stores_nan_and_infinity_as_null_and_keeps_whole_numbers(tmp_path):
    net = Network([1, 1], ["linear"])
    history = {"step": np.array([1, 2, 3]), "cost": [np.float32(0.5), float("nan"), np.inf]}
    model = load_model(save_model(tmp_path / "m.nnstudio", net, history=history))
    assert model.history == {"step": [1, 2, 3], "cost": [0.5, None, None]}
    assert all(type(v) is int for v in model.history["step"])


def test_standardizer_as_mean_and_std_arrays(tmp_path):
    net = Network([3, 2, 1], ["relu", "linear"])
    mean, std = np.array([[1.0], [2.0], [3.0]]), np.array([[0.5], [1.0], [2.0]])
    model = load_model(save_model(tmp_path / "m.nnstudio", net, standardizer=(mean, std)))
    assert model.standardizer is not None
    assert np.array_equal(model.standardizer.mean, mean)
    assert np.array_equal(model.standardizer.std, std)


def test_builtin_data_set_is_stored_by_name_and_regenerated(tmp_path):
    data = make_dataset("spiral", samples=90, classes=3, seed=4, noise=0.1)
    net = Network([2, 8, 3], ["relu", "softmax"])
    path = save_model(tmp_path / "m.nnstudio", net, dataset=data)
    with zipfile.ZipFile(path) as zf:
        assert not any(n.startswith("data/") for n in zf.namelist())
        manifest = json.loads(zf.read("manifest.json"))
    assert manifest["format"] == FORMAT_NAME and manifest["format_version"] == FORMAT_VERSION
    assert manifest["dataset"]["embedded"] is False
    assert manifest["dataset"]["source"]["params"]["seed"] == 4
    assert load_model(path).dataset == data


def test_changed_builtin_data_set_is_embedded(tmp_path):
    data = make_dataset("flower").subset(np.arange(0, 400, 3))
    net = Network([2, 4, 1], ["tanh", "sigmoid"])
    path = save_model(tmp_path / "m.nnstudio", net, dataset=data)
    with zipfile.ZipFile(path) as zf:
        assert {"data/X.npy", "data/Y.npy"} <= set(zf.namelist())
    assert load_model(path).dataset == data


def test_imported_csv_data_is_self_contained(tmp_path):
    csv = tmp_path / "fruit.csv"
    csv.write_text("weight,colour,kind\n1.5,0.2,apple\n2.5,0.9,pear\n1.7,0.3,apple\n3.0,1,pear\n")
    data = load_csv(csv, label_column="kind")
    net = Network([2, 3, 1], ["tanh", "sigmoid"])
    path = save_model(tmp_path / "m.nnstudio", net, dataset=data)
    csv.unlink()
    model = load_model(path)
    assert model.dataset == data
    assert model.dataset.feature_names == ("weight", "colour")
    assert model.dataset.class_names == ("apple", "pear")
    assert model.dataset.source == {"kind": "csv", "file_name": "fruit.csv", "label_column": "kind"}


def test_regression_data_round_trips(tmp_path):
    data = Dataset.from_arrays(
        np.linspace(0, 1, 12).reshape(2, 6), np.arange(6.0) / 7, "regression", name="mine"
    )
    net = Network([2, 3, 1], ["tanh", "linear"], dtype="float32")
    model = load_model(save_model(tmp_path / "m.nnstudio", net, dataset=data))
    assert model.dataset == data and model.dataset.Y.dtype == np.float64


def test_saving_refuses_what_loading_would_refuse(tmp_path):
    net = Network([2, 1], ["sigmoid"])
    target = tmp_path / "m.nnstudio"
    with pytest.raises(InvalidContentError, match="learning_rate"):
        save_model(target, net, hyperparameters={"learning_rate": -1.0})
    with pytest.raises(InvalidContentError, match="cannot be saved"):
        save_model(target, net, extra={"f": object()})
    with pytest.raises(InvalidContentError, match="number or None"):
        save_model(target, net, history={"cost": ["high"]})
    net.params["W1"][0, 0] = np.nan
    with pytest.raises(InvalidContentError, match="NaN"):
        save_model(target, net)
    assert not target.exists() and list(tmp_path.iterdir()) == []


def test_saved_manifest_is_readable_json(tmp_path):
    net = Network([2, 4, 1], ["tanh", "sigmoid"])
    path = save_model(tmp_path / "m.nnstudio", net, history={"cost": [0.5, 0.25]})
    with zipfile.ZipFile(path) as zf:
        assert zf.namelist()[0] == "manifest.json"
        text = zf.read("manifest.json").decode("utf-8")
        assert all(i.compress_type == zipfile.ZIP_DEFLATED for i in zf.infolist())
    manifest = json.loads(text)
    assert manifest["network"] == net.spec.to_dict()
    assert manifest["arrays"]["params/W1.npy"] == {"shape": [4, 2], "dtype": "float64"}
    assert '"cost": [0.5, 0.25]' in text
