"""The base of the live views: drawing through the controller's frame scheduler."""

from __future__ import annotations

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget

from ...learn import ViewSnapshot
from ...session import Session
from ..common import theme
from ..common.binding import bind
from ..common.empty_state import EmptyState
from ..training import TrainingController


class LiveView(QWidget):
    """A view that draws through the controller's frame scheduler.

    An update only records what is new (cheap) and marks the view's ``PARTS`` (its plots) as
    dirty; when it is this view's turn, the scheduler calls :meth:`draw_pending`, which redraws
    one dirty part and asks for another turn if more are dirty, so one frame never paints more
    than one plot. A hidden view draws everything when it is shown.

    Every change of the open model (New, Open, an example, another data set, an edit of the
    layers or its undo: the session's "network" event) calls :meth:`model_changed`, which
    forgets what was drawn for the previous model; the controller then hands over the arrays of
    the model now open.
    """

    PARTS: tuple[str, ...] = ("all",)
    uses_snapshots = True  # draws the ViewSnapshots the training thread computes

    def __init__(
        self, session: Session, controller: TrainingController, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.controller = controller
        self.snapshot: ViewSnapshot | None = None  # the one being drawn
        self._pending: ViewSnapshot | None = controller.views
        self._dirty_parts: set[str] = set(self.PARTS) if self._pending is not None else set()
        self._last_part = ""
        self.updates = 0  # parts drawn (for tests and the benchmark)
        controller.viewsChanged.connect(self.set_snapshot)
        controller.frames.register(self)
        bind(session.events, "network", self, self.model_changed)
        theme.follow(self, self.theme_changed)
        self._untrained_hints: list[EmptyState] = []

    def show_until_trained(self, hint: EmptyState) -> None:
        """Show ``hint`` while the open model has not trained: no record in its history and no
        run going on. New, Open or Reset weights (an empty history) bring it back."""
        if not self._untrained_hints:
            bind(self.session.events, "history", self, self._update_untrained_hints)
            self.controller.stateChanged.connect(self._update_untrained_hints)
        self._untrained_hints.append(hint)
        self._update_untrained_hints()

    def _update_untrained_hints(self, *_state: object) -> None:
        untrained = not self.session.history.step and not self.controller.is_busy
        for hint in self._untrained_hints:
            hint.show_when(untrained)

    def model_changed(self) -> None:
        """Forget the snapshot of the previous model (a new one follows from the controller)."""
        self.snapshot = self._pending = None
        self._dirty_parts.clear()

    def theme_changed(self) -> None:
        """View ▸ Theme changed: take the new colours and redraw every part."""
        self.restyle()
        self.mark_dirty(*self.PARTS)

    def restyle(self) -> None:
        """Take the current theme's colours (:func:`nnstudio.gui.common.theme.current`)."""

    def set_snapshot(self, snapshot: ViewSnapshot) -> None:
        self._pending = snapshot
        self.mark_dirty(*self.PARTS)

    def mark_dirty(self, *parts: str) -> None:
        self._dirty_parts.update(parts)
        self.request_draw()

    def request_draw(self) -> None:
        self.controller.frames.request(self)

    def has_pending(self) -> bool:
        return bool(self._dirty_parts)

    def _adopt(self) -> None:
        if self._pending is not None:
            self.snapshot, self._pending = self._pending, None

    def draw_pending(self) -> None:
        """Draw the next dirty part (in PARTS order, after the one drawn last)."""
        self._adopt()
        if not self._dirty_parts:
            return
        order = list(self.PARTS)
        start = order.index(self._last_part) + 1 if self._last_part in order else 0
        part = next(p for p in order[start:] + order[:start] if p in self._dirty_parts)
        self._dirty_parts.discard(part)
        self._last_part = part
        self.updates += 1
        self.draw_part(part)
        if self._dirty_parts:
            self.request_draw()

    def draw_all(self) -> None:
        """Draw every dirty part now."""
        self._adopt()
        parts, self._dirty_parts = self._dirty_parts, set()
        for part in self.PARTS:
            if part in parts:
                self.updates += 1
                self.draw_part(part)

    def draw_part(self, part: str) -> None:
        if self.snapshot is not None:
            self.draw(self.snapshot)

    def draw(self, snapshot: ViewSnapshot) -> None:
        raise NotImplementedError

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.has_pending():
            self.draw_all()
