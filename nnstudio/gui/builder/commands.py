"""Undo commands: every edit of the network or the data is one of these on the QUndoStack.

Each command stores the state before and after (hidden-layer tuples, session snapshots or single
values) and applies it through the Session, so undo and redo are exact and the session stays the
one owner of state.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any

from PySide6.QtGui import QUndoCommand

from ...session import LayerSpec, Session

HIDDEN_LAYERS_ID = 1001
VALUE_ID = 1002


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


class SessionStateCommand(QUndoCommand):
    """An edit that replaces the weights: the data (and a data set's preset), the seed, the
    initialisation or the precision. It keeps :meth:`Session.snapshot` from before and after,
    so undo brings back the previous weights, history and optimizer state exactly.

    The view makes the edit first (so a refused edit never reaches the stack), takes the
    ``after`` snapshot and pushes the command; the first redo, which QUndoStack.push performs,
    is then skipped.
    """

    def __init__(
        self, session: Session, before: dict[str, Any], after: dict[str, Any], text: str
    ) -> None:
        super().__init__(text)
        self.session = session
        self.before, self.after = before, after
        self._skip_redo = True

    def redo(self) -> None:
        if self._skip_redo:
            self._skip_redo = False
            return
        self.session.restore(self.after)

    def undo(self) -> None:
        self.session.restore(self.before)


class SetValueCommand(QUndoCommand):
    """Change one value that leaves the weights alone (the training settings, L2 λ):
    ``apply(value)`` sets it in the session; undo applies ``before`` again.

    Commands with the same ``merge_key`` that follow each other merge into one step, so
    clicking a spin box arrow ten times is undone at once.
    """

    def __init__(
        self,
        apply: Callable[[Any], None],
        before: Any,
        after: Any,
        text: str,
        merge_key: Hashable | None = None,
    ) -> None:
        super().__init__(text)
        self._apply = apply
        self.before, self.after = before, after
        self.merge_key = merge_key

    def redo(self) -> None:
        self._apply(self.after)

    def undo(self) -> None:
        self._apply(self.before)

    def id(self) -> int:
        return VALUE_ID if self.merge_key is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SetValueCommand) or other.merge_key != self.merge_key:
            return False
        self.after = other.after
        self.setObsolete(self.after == self.before)
        return True
