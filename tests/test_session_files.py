"""A session saved as a model file and opened again is the same session, and trains on the same."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest
from nnstudio.resources import resource_path

from nnstudio.data import load_csv
from nnstudio.engine import Network
from nnstudio.files import (
    InvalidContentError,
    ModelFileError,
    NotAModelFileError,
    load_model,
    save_model,
)
from nnstudio.files.examples import EXAMPLES
from nnstudio.learn import Run
from nnstudio.session import DataChoice, LayerSpec, Session
from nnstudio.session_files import load_session, open_model_into, save_session

EVENTS = ("data", "network", "weights", "settings", "history", "modified")


def train_some(session: Session, epochs: int) -> None:
    session.train_here(epochs)


def adam_session() -> Session:
    session = Session()
    session.set_data(DataChoice("moons", {"samples": 120}, 0.25, True, 5))
    session.set_hidden_layers((LayerSpec(6, "relu"), LayerSpec(3, "tanh")))
    session.set_initialization("he", 7)
    session.set_l2(0.01)
    session.set_settings(optimizer="adam", learning_rate=0.02, epochs=40, report_every=5)
    train_some(session, 40)
    return session


def record_events(session: Session) -> list[str]:
    seen: list[str] = []
    for name in EVENTS:
        session.events.connect(name, lambda name=name: seen.append(name))
    return seen


def assert_same_state(a: Session, b: Session) -> None:
    assert a.hidden_layers == b.hidden_layers
    assert a.spec == b.spec
    assert a.network == b.network  # spec, dtype and every weight bit for bit
    assert (a.init, a.seed, a.dtype, a.l2) == (b.init, b.seed, b.dtype, b.l2)
    assert a.settings == b.settings
    assert a.dataset == b.dataset
    choice_a, choice_b = a.data_choice, b.data_choice
    assert (choice_a.validation_share, choice_a.standardize, choice_a.split_seed) == (
        choice_b.validation_share,
        choice_b.standardize,
        choice_b.split_seed,
    )
    for part in ("train", "validation"):
        pa, pb = getattr(a.prepared, part), getattr(b.prepared, part)
        assert np.array_equal(pa.X, pb.X) and pa.X.dtype == pb.X.dtype
        assert np.array_equal(pa.Y, pb.Y) and pa.Y.dtype == pb.Y.dtype
    assert a.prepared.standardizer == b.prepared.standardizer
    history_a, history_b = a.history.to_dict(), b.history.to_dict()
    assert history_a == history_b
    assert (a.optimizer_state is None) == (b.optimizer_state is None)
    if a.optimizer_state is not None and b.optimizer_state is not None:
        assert a.optimizer_state["t"] == b.optimizer_state["t"]
        slots_a, slots_b = a.optimizer_state["slots"], b.optimizer_state["slots"]
        assert slots_a.keys() == slots_b.keys()
        for name in slots_a:
            assert slots_a[name].dtype == slots_b[name].dtype
            assert np.array_equal(slots_a[name], slots_b[name])


def test_a_trained_session_round_trips_exactly(tmp_path):
    session = adam_session()
    assert session.modified and len(session.history.step) >= 4
    path = save_session(session, tmp_path / "moons.nnstudio")
    assert session.file_path == str(path) and not session.modified

    loaded = load_session(path)
    assert_same_state(session, loaded)
    assert loaded.file_path == str(path)
    assert not loaded.modified
    assert loaded.data_choice.name == "moons" and loaded.data_choice.imported is None
    assert loaded.settings.optimizer == "adam" and loaded.settings.learning_rate == 0.02
    assert loaded.spec.l2 == 0.01 and loaded.init == "he" and loaded.seed == 7


def test_continuing_after_reopening_equals_continuing_without(tmp_path):
    session = adam_session()
    path = save_session(session, tmp_path / "run.nnstudio")
    reopened = load_session(path)

    train_some(session, 25)
    train_some(reopened, 25)

    assert session.history.last_step == 65
    assert_same_state(session, reopened)


def test_float32_networks_keep_their_precision(tmp_path):
    session = Session()
    session.set_precision("float32")
    session.set_settings(optimizer="rmsprop", learning_rate=0.01)
    train_some(session, 20)
    loaded = load_session(save_session(session, tmp_path / "f32.nnstudio"))
    assert loaded.network.params["W1"].dtype == np.float32
    assert_same_state(session, loaded)


def test_optimizer_options_are_kept_and_used(tmp_path):
    session = Session()
    session.set_settings(optimizer="momentum", optimizer_options={"beta": 0.5})
    train_some(session, 10)
    loaded = load_session(save_session(session, tmp_path / "momentum.nnstudio"))
    assert loaded.settings.optimizer_options == {"beta": 0.5}
    assert loaded.training_config().optimizer_options == {"beta": 0.5}
    loaded.set_settings(optimizer="adam")  # options of another optimizer are not passed on
    assert loaded.training_config().optimizer_options == {}


def test_an_imported_csv_data_set_is_embedded_and_comes_back(tmp_path):
    rng = np.random.RandomState(0)
    rows = ["size,weight,kind"]
    for i in range(60):
        kind = ("small", "medium", "large")[i % 3]
        rows.append(f"{rng.randn() + i % 3:.6f},{rng.rand() * 10:.6f},{kind}")
    csv = tmp_path / "things.csv"
    csv.write_text("\n".join(rows) + "\n", encoding="utf-8")
    dataset = load_csv(csv)

    session = Session()
    session.set_data(DataChoice(dataset.name, {}, 0.2, True, 1, imported=dataset))
    session.set_hidden_layers((LayerSpec(5, "tanh"),))
    session.set_settings(optimizer="adam", learning_rate=0.05)
    train_some(session, 15)
    path = save_session(session, tmp_path / "things.nnstudio")
    csv.unlink()  # the model file does not depend on the CSV file any more

    assert load_model(path).dataset.source["kind"] == "csv"
    loaded = load_session(path)
    assert loaded.data_choice.imported == dataset
    assert loaded.dataset.class_names == dataset.class_names
    assert_same_state(session, loaded)


def test_a_bad_file_leaves_the_session_as_it_was(tmp_path):
    session = adam_session()
    network, history, choice = session.network, session.history, session.data_choice
    weights = {k: v.copy() for k, v in network.params.items()}
    seen = record_events(session)
    bad = tmp_path / "broken.nnstudio"
    bad.write_bytes(b"\x00garbage\xff" * 50)

    with pytest.raises(NotAModelFileError) as caught:
        open_model_into(session, bad)
    assert str(caught.value)  # a message for the learner

    assert seen == []
    assert session.network is network and session.history is history
    assert session.data_choice is choice and session.file_path is None and session.modified
    assert all(np.array_equal(network.params[k], weights[k]) for k in weights)


def test_a_valid_file_whose_network_does_not_fit_its_data_is_refused(tmp_path):
    session = Session()
    path = tmp_path / "odd.nnstudio"
    # three softmax outputs for the flower's two classes: a valid file, but not a usable model
    network = Network((2, 4, 3), ("tanh", "softmax"))
    save_model(path, network, dataset=session.dataset)
    seen = record_events(session)
    before = session.network

    with pytest.raises(InvalidContentError, match="output layer must"):
        open_model_into(session, path)
    assert seen == [] and session.network is before


def test_a_file_without_data_is_refused_with_a_reason(tmp_path):
    path = tmp_path / "nodata.nnstudio"
    save_model(path, Network((2, 4, 1), ("tanh", "sigmoid")))
    with pytest.raises(ModelFileError, match="no data set"):
        load_session(path)


def test_opening_replaces_everything_and_tells_every_view(tmp_path):
    path = save_session(adam_session(), tmp_path / "a.nnstudio")
    session = Session()
    session.set_hidden_layers((LayerSpec(2, "relu"),))
    seen = record_events(session)

    open_model_into(session, path)

    for name in ("data", "network", "settings", "history", "modified"):
        assert name in seen
    assert_same_state(load_session(path), session)
    assert session.file_path == str(path) and not session.modified


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda e: e.file_name)
def test_every_shipped_example_opens_as_an_untitled_copy(example):
    path = resource_path("examples", example.file_name)
    session = Session()
    model = open_model_into(session, path, as_copy=True)
    assert session.file_path is None and not session.modified
    assert session.network == model.network
    assert session.dataset.name == example.dataset
    assert session.settings.learning_rate == example.learning_rate
    assert session.settings.optimizer == example.optimizer
    assert session.data_choice.standardize == example.standardize
    assert session.history.last_step == (model.optimizer_state or {}).get("t")
    assert session.file_info["extra"]["title"] == example.title
    # the weights it was trained to reach fit the data as the saved history says
    cost = session.network.cost(
        session.network.forward(session.training_data().X)[0],
        session.network.as_labels(session.training_data().Y),
    )
    assert math.isfinite(cost)


def test_saving_an_opened_file_again_keeps_its_runs_and_creation_time(tmp_path):
    session = Session()
    example = resource_path("examples", "flower.nnstudio")
    original = load_model(example)
    open_model_into(session, example, as_copy=True)
    path = save_session(session, tmp_path / "mine.nnstudio")
    copy = load_model(path)
    assert [run["name"] for run in copy.runs] == [run["name"] for run in original.runs]
    assert copy.extra == original.extra
    assert copy.created != original.created  # a copy is a new file

    reopened = Session()
    open_model_into(reopened, path)
    reopened.set_l2(0.5)
    save_session(reopened, path)
    again = load_model(path)
    assert again.created == copy.created
    assert [run["name"] for run in again.runs] == [run["name"] for run in original.runs]


def test_a_session_saves_and_reloads_its_runs(tmp_path):
    session = Session()
    session.runs.add(Run("first try", {"step": [0, 10], "cost": [0.7, 0.5]}, {"lr": 1.2}))
    path = save_session(session, tmp_path / "runs.nnstudio")

    other = Session()
    other.runs.add(Run("to be replaced"))
    changes: list[int] = []
    other.runs.add_listener(lambda: changes.append(1))
    open_model_into(other, path)
    assert other.runs.names() == ["first try"]
    assert other.runs[0].history["cost"] == [0.7, 0.5]
    assert changes  # the listeners heard about it


def test_a_diverged_cost_is_saved_as_missing_and_read_back_as_none(tmp_path):
    session = Session()
    train_some(session, 20)
    session.history.cost[0] = math.inf
    loaded = load_session(save_session(session, tmp_path / "inf.nnstudio"))
    assert loaded.history.cost[0] is None
    assert loaded.history.cost[1:] == session.history.cost[1:]


def test_saving_into_a_missing_folder_fails_and_keeps_the_session_modified(tmp_path):
    session = Session()
    session.set_l2(0.1)
    with pytest.raises(ModelFileError):
        save_session(session, tmp_path / "no" / "such" / "folder.nnstudio")
    assert session.modified and session.file_path is None
    assert not Path(tmp_path / "no").exists()


def test_a_relative_path_is_remembered_as_an_absolute_one(tmp_path, monkeypatch):
    save_session(Session(), tmp_path / "here.nnstudio")
    monkeypatch.chdir(tmp_path)
    session = Session()
    open_model_into(session, "here.nnstudio")
    assert session.file_path == str(tmp_path / "here.nnstudio")


def test_a_file_saved_before_gradient_norms_were_kept_opens_and_trains_on(tmp_path):
    """Files written by the first format-1 writer hold one point per report and no norm_dW
    series: they open as they were, and training adds complete records after them."""
    old = Session()
    path = save_model(
        tmp_path / "old.nnstudio",
        old.network,
        dataset=old.dataset,
        history={"step": [362, 6793, 10000], "cost": [0.6, 0.3, 0.25]},
        hyperparameters={"learning_rate": 1.2, "epochs": 20, "report_every": 10},
    )
    session = load_session(path)
    assert session.history.step == [362, 6793, 10000]
    assert session.history.grad_norms == [(), (), ()]
    assert session.history.val_cost == [None, None, None]
    session.train_here()
    assert session.history.step == [362, 6793, 10000, 10010, 10020]
    assert [len(n) for n in session.history.grad_norms] == [0, 0, 0, 2, 2]
    again = load_session(save_session(session, tmp_path / "new.nnstudio"))
    assert again.history == session.history
