"""The test set: split off with the data, never trained on nor shown in the live views,
evaluated only on request, and kept by the model file."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import numpy as np
import pytest

from nnstudio.cli_train import splits
from nnstudio.data import map_features, split_three
from nnstudio.engine import evaluate
from nnstudio.files import InvalidContentError, load_model
from nnstudio.session import DataChoice, LayerSpec, Session
from nnstudio.session_evaluation import NoTestSetError
from nnstudio.session_files import load_session, save_session


def _columns(X: np.ndarray) -> set[tuple[float, ...]]:
    return {tuple(c) for c in X.T}


def three_way_session(test_share: float = 0.2) -> Session:
    session = Session()
    choice = DataChoice("moons", {"samples": 200}, 0.2, True, 3, test_share=test_share)
    session.set_data(choice)
    session.set_hidden_layers((LayerSpec(5, "tanh"),))
    session.set_settings(learning_rate=0.5, epochs=30, report_every=10)
    return session


def test_the_network_is_neither_trained_nor_checked_on_test_samples():
    session = three_way_session()
    test = session.prepared.test_set
    assert test.m == 40 and session.m == 120 and session.prepared.validation.m == 40
    data = session.training_data()
    seen = _columns(data.X) | _columns(data.X_val)
    assert not seen & _columns(test.X)
    assert data.X.shape[1] + data.X_val.shape[1] + test.m == 200


def test_a_test_share_leaves_the_dev_set_as_it_was():
    with_test, without = three_way_session(0.2), three_way_session(0.0)
    dev_with, dev_without = with_test.prepared, without.prepared  # scaled by their own μ, σ
    np.testing.assert_allclose(
        dev_with.standardizer.inverse_transform(dev_with.validation.X),
        dev_without.standardizer.inverse_transform(dev_without.validation.X),
    )
    assert with_test.m == without.m - 40


def test_evaluating_on_test_gives_the_test_cost_and_accuracy_and_changes_nothing():
    session = three_way_session()
    session.train_here()
    weights = {k: v.copy() for k, v in session.network.params.items()}
    steps = list(session.history.step)
    result = session.evaluate_test()
    test = session.prepared.test_set
    cost, accuracy = evaluate(session.network, map_features(test.X, session.input_features), test.Y)
    assert result.m == 40 and result.cost == pytest.approx(cost) and result.cost > 0
    assert result.accuracy == pytest.approx(accuracy)
    assert result.error == pytest.approx(1 - accuracy)
    assert session.history.step == steps
    for name, value in session.network.params.items():
        np.testing.assert_array_equal(value, weights[name])


def test_a_regression_test_set_has_a_cost_and_no_error_rate():
    session = Session()
    session.set_data(DataChoice("sine", {}, 0.2, False, 0, test_share=0.2))
    result = session.evaluate_test()
    assert result.accuracy is None and result.error is None and result.cost > 0


def test_without_a_test_set_evaluation_says_how_to_get_one():
    session = three_way_session(0.0)
    with pytest.raises(NoTestSetError, match="choose a test share"):
        session.evaluate_test()


def test_impossible_shares_are_refused_and_the_data_stays():
    session = three_way_session()
    before = session.data_choice
    with pytest.raises(ValueError, match="no training samples"):
        session.set_data(DataChoice("moons", {"samples": 200}, 0.5, True, 3, test_share=0.5))
    assert session.data_choice == before


def test_the_model_file_keeps_the_test_share_and_the_same_test_set(tmp_path):
    session = three_way_session()
    session.train_here()
    path = save_session(session, tmp_path / "three.nnstudio")
    assert load_model(path).hyperparameters["test_share"] == 0.2
    again = load_session(path)
    assert again.data_choice.test_share == 0.2
    assert again.prepared.test_set == session.prepared.test_set
    assert again.evaluate_test() == session.evaluate_test()


def test_a_file_without_a_test_set_does_not_mention_one(tmp_path):
    """Files of data without a test set stay as they were before there was one."""
    path = save_session(three_way_session(0.0), tmp_path / "two.nnstudio")
    assert "test_share" not in load_model(path).hyperparameters
    assert load_session(path).prepared.test_set.m == 0


def _with_hyperparameter(path: Path, key: str, value: object) -> Path:
    with zipfile.ZipFile(path) as zf:
        members = {name: zf.read(name) for name in zf.namelist()}
    manifest = json.loads(members.pop("manifest.json"))
    manifest["hyperparameters"][key] = value
    bad = path.with_name("bad.nnstudio")
    with zipfile.ZipFile(bad, "w") as zf:
        zf.writestr("manifest.json", json.dumps(manifest))
        for name, data in members.items():
            zf.writestr(name, data)
    return bad


@pytest.mark.parametrize("value", [-0.1, 1.0, "a fifth", 0.85])
def test_a_bad_test_share_in_a_file_is_refused_by_name(tmp_path, value):
    path = save_session(three_way_session(), tmp_path / "three.nnstudio")
    with pytest.raises(InvalidContentError, match="test_share"):
        load_model(_with_hyperparameter(path, "test_share", value))


def test_the_command_line_trains_on_the_same_training_set(tmp_path):
    session = three_way_session()
    path = save_session(session, tmp_path / "three.nnstudio")
    train_set, val_set = splits(load_model(path))
    np.testing.assert_allclose(train_set.X, session.prepared.train.X)
    np.testing.assert_allclose(val_set.X, session.prepared.validation.X)
    raw_test = split_three(session.dataset, 0.2, 0.2, 3)[2]
    assert train_set.m + val_set.m + raw_test.m == session.dataset.m


# -- the human-level error the verdict measures the bias from -------------------------------------
def test_the_human_level_error_is_checked_for_the_task():
    session = three_way_session()
    session.set_human_error(0.05)
    assert session.human_error == 0.05 and session.modified
    for bad in (-0.01, 1.5, float("nan")):
        with pytest.raises(ValueError, match="share from 0 to 1"):
            session.set_human_error(bad)
    assert session.human_error == 0.05
    session.set_data(DataChoice("sine", {}, 0.2, False, 0))  # a cost now: the share is gone
    assert session.human_error == 0.0
    session.set_human_error(3.5)
    with pytest.raises(ValueError, match="cost must be a number"):
        session.set_human_error(-1.0)


def test_the_model_file_keeps_the_human_level_error(tmp_path):
    session = three_way_session()
    session.set_human_error(0.04)
    path = save_session(session, tmp_path / "human.nnstudio")
    assert load_model(path).hyperparameters["human_level_error"] == 0.04
    assert load_session(path).human_error == 0.04
    plain = save_session(three_way_session(), tmp_path / "plain.nnstudio")
    assert "human_level_error" not in load_model(plain).hyperparameters
    assert load_session(plain).human_error == 0.0


@pytest.mark.parametrize("value", [-0.5, "high", None])
def test_a_bad_human_level_error_in_a_file_is_refused_by_name(tmp_path, value):
    path = save_session(three_way_session(), tmp_path / "three.nnstudio")
    with pytest.raises(InvalidContentError, match="human_level_error"):
        load_session(_with_hyperparameter(path, "human_level_error", value))


def test_a_share_above_one_for_a_classifier_is_refused_when_opened(tmp_path):
    path = save_session(three_way_session(), tmp_path / "three.nnstudio")
    with pytest.raises(InvalidContentError, match="share from 0 to 1"):
        load_session(_with_hyperparameter(path, "human_level_error", 2.0))
