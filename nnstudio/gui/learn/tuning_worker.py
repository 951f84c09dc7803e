"""The background side of a hyperparameter search: a worker that drives
:meth:`~nnstudio.session_tuning.TuningSearch.results` in a QThread, and the runner that starts,
cancels and ends it.

The worker never touches a widget: it emits each frozen
:class:`~nnstudio.session_tuning.TuningResult` as its run ends, then ``finished`` (or
``errored`` with the exception as text). Cancel asks the search's
:class:`~nnstudio.engine.TrainingControl` to stop: the run under way ends at its next update
and no further run starts. :meth:`TuningRunner.shutdown` does the same and waits for the
thread, so closing the window during a search leaves nothing running.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal, Slot

from ...engine import TrainingControl
from ...session_tuning import TuningResult, TuningSearch
from ..common.worker_thread import start_worker, worker_body


class TuningWorker(QObject):
    """Trains the runs of ``search`` one after another (see the module)."""

    result = Signal(object)  # TuningResult, one per finished run
    finished = Signal(bool)  # the search ended: True when every run was made, False cancelled
    errored = Signal(str)  # an unexpected exception, as text; no "finished" follows

    def __init__(self, search: TuningSearch, control: TrainingControl) -> None:
        super().__init__()
        self.search, self.control = search, control

    @Slot()
    def run(self) -> None:
        with worker_body(self, self.errored.emit):
            made = 0
            for result in self.search.results(self.control):
                made += 1
                self.result.emit(result)
            self.finished.emit(made == self.search.runs)


class TuningRunner(QObject):
    """Runs one search at a time in its own thread and tells how it goes: ``busyChanged``
    (True when a search starts, False once its thread has ended), ``result`` per run,
    ``finished`` (True: complete, False: cancelled) and ``errored``."""

    busyChanged = Signal(bool)
    result = Signal(object)
    finished = Signal(bool)
    errored = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread: QThread | None = None
        self._worker: TuningWorker | None = None
        self._control: TrainingControl | None = None
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)

    @property
    def is_busy(self) -> bool:
        return self._thread is not None

    def start(self, search: TuningSearch) -> bool:
        """Start ``search`` in a new thread; False when one is already running."""
        if self._thread is not None:
            return False
        self._control = TrainingControl()
        worker = TuningWorker(search, self._control)
        worker.result.connect(self._on_result)
        worker.finished.connect(self._on_finished)
        worker.errored.connect(self._on_errored)
        self._worker = worker
        self._thread = start_worker(worker, "tuningThread", worker.run, self._on_thread_ended)
        self.busyChanged.emit(True)
        return True

    def cancel(self) -> None:
        """Stop the search: the run under way ends at its next update, no other starts."""
        if self._control is not None:
            self._control.stop()

    def shutdown(self) -> None:
        """Cancel and wait until the thread has ended (the window is closing)."""
        self.cancel()
        thread = self._thread
        if thread is not None:
            thread.wait()
            self._on_thread_ended()

    # -- from the worker (GUI thread) -------------------------------------------------------------
    def _on_result(self, result: TuningResult) -> None:
        self.result.emit(result)

    def _on_finished(self, complete: bool) -> None:
        self.finished.emit(complete)

    def _on_errored(self, message: str) -> None:
        self.errored.emit(message)

    def _on_thread_ended(self) -> None:
        thread, worker = self._thread, self._worker
        if thread is None:
            return
        self._thread = self._worker = self._control = None
        thread.deleteLater()
        if worker is not None:
            worker.deleteLater()
        self.busyChanged.emit(False)
