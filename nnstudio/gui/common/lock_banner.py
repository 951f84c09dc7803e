"""The banner over a locked panel: why it is locked and, when one click can unlock it, the button.

While a run trains, the builder and the data panel are locked: the run uses the network and the
data it started with. Paused (after Step, or Pause), one click ends the run and frees them; the
banner says so and offers the button, and a click on the locked panel itself asks the same
(:class:`LockedClickFilter`).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from . import theme


class LockBanner(QWidget):
    """A word-wrapped reason and an optional "End the run" button; hidden while unlocked."""

    endRequested = Signal()

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.label = QLabel()
        self.label.setObjectName(f"{name}Text")
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.end_button = QPushButton(self.tr("End the run"))
        self.end_button.setObjectName(f"{name}EndButton")
        self.end_button.setToolTip(
            self.tr(
                "End the paused run here: its weights and history are kept, the network and "
                "the data can be edited again, and Train starts a new run from these weights"
            )
        )
        self.end_button.clicked.connect(self.endRequested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.end_button, 0, Qt.AlignmentFlag.AlignTop)
        self.hide()

    def show_reason(self, reason: str, can_end: bool) -> None:
        """Show ``reason`` (hide the banner when it is empty) and the button when ``can_end``:
        a warning while nothing but the run's end unlocks the panel, a plain note when one
        click does."""
        warning = f"color: {theme.current().error_text}; font-weight: bold;"
        self.label.setStyleSheet("" if can_end else warning)
        self.label.setText(reason)
        self.label.setToolTip(reason)
        self.end_button.setVisible(can_end)
        self.setVisible(bool(reason))

    def text(self) -> str:
        return self.label.text()


class LockedClickFilter(QObject):
    """While :attr:`active`, a mouse press on a watched panel (or anything in it) emits
    ``attempted`` and goes no further. Qt hands a disabled widget's mouse events to its event
    filters and then drops them, so the filter watches the application while it is active."""

    attempted = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._active = False
        self.panels: list[QWidget] = []

    def watch(self, panel: QWidget) -> None:
        self.panels.append(panel)

    @property
    def active(self) -> bool:
        return self._active

    @active.setter
    def active(self, active: bool) -> None:
        app = QCoreApplication.instance()
        if active == self._active or app is None:
            return
        self._active = active
        if active:
            app.installEventFilter(self)
        else:
            app.removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.MouseButtonPress
            and isinstance(watched, QWidget)
            and any(p is watched or p.isAncestorOf(watched) for p in self.panels)
        ):
            self.attempted.emit()
            return True
        return False
