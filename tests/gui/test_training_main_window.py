"""Training installed in the real main window: dock, tabs, menu, status line, editing lock."""

import pytest
from PySide6.QtWidgets import QDockWidget, QMenu, QMessageBox, QWidget

from nnstudio.gui import MainWindow

WAIT = 10_000


@pytest.fixture
def window(qtbot):
    window = MainWindow()
    ui = window.training
    qtbot.addWidget(window)
    window.show()
    yield window, ui
    ui.controller.shutdown()


def test_everything_is_in_place(window):
    window, ui = window
    for name in ("trainButton", "costPlot", "activationsView", "decisionPlot", "trainingProgress"):
        assert window.findChild(QWidget, name) is not None, name
    assert window.findChild(QDockWidget, "trainingDock") is ui.dock
    assert window.findChild(QMenu, "trainMenu") is ui.menu
    titles = [window.views.tabText(i) for i in range(window.views.count())]
    assert {"Cost", "Activations", "Decision boundary"} <= set(titles)
    assert window.views.indexOf(ui.cost_view) >= 0


def test_a_run_locks_editing_and_reports_in_the_status_bar(qtbot, window):
    window, ui = window
    window.session.set_settings(epochs=10_000_000)
    with qtbot.waitSignal(
        ui.controller.reportReceived, timeout=WAIT, check_params_cb=lambda r: r.status == "running"
    ):
        ui.panel.train_action.trigger()
    assert window.editing_locked and window.lock_reason == ui.controller.busy_reason()
    assert not window.layer_editor.isEnabled()
    assert ui.panel.train_action.text() == "&Pause"
    with qtbot.waitSignal(ui.controller.finished, timeout=WAIT):
        ui.panel.stop_action.trigger()
    assert not window.editing_locked and window.layer_editor.isEnabled()
    assert window.statusBar().currentMessage().startswith("Iteration ")


def test_a_unit_chosen_in_the_diagram_shows_its_map(qtbot, window):
    window, ui = window
    window.views.setCurrentWidget(ui.decision_view)
    window.diagram.select_unit(1, 2)
    assert ui.decision_view.selected == (1, 2)
    ui.controller.frames.flush_all()
    assert ui.decision_view.value_map.isVisible()
    assert ui.decision_view.output_button.isVisible()
    ui.decision_view.output_button.click()
    ui.controller.frames.flush_all()
    assert ui.decision_view.selected is None and ui.decision_view.class_map.isVisible()


def test_closing_the_window_mid_training_stops_the_thread(qtbot, window, qtlog):
    window, ui = window
    window.session.set_settings(epochs=10_000_000)
    with qtbot.waitSignal(
        ui.controller.reportReceived, timeout=WAIT, check_params_cb=lambda r: r.status == "running"
    ):
        ui.controller.start()
    thread = ui.controller._thread
    assert not window.close()  # the trained weights are unsaved: the window asks first
    prompt = window.file_controller.close_prompt
    assert prompt is not None and prompt.isVisible()
    with qtbot.waitSignal(ui.controller.reportReceived, timeout=WAIT):
        pass  # the run goes on while the question is open
    assert ui.controller.is_busy
    prompt.button(QMessageBox.Discard).click()  # closes the window again, for good
    qtbot.waitUntil(lambda: not ui.controller.is_busy, timeout=WAIT)
    assert not window.isVisible()
    assert thread.isFinished()
    del thread
    assert not [r for r in qtlog.records if "QThread" in r.message]
