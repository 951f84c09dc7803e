"""Learn mode inside the main window: tabs, the diagram outline, kept runs, menus."""

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMenu, QPushButton

from nnstudio.gui import MainWindow
from nnstudio.session import LayerSpec

WAIT = 20_000


@pytest.fixture
def window(qtbot):
    window = MainWindow()
    qtbot.addWidget(window)
    yield window
    window.training.controller.shutdown()


def train_to_end(qtbot, window, epochs=200):
    window.session.set_settings(epochs=epochs)
    with qtbot.waitSignal(window.training.controller.finished, timeout=WAIT):
        window.training.panel.train_action.trigger()


def test_learn_tabs_and_menus_are_in_place(window):
    titles = [window.views.tabText(i) for i in range(window.views.count())]
    assert {"Step through", "Matrices", "Gradient flow", "Compare runs"} <= set(titles)
    export_menu = window.findChild(QMenu, "exportMenu")
    names = {action.objectName() for action in export_menu.actions()}
    assert {"exportCostPlotAction", "exportHistoryAction", "exportScriptAction"} <= names
    assert window.learn.gradient_check_action in window.training.menu.actions()
    assert window.learn.guide_action in window.help_menu.actions()


def test_the_step_through_outlines_its_layer_in_the_diagram(qtbot, window):
    window.views.setCurrentWidget(window.learn.step_view)
    qtbot.mouseClick(window.findChild(QPushButton, "startPassButton"), Qt.LeftButton)
    step = window.learn.step_view.current_step
    assert step is not None and step.layer == 1
    assert window.diagram.highlighted_layer == 1
    while window.learn.step_view.current_step.layer != 2:
        qtbot.mouseClick(window.findChild(QPushButton, "nextStepButton"), Qt.LeftButton)
    assert window.diagram.highlighted_layer == 2
    window.views.setCurrentIndex(0)
    assert window.diagram.highlighted_layer == -1


def test_a_finished_run_is_kept_and_continuing_updates_it(qtbot, window):
    train_to_end(qtbot, window)
    runs = window.session.runs.list()
    assert len(runs) == 1
    first_steps = runs[0].history["step"][-1]
    train_to_end(qtbot, window)  # continues the same weights: the same run grows
    runs = window.session.runs.list()
    assert len(runs) == 1 and runs[0].history["step"][-1] > first_steps
    window.session.set_settings(learning_rate=0.5)
    qtbot.mouseClick(window.findChild(QPushButton, "resetButton"), Qt.LeftButton)
    train_to_end(qtbot, window)
    runs = window.session.runs.list()
    assert len(runs) == 2 and "0.5" in runs[1].name


def test_runs_survive_save_and_reopen(qtbot, window, tmp_path):
    train_to_end(qtbot, window)
    path = tmp_path / "with-runs.nnstudio"
    assert window.file_controller.save_to(path)
    reopened = MainWindow()
    qtbot.addWidget(reopened)
    assert reopened.open_path(path)
    assert [r.name for r in reopened.session.runs.list()] == [
        r.name for r in window.session.runs.list()
    ]
    np.testing.assert_array_equal(
        reopened.session.network.params["W1"], window.session.network.params["W1"]
    )
    reopened.training.controller.shutdown()


def test_gradient_check_is_refused_while_training(qtbot, window):
    window.session.set_settings(epochs=10_000_000)
    with qtbot.waitSignal(window.training.controller.busyChanged, timeout=WAIT):
        window.training.panel.train_action.trigger()
    assert not window.learn.gradient_check_action.isEnabled()
    with qtbot.waitSignal(window.training.controller.finished, timeout=WAIT):
        window.training.panel.stop_action.trigger()
    assert window.learn.gradient_check_action.isEnabled()


def test_matrices_show_what_adam_keeps_for_the_chosen_layer(qtbot, window):
    """After a run with Adam, the Matrices view shows v_dW[l], s_dW[l] and their corrected
    forms for the layer chosen, equal to the state the session keeps for the next run; with
    gradient descent it says in words that nothing is kept."""
    from nnstudio.gui.learn.inspector import MatrixHeatmap
    from nnstudio.learn.optimizer_state import V_HAT

    window.session.set_settings(optimizer="adam", learning_rate=0.01)
    train_to_end(qtbot, window, epochs=30)
    window.views.setCurrentWidget(window.learn.inspector)
    panel = window.learn.inspector.optimizer_panel
    state = window.session.optimizer_state
    t = state["t"]

    def shown(object_name):
        heatmap = panel.findChild(MatrixHeatmap, object_name)
        return heatmap.array if heatmap.isVisibleTo(panel) else None

    window.learn.inspector.arrays()  # refreshed, every heatmap drawn
    assert np.array_equal(shown("inspectorVdWHeatmap"), state["slots"]["v_W1"])
    assert np.array_equal(shown("inspectorSdbHeatmap"), state["slots"]["s_b1"])
    assert np.allclose(shown("inspectorVHatdWHeatmap"), state["slots"]["v_W1"] / (1 - 0.9**t))
    assert panel.state.arrays[f"{V_HAT}_dW"].shape == (4, 2)  # W[1] is (n[1], n[0])
    assert f"t = {t}" in panel.title.text()

    window.learn.inspector.select_layer(2)
    window.learn.inspector.arrays()
    assert np.array_equal(shown("inspectorVdWHeatmap"), state["slots"]["v_W2"])

    window.session.set_settings(optimizer="gd")
    window.learn.inspector.arrays()
    assert "keeps nothing" in panel.title.text()
    assert shown("inspectorVdWHeatmap") is None and shown("inspectorSdWHeatmap") is None


def test_the_step_through_is_the_next_iteration_with_mini_batches_dropout_and_decay(qtbot, window):
    """After some training with mini-batches, dropout and decay, the pass shown is the one the
    next iteration makes: its mini-batch (said above the steps), its dropout masks and its
    decayed rate — the weights at the end of the update steps are what Step then gives."""
    session = window.session
    session.set_hidden_layers([LayerSpec(6, "relu", keep_prob=0.7), LayerSpec(4, "tanh")])
    session.set_settings(
        batch_size=32, optimizer="adam", learning_rate=0.02, decay_schedule="inverse",
        decay_rate=1.0,
    )  # fmt: skip
    train_to_end(qtbot, window, epochs=3)
    step_view = window.learn.step_view
    window.views.setCurrentWidget(step_view)
    qtbot.mouseClick(window.findChild(QPushButton, "startPassButton"), Qt.LeftButton)
    m, at = session.training_data().m, session.history.last_step
    note = window.findChild(QLabel, "stepBatchNote")
    assert not note.isHidden()
    assert note.text().startswith(f"Iteration {at + 1} comes next: it trains on a mini-batch")
    assert f"of 32 of the {m} training samples" in note.text() and "epoch 4" in note.text()
    assert step_view.steps[0].arrays["A[0]"].shape[1] == 32
    shown = {  # the weights the update steps end with
        name: step.arrays[name]
        for step in step_view.steps
        if step.kind == "update"
        for name in step.results
        if name in ("new W[1]", "new W[2]", "new W[3]")
    }
    with qtbot.waitSignal(window.training.controller.reportReceived, timeout=WAIT) as got:
        window.training.controller.step()
    assert got.args[0].step == at + 1
    for l in (1, 2, 3):
        np.testing.assert_allclose(
            session.network.params[f"W{l}"], shown[f"new W[{l}]"], rtol=1e-10, atol=1e-12
        )
    with qtbot.waitSignal(window.training.controller.finished, timeout=WAIT):
        window.training.controller.stop()
