"""Plot items and helpers shared by the live views (:mod:`nnstudio.gui.views.live_views`).

Curves and images are drawn by Qt alone (no Python paint method), so painting them runs without
holding Python's GIL and the training thread keeps running meanwhile; axis ranges and label texts
change rarely, because redrawing them is the costly part of a frame.
"""

from __future__ import annotations

import math
import time
from collections.abc import Sequence
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QImage,
    QPainterPath,
    QPen,
    QPixmap,
    QResizeEvent,
    QTransform,
)
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsPixmapItem,
    QLabel,
    QSizePolicy,
    QWidget,
)

from . import theme

# the light theme's; a view recolours its curves from theme.current() when the theme changes
TRAIN_COLOR = theme.LIGHT.train_color
VAL_COLOR = theme.LIGHT.val_color


def diverging_colormap(low: str | None = None, high: str | None = None) -> pg.ColorMap:
    """``low`` → the theme's neutral colour (the middle) → ``high``; by default orange
    (negative) → neutral (0) → blue (positive), as the diagram draws weights, in the current
    theme (white in the middle in the light theme, the plot's dark grey in the dark one)."""
    t = theme.current()
    colors = [QColor(low or t.negative), QColor(t.neutral), QColor(high or t.positive)]
    return pg.ColorMap(pos=[0.0, 0.5, 1.0], color=colors)


def diverging_lut(n: int = 256, low: str | None = None, high: str | None = None) -> np.ndarray:
    """(n, 4) uint8 RGBA colours of :func:`diverging_colormap`."""
    rgb = np.asarray(diverging_colormap(low, high).getLookupTable(0.0, 1.0, n, alpha=False))
    return np.concatenate([rgb[:, :3], np.full((n, 1), 255, dtype=rgb.dtype)], axis=1).astype(
        np.uint8
    )


def unit_colormap() -> pg.ColorMap:
    """Teal (low) → neutral (the middle) → purple (high): a unit's output, in hues that no
    class and no weight uses."""
    t = theme.current()
    return diverging_colormap(t.unit_low, t.unit_high)


def unit_lut(n: int = 256) -> np.ndarray:
    """(n, 4) uint8 RGBA colours of :func:`unit_colormap`."""
    t = theme.current()
    return diverging_lut(n, t.unit_low, t.unit_high)


class PathCurve(QGraphicsPathItem):
    """A curve drawn by Qt alone: a QGraphicsPathItem (no Python paint method, so stroking it
    runs without holding Python's GIL), with what pyqtgraph's PlotItem and legend ask of a data
    item (``implements("plotData")``, ``name()``, ``opts``, ``getData()``)."""

    def __init__(self, pen: QPen, name: str = "") -> None:
        super().__init__()
        self.setPen(pen)
        self.opts: dict[str, Any] = {"pen": pen, "name": name}
        self._x = np.empty(0)
        self._y = np.empty(0)

    def implements(self, interface: str | None = None) -> bool | list[str]:
        return ["plotData"] if interface is None else interface == "plotData"

    def name(self) -> str:
        return str(self.opts["name"])

    # pyqtgraph's data-item call, not QGraphicsItem.setData(key, value): the legend and PlotItem
    # call it by this name
    def setData(  # type: ignore[override]
        self,
        x: Sequence[float] | np.ndarray,
        y: Sequence[float] | np.ndarray,
        connect: str = "finite",
    ) -> None:
        """The points (x, y); non-finite values break the line."""
        self._x = np.asarray(x, dtype=np.float64)
        self._y = np.asarray(y, dtype=np.float64)
        if self._x.size:
            self.setPath(pg.arrayToQPath(self._x, self._y, connect=connect))
        else:
            self.setPath(QPainterPath())

    def getData(self) -> tuple[np.ndarray, np.ndarray]:
        return self._x, self._y

    def setSteps(self, edges: np.ndarray, counts: np.ndarray) -> None:
        """A histogram outline: ``counts`` (n,) between ``edges`` (n + 1,)."""
        x = np.repeat(np.asarray(edges, dtype=np.float64), 2)
        y = np.concatenate([[0.0], np.repeat(np.asarray(counts, dtype=np.float64), 2), [0.0]])
        self.setData(x, y, connect="all")
        self._x, self._y = np.asarray(edges), np.asarray(counts)


def recolor(curve: PathCurve, color: str) -> None:
    """Give ``curve`` (and its legend sample) ``color``, keeping its width and dashes."""
    pen = QPen(curve.pen())
    pen.setColor(QColor(color))
    curve.setPen(pen)
    curve.opts["pen"] = pen


def make_curve(
    plot: pg.PlotWidget, color: str, name: str = "", width: float = 1, dashed: bool = False
) -> PathCurve:
    """A :class:`PathCurve` in ``plot`` (and in its legend when it has one and ``name``)."""
    pen = pg.mkPen(
        color, width=width, style=Qt.PenStyle.DashLine if dashed else Qt.PenStyle.SolidLine
    )
    item = PathCurve(pen, name)
    plot.getPlotItem().addItem(item, ignoreBounds=True)
    return item


class Raster:
    """An image in a plot, drawn by Qt alone: a plain QGraphicsPixmapItem (no Python paint
    method), so scaling it to the screen runs without holding Python's GIL and the training
    thread keeps running meanwhile. Python only hands it finished pixels.

    ``image`` is the RGBA array shown last (h, w, 4); ``values`` the array it was coloured from
    (for :meth:`set_values`).
    """

    def __init__(self, plot: pg.PlotWidget) -> None:
        self.item = QGraphicsPixmapItem()
        self.item.setTransformationMode(Qt.TransformationMode.FastTransformation)
        plot.getViewBox().addItem(self.item, ignoreBounds=True)
        self.item.setZValue(-1000)  # behind everything else in the plot
        self.image: np.ndarray | None = None
        self.values: np.ndarray | None = None
        self._rect: tuple[float, float, float, float] | None = None

    def set_rgba(self, rgba: np.ndarray) -> None:
        """Show ``rgba`` (h, w, 4) uint8; row 0 is drawn at the rectangle's low y."""
        rgba = np.ascontiguousarray(rgba, dtype=np.uint8)
        h, w = rgba.shape[:2]
        data = rgba.tobytes()
        image = QImage(data, w, h, 4 * w, QImage.Format.Format_RGBA8888)
        shape_changed = self.image is None or self.image.shape != rgba.shape
        self.item.setPixmap(QPixmap.fromImage(image))  # a copy: ``data`` may go
        self.image = rgba
        if shape_changed and self._rect is not None:
            self.set_rect(*self._rect)

    def set_values(self, values: np.ndarray, levels: tuple[float, float], lut: np.ndarray) -> None:
        """Colour ``values`` (h, w) through ``lut`` (n, 4), ``levels`` spanning the table."""
        lo, hi = float(levels[0]), float(levels[1])
        scale = (len(lut) - 1) / (hi - lo) if hi > lo else 0.0
        with np.errstate(invalid="ignore"):
            index = np.nan_to_num((np.asarray(values, dtype=np.float64) - lo) * scale)
        index = np.clip(index, 0, len(lut) - 1).astype(np.intp)
        self.set_rgba(lut[index])
        self.values = values

    def set_rect(self, x: float, y: float, width: float, height: float) -> None:
        """Stretch the image over the data rectangle (x, y, width, height)."""
        self._rect = (x, y, width, height)
        if self.image is None:
            return
        h, w = self.image.shape[:2]
        self.item.setTransform(QTransform.fromScale(width / w, height / h))
        self.item.setPos(x, y)

    def setVisible(self, visible: bool) -> None:
        self.item.setVisible(visible)

    def isVisible(self) -> bool:
        return self.item.isVisible()


def steady_range(
    current: Sequence[float] | None, lo: float, hi: float, fill: float = 0.4, pad: float = 0.06
) -> tuple[float, float] | None:
    """A new axis range for data in [lo, hi], or None to keep ``current``: the range changes only
    when the data leave it or fill less than ``fill`` of it. Redrawing an axis is the costly part
    of a frame, so during a run the axes change a few times instead of 30 times a second."""
    if not (math.isfinite(lo) and math.isfinite(hi)):
        return None
    if current is not None:
        c0, c1 = float(current[0]), float(current[1])
        if c0 <= lo and hi <= c1 and (hi - lo) >= fill * (c1 - c0):
            return None
    span = hi - lo
    if span <= 0:
        span = abs(hi) * 0.1 or 1.0
    return lo - pad * span, hi + pad * span


def set_range(
    plot: pg.PlotWidget,
    x: tuple[float, float] | None = None,
    y: tuple[float, float] | None = None,
) -> None:
    if x is not None or y is not None:
        plot.getViewBox().setRange(xRange=x, yRange=y, padding=0)


class SteadyLabel(QLabel):
    """A label whose text changes while training but whose size does not, and whose text
    changes at most every TEXT_INTERVAL seconds through :meth:`show_text` (each new text makes
    Qt lay the window out and repaint it, which costs more than drawing the text). It has no
    timer of its own: a text is shown when the next one arrives late enough, or with
    ``now=True`` (which callers pass when a run pauses or ends, so the last text is shown)."""

    TEXT_INTERVAL = 0.5

    def __init__(self, name: str, lines: int = 1) -> None:
        super().__init__()
        self.setObjectName(name)
        self.setWordWrap(lines > 1)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        margins = self.contentsMargins()
        self.setFixedHeight(
            lines * self.fontMetrics().lineSpacing() + margins.top() + margins.bottom() + 2
        )
        self._shown_at = 0.0

    def show_text(self, text: str, now: bool = False) -> None:
        """Show ``text`` at once when ``now`` or when the last change is old enough."""
        if text == self.text():
            return
        at = time.perf_counter()
        if now or at - self._shown_at >= self.TEXT_INTERVAL:
            self._shown_at = at
            self.setText(text)


def steady_label(name: str, lines: int = 1) -> SteadyLabel:
    return SteadyLabel(name, lines)


def make_plot(name: str) -> pg.PlotWidget:
    """A plot in the current theme without the context menu or auto-range: the views set
    their ranges."""
    widget = pg.PlotWidget()
    widget.setObjectName(name)
    themed_plot(widget)
    widget.setMenuEnabled(False)
    widget.getViewBox().disableAutoRange()
    # no grid: its translucent lines across the whole plot cost more than the data to paint
    plain_axes(widget)
    return widget


def plain_axes(widget: pg.PlotWidget) -> None:
    """Axes that show numbers as they are: no SI prefix (a cost of 0.2 stays 0.2, not 200 with
    "(x0.001)" in the label)."""
    for side in ("left", "bottom"):
        widget.getAxis(side).enableAutoSIPrefix(False)


class PlotStyle(QObject):
    """Keeps a plot's background, axes (colour bars' too) and legends in the current theme and
    their texts in the plot's font, which follows the window's (View ▸ Zoom): pyqtgraph draws
    with its own colours and a fixed legend size otherwise."""

    def __init__(self, plot: pg.PlotWidget) -> None:
        super().__init__(plot)
        self.setObjectName("plotStyle")
        self.plot = plot
        plot.installEventFilter(self)
        theme.follow(self, self.apply)
        self.apply()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FontChange and watched is self.plot:
            self.apply()
        return False

    def apply(self) -> None:
        t = theme.current()
        self.plot.setBackground(t.plot_background)
        font = self.plot.font()
        size = f"{font.pointSizeF() * 0.95:.1f}pt" if font.pointSizeF() > 0 else "9pt"
        for item in self.plot.scene().items():
            if isinstance(item, pg.AxisItem):
                # an axis is kept as a picture in device pixels: a repaint around it (a curve
                # moving, the panel greyed while training) blits the picture instead of running
                # pyqtgraph's Python paint, which holds the GIL the training thread needs
                item.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
                item.setPen(t.plot_axis)
                item.setTextPen(t.plot_text)
                item.setTickFont(font)
                item.label.setFont(font)
            elif isinstance(item, pg.LegendItem):
                item.opts["labelTextColor"] = QColor(t.plot_text)
                item.opts["labelTextSize"] = size
                for _sample, label in item.items:
                    label.setText(label.text, color=t.plot_text, size=size)
                item.updateSize()


def themed_plot(plot: pg.PlotWidget) -> PlotStyle:
    """Draw ``plot`` in the current theme from now on (see :class:`PlotStyle`)."""
    return PlotStyle(plot)


class SquareBox(QWidget):
    """Holds one widget, as the largest square centred in the box while :attr:`square` is set
    (else filling it). A plot of the input plane keeps a unit of x₁ as long as a unit of x₂;
    in a square it fills its frame, where a wide or tall frame would leave empty bands."""

    def __init__(self, child: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.child = child
        self.square = True
        child.setParent(self)

    def set_square(self, square: bool) -> None:
        self.square = bool(square)
        self._place()

    def sizeHint(self) -> QSize:
        return self.child.sizeHint()

    def minimumSizeHint(self) -> QSize:
        return self.child.minimumSizeHint()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place()

    def _place(self) -> None:
        width, height = self.width(), self.height()
        if not self.square:
            self.child.setGeometry(0, 0, width, height)
            return
        side = min(width, height)
        self.child.setGeometry((width - side) // 2, (height - side) // 2, side, side)
