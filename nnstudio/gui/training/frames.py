"""The GUI's frames while training (:class:`FrameScheduler`), used by
:class:`~.controller.TrainingController`."""

from __future__ import annotations

import math
import time
import weakref
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QTimer

MAX_FRAME_GAP = 0.25  # s: frames never wait longer than this (at least 4 frames a second)


class FrameScheduler(QObject):
    """The GUI's frames while training: each frame first runs ``prepare`` (the controller passes
    on the reports received since the last frame), then draws the live views that have something
    new, at most ``per_frame`` of them, the least recently drawn first.

    Frames come at most ``rate`` times a second, and further apart when the GUI thread is busy:
    at each frame the scheduler looks at the GUI thread's CPU time since the previous one (the
    frame, the painting it caused, everything else) and stretches or shrinks the time between
    frames so that the GUI thread stays near ``budget`` of the CPU (at most MAX_FRAME_GAP apart).
    Its Python work holds the GIL the training thread needs, so a small share keeps training
    nearly as fast as without a GUI, on fast and slow machines and at any window size alike.

    A view is a widget with ``draw_pending()``. Hidden views are skipped (they draw when shown).
    One view per frame keeps each burst of GUI work short; the view a learner is looking at (one
    tab) still gets every frame.
    """

    def __init__(
        self,
        parent: QObject | None = None,
        rate: float = 20.0,
        budget: float = 0.08,
        per_frame: int = 1,
        prepare: Callable[[], object] | None = None,
    ) -> None:
        super().__init__(parent)
        self.per_frame = per_frame
        self.budget = budget
        self.prepare = prepare
        self.frames = 0
        self.min_interval = 1.0 / rate
        self.interval = self.min_interval  # the current time between frames
        self._waiting: dict[int, weakref.ref] = {}
        self._views: dict[int, weakref.ref] = {}
        self._drawn_at: dict[int, float] = {}
        self._last_frame = 0.0
        self._last_cpu = 0.0
        self._wanted = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._frame)

    def request(self, view: Any = None) -> None:
        """A frame is wanted: ``view`` (if any) has a new update to draw."""
        if view is not None:
            self._waiting[id(view)] = weakref.ref(view)
        self._wanted = True
        if not self._timer.isActive():
            wait = self.interval - (time.perf_counter() - self._last_frame)
            self._timer.start(max(0, round(wait * 1000)))

    def register(self, view: Any) -> None:
        """Know ``view`` (for :meth:`wants_views`); views that draw snapshots have
        ``uses_snapshots`` true."""
        self._views[id(view)] = weakref.ref(view)

    def wants_views(self) -> bool:
        """Whether new view arrays would be drawn soon: a view that draws them is on screen and
        none is still waiting to draw the last ones (so the training thread does not compute
        arrays nobody will see)."""
        shown = False
        for key, ref in list(self._views.items()):
            view = ref()
            if view is None or not shiboken6.isValid(view):
                del self._views[key]
            elif getattr(view, "uses_snapshots", False) and view.isVisible():
                if key in self._waiting:
                    return False
                shown = True
        return shown

    def flush_all(self) -> None:
        """Run frames now until every waiting view has drawn everything (for tests)."""
        self._frame(limit=max(1, len(self._waiting)))
        for _ in range(8):
            if not self._waiting:
                break
            self._frame(limit=len(self._waiting))

    def _adapt(self, now: float, cpu: float) -> None:
        """Scale the time between frames by how busy the GUI thread was since the last frame
        (all its work: the frame, the painting it caused, everything else), towards
        ``budget``."""
        period, used = now - self._last_frame, cpu - self._last_cpu
        if not 0 < period < 2 * MAX_FRAME_GAP:
            return  # a fresh start: what the GUI did in between was not for the frames
        busy = used / period
        factor = math.sqrt(busy / self.budget) if self.budget > 0 else 0.0
        self.interval = min(max(self.interval * factor, self.min_interval), MAX_FRAME_GAP)

    def _frame(self, limit: int | None = None) -> None:
        self._timer.stop()
        now, cpu = time.perf_counter(), time.thread_time()
        self._adapt(now, cpu)
        self._last_frame, self._last_cpu = now, cpu
        self._wanted = False
        if self.prepare is not None:
            self.prepare()
        views = []
        for key, ref in list(self._waiting.items()):
            view = ref()
            if view is None or not shiboken6.isValid(view) or not view.isVisible():
                del self._waiting[key]  # gone or hidden: it draws when shown
                continue
            views.append((self._drawn_at.get(key, 0.0), key, view))
        views.sort(key=lambda item: item[0])
        for _, key, view in views[: limit or self.per_frame]:
            del self._waiting[key]
            self._drawn_at[key] = now
            view.draw_pending()
        self.frames += 1
        if self._waiting or self._wanted:
            self._timer.start(max(1, round(self.interval * 1000)))
