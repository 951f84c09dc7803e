"""The exported NumPy script reproduces the app's predictions exactly and stands on its own."""

import importlib.util
import subprocess
import sys

import numpy as np
import pytest

from nnstudio.data import make_dataset, prepare
from nnstudio.engine import Network, TrainingConfig, TrainingData, train
from nnstudio.learn import export_numpy_script


def load_script(path):
    spec = importlib.util.spec_from_file_location(f"exported_{path.stem}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def trained(net, X, Y, steps=60, lr=0.5):
    config = TrainingConfig(learning_rate=lr, epochs=steps, copy_params=False)
    for _ in train(net, TrainingData(X, Y), config):
        pass
    return net


CASES = {
    "flower": (["tanh", "sigmoid"], [4], "float64"),
    "spiral": (["relu", "leaky_relu", "softmax"], [8, 6], "float32"),
    "sine": (["sigmoid", "tanh", "linear"], [5, 3], "float64"),
}


@pytest.mark.parametrize("name", list(CASES))
@pytest.mark.parametrize("standardize", [False, True])
def test_script_predicts_exactly_what_the_app_predicts(tmp_path, name, standardize):
    acts, hidden, dtype = CASES[name]
    dataset = make_dataset(name)
    prepared = prepare(dataset, 0.0, 0, standardize=standardize)
    dims = [dataset.n_features, *hidden, dataset.output_units]
    net = Network(dims, acts, init="xavier", seed=3, dtype=dtype)
    trained(net, prepared.train.X, prepared.train.Y, lr=0.1 if name == "sine" else 0.5)
    app = net.predict(prepared.train.X)

    scaler = prepared.standardizer if standardize else None
    script, weights = export_numpy_script(net, tmp_path / f"{name}_model.py", scaler)
    assert script.exists() and weights == tmp_path / f"{name}_model.npz"
    module = load_script(script)
    exported = module.predict(dataset.X)  # raw inputs: the script standardises them itself
    assert exported.dtype == app.dtype and exported.shape == app.shape
    assert np.array_equal(exported, app)
    AL, _ = net.forward(prepared.train.X)
    assert np.array_equal(module.forward(dataset.X), AL)


def test_weights_file_holds_the_course_names(tmp_path):
    net = Network([2, 3, 1], ["relu", "sigmoid"], seed=1)
    scaler = (np.array([[1.0], [2.0]]), np.array([[3.0], [4.0]]))
    _, weights = export_numpy_script(net, tmp_path / "net", scaler)
    with np.load(weights, allow_pickle=False) as saved:
        assert sorted(saved.files) == ["W1", "W2", "b1", "b2", "mean", "std"]
        assert np.array_equal(saved["W1"], net.params["W1"])
        assert saved["mean"].shape == (2, 1)


def test_script_reads_like_the_article(tmp_path):
    net = Network([2, 4, 1], ["tanh", "sigmoid"], seed=1)
    script, _ = export_numpy_script(net, tmp_path / "model.py")
    text = script.read_text(encoding="utf-8")
    assert "Z1 = W1 @ A0 + b1" in text and "A2 = sigmoid(Z2)" in text
    assert "# layer 2: Z[2] = W[2]·A[1] + b[2]" in text
    assert "def tanh(Z):" in text and "def sigmoid(Z):" in text and "def relu" not in text
    assert "nnstudio" not in text.split('"""', 2)[2]  # no import of the app
    compile(text, str(script), "exec")


def test_script_runs_from_the_command_line_with_numpy_only(tmp_path):
    dataset = make_dataset("flower")
    prepared = prepare(dataset, 0.0, 0, standardize=True)
    net = trained(
        Network([2, 4, 1], ["tanh", "sigmoid"], seed=2), prepared.train.X, prepared.train.Y
    )
    script, _ = export_numpy_script(
        net, tmp_path / "flower.py", prepared.standardizer, class_names=["red", "blue"]
    )
    csv_path = tmp_path / "data.csv"
    rows = "\n".join(f"{float(a)!r},{float(b)!r}" for a, b in dataset.X.T)
    csv_path.write_text("x1,x2\n" + rows + "\n", encoding="utf-8")
    runner = (
        "import runpy, sys; sys.argv = sys.argv[1:]; "
        "code = 0\n"
        "try:\n    runpy.run_path(sys.argv[0], run_name='__main__')\n"
        "except SystemExit as exit:\n    code = exit.code\n"
        "assert not any(m.startswith('nnstudio') for m in sys.modules), 'imports the app'\n"
        "sys.exit(code)"
    )
    done = subprocess.run(
        [sys.executable, "-c", runner, str(script), str(csv_path)],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.strip().splitlines()
    expected = net.predict(prepared.train.X).reshape(-1)
    assert [int(line.split("\t")[0]) for line in lines] == expected.tolist()
    assert lines[0].split("\t")[1] in ("red", "blue")


def test_a_network_trained_with_dropout_predicts_with_every_unit(tmp_path):
    dataset = make_dataset("flower")
    net = Network([2, 6, 5, 1], ["relu", "tanh", "sigmoid"], seed=4, keep_prob=[0.6, 0.9])
    trained(net, dataset.X, dataset.Y)
    script, _ = export_numpy_script(net, tmp_path / "dropout_model.py")
    assert "acts only while training" in script.read_text(encoding="utf-8")
    module = load_script(script)
    np.testing.assert_array_equal(module.predict(dataset.X), net.predict(dataset.X))
    np.testing.assert_array_equal(module.forward(dataset.X), net.forward(dataset.X)[0])


@pytest.mark.parametrize("dtype", ["float64", "float32"])
def test_batch_normalisation_exports_with_its_running_averages(tmp_path, dtype):
    dataset = make_dataset("spiral")
    net = Network([2, 8, 6, 3], ["relu", "tanh", "softmax"], seed=2, dtype=dtype,
                  batch_norm=[True, True])  # fmt: skip
    config = TrainingConfig(learning_rate=0.05, epochs=30, batch_size=64, optimizer="adam")
    list(train(net, TrainingData(dataset.X, dataset.Y), config))
    assert not np.array_equal(net.running["var2"], np.ones((6, 1)))
    script, _weights = export_numpy_script(net, tmp_path / "bn_model.py")
    text = script.read_text(encoding="utf-8")
    assert "Z1_norm = (Z1 - running_mean1) / np.sqrt(running_var1 + 1e-08)" in text
    assert "Z2_tilde = gamma2 * Z2_norm + beta2" in text
    module = load_script(script)
    np.testing.assert_array_equal(module.predict(dataset.X), net.predict(dataset.X))
    np.testing.assert_array_equal(module.forward(dataset.X), net.forward(dataset.X)[0])
