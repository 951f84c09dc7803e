"""The training panel: its widgets follow and edit the session, and lock while a run is active."""

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from nnstudio.engine import OPTIMIZERS
from nnstudio.gui.training.controller import TrainingController
from nnstudio.gui.training.panel import TrainingPanel
from nnstudio.gui.views.live_views import CostView, steady_range
from nnstudio.session import Session

WAIT = 10_000


@pytest.fixture
def panel(qtbot):
    session = Session()
    host = QWidget()
    controller = TrainingController(session, host)
    panel = TrainingPanel(session, controller, host)
    qtbot.addWidget(host)
    yield panel
    controller.shutdown()


NAMES = (
    "trainButton",
    "stepButton",
    "stopButton",
    "resetButton",
    "learningRateSpinBox",
    "epochsSpinBox",
    "batchSizeSpinBox",
    "optimizerCombo",
    "initCombo",
    "l2SpinBox",
    "seedSpinBox",
    "precisionCombo",
    "trainingProgress",
)


def test_widgets_have_their_object_names(panel):
    for name in NAMES:
        assert panel.findChild(QWidget, name) is not None, name


def test_widgets_show_the_session(panel):
    session = panel.session
    assert panel.learning_rate.value() == pytest.approx(1.2)
    assert panel.epochs.value() == session.settings.epochs
    assert panel.batch_size.value() == 0 and panel.batch_size.text() == "full batch"
    assert panel.optimizer.currentData() == "gd"
    assert [panel.optimizer.itemData(i) for i in range(panel.optimizer.count())] == list(OPTIMIZERS)
    assert panel.init.currentData() == session.init
    assert panel.seed.value() == session.seed
    assert panel.precision.currentData() == "float64"
    session.set_settings(learning_rate=0.0005, epochs=321, batch_size=64, optimizer="adam")
    assert panel.learning_rate.value() == pytest.approx(0.0005)
    assert panel.epochs.value() == 321 and panel.batch_size.value() == 64
    assert panel.optimizer.currentData() == "adam"


def test_edits_go_to_the_session(panel):
    session = panel.session
    panel.optimizer.setCurrentIndex(panel.optimizer.findData("momentum"))
    panel.learning_rate.setValue(0.05)  # any rate, after the optimizer proposed its own
    panel.epochs.setValue(777)
    panel.batch_size.setValue(32)
    assert session.settings.learning_rate == pytest.approx(0.05)
    assert session.settings.epochs == 777 and session.settings.batch_size == 32
    assert session.settings.optimizer == "momentum"
    panel.init.setCurrentIndex(panel.init.findData("he"))
    panel.seed.setValue(7)
    panel.precision.setCurrentIndex(panel.precision.findData("float32"))
    panel.l2.setValue(0.7)
    assert (session.init, session.seed, session.dtype) == ("he", 7, "float32")
    assert session.network.spec.init == "he" and session.network.spec.seed == 7
    assert session.network.params["W1"].dtype.name == "float32"
    assert session.l2 == pytest.approx(0.7) and session.network.l2 == pytest.approx(0.7)


def test_hyperparameters_lock_while_a_run_is_active(qtbot, panel):
    controller = panel.controller
    panel.session.set_settings(epochs=10_000_000)
    with qtbot.waitSignal(controller.reportReceived, timeout=WAIT):
        qtbot.mouseClick(panel.train_button, Qt.LeftButton)
    assert panel.train_button.text() == "Pause"
    # α and λ stay live (the run takes them at its next update); the rest waits for the end
    assert panel.learning_rate.isEnabled() and panel.l2.isEnabled()
    assert not panel.seed.isEnabled() and not panel.epochs.isEnabled()
    assert "Stop training" in panel.seed.toolTip()
    assert "next update" in panel.learning_rate.toolTip()
    assert panel.stop_button.isEnabled() and not panel.step_button.isEnabled()
    qtbot.waitUntil(lambda: panel.progress.value() > 0, timeout=WAIT)  # ≤ 10 updates a second
    assert panel.progress.maximum() == 10_000_000
    assert panel.progress.text() == f"iteration {panel.progress.value()} / 10000000"
    with qtbot.waitSignal(controller.finished, timeout=WAIT):
        qtbot.mouseClick(panel.stop_button, Qt.LeftButton)
    assert panel.learning_rate.isEnabled() and panel.train_button.text() == "Train"
    assert "Stop training" not in panel.seed.toolTip()
    assert "next update" not in panel.learning_rate.toolTip()
    last = panel.session.history.last_step
    assert panel.progress.text() == f"iteration {last} (Train adds 10000000)"
    assert not panel.stop_button.isEnabled()


def test_status_and_rate_follow_the_run(qtbot, panel):
    controller = panel.controller
    panel.session.set_settings(epochs=10_000_000)
    with qtbot.waitSignal(
        controller.reportReceived,
        timeout=WAIT,
        check_params_cb=lambda r: r.status == "running" and controller.rate > 0,
    ):
        controller.start()
    qtbot.waitUntil(lambda: panel.rate_label.text().endswith("it/s"), timeout=WAIT)
    assert panel.status_label.text().startswith("Iteration ")
    assert " · cost " in panel.status_label.text()
    with qtbot.waitSignal(controller.finished, timeout=WAIT):
        controller.stop()


def test_cost_view_log_scale_and_history(qtbot, panel):
    view = CostView(panel.session, panel.controller)
    qtbot.addWidget(view)
    view.show()
    assert view.plot.objectName() == "costPlot"
    assert view.findChild(QWidget, "logScaleCheckBox") is view.log_scale
    panel.session.set_settings(epochs=200)
    with qtbot.waitSignal(panel.controller.finished, timeout=WAIT):
        panel.controller.start()
    panel.controller.frames.flush_all()
    _, costs = view.cost_curve.getData()
    assert len(costs) > 2 and costs[0] == pytest.approx(0.693, abs=0.01)
    view.log_scale.setChecked(True)
    assert view.plot.getAxis("left").logMode
    _, logs = view.cost_curve.getData()
    np.testing.assert_allclose(logs, np.log10(costs))
    view.log_scale.setChecked(False)
    np.testing.assert_allclose(view.cost_curve.getData()[1], costs)
    panel.session.reset_weights()  # the history is forgotten: so is the curve
    panel.controller.frames.flush_all()
    remaining = view.cost_curve.getData()[1]
    assert view.series.n == 0 and (remaining is None or len(remaining) == 0)


def test_steady_range_changes_rarely():
    assert steady_range(None, 0.0, 1.0) == pytest.approx((-0.06, 1.06))
    assert steady_range((0.0, 1.0), 0.2, 0.9) is None  # inside and filling enough: keep
    assert steady_range((0.0, 1.0), 0.2, 1.5) is not None  # outgrown
    assert steady_range((0.0, 1.0), 0.4, 0.5) is not None  # fills too little
