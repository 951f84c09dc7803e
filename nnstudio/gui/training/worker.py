"""The object that drives the engine's training generator in a QThread.

The worker trains from a :class:`~nnstudio.training_run.RunPlan` (the session assembles it:
config, optimizer state, first iteration, data) and owns a copy of the network for the whole run
(made in the GUI thread when the worker is created); the GUI never sees an array the trainer is
changing and the worker never touches a widget. Every record the engine makes travels in exactly
one report. For every report the generator yields, the worker emits one frozen
:class:`TrainingUpdate`, with the views' arrays (:func:`~nnstudio.learn.compute_views`, computed in
this thread) when the GUI wants new ones (``views_wanted``) and always when a run pauses or
ends. The generator yields at most ``1 / report_interval`` reports a second
while running (``UPDATES_PER_SECOND``, 20), so the signals stay under 30 a second however fast
training runs.

Lifecycle: create, connect its signals, then ``start_worker(worker, name, worker.run)``
(:mod:`..common.worker_thread`) moves it into a thread of its own and starts it. :meth:`run`
ends by emitting ``finished`` (or ``errored``), hands the worker back to the application's main
thread and quits its own thread's event loop.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

from ...engine import DIVERGED, FINISHED, RUNNING, STOPPED, Network, TrainingControl, TrainingReport
from ...learn import ViewProbe, ViewSnapshot, compute_views
from ...training_run import RunPlan
from ..common.worker_thread import worker_body

TERMINAL = (FINISHED, STOPPED, DIVERGED)

# Reports (and so view updates) a second while running: under the limit of 30, and each one
# costs the training thread a snapshot of the views, so fewer leave more time to training.
UPDATES_PER_SECOND = 20
REPORT_INTERVAL = 1.0 / UPDATES_PER_SECOND
VIEW_SHARE = 0.05  # running: spend at most this share of the time on the views' arrays


@dataclass(frozen=True, eq=False)
class TrainingUpdate:
    """One report and what the views draw for its parameters (None: keep the previous)."""

    report: TrainingReport
    views: ViewSnapshot | None


@dataclass(frozen=True, eq=False)
class TrainingOutcome:
    """How a run ended: the last report (finished, stopped or diverged), its views and the
    optimizer's state for continuing later (``Optimizer.state_dict()``)."""

    report: TrainingReport
    views: ViewSnapshot | None
    optimizer_state: dict[str, Any]


class TrainingWorker(QObject):
    """Runs ``train(...)`` on its own copy of ``network``; see the module docstring."""

    progress = Signal(object)  # TrainingUpdate, for "running" and "paused" reports
    finished = Signal(object)  # TrainingOutcome, once at the end of a run
    errored = Signal(str)  # an unexpected exception, as text; no "finished" follows

    def __init__(
        self,
        network: Network,
        plan: RunPlan,
        control: TrainingControl,
        probe: ViewProbe | None = None,
    ) -> None:
        super().__init__()
        self.network = network.copy()  # the worker's own network: nobody else touches it
        self.plan = plan  # made with report_interval REPORT_INTERVAL and copies of the weights
        self.control = control
        self.probe = probe
        self.outcome: TrainingOutcome | None = None  # set (worker thread) just before "finished"
        # set by the GUI when it can use new view arrays; cleared here when they are made
        self.views_wanted = threading.Event()
        self.views_wanted.set()
        self.error = ""  # set just before "errored"
        self._view_cost = 0.0
        self._views_done_at = 0.0

    # -- the run -------------------------------------------------------------------------------
    @Slot()
    def run(self) -> None:
        with worker_body(self, self._fail):
            last: TrainingReport | None = None
            for report in self.plan.run(self.network, self.control):
                last = report
                if report.status in TERMINAL:
                    break
                self.progress.emit(TrainingUpdate(report, self._views(report)))
            if last is not None:
                views = self._views(last, force=True)
                self.outcome = TrainingOutcome(last, views, dict(last.optimizer_state or {}))
                self.finished.emit(self.outcome)

    def _fail(self, message: str) -> None:
        self.error = message
        self.errored.emit(message)

    # -- helpers (worker thread) ----------------------------------------------------------------
    def _views(self, report: TrainingReport, force: bool = False) -> ViewSnapshot | None:
        """The views' arrays for this report. While running, only when the GUI wants them
        (``views_wanted``: a view drew the previous ones, none is waiting) and when they take
        at most VIEW_SHARE of the running time (large networks update their views less
        often); a paused or finished run always gets them."""
        if self.probe is None or report.params is None:
            return None
        now = time.perf_counter()
        if not force and report.status == RUNNING:
            if not self.views_wanted.is_set():
                return None
            if (now - self._views_done_at) * VIEW_SHARE < self._view_cost:
                return None
        self.views_wanted.clear()
        views = compute_views(
            report.params, self.network.spec, self.probe, report.step, report.running
        )
        self._views_done_at = time.perf_counter()
        self._view_cost = self._views_done_at - now
        return views
