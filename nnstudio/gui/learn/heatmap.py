"""One matrix as a heatmap, sized by its shape, with a colour scale that shows the values.

:class:`MatrixHeatmap` draws a matrix as printed in the course (row i down, column j across) with
a diverging colour scale — blue above zero, orange below, white at zero, like the weights in the
network diagram — symmetric around 0 and shown as a colour bar with values beside the cells.

Its drawn size follows the shape: every cell is :data:`CELL` pixels square until the matrix
would be wider than :data:`MAX_WIDTH` or taller than :data:`MAX_HEIGHT`; then the cells shrink,
square as long as they stay :data:`MIN_CELL` pixels or more, else each direction on its own (a
(2, 400) Z is a long strip, not a sliver). So a (1, 1) bias is one small square and a (4, 2)
W[1] is half as wide as it is tall, as the learner reads the shapes in the formulas.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from ..common import theme
from ..common.plot_items import diverging_colormap, themed_plot

NEGATIVE = "#f59322"
POSITIVE = "#0877bd"
DIVERGING = pg.ColorMap([0.0, 0.5, 1.0], [NEGATIVE, "#ffffff", POSITIVE])

CELL = 22  # pixels per cell when the matrix is small
MIN_CELL = 6  # below this cells stop being square
MAX_WIDTH = 440  # the largest area the cells take, in pixels
MAX_HEIGHT = 200
BAR_HEIGHT = 72  # the cell area is at least this tall, so the colour bar can show its values
LEFT_AXIS, BOTTOM_AXIS, BAR_WIDTH, BAR_AXIS = 42, 40, 12, 52


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


def cell_size(rows: int, columns: int) -> tuple[float, float]:
    """(width, height) in pixels of one cell of a (rows, columns) matrix (see the module)."""
    side = min(CELL, MAX_WIDTH / columns, MAX_HEIGHT / rows)
    if side >= MIN_CELL:
        return side, side
    return min(CELL, MAX_WIDTH / columns), min(CELL, MAX_HEIGHT / rows)


class MatrixHeatmap(QWidget):
    """One matrix as a heatmap with its name and shape above, a colour bar with its values
    beside it and, optionally, statistics below.

    ``hovered(name, row, column, value)`` is emitted with 0-based row and column when the cursor
    moves over an entry; the text shown to the learner counts from 1, as the course does.
    """

    hovered = Signal(str, int, int, float)

    def __init__(self, parent: QWidget | None = None, show_stats: bool = True) -> None:
        super().__init__(parent)
        self.name = ""
        self.array: np.ndarray | None = None
        layout = self._layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.setSpacing(2)
        self.caption = QLabel(self)
        self.caption.setObjectName("heatmapCaption")
        self.caption.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.caption)
        self.plot = pg.PlotWidget(self)
        self.plot.setObjectName("heatmapPlot")
        self.plot.setMenuEnabled(False)
        self.plot.hideButtons()
        self.plot.setMouseEnabled(x=False, y=False)
        item = self.plot.getPlotItem()
        item.setContentsMargins(0, 0, 0, 0)
        self.plot.getViewBox().invertY(True)
        self.plot.getViewBox().sigResized.connect(self._apply_range)
        for axis in ("left", "bottom"):
            self.plot.getAxis(axis).setStyle(tickLength=-3)
        self.plot.getAxis("left").setLabel(self.tr("row i"))
        self.plot.getAxis("bottom").setLabel(self.tr("column j"))
        self.plot.getAxis("left").setWidth(LEFT_AXIS)
        self.plot.getAxis("bottom").setHeight(BOTTOM_AXIS)
        self.image = pg.ImageItem(axisOrder="row-major")
        self.image.setColorMap(DIVERGING)
        self.plot.addItem(self.image)
        self.color_bar = pg.ColorBarItem(
            values=(-1.0, 1.0),
            colorMap=DIVERGING,
            interactive=False,
            width=BAR_WIDTH,
            colorMapMenu=False,
        )
        self.color_bar.setObjectName("heatmapColorBar")
        self.color_bar.axis.setWidth(BAR_AXIS)
        self.color_bar.setToolTip(
            self.tr(
                "The colour scale: the colour of each value. It runs from minus to plus the "
                "largest absolute entry, so white is always 0."
            )
        )
        item.layout.addItem(self.color_bar, 2, 5)
        themed_plot(self.plot)  # after the colour bar, so that its axis follows the theme too
        theme.follow(self, self.restyle)
        self.restyle()
        self.plot.scene().sigMouseMoved.connect(self._mouse_moved)
        layout.addWidget(self.plot, 0, Qt.AlignmentFlag.AlignLeft)
        self.stats_label = QLabel(self)
        self.stats_label.setObjectName("heatmapStats")
        self.stats_label.setVisible(show_stats)
        layout.addWidget(self.stats_label)
        layout.addStretch(1)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.setToolTip(
            self.tr(
                "Each cell is one entry of the matrix: row i down, column j across. Blue is "
                "positive, orange negative, white zero; the colour bar beside it gives the "
                "values, symmetric around 0. The size follows the shape: more rows, taller; "
                "more columns, wider."
            )
        )
        self._cell = (float(CELL), float(CELL))
        self._fit((1, 1))

    def restyle(self) -> None:
        """The colour scale of the current theme: 0 is white, or the dark plot's grey."""
        colors = DIVERGING if not theme.current().dark else diverging_colormap()
        self.image.setColorMap(colors)
        self.color_bar.setColorMap(colors)

    def _fit(self, shape: tuple[int, int]) -> None:
        """Size the plot so that every cell has the size :func:`cell_size` gives."""
        rows, columns = shape
        self._cell = width, height = cell_size(rows, columns)
        area_w, area_h = width * columns, max(height * rows, BAR_HEIGHT)
        self.plot.setFixedSize(
            math.ceil(area_w) + LEFT_AXIS + BAR_WIDTH + BAR_AXIS + 12,
            math.ceil(area_h) + BOTTOM_AXIS + 8,
        )
        self._apply_range()
        self._fit_widget()

    def _apply_range(self) -> None:
        """Show the matrix with cells of exactly the chosen size, centred in the plot area
        (whatever room the axes and the colour bar leave, the cells keep their shape)."""
        rows, columns = self.array.shape if self.array is not None else (1, 1)
        cell_w, cell_h = self._cell
        view = self.plot.getViewBox()
        rect = view.boundingRect()
        span_x = max(rect.width() / cell_w, columns)
        span_y = max(rect.height() / cell_h, rows)
        x0, y0 = (columns - span_x) / 2, (rows - span_y) / 2
        view.setRange(xRange=(x0, x0 + span_x), yRange=(y0, y0 + span_y), padding=0)

    def _fit_widget(self) -> None:
        """As wide as the plot or the longest text line (at least 150 px), as tall as it all."""
        texts = [self.caption] + ([self.stats_label] if not self.stats_label.isHidden() else [])
        widest = max([self.plot.width(), *(label.sizeHint().width() for label in texts)])
        self.setFixedWidth(max(widest + 4, 150))
        self.setFixedHeight(self._layout.sizeHint().height())

    def set_array(self, name: str, array: np.ndarray | None, caption_html: str = "") -> None:
        """Show ``array`` (1-D arrays are drawn as a column) under the label ``name``."""
        self.name = name
        if array is None:
            self.array = None
            self.image.clear()
            self.caption.setText(caption_html or name)
            self.stats_label.clear()
            self._fit_widget()
            return
        array = np.asarray(array)
        if array.ndim == 1:
            array = array.reshape(-1, 1)
        elif array.ndim == 0:
            array = array.reshape(1, 1)
        same_shape = self.array is not None and self.array.shape == array.shape
        self.array = array
        values = np.asarray(array, dtype=np.float64)
        finite = values[np.isfinite(values)]
        limit = float(np.abs(finite).max()) if finite.size else 0.0
        limit = limit if limit > 0 else 1.0
        self.image.setImage(array, levels=(-limit, limit), autoLevels=False)
        if self.color_bar.levels() != (-limit, limit):
            self.color_bar.setLevels((-limit, limit))
        if not same_shape:  # (new values alone leave the cells and the index axes as they are)
            self._fit(array.shape)
            self.plot.getAxis("left").setTicks([index_ticks(array.shape[0])])
            self.plot.getAxis("bottom").setTicks([index_ticks(array.shape[1])])
        self.caption.setText(caption_html or f"<b>{name}</b> {shape_text(array.shape)}")
        stats = array_stats(array)
        self.stats_label.setText(
            self.tr("mean {mean} · std {std}\nmin {min} · max {max} · {zero} zero").format(
                mean=f"{stats['mean']:+.3g}",
                std=f"{stats['std']:.3g}",
                min=f"{stats['min']:+.3g}",
                max=f"{stats['max']:+.3g}",
                zero=f"{100 * stats['zero']:.0f} %",
            )
        )
        self._fit_widget()

    def drawn_rect(self) -> QRectF:
        """Where the cells are drawn, in the plot's pixels (for tests and guides)."""
        view = self.plot.getViewBox()
        rows, columns = self.array.shape if self.array is not None else (0, 0)
        top_left = view.mapViewToScene(QPointF(0, 0))
        bottom_right = view.mapViewToScene(QPointF(columns, rows))
        return QRectF(top_left, bottom_right).normalized()

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
