"""Choosing a data set proposes settings that learn it, switching the optimizer proposes its
rate, edits that draw new weights are undoable, and the boxes show numbers as they are."""

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QListWidget

from nnstudio.gui.window.main_window import MainWindow
from nnstudio.session_files import save_session


@pytest.fixture
def window(qtbot):
    w = MainWindow()
    qtbot.addWidget(w)
    return w


def press_undo(qtbot, window, redo: bool = False) -> None:
    """Ctrl+Z (Ctrl+Shift+Z) on the focused main window, as a learner presses it."""
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    target = window.findChild(QListWidget, "layerList")
    target.setFocus()
    modifiers = Qt.ControlModifier | (Qt.ShiftModifier if redo else Qt.NoModifier)
    qtbot.keyClick(target, Qt.Key_Z, modifiers)


def type_into(qtbot, spin, text: str) -> None:
    spin.setFocus()
    spin.lineEdit().selectAll()
    qtbot.keyClicks(spin.lineEdit(), text)
    qtbot.keyClick(spin.lineEdit(), Qt.Key_Return)


def layer_rows(window) -> list[str]:
    rows = window.findChild(QListWidget, "layerList")
    return [rows.item(i).text() for i in range(rows.count())]


def copy_params(session) -> dict[str, np.ndarray]:
    return {name: value.copy() for name, value in session.network.params.items()}


def assert_same_params(session, params) -> None:
    assert set(session.network.params) == set(params)
    for name, value in params.items():
        np.testing.assert_array_equal(session.network.params[name], value)


def test_choosing_the_sine_proposes_its_preset_and_ctrl_z_brings_everything_back(window, qtbot):
    session, panel = window.session, window.training.panel
    session.train_here(epochs=30)
    params, steps = copy_params(session), list(session.history.step)
    depth = window.undo_stack.count()

    combo = window.findChild(QComboBox, "datasetCombo")
    combo.setCurrentIndex(combo.findData("sine"))
    assert window.undo_stack.count() == depth + 1  # data and settings are one step
    # the builder shows the preset's network
    assert session.spec.layer_dims == (1, 16, 1)
    assert layer_rows(window)[:2] == ["Input X: 1 feature (x₁)", "Layer [1] hidden: 16 × tanh"]
    # the training panel shows its hyperparameters
    assert panel.optimizer.currentData() == "adam"
    assert panel.learning_rate.text() == "0.01"
    assert panel.epochs.text() == "2000"
    assert panel.init.currentData() == "xavier" and panel.seed.text() == "1"
    # a fresh start: no history, no weights from the flower
    assert session.history.step == [] and session.optimizer_state is None
    summary = window.data_panel.summary_label.text()
    assert "1 feature" in summary and "1 features" not in summary

    press_undo(qtbot, window)
    assert session.dataset.name == "flower" and combo.currentData() == "flower"
    assert session.spec.layer_dims == (2, 4, 1)
    assert panel.optimizer.currentData() == "gd" and panel.learning_rate.text() == "1.2"
    assert panel.epochs.text() == "10000" and panel.init.currentData() == "small"
    assert_same_params(session, params)  # the trained weights, not fresh ones
    assert session.history.step == steps

    press_undo(qtbot, window, redo=True)
    assert session.dataset.name == "sine" and session.spec.layer_dims == (1, 16, 1)
    assert panel.learning_rate.text() == "0.01"


def test_the_sine_preset_learns_where_the_old_defaults_diverged(window):
    session = window.session
    combo = window.findChild(QComboBox, "datasetCombo")
    combo.setCurrentIndex(combo.findData("sine"))
    report = session.train_here()
    assert report.status == "finished"
    assert session.history.cost[-1] < 0.02


def test_switching_optimizer_proposes_its_rate_and_undo_returns(window, qtbot):
    session, panel = window.session, window.training.panel
    panel.optimizer.setCurrentIndex(panel.optimizer.findData("adam"))
    assert session.settings.optimizer == "adam"
    assert session.settings.learning_rate == 0.01 and panel.learning_rate.text() == "0.01"
    type_into(qtbot, panel.learning_rate, "0.003")  # the learner may still type any rate
    assert session.settings.learning_rate == pytest.approx(0.003)

    press_undo(qtbot, window)
    assert session.settings.learning_rate == 0.01
    press_undo(qtbot, window)
    assert session.settings.optimizer == "gd" and panel.optimizer.currentData() == "gd"
    assert session.settings.learning_rate == 1.2 and panel.learning_rate.text() == "1.2"

    panel.optimizer.setCurrentIndex(panel.optimizer.findData("rmsprop"))
    assert panel.learning_rate.text() == "0.01"
    panel.optimizer.setCurrentIndex(panel.optimizer.findData("gd"))
    assert panel.learning_rate.text() == "1.2"  # back to the flower's gradient-descent rate


def test_seed_init_and_precision_changes_undo_to_the_trained_weights(window, qtbot):
    session, panel = window.session, window.training.panel
    panel.optimizer.setCurrentIndex(panel.optimizer.findData("adam"))
    session.train_here(epochs=25)
    params, costs = copy_params(session), list(session.history.cost)
    slots = {k: v.copy() for k, v in session.optimizer_state["slots"].items()}

    window.show()
    type_into(qtbot, panel.seed, "7")
    assert session.seed == 7 and session.history.step == []
    panel.init.setCurrentIndex(panel.init.findData("he"))
    panel.precision.setCurrentIndex(panel.precision.findData("float32"))
    assert (session.init, session.dtype) == ("he", "float32")

    for _ in range(3):
        press_undo(qtbot, window)
    assert (session.seed, session.init, session.dtype) == (2, "small", "float64")
    assert panel.seed.text() == "2" and panel.init.currentData() == "small"
    assert panel.precision.currentData() == "float64"
    assert_same_params(session, params)
    assert session.history.cost == costs
    assert session.optimizer_state["t"] == 25
    for key, value in slots.items():
        np.testing.assert_array_equal(session.optimizer_state["slots"][key], value)


def test_boxes_show_numbers_as_they_are(window, qtbot):
    session, panel = window.session, window.training.panel
    assert panel.learning_rate.text() == "1.2"  # not 1.200000
    session.set_settings(learning_rate=0.0005)
    assert panel.learning_rate.text() == "0.0005"
    session.set_l2(0.7)
    assert panel.l2.text() == "0.7"
    type_into(qtbot, panel.learning_rate, "2e-4")
    assert session.settings.learning_rate == pytest.approx(2e-4)


def test_values_from_a_file_beyond_the_old_ranges_are_shown_truthfully(window, tmp_path):
    """A rate of 1e300 used to show as 100, 2³² − 1 seeds as 2³¹ − 1, noise 7.5 as 5."""
    from nnstudio.session import DataChoice, Session

    source = Session()
    source.set_data(DataChoice(name="moons", params={"noise": 7.5, "seed": 2**32 - 1}))
    source.set_initialization(seed=2**32 - 1)
    source.set_l2(250.0)
    source.set_settings(learning_rate=1e300, epochs=2**33, batch_size=3_000_000)
    path = save_session(source, tmp_path / "big.nnstudio")
    assert window.open_path(str(path))

    panel, data = window.training.panel, window.data_panel
    assert panel.learning_rate.text() == "1e+300" and panel.learning_rate.value() == 1e300
    assert panel.epochs.text() == str(2**33)
    assert panel.batch_size.text() == "3000000"
    assert panel.seed.text() == str(2**32 - 1)
    assert panel.l2.text() == "250"
    assert data.noise_spin.text() == "7.5"
    assert data.seed_spin.text() == str(2**32 - 1)
    assert window.session.settings.learning_rate == 1e300  # showing it changed nothing
    assert panel.progress.text() == f"iteration 0 / {2**33}"
