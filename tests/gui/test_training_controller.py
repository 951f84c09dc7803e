"""Training in a worker thread: train, pause, resume, step, stop, reset, close, divergence.

The run happens in a real QThread; the tests wait for signals (never sleep). Runs are short, or
long and stopped, so the module stays fast on a loaded machine.
"""

from dataclasses import dataclass
from itertools import pairwise

import numpy as np
import pytest
from PySide6.QtCore import Qt, QThread
from PySide6.QtWidgets import QHBoxLayout, QWidget

from nnstudio.data.builtin import BUILTIN_DATASETS
from nnstudio.engine import Record, TrainingControl
from nnstudio.gui.training.controller import TrainingController, status_text
from nnstudio.gui.training.panel import TrainingPanel
from nnstudio.gui.training.worker import REPORT_INTERVAL, TrainingWorker
from nnstudio.gui.views.live_views import ActivationsView, CostView, DecisionView
from nnstudio.session import DataChoice, LayerSpec, Session, optimizer_state_fits

WAIT = 10_000  # ms: generous, for a loaded two-core machine
LONG = 10_000_000  # epochs: a run that only ends when stopped


class Host(QWidget):
    """A stand-in for the main window: its closeEvent shuts the training down."""

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.controller = TrainingController(session, self)
        self.panel = TrainingPanel(session, self.controller)
        self.cost = CostView(session, self.controller)
        self.activations = ActivationsView(session, self.controller)
        self.decision = DecisionView(session, self.controller)
        layout = QHBoxLayout(self)
        for widget in (self.panel, self.cost, self.activations, self.decision):
            layout.addWidget(widget)

    def closeEvent(self, event):
        self.controller.shutdown()
        super().closeEvent(event)


@dataclass
class Rig:
    session: Session
    host: Host
    controller: TrainingController
    errors: list


@pytest.fixture
def rig(qtbot):
    session = Session()
    host = Host(session)
    qtbot.addWidget(host)
    host.resize(1400, 500)
    host.show()
    errors = []
    host.controller.errored.connect(errors.append)
    yield Rig(session, host, host.controller, errors)
    host.controller.shutdown()
    assert errors == []  # no run may fail behind the test's back


def params_copy(session):
    return {k: v.copy() for k, v in session.network.params.items()}


def is_running(report):
    return report.status == "running"


def is_paused(report):
    return report.status == "paused"


def start_long_run(qtbot, rig):
    rig.session.set_settings(epochs=LONG)
    with qtbot.waitSignal(rig.controller.reportReceived, timeout=WAIT, check_params_cb=is_running):
        rig.controller.start()
    assert rig.controller.state == "running" and rig.controller.is_busy


def test_training_the_default_state_lowers_the_cost(qtbot, rig):
    rig.session.set_settings(epochs=1500)
    before = params_copy(rig.session)
    with qtbot.waitSignal(rig.controller.busyChanged, timeout=WAIT) as busy:
        qtbot.mouseClick(rig.host.panel.train_button, Qt.LeftButton)
    assert busy.args == [True]
    with qtbot.waitSignal(rig.controller.finished, timeout=WAIT):
        pass
    history = rig.session.history
    assert rig.controller.state == "idle" and not rig.controller.is_busy
    assert history.last_step == 1500
    costs = rig.host.cost.series.column(1)
    assert costs[0] == pytest.approx(0.693, abs=0.01)  # log 2: the untrained output is ½
    assert history.cost[-1] < 0.5 * costs[0]
    assert not all(np.array_equal(before[k], v) for k, v in rig.session.network.params.items())
    assert rig.session.optimizer_state is not None


def test_pause_holds_and_resume_goes_on(qtbot, rig):
    start_long_run(qtbot, rig)
    panel = rig.host.panel
    with qtbot.waitSignal(rig.controller.reportReceived, timeout=WAIT, check_params_cb=is_paused):
        qtbot.mouseClick(panel.train_button, Qt.LeftButton)  # "Pause"
    assert rig.controller.state == "paused" and panel.train_button.text() == "Resume"
    paused_at = rig.session.history.last_step
    weights = params_copy(rig.session)
    # while paused nothing moves: the next report comes only with an explicit step
    with qtbot.waitSignal(rig.controller.reportReceived, timeout=WAIT) as stepped:
        rig.controller.step()
    assert stepped.args[0].step == paused_at + 1
    assert not all(np.array_equal(weights[k], v) for k, v in rig.session.network.params.items())
    with qtbot.waitSignal(
        rig.controller.reportReceived,
        timeout=WAIT,
        check_params_cb=lambda r: is_running(r) and r.step > paused_at + 1,
    ):
        qtbot.mouseClick(panel.train_button, Qt.LeftButton)  # "Resume"
    assert rig.controller.state == "running" and panel.train_button.text() == "Pause"
    with qtbot.waitSignal(rig.controller.finished, timeout=WAIT):
        qtbot.mouseClick(panel.stop_button, Qt.LeftButton)
    assert rig.controller.state == "idle"


def test_step_from_idle_makes_exactly_one_update(qtbot, rig):
    session = rig.session
    net = session.network.copy()
    data = session.training_data()
    _, cache = net.forward(data.X)
    net.update(net.backward(data.Y, cache), session.settings.learning_rate)
    with qtbot.waitSignal(rig.controller.reportReceived, timeout=WAIT) as received:
        qtbot.mouseClick(rig.host.panel.step_button, Qt.LeftButton)
    report = received.args[0]
    assert report.status == "paused" and report.step == 1
    assert rig.controller.state == "paused"
    # the cost of the initial weights, then the cost after that one update
    assert session.history.step == [0, 1]
    assert report.records[-1].step == 1
    for name, value in net.params.items():
        np.testing.assert_allclose(session.network.params[name], value, rtol=1e-10, atol=1e-14)
    with qtbot.waitSignal(rig.controller.finished, timeout=WAIT):
        rig.controller.stop()
    assert session.history.last_step == 1 and rig.controller.state == "idle"


def test_stop_keeps_the_weights_and_train_continues_the_count(qtbot, rig):
    start_long_run(qtbot, rig)
    with qtbot.waitSignal(rig.controller.finished, timeout=WAIT):
        qtbot.mouseClick(rig.host.panel.stop_button, Qt.LeftButton)
    stopped_at = rig.session.history.last_step
    assert stopped_at > 0 and not rig.controller.is_busy
    weights = params_copy(rig.session)
    assert all(np.isfinite(v).all() for v in weights.values())
    rig.session.set_settings(epochs=50)
    with qtbot.waitSignal(rig.controller.finished, timeout=WAIT):
        rig.controller.start()
    assert rig.session.history.last_step == stopped_at + 50
    assert rig.controller.run_start == stopped_at


def test_a_second_run_continues_the_optimizer(qtbot, rig):
    rig.session.set_settings(optimizer="adam", learning_rate=0.01, epochs=40)
    with qtbot.waitSignal(rig.controller.finished, timeout=WAIT):
        rig.controller.start()
    assert rig.session.optimizer_state["t"] == 40
    with qtbot.waitSignal(rig.controller.finished, timeout=WAIT):
        rig.controller.start()
    assert rig.session.optimizer_state["t"] == 80
    assert rig.session.history.last_step == 80


def test_optimizer_state_fits_only_its_own_kind():
    adam = {"t": 3, "slots": {"v_W1": 0, "s_W1": 0}}
    momentum = {"t": 3, "slots": {"v_W1": 0}}
    plain = {"t": 3, "slots": {}}
    assert optimizer_state_fits(adam, "adam") and not optimizer_state_fits(adam, "momentum")
    assert optimizer_state_fits(momentum, "momentum") and not optimizer_state_fits(momentum, "adam")
    assert optimizer_state_fits(plain, "gd") and not optimizer_state_fits(plain, "rmsprop")
    assert not optimizer_state_fits(None, "gd")


def test_reset_restores_the_initial_weights(qtbot, rig):
    initial = params_copy(rig.session)
    rig.session.set_settings(epochs=300)
    with qtbot.waitSignal(rig.controller.finished, timeout=WAIT):
        rig.controller.start()
    assert not np.array_equal(rig.session.network.params["W1"], initial["W1"])
    qtbot.mouseClick(rig.host.panel.reset_button, Qt.LeftButton)
    for name, value in initial.items():
        np.testing.assert_array_equal(rig.session.network.params[name], value)
    assert rig.session.history.step == [] and rig.session.optimizer_state is None
    assert rig.host.cost.series.n == 0


def test_reset_while_running_stops_first(qtbot, rig):
    initial = params_copy(rig.session)
    start_long_run(qtbot, rig)
    with qtbot.waitSignal(rig.controller.finished, timeout=WAIT):
        rig.controller.reset_weights()
    assert rig.controller.state == "idle" and not rig.controller.is_busy
    for name, value in initial.items():
        np.testing.assert_array_equal(rig.session.network.params[name], value)


def test_shutdown_mid_training_joins_the_thread(qtbot, rig, qtlog):
    start_long_run(qtbot, rig)
    thread = rig.controller._thread
    assert isinstance(thread, QThread) and thread.isRunning()
    rig.controller.shutdown()
    assert thread.isFinished() and not rig.controller.is_busy
    assert rig.controller.state == "idle"
    rig.controller.shutdown()  # twice is harmless
    del thread
    assert not [r for r in qtlog.records if "QThread" in r.message]


def test_closing_the_window_mid_training_stops_cleanly(qtbot, qtlog):
    session = Session()
    host = Host(session)
    host.show()
    session.set_settings(epochs=LONG)
    with qtbot.waitSignal(host.controller.reportReceived, timeout=WAIT, check_params_cb=is_running):
        host.controller.start()
    thread = host.controller._thread
    assert host.close()
    assert thread.isFinished() and not host.controller.is_busy
    with qtbot.waitSignal(host.destroyed, timeout=WAIT):
        host.deleteLater()
    del host, thread
    assert not [r for r in qtlog.records if "QThread" in r.message]


def test_a_diverging_learning_rate_stops_with_a_message(qtbot, rig):
    session = rig.session
    session.set_hidden_layers([LayerSpec(16, "relu"), LayerSpec(16, "relu")])
    session.set_initialization(init="xavier")
    session.set_settings(learning_rate=100.0, epochs=5000)
    with qtbot.waitSignal(rig.controller.diverged, timeout=WAIT) as diverged:
        rig.controller.start()
    message = diverged.args[0]
    assert "iteration" in message and "learning rate" in message
    assert rig.controller.state == "idle"
    assert rig.controller.last_report.status == "diverged"
    assert session.history.last_step < 5000
    assert all(np.isfinite(v).all() for v in session.network.params.values())
    panel = rig.host.panel
    assert panel.divergence_label.isVisible() and panel.divergence_label.text() == message
    assert panel.status_label.text() != message and not panel.diagnosis_label.isVisible()


def test_views_receive_data(qtbot, rig):
    rig.session.set_settings(epochs=500)
    with qtbot.waitSignal(rig.controller.finished, timeout=WAIT):
        rig.controller.start()
    rig.controller.frames.flush_all()
    curve = rig.host.cost.plot.getPlotItem().listDataItems()[0]
    steps, costs = curve.getData()
    assert len(costs) > 10 and steps[-1] == 500 and costs[-1] < costs[0]
    activations = rig.host.activations
    assert activations.updates > 0
    assert activations.heatmap.values.shape == (4, 64)
    assert activations.heatmap.image.shape == (4, 64, 4)
    _edges, counts = activations.histogram_curve.getData()
    assert counts.sum() > 0
    decision = rig.host.decision
    assert decision.class_map.image.shape == (80, 80, 4)
    assert decision.snapshot.step == 500
    decision.set_selected_unit(1, 2)
    rig.controller.frames.flush_all()
    assert decision.value_map.isVisible() and decision.value_map.values.shape == (80, 80)
    assert not decision.class_map.isVisible()
    assert "unit 3" in decision.title.text()


def test_editing_the_network_during_a_run_stops_it(qtbot, rig):
    start_long_run(qtbot, rig)
    with qtbot.waitSignal(rig.controller.finished, timeout=WAIT):
        rig.session.set_hidden_layers([LayerSpec(3, "relu")])
    assert not rig.controller.is_busy
    assert rig.session.network.layer_dims == (2, 3, 1)
    assert rig.session.history.step == []  # nothing of the old run leaked into the new network


def test_a_failing_run_reports_an_error(qtbot, rig, monkeypatch):
    session = rig.session
    good = session.training_data

    def bad_data():
        data = good()
        return type(data)(data.X[:1], data.Y)  # one input row for a two-input network

    monkeypatch.setattr(session, "training_data", bad_data)
    with qtbot.waitSignal(rig.controller.errored, timeout=WAIT) as failed:
        rig.controller.start()
    assert "shape" in failed.args[0]
    qtbot.waitUntil(lambda: not rig.controller.is_busy, timeout=WAIT)
    assert rig.controller.state == "idle"
    assert rig.errors == [failed.args[0]]
    rig.errors.clear()


def test_reports_are_throttled(qtbot):
    session = Session()
    control = TrainingControl()
    session.set_settings(epochs=LONG)
    plan = session.plan_run(report_interval=REPORT_INTERVAL, report_every=1)
    worker = TrainingWorker(session.network, plan, control)
    thread = QThread()
    worker.moveToThread(thread)
    thread.started.connect(worker.run)
    reports = []
    # direct: appended in the worker thread, read here only after it has stopped or via len()
    worker.progress.connect(lambda update: reports.append(update.report), Qt.DirectConnection)
    thread.start()
    try:
        qtbot.waitUntil(lambda: len(reports) >= 8, timeout=WAIT)
    finally:
        control.stop()
        thread.wait()
    times = [r.elapsed for r in reports if r.status == "running"]
    assert all(b - a >= REPORT_INTERVAL * 0.999 for a, b in pairwise(times))


def test_status_text():
    record = Record(1200, 0.28714, 0.905, None, None)
    assert status_text(1200, record) == "Iteration 1200 · cost 0.2871 · train 90.5 % · dev —"
    with_val = Record(5, 0.5, 0.5, 0.6, 0.25)
    assert status_text(5, with_val) == "Iteration 5 · cost 0.5 · train 50.0 % · dev 25.0 %"
    assert status_text(3, None) == "Iteration 3"


@pytest.mark.parametrize("name", sorted(BUILTIN_DATASETS))
def test_every_builtin_data_set_trains_and_draws(qtbot, rig, name):
    session = rig.session
    session.set_data(DataChoice(name=name, validation_share=0.25, standardize=True))
    session.set_initialization(init="xavier")
    session.set_settings(epochs=60, batch_size=32, optimizer="adam", learning_rate=0.01)
    with qtbot.waitSignal(rig.controller.finished, timeout=WAIT):
        rig.controller.start()
    rig.controller.frames.flush_all()
    history = session.history
    assert history.last_step == rig.controller.planned_steps()  # 60 epochs of mini-batches
    assert history.val_cost[-1] is not None  # the validation split is evaluated
    snapshot = rig.host.decision.snapshot
    assert snapshot is not None and snapshot.step == history.last_step
    n0 = session.dataset.n_features
    if n0 == 2:
        assert rig.host.decision.class_map.isVisible() or rig.host.decision.value_map.isVisible()
    elif n0 == 1:
        curves = [rig.host.decision.fit_curve, *rig.host.decision.class_curves]
        assert any(len(c.getData()[0]) > 0 for c in curves)
    rig.host.decision.set_selected_unit(1, 0)
    rig.controller.frames.flush_all()
    assert rig.host.activations.heatmap.image is not None
    assert rig.host.cost.val_cost_curve.getData()[1].size > 0
