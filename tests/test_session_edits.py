"""Edits that replace the weights: new data starts from fresh weights, and a snapshot taken
before an edit brings back the weights, history and optimizer state exactly."""

import numpy as np

from nnstudio.engine import Network
from nnstudio.session import DataChoice, Session


def trained(optimizer: str = "adam") -> Session:
    session = Session()
    session.set_settings(optimizer=optimizer, learning_rate=0.01)
    session.train_here(epochs=40)
    return session


def fresh_params(session: Session) -> dict[str, np.ndarray]:
    return Network.from_spec(session.network.spec).params


def test_new_data_of_the_same_shape_starts_from_fresh_weights():
    """Flower and circles both have 2 features and one sigmoid output: the trained weights
    used to be kept; they are drawn again from the seed."""
    session = trained()
    assert session.history.step
    session.set_data(DataChoice(name="circles"))
    assert session.network.layer_dims == (2, 4, 1)
    for name, value in fresh_params(session).items():
        np.testing.assert_array_equal(session.network.params[name], value)
    assert session.history.step == [] and session.optimizer_state is None


def test_weights_that_blew_up_do_not_follow_to_the_next_data():
    session = Session()
    session.set_data(DataChoice(name="sine", params={"samples": 50}))
    session.train_here(epochs=200)  # α = 1.2 diverges on the sine
    session.set_data(DataChoice(name="sine", params={"samples": 60}))
    assert all(np.isfinite(v).all() for v in session.network.params.values())
    assert max(float(np.abs(v).max()) for v in session.network.params.values()) < 1.0


def test_restore_brings_back_weights_history_and_optimizer_state_exactly():
    session = trained()
    before = session.snapshot()
    params = {k: v.copy() for k, v in session.network.params.items()}
    steps, costs = list(session.history.step), list(session.history.cost)
    state = session.optimizer_state
    assert state is not None and state["t"] == 40

    session.set_initialization(init="he", seed=9)
    session.set_precision("float32")
    assert session.history.step == [] and session.optimizer_state is None

    events: list[str] = []
    for name in ("data", "network", "settings", "history"):
        session.events.connect(name, lambda name=name: events.append(name))
    session.restore(before)
    assert events == ["data", "network", "settings", "history"]
    assert (session.init, session.seed, session.dtype) == ("small", 2, "float64")
    for name, value in params.items():
        np.testing.assert_array_equal(session.network.params[name], value)
        assert session.network.params[name].dtype == value.dtype
    assert session.history.step == steps and session.history.cost == costs
    assert session.optimizer_state["t"] == 40
    for key, value in state["slots"].items():
        np.testing.assert_array_equal(session.optimizer_state["slots"][key], value)

    # training on from the restored state does not change the snapshot: restore it again
    session.train_here(epochs=10)
    session.restore(before)
    assert session.history.step == steps
    for name, value in params.items():
        np.testing.assert_array_equal(session.network.params[name], value)
