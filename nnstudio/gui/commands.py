"""Undo commands: every edit of the network or the data is one of these on the QUndoStack.

Each command stores the state before and after (hidden-layer tuples or data choices) and applies
it through the Session, so undo and redo are exact and the session stays the one owner of state.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable

from PySide6.QtGui import QUndoCommand

from ..session import DataChoice, LayerSpec, Session

HIDDEN_LAYERS_ID = 1001


class SetHiddenLayersCommand(QUndoCommand):
    """Replace the hidden layers. ``rows`` = (selected row before, selected row after) in the
    layer list; ``select(row)`` is called after redo and undo so the edited layer stays selected.

    Commands with the same ``merge_key`` that follow each other merge into one step, so clicking
    a spin box arrow ten times is undone at once.
    """

    def __init__(
        self,
        session: Session,
        before: tuple[LayerSpec, ...],
        after: tuple[LayerSpec, ...],
        text: str,
        rows: tuple[int, int] = (-1, -1),
        select: Callable[[int], None] | None = None,
        merge_key: Hashable | None = None,
    ) -> None:
        super().__init__(text)
        self.session = session
        self.before, self.after = tuple(before), tuple(after)
        self.rows = rows
        self._select = select
        self.merge_key = merge_key

    def redo(self) -> None:
        self.session.set_hidden_layers(self.after)
        if self._select is not None:
            self._select(self.rows[1])

    def undo(self) -> None:
        self.session.set_hidden_layers(self.before)
        if self._select is not None:
            self._select(self.rows[0])

    def id(self) -> int:
        return HIDDEN_LAYERS_ID if self.merge_key is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SetHiddenLayersCommand) or other.merge_key != self.merge_key:
            return False
        self.after = other.after
        self.rows = (self.rows[0], other.rows[1])
        self.setObsolete(self.after == self.before)
        return True


class SetDataCommand(QUndoCommand):
    """Switch to another data choice (built-in set, parameters, split, or an imported set).

    The view applies the new choice first (so a bad choice never reaches the stack) and pushes
    the command with ``applied=True``; the first redo, which QUndoStack.push performs, is then
    skipped.
    """

    def __init__(
        self,
        session: Session,
        before: DataChoice,
        after: DataChoice,
        text: str,
        applied: bool = False,
    ) -> None:
        super().__init__(text)
        self.session = session
        self.before, self.after = before, after
        self._skip_redo = applied

    def redo(self) -> None:
        if self._skip_redo:
            self._skip_redo = False
            return
        self.session.set_data(self.after)

    def undo(self) -> None:
        self.session.set_data(self.before)
