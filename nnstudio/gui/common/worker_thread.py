"""The life of a worker object in a thread of its own, as the training and tuning workers live.

:func:`start_worker` moves a ``QObject`` with a ``run`` slot into a new, named ``QThread`` and
starts it. Inside ``run``, :func:`worker_body` turns an unexpected exception into a message (the
exception's text, given to ``on_error``; its traceback printed for a bug report) and, whatever
happened, hands the worker back to the application's main thread — so the GUI thread may
delete it — and quits the worker thread's event loop.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from PySide6.QtCore import QCoreApplication, QObject, QThread


def start_worker(
    worker: QObject,
    name: str,
    run: Callable[[], None],
    ended: Callable[[], None] | None = None,
) -> QThread:
    """A new thread called ``name`` (as debuggers and profilers show it) that calls ``run``
    (the worker's slot) once started, and ``ended`` (GUI thread) once it has finished;
    ``worker`` is moved into it, and it is started. Connect the worker's own signals first."""
    thread = QThread()
    thread.setObjectName(name)
    worker.moveToThread(thread)
    thread.started.connect(run)
    if ended is not None:
        thread.finished.connect(ended)
    thread.start()
    return thread


@contextmanager
def worker_body(worker: QObject, on_error: Callable[[str], None]) -> Iterator[None]:
    """Wrap the body of ``worker``'s run slot (worker thread): an exception becomes
    ``on_error(text)``; at the end the worker goes back to the main thread and this thread's
    event loop quits."""
    try:
        yield
    except Exception as exc:  # the GUI shows it; a traceback helps a bug report
        on_error("".join(traceback.format_exception_only(type(exc), exc)).strip())
        traceback.print_exc()
    finally:
        app = QCoreApplication.instance()
        if app is not None:
            worker.moveToThread(app.thread())
        QThread.currentThread().quit()
