"""Dropping a file on the main window: one ``.nnstudio`` file (or ``.onnx`` network) opens, one
``.csv`` file opens the import dialog.

:class:`FileDropFilter` watches the window's QWindow and hands drags of such a file to the
window's ``dragEnterEvent`` / ``dropEvent`` before any child widget sees them. Without it a file
dragged over the network diagram or a plot would be refused: a QGraphicsView accepts every drag
that enters it, then ignores the moves and the drop. Other drags (text into a field, …) pass
through untouched.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QMainWindow

DROP_SUFFIXES = (".nnstudio", ".onnx", ".csv")


def dropped_file(event: QDropEvent) -> Path | None:
    """The one local .nnstudio, .onnx or .csv file being dragged, or None."""
    mime = event.mimeData()
    if mime is None or not mime.hasUrls() or len(mime.urls()) != 1:
        return None
    url = mime.urls()[0]
    if not url.isLocalFile():
        return None
    path = Path(url.toLocalFile())
    return path if path.suffix.lower() in DROP_SUFFIXES else None


class FileDropFilter(QObject):
    """Hands file drags on ``window``'s QWindow to ``window`` itself (see the module)."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.setObjectName("fileDropFilter")
        self._window = window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # drag enter and drag move events are QDragMoveEvents, and those are QDropEvents
        if not isinstance(event, QDropEvent) or dropped_file(event) is None:
            return False
        if event.type() == QEvent.Type.Drop:
            self._window.dropEvent(event)
        elif isinstance(event, QDragMoveEvent):
            self._window.dragMoveEvent(event)
        else:
            return False
        return True
