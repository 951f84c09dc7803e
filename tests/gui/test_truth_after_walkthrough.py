"""What a learner sees after training, changing the data and training on is the open model's
state: the status line, the progress bar, the empty cost plot and Compare runs."""

from __future__ import annotations

from PySide6.QtCore import Qt

WAIT = 20_000


def train(qtbot, window, epochs: int) -> None:
    window.training.panel.epochs.setValue(epochs)
    with qtbot.waitSignal(window.training.controller.finished, timeout=WAIT):
        qtbot.mouseClick(window.training.panel.train_button, Qt.MouseButton.LeftButton)


def choose_data(window, name: str) -> None:
    combo = window.data_panel.dataset_combo
    combo.setCurrentIndex(combo.findData(name))
    assert window.session.dataset.name == name


def last_record_text(session) -> str:
    h = session.history
    return f"Iteration {h.step[-1]} · cost {h.cost[-1]:.4g} ·"


def test_the_status_bar_shows_the_open_model_after_a_data_change_and_its_undo(qtbot, window):
    bar = window.statusBar()
    train(qtbot, window, 30)
    flower_line = bar.currentMessage()
    assert flower_line.startswith(last_record_text(window.session))

    choose_data(window, "xor")  # a new model: not trained yet
    assert not window.session.history.step
    assert bar.currentMessage() == ""

    train(qtbot, window, 20)
    assert bar.currentMessage().startswith(last_record_text(window.session))
    choose_data(window, "moons")
    assert bar.currentMessage() == ""

    window.undo_stack.undo()  # back to XOR, trained 20 iterations
    assert window.session.dataset.name == "xor"
    assert bar.currentMessage().startswith(last_record_text(window.session))
    assert bar.currentMessage() != flower_line


def test_the_progress_bar_counts_the_run_that_continues_a_trained_model(qtbot, window):
    panel = window.training.panel
    train(qtbot, window, 40)
    first = window.session.history.last_step
    assert panel.progress.text() == f"iteration {first} (Train adds 40)"
    train(qtbot, window, 25)
    end = window.session.history.last_step
    assert end == first + 25
    assert panel.progress.minimum() <= panel.progress.value() <= panel.progress.maximum()
    assert panel.progress.text() == f"iteration {end} (Train adds 25)"
    with qtbot.waitSignal(window.training.controller.reportReceived, timeout=WAIT):
        window.training.controller.step()  # one iteration of a new run, which then waits
    assert panel.progress.text() == f"iteration {end + 1} (1 / 25 of this run)"
    assert panel.progress.value() == 1 and panel.progress.maximum() == 25
    with qtbot.waitSignal(window.training.controller.finished, timeout=WAIT):
        window.training.controller.stop()


def test_an_empty_cost_plot_says_what_to_do_and_shows_no_made_up_axis_values(qtbot, window):
    view = window.training.cost_view
    window.views.setCurrentWidget(view)
    train(qtbot, window, 20)
    assert not view.empty_hint.isVisible()
    assert view.plot.getAxis("left").style["showValues"]
    choose_data(window, "xor")
    qtbot.waitUntil(lambda: view.empty_hint.isVisible(), timeout=WAIT)
    assert view.empty_hint.toPlainText() == "Train the network to see its cost"
    for plot in (view.plot, view.accuracy_plot):
        for side in ("left", "bottom"):
            assert not plot.getAxis(side).style["showValues"]
    train(qtbot, window, 20)
    qtbot.waitUntil(lambda: not view.empty_hint.isVisible(), timeout=WAIT)
    assert view.accuracy_plot.getAxis("left").style["showValues"]


def test_compare_runs_shows_costs_as_they_are_and_names_runs_alike(qtbot, window):
    runs = window.learn.runs_view
    window.views.setCurrentWidget(runs)
    assert runs.empty_label.isVisible() and not runs.plot.isVisible()
    assert "when a run ends" in runs.empty_label.text()
    train(qtbot, window, 20)
    window.training.panel.reset_button.click()
    window.training.panel.learning_rate.setValue(0.5)
    train(qtbot, window, 20)
    assert runs.list.count() == 2
    first, second = (runs.list.item(i).text() for i in range(2))
    assert first.startswith("tanh, lr ") and second == "tanh, lr 0.5"
    assert runs.plot.isVisible() and not runs.empty_label.isVisible()
    axis = runs.plot.getAxis("left")
    assert axis.labelUnitPrefix == "" and "x0.001" not in axis.labelString()
    assert axis.autoSIPrefixScale == 1.0
