"""Setting one weight by hand: a click on a connection of the network diagram asks for w, and
the change is one step on the undo stack, so a learner can feel what a single weight does and
take it back with Ctrl+Z.

The edit replaces the session's state by a copy whose W[l][i, j] is the new value
(:meth:`Session.restore`), so every view follows as after any other edit, and undo brings back
the weights, the history and the optimizer's state exactly (:class:`SessionStateCommand`).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QInputDialog, QWidget

from ...session import Session
from ..common.style import format_value
from .commands import SessionStateCommand

LIMIT = 1e6  # the largest |w| the dialog accepts
DECIMALS = 6


class WeightEditor(QObject):
    """Opens the weight dialog for a connection and applies what the learner enters.

    ``lock_reason`` is set while editing is locked (a run is active): a click is then refused,
    with ``refused`` emitted, and no dialog opens. Without an undo stack nothing is editable.
    """

    refused = Signal()

    def __init__(self, parent: QWidget, session: Session, undo_stack: QUndoStack | None) -> None:
        super().__init__(parent)
        self.parent_widget, self.session, self.undo_stack = parent, session, undo_stack
        self.lock_reason = ""
        self.dialog: QInputDialog | None = None

    def open(self, layer: int, row: int, col: int) -> QInputDialog | None:
        """Ask for a new W[layer][row, col] (window-modal, not blocking); returns the dialog,
        or None when the edit is refused."""
        if self.undo_stack is None:
            return None
        if self.lock_reason:
            self.refused.emit()
            return None
        if self.dialog is not None:
            self.dialog.reject()
        w = float(self.session.network.params[f"W{layer}"][row, col])
        dialog = QInputDialog(self.parent_widget)
        dialog.setObjectName("weightDialog")
        dialog.setWindowTitle(self.tr("Set a weight"))
        dialog.setInputMode(QInputDialog.InputMode.DoubleInput)
        dialog.setDoubleRange(-LIMIT, LIMIT)
        dialog.setDoubleDecimals(DECIMALS)
        dialog.setDoubleValue(w)
        dialog.setLabelText(
            self.tr(
                "W[{l}][{i}, {j}] = {w}: how strongly unit {j} of layer [{p}] drives unit {i} of "
                "layer [{l}].\nSet it and watch the pictures and the boundary change; Ctrl+Z "
                "takes it back."
            ).format(l=layer, i=row + 1, j=col + 1, p=layer - 1, w=format_value(w))
        )
        dialog.accepted.connect(lambda: self.apply(layer, row, col, dialog.doubleValue()))
        dialog.finished.connect(lambda _result: self._closed(dialog))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _closed(self, dialog: QInputDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def apply(self, layer: int, row: int, col: int, value: float) -> bool:
        """Set W[layer][row, col] = value as one undoable edit; False if refused or unchanged."""
        session, name = self.session, f"W{layer}"
        if self.undo_stack is None or self.lock_reason:
            return False
        if float(session.network.params[name][row, col]) == value:
            return False
        before = session.snapshot()
        network = before["network"].copy()
        network.params[name][row, col] = value
        after = {**before, "network": network}
        session.restore(after)
        text = self.tr("Set W[{l}][{i}, {j}] = {w}").format(
            l=layer, i=row + 1, j=col + 1, w=format_value(value)
        )
        self.undo_stack.push(SessionStateCommand(session, before, after, text))
        return True
