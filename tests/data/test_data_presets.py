"""Every built-in data set has settings that learn it from a fresh start, with every optimizer."""

import math

import pytest

from nnstudio.data import BUILTIN_DATASETS, PRESETS, proposed_learning_rate
from nnstudio.engine import OPTIMIZERS
from nnstudio.session import DataChoice, Session

# what "learnt" means for each set: final training accuracy (classification) or half mean
# squared error (regression; the noise alone leaves σ²/2 = 0.005)
ACCURACY = {"flower": 0.88, "circles": 0.97, "moons": 0.97, "xor": 0.95, "spiral": 0.95}
ACCURACY["blobs"] = 0.97
REGRESSION_COST = 0.02


def session_with_preset(name: str) -> Session:
    session = Session()
    session.set_data(DataChoice(name=name))
    session.apply_preset(PRESETS[name])
    return session


def assert_learnt(session: Session, name: str, report) -> None:
    assert report.status == "finished", report.divergence
    assert report.divergence is None
    costs = [c for c in session.history.cost if c is not None]
    assert all(math.isfinite(c) for c in costs)
    assert costs[-1] < 0.5 * costs[0]
    if BUILTIN_DATASETS[name].task == "regression":
        assert costs[-1] < REGRESSION_COST
    else:
        assert session.history.accuracy[-1] >= ACCURACY[name]


def test_every_builtin_set_has_a_preset_for_known_names():
    assert set(PRESETS) == set(BUILTIN_DATASETS)
    for preset in PRESETS.values():
        assert preset.optimizer in OPTIMIZERS
        assert set(preset.rates) == set(OPTIMIZERS)
        assert all(rate > 0 for rate in preset.rates.values())


@pytest.mark.parametrize("name", list(PRESETS))
def test_preset_learns_its_data_from_a_fresh_start(name):
    """The preset's real settings: all its epochs, its optimizer and rate."""
    session = session_with_preset(name)
    preset = PRESETS[name]
    assert session.settings.epochs == preset.epochs
    assert session.settings.learning_rate == preset.learning_rate
    assert session.settings.optimizer == preset.optimizer
    report = session.train_here()
    assert report.step == preset.epochs
    assert_learnt(session, name, report)


OTHER_OPTIMIZERS = [
    (name, optimizer)
    for name, preset in PRESETS.items()
    for optimizer in OPTIMIZERS
    if optimizer != preset.optimizer
]
SWITCHED_EPOCHS = 2000  # enough to show learning; keeps the 21 runs quick


@pytest.mark.parametrize(("name", "optimizer"), OTHER_OPTIMIZERS)
def test_switching_optimizer_proposes_a_rate_that_learns(name, optimizer):
    session = session_with_preset(name)
    rate = proposed_learning_rate(optimizer, name, session.settings.optimizer, 1.0)
    session.set_settings(optimizer=optimizer, learning_rate=rate)
    epochs = min(session.settings.epochs, SWITCHED_EPOCHS)
    assert_learnt(session, name, session.train_here(epochs=epochs))


def test_the_course_defaults_diverge_on_the_sine_but_its_preset_does_not():
    """Why the sine needs its own settings: 4 tanh units at α = 1.2 blow up within 100 steps."""
    session = Session()
    session.set_data(DataChoice(name="sine"))
    report = session.train_here(epochs=500)
    assert report.status == "diverged" and report.step < 100
    session.apply_preset(PRESETS["sine"])
    assert session.history.step == [] and session.optimizer_state is None
    assert session.train_here().status == "finished"


def test_proposed_rates():
    # built-in data: the preset's rate for each optimizer
    assert proposed_learning_rate("adam", "flower", "gd", 1.2) == 0.01
    assert proposed_learning_rate("gd", "flower", "adam", 0.01) == 1.2
    assert proposed_learning_rate("gd", "sine", "adam", 0.01) == PRESETS["sine"].rates["gd"]
    # imported data: the usual rates; gradient descent keeps a gradient-descent rate
    assert proposed_learning_rate("adam", None, "gd", 0.3) == 0.01
    assert proposed_learning_rate("rmsprop", "my.csv", "gd", 0.3) == 0.01
    assert proposed_learning_rate("momentum", None, "gd", 0.3) == 0.3
    assert proposed_learning_rate("gd", None, "adam", 0.01) == 0.1
