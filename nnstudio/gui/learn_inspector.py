"""Matrix inspector: heatmaps of W[l], b[l], Z[l], A[l], dW[l] and db[l] for a chosen layer.

:class:`MatrixHeatmap` draws one matrix (row i down, column j across, as printed in the course)
with a diverging colour scale — blue above zero, orange below, white at zero, like the weights in
the network diagram — and reports the entry under the cursor. :class:`MatrixInspector` shows the
six arrays of one layer at the current weights, computed by the engine's forward and backward
pass on the training data, with summary statistics under each.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ..engine import Network

NEGATIVE = "#f59322"
POSITIVE = "#0877bd"
DIVERGING = pg.ColorMap([0.0, 0.5, 1.0], [NEGATIVE, "#ffffff", POSITIVE])


def array_stats(array: np.ndarray) -> dict[str, float]:
    """mean, std, min, max and the fraction of exact zeros of the finite entries."""
    values = np.asarray(array, dtype=np.float64).ravel()
    finite = values[np.isfinite(values)]
    if finite.size == 0:
        nan = math.nan
        return {"mean": nan, "std": nan, "min": nan, "max": nan, "zero": nan}
    return {
        "mean": float(finite.mean()),
        "std": float(finite.std()),
        "min": float(finite.min()),
        "max": float(finite.max()),
        "zero": float(np.count_nonzero(finite == 0) / finite.size),
    }


def shape_text(shape: tuple[int, ...]) -> str:
    return "(" + ", ".join(str(n) for n in shape) + ")"


def index_ticks(n: int, all_up_to: int = 8, about: int = 4) -> list[tuple[float, str]]:
    """Ticks at the centres of rows (or columns) counted from 1, as the course counts: every
    index up to ``all_up_to`` of them, else about ``about`` round ones."""
    if n <= all_up_to:
        return [(i + 0.5, str(i + 1)) for i in range(n)]
    raw = n / about
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(k * magnitude for k in (1, 2, 5, 10) if k * magnitude >= raw)
    return [(0.5, "1")] + [(k - 0.5, str(k)) for k in range(step, n + 1, step)]


class MatrixHeatmap(QWidget):
    """One matrix as a heatmap with its name and shape above and, optionally, statistics below.

    ``hovered(name, row, column, value)`` is emitted with 0-based row and column when the cursor
    moves over an entry; the text shown to the learner counts from 1, as the course does.
    """

    hovered = Signal(str, int, int, float)

    def __init__(
        self, parent: QWidget | None = None, show_stats: bool = True, height: int = 120
    ) -> None:
        super().__init__(parent)
        self.name = ""
        self.array: np.ndarray | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.setSpacing(2)
        self.caption = QLabel(self)
        self.caption.setObjectName("heatmapCaption")
        self.caption.setTextFormat(Qt.RichText)
        layout.addWidget(self.caption)
        self.plot = pg.PlotWidget(self)
        self.plot.setObjectName("heatmapPlot")
        self.plot.setMinimumHeight(height)
        self.plot.setBackground("w")
        self.plot.setMenuEnabled(False)
        self.plot.hideButtons()
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.getViewBox().invertY(True)
        for axis in ("left", "bottom"):
            self.plot.getAxis(axis).setStyle(tickLength=-3)
        self.plot.getAxis("left").setLabel(self.tr("row i"))
        self.plot.getAxis("bottom").setLabel(self.tr("column j"))
        self.image = pg.ImageItem(axisOrder="row-major")
        self.image.setColorMap(DIVERGING)
        self.plot.addItem(self.image)
        self.plot.scene().sigMouseMoved.connect(self._mouse_moved)
        layout.addWidget(self.plot, 1)
        self.stats_label = QLabel(self)
        self.stats_label.setObjectName("heatmapStats")
        self.stats_label.setWordWrap(True)
        self.stats_label.setVisible(show_stats)
        layout.addWidget(self.stats_label)
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Expanding)
        self.setToolTip(
            self.tr(
                "Each cell is one entry of the matrix: row i down, column j across. Blue is "
                "positive, orange negative, white zero; the colour scale is symmetric around 0."
            )
        )

    def set_array(self, name: str, array: np.ndarray | None, caption_html: str = "") -> None:
        """Show ``array`` (1-D arrays are drawn as a column) under the label ``name``."""
        self.name = name
        if array is None:
            self.array = None
            self.image.clear()
            self.caption.setText(caption_html or name)
            self.stats_label.clear()
            return
        array = np.asarray(array)
        if array.ndim == 1:
            array = array.reshape(-1, 1)
        elif array.ndim == 0:
            array = array.reshape(1, 1)
        self.array = array
        values = np.asarray(array, dtype=np.float64)
        finite = values[np.isfinite(values)]
        limit = float(np.abs(finite).max()) if finite.size else 0.0
        limit = limit if limit > 0 else 1.0
        self.image.setImage(array, levels=(-limit, limit), autoLevels=False)
        self.plot.getViewBox().setRange(
            xRange=(0, array.shape[1]), yRange=(0, array.shape[0]), padding=0
        )
        self.plot.getAxis("left").setTicks([index_ticks(array.shape[0])])
        self.plot.getAxis("bottom").setTicks([index_ticks(array.shape[1])])
        self.caption.setText(caption_html or f"<b>{name}</b> {shape_text(array.shape)}")
        stats = array_stats(array)
        self.stats_label.setText(
            self.tr("mean {mean} · std {std} · min {min} · max {max} · {zero} zero").format(
                mean=f"{stats['mean']:+.3g}",
                std=f"{stats['std']:.3g}",
                min=f"{stats['min']:+.3g}",
                max=f"{stats['max']:+.3g}",
                zero=f"{100 * stats['zero']:.0f} %",
            )
        )

    def entry_at(self, scene_pos: QPointF) -> tuple[int, int] | None:
        """(row, column), 0-based, of the entry at a scene position, or None outside."""
        if self.array is None:
            return None
        point = self.plot.getViewBox().mapSceneToView(scene_pos)
        row, col = math.floor(point.y()), math.floor(point.x())
        if 0 <= row < self.array.shape[0] and 0 <= col < self.array.shape[1]:
            return row, col
        return None

    def scene_pos_of(self, row: int, col: int) -> QPointF:
        """The scene position of the centre of entry (row, col) — for tests and guides."""
        return self.plot.getViewBox().mapViewToScene(QPointF(col + 0.5, row + 0.5))

    def _mouse_moved(self, scene_pos: QPointF) -> None:
        entry = self.entry_at(scene_pos)
        if entry is None or self.array is None:
            return
        row, col = entry
        self.hovered.emit(self.name, row, col, float(self.array[row, col]))


class MatrixInspector(QWidget):
    """The arrays of one layer l at the current state: W[l], b[l], dW[l], db[l], Z[l], A[l].

    ``set_state(net, X, Y)`` takes a snapshot of the network and the data (X (n0, m), Y as the
    engine takes it, or None to show only the parameters); the forward and backward pass run
    when the inspector is visible, at most a few times a second. ``select_layer(l)`` chooses the
    layer (1..L); connect the diagram's ``unitSelected(layer, unit)`` to ``select_unit``.
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

        grid = QGridLayout()
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
            heatmap = MatrixHeatmap(self)
            heatmap.setObjectName(f"inspector{name}Heatmap")
            heatmap.setToolTip(tips[name] + "\n" + heatmap.toolTip())
            heatmap.hovered.connect(self._show_value)
            self.heatmaps[name] = heatmap
            if i < 4:
                grid.addWidget(heatmap, 0, i)
            else:
                grid.addWidget(heatmap, 1, 2 * (i - 4), 1, 2)
        layout.addLayout(grid, 1)
        self.message = QLabel(self)
        self.message.setObjectName("inspectorMessage")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(self.REFRESH_MS)
        self._timer.timeout.connect(self._refresh_if_visible)

    # -- state -----------------------------------------------------------------------------------
    @property
    def layer(self) -> int:
        return self._layer

    def set_state(
        self, net: Network, X: np.ndarray | None = None, Y: np.ndarray | None = None
    ) -> None:
        """Inspect ``net`` (copied now) on X, Y (kept by reference: pass arrays that do not
        change, such as the prepared training data)."""
        L_before = self._net.L if self._net is not None else None
        self._net = net.copy()
        self._X, self._Y = X, Y
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

    def refresh(self) -> None:
        """Run the forward and backward pass now and redraw the chosen layer."""
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
        for name, heatmap in self.heatmaps.items():
            array = arrays.get(name)
            label = f"{name}[{l}]"
            caption = f"<b>{name}<sup>[{l}]</sup></b>"
            if array is not None:
                caption += f" {shape_text(array.shape)}"
            heatmap.set_array(label, array, caption)

    def arrays(self) -> dict[str, np.ndarray]:
        """What is shown now: {"W": W[l], "b": …, "dW", "db", "Z", "A"} (those available)."""
        if self._dirty:
            self.refresh()
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
            self.refresh()

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
