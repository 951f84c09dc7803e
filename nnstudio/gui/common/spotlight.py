"""A spotlight over a window: a rounded frame around the widgets being talked about.

:class:`Spotlight` is a child of the window that lets every mouse event through to the widgets
below and draws a coloured rounded frame around each target widget. Its mask is the frames'
rings and nothing else: a live plot or a progress bar that repaints under the tour costs no
repaint of the spotlight (a veil over the whole window would be blended again over every
update). The frames are worked out from the targets' geometry, again when the window, a target
or any of a target's parents moves, resizes, shows or hides, so they follow splitters, docks and
resizes. :func:`reveal` brings a widget's
dock and tab to the front first.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen, QRegion
from PySide6.QtWidgets import QDockWidget, QStackedWidget, QTabWidget, QWidget

ACCENT = QColor("#1a73e8")
PAD = 6  # the frame keeps this far outside the widget
RING = 5  # the mask reaches this far either side of a frame's line (the glow is 7 px wide)
RADIUS = 10.0
FOLLOW = {
    QEvent.Type.Move,
    QEvent.Type.Resize,
    QEvent.Type.Show,
    QEvent.Type.Hide,
    QEvent.Type.LayoutRequest,
}


def reveal(widget: QWidget) -> None:
    """Bring ``widget`` on screen: open and raise its dock, make its tab (or stacked page) the
    current one, for every dock and tab on the way up to the window."""
    child: QWidget = widget
    parent = child.parentWidget()
    while parent is not None:
        if isinstance(parent, QStackedWidget):
            tabs = parent.parentWidget()
            if isinstance(tabs, QTabWidget) and tabs.indexOf(child) >= 0:
                tabs.setCurrentWidget(child)
            else:
                parent.setCurrentWidget(child)
        if isinstance(parent, QDockWidget):
            parent.show()
            parent.raise_()
        child, parent = parent, parent.parentWidget()


class Spotlight(QWidget):
    """A frame around each of ``targets`` (see the module); ``rects()`` are the frames in the
    window's coordinates, empty for a target that is not on screen."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("spotlight")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._window = window
        self._targets: list[QWidget] = []
        self._watched: list[QWidget] = []
        self._frames: list[QRect] = []
        self.setGeometry(window.rect())
        self.hide()

    @property
    def targets(self) -> list[QWidget]:
        return list(self._targets)

    def set_targets(self, targets: Sequence[QWidget]) -> None:
        """Frame ``targets`` (none: the spotlight hides)."""
        for watched in self._watched:
            watched.removeEventFilter(self)
        self._targets = list(targets)
        self._watched = [self._window] if self._targets else []  # (nothing to follow without)
        for watched in self._watched:
            watched.installEventFilter(self)
        for target in self._targets:
            node: QWidget | None = target
            while node is not None and node is not self._window:
                if node not in self._watched:
                    node.installEventFilter(self)
                    self._watched.append(node)
                node = node.parentWidget()
        self.setGeometry(self._window.rect())
        self.setVisible(bool(self._targets))
        self.raise_()
        self._follow()

    def target_rect(self, target: QWidget) -> QRect:
        """Where ``target`` is, in the window's coordinates (empty when it is not shown)."""
        if not target.isVisible() or target.window() is not self._window:
            return QRect()
        top_left = self._window.mapFromGlobal(target.mapToGlobal(QPoint(0, 0)))
        return QRect(top_left, target.size()).intersected(self._window.rect())

    def rects(self) -> list[QRect]:
        """The frames drawn, one per target, in the window's coordinates."""
        frames = []
        for target in self._targets:
            rect = self.target_rect(target)
            frames.append(rect.adjusted(-PAD, -PAD, PAD, PAD) if not rect.isEmpty() else QRect())
        return frames

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in FOLLOW and self.isVisible():
            if watched is self._window and event.type() == QEvent.Type.Resize:
                self.setGeometry(self._window.rect())
            self._follow()
        return False

    def _follow(self) -> None:
        """Put the frames where the targets are now: the mask becomes their rings."""
        self._frames = [r for r in self.rects() if not r.isEmpty()]
        rings = QRegion()
        for frame in self._frames:
            outer = frame.adjusted(-RING, -RING, RING, RING)
            rings = rings.united(
                QRegion(outer).subtracted(QRegion(frame.adjusted(RING, RING, -RING, -RING)))
            )
        # an empty region would mean "no mask" (the whole window): keep one transparent pixel
        self.setMask(rings if not rings.isEmpty() else QRegion(0, 0, 1, 1))
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        frames = [QRectF(r) for r in self._frames]
        if not frames:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        glow = QColor(ACCENT)
        glow.setAlpha(60)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for frame in frames:
            painter.setPen(QPen(glow, 7))
            painter.drawRoundedRect(frame, RADIUS, RADIUS)
            painter.setPen(QPen(ACCENT, 2.5))
            painter.drawRoundedRect(frame, RADIUS, RADIUS)
        painter.end()
