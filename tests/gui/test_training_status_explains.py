"""In the real window, a failed run says why once, in full, with advice that fits the run; a
run that learns says nothing of the kind."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

from nnstudio.gui import MainWindow

WAIT = 60_000


@pytest.fixture
def window(qtbot):
    window = MainWindow()
    ui = window.training
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    yield window, ui
    ui.controller.shutdown()


def choose(ui, optimizer, learning_rate, epochs):
    panel = ui.panel
    panel.optimizer.setCurrentIndex(panel.optimizer.findData(optimizer))
    panel.learning_rate.setValue(learning_rate)
    panel.epochs.setValue(epochs)


def train_to_the_end(qtbot, window, ui):
    button = window.findChild(QAbstractButton, "trainButton")
    with qtbot.waitSignal(ui.controller.finished, timeout=WAIT):
        qtbot.mouseClick(button, Qt.LeftButton)
    qtbot.waitUntil(lambda: ui.controller.state == "idle", timeout=WAIT)


def shown_texts(window):
    """Every text the window shows: visible labels, and the status bar's message."""
    labels = [w.text() for w in window.findChildren(QLabel) if w.isVisible() and w.text()]
    return [*labels, window.statusBar().currentMessage()]


def assert_whole(label: QLabel):
    """The label shows all of its text: as tall as its text needs, and not cut by its parent."""
    assert label.isVisible()
    assert label.height() >= label.heightForWidth(label.width())
    assert label.visibleRegion().boundingRect() == label.rect()


def test_adam_at_rate_100_diverges_with_one_whole_message_and_fitting_advice(qtbot, window):
    window, ui = window
    choose(ui, "adam", 100.0, 5000)
    assert window.session.settings.learning_rate == 100.0
    with qtbot.waitSignal(ui.controller.diverged, timeout=WAIT) as diverged:
        train_to_the_end(qtbot, window, ui)
    message = diverged.args[0]
    assert message.startswith("Training diverged at iteration")
    assert "Adam optimizer" not in message  # the run already uses Adam
    assert "usual learning rate, 0.001" in message and "(10)" not in message
    texts = shown_texts(window)
    assert sum(message in t for t in texts) == 1, texts
    assert not any(t and t in message and t != message for t in texts if len(t) > 40), texts
    label = ui.panel.divergence_label
    assert label.text() == message
    assert_whole(label)
    assert window.statusBar().currentMessage().startswith("Iteration ")


def test_a_run_that_does_not_learn_gets_a_diagnosis(qtbot, window):
    window, ui = window
    choose(ui, "gd", 0.0001, 1000)
    with qtbot.waitSignal(ui.controller.diagnosed, timeout=WAIT) as diagnosed:
        train_to_the_end(qtbot, window, ui)
    message = diagnosed.args[0]
    assert "did not learn" in message and "larger learning rate" in message
    label = ui.panel.diagnosis_label
    assert label.text() == message and not ui.panel.divergence_label.isVisible()
    assert_whole(label)
    assert sum(message in t for t in shown_texts(window)) == 1
    # the next run hides it; another network forgets it
    window.session.reset_weights()
    assert not label.isVisible()


def test_the_default_run_learns_and_gets_no_diagnosis(qtbot, window):
    window, ui = window
    diagnoses = []
    ui.controller.diagnosed.connect(diagnoses.append)
    train_to_the_end(qtbot, window, ui)
    assert ui.controller.last_report.status == "finished"
    assert diagnoses == [] and ui.controller.last_diagnosis == ""
    panel = ui.panel
    assert not panel.diagnosis_label.isVisible() and not panel.divergence_label.isVisible()


def test_the_explanation_widgets_have_names(window):
    window, _ = window
    for name in ("divergenceLabel", "diagnosisLabel"):
        assert window.findChild(QWidget, name) is not None, name
