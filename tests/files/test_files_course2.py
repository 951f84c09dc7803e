"""Format 3: dropout's keep_prob, learning-rate decay and the shuffling convention in the model
file; older files migrate to the settings they were trained with."""

from __future__ import annotations

import json
import zipfile

import numpy as np
import pytest

from nnstudio.engine import Network
from nnstudio.files import FORMAT_VERSION, InvalidContentError, load_model, save_model
from nnstudio.session import LayerSpec, Session
from nnstudio.session_files import load_session, save_session


def rewrite_manifest(path, change) -> None:
    with zipfile.ZipFile(path) as zf:
        members = {name: zf.read(name) for name in zf.namelist()}
    manifest = json.loads(members["manifest.json"])
    change(manifest)
    members["manifest.json"] = json.dumps(manifest).encode()
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data)


def course2_session() -> Session:
    session = Session()
    session.set_hidden_layers((LayerSpec(6, "relu", 0.8), LayerSpec(4, "tanh")))
    session.set_initialization(init="large", seed=5)
    session.set_settings(
        epochs=12,
        batch_size=64,
        learning_rate=0.05,
        decay_schedule="inverse",
        decay_rate=0.5,
        report_every=2,
    )
    session.train_here()
    return session


def test_keep_prob_init_decay_and_shuffling_round_trip(tmp_path):
    session = course2_session()
    assert session.network.keep_prob == (0.8, 1.0)
    path = save_session(session, tmp_path / "course2.nnstudio")
    with zipfile.ZipFile(path) as zf:
        manifest = json.loads(zf.read("manifest.json"))
    assert manifest["format_version"] == FORMAT_VERSION == 3
    assert manifest["network"]["keep_prob"] == [0.8, 1.0]
    assert manifest["network"]["init"] == "large"
    hp = manifest["hyperparameters"]
    assert (hp["decay_schedule"], hp["decay_rate"], hp["decay_interval"]) == ("inverse", 0.5, 1000)
    assert hp["shuffle"] == "seed_per_epoch"
    assert manifest["history"]["learning_rate"] == session.history.learning_rate
    again = load_session(path)
    assert again.network == session.network
    assert again.hidden_layers == session.hidden_layers
    assert again.settings == session.settings
    assert again.history == session.history
    assert again.training_config() == session.training_config()


def test_a_format_2_file_migrates_to_no_dropout_no_decay_and_its_old_shuffling(tmp_path):
    session = Session()
    session.set_settings(epochs=4, batch_size=100, report_every=1)
    session.train_here()
    path = save_session(session, tmp_path / "old.nnstudio")

    def to_format_2(manifest):
        manifest["format_version"] = 2
        del manifest["network"]["keep_prob"]
        for key in ("shuffle", "decay_schedule", "decay_rate", "decay_interval"):
            del manifest["hyperparameters"][key]
        del manifest["history"]["learning_rate"]

    rewrite_manifest(path, to_format_2)
    model = load_model(path)
    assert model.format_version == 2
    assert model.network.keep_prob == (1.0,)
    assert model.hyperparameters["shuffle"] == "one_generator"
    assert model.hyperparameters["decay_schedule"] == "none"
    opened = load_session(path)
    config = opened.training_config()
    assert config.shuffle == "one_generator" and config.decay_schedule == "none"
    # its next run draws its batches as NN Studio always drew them for this file
    twin = load_session(path)
    twin.set_settings(shuffle="seed_per_epoch")
    opened.train_here(2)
    twin.train_here(2)
    assert not np.array_equal(opened.network.params["W1"], twin.network.params["W1"])
    # saved again, it is a format 3 file that keeps the old convention
    resaved = save_session(opened, tmp_path / "resaved.nnstudio")
    assert load_model(resaved).hyperparameters["shuffle"] == "one_generator"


@pytest.mark.parametrize(
    ("field", "value", "named"),
    [
        ("keep_prob", [0.0], "network.keep_prob[0]"),
        ("keep_prob", [1.5], "network.keep_prob[0]"),
        ("keep_prob", [0.5, 0.5], "network.keep_prob"),
        ("keep_prob", "half", "network.keep_prob"),
        ("shuffle", "sorted", "hyperparameters.shuffle"),
        ("decay_schedule", "cosine", "hyperparameters.decay_schedule"),
        ("decay_rate", -1.0, "hyperparameters.decay_rate"),
        ("decay_interval", 0, "hyperparameters.decay_interval"),
    ],
)
def test_bad_values_are_refused_with_the_field_named(tmp_path, field, value, named):
    net = Network([2, 3, 1], ["relu", "sigmoid"], keep_prob=0.5)
    hp = {"decay_schedule": "exponential", "decay_rate": 0.9, "decay_interval": 10,
          "shuffle": "seed_per_epoch"}  # fmt: skip
    path = save_model(tmp_path / "m.nnstudio", net, hyperparameters=hp)
    assert load_model(path).network == net

    def spoil(manifest):
        if field == "keep_prob":
            manifest["network"]["keep_prob"] = value
        else:
            manifest["hyperparameters"][field] = value

    rewrite_manifest(path, spoil)
    with pytest.raises(InvalidContentError) as info:
        load_model(path)
    assert named in str(info.value)


def test_exponential_decay_above_one_is_refused_saying_why(tmp_path):
    net = Network([2, 3, 1], ["relu", "sigmoid"])
    hp = {"decay_schedule": "exponential", "decay_rate": 1.5}
    with pytest.raises(InvalidContentError, match="at most 1"):
        save_model(tmp_path / "m.nnstudio", net, hyperparameters=hp)
    assert not (tmp_path / "m.nnstudio").exists()


def batch_norm_session() -> Session:
    session = Session()
    session.set_hidden_layers((LayerSpec(6, "relu", 1.0, True), LayerSpec(4, "tanh", 0.9, True)))
    session.set_settings(epochs=8, batch_size=100, learning_rate=0.01, optimizer="adam")
    session.train_here()
    return session


def test_batch_norm_parameters_running_averages_and_optimizer_state_round_trip(tmp_path):
    session = batch_norm_session()
    net = session.network
    assert net.spec.batch_norm == (True, True)
    assert not np.array_equal(net.running["mean1"], np.zeros((6, 1)))
    path = save_session(session, tmp_path / "bn.nnstudio")
    with zipfile.ZipFile(path) as zf:
        names = set(zf.namelist())
        manifest = json.loads(zf.read("manifest.json"))
    expected = {
        "params/gamma1.npy",
        "params/beta2.npy",
        "batchnorm/mean1.npy",
        "batchnorm/var2.npy",
        "optimizer/v_gamma1.npy",
        "optimizer/s_beta2.npy",
    }
    assert expected <= names
    assert manifest["network"]["batch_norm"] == [True, True]
    again = load_session(path)
    assert again.network == net  # the running averages too
    assert again.hidden_layers == session.hidden_layers
    X = session.training_data().X
    np.testing.assert_array_equal(again.network.predict(X), net.predict(X))
    for key, value in session.optimizer_state["slots"].items():
        np.testing.assert_array_equal(again.optimizer_state["slots"][key], value)


def test_a_negative_running_variance_or_a_bad_flag_is_refused(tmp_path):
    net = Network([2, 3, 1], ["relu", "sigmoid"], batch_norm=True)
    net.running["var1"][...] = -1.0
    with pytest.raises(InvalidContentError, match="variance"):
        path = save_model(tmp_path / "neg.nnstudio", net)
        load_model(path)
    good = save_model(tmp_path / "good.nnstudio", Network([2, 3, 1], ["relu", "sigmoid"]))

    def spoil(manifest):
        manifest["network"]["batch_norm"] = ["yes"]

    rewrite_manifest(good, spoil)
    with pytest.raises(InvalidContentError, match=r"network\.batch_norm\[0\]"):
        load_model(good)
