"""The PyTorch script: readable, free of pickles, and — run with a Python that has torch — it
prints what ``nnstudio-cli predict`` prints and trains on as NN Studio trains.

The scripts run in a separate interpreter: the test's own when it can import torch, else the
one ``NNSTUDIO_TORCH_PYTHON`` names (torch 2.13 has CPU wheels for Python 3.11 only)."""

from __future__ import annotations

import importlib.util
import io
import json
import os
import subprocess
import sys
from contextlib import redirect_stdout
from pathlib import Path

import numpy as np
import pytest
from interop_cases import (
    SHAPES,
    assert_same_predictions,
    engine_output,
    make_plan,
    raw_inputs,
    write_inputs_csv,
)

from nnstudio.cli import main
from nnstudio.files import load_model
from nnstudio.interop import export_pytorch_script, plan_from_model, pytorch_source


def torch_python() -> str | None:
    """An interpreter that can import torch, or None."""
    named = os.environ.get("NNSTUDIO_TORCH_PYTHON")
    if named:
        return named
    return sys.executable if importlib.util.find_spec("torch") is not None else None


TORCH_PYTHON = torch_python()
needs_torch = pytest.mark.skipif(
    TORCH_PYTHON is None,
    reason="no Python with torch: install torch or set NNSTUDIO_TORCH_PYTHON to an interpreter "
    "that has it",
)


def run_python(*args: str) -> str:
    assert TORCH_PYTHON is not None
    result = subprocess.run(
        [TORCH_PYTHON, *args], capture_output=True, text=True, timeout=110, check=False
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.mark.parametrize(("hidden", "output", "n_out"), SHAPES)
@pytest.mark.parametrize("standardize", [False, True])
def test_the_script_is_readable_and_loads_no_pickles(hidden, output, n_out, standardize):
    plan = make_plan(hidden, output, n_out, standardize=standardize)
    text = pytorch_source(plan, "net.npz")
    compile(text, "net.py", "exec")  # valid Python
    assert (
        "eval(" not in text
        and "torch.load" not in text
        and "pickle" not in text.replace("allow_pickle=False", "")
    )
    assert "np.load(WEIGHTS_FILE, allow_pickle=False)" in text
    assert "nn.Sequential(" in text
    for layer in plan.layers():  # the layers in the course's order, with their shapes
        assert f"nn.Linear({layer.inputs}, {layer.units})" in text
        assert layer.shape_comment() in text
    assert ("(A0 - MEAN) / STD" in text) == standardize


def test_the_weights_file_holds_plain_arrays_in_the_courses_shapes(tmp_path):
    plan = make_plan(("relu",), "softmax", 3, standardize=True)
    script, weights = export_pytorch_script(plan, tmp_path / "net")
    assert (script.name, weights.name) == ("net.py", "net.npz")
    with np.load(weights, allow_pickle=False) as saved:
        assert saved["W1"].shape == (5, 2) and saved["b1"].shape == (5, 1)
        np.testing.assert_array_equal(saved["W2"], plan.network.params["W2"])
        assert saved["mean"].shape == (2, 1)


@needs_torch
def test_every_example_script_prints_what_predict_prints(example_path, tmp_path):
    model = load_model(example_path)
    data = write_inputs_csv(
        tmp_path / "in.csv", tuple(model.dataset.feature_names), model.dataset.X
    )
    assert (
        main(["export", str(example_path), "--format", "pytorch", "-o", str(tmp_path / "n")]) == 0
    )
    expected = io.StringIO()
    with redirect_stdout(expected):
        assert main(["predict", str(example_path), str(data)]) == 0
    got = run_python(str(tmp_path / "n.py"), str(data))
    assert_same_predictions(expected.getvalue(), got, 1e-6)


@needs_torch
@pytest.mark.parametrize("dtype", ["float64", "float32"])
@pytest.mark.parametrize(("hidden", "output", "n_out"), SHAPES)
def test_every_activation_and_precision_gives_the_engines_outputs(
    hidden, output, n_out, dtype, tmp_path
):
    features = ("x1", "x2", "x1x2", "sinx1") if output == "softmax" else None
    plan = make_plan(hidden, output, n_out, dtype, standardize=True, features=features)
    X = raw_inputs(plan, m=40)
    script, _ = export_pytorch_script(plan, tmp_path / "net")
    code = (
        "import json, runpy, sys, numpy as np\n"
        f"module = runpy.run_path({str(script)!r})\n"
        f"X = np.array(json.loads(sys.stdin.read()))\n"
        "print(json.dumps(module['forward'](X).tolist()))\n"
    )
    result = subprocess.run(
        [TORCH_PYTHON, "-c", code],  # type: ignore[list-item]
        input=json.dumps(X.T.tolist()),
        capture_output=True,
        text=True,
        timeout=110,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    got = np.array(json.loads(result.stdout))
    tolerance = 1e-12 if dtype == "float64" else 1e-5
    np.testing.assert_allclose(got, engine_output(plan, X).T, rtol=tolerance, atol=tolerance)


@needs_torch
def test_continue_training_takes_the_engines_gradient_descent_step(tmp_path):
    """One full-batch step of the exported loop: the cost before it and the weights after it
    are the engine's (flower: gradient descent, binary cross-entropy)."""
    path = Path(__file__).resolve().parents[2] / "resources" / "examples" / "flower.nnstudio"
    model = load_model(path)
    plan = plan_from_model(model)
    script, _ = export_pytorch_script(plan, tmp_path / "flower")
    X, Y = model.dataset.X, model.dataset.Y
    code = (
        "import json, runpy, sys, numpy as np\n"
        f"module = runpy.run_path({str(script)!r})\n"
        "data = json.loads(sys.stdin.read())\n"
        "J = module['continue_training'](np.array(data['X']), np.array(data['Y']), epochs=1)\n"
        "W1 = module['LINEAR_LAYERS'][0].weight.detach().numpy().tolist()\n"
        "print(json.dumps({'J': J, 'W1': W1}))\n"
    )
    result = subprocess.run(
        [TORCH_PYTHON, "-c", code],  # type: ignore[list-item]
        input=json.dumps({"X": X.T.tolist(), "Y": Y.reshape(-1).tolist()}),
        capture_output=True,
        text=True,
        timeout=110,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    got = json.loads(result.stdout)
    net = model.network.copy()
    A0 = model.network_inputs(X)
    AL, cache = net.forward(A0)
    assert got["J"] == pytest.approx(net.cost(AL, Y), rel=1e-9)
    net.update(net.backward(Y, cache), float(model.hyperparameters["learning_rate"]))
    np.testing.assert_allclose(np.array(got["W1"]), net.params["W1"], rtol=1e-9, atol=1e-12)


@needs_torch
@pytest.mark.parametrize(
    ("optimizer", "options", "loss_case"),
    [
        ("gd", {}, (("tanh",), "sigmoid", 1)),
        ("momentum", {"beta": 0.8}, (("relu",), "softmax", 3)),
        ("rmsprop", {"beta": 0.9, "epsilon": 1e-8}, (("leaky_relu",), "linear", 2)),
        ("adam", {"beta1": 0.9, "beta2": 0.99, "epsilon": 1e-7}, (("sigmoid",), "softmax", 3)),
    ],
)
def test_continue_training_takes_the_engines_steps_for_every_optimizer_and_loss(
    optimizer, options, loss_case, tmp_path
):
    """Three full-batch updates with L2 and L1 terms: PyTorch's weights equal the engine's."""
    from nnstudio.engine import make_optimizer
    from nnstudio.interop import plan_for

    hidden, output, n_out = loss_case
    base = make_plan(hidden, output, n_out, standardize=True)
    spec = base.network.spec.replace(l2=0.3, l1=0.05)
    net = type(base.network).from_spec(spec, {k: v.copy() for k, v in base.parameters().items()})
    hp = {"optimizer": optimizer, "optimizer_options": options, "learning_rate": 0.05}
    plan = plan_for(net, (base.mean, base.std), None, base.input_names, base.class_names, hp)
    X = raw_inputs(plan, m=30, seed=4)
    rs = np.random.RandomState(5)
    Y = rs.randn(n_out, 30) if output == "linear" else rs.randint(0, max(n_out, 2), (1, 30))
    script, _ = export_pytorch_script(plan, tmp_path / "net")
    code = (
        "import json, runpy, sys, numpy as np\n"
        f"module = runpy.run_path({str(script)!r})\n"
        "data = json.loads(sys.stdin.read())\n"
        "module['continue_training'](np.array(data['X']), np.array(data['Y']), epochs=3)\n"
        "layers = module['LINEAR_LAYERS']\n"
        "print(json.dumps([layer.weight.detach().numpy().tolist() for layer in layers]))\n"
    )
    labels = Y.T if output == "linear" else Y.reshape(-1)
    result = subprocess.run(
        [TORCH_PYTHON, "-c", code],  # type: ignore[list-item]
        input=json.dumps({"X": X.T.tolist(), "Y": labels.tolist()}),
        capture_output=True,
        text=True,
        timeout=110,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    got = json.loads(result.stdout)
    engine = make_optimizer(optimizer, 0.05, **options)
    A0 = plan.network_inputs(X)
    for _ in range(3):
        _, cache = net.forward(A0)
        engine.update(net.params, net.backward(Y, cache))
    for l, W in enumerate(got, start=1):
        np.testing.assert_allclose(np.array(W), net.params[f"W{l}"], rtol=1e-7, atol=1e-9)
