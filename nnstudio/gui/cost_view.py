"""The cost view: training and validation cost and accuracy against iterations."""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QSplitter, QVBoxLayout, QWidget

from ..engine import Record, TrainingReport
from ..session import Session
from .binding import bind
from .live_view_base import LiveView
from .plot_items import (
    TRAIN_COLOR,
    VAL_COLOR,
    make_curve,
    make_plot,
    set_range,
    steady_label,
    steady_range,
)
from .training_controller import TrainingController
from .view_data import ViewSnapshot

MAX_POINTS = 1_500  # cost curve points kept; older ones are thinned beyond this


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


class CostView(LiveView):
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

        self.plot = make_plot("costPlot", controller)
        self.plot.setLabel("left", self.tr("cost J"))
        self.plot.setLabel("bottom", self.tr("iteration"))
        self.cost_legend = self.plot.addLegend(offset=(-10, 10))
        self.cost_curve = make_curve(self.plot, TRAIN_COLOR, self.tr("training cost"), width=2)
        self.val_cost_curve = make_curve(
            self.plot, VAL_COLOR, self.tr("validation cost"), dashed=True
        )
        self.accuracy_plot = make_plot("accuracyPlot", controller)
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
        set_range(self.plot, x, y)

    def _keep_accuracy_range(self) -> None:
        """From a multiple of 10 below the lowest accuracy up to 100 %."""
        s = self.series
        acc = s.data[: s.n, 3:5]
        acc = acc[np.isfinite(acc)]
        if acc.size:
            lo = min(90.0, math.floor(float(acc.min()) * 10.0) * 10.0)
            if self._accuracy_low != lo:
                self._accuracy_low = lo
                set_range(self.accuracy_plot, None, (lo, 100.5))

    def set_snapshot(self, snapshot: ViewSnapshot) -> None:
        pass  # the cost view follows the reports, not the snapshots
