"""A model file whose optimizer settings lie outside the engine's valid ranges is refused when
it is opened (and when it would be saved), naming the field, instead of failing at the first
step of training (Adam with β₁ = 1 divided by zero)."""

from __future__ import annotations

import json
import math
import zipfile
from pathlib import Path

import numpy as np
import pytest

from nnstudio.engine import Network
from nnstudio.files import InvalidContentError, ModelFileError, load_model, save_model


def saved(path: Path, optimizer: str, options: dict) -> Path:
    net = Network([2, 3, 1], ["tanh", "sigmoid"], seed=5)
    hyper = {"learning_rate": 0.01, "optimizer": optimizer, "optimizer_options": options}
    save_model(path, net, hyperparameters=hyper)
    return path


def with_options(path: Path, options: dict) -> Path:
    """The file at ``path`` with its optimizer options replaced (written as any tool could)."""
    with zipfile.ZipFile(path) as zf:
        members = {name: zf.read(name) for name in zf.namelist()}
    manifest = json.loads(members.pop("manifest.json"))
    manifest["hyperparameters"]["optimizer_options"] = options
    bad = path.with_name("bad.nnstudio")
    with zipfile.ZipFile(bad, "w") as zf:
        zf.writestr("manifest.json", json.dumps(manifest))
        for name, data in members.items():
            zf.writestr(name, data)
    return bad


@pytest.mark.parametrize(
    ("optimizer", "field", "value", "expected"),
    [
        ("adam", "beta1", 1.0, "0 ≤ β₁ < 1"),
        ("adam", "beta2", 1.0, "0 ≤ β₂ < 1"),
        ("adam", "epsilon", 0.0, "ε > 0"),
        ("rmsprop", "beta", -0.5, "0 ≤ β < 1"),
        ("momentum", "beta", 2.0, "0 ≤ β < 1"),
    ],
)
def test_out_of_range_options_are_refused_when_opened(tmp_path, optimizer, field, value, expected):
    good = saved(tmp_path / "good.nnstudio", optimizer, {})
    bad = with_options(good, {field: value})
    with pytest.raises(InvalidContentError) as caught:
        load_model(bad)
    message = str(caught.value)
    assert f"hyperparameters.optimizer_options.{field}" in message
    assert expected in message


def test_valid_options_still_open_and_train(tmp_path):
    path = saved(tmp_path / "good.nnstudio", "adam", {"beta1": 0.0, "beta2": 0.5, "epsilon": 1e-3})
    model = load_model(path)
    opt = model.make_optimizer()
    params = {k: v.copy() for k, v in model.network.params.items()}
    opt.update(params, {f"d{k}": np.ones_like(v) for k, v in params.items()})
    assert all(np.isfinite(v).all() for v in params.values())


@pytest.mark.parametrize("value", [1.0, math.inf])
def test_saving_refuses_what_opening_would_refuse(tmp_path, value):
    target = tmp_path / "model.nnstudio"
    with pytest.raises(ModelFileError, match="beta1"):
        saved(target, "adam", {"beta1": value})
    assert not target.exists()
