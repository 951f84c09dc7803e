"""Matrix inspector: heatmaps of W[l], b[l], Z[l], A[l], dW[l] and db[l] for a chosen layer.

:class:`MatrixInspector` shows the six arrays of one layer at the current weights, computed by
the engine's forward and backward pass on the training data, each as a
:class:`~.heatmap.MatrixHeatmap` (sized by its shape, with a colour bar of its values)
with summary statistics under it, and reports the entry under the cursor. Under them, the
:class:`~.optimizer_panel.OptimizerStatePanel` shows what the optimizer keeps for the layer.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
from PySide6.QtCore import QSignalBlocker, Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ...engine import Network
from .heatmap import MatrixHeatmap, array_stats, shape_text
from .optimizer_panel import OptimizerStatePanel

__all__ = ["MatrixHeatmap", "MatrixInspector", "array_stats", "shape_text"]


class MatrixInspector(QWidget):
    """The arrays of one layer l at the current state: W[l], b[l], dW[l], db[l], Z[l], A[l].

    ``set_state(net, X, Y)`` takes a snapshot of the network and the data (X (n0, m), Y as the
    engine takes it, or None to show only the parameters); the forward and backward pass run
    when the inspector is visible, at most a few times a second. ``select_layer(l)`` chooses the
    layer (1..L); connect the diagram's ``unitSelected(layer, unit)`` to ``select_unit``.
    While training, each refresh draws its six heatmaps one event-loop turn after another, so
    the GUI thread never stops for all of them at once.
    """

    NAMES = ("W", "b", "dW", "db", "Z", "A")
    REFRESH_MS = 200

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("matrixInspector")
        self._net: Network | None = None
        self._X: np.ndarray | None = None
        self._Y: np.ndarray | None = None
        self._arrays: dict[str, np.ndarray] = {}
        self._optimizer: tuple[str, Mapping[str, float], Mapping[str, Any] | None] = (
            "gd",
            {},
            None,
        )
        self._dirty = False
        self._layer = 1

        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.layer_label = QLabel(self.tr("Layer"), self)
        top.addWidget(self.layer_label)
        self.layer_combo = QComboBox(self)
        self.layer_combo.setObjectName("inspectorLayerCombo")
        self.layer_combo.setToolTip(
            self.tr(
                "Choose a layer l to see its matrices. W[l] is (n[l], n[l-1]) and b[l] is "
                "(n[l], 1): they have no m, because every sample uses the same parameters. "
                "Z[l] and A[l] are (n[l], m): one column per sample."
            )
        )
        self.layer_combo.currentIndexChanged.connect(self._combo_changed)
        top.addWidget(self.layer_combo)
        self.value_label = QLabel(self)
        self.value_label.setObjectName("inspectorValueLabel")
        self.value_label.setToolTip(
            self.tr("The entry under the mouse pointer: its row i, its column j and its value.")
        )
        top.addWidget(self.value_label, 1)
        layout.addLayout(top)

        area = QWidget(self)
        grid = QGridLayout(area)
        grid.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.heatmaps: dict[str, MatrixHeatmap] = {}
        tips = {
            "W": self.tr("W[l]: the weights. Row i holds the weights into unit i of layer l."),
            "b": self.tr("b[l]: the biases, one per unit, added to every column of W[l]·A[l-1]."),
            "dW": self.tr(
                "dW[l] = (1/m) dZ[l]·A[l-1]ᵀ: how the cost J changes with each weight, "
                "averaged over the m samples. Same shape as W[l]."
            ),
            "db": self.tr("db[l] = (1/m) Σ dZ[l] over the columns: same shape as b[l]."),
            "Z": self.tr("Z[l] = W[l]·A[l-1] + b[l]: one column per sample."),
            "A": self.tr("A[l] = g[l](Z[l]): the activations, the layer's output."),
        }
        for i, name in enumerate(self.NAMES):
            heatmap = MatrixHeatmap(area)
            heatmap.setObjectName(f"inspector{name}Heatmap")
            heatmap.setToolTip(tips[name] + "\n" + heatmap.toolTip())
            heatmap.hovered.connect(self._show_value)
            self.heatmaps[name] = heatmap
            if i < 4:
                grid.addWidget(
                    heatmap, 0, i, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
                )
            else:
                grid.addWidget(
                    heatmap, i - 3, 0, 1, 4, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
                )
        self.optimizer_panel = OptimizerStatePanel(area)
        for heatmap in self.optimizer_panel.heatmaps.values():
            heatmap.hovered.connect(self._show_value)
        grid.addWidget(self.optimizer_panel, 3, 0, 1, 4)
        scroll = QScrollArea(self)
        scroll.setObjectName("inspectorArrays")
        scroll.setWidgetResizable(True)
        scroll.setWidget(area)
        layout.addWidget(scroll, 1)
        self.message = QLabel(self)
        self.message.setObjectName("inspectorMessage")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(self.REFRESH_MS)
        self._timer.timeout.connect(self._refresh_if_visible)
        self._waiting: list[tuple[MatrixHeatmap, tuple[str, np.ndarray | None, str]]] = []
        self._next_heatmap = QTimer(self)
        self._next_heatmap.setSingleShot(True)
        self._next_heatmap.setInterval(0)
        self._next_heatmap.timeout.connect(self._draw_next_heatmap)

    # -- state -----------------------------------------------------------------------------------
    @property
    def layer(self) -> int:
        return self._layer

    def set_state(
        self,
        net: Network,
        X: np.ndarray | None = None,
        Y: np.ndarray | None = None,
        optimizer: str = "gd",
        options: Mapping[str, float] | None = None,
        optimizer_state: Mapping[str, Any] | None = None,
    ) -> None:
        """Inspect ``net`` (copied now) on X, Y (kept by reference: pass arrays that do not
        change, such as the prepared training data), and what ``optimizer`` with ``options``
        keeps in ``optimizer_state`` (an ``Optimizer.state_dict()``, as the session holds it)."""
        L_before = self._net.L if self._net is not None else None
        self._net = net.copy()
        self._X, self._Y = X, Y
        self._optimizer = (optimizer, dict(options or {}), optimizer_state)
        if L_before != self._net.L:
            with QSignalBlocker(self.layer_combo):
                self.layer_combo.clear()
                for l in range(1, self._net.L + 1):
                    self.layer_combo.addItem(self.tr("Layer {l}").format(l=l), l)
            self._layer = min(max(self._layer, 1), self._net.L)
            self.layer_combo.setCurrentIndex(self._layer - 1)
        self._dirty = True
        if not self._timer.isActive():
            self._timer.start()

    def refresh(self, one_at_a_time: bool = False) -> None:
        """Run the forward and backward pass now and redraw the chosen layer (its heatmaps in
        turn, one per event-loop turn, when ``one_at_a_time``)."""
        self._dirty = False
        net = self._net
        if net is None:
            return
        l = self._layer
        arrays = {"W": net.params[f"W{l}"], "b": net.params[f"b{l}"]}
        self.message.clear()
        if self._X is not None and self._Y is not None and self._X.shape[1] > 0:
            try:
                with np.errstate(all="ignore"):
                    _AL, cache = net.forward(self._X)
                    grads = net.backward(self._Y, cache)
                arrays.update(
                    dW=grads[f"dW{l}"], db=grads[f"db{l}"], Z=cache[f"Z{l}"], A=cache[f"A{l}"]
                )
            except ValueError as exc:
                self.message.setText(str(exc))
        else:
            self.message.setText(
                self.tr("Load a data set to see Z, A and the gradients: they need samples.")
            )
        self._arrays = arrays
        self._waiting = []
        for name, heatmap in self.heatmaps.items():
            array = arrays.get(name)
            caption = f"<b>{name}<sup>[{l}]</sup></b>"
            if array is not None:
                caption += f" {shape_text(array.shape)}"
            self._waiting.append((heatmap, (f"{name}[{l}]", array, caption)))
        self._waiting += self.optimizer_panel.show_state(*self._optimizer, l)
        if one_at_a_time:
            self._draw_next_heatmap()
        else:
            while self._waiting:
                self._draw_next_heatmap()

    def _draw_next_heatmap(self) -> None:
        if self._waiting:
            heatmap, arguments = self._waiting.pop(0)
            heatmap.set_array(*arguments)
        if self._waiting and not self._next_heatmap.isActive():
            self._next_heatmap.start()

    def arrays(self) -> dict[str, np.ndarray]:
        """What is shown now: {"W": W[l], "b": …, "dW", "db", "Z", "A"} (those available)."""
        if self._dirty:
            self.refresh()
        while self._waiting:  # heatmaps still to draw from the last refresh
            self._draw_next_heatmap()
        return dict(self._arrays)

    def select_layer(self, l: int) -> None:
        """Show layer l (1..L); other values are ignored."""
        if self._net is None or not 1 <= l <= self._net.L:
            return
        self.layer_combo.setCurrentIndex(l - 1)
        if l == self._layer and not self._dirty and self._arrays:
            return
        self._layer = l
        self.refresh()

    def select_unit(self, layer: int, unit: int) -> None:
        """For the diagram's ``unitSelected(layer, unit)``: show that unit's layer."""
        self.select_layer(layer)

    def _combo_changed(self, index: int) -> None:
        if index >= 0:
            self._layer = index + 1
            self.refresh()

    def _refresh_if_visible(self) -> None:
        if self.isVisible():
            self.refresh(one_at_a_time=True)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._dirty:
            self.refresh()

    def _show_value(self, name: str, row: int, col: int, value: float) -> None:
        self.value_label.setText(
            self.tr("{name}: row {row}, column {col} = {value}").format(
                name=name, row=row + 1, col=col + 1, value=f"{value:+.6g}"
            )
        )
