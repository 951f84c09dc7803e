"""Live views of training: the cost curve, the activations and the decision boundary.

Every view draws what :class:`~.training_controller.TrainingController` hands it: reports
(``reportReceived``) and finished arrays (``viewsChanged``, a :class:`~.view_data.ViewSnapshot`
computed in the training thread). Plot items are created once and updated with ``setData`` /
``setImage``; the controller emits at most 30 updates a second, and a view that is hidden (a
tab in the background) keeps only the latest snapshot and draws it when it is shown.
"""

from __future__ import annotations

import math
import time
from collections.abc import Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import (
    QColor,
    QImage,
    QPainterPath,
    QPen,
    QPixmap,
    QShowEvent,
    QTransform,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGraphicsPathItem,
    QGraphicsPixmapItem,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ..engine import Record, TrainingReport
from ..session import Session
from .binding import bind
from .style import CLASS_COLORS, NEGATIVE_COLOR, POSITIVE_COLOR, REGRESSION_COLOR, subscript
from .training_controller import TrainingController
from .view_data import BOUNDED_LEVELS, LayerView, ViewSnapshot

MAX_POINTS = 1_500  # cost curve points kept; older ones are thinned beyond this
MAX_SCATTER = 2_000  # data points drawn behind the decision map
TRAIN_COLOR = "#1f77b4"
VAL_COLOR = "#ff7f0e"


def diverging_colormap() -> pg.ColorMap:
    """Orange (negative) → white (0) → blue (positive), as the diagram draws weights."""
    return pg.ColorMap(
        pos=[0.0, 0.5, 1.0],
        color=[QColor(NEGATIVE_COLOR), QColor("#ffffff"), QColor(POSITIVE_COLOR)],
    )


def diverging_lut(n: int = 256) -> np.ndarray:
    """(n, 4) uint8 RGBA colours of :func:`diverging_colormap`."""
    rgb = np.asarray(diverging_colormap().getLookupTable(0.0, 1.0, n, alpha=False))
    return np.concatenate([rgb[:, :3], np.full((n, 1), 255, dtype=rgb.dtype)], axis=1).astype(
        np.uint8
    )


class PathCurve(QGraphicsPathItem):
    """A curve drawn by Qt alone: a QGraphicsPathItem (no Python paint method, so stroking it
    runs without holding Python's GIL), with what pyqtgraph's PlotItem and legend ask of a data
    item (``implements("plotData")``, ``name()``, ``opts``, ``getData()``)."""

    def __init__(self, pen: QPen, name: str = "") -> None:
        super().__init__()
        self.setPen(pen)
        self.opts = {"pen": pen, "name": name}
        self._x = np.empty(0)
        self._y = np.empty(0)

    def implements(self, interface: str | None = None) -> bool | list[str]:
        return ["plotData"] if interface is None else interface == "plotData"

    def name(self) -> str:
        return self.opts["name"]

    def setData(self, x: Sequence[float], y: Sequence[float], connect: str = "finite") -> None:
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


def make_curve(
    plot: pg.PlotWidget, color: str, name: str = "", width: float = 1, dashed: bool = False
) -> PathCurve:
    """A :class:`PathCurve` in ``plot`` (and in its legend when it has one and ``name``)."""
    pen = pg.mkPen(color, width=width, style=Qt.DashLine if dashed else Qt.SolidLine)
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
        self.item.setTransformationMode(Qt.FastTransformation)
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
        image = QImage(data, w, h, 4 * w, QImage.Format_RGBA8888)
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


def _set_range(
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
        self.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Fixed)
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


def _plot(name: str, controller: TrainingController) -> pg.PlotWidget:
    widget = pg.PlotWidget(background="w")
    widget.setObjectName(name)
    widget.setMenuEnabled(False)
    widget.getViewBox().disableAutoRange()
    # no grid: its translucent lines across the whole plot cost more than the data to paint
    for side in ("left", "bottom"):
        widget.getAxis(side).enableAutoSIPrefix(False)
    return widget


class _LiveView(QWidget):
    """A view that draws through the controller's frame scheduler.

    An update only records what is new (cheap) and marks the view's ``PARTS`` (its plots) as
    dirty; when it is this view's turn, the scheduler calls :meth:`draw_pending`, which redraws
    one dirty part and asks for another turn if more are dirty, so one frame never paints more
    than one plot. A hidden view draws everything when it is shown.
    """

    PARTS: tuple[str, ...] = ("all",)
    uses_snapshots = True  # draws the ViewSnapshots the training thread computes

    def __init__(
        self, session: Session, controller: TrainingController, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.controller = controller
        self.snapshot: ViewSnapshot | None = None  # the one being drawn
        self._pending: ViewSnapshot | None = controller.views
        self._dirty_parts: set[str] = set(self.PARTS) if self._pending is not None else set()
        self._last_part = ""
        self.updates = 0  # parts drawn (for tests and the benchmark)
        controller.viewsChanged.connect(self.set_snapshot)
        controller.frames.register(self)

    def set_snapshot(self, snapshot: ViewSnapshot) -> None:
        self._pending = snapshot
        self.mark_dirty(*self.PARTS)

    def mark_dirty(self, *parts: str) -> None:
        self._dirty_parts.update(parts)
        self.request_draw()

    def request_draw(self) -> None:
        self.controller.frames.request(self)

    def has_pending(self) -> bool:
        return bool(self._dirty_parts)

    def _adopt(self) -> None:
        if self._pending is not None:
            self.snapshot, self._pending = self._pending, None

    def draw_pending(self) -> None:
        """Draw the next dirty part (in PARTS order, after the one drawn last)."""
        self._adopt()
        if not self._dirty_parts:
            return
        order = list(self.PARTS)
        start = order.index(self._last_part) + 1 if self._last_part in order else 0
        part = next(p for p in order[start:] + order[:start] if p in self._dirty_parts)
        self._dirty_parts.discard(part)
        self._last_part = part
        self.updates += 1
        self.draw_part(part)
        if self._dirty_parts:
            self.request_draw()

    def draw_all(self) -> None:
        """Draw every dirty part now."""
        self._adopt()
        parts, self._dirty_parts = self._dirty_parts, set()
        for part in self.PARTS:
            if part in parts:
                self.updates += 1
                self.draw_part(part)

    def draw_part(self, part: str) -> None:
        if self.snapshot is not None:
            self.draw(self.snapshot)

    def draw(self, snapshot: ViewSnapshot) -> None:
        raise NotImplementedError

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.has_pending():
            self.draw_all()


# -- cost and accuracy ----------------------------------------------------------------------
class _Series:
    """Growing arrays of the records (step, cost, val cost, accuracy, val accuracy); beyond
    MAX_POINTS the older half is thinned to every other point (the plot is a few hundred pixels
    wide, and fewer points keep each frame cheap)."""

    def __init__(self) -> None:
        self.data = np.empty((0, 5))
        self.n = 0

    def clear(self) -> None:
        self.data = np.empty((0, 5))
        self.n = 0

    @property
    def last_step(self) -> float:
        return float(self.data[self.n - 1, 0]) if self.n else -1.0

    def extend(self, rows: Sequence[Sequence[float | None]]) -> None:
        new = np.array(rows, dtype=np.float64).reshape(-1, 5)  # None → nan
        if self.n + len(new) > len(self.data):
            grown = np.empty((max(2 * len(self.data), self.n + len(new), 256), 5))
            grown[: self.n] = self.data[: self.n]
            self.data = grown
        self.data[self.n : self.n + len(new)] = new
        self.n += len(new)
        if self.n > MAX_POINTS:
            half = self.n // 2
            joined = np.concatenate([self.data[:half:2], self.data[half : self.n]])
            self.n = len(joined)
            self.data[: self.n] = joined

    def column(self, i: int) -> np.ndarray:
        return self.data[: self.n, i]


def _row(r: Record) -> tuple[float | None, ...]:
    return (r.step, r.cost, r.val_cost, r.accuracy, r.val_accuracy)


class CostView(_LiveView):
    """Training and validation cost against iterations (``costPlot``, whose first curve is the
    training cost; log scale optional) above training and validation accuracy
    (``accuracyPlot``)."""

    PARTS = ("cost", "accuracy")
    uses_snapshots = False

    def __init__(
        self, session: Session, controller: TrainingController, parent: QWidget | None = None
    ) -> None:
        super().__init__(session, controller, parent)
        self.setObjectName("costView")
        self.series = _Series()
        self._expected_history_step: int | None = None
        self._refit = True
        self._accuracy_low: float | None = None
        self._shown: dict[int, bool] = {}  # curve → has data

        self.plot = _plot("costPlot", controller)
        self.plot.setLabel("left", self.tr("cost J"))
        self.plot.setLabel("bottom", self.tr("iteration"))
        self.cost_legend = self.plot.addLegend(offset=(-10, 10))
        self.cost_curve = make_curve(self.plot, TRAIN_COLOR, self.tr("training cost"), width=2)
        self.val_cost_curve = make_curve(
            self.plot, VAL_COLOR, self.tr("validation cost"), dashed=True
        )
        self.accuracy_plot = _plot("accuracyPlot", controller)
        self.accuracy_plot.setLabel("left", self.tr("accuracy (%)"))
        self.accuracy_plot.setLabel("bottom", self.tr("iteration"))
        self.accuracy_legend = self.accuracy_plot.addLegend(offset=(-10, -10))
        self.accuracy_plot.setXLink(self.plot)
        self.accuracy_curve = make_curve(
            self.accuracy_plot, TRAIN_COLOR, self.tr("training accuracy")
        )
        self.val_accuracy_curve = make_curve(
            self.accuracy_plot, VAL_COLOR, self.tr("validation accuracy"), dashed=True
        )

        self.log_scale = QCheckBox(self.tr("Logarithmic cost axis"))
        self.log_scale.setObjectName("logScaleCheckBox")
        self.log_scale.setToolTip(
            self.tr("A log scale shows the cost's late, slow progress that a linear axis flattens.")
        )
        self.log_scale.toggled.connect(self.set_log_scale)
        self.summary = steady_label("costSummaryLabel")
        self.summary.setAlignment(Qt.AlignRight | Qt.AlignVCenter)

        bar = QHBoxLayout()
        bar.addWidget(self.log_scale)
        bar.addStretch(1)
        bar.addWidget(self.summary)
        splitter = QSplitter(Qt.Vertical)
        splitter.addWidget(self.plot)
        splitter.addWidget(self.accuracy_plot)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)

        controller.reportReceived.connect(self.add_report)
        bind(session.events, "history", self, self._history_changed)
        bind(session.events, "data", self, self._task_changed)
        self._task_changed()
        self.load_history()

    def set_log_scale(self, on: bool) -> None:
        """Show log10 of the cost, with the axis labelled in powers of ten."""
        self.plot.getAxis("left").setLogMode(bool(on))
        self._refit = True
        self._dirty_parts.add("cost")
        self.redraw()

    def add_report(self, report: TrainingReport) -> None:
        """Append the report's records (in the GUI thread, from the controller)."""
        rows = [_row(r) for r in report.records if r.step > self.series.last_step]
        self._expected_history_step = report.step
        if rows:
            self.series.extend(rows)
            self.mark_dirty(*self.PARTS)

    def load_history(self) -> None:
        """Show ``session.history`` (after a reset, a new data set or opening a model file)."""
        h = self.session.history
        self.series.clear()
        rows = [
            (s, c, vc, a, va)
            for s, c, vc, a, va in zip(
                h.step, h.cost, h.val_cost, h.accuracy, h.val_accuracy, strict=False
            )
            if c is not None
        ]
        if rows:
            self.series.extend(rows)
        self._expected_history_step = h.last_step if h.step else None
        self._refit = True
        self.mark_dirty(*self.PARTS)

    def _history_changed(self) -> None:
        if self.controller.applying:
            return  # a report from training: its records come through add_report
        h = self.session.history
        if not h.step or h.step[-1] != self._expected_history_step:
            self.load_history()

    def _task_changed(self) -> None:
        classifies = self.session.output_activation != "linear"
        self.accuracy_plot.setVisible(classifies)
        # a legend only when there are two curves to tell apart (it is repainted with them)
        validation = self.session.prepared.validation.m > 0
        self.cost_legend.setVisible(validation)
        self.accuracy_legend.setVisible(validation)

    def cost_values(self) -> np.ndarray:
        """The training cost as drawn: log10 J on a log axis, else J."""
        return self._scaled(self.series.column(1))

    def _scaled(self, values: np.ndarray) -> np.ndarray:
        if not self.log_scale.isChecked():
            return values
        out = np.full(values.shape, np.nan)
        positive = values > 0
        out[positive] = np.log10(values[positive])
        return out

    def redraw(self) -> None:
        """Draw both plots now."""
        self._dirty_parts.update(self.PARTS)
        self.draw_all()

    def draw_part(self, part: str) -> None:
        s = self.series
        steps = s.column(0)
        if part == "cost":
            curves = ((self.cost_curve, 1), (self.val_cost_curve, 2))
        else:
            curves = ((self.accuracy_curve, 3), (self.val_accuracy_curve, 4))
        for curve, i in curves:
            values = self._scaled(s.column(i)) if i <= 2 else s.column(i) * 100.0
            finite = np.isfinite(values)
            if s.n and finite.any():
                curve.setData(steps, values, connect="all" if finite.all() else "finite")
                self._shown[id(curve)] = True
            elif self._shown.get(id(curve), True):
                curve.setData([], [])
                self._shown[id(curve)] = False
        if part == "cost":
            refit, self._refit = self._refit, False
            if refit:
                self._accuracy_low = None
            self._keep_cost_range(refit)
            if s.n:
                last = s.data[s.n - 1]
                text = self.tr("iteration {step} · cost {cost:.4g}").format(
                    step=int(last[0]), cost=last[1]
                )
                self.summary.show_text(text, now=not self.controller.is_running)
            else:
                self.summary.show_text(self.tr("Not trained yet"), now=True)
        else:
            self._keep_accuracy_range()

    def _keep_cost_range(self, refit: bool = False) -> None:
        """Ranges that hold still while a run goes on (redrawing an axis is the costly part of a
        frame): x from the first record to the end of the run (the accuracy plot follows); y
        from 0 to the largest cost (a log axis: steady around the values)."""
        s = self.series
        if not s.n:
            return
        steps = s.column(0)
        x0 = float(steps[0])
        x1 = float(self.controller.run_total) if self.controller.is_busy else float(steps[-1])
        x1 = max(x1, float(steps[-1]), x0 + 1.0)
        (cx0, cx1), (cy0, cy1) = self.plot.getViewBox().viewRange()
        x = (x0, x1) if refit or abs(cx0 - x0) > 1e-9 or abs(cx1 - x1) > 1e-9 else None
        costs = self._scaled(s.data[: s.n, 1:3])
        costs = costs[np.isfinite(costs)]
        y = None
        if costs.size:
            lo, hi = float(costs.min()), float(costs.max())
            if self.log_scale.isChecked():
                y = steady_range(None if refit else (cy0, cy1), lo, hi, fill=0.3)
            elif refit or hi > cy1 or cy0 != 0.0 or hi < 0.3 * cy1:
                y = (0.0, hi * 1.05 if hi > 0 else 1.0)
        _set_range(self.plot, x, y)

    def _keep_accuracy_range(self) -> None:
        """From a multiple of 10 below the lowest accuracy up to 100 %."""
        s = self.series
        acc = s.data[: s.n, 3:5]
        acc = acc[np.isfinite(acc)]
        if acc.size:
            lo = min(90.0, math.floor(float(acc.min()) * 10.0) * 10.0)
            if self._accuracy_low != lo:
                self._accuracy_low = lo
                _set_range(self.accuracy_plot, None, (lo, 100.5))

    def set_snapshot(self, snapshot: ViewSnapshot) -> None:
        pass  # the cost view follows the reports, not the snapshots


# -- activations -----------------------------------------------------------------------------
class ActivationsView(_LiveView):
    """Per layer: a heatmap of A[l] (units × a fixed batch of samples sorted by label) and a
    histogram of its values, with the share of saturated values and of dead relu units."""

    PARTS = ("heatmap", "histogram")

    def __init__(
        self, session: Session, controller: TrainingController, parent: QWidget | None = None
    ) -> None:
        super().__init__(session, controller, parent)
        self.setObjectName("activationsView")
        self.layer_combo = QComboBox()
        self.layer_combo.setObjectName("activationLayerCombo")
        self.layer_combo.setToolTip(self.tr("The layer l whose activations A[l] are shown"))
        self.layer_combo.currentIndexChanged.connect(self._layer_chosen)

        self.heatmap_plot = _plot("activationHeatmap", controller)
        self.heatmap_plot.setLabel("bottom", self.tr("sample (a fixed batch, sorted by label)"))
        self.heatmap_plot.setLabel("left", self.tr("unit"))
        self.heatmap_plot.invertY(True)
        self.heatmap = Raster(self.heatmap_plot)
        self._lut = diverging_lut()
        self.heatmap_bar = pg.ColorBarItem(
            values=(-1.0, 1.0), colorMap=diverging_colormap(), interactive=False, width=12
        )
        self.heatmap_plot.getPlotItem().layout.addItem(self.heatmap_bar, 2, 5)

        self.histogram_plot = _plot("activationHistogram", controller)
        self.histogram_plot.setLabel("left", self.tr("count"))
        # an outline only: filling the area under it costs more than the rest of the frame
        self.histogram_curve = make_curve(self.histogram_plot, TRAIN_COLOR)

        self.stats_label = steady_label("activationStatsLabel", lines=2)
        self.dead_label = steady_label("deadReluLabel", lines=2)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Layer:")))
        top.addWidget(self.layer_combo, 1)
        splitter = QSplitter(Qt.Horizontal)
        splitter.addWidget(self.heatmap_plot)
        splitter.addWidget(self.histogram_plot)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.stats_label)
        layout.addWidget(self.dead_label)
        self._layers_key: tuple[str, ...] = ()
        self._heat_shape: tuple[int, ...] = ()
        self._heat_top: float | None = None
        self._bar_levels: tuple[float, float] | None = None
        self._hist_x: tuple[float, float] | None = None
        self._hist_y: tuple[float, float] | None = None
        self._histogram_label = ""

    @property
    def layer(self) -> int:
        """The layer shown (1..L)."""
        return max(1, self.layer_combo.currentIndex() + 1)

    def select_layer(self, layer: int) -> None:
        if 1 <= layer <= self.layer_combo.count():
            self.layer_combo.setCurrentIndex(layer - 1)

    def _layer_chosen(self) -> None:
        self._heat_top = None
        self._hist_x = self._hist_y = None
        if self.snapshot is not None:
            self.draw(self.snapshot)

    def _sync_layers(self, snapshot: ViewSnapshot) -> None:
        key = tuple(f"{v.activation}:{v.units}" for v in snapshot.layers)
        if key == self._layers_key:
            return
        self._layers_key = key
        self._heat_top, self._heat_shape = None, ()
        self._hist_x = self._hist_y = None
        current = self.layer_combo.currentIndex()
        self.layer_combo.blockSignals(True)
        self.layer_combo.clear()
        L = len(snapshot.layers)
        for v in snapshot.layers:
            kind = self.tr("output") if v.layer == L else self.tr("hidden")
            self.layer_combo.addItem(
                self.tr("Layer {l} ({kind}): {n} {act} units, A[{l}] is ({n}, m)").format(
                    l=v.layer, kind=kind, n=v.units, act=v.activation
                )
            )
        self.layer_combo.setCurrentIndex(min(max(current, 0), L - 1))
        self.layer_combo.blockSignals(False)

    def _current(self, snapshot: ViewSnapshot) -> LayerView | None:
        if not snapshot.layers:
            return None
        self._sync_layers(snapshot)
        return snapshot.layers[min(self.layer, len(snapshot.layers)) - 1]

    def draw_part(self, part: str) -> None:
        snapshot = self.snapshot
        view = None if snapshot is None else self._current(snapshot)
        if snapshot is None or view is None:
            return
        if part == "heatmap":
            self._draw_heatmap(view)
        else:
            self._draw_histogram(view)
            self._draw_dead(snapshot)

    def draw(self, snapshot: ViewSnapshot) -> None:
        view = self._current(snapshot)
        if view is not None:
            self._draw_heatmap(view)
            self._draw_histogram(view)
            self._draw_dead(snapshot)

    def _draw_dead(self, snapshot: ViewSnapshot) -> None:
        relu = [v for v in snapshot.layers if v.dead_units is not None]
        if relu:
            parts = [
                self.tr("layer {l}: {dead} of {n}").format(
                    l=v.layer, dead=len(v.dead_units or ()), n=v.units
                )
                for v in relu
            ]
            fraction = snapshot.dead_relu_fraction or 0.0
            self.dead_label.show_text(
                self.tr("Dead relu units (0 for every sample): {share:.0f} % — {parts}").format(
                    share=100 * fraction, parts=", ".join(parts)
                ),
                now=not self.controller.is_running,
            )
        else:
            self.dead_label.show_text(self.tr("No relu layer, so no dead relu units."), now=True)

    def _draw_heatmap(self, view: LayerView) -> None:
        heat = view.heatmap
        if not heat.size:
            return
        levels = self._steady_heat_levels(view)
        self.heatmap.set_values(heat, levels, self._lut)
        if heat.shape != self._heat_shape:
            self._heat_shape = heat.shape
            # unit k (1-based) is the row centred on y = k
            self.heatmap.set_rect(0, 0.5, heat.shape[1], heat.shape[0])
            _set_range(self.heatmap_plot, (0, heat.shape[1]), (0.5, heat.shape[0] + 0.5))
        if levels != self._bar_levels:
            self._bar_levels = levels
            self.heatmap_bar.setLevels(levels)

    def _draw_histogram(self, view: LayerView) -> None:
        edges, counts = view.hist_edges, view.hist_counts
        self.histogram_curve.setSteps(edges, counts)
        lo, hi = float(edges[0]), float(edges[-1])
        if view.activation in BOUNDED_LEVELS:
            x = (lo, hi) if self._hist_x != (lo, hi) else None
        else:
            x = steady_range(self._hist_x, lo, hi, fill=0.6, pad=0.0)
        top = float(counts.max()) if counts.size else 1.0
        y = steady_range(self._hist_y, 0.0, max(top, 1.0), fill=0.6, pad=0.0)
        if y is not None:
            y = (0.0, y[1] * 1.1)
        self._hist_x = x or self._hist_x
        self._hist_y = y or self._hist_y
        _set_range(self.histogram_plot, x, y)
        label = self.tr("value of A[{l}] ({act})").format(l=view.layer, act=view.activation)
        if label != self._histogram_label:
            self._histogram_label = label
            self.histogram_plot.setLabel("bottom", label)
        self.stats_label.show_text(self._stats(view), now=not self.controller.is_running)

    def _steady_heat_levels(self, view: LayerView) -> tuple[float, float]:
        """Bounded functions keep their fixed range; otherwise the symmetric range changes only
        when the values outgrow it or shrink below half of it."""
        if view.activation in BOUNDED_LEVELS:
            return view.heat_levels
        top = max(abs(view.heat_levels[0]), abs(view.heat_levels[1]))
        current = self._heat_top
        if current is None or top > current or top < 0.5 * current:
            current = self._heat_top = top * 1.1
        return (-current, current)

    def _stats(self, view: LayerView) -> str:
        values = self.tr("{n} units × {b} samples").format(
            n=view.units, b=int(view.hist_counts.sum()) // max(view.units, 1)
        )
        if view.saturated_fraction is not None:
            return self.tr(
                "{values}; {share:.0f} % of the values sit in a flat end of {act}, where its "
                "slope g′(z) is nearly 0 and learning slows down."
            ).format(values=values, share=100 * view.saturated_fraction, act=view.activation)
        if view.dead_units:
            return self.tr(
                "{values}; {dead} of {n} units output 0 for every sample: a dead relu gets no "
                "gradient and stops learning."
            ).format(values=values, dead=len(view.dead_units), n=view.units)
        if view.dead_units is not None:
            return self.tr(
                "{values}; every unit is positive for some sample, so none is dead."
            ).format(values=values)
        return values


# -- decision boundary ------------------------------------------------------------------------
class DecisionView(_LiveView):
    """The model's output over the input plane behind the data (two features), or the fitted
    curve over the data (one feature). ``set_selected_unit(layer, unit)`` shows one unit's own
    output instead (layer 0 = an input feature)."""

    selectionChanged = Signal()

    def __init__(
        self, session: Session, controller: TrainingController, parent: QWidget | None = None
    ) -> None:
        super().__init__(session, controller, parent)
        self.setObjectName("decisionView")
        self.selected: tuple[int, int] | None = None
        self._ranged_for: object = None
        self.title = steady_label("decisionTitle", lines=2)
        self.output_button = QPushButton(self.tr("Show the output"))
        self.output_button.setObjectName("showOutputButton")
        self.output_button.setToolTip(
            self.tr("Show the network's output again instead of the unit chosen in the diagram")
        )
        self.output_button.clicked.connect(self.clear_selected_unit)
        self.output_button.setVisible(False)
        self.plot = _plot("decisionPlot", controller)
        self.plot.setAspectLocked(False)
        self.class_map = Raster(self.plot)
        self.value_map = Raster(self.plot)
        self._lut = diverging_lut()
        self.fit_curve = make_curve(self.plot, "#222222", width=3)
        self.unit_curve = make_curve(self.plot, "#c2185b", width=2, dashed=True)
        self.class_curves: list[PathCurve] = []
        self.points = pg.ScatterPlotItem(size=7, pen=pg.mkPen("w", width=1))
        self.val_points = pg.ScatterPlotItem(size=7, brush=pg.mkBrush(None))
        self.plot.addItem(self.points)
        self.plot.addItem(self.val_points)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.output_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.plot, 1)
        bind(session.events, "data", self, self.load_data)
        self.load_data()

    # -- selection --------------------------------------------------------------------------
    def set_selected_unit(self, layer: int | None, unit: int | None = None) -> None:
        """Show unit ``unit`` (0-based) of layer ``layer`` (0 = input, L = output); None (or a
        unit that does not exist) goes back to the network's output."""
        self.selected = None if layer is None or unit is None else (int(layer), int(unit))
        self.output_button.setVisible(self.selected is not None)
        if self._pending is not None or self.snapshot is not None:
            self.mark_dirty(*self.PARTS)
        self.selectionChanged.emit()

    def clear_selected_unit(self) -> None:
        self.set_selected_unit(None)

    # -- data -------------------------------------------------------------------------------
    def load_data(self) -> None:
        """The training points (and hollow validation points), drawn once per data set."""
        prepared = self.session.prepared
        train, val = prepared.train, prepared.validation
        n0 = train.n_features
        task = train.task
        self.plot.setLabel("bottom", train.feature_names[0] if n0 else "")
        if n0 == 2:
            self.plot.setLabel("left", train.feature_names[1])
        elif n0 == 1:
            self.plot.setLabel("left", self.tr("label y") if task == "regression" else "ŷ")
        for dataset, item, filled in ((train, self.points, True), (val, self.val_points, False)):
            if n0 not in (1, 2) or dataset.m == 0:
                item.setData([], [])
                continue
            step = max(1, math.ceil(dataset.m / MAX_SCATTER))
            X = dataset.X[:, ::step]
            y = dataset.Y.reshape(-1)[::step]
            xs = X[0]
            ys = X[1] if n0 == 2 else y.astype(np.float64)
            if task == "regression":
                colors = [QColor(REGRESSION_COLOR)] * len(xs)
            else:
                palette = [QColor(c) for c in CLASS_COLORS]
                colors = [palette[int(k) % len(palette)] for k in y]
            if filled:
                item.setData(xs, ys, brush=[pg.mkBrush(c) for c in colors])
            else:
                item.setData(xs, ys, pen=[pg.mkPen(c, width=1.5) for c in colors])
        K = train.n_classes if task == "multiclass" else 0
        while len(self.class_curves) < K:
            color = QColor(CLASS_COLORS[len(self.class_curves) % len(CLASS_COLORS)])
            self.class_curves.append(make_curve(self.plot, color.name(), width=2))
        for curve in self.class_curves:
            curve.setData([], [])
        self._ranged_for = None

    # -- drawing ----------------------------------------------------------------------------
    def draw(self, snapshot: ViewSnapshot) -> None:
        probe = snapshot.probe
        if self._ranged_for is not probe:
            self._ranged_for = probe
            x0, x1, y0, y1 = probe.extent
            if probe.mode == "plane":
                self.plot.setRange(xRange=(x0, x1), yRange=(y0, y1), padding=0)
            elif probe.mode == "curve":
                self.plot.setRange(xRange=(x0, x1), yRange=(y0, y1), padding=0.02)
        if probe.mode == "plane":
            self._draw_plane(snapshot)
        elif probe.mode == "curve":
            self._draw_curve(snapshot)
        else:
            for item in (self.class_map, self.value_map):
                item.setVisible(False)
            self.fit_curve.setData([], [])
            self.unit_curve.setData([], [])
            n0 = probe.X.shape[0]
            self.title.setText(
                self.tr(
                    "The input space can be drawn for data with one or two features; this data "
                    "has n[0] = {n0}. The cost and activation views still follow training."
                ).format(n0=n0)
            )

    def _place(self, item: Raster, snapshot: ViewSnapshot) -> None:
        """Pixel (i, j) centred on the grid point (x_j, y_i)."""
        x0, x1, y0, y1 = snapshot.probe.extent
        gy, gx = snapshot.probe.grid_shape
        dx = (x1 - x0) / max(gx - 1, 1)
        dy = (y1 - y0) / max(gy - 1, 1)
        item.set_rect(x0 - dx / 2, y0 - dy / 2, x1 - x0 + dx, y1 - y0 + dy)

    def _draw_plane(self, snapshot: ViewSnapshot) -> None:
        self.fit_curve.setData([], [])
        self.unit_curve.setData([], [])
        unit = self._unit_values(snapshot)
        if unit is not None:
            values, levels, title = unit
            self._show_values(snapshot, values, levels)
            self.title.setText(title)
            return
        if snapshot.output_image is not None:
            self.value_map.setVisible(False)
            self.class_map.setVisible(True)
            self.class_map.set_rgba(snapshot.output_image)
            self._place(self.class_map, snapshot)
            self.title.setText(self._output_title(snapshot))
        elif snapshot.output_values is not None:
            self._show_values(snapshot, snapshot.output_values, snapshot.output_levels)
            self.title.setText(self.tr("Output ŷ over the input plane (regression)"))

    def _show_values(
        self, snapshot: ViewSnapshot, values: np.ndarray, levels: tuple[float, float]
    ) -> None:
        self.class_map.setVisible(False)
        self.value_map.setVisible(True)
        self.value_map.set_values(values, levels, self._lut)
        self._place(self.value_map, snapshot)

    def _output_title(self, snapshot: ViewSnapshot) -> str:
        L = snapshot.L
        if snapshot.probe.task == "multiclass":
            return self.tr(
                "Output A[{L}]: each point takes the colour of its likeliest class, paler where "
                "the network is unsure"
            ).format(L=L)
        return self.tr(
            "Output A[{L}] = ŷ, the probability of class 1: the boundary ŷ = 0.5 is where the "
            "colour turns"
        ).format(L=L)

    def _unit_name(self, layer: int, unit: int, L: int) -> str:
        if layer == 0:
            return self.tr("input x{k}").format(k=subscript(unit + 1))
        where = (
            self.tr("output layer") if layer == L else self.tr("hidden layer {l}").format(l=layer)
        )
        return self.tr("unit {k} of the {where}, a[{l}]{sub}").format(
            k=unit + 1, where=where, l=layer, sub=subscript(unit + 1)
        )

    def _unit_values(
        self, snapshot: ViewSnapshot
    ) -> tuple[np.ndarray, tuple[float, float], str] | None:
        if self.selected is None:
            return None
        layer, unit = self.selected
        probe = snapshot.probe
        name = self._unit_name(layer, unit, snapshot.L)
        if layer == 0 and probe.grid is not None and 0 <= unit < 2:
            gy, gx = probe.grid_shape
            values = probe.grid[unit].reshape(gy, gx)
            lo, hi = float(values.min()), float(values.max())
            top = max(abs(lo), abs(hi), 1e-6)
            return (
                values,
                (-top, top),
                self.tr("The value of {name} over the plane").format(name=name),
            )
        found = snapshot.unit_map(layer, unit)
        if found is None:
            return None
        values, levels = found
        act = snapshot.layers[layer - 1].activation
        title = self.tr(
            "Output of {name} ({act}) over the input plane: white is {mid}, blue above, "
            "orange below"
        ).format(name=name, act=act, mid=f"{(levels[0] + levels[1]) / 2:g}")
        return values, levels, title

    def _draw_curve(self, snapshot: ViewSnapshot) -> None:
        for item in (self.class_map, self.value_map):
            item.setVisible(False)
        x = snapshot.probe.curve_x
        out = snapshot.output_curve
        if x is None or out is None:
            return
        if out.shape[0] == 1:
            self.fit_curve.setData(x, out[0])
            for curve in self.class_curves:
                curve.setData([], [])
        else:
            self.fit_curve.setData([], [])
            for k, curve in enumerate(self.class_curves):
                if k < out.shape[0]:
                    curve.setData(x, out[k])
        if snapshot.probe.task == "regression":
            title = self.tr("The fitted curve ŷ(x) over the data")
        else:
            title = self.tr("The predicted probability over the input x")
        self.unit_curve.setData([], [])
        if self.selected is not None:
            layer, unit = self.selected
            values = snapshot.unit_curve(layer, unit) if layer >= 1 else None
            if values is not None:
                self.unit_curve.setData(x, values)
                y0, y1 = snapshot.probe.extent[2:]
                finite = values[np.isfinite(values)]
                if finite.size:
                    lo, hi = min(y0, float(finite.min())), max(y1, float(finite.max()))
                    current = self.plot.getViewBox().viewRange()[1]
                    _set_range(self.plot, None, steady_range(current, lo, hi, fill=0.5))
                name = self._unit_name(layer, unit, snapshot.L)
                title = self.tr("{title}; dashed: {name}").format(title=title, name=name)
        self.title.setText(title)
