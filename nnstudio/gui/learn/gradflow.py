"""Gradient flow: ‖dW[l]‖ of every layer against the iterations, on a log scale.

The norms are kept in a :class:`~nnstudio.learn.FlowTable` that follows the session's history
record by record, so showing the tab in the middle of a long run costs the records it missed,
not the whole run. Curves are created once per layer (Qt-drawn paths of log10 ‖dW[l]‖ on a log
axis, at most ``DRAW_POINTS`` points each, every stretch's extremes kept) and redrawn from a
timer (at most 30 times a second) while the view is on screen. A line under the plot says in
plain words whether the early layers' gradients are vanishing or exploding.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ...learn import FlowTable, diagnose, gradient_flow
from ...training_run import History, keep_indices
from ..common import theme
from ..common.empty_state import EmptyState
from ..common.plot_items import PathCurve, make_curve, recolor, themed_plot

REDRAW_MS = 33
DRAW_POINTS = 2_000  # points drawn per layer at most (the table keeps every record)
MIN_DECADES = 3  # the log axis shows at least 3 decades, each labelled
LAYER_COLORS = pg.colormap.get("viridis")


class GradientFlowView(QWidget):
    """``set_history(history)`` shows a ``History`` (its ``step`` and ``grad_norms``: only the
    records new since the last call are read when it is the same history) or any source
    :func:`~nnstudio.learn.gradient_flow` reads; ``append(report)`` adds the records of one
    training report; ``clear()`` empties the plot."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("gradientFlowView")
        self.table = FlowTable()
        self._curves: list[PathCurve] = []
        self._drawn_n = -1  # records drawn last time (-1: draw again)
        layout = QVBoxLayout(self)
        self.plot = pg.PlotWidget(self)
        self.plot.setObjectName("gradientFlowPlot")
        self.plot.setMenuEnabled(False)
        self.plot.getViewBox().disableAutoRange()
        self.plot.getAxis("left").setLogMode(True)  # the curves hold log10 ‖dW‖
        # grid lines at the decades only: a grid across the x axis too would be repainted
        # with every new point
        self.plot.showGrid(x=False, y=True, alpha=0.3)
        self.plot.setLabel("bottom", self.tr("iteration"))
        self.plot.setLabel("left", self.tr("‖dW[l]‖ (log scale)"))
        self.plot.getAxis("left").enableAutoSIPrefix(False)
        # the legend is a row under the plot, where it covers no curve
        self.legend = pg.LegendItem(frame=False)
        self.plot.getPlotItem().layout.addItem(self.legend, 4, 1)
        themed_plot(self.plot)
        theme.follow(self, self.restyle)
        self.plot.setToolTip(
            self.tr(
                "The size ‖dW[l]‖ of each layer's weight gradient as training goes on. Back "
                "propagation multiplies by W[l]ᵀ and g′(Z[l]) once per layer on its way to "
                "layer 1: when those factors are small (sigmoid: g′ ≤ 1/4) the early layers get "
                "tiny gradients and barely learn (vanishing gradients); when they are large the "
                "gradients explode. Curves that stay close together are healthy."
            )
        )
        layout.addWidget(self.plot, 1)
        self.empty_state = EmptyState(
            self.plot,
            "gradientFlowEmptyState",
            self.tr("Train the network to see how large each layer's gradient is."),
        )
        self.diagnosis = QLabel(self)
        self.diagnosis.setObjectName("gradientFlowDiagnosis")
        self.diagnosis.setWordWrap(True)
        self.diagnosis.setToolTip(
            self.tr("What the latest gradients say, comparing layer 1 with the later layers.")
        )
        layout.addWidget(self.diagnosis)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REDRAW_MS)
        self._timer.timeout.connect(self.redraw)
        self.redraw()

    # -- data ------------------------------------------------------------------------------------
    def set_history(self, history: Any) -> None:
        """Show the norms of a ``History`` (or of a mapping with ``step`` and ``grad_norms``)."""
        if isinstance(history, History):
            changed = self.table.follow(history)
        else:
            self.table.load(gradient_flow(history))
            changed = True
        if changed:
            self._schedule()

    def append(self, report: Any) -> None:
        """Add the ‖dW[l]‖ of every record of a training report (records without them, and
        records at iterations already shown, are skipped)."""
        records = report.records
        if self.table.add([r.step for r in records], [r.grad_norms for r in records]):
            self._schedule()

    def clear(self) -> None:
        self.table.clear()
        self._schedule()

    def series(self) -> dict[int, tuple[np.ndarray, np.ndarray]]:
        """{l: (iterations, ‖dW[l]‖)}: every record held (positive values only), after a
        redraw."""
        self.redraw()
        flow = self.table.flow()
        return {l: flow.layer(l) for l in range(1, flow.L + 1)}

    def _schedule(self) -> None:
        self._drawn_n = -1
        if self.isVisible() and not self._timer.isActive():
            self._timer.start()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._drawn_n < 0:
            self.redraw()

    # -- drawing ---------------------------------------------------------------------------------
    def _ensure_curves(self, L: int) -> None:
        if len(self._curves) == L:
            return
        for curve in self._curves:
            self.plot.removeItem(curve)
        self.legend.clear()
        self._curves = []
        for l in range(1, L + 1):
            color = LAYER_COLORS.map(self._layer_shade(l, L), mode="qcolor")
            curve = make_curve(self.plot, color.name(), width=2)
            self.legend.addItem(curve, f"‖dW[{l}]‖")
            self._curves.append(curve)
        self.legend.setColumnCount(max(1, L))

    @staticmethod
    def _layer_shade(l: int, L: int) -> float:
        """Where layer l's colour lies on viridis: its dark end is left out on a dark plot."""
        low, high = (0.3, 1.0) if theme.current().dark else (0.0, 0.85)
        return low + (high - low) * (l - 1) / max(1, L - 1)

    def restyle(self) -> None:
        for l, curve in enumerate(self._curves, start=1):
            color = LAYER_COLORS.map(self._layer_shade(l, len(self._curves)), mode="qcolor")
            recolor(curve, color.name())

    def _show_decades(self, norms: np.ndarray) -> None:
        """Let the log axis span whole decades, at least ``MIN_DECADES`` of them, around the
        norms (an axis that labels only its decades would show one label for norms within
        one); ``norms`` is (records, L)."""
        values = np.asarray(norms, dtype=float)
        values = values[np.isfinite(values) & (values > 0)]
        if values.size == 0:
            self.plot.setYRange(-MIN_DECADES, 0, padding=0)
            return
        low = math.floor(math.log10(float(values.min())))
        high = math.ceil(math.log10(float(values.max())))
        missing = MIN_DECADES - (high - low)
        if missing > 0:
            low -= missing // 2 + missing % 2
            high += missing // 2
        self.plot.setYRange(low, high, padding=0)  # log10 of ‖dW‖: view coordinates

    def redraw(self) -> None:
        self._timer.stop()
        flow = self.table.flow()
        self._drawn_n = len(flow)
        self._ensure_curves(flow.L)
        for l, curve in enumerate(self._curves, start=1):
            steps, values = flow.layer(l)
            logs = np.log10(values)
            if len(steps) > DRAW_POINTS:  # thin what is drawn, keeping each stretch's extremes
                drawn = keep_indices(steps, logs, DRAW_POINTS)
                steps, logs = steps[drawn], logs[drawn]
            curve.setData(steps.astype(float), logs)
        if len(flow):
            first, last = float(flow.steps[0]), float(flow.steps[-1])
            self.plot.setXRange(first, max(last, first + 1), padding=0.02)
        self._show_decades(flow.norms)
        empty = not len(flow)
        # before any record the sentence sits in the middle of the plot, and the axes show no
        # values: there is nothing to measure yet
        if self.plot.getAxis("left").style["showValues"] == empty:  # (restyling relayouts)
            for side in ("left", "bottom"):
                self.plot.getAxis(side).setStyle(showValues=not empty)
        self.empty_state.show_when(empty)
        self.diagnosis.setText("" if empty else self._diagnosis_text(flow.last()))

    def _diagnosis_text(self, norms: Any) -> str:
        kind, ratio = diagnose(list(norms))
        if kind == "vanishing":
            return self.tr(
                "Vanishing gradients: layer 1 gets about {r} of the gradient of a later layer, so "
                "the first layers hardly learn. Try ReLU in the hidden layers, He or Xavier "
                "initialisation, or fewer layers."
            ).format(r=_fraction(ratio))
        if kind == "exploding":
            return self.tr(
                "Exploding gradients: some ‖dW[l]‖ is very large. Lower the learning rate, or "
                "start from smaller weights (Xavier or He initialisation)."
            )
        if kind == "small":
            return self.tr(
                "All gradients are tiny: training has converged, or it is stuck on a plateau."
            )
        if kind == "healthy":
            return self.tr("The gradients reach every layer: no sign of vanishing or exploding.")
        return self.tr("Train the network to see how large each layer's gradient is.")


def _fraction(ratio: float) -> str:
    if ratio <= 0 or not np.isfinite(ratio):
        return "0"
    return f"1/{1 / ratio:,.0f}"
