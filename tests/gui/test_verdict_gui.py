"""The test set in the data panel, the bias–variance view and its verdict in Compare runs,
driven through the real widgets of the main window."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDoubleSpinBox, QLabel, QPushButton, QSpinBox

from nnstudio.gui import MainWindow

WAIT = 20_000


@pytest.fixture
def window(qtbot):
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    yield window
    window.training.controller.shutdown()


def child(window, kind, name):
    widget = window.findChild(kind, name)
    assert widget is not None, name
    return widget


def split_three_ways(window, dev=20, test=10):
    child(window, QSpinBox, "validationSpinBox").setValue(dev)
    child(window, QSpinBox, "testShareSpinBox").setValue(test)


def logistic_regression(window, epochs=300):
    """The course's first model on the flower: no hidden layer, it underfits (with the split
    of seed 1 its dev error is as high as its training error: no variance to speak of)."""
    window.session.set_data(replace(window.session.data_choice, split_seed=1))
    window.session.set_hidden_layers(())
    window.session.set_settings(learning_rate=1.2, epochs=epochs, report_every=50)


def train_to_end(qtbot, window):
    with qtbot.waitSignal(window.training.controller.finished, timeout=WAIT):
        window.training.panel.train_action.trigger()


def show_verdict_view(window):
    panel = child(window, QLabel, "verdictSituationLabel").parent()
    window.views.setCurrentWidget(panel)
    return panel


def test_the_test_share_splits_off_a_test_set_that_is_undoable(qtbot, window):
    split_three_ways(window)
    choice = window.session.data_choice
    assert (choice.validation_share, choice.test_share) == (0.2, 0.1)
    prepared = window.session.prepared
    assert (prepared.train.m, prepared.validation.m, prepared.test_set.m) == (280, 80, 40)
    summary = child(window, QLabel, "dataSummaryLabel").text()
    assert "m = 280 for training, 80 in the dev set" in summary
    assert "40 in the test set (not shown)" in summary
    x, _ = window.data_panel.validation_scatter.getData()
    y, _ = window.data_panel.train_scatter.getData()
    assert len(x) + len(y) == 360  # the test samples are not drawn
    window.undo_stack.undo()
    assert window.session.data_choice.test_share == 0.0
    assert child(window, QSpinBox, "testShareSpinBox").value() == 0


def test_impossible_shares_are_refused_with_a_message_and_the_data_kept(qtbot, window, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda *a: warnings.append(a[2])))
    child(window, QSpinBox, "validationSpinBox").setValue(60)
    child(window, QSpinBox, "testShareSpinBox").setValue(40)
    assert warnings and "no training samples" in warnings[0]
    assert window.session.data_choice.test_share == 0.0
    assert child(window, QSpinBox, "testShareSpinBox").value() == 0


def test_an_underfitting_run_is_called_high_bias_when_it_ends(qtbot, window):
    split_three_ways(window)
    logistic_regression(window)
    panel = show_verdict_view(window)
    assert panel.objectName() == "biasVariancePanel"
    titles = [window.views.tabText(i) for i in range(window.views.count())]
    assert "Bias and variance" in titles
    situation = child(window, QLabel, "verdictSituationLabel")
    assert situation.text() == "No verdict yet"
    train_to_end(qtbot, window)
    history = window.session.history
    train_error, dev_error = 1 - history.accuracy[-1], 1 - history.val_accuracy[-1]
    assert child(window, QLabel, "trainErrorLabel").text() == f"{100 * train_error:.1f} %"
    assert child(window, QLabel, "devErrorLabel").text() == f"{100 * dev_error:.1f} %"
    assert situation.text() == "High bias (underfitting)"
    advice = child(window, QLabel, "verdictAdviceLabel").text()
    assert "bigger network" in advice and "train longer" in advice

    # a task on which people err as often: the bias is no longer avoidable
    human = child(window, QDoubleSpinBox, "humanErrorSpinBox")
    human.setValue(round(100 * train_error, 1))
    assert situation.text() != "High bias (underfitting)"
    assert "Avoidable bias" in child(window, QLabel, "verdictGapsLabel").text()


def test_compare_runs_keeps_each_runs_verdict(qtbot, window):
    split_three_ways(window)
    logistic_regression(window)
    train_to_end(qtbot, window)
    runs = window.learn.runs_view
    window.views.setCurrentWidget(runs)
    item = runs.list.item(0)
    assert "High bias (underfitting)" in item.toolTip()
    runs.list.setCurrentRow(0)
    label = child(window, QLabel, "runVerdictLabel")
    assert label.text().startswith(f"{item.text()}: High bias (underfitting)")
    child(window, QDoubleSpinBox, "humanErrorSpinBox").setValue(60.0)  # above the errors
    assert "High bias" not in runs.list.item(0).toolTip()


def test_the_verdict_waits_for_the_end_of_a_run(qtbot, window):
    split_three_ways(window)
    logistic_regression(window, epochs=10_000_000)
    show_verdict_view(window)
    situation = child(window, QLabel, "verdictSituationLabel")
    button = child(window, QPushButton, "evaluateTestButton")
    with qtbot.waitSignal(window.training.controller.reportReceived, timeout=WAIT):
        window.training.panel.train_action.trigger()
    qtbot.waitUntil(lambda: len(window.session.history) > 0, timeout=WAIT)
    assert situation.text() == "No verdict yet" and not button.isEnabled()
    with qtbot.waitSignal(window.training.controller.finished, timeout=WAIT):
        window.training.panel.stop_action.trigger()
    assert situation.text() == "High bias (underfitting)" and button.isEnabled()


def test_evaluate_on_test_shows_the_test_cost_and_error_once_asked(qtbot, window):
    button = child(window, QPushButton, "evaluateTestButton")
    result = child(window, QLabel, "testResultLabel")
    assert not button.isEnabled() and "no test set" in result.text()
    assert "chose nothing" in button.toolTip()
    split_three_ways(window)
    logistic_regression(window)
    train_to_end(qtbot, window)
    show_verdict_view(window)
    assert button.isEnabled() and "kept apart" in result.text()
    assert "cost J" not in result.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    expected = window.session.evaluate_test()
    assert result.text() == (
        f"Test set (40 samples): cost J = {expected.cost:.4g}, "
        f"error {100 * expected.error:.1f} %, accuracy {100 * expected.accuracy:.1f} %"
    )
    window.session.reset_weights()  # other weights: the old result no longer holds
    assert "kept apart" in result.text()


def test_the_human_level_error_is_the_sessions(qtbot, window):
    human = child(window, QDoubleSpinBox, "humanErrorSpinBox")
    assert human.suffix() == " %" and human.value() == 0.0
    human.setValue(4.5)
    assert window.session.human_error == pytest.approx(0.045)
    window.session.set_human_error(0.1)  # e.g. a model file opened: the box follows
    assert human.value() == pytest.approx(10.0)
    assert window.learn.runs_view.human_error == pytest.approx(0.1)
    child(window, QSpinBox, "validationSpinBox").setValue(20)  # the same task: kept
    assert window.session.human_error == pytest.approx(0.1)
    window.undo_stack.undo()
    assert human.value() == pytest.approx(10.0)


def test_a_regression_is_judged_on_its_cost_and_says_so(qtbot, window):
    from nnstudio.session import DataChoice

    window.session.set_data(DataChoice("sine", {}, 0.25, True, 0, test_share=0.25))
    window.session.set_settings(learning_rate=0.1, epochs=200, report_every=50)
    show_verdict_view(window)
    assert child(window, QDoubleSpinBox, "humanErrorSpinBox").suffix() == ""
    train_to_end(qtbot, window)
    titles = {label.text() for label in window.learn.verdict_panel.findChildren(QLabel)}
    assert {"Training cost:", "Dev cost:", "Human-level cost:"} <= titles
    history = window.session.history
    assert child(window, QLabel, "trainErrorLabel").text() == f"{history.cost[-1]:.4g}"
    assert "cost J is compared instead" in child(window, QLabel, "verdictGapsLabel").text()
    qtbot.mouseClick(child(window, QPushButton, "evaluateTestButton"), Qt.MouseButton.LeftButton)
    text = child(window, QLabel, "testResultLabel").text()
    assert text.startswith("Test set (") and "cost J = " in text and "accuracy" not in text
