"""A point added by hand changes the data and m, not the network: weights, history and optimizer
state stay, undo (a snapshot) brings the data back, and the model file keeps the edited set."""

import numpy as np
import pytest

from nnstudio.data import add_point, make_dataset, remove_point
from nnstudio.session import DataChoice, Session
from nnstudio.session_files import load_session, save_session
from nnstudio.session_parts import with_edited_data


def test_an_edit_keeps_the_weights_and_history_and_changes_m(tmp_path):
    session = Session()
    session.set_settings(optimizer="adam", learning_rate=0.01)
    session.train_here(epochs=20)
    before = session.snapshot()
    params = {k: v.copy() for k, v in session.network.params.items()}
    steps = list(session.history.step)

    session.restore(with_edited_data(before, add_point(session.dataset, [1.0, 2.0], 1)))
    assert session.m == 401 and session.prepared.train.X.shape == (2, 401)
    assert session.data_choice.imported is session.dataset
    for name, value in params.items():
        np.testing.assert_array_equal(session.network.params[name], value)
    assert session.history.step == steps and session.optimizer_state is not None
    session.train_here(epochs=5)  # training goes on over the 401 samples
    assert session.history.step[-1] == steps[-1] + 5

    path = save_session(session, tmp_path / "edited.nnstudio")
    again = load_session(path)
    assert again.dataset == session.dataset and again.m == 401
    assert again.dataset.source == {"kind": "edited", "from": make_dataset("flower").source}

    session.restore(before)
    assert session.m == 400 and session.data_choice.imported is None


def test_the_split_and_the_standardisation_are_made_again():
    session = Session()
    session.set_data(
        DataChoice(name="moons", params={"samples": 100}, validation_share=0.2, standardize=True)
    )
    state = with_edited_data(session.snapshot(), remove_point(session.dataset, 0))
    assert state["prepared"].train.m + state["prepared"].validation.m == 99
    assert state["data_choice"].validation_share == 0.2 and state["data_choice"].standardize
    assert not state["prepared"].standardizer.is_identity


def test_an_edit_cannot_change_the_classes_or_features():
    session = Session()
    with pytest.raises(ValueError, match="classes"):
        with_edited_data(session.snapshot(), make_dataset("blobs", classes=3))
