"""Adding and removing data points by clicking the data plot.

With "Add points by clicking" on, a click on the plot adds a sample of the class chosen beside
it and a Shift+click removes the sample nearest to the pointer (within a few pixels). Each click
is one undoable step that makes an "edited" data set (``nnstudio.data.add_point``), kept in the
model file with its X and Y like an imported one. The network keeps its weights and history
(``session_parts.with_edited_data``): only m changes, and training can go on from there.

The plot shows the inputs as the network is fed them: standardised when "Standardise inputs"
is on. A click is then turned back into the data set's own units (x = x̃·σ + μ) before it is
stored, so that the saved data keeps its original scale.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtGui import QColor, QIcon, QPixmap, QUndoStack
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from ...data import Dataset, add_point, remove_point
from ...session import Session
from ...session_parts import with_edited_data
from ..common import theme
from ..common.binding import bind
from ..common.style import class_color
from .commands import SessionStateCommand

REMOVE_RADIUS = 8.0  # pixels: how close a Shift+click must be to a point to remove it


def editable(dataset: Dataset) -> bool:
    """Points can be clicked in for classification data with two features (a plane)."""
    return dataset.is_classification and dataset.n_features == 2


class PointEditor(QWidget):
    """``editPointsCheck`` turns clicking on ``plot`` into adding points of the class chosen in
    ``pointClassCombo``; Shift+click removes the nearest point. ``class_names(dataset)``: the
    classes' names as the learner reads them."""

    def __init__(
        self,
        session: Session,
        undo_stack: QUndoStack,
        plot: pg.PlotWidget,
        class_names: Callable[[Dataset], list[str]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("pointEditor")
        self.session = session
        self.undo_stack = undo_stack
        self.plot = plot
        self.class_names = class_names
        self.edit_check = QCheckBox(self.tr("Add points by clicking"))
        self.edit_check.setObjectName("editPointsCheck")
        self.class_combo = QComboBox()
        self.class_combo.setObjectName("pointClassCombo")
        self.class_combo.setToolTip(self.tr("The class of the points a click adds"))
        self.class_combo.setAccessibleName(self.tr("Class of new points"))
        self.hint = QLabel()
        self.hint.setObjectName("pointEditHint")
        self.hint.setWordWrap(True)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit_check)
        row.addWidget(self.class_combo, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.hint)
        self.edit_check.toggled.connect(self._mode_toggled)
        plot.scene().sigMouseClicked.connect(self._clicked)
        bind(session.events, "data", self, self.sync)
        theme.follow(self, self.sync)
        self.sync()

    # -- model → view -----------------------------------------------------------------------------
    def sync(self) -> None:
        """The classes of the data in their colours; editing only where a click means a point."""
        dataset = self.session.dataset
        can_edit = editable(dataset)
        with QSignalBlocker(self.class_combo):
            current = max(self.class_combo.currentIndex(), 0)
            self.class_combo.clear()
            if can_edit:
                for k, name in enumerate(self.class_names(dataset)):
                    self.class_combo.addItem(self._swatch(class_color(k)), name, k)
                self.class_combo.setCurrentIndex(min(current, self.class_combo.count() - 1))
        self.edit_check.setEnabled(can_edit)
        if can_edit:
            self.edit_check.setToolTip(
                self.tr(
                    "Click the plot to add a sample of the chosen class, Shift+click to remove "
                    "the nearest one. Each click is one step of Edit ▸ Undo; the network keeps "
                    "its weights, so you can train on and watch the boundary follow."
                )
            )
        else:
            self.edit_check.setToolTip(
                self.tr(
                    "Points can be added by clicking only to classification data with two features."
                )
            )
        self._mode_toggled()

    def _mode_toggled(self, *_checked: bool) -> None:
        on = self.edit_check.isChecked() and self.edit_check.isEnabled()
        self.class_combo.setEnabled(on)
        self.hint.setVisible(on)
        viewport = self.plot.viewport()
        if on:
            viewport.setCursor(Qt.CursorShape.CrossCursor)
        else:
            viewport.unsetCursor()
        if not on:
            return
        if self.session.data_choice.standardize:
            self.hint.setText(
                self.tr(
                    "Click: add a point · Shift+click: remove the nearest. The plot shows "
                    "standardised inputs; a new point is stored in the data's own units "
                    "(x = x̃·σ + μ)."
                )
            )
        else:
            self.hint.setText(self.tr("Click: add a point · Shift+click: remove the nearest."))

    @staticmethod
    def _swatch(color: QColor) -> QIcon:
        pixmap = QPixmap(12, 12)
        pixmap.fill(color)
        return QIcon(pixmap)

    # -- clicks → undo stack → session ------------------------------------------------------------
    def _clicked(self, event: Any) -> None:
        """A click on the plot's scene (a pyqtgraph MouseClickEvent)."""
        if not (self.edit_check.isChecked() and self.edit_check.isEnabled() and self.isEnabled()):
            return
        if event.button() != Qt.MouseButton.LeftButton or event.double():
            return
        box = self.plot.getPlotItem().getViewBox()
        scene_pos = event.scenePos()
        if not box.sceneBoundingRect().contains(scene_pos):
            return  # on an axis, not on the plane
        at = box.mapSceneToView(scene_pos)
        shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        if shift:
            self.remove_near(at.x(), at.y())
        else:
            self.add_at(at.x(), at.y())
        event.accept()

    def _to_raw(self, shown: np.ndarray) -> np.ndarray:
        """Plot coordinates (2, k), standardised if the inputs are, in the data's own units."""
        scaler = self.session.prepared.standardizer
        if scaler.fitted and not scaler.is_identity:
            return scaler.inverse_transform(shown)
        return shown

    def _shown(self, X: np.ndarray) -> np.ndarray:
        """The data's inputs X (2, m) where the plot draws them."""
        scaler = self.session.prepared.standardizer
        if scaler.fitted and not scaler.is_identity:
            return scaler.transform(X)
        return X

    def add_at(self, u: float, v: float) -> None:
        """Add a point of the chosen class at plot coordinates (u, v)."""
        k = self.class_combo.currentData()
        if k is None:
            return
        x = self._to_raw(np.array([[u], [v]], dtype=np.float64))[:, 0]
        dataset = add_point(self.session.dataset, x, int(k))
        name = self.class_combo.currentText()
        self._apply(dataset, self.tr("Add a point of {name}").format(name=name))

    def remove_near(self, u: float, v: float) -> None:
        """Remove the point nearest to plot coordinates (u, v), if one lies within a few pixels."""
        dataset = self.session.dataset
        if dataset.m <= 1:
            return
        px, py = self.plot.getPlotItem().getViewBox().viewPixelSize()
        shown = self._shown(dataset.X)
        distance = np.hypot((shown[0] - u) / px, (shown[1] - v) / py)
        index = int(np.argmin(distance))
        if distance[index] > REMOVE_RADIUS:
            return
        k = int(dataset.Y[0, index])
        names = [self.class_combo.itemText(i) for i in range(self.class_combo.count())]
        name = names[k] if k < len(names) else str(k)
        self._apply(
            remove_point(dataset, index), self.tr("Remove a point of {name}").format(name=name)
        )

    def _apply(self, dataset: Dataset, text: str) -> None:
        before = self.session.snapshot()
        try:
            after = with_edited_data(before, dataset)
        except ValueError as exc:
            QMessageBox.warning(
                self,
                self.tr("Data not changed"),
                self.tr("{reason}\n\nThe previous data is still in use.").format(reason=exc),
            )
            return
        self.session.restore(after)
        self.undo_stack.push(SessionStateCommand(self.session, before, after, text))
