"""The PyTorch script of a network with the second course's ideas: batch normalisation predicts
with the running statistics exactly as the engine (and as ``nnstudio-cli predict``), dropout is
an ``nn.Dropout`` after g[l] that prediction turns off, ``continue_training`` decays the rate
as NN Studio does and trains W, γ and β as the engine does."""

from __future__ import annotations

import io
import json
import subprocess
from contextlib import redirect_stdout
from pathlib import Path

import numpy as np
import pytest
from interop_cases import (
    BATCH_NORM_SHAPES,
    assert_same_predictions,
    engine_output,
    make_plan,
    raw_inputs,
    save_batch_norm_model,
    write_inputs_csv,
)
from test_pytorch_export import TORCH_PYTHON, needs_torch

from nnstudio.cli import main
from nnstudio.engine import decayed_learning_rate, make_optimizer
from nnstudio.files import load_model
from nnstudio.interop import export_pytorch_script, pytorch_source

EXAMPLES = Path(__file__).resolve().parents[2] / "resources" / "examples"


def run_script(script: Path, code: str, data: object) -> object:
    """Run ``code`` with the script's names in ``module`` and ``data`` read from stdin as JSON;
    return the JSON it prints."""
    prelude = (
        "import json, runpy, sys, numpy as np\n"
        f"module = runpy.run_path({str(script)!r})\n"
        "data = json.loads(sys.stdin.read())\n"
    )
    result = subprocess.run(
        [TORCH_PYTHON, "-c", prelude + code],  # type: ignore[list-item]
        input=json.dumps(data),
        capture_output=True,
        text=True,
        timeout=110,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_batch_norm_and_dropout_layers_are_written_in_the_courses_order():
    plan = make_plan(("relu", "tanh"), "softmax", 3, batch_norm=(True, False), keep_prob=(0.8, 1))
    text = pytorch_source(plan, "net.npz")
    compile(text, "net.py", "exec")
    body = text[text.index("def build_network") : text.index("network = build_network")]
    order = [
        "nn.Linear(2, 5, bias=False)",  # b[1] is not used with batch norm
        "nn.BatchNorm1d(5, eps=1e-08, momentum=0.1)",  # 1 − the engine's 0.9
        "nn.ReLU()",
        "nn.Dropout(p=0.2)",  # after g[1]: p = 1 − keep_prob[1]
        "nn.Linear(5, 5)",
        "nn.Tanh()",
        "nn.Linear(5, 3)",
    ]
    positions = [body.index(module) for module in order]
    assert positions == sorted(positions)
    assert body.count("nn.Dropout") == 1 and body.count("nn.BatchNorm1d") == 1
    assert "network.train(False)" in text and "eval(" not in text


def test_the_weights_file_holds_gamma_beta_and_the_running_statistics(tmp_path):
    plan = make_plan(("relu",), "sigmoid", 1, batch_norm=(True,))
    _, weights = export_pytorch_script(plan, tmp_path / "net")
    net = plan.network
    with np.load(weights, allow_pickle=False) as saved:
        np.testing.assert_array_equal(saved["gamma1"], net.params["gamma1"])
        np.testing.assert_array_equal(saved["beta1"], net.params["beta1"])
        np.testing.assert_array_equal(saved["running_mean1"], net.running["mean1"])
        np.testing.assert_array_equal(saved["running_var1"], net.running["var1"])


@needs_torch
@pytest.mark.parametrize("dtype", ["float64", "float32"])
@pytest.mark.parametrize(("hidden", "output", "n_out", "batch_norm"), BATCH_NORM_SHAPES)
@pytest.mark.parametrize("prepared", [False, True], ids=["plain", "standardised+features"])
def test_batch_norm_predictions_equal_the_engines(
    hidden, output, n_out, batch_norm, dtype, prepared, tmp_path
):
    features = ("x1", "x2", "x1x2", "sinx1") if prepared else None
    plan = make_plan(
        hidden, output, n_out, dtype, prepared, features, batch_norm=batch_norm, keep_prob=0.7
    )
    X = raw_inputs(plan, m=40)
    script, _ = export_pytorch_script(plan, tmp_path / "net")
    got = np.array(
        run_script(script, "print(json.dumps(module['forward'](data).tolist()))\n", X.T.tolist())
    )
    tolerance = 1e-10 if dtype == "float64" else 1e-5
    np.testing.assert_allclose(got, engine_output(plan, X).T, rtol=tolerance, atol=tolerance)


@needs_torch
def test_a_batch_norm_model_file_prints_what_predict_prints(tmp_path):
    """A saved model with batch norm and dropout: python OUT.py DATA.csv prints the CSV of
    nnstudio-cli predict (same header, classes, probabilities to 1e-6)."""
    path = save_batch_norm_model(tmp_path, EXAMPLES / "blobs-softmax.nnstudio")
    example = load_model(path)
    data = write_inputs_csv(
        tmp_path / "in.csv", tuple(example.dataset.feature_names), example.dataset.X
    )
    assert main(["export", str(path), "--format", "pytorch", "-o", str(tmp_path / "n")]) == 0
    expected = io.StringIO()
    with redirect_stdout(expected):
        assert main(["predict", str(path), str(data)]) == 0
    result = subprocess.run(
        [TORCH_PYTHON, str(tmp_path / "n.py"), str(data)],  # type: ignore[list-item]
        capture_output=True,
        text=True,
        timeout=110,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert_same_predictions(expected.getvalue(), result.stdout, 1e-6)


@needs_torch
def test_dropout_acts_while_training_and_not_for_predictions(tmp_path):
    """Inverted dropout: in training mode each unit of A[1] is 0 or A[1]/keep_prob, about
    1 − keep_prob of them 0; after network.train(False) nothing is dropped."""
    plan = make_plan(("relu",), "sigmoid", 1, keep_prob=(0.75,))
    script, _ = export_pytorch_script(plan, tmp_path / "net")
    code = (
        "import torch\n"
        "net = module['network']\n"
        "A0 = module['prepare'](np.array(data))\n"
        "first_layer = net[:2]  # nn.Linear and g[1], before the dropout\n"
        "with torch.no_grad():\n"
        "    plain = first_layer(A0).numpy()\n"
        "    net.train(True)\n"
        "    dropped = net[:3](A0).numpy()\n"
        "    net.train(False)\n"
        "    after = net[:3](A0).numpy()\n"
        "print(json.dumps([plain.tolist(), dropped.tolist(), after.tolist()]))\n"
    )
    X = raw_inputs(plan, m=400)
    plain, dropped, after = (np.array(a) for a in run_script(script, code, X.T.tolist()))
    np.testing.assert_array_equal(after, plain)
    active = plain > 0
    kept = np.isclose(dropped, plain / 0.75)
    assert (kept | (dropped == 0))[active].all()
    assert 0.2 < 1 - kept[active].mean() < 0.3  # about 1 − keep_prob of the units dropped


@needs_torch
@pytest.mark.parametrize(
    ("schedule", "rate", "interval"),
    [("none", 0.0, 1000), ("inverse", 0.5, 1000), ("scheduled", 1.0, 3), ("exponential", 0.8, 1)],
)
def test_continue_training_uses_the_courses_learning_rate_of_each_epoch(
    schedule, rate, interval, tmp_path
):
    hp = {
        "optimizer": "gd",
        "learning_rate": 0.2,
        "decay_schedule": schedule,
        "decay_rate": rate,
        "decay_interval": interval,
    }
    plan = make_plan(("tanh",), "sigmoid", 1, hyperparameters=hp)
    script, _ = export_pytorch_script(plan, tmp_path / "net")
    X = raw_inputs(plan, m=20)
    Y = (X[0] > 0).astype(int)
    code = (
        "module['continue_training'](np.array(data['X']), np.array(data['Y']), epochs=8)\n"
        "print(json.dumps(module['LEARNING_RATES']))\n"
    )
    got = run_script(script, code, {"X": X.T.tolist(), "Y": Y.tolist()})
    # epoch 0 with α₀, epoch e ≥ 1 with the rate after epoch e − 1 (the course's loop)
    expected = [0.2] + [
        decayed_learning_rate(0.2, e - 1, schedule, rate, interval) for e in range(1, 8)
    ]
    np.testing.assert_allclose(got, expected, rtol=1e-12)
    if schedule != "none":
        assert got[-1] < got[0]


@needs_torch
@pytest.mark.parametrize(
    ("optimizer", "options"), [("gd", {}), ("adam", {"beta1": 0.9, "beta2": 0.99, "epsilon": 1e-7})]
)
def test_continue_training_trains_gamma_and_beta_as_the_engine(optimizer, options, tmp_path):
    """Three full-batch steps with batch norm on both hidden layers: W, γ, β and the running
    means equal the engine's (the running means check the momentum written for PyTorch)."""
    hp = {"optimizer": optimizer, "optimizer_options": options, "learning_rate": 0.05}
    plan = make_plan(
        ("relu", "tanh"), "softmax", 3, standardize=True, batch_norm=True, hyperparameters=hp
    )
    X = raw_inputs(plan, m=30, seed=4)
    labels = np.random.RandomState(5).randint(0, 3, 30)
    script, _ = export_pytorch_script(plan, tmp_path / "net")
    code = (
        "module['continue_training'](np.array(data['X']), np.array(data['Y']), epochs=3)\n"
        "out = {}\n"
        "for l, linear in enumerate(module['LINEAR_LAYERS'], start=1):\n"
        "    out[f'W{l}'] = linear.weight.detach().numpy().tolist()\n"
        "for l, norm in zip(module['NORM_LAYER_NUMBERS'], module['NORM_LAYERS']):\n"
        "    out[f'gamma{l}'] = norm.weight.detach().numpy().tolist()\n"
        "    out[f'beta{l}'] = norm.bias.detach().numpy().tolist()\n"
        "    out[f'mean{l}'] = norm.running_mean.numpy().tolist()\n"
        "print(json.dumps(out))\n"
    )
    got = run_script(script, code, {"X": X.T.tolist(), "Y": labels.tolist()})
    net = plan.network.copy()
    engine = make_optimizer(optimizer, 0.05, **options)
    A0, Y = plan.network_inputs(X), np.eye(3)[labels].T
    for _ in range(3):
        _, cache = net.forward(A0, training=True)
        engine.update(net.params, net.backward(Y, cache))
    for name in ("W1", "W2", "W3", "gamma1", "beta1", "gamma2", "beta2"):
        want = net.params[name]
        np.testing.assert_allclose(
            np.array(got[name]).reshape(want.shape), want, rtol=1e-7, atol=1e-9, err_msg=name
        )
        if name.startswith(("gamma", "beta")):
            assert not np.allclose(want, plan.network.params[name])  # they did train
    for l in (1, 2):
        want = net.running[f"mean{l}"].reshape(-1)
        np.testing.assert_allclose(got[f"mean{l}"], want, rtol=1e-9, atol=1e-12)


@needs_torch
@pytest.mark.parametrize("shuffle", ["seed_per_epoch", "one_generator"])
def test_continue_training_takes_the_engines_mini_batches_and_decayed_rates(shuffle, tmp_path):
    """Three epochs of mini-batches of 8 (the last one 6) with batch norm and inverse decay:
    the same samples in every batch and the same rates, so the engine's training loop and the
    script's end with the same W, γ and β."""
    from nnstudio.engine import TrainingConfig, TrainingData, train

    hp = {
        "optimizer": "gd",
        "learning_rate": 0.1,
        "batch_size": 8,
        "shuffle": shuffle,
        "shuffle_seed": 3,
        "decay_schedule": "inverse",
        "decay_rate": 0.5,
    }
    plan = make_plan(("tanh",), "softmax", 3, batch_norm=True, hyperparameters=hp)
    X = raw_inputs(plan, m=30, seed=6)
    labels = np.random.RandomState(8).randint(0, 3, 30)
    script, _ = export_pytorch_script(plan, tmp_path / "net")
    code = (
        "module['continue_training'](np.array(data['X']), np.array(data['Y']), epochs=3)\n"
        "linear, norm = module['LINEAR_LAYERS'], module['NORM_LAYERS'][0]\n"
        "print(json.dumps({'W1': linear[0].weight.detach().numpy().tolist(),\n"
        "                  'W2': linear[1].weight.detach().numpy().tolist(),\n"
        "                  'gamma1': norm.weight.detach().numpy().tolist(),\n"
        "                  'beta1': norm.bias.detach().numpy().tolist()}))\n"
    )
    got = run_script(script, code, {"X": X.T.tolist(), "Y": labels.tolist()})
    net = plan.network.copy()
    config = TrainingConfig(
        learning_rate=0.1,
        epochs=3,
        batch_size=8,
        shuffle=shuffle,
        shuffle_seed=3,
        decay_schedule="inverse",
        decay_rate=0.5,
    )
    for _ in train(net, TrainingData(plan.network_inputs(X), labels.reshape(1, -1)), config):
        pass
    for name in ("W1", "W2", "gamma1", "beta1"):
        want = net.params[name]
        np.testing.assert_allclose(
            np.array(got[name]).reshape(want.shape), want, rtol=1e-7, atol=1e-9, err_msg=name
        )
