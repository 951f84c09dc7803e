"""nnstudio-cli: info, train and predict over model files, with clear errors and exit codes."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from nnstudio.resources import resource_path

from nnstudio.cli import main
from nnstudio.data import make_dataset, prepare, split
from nnstudio.engine import Network, TrainingConfig, TrainingData, train
from nnstudio.files import load_model, save_model
from nnstudio.files.examples import EXAMPLES, build

HYPER = {
    "learning_rate": 0.5,
    "epochs": 40,
    "batch_size": 0,
    "optimizer": "momentum",
    "optimizer_options": {"beta": 0.8},
    "report_every": 10,
    "validation_share": 0.25,
    "split_seed": 7,
}


@pytest.fixture
def model_path(tmp_path) -> Path:
    """A flower model part-way through training: 40 steps with momentum, standardised inputs."""
    data = make_dataset("flower", samples=120)
    prepared = prepare(data, 0.25, 7, standardize=True)
    net = Network([2, 4, 1], ["tanh", "sigmoid"], init="small", seed=2)
    config = TrainingConfig(
        learning_rate=0.5, epochs=40, optimizer="momentum", optimizer_options={"beta": 0.8}
    )
    training = TrainingData(
        prepared.train.X, prepared.train.Y, prepared.validation.X, prepared.validation.Y
    )
    reports = list(train(net, training, config))
    history = {"step": [r.step for r in reports], "cost": [r.cost for r in reports]}
    return save_model(
        tmp_path / "flower.nnstudio",
        net,
        dataset=data,
        history=history,
        hyperparameters=HYPER,
        optimizer_state=reports[-1].optimizer_state,
        standardizer=prepared.standardizer,
    )


def test_info_shows_the_network_dimensions_and_history(model_path, capsys):
    assert main(["info", str(model_path)]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    assert "layer_dims [2, 4, 1] (tanh → sigmoid)" in out
    assert "L2 λ = 0, L1 λ₁ = 0, 17 parameters" in out
    assert "m = 90 training samples" in out
    assert "(4, 2)  (4, 1)  (4, 90)  12" in out
    assert "flower: 120 samples, 2 features, 2 classes (built-in, re-generated)" in out
    assert "optimizer step t = 40" in out
    assert "history: 4 reports, iterations 10 … 40" in out


def test_train_continues_exactly_where_the_file_left_off(model_path, tmp_path, capsys):
    out_path = tmp_path / "more.nnstudio"
    before = model_path.read_bytes()
    code = main(["train", str(model_path), "--epochs", "30", "--out", str(out_path)])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "iteration      70/70" in out and f"saved {out_path}" in out
    assert model_path.read_bytes() == before

    # The same 30 steps done by hand from the loaded file.
    model = load_model(model_path)
    train_set, val_set = split(model.dataset, 0.25, 7)
    scaler = model.standardizer
    data = TrainingData(
        scaler.transform(train_set.X), train_set.Y, scaler.transform(val_set.X), val_set.Y
    )
    config = TrainingConfig(
        learning_rate=0.5, epochs=30, optimizer="momentum", optimizer_options={"beta": 0.8}
    )
    list(train(model.network, data, config, optimizer_state=model.optimizer_state, start_step=40))

    trained = load_model(out_path)
    assert trained.network == model.network
    assert trained.optimizer_state["t"] == 70
    assert trained.history["step"] == [10, 20, 30, 40, 50, 60, 70]
    assert len(trained.history["cost"]) == 7 and trained.history["val_cost"][:4] == [None] * 4
    assert trained.created == model.created
    assert trained.standardizer == model.standardizer


def test_train_saves_over_the_file_and_takes_a_new_learning_rate(model_path, capsys):
    assert main(["train", str(model_path), "--epochs", "5", "--learning-rate", "0.05"]) == 0
    model = load_model(model_path)
    assert model.hyperparameters["learning_rate"] == 0.05
    assert model.optimizer_state["t"] == 45


def test_train_reports_divergence_with_status_1(tmp_path, capsys):
    data = make_dataset("sine", samples=50)
    net = Network([1, 8, 1], ["tanh", "linear"])
    path = save_model(
        tmp_path / "sine.nnstudio",
        net,
        dataset=data,
        hyperparameters={"learning_rate": 1e6, "epochs": 50},
    )
    assert main(["train", str(path)]) == 1
    _, err = capsys.readouterr()
    assert "diverged" in err and err.count("\n") == 1
    model = load_model(path)
    assert all(np.isfinite(p).all() for p in model.network.params.values())


def test_train_without_data_is_an_error(tmp_path, capsys):
    path = save_model(tmp_path / "bare.nnstudio", Network([2, 1], ["sigmoid"]))
    assert main(["train", str(path), "--epochs", "3", "--learning-rate", "0.1"]) == 2
    out, err = capsys.readouterr()
    assert (
        out == ""
        and err
        == "nnstudio-cli: this model has no data set stored, so there is nothing to train on\n"
    )


def _rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


def test_predict_matches_the_network_on_standardised_inputs(model_path, tmp_path, capsys):
    data = tmp_path / "points.csv"
    data.write_text("label,x2,x1\nred,1.0,2.0\nblue,0,0\nred,-3,1.5\n")
    assert main(["predict", str(model_path), str(data)]) == 0
    out, err = capsys.readouterr()
    rows = _rows(out)
    assert err == "" and rows[0] == ["prediction", "p(blue)"]
    model = load_model(model_path)
    X = model.standardizer.transform(np.array([[2.0, 0.0, 1.5], [1.0, 0.0, -3.0]]))
    AL, _ = model.network.forward(X)
    names = model.dataset.class_names
    expected = [[names[int(p > 0.5)], f"{p:.6g}"] for p in AL.reshape(-1)]
    assert rows[1:] == expected


def test_predict_softmax_and_regression_examples(tmp_path, capsys):
    blobs = resource_path("examples", "blobs-softmax.nnstudio")
    points = tmp_path / "p.csv"
    points.write_text("x1;x2\n0,5;1\n-2;3\n")  # semicolons and decimal commas
    assert main(["predict", str(blobs), str(points)]) == 0
    rows = _rows(capsys.readouterr().out)
    assert rows[0][0] == "prediction" and len(rows[0]) == 4 and len(rows) == 3
    assert all(abs(sum(float(p) for p in row[1:]) - 1) < 1e-5 for row in rows[1:])

    sine = resource_path("examples", "sine-regression.nnstudio")
    xs = tmp_path / "x.csv"
    xs.write_text("0.5\n1.5\n")  # no header: one column for the one input
    assert main(["predict", str(sine), str(xs)]) == 0
    rows = _rows(capsys.readouterr().out)
    assert rows[0] == ["prediction"]
    assert abs(float(rows[1][0]) - np.sin(0.5)) < 0.1 and abs(float(rows[2][0]) - np.sin(1.5)) < 0.1


@pytest.mark.parametrize(
    "text, message",
    [
        ("a,b\n1,2\n", "has no column 'x1'; the model needs the columns x1, x2"),
        ("x1,x2\n1,oops\n", "row 2, column 'x2': 'oops' is not a number"),
        ("1,2,3\n4,5,6\n", "has 3 columns but the model takes 2 inputs"),
    ],
)
def test_predict_errors(model_path, tmp_path, capsys, text, message):
    data = tmp_path / "bad.csv"
    data.write_text(text)
    assert main(["predict", str(model_path), str(data)]) == 2
    out, err = capsys.readouterr()
    assert out == "" and message in err and err.count("\n") == 1


def test_bad_model_files_give_one_line_and_status_2(tmp_path, capsys):
    junk = tmp_path / "junk.nnstudio"
    junk.write_bytes(b"not a model")
    assert main(["info", str(junk)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith("nnstudio-cli: junk.nnstudio: this is not an NN Studio model file")
    assert err.count("\n") == 1
    assert main(["info", str(tmp_path / "missing.nnstudio")]) == 2
    assert "cannot read missing.nnstudio" in capsys.readouterr().err


def test_usage_errors_exit_with_status_2(model_path, capsys):
    assert main([]) == 2
    assert main(["train", str(model_path), "--epochs", "-1"]) == 2
    assert main(["train", str(model_path), "--learning-rate", "zero"]) == 2
    assert "usage" in capsys.readouterr().err
    assert main(["--version"]) == 0


def test_shipped_examples_load_and_learned(capsys):
    paths = {
        example.file_name: resource_path("examples", example.file_name) for example in EXAMPLES
    }
    models = {name: load_model(path) for name, path in paths.items()}
    flower = models["flower.nnstudio"]
    assert flower.network.layer_dims == (2, 4, 1) and flower.history["accuracy"][-1] >= 0.9
    assert [run["name"] for run in flower.runs] == ["learning rate 0.1", "learning rate 1.2"]
    assert models["spiral-deep-relu.nnstudio"].history["val_accuracy"][-1] >= 0.9
    assert models["blobs-softmax.nnstudio"].history["val_accuracy"][-1] >= 0.9
    assert models["sine-regression.nnstudio"].history["val_cost"][-1] < 0.02
    for model in models.values():
        assert model.dataset is not None and model.optimizer_state is not None
        assert model.warnings == ()


def test_an_example_rebuilds_like_the_shipped_file(tmp_path):
    example = next(e for e in EXAMPLES if e.file_name == "blobs-softmax.nnstudio")
    rebuilt = load_model(build(example, tmp_path))
    shipped = load_model(resource_path("examples", example.file_name))
    assert rebuilt.network.spec == shipped.network.spec
    assert rebuilt.history["step"] == shipped.history["step"]
    assert np.allclose(rebuilt.history["cost"], shipped.history["cost"], rtol=1e-9)


def test_the_module_runs_as_a_program():
    example = resource_path("examples", "flower.nnstudio")
    result = subprocess.run(
        [sys.executable, "-m", "nnstudio.cli", "info", str(example)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "layer_dims [2, 4, 1]" in result.stdout


def test_info_and_train_use_dropout_decay_and_the_shuffling_of_the_file(tmp_path, capsys):
    data = make_dataset("flower", samples=80)
    net = Network([2, 5, 1], ["relu", "sigmoid"], init="he", seed=3, keep_prob=0.7)
    hyper = {"learning_rate": 0.3, "epochs": 6, "batch_size": 32, "report_every": 1,
             "decay_schedule": "inverse", "decay_rate": 1.0, "shuffle": "seed_per_epoch",
             "shuffle_seed": 11}  # fmt: skip
    path = save_model(tmp_path / "c2.nnstudio", net, dataset=data, hyperparameters=hyper)
    assert main(["info", str(path)]) == 0
    out, _ = capsys.readouterr()
    assert "dropout (training only): keep_prob [0.7]" in out
    assert "decay_schedule inverse" in out and "shuffle seed_per_epoch" in out
    assert main(["train", str(path), "--out", str(tmp_path / "t.nnstudio")]) == 0
    out, _ = capsys.readouterr()
    assert "with inverse decay, rate 1" in out and "learning rate 0.1" in out
    trained = load_model(tmp_path / "t.nnstudio")
    # the same run by hand: dropout masks from the network's RandomState(3), batches from
    # RandomState(11 + e), the rate decayed after each epoch
    model = load_model(path)
    config = TrainingConfig(
        learning_rate=0.3, epochs=6, batch_size=32, shuffle_seed=11, record_every=1,
        decay_schedule="inverse", decay_rate=1.0,
    )  # fmt: skip
    list(train(model.network, TrainingData(data.X, data.Y), config))
    assert trained.network == model.network
    assert trained.history["learning_rate"][-1] == 0.3 / 6  # epoch 6 would use decayed(α₀, 5)


def test_info_names_the_layers_with_batch_normalisation(tmp_path, capsys):
    net = Network([2, 5, 4, 1], ["relu", "relu", "sigmoid"], batch_norm=[False, True])
    path = save_model(tmp_path / "bn.nnstudio", net, dataset=make_dataset("flower", samples=40))
    assert main(["info", str(path)]) == 0
    out, _ = capsys.readouterr()
    assert "batch normalisation: layers [2]" in out
    assert f"{net.spec.parameter_count()} parameters" in out and "dropout" not in out
