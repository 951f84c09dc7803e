"""Input features end to end without Qt: the session feeds the chosen features of (x₁, x₂) to
the network everywhere (training, views, file, command line, exported script)."""

from __future__ import annotations

import csv
import importlib.util
import io
import json
import zipfile

import numpy as np
import pytest
from nnstudio.resources import resource_path

from nnstudio.cli import main
from nnstudio.data import Dataset, FeatureError
from nnstudio.engine import get_activation
from nnstudio.files import FORMAT_VERSION, InvalidContentError, load_model
from nnstudio.learn import compute_views, export_numpy_script, make_probe
from nnstudio.session import DataChoice, LayerSpec, Session
from nnstudio.session_files import load_session, save_session

SQUARES = ("x1", "x2", "x1sq", "x2sq")


def circles_session(features=SQUARES) -> Session:
    """Circles, standardised, with a validation part and the chosen input features."""
    session = Session()
    session.set_data(DataChoice("circles", {"samples": 160}, 0.25, True, 3))
    session.set_input_features(features)
    return session


def by_hand(session: Session, X: np.ndarray) -> np.ndarray:
    """The network's output for prepared inputs X (2, m), with the features mapped by hand."""
    x1, x2 = X
    A = np.vstack([x1, x2, x1 * x1, x2 * x2])
    net = session.network
    for l, name in enumerate(net.activations, start=1):
        A = get_activation(name).forward(net.params[f"W{l}"] @ A + net.params[f"b{l}"])
    return A


def test_choosing_squares_makes_four_inputs_and_trains_on_them():
    session = circles_session()
    assert session.input_features == SQUARES and session.n_inputs == 4
    assert session.spec.layer_dims[0] == 4
    assert session.network.params["W1"].shape == (4, 4)  # (n[1], n[0])
    data = session.training_data()
    assert data.X.shape == (4, session.m) and data.X_val is not None
    assert data.X_val.shape[0] == 4
    assert session.training_data() is data  # made once per data and choice
    before = session.network.copy()
    session.set_settings(learning_rate=0.5, epochs=200)
    report = session.train_here()
    assert report.step == 200 and session.history.cost[-1] < session.history.cost[0]
    assert session.network != before
    train = session.prepared.train
    AL, _ = session.network.forward(data.X)
    assert np.allclose(AL, by_hand(session, train.X), rtol=1e-12, atol=1e-12)


def test_a_new_choice_draws_fresh_weights_from_the_seed_and_undoes_exactly():
    session = circles_session(("x1", "x2"))
    session.train_here(5)
    snapshot = session.snapshot()
    session.set_input_features(("x1sq", "sinx2"))
    assert session.spec.layer_dims[0] == 2 and not session.history.step
    again = Session()
    again.set_data(session.data_choice)
    again.set_input_features(("x1sq", "sinx2"))
    assert session.network == again.network  # the same seed gives the same first weights
    session.restore(snapshot)
    assert session.input_features == ("x1", "x2") and session.history.step


def test_a_bad_choice_changes_nothing():
    session = circles_session()
    net = session.network
    for keys in [(), ("x1", "cosx1"), ("x1", "x1")]:
        with pytest.raises(FeatureError):
            session.set_input_features(keys)
    assert session.input_features == SQUARES and session.network is net


def test_features_need_data_with_two_features():
    session = Session()
    session.set_input_features(("x1sq",))
    session.set_data(DataChoice("sine", {"samples": 50}))  # one feature: back to the identity
    assert session.input_features == ("x1", "x2") and session.spec.layer_dims[0] == 1
    with pytest.raises(FeatureError, match="this data has 1"):
        session.set_input_features(("x1sq",))
    assert session.training_data().X is session.prepared.train.X


def test_the_views_probe_the_plane_in_x1_x2_and_feed_the_features():
    session = circles_session()
    train = session.prepared.train
    probe = make_probe(train.X, train.Y, train.task, 2, grid_size=30, features=SQUARES)
    assert probe.mode == "plane" and probe.X.shape[0] == 2 and probe.grid.shape[0] == 2
    assert probe.inputs.shape == (4, probe.X.shape[1] + 900)
    views = compute_views(session.network.params, session.spec, probe)
    p = by_hand(session, probe.grid)  # (1, G): the output over the (x₁, x₂) plane
    assert views.output_image.shape == (30, 30, 4)
    assert np.allclose(views.unit_maps[-1].reshape(1, -1), p, rtol=1e-12, atol=1e-12)


def test_the_model_file_keeps_the_choice(tmp_path):
    session = circles_session(("x1", "x1x2", "sinx1"))
    session.train_here(20)
    path = save_session(session, tmp_path / "features.nnstudio")
    with zipfile.ZipFile(path) as zf:
        manifest = json.loads(zf.read("manifest.json"))
    assert manifest["format_version"] == FORMAT_VERSION == 3
    assert manifest["input_features"] == ["x1", "x1x2", "sinx1"]
    model = load_model(path)
    assert model.input_features == ("x1", "x1x2", "sinx1")
    opened = load_session(path)
    assert opened.input_features == ("x1", "x1x2", "sinx1")
    assert opened.network == session.network and opened.spec.layer_dims[0] == 3
    assert np.array_equal(opened.training_data().X, session.training_data().X)


def _rewrite_manifest(path, change) -> None:
    with zipfile.ZipFile(path) as zf:
        members = {name: zf.read(name) for name in zf.namelist()}
    manifest = json.loads(members["manifest.json"])
    change(manifest)
    members["manifest.json"] = json.dumps(manifest).encode()
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data)


def test_a_version_1_file_opens_with_the_identity_choice(tmp_path):
    session = Session()
    session.train_here(10)
    path = save_session(session, tmp_path / "old.nnstudio")

    def to_version_1(manifest):
        manifest["format_version"] = 1
        del manifest["input_features"]

    _rewrite_manifest(path, to_version_1)
    model = load_model(path)
    assert model.format_version == 1 and model.input_features is None
    opened = load_session(path)
    assert opened.input_features == ("x1", "x2") and opened.network == session.network
    shipped = load_model(resource_path("examples", "flower.nnstudio"))
    assert shipped.format_version == 1 and shipped.input_features is None


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (["x1", "x1sq"], "lists 2 features but the network has n\\[0\\] = 4"),
        (["x1", "x2", "x1sq", "cube"], "'cube' is not an input feature"),
        (["x2", "x1", "x1sq", "x2sq"], "in the order"),
        ("x1", "must be a list"),
    ],
)
def test_the_file_refuses_bad_input_features(tmp_path, value, message):
    path = save_session(circles_session(), tmp_path / "bad.nnstudio")
    _rewrite_manifest(path, lambda manifest: manifest.update(input_features=value))
    with pytest.raises(InvalidContentError, match=message):
        load_model(path)


def test_features_on_data_with_three_features_are_refused(tmp_path):
    rng = np.random.default_rng(0)
    X, Y = rng.normal(size=(3, 30)), rng.integers(0, 2, (1, 30))
    data = Dataset(X, Y, "binary", ("a", "b", "c"), ("no", "yes"))
    session = Session()
    session.set_data(DataChoice("three", imported=data))
    path = save_session(session, tmp_path / "three.nnstudio")
    with zipfile.ZipFile(path) as zf:
        assert json.loads(zf.read("manifest.json"))["input_features"] is None

    def claim_features(manifest):
        manifest["input_features"] = ["x1", "x2", "x1sq"]

    _rewrite_manifest(path, claim_features)
    with pytest.raises(InvalidContentError, match="n_features is 3"):
        load_model(path)


def test_cli_predict_feeds_the_features_like_the_app(tmp_path, capsys):
    session = circles_session()
    session.set_data(DataChoice("circles", {"samples": 160}, 0.0, True, 3))  # keeps the choice
    assert session.input_features == SQUARES
    session.set_settings(learning_rate=0.5, epochs=100)
    session.train_here()
    path = save_session(session, tmp_path / "circles.nnstudio")
    raw = session.dataset.X
    points = tmp_path / "points.csv"  # two columns, x₁ and x₂, as in the data
    points.write_text("".join(f"{float(a)!r},{float(b)!r}\n" for a, b in raw.T))
    assert main(["predict", str(path), str(points)]) == 0
    out, err = capsys.readouterr()
    got = list(csv.reader(io.StringIO(out)))[1:]
    AL, _ = session.network.forward(session.training_data().X)  # validation share 0: all of X
    classes = session.dataset.class_names
    assert err == ""
    assert got == [[classes[int(p > 0.5)], f"{p:.6g}"] for p in AL.reshape(-1)]
    assert main(["info", str(path)]) == 0
    assert "network inputs x₁, x₂, x₁², x₂²" in capsys.readouterr().out


@pytest.mark.parametrize("standardize", [False, True])
def test_the_exported_script_feeds_the_same_features(tmp_path, standardize):
    session = Session()
    session.set_data(DataChoice("circles", {"samples": 120}, 0.0, standardize, 1))
    session.set_input_features(("x1sq", "x1x2", "sinx1", "sinx2"))
    session.set_hidden_layers((LayerSpec(3, "relu"),))
    session.set_precision("float32")
    session.set_settings(learning_rate=0.3, epochs=50)
    session.train_here()
    script, _ = export_numpy_script(
        session.network,
        tmp_path / "model.py",
        session.prepared.standardizer,
        session.dataset.class_names,
        session.feature_choice,
    )
    spec = importlib.util.spec_from_file_location("exported_features", script)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    fed = session.training_data().X
    AL, _ = session.network.forward(fed)
    assert module.N_INPUTS == 2
    assert np.array_equal(module.forward(session.dataset.X), AL)
    assert np.array_equal(module.predict(session.dataset.X), session.network.predict(fed))
    assert "def input_features(X):" in script.read_text(encoding="utf-8")
