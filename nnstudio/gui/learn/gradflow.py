"""Gradient flow: ‖dW[l]‖ of every layer against the iterations, on a log scale.

Curves are created once per layer and updated with ``setData`` from a timer (at most 30 times a
second), however often training reports. A line under the plot says in plain words whether the
early layers' gradients are vanishing or exploding.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ...learn import diagnose, gradient_flow
from ..common import theme
from ..common.empty_state import EmptyState
from ..common.plot_items import themed_plot

REDRAW_MS = 33
MIN_DECADES = 3  # the log axis shows at least 3 decades, each labelled
LAYER_COLORS = pg.colormap.get("viridis")


class GradientFlowView(QWidget):
    """``set_history(history)`` shows a whole ``History`` (its ``step`` and ``grad_norms``);
    ``append(report)`` adds the records of one training report; ``clear()`` empties the plot."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("gradientFlowView")
        self._steps: list[int] = []
        self._norms: list[tuple[float, ...]] = []
        self._curves: list[pg.PlotDataItem] = []
        layout = QVBoxLayout(self)
        self.plot = pg.PlotWidget(self)
        self.plot.setObjectName("gradientFlowPlot")
        self.plot.setLogMode(x=False, y=True)
        self.plot.showGrid(x=True, y=True, alpha=0.3)
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
        """Show the norms of a ``History`` (or a mapping with ``step`` and ``grad_norms``)."""
        flow = gradient_flow(history)
        self._steps = [int(s) for s in flow.steps]
        self._norms = [tuple(float(v) for v in row) for row in flow.norms]
        self._schedule()

    def append(self, report: Any) -> None:
        """Add the ‖dW[l]‖ of every record of a training report (records without them, and
        records at iterations already shown, are skipped)."""
        added = False
        for record in report.records:
            if not record.grad_norms or (self._steps and record.step <= self._steps[-1]):
                continue
            self._steps.append(int(record.step))
            self._norms.append(tuple(float(v) for v in record.grad_norms))
            added = True
        if added:
            self._schedule()

    def clear(self) -> None:
        self._steps, self._norms = [], []
        self._schedule()

    def series(self) -> dict[int, tuple[np.ndarray, np.ndarray]]:
        """{l: (iterations, ‖dW[l]‖)} as plotted (positive values only), after a redraw."""
        self.redraw()
        flow = gradient_flow({"step": self._steps, "grad_norms": self._norms})
        return {l: flow.layer(l) for l in range(1, flow.L + 1)}

    def _schedule(self) -> None:
        if not self._timer.isActive():
            self._timer.start()

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
            curve = self.plot.plot([], [], pen=pg.mkPen(color, width=2))
            self.legend.addItem(curve, f"‖dW[{l}]‖")
            # the data keep every record; only the drawing thins a long run (peaks kept)
            curve.setDownsampling(auto=True, method="peak")
            curve.setClipToView(True)
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
            curve.setPen(pg.mkPen(color, width=2))

    def _show_decades(self, norms: np.ndarray) -> None:
        """Let the log axis span whole decades, at least ``MIN_DECADES`` of them, around the
        norms (an axis that labels only its decades would show one label for norms within
        one); ``norms`` is (records, L)."""
        values = np.asarray(norms, dtype=float)
        values = values[np.isfinite(values) & (values > 0)]
        if values.size == 0:
            self.plot.enableAutoRange(axis="y")
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
        flow = gradient_flow({"step": self._steps, "grad_norms": self._norms})
        self._ensure_curves(flow.L)
        for l, curve in enumerate(self._curves, start=1):
            steps, values = flow.layer(l)
            curve.setData(steps.astype(float), values)
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
