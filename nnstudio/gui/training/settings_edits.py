"""The training panel's edits, each one step on the undo stack (view → undo stack → session).

Settings, L2 λ and L1 λ₁ are values (arrow clicks on one box merge into one step); the seed,
initialisation and precision draw new weights, so they are session snapshots whose undo brings
back the weights, history and optimizer state they replaced. Switching the optimizer proposes
its usual learning rate in the same step; choosing a learning-rate decay schedule may propose
its decay rate in the same step.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoStack

from ...data import proposed_learning_rate
from ...session import Session
from ..builder import SessionStateCommand, SetValueCommand


class SettingsEdits:
    """Edits of ``session``'s training settings through ``undo_stack``."""

    def __init__(self, session: Session, undo_stack: QUndoStack) -> None:
        self.session = session
        self.undo_stack = undo_stack

    def edit_setting(self, key: str, value: float | int, text: str) -> None:
        """One training setting as an undo step; ``text`` names it (``{value}`` filled in)."""
        before = getattr(self.session.settings, key)
        if value == before:
            return
        command = SetValueCommand(
            self._apply_settings,
            {key: before},
            {key: value},
            text.format(value=value),
            merge_key=key,
        )
        self.undo_stack.push(command)

    def _apply_settings(self, changes: dict[str, object]) -> None:
        self.session.set_settings(**changes)

    def choose_optimizer(self, name: str, title: str) -> None:
        """Switch to optimizer ``name`` (shown as ``title``) with its usual learning rate."""
        settings = self.session.settings
        if name == settings.optimizer:
            return
        choice = self.session.data_choice
        rate = proposed_learning_rate(
            name,
            choice.name if choice.imported is None else None,
            settings.optimizer,
            settings.learning_rate,
        )
        text = QCoreApplication.translate(
            "TrainingPanel", "Use optimizer {name} with α = {rate:g}"
        ).format(name=title, rate=rate)
        before = {"optimizer": settings.optimizer, "learning_rate": settings.learning_rate}
        after = {"optimizer": name, "learning_rate": rate}
        self.undo_stack.push(SetValueCommand(self._apply_settings, before, after, text))

    def choose_schedule(self, name: str, title: str, rate: float) -> None:
        """Use learning-rate decay schedule ``name`` (shown as ``title``) with decay rate
        ``rate``, in one step."""
        settings = self.session.settings
        before = {"decay_schedule": settings.decay_schedule, "decay_rate": settings.decay_rate}
        after = {"decay_schedule": name, "decay_rate": float(rate)}
        if after == before:
            return
        text = QCoreApplication.translate("TrainingPanel", "Use learning-rate decay {name}")
        self.undo_stack.push(
            SetValueCommand(self._apply_settings, before, after, text.format(name=title))
        )

    def set_l2(self, value: float) -> None:
        text = QCoreApplication.translate("TrainingPanel", "Set L2 λ to {value:g}")
        self._set_strength("l2", self.session.set_l2, value, text)

    def set_l1(self, value: float) -> None:
        text = QCoreApplication.translate("TrainingPanel", "Set L1 λ₁ to {value:g}")
        self._set_strength("l1", self.session.set_l1, value, text)

    def _set_strength(
        self, name: str, setter: Callable[[float], None], value: float, text: str
    ) -> None:
        """One undoable change of a regularisation strength (``name`` "l2" or "l1")."""
        before = getattr(self.session, name)
        if value == before:
            return
        command = SetValueCommand(setter, before, float(value), text.format(value=value), name)
        self.undo_stack.push(command)

    def redraw_weights(self, edit: Callable[[], None], text: str) -> None:
        """An edit that draws new weights (seed, initialisation, precision), as an undo step
        whose undo brings back the weights, history and optimizer state it replaced."""
        before = self.session.snapshot()
        edit()
        self.undo_stack.push(
            SessionStateCommand(self.session, before, self.session.snapshot(), text)
        )
