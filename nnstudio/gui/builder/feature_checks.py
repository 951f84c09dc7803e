"""The input features the network sees, as in TensorFlow Playground: one check box per feature
of the two inputs (x₁, x₂, x₁², x₂², x₁x₂, sin x₁, sin x₂), shown by the layer editor when the
input row is selected.

Each change is a :class:`~nnstudio.gui.builder.commands.SessionStateCommand`: n[0] follows the
choice, the first layer gets fresh weights from the seed, and Ctrl+Z brings back the previous
choice with its weights and history. At least one box stays checked. For data without exactly
two features the boxes are disabled, and their tooltip says why.
"""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QCheckBox, QGridLayout, QLabel, QVBoxLayout, QWidget

from ...data import FEATURES, RAW_INPUTS, FeatureError
from ...session import Session
from ..common.binding import bind
from .commands import SessionStateCommand

COLUMNS = 2  # check boxes per row


class FeatureChecks(QWidget):
    """Seven check boxes (``featureCheck_<key>``) bound to ``session.input_features``."""

    def __init__(self, session: Session, undo_stack: QUndoStack, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("featureChecks")
        self.session = session
        self.undo_stack = undo_stack

        self.title = QLabel(self.tr("Features the network sees:"))
        self.title.setObjectName("featureChecksTitle")
        self.title.setToolTip(
            self.tr(
                "One input unit per checked feature, computed from x₁ and x₂ (after "
                "standardising), so n[0] is the number of checked boxes. The decision boundary "
                "is still drawn over x₁ and x₂."
            )
        )
        self.checks: dict[str, QCheckBox] = {}
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(16)
        for i, (key, feature) in enumerate(FEATURES.items()):
            box = QCheckBox(feature.label)
            box.setObjectName(f"featureCheck_{key}")
            box.setAccessibleName(self.tr("Input feature {name}").format(name=feature.label))
            box.toggled.connect(self._toggled)
            grid.addWidget(box, i // COLUMNS, i % COLUMNS)
            self.checks[key] = box
        self.note = QLabel()
        self.note.setObjectName("featureNoteLabel")
        self.note.setWordWrap(True)
        self.note.setTextFormat(Qt.TextFormat.PlainText)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addLayout(grid)
        layout.addWidget(self.note)

        bind(session.events, "data", self, self.sync)
        bind(session.events, "network", self, self.sync)
        self.sync()

    def chosen(self) -> tuple[str, ...]:
        """The checked features, in the canonical order."""
        return tuple(key for key, box in self.checks.items() if box.isChecked())

    def sync(self) -> None:
        """Model → view: the session's choice, and whether the data allows one."""
        usable = self.session.dataset.n_features == RAW_INPUTS
        chosen = set(self.session.input_features)
        for key, box in self.checks.items():
            with QSignalBlocker(box):
                box.setChecked(usable and key in chosen)
            box.setEnabled(usable)
            box.setToolTip(self._tooltip(key) if usable else self._why_not())
        self.show_note("" if usable else self._why_not())

    def show_note(self, text: str) -> None:
        """Why the boxes cannot be used or why a click was refused ("" hides the note)."""
        self.note.setText(text)
        self.note.setVisible(bool(text))

    def _why_not(self) -> str:
        return self.tr(
            "Input features like x₁² are made from two inputs, x₁ and x₂; this data has {n}, "
            "so the network sees them as they are."
        ).format(n=self.session.dataset.n_features)

    def _tooltip(self, key: str) -> str:
        label = FEATURES[key].label
        if key in ("x1", "x2"):
            return self.tr("Feed the network {name} itself, as in the data.").format(name=label)
        return self.tr(
            "Feed the network {name}, computed from x₁ and x₂: with such features even a "
            "network without hidden layers can draw a curved boundary."
        ).format(name=label)

    def _toggled(self, _checked: bool) -> None:
        """View → undo stack → session; the last checked box cannot be unchecked."""
        keys = self.chosen()
        if keys == self.session.input_features:
            return
        if not keys:
            self.sync()
            self.show_note(
                self.tr("At least one feature must stay checked: the network needs an input.")
            )
            return
        before = self.session.snapshot()
        try:
            self.session.set_input_features(keys)
        except FeatureError as exc:
            self.sync()
            self.show_note(str(exc))
            return
        after = self.session.snapshot()
        labels = ", ".join(FEATURES[key].label for key in keys)
        text = self.tr("Input features {names}").format(names=labels)
        self.undo_stack.push(SessionStateCommand(self.session, before, after, text))
