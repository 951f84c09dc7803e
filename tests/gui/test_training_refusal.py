"""Train pressed with a run the engine refuses: the main window says why in a message box, offers
a batch size that fits when memory is short, and puts the focus on a setting out of range."""

import numpy as np
import pytest
from PySide6.QtWidgets import QMessageBox, QPushButton

from nnstudio.engine import TrainingData, checks, estimate_training_memory
from nnstudio.gui import MainWindow

WAIT = 10_000


@pytest.fixture
def window(qtbot):
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    yield window
    window.training.controller.shutdown()


def refusal_box(qtbot, window) -> QMessageBox:
    box = window.findChild(QMessageBox, "runRefusedBox")
    assert box is not None
    qtbot.waitUntil(box.isVisible, timeout=WAIT)
    return box


def test_too_little_memory_offers_a_batch_size_that_fits_and_uses_it_undoably(
    qtbot, window, monkeypatch
):
    ui, session = window.training, window.session
    assert session.settings.batch_size == 0  # full batch over all m samples
    data = session.training_data()
    m = data.X.shape[1]
    fits_16 = estimate_training_memory(
        session.network.layer_dims, m, 16, session.settings.optimizer, session.network.spec.dtype
    ).total
    monkeypatch.setattr(checks, "available_memory", lambda: fits_16)

    ui.panel.train_button.click()
    box = refusal_box(qtbot, window)
    assert box.windowTitle() == "Not enough memory to train"
    assert box.text().startswith(f"Training this network on {m} samples needs about")
    assert not ui.controller.is_busy and not window.editing_locked
    use = box.findChild(QPushButton, "useBatchSizeButton")
    assert use.text() == "Use batch size 16"

    use.click()
    qtbot.waitUntil(lambda: not box.isVisible(), timeout=WAIT)
    assert session.settings.batch_size == 16
    assert ui.panel.batch_size.value() == 16
    assert window.undo_stack.undoText() == "Set batch size to 16"
    assert window.statusBar().currentMessage() == "Batch size set to 16: press Train to start."

    session.set_settings(epochs=1)
    with qtbot.waitSignal(ui.controller.finished, timeout=WAIT):
        ui.panel.train_button.click()  # the same memory now holds the run
    assert session.history.step[-1] == m // 16 + (m % 16 > 0)

    window.undo_stack.undo()
    assert session.settings.batch_size == 0 and ui.panel.batch_size.value() == 0


def test_ok_leaves_the_batch_size_alone(qtbot, window, monkeypatch):
    monkeypatch.setattr(checks, "available_memory", lambda: 1)  # not even one sample fits
    window.training.panel.train_button.click()
    box = refusal_box(qtbot, window)
    assert box.findChild(QPushButton, "useBatchSizeButton") is None
    assert "even a batch of one sample would not fit" in box.text()
    box.button(QMessageBox.StandardButton.Ok).click()
    assert window.session.settings.batch_size == 0
    assert window.undo_stack.count() == 0


@pytest.mark.parametrize(
    ("changes", "control", "named"),
    [
        ({"learning_rate": 0.0}, "learning_rate", "α (learning_rate)"),
        ({"optimizer": "adam", "optimizer_options": {"beta1": 1.0}}, "optimizer", "(beta1)"),
    ],
)
def test_a_setting_out_of_range_gets_the_focus(qtbot, window, changes, control, named):
    ui = window.training
    window.session.set_settings(**changes)  # e.g. from a model file written elsewhere
    ui.panel.train_button.setFocus()
    ui.panel.train_button.click()
    box = refusal_box(qtbot, window)
    assert box.windowTitle() == "A training setting is out of range"
    assert named in box.text()
    assert box.informativeText() == "Change it and press Train again."
    box.button(QMessageBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: not box.isVisible(), timeout=WAIT)
    expected = getattr(ui.panel, control)
    qtbot.waitUntil(lambda: window.focusWidget() is expected, timeout=WAIT)
    assert not ui.controller.is_busy


def test_data_the_network_cannot_train_on_is_explained(qtbot, window, monkeypatch):
    session = window.session
    good = session.training_data()
    X = good.X.copy()
    X[1, 7] = np.nan
    monkeypatch.setattr(session, "training_data", lambda: TrainingData(X, good.Y))
    errors = []
    window.training.controller.errored.connect(errors.append)
    window.training.panel.train_button.click()
    box = refusal_box(qtbot, window)
    assert box.windowTitle() == "Cannot train on this data"
    assert box.text()[:1].isupper() and "NaN" in box.text()
    assert box.text().lower() == errors[0].lower()  # the engine's message, as a sentence
    assert window.statusBar().currentMessage() == errors[0]
