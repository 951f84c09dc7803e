"""Start, pause, step, stop and reset training of a :class:`~nnstudio.session.Session`.

:class:`TrainingController` owns the QThread and the :class:`~.worker.TrainingWorker`
of the current run. The worker's updates (at most 20 a second) arrive in the GUI thread as queued
signals; the controller coalesces them into frames (:class:`FrameScheduler`: at most 20 a second,
fewer when the GUI thread is busy; at once when a run pauses or ends), passes the report (with
every record since the last frame) and the views' arrays on, and applies the latest report to
the session (``session.apply_report``, which the diagram and the other session views follow) at
most 5 times a second (every other frame at the most).

States: ``"idle"`` (no run), ``"running"``, ``"paused"`` (a run waits between two iterations),
``"stopping"`` (asked to stop, the last report is on its way). ``is_busy`` is true in every state
but idle: the network and the data must not change then (see :meth:`busy_reason`).

While a run is active, α and λ (the session's ``live_values``) go to the run, which takes them at
its next update and reports each change; ``pace`` (seconds between two updates) spaces them.

Training again after a finished or stopped run continues it: the iteration count goes on from
``session.history`` and the optimizer from ``session.optimizer_state`` (when it is the same kind
of optimizer). Resetting the weights forgets both.
"""

from __future__ import annotations

import time
from dataclasses import replace

from PySide6.QtCore import QCoreApplication, QObject, QThread, QTimer, Signal, Slot

from ...engine import DIVERGED, FINISHED, PAUSED, RUNNING, Record, TrainingControl, TrainingReport
from ...learn import ViewProbe, ViewSnapshot, compute_views
from ...session import Session
from ..common.binding import bind
from ..common.worker_thread import start_worker
from .frames import MAX_FRAME_GAP as MAX_FRAME_GAP
from .frames import FrameScheduler
from .probe import ProbeCache
from .probe import class_colors_rgb as class_colors_rgb
from .status import diagnosis_of, divergence_text, smoothed_rate, status_text
from .status import format_percent as format_percent
from .worker import (
    REPORT_INTERVAL,
    UPDATES_PER_SECOND,
    TrainingOutcome,
    TrainingUpdate,
    TrainingWorker,
)

#: the controller's own states; besides them it is RUNNING or PAUSED, as the engine reports a run
IDLE, STOPPING = "idle", "stopping"
APPLY_INTERVAL = 0.2  # s: a running report goes into the session (and the diagram) ≤ 5 a second
STATUS_INTERVAL = 0.5  # s: the status line changes at most twice a second while running


class TrainingController(QObject):
    """Runs training of ``session`` in a worker thread; see the module docstring."""

    stateChanged = Signal(str)  # "idle", "running", "paused", "stopping"
    busyChanged = Signal(bool)
    reportReceived = Signal(object)  # TrainingReport with every record since the previous one
    viewsChanged = Signal(object)  # ViewSnapshot of the session's current weights
    diverged = Signal(str)  # the message for the learner
    diagnosed = Signal(str)  # why a finished run did not learn, and what to try
    finished = Signal()  # a run ended (finished, stopped, diverged or failed)
    errored = Signal(str)
    refused = Signal(object)  # the ValueError of a run the plan refused (after errored)
    statusMessage = Signal(str)

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trainingController")
        self.session = session
        self.state = IDLE
        self.rate = 0.0  # iterations per second, smoothed
        self.last_report: TrainingReport | None = None
        self.last_divergence = ""
        self.last_diagnosis = ""  # why the last finished run did not learn ("" if it did)
        self.last_status = ""  # the last status line
        self.views: ViewSnapshot | None = None
        self.run_start = 0  # first iteration of the current (or last) run
        self.run_total = 0  # iteration at which it ends
        self._thread: QThread | None = None
        self._worker: TrainingWorker | None = None
        self._control: TrainingControl | None = None
        self._pending: list[TrainingUpdate] = []
        self._unapplied: list[TrainingReport] = []  # shown, not yet in the session's history
        self.pace = 0.0  # seconds between two updates of a run (0: as fast as possible)
        self._rate_mark: tuple[int, float] | None = None
        self._probes = ProbeCache()  # the inputs the views are computed on
        self.applying = False  # true while a run's report goes into the session
        # every frame applies the reports received since the last one, then draws a live view
        self.frames = FrameScheduler(self, rate=UPDATES_PER_SECOND, prepare=self._flush)
        self._last_status = 0.0
        self._last_apply = 0.0
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(0)
        self._refresh_timer.timeout.connect(self.refresh_views)
        bind(session.events, "network", self, self._session_changed)
        bind(session.events, "data", self, self._session_changed)
        bind(session.events, "settings", self, self._settings_changed)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)
        self.refresh_views()

    # -- facts --------------------------------------------------------------------------------
    @property
    def is_busy(self) -> bool:
        return self._worker is not None

    @property
    def is_running(self) -> bool:
        return self.state == RUNNING

    @property
    def is_paused(self) -> bool:
        return self.state == PAUSED

    def busy_reason(self) -> str:
        return self.tr(
            "Training is in progress. Stop it (Train ▸ Stop) to change the network or the data."
        )

    def planned_steps(self) -> int:
        """Iterations the next Train runs with the current settings."""
        return self.session.training_config().total_steps(self.session.m)

    def classifies(self) -> bool:
        return self.session.output_activation != "linear"

    # -- commands -------------------------------------------------------------------------------
    @Slot()
    def toggle(self) -> None:
        """The Train button: start when idle, pause when running, resume when paused."""
        if self.state == IDLE:
            self.start()
        elif self.state == RUNNING:
            self.pause()
        elif self.state == PAUSED:
            self.resume()

    @Slot()
    def start(self, paused: bool = False, steps: int = 0) -> bool:
        """Train ``session.settings.epochs`` more epochs; returns whether a run started. A run
        started ``paused`` first takes ``steps`` single updates, granted before its thread runs
        so that its first report comes after them."""
        if self.state == PAUSED and not paused:
            self.resume()
            return True
        if self._worker is not None:
            return False
        session = self.session
        try:
            plan = session.plan_run(report_interval=REPORT_INTERVAL, report_every=1)
        except ValueError as exc:  # no samples, data or settings the engine cannot use
            self._fail(str(exc))
            self.refused.emit(exc)
            return False
        self.run_start = plan.start_step
        self.run_total = plan.start_step + plan.total_steps()
        self.last_divergence = self.last_diagnosis = ""
        self._control = TrainingControl(paused=paused, delay=self.pace)
        if steps:
            self._control.step(steps)
        worker = TrainingWorker(session.network, plan, self._control, self._current_probe())
        worker.progress.connect(self._on_progress)
        worker.finished.connect(self._on_finished)
        worker.errored.connect(self._on_errored)
        self._pending.clear()
        self._unapplied.clear()
        self._rate_mark = None
        self.rate = 0.0
        self._worker = worker
        self._thread = start_worker(worker, "trainingThread", worker.run)
        self._set_state(PAUSED if paused else RUNNING)
        self.busyChanged.emit(True)
        return True

    @Slot()
    def pause(self) -> None:
        if self.state == RUNNING and self._control is not None:
            self._control.pause()
            self._set_state(PAUSED)

    @Slot()
    def resume(self) -> None:
        if self.state == PAUSED and self._control is not None:
            self._rate_mark = None
            self._control.resume()
            self._set_state(RUNNING)

    @Slot()
    def step(self) -> None:
        """Exactly one update: starts a paused run when idle, or lets a paused run take one more
        step. While running it pauses instead."""
        if self.state == IDLE:
            self.start(paused=True, steps=1)
        elif self.state == PAUSED and self._control is not None:
            self._control.step(1)
        elif self.state == RUNNING:
            self.pause()

    @Slot()
    def stop(self) -> None:
        """Ask the run to stop after the current iteration; ``finished`` follows."""
        if self._control is not None and self.state in (RUNNING, PAUSED):
            self._control.stop()
            self._set_state(STOPPING)

    def set_pace(self, seconds: float) -> None:
        """Space the updates of this and later runs ``seconds`` apart (0: as fast as possible);
        a running run follows at once."""
        self.pace = max(0.0, float(seconds))
        if self._control is not None:
            self._control.set_delay(self.pace)

    @Slot()
    def reset_weights(self) -> None:
        """Stop any run, then draw the initial weights again from the seed (same seed, same
        weights) and forget the history and the optimizer's state."""
        self._halt()
        self.session.reset_weights()
        self.refresh_views()

    def forget_run(self) -> None:
        """The open model changed (New, Open, another data set, an undone edit): forget the
        previous model's last report, divergence, diagnosis and speed, show the status line of the
        model now open (its last record; empty before it trained) and compute the views' arrays
        for it. Does nothing while a run is active."""
        if self._worker is not None:
            return
        self.last_report = None
        self.last_divergence = self.last_diagnosis = ""
        self.rate, self._rate_mark = 0.0, None
        self.run_start = self.run_total = self.session.history.last_step
        # the status line shows the open model: its last record, or nothing before it trains
        record = self._last_known_record()
        self.last_status = (
            "" if record is None else status_text(record.step, record, self.classifies())
        )
        self.statusMessage.emit(self.last_status)
        self.refresh_views()

    @Slot()
    def shutdown(self) -> None:
        """Stop the run and join its thread (for the main window's closeEvent). Safe to call
        more than once."""
        self._halt()

    # -- views ---------------------------------------------------------------------------------
    @Slot()
    def refresh_views(self) -> None:
        """The views' arrays for the session's current weights (when no run is producing
        them): computed here, once, after the network or the data changed."""
        if self._worker is not None:
            return
        self._refresh_timer.stop()
        net = self.session.network
        probe = self._current_probe()
        if probe is None or probe.inputs is None or probe.inputs.shape[0] != net.layer_dims[0]:
            return
        step = self.session.history.last_step
        self.views = compute_views(net.params, net.spec, probe, step, net.running)
        self.viewsChanged.emit(self.views)

    def _current_probe(self) -> ViewProbe | None:
        return self._probes.get(self.session)

    # -- worker signals (GUI thread) -------------------------------------------------------------
    @Slot(object)
    def _on_progress(self, update: TrainingUpdate) -> None:
        if self.sender() is not self._worker or self._worker is None:
            return  # a run that was already wound up
        self._pending.append(update)
        if update.report.status == PAUSED:
            self._flush()  # a pause or a single step shows at once
        else:
            self.frames.request()

    @Slot(object)
    def _on_finished(self, outcome: TrainingOutcome) -> None:
        if self.sender() is not self._worker or self._worker is None:
            return
        self._wind_up(outcome)

    @Slot(str)
    def _on_errored(self, message: str) -> None:
        if self.sender() is not self._worker or self._worker is None:
            return
        self._wind_up(None)
        self._fail(self.tr("Training failed: {message}").format(message=message))

    # -- internals ------------------------------------------------------------------------------
    def _flush(self, final: TrainingOutcome | None = None) -> bool:
        """Apply everything received since the last flush: the latest report (with all the
        records in between) to the session, the latest views to the views. False when the
        session's network no longer fits the run (nothing is applied then)."""
        updates, self._pending = self._pending, []
        reports = [u.report for u in updates]
        views = next((u.views for u in reversed(updates) if u.views is not None), None)
        if final is not None:
            reports.append(final.report)
            views = final.views or views
        if not reports:
            return True
        records = tuple(r for report in reports for r in report.records)
        changes = tuple(c for report in reports for c in report.changes)
        report = replace(reports[-1], records=records, changes=changes)
        if not self._fits_session(report):
            if final is None:
                self._abort(self.tr("Training stopped: the network changed while it ran."))
            return False
        self.rate, self._rate_mark = smoothed_rate(self.rate, self._rate_mark, report)
        self.last_report = report
        self._unapplied.append(report)
        now = time.perf_counter()
        every = max(APPLY_INTERVAL, 2 * self.frames.interval)
        if report.status != RUNNING or now - self._last_apply >= every:
            # the session's weights (which the diagram and other views redraw) follow at most 5
            # times a second, and less often when the GUI is busy; every record since the last
            # time goes into its history with them
            self._last_apply = now
            self.applying = True
            try:
                records = tuple(r for shown in self._unapplied for r in shown.records)
                changes = tuple(c for shown in self._unapplied for c in shown.changes)
                self.session.apply_report(replace(report, records=records, changes=changes))
            finally:
                self.applying = False
                self._unapplied.clear()
        if views is not None:
            self.views = views
            self.viewsChanged.emit(views)
        if self._worker is not None and self.frames.wants_views():
            self._worker.views_wanted.set()  # the next report may bring new view arrays
        self.reportReceived.emit(report)
        if report.status != RUNNING or now - self._last_status >= STATUS_INTERVAL:
            self._last_status = now
            record = report.last or self._last_known_record()
            self.last_status = status_text(report.step, record, self.classifies())
            self.statusMessage.emit(self.last_status)
        return True

    def _last_known_record(self) -> Record | None:
        h = self.session.history
        if not h.step or h.cost[-1] is None:
            return None
        return Record(h.step[-1], h.cost[-1], h.accuracy[-1], h.val_cost[-1], h.val_accuracy[-1])

    def _fits_session(self, report: TrainingReport) -> bool:
        if report.params is None:
            return True
        params = self.session.network.params
        return params.keys() == report.params.keys() and all(
            params[k].shape == v.shape and params[k].dtype == v.dtype
            for k, v in report.params.items()
        )

    def _wind_up(self, outcome: TrainingOutcome | None) -> None:
        """The run is over: join its thread, apply its last report, go idle."""
        self._join()
        if outcome is not None and self._flush(outcome):
            divergence = outcome.report.divergence
            if outcome.report.status == DIVERGED and divergence is not None:
                # what happened (non-finite gradients, or a cost that exploded and stayed up),
                # where and what to try, composed from the engine's facts
                self.last_divergence = divergence_text(divergence)
            elif outcome.report.status == FINISHED:
                self.last_diagnosis = diagnosis_of(self.session, self.run_start)
        else:
            self._pending.clear()
        self.rate = 0.0
        self._set_state(IDLE)
        self.busyChanged.emit(False)  # (a main window may clear its status line on unlocking)
        self.finished.emit()
        # the explanation is shown once, by the panel; the status line stays the run's numbers
        if self.last_divergence:
            self.diverged.emit(self.last_divergence)
        elif self.last_diagnosis:
            self.diagnosed.emit(self.last_diagnosis)
        if self.last_status:
            self.statusMessage.emit(self.last_status)

    def _join(self) -> None:
        thread, worker = self._thread, self._worker
        self._thread = self._worker = self._control = None
        if thread is not None:
            thread.quit()
            thread.wait()
        del worker  # owned by Python again (moved back to this thread): deleted here

    def _halt(self) -> None:
        """Stop the run now and wait for its thread; the last report is applied."""
        if self._worker is None:
            return
        worker, control = self._worker, self._control
        if control is not None:
            control.stop()
        if self._thread is not None:
            self._thread.wait()
        self._wind_up(worker.outcome)
        if worker.error:
            self._fail(self.tr("Training failed: {message}").format(message=worker.error))

    def _abort(self, reason: str) -> None:
        """The session changed under a run: stop it and drop what it computed."""
        if self._control is not None:
            self._control.stop()
        self._pending.clear()
        self._unapplied.clear()
        self._join()
        self.rate = 0.0
        self._set_state(IDLE)
        self.busyChanged.emit(False)
        self.finished.emit()
        self.statusMessage.emit(reason)
        self._refresh_timer.start()

    def _session_changed(self) -> None:
        if self.applying:
            return
        if self._worker is not None:
            self._abort(self.tr("Training stopped: the network or the data changed while it ran."))
        else:
            self._refresh_timer.start()

    def _settings_changed(self) -> None:
        """α or λ changed (an edit, or its undo): a run still to take updates takes them next."""
        if self._control is not None and self.state in (RUNNING, PAUSED):
            for name, value in self.session.live_values().items():
                self._control.change(name, value)

    def _set_state(self, state: str) -> None:
        if state != self.state:
            self.state = state
            self.stateChanged.emit(state)

    def _fail(self, message: str) -> None:
        self.statusMessage.emit(message)
        self.errored.emit(message)
