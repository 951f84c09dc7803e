"""The cost view: training and dev (validation) cost and accuracy against iterations."""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QSplitter, QVBoxLayout, QWidget

from ...engine import Record, TrainingReport
from ...learn import ViewSnapshot
from ...session import Session
from ...training_run import MAX_POINTS, REDUCED_POINTS, keep_indices
from ..common import theme
from ..common.binding import bind
from ..common.plot_items import (
    TRAIN_COLOR,
    VAL_COLOR,
    make_curve,
    make_plot,
    recolor,
    set_range,
    steady_label,
    steady_range,
)
from ..training import TrainingController
from .change_marks import ChangeMarks
from .cost_terms import CostTerms
from .learning_rate_plot import LearningRatePlot
from .live_view_base import LiveView

DRAW_POINTS = 2_000  # points drawn per curve at most (the data keep every record)
AUTO_LOG_DECADES = 6.0  # a cost spanning this many powers of ten gets a logarithmic axis
COLUMNS = 7  # step, cost, val cost, accuracy, val accuracy, penalty, learning rate


class _Series:
    """Growing arrays of the records (step, cost, val cost, accuracy, val accuracy, the cost's
    regularisation term, the learning rate in use): the same
    points as the session's history, reduced the same way at the same moment (beyond
    ``MAX_POINTS`` records, :func:`~nnstudio.training_run.keep_indices` on the cost)."""

    def __init__(self) -> None:
        self.data = np.empty((0, COLUMNS))
        self.n = 0

    def clear(self) -> None:
        self.data = np.empty((0, COLUMNS))
        self.n = 0

    @property
    def last_step(self) -> float:
        return float(self.data[self.n - 1, 0]) if self.n else -1.0

    def extend(self, rows: Sequence[Sequence[float | None]]) -> None:
        new = np.array(rows, dtype=np.float64).reshape(-1, COLUMNS)  # None → nan
        while len(new):
            # up to the record that makes the history reduce itself, then reduce as it does
            take = new[: max(1, MAX_POINTS + 1 - self.n)]
            new = new[len(take) :]
            if self.n + len(take) > len(self.data):
                grown = np.empty((max(2 * len(self.data), self.n + len(take), 256), COLUMNS))
                grown[: self.n] = self.data[: self.n]
                self.data = grown
            self.data[self.n : self.n + len(take)] = take
            self.n += len(take)
            if self.n > MAX_POINTS:
                keep = keep_indices(self.column(0), self.column(1), REDUCED_POINTS)
                self.data[: len(keep)] = self.data[keep]
                self.n = len(keep)

    def column(self, i: int) -> np.ndarray:
        return self.data[: self.n, i]


def _row(r: Record) -> tuple[float | None, ...]:
    return (r.step, r.cost, r.val_cost, r.accuracy, r.val_accuracy, r.penalty, r.learning_rate)


class CostView(LiveView):
    """Training and validation cost against iterations (``costPlot``, whose first curve is the
    training cost; log scale optional) above training and validation accuracy
    (``accuracyPlot``).

    The curves always hold the open model's history: a new model (New, Open, an example,
    another data set, an edit) reloads it. The cost axis shows costs as they are (no SI
    prefix), and switches itself to a logarithmic scale, saying so, when the costs span
    AUTO_LOG_DECADES or more powers of ten (a run that exploded); the learner can switch it
    back."""

    PARTS = ("cost", "accuracy")
    uses_snapshots = False

    def __init__(
        self, session: Session, controller: TrainingController, parent: QWidget | None = None
    ) -> None:
        super().__init__(session, controller, parent)
        self.setObjectName("costView")
        self.series = _Series()
        self._history: object = None  # the session's History the curves hold
        self._expected_history_step: int | None = None
        self._auto_log = False  # the log axis was chosen because the costs span many decades
        self._keep_linear = False  # the learner turned the automatic log axis off
        self._refit = True
        self._accuracy_low: float | None = None
        self._shown: dict[int, bool] = {}  # curve → has data

        self.plot = make_plot("costPlot")
        self.plot.setLabel("left", self.tr("cost J"))
        self.plot.setLabel("bottom", self.tr("iteration"))
        self.cost_legend = self.plot.addLegend(offset=(-10, 10))
        # before any record: what to do, and no numbers on axes that have nothing to measure
        self.empty_hint = pg.TextItem(
            self.tr("Train the network to see its cost"),
            color=theme.current().muted_text,
            anchor=(0.5, 0.5),
        )
        self.empty_hint.setPos(0.5, 0.5)
        self.plot.addItem(self.empty_hint, ignoreBounds=True)
        self.cost_curve = make_curve(self.plot, TRAIN_COLOR, self.tr("training cost"), width=2)
        self.val_cost_curve = make_curve(self.plot, VAL_COLOR, self.tr("dev cost"), dashed=True)
        self.change_marks = ChangeMarks(self.plot)  # where α, λ or λ₁ changed during a run
        self.terms = CostTerms(self.plot, self._terms_toggled)  # J = data term + penalty
        self.rate_plot = LearningRatePlot(self.plot)  # α in use, under the cost
        self.accuracy_plot = make_plot("accuracyPlot")
        self.accuracy_plot.setLabel("left", self.tr("accuracy (%)"))
        self.accuracy_plot.setLabel("bottom", self.tr("iteration"))
        self.accuracy_legend = self.accuracy_plot.addLegend(offset=(-10, -10))
        self.accuracy_plot.setXLink(self.plot)
        self.accuracy_curve = make_curve(
            self.accuracy_plot, TRAIN_COLOR, self.tr("training accuracy")
        )
        self.val_accuracy_curve = make_curve(
            self.accuracy_plot, VAL_COLOR, self.tr("dev accuracy"), dashed=True
        )

        self.log_scale = QCheckBox(self.tr("Logarithmic cost axis"))
        self.log_scale.setObjectName("logScaleCheckBox")
        self.log_scale.setToolTip(
            self.tr("A log scale shows the cost's late, slow progress that a linear axis flattens.")
        )
        self.log_scale.toggled.connect(self._log_scale_toggled)
        self.log_note = QLabel()
        self.log_note.setObjectName("costScaleNote")
        self.log_note.setWordWrap(True)
        self.log_note.hide()
        self.summary = steady_label("costSummaryLabel")
        self.summary.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

        bar = QHBoxLayout()
        bar.addWidget(self.log_scale)
        bar.addWidget(self.terms.check)
        bar.addWidget(self.log_note, 1)
        bar.addStretch(1)
        bar.addWidget(self.summary)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.plot)
        splitter.addWidget(self.rate_plot.widget)
        splitter.addWidget(self.accuracy_plot)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(2, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)

        controller.reportReceived.connect(self.add_report)
        bind(session.events, "history", self, self._history_changed)
        bind(session.events, "data", self, self._task_changed)
        bind(session.events, "settings", self, self._settings_changed)
        self._task_changed()
        self.load_history()

    def restyle(self) -> None:
        t = theme.current()
        self.empty_hint.setColor(t.muted_text)
        for curve in (self.cost_curve, self.accuracy_curve):
            recolor(curve, t.train_color)
        for curve in (self.val_cost_curve, self.val_accuracy_curve):
            recolor(curve, t.val_color)
        self.terms.restyle()
        self.rate_plot.restyle()

    def set_log_scale(self, on: bool) -> None:
        """Show log10 of the cost, with the axis labelled in powers of ten."""
        self.plot.getAxis("left").setLogMode(bool(on))
        self._refit = True
        self._dirty_parts.add("cost")
        self.redraw()

    def _log_scale_toggled(self, on: bool) -> None:
        if not on and self._auto_log:
            self._keep_linear = True  # the learner's choice holds until the model changes
        self._auto_log = False
        self.log_note.hide()
        self.set_log_scale(on)

    def _follow_decades(self) -> None:
        """Switch to a log axis (once per history) when the costs span many powers of ten."""
        if self.log_scale.isChecked() or self._keep_linear or not self.series.n:
            return
        costs = self.series.data[: self.series.n, 1:3]
        positive = costs[np.isfinite(costs) & (costs > 0)]
        if positive.size < 2:
            return
        decades = math.log10(float(positive.max()) / float(positive.min()))
        if decades < AUTO_LOG_DECADES:
            return
        with QSignalBlocker(self.log_scale):
            self.log_scale.setChecked(True)
        self.plot.getAxis("left").setLogMode(True)
        self._auto_log = True
        self._refit = True
        self.log_note.setText(
            self.tr(
                "The cost spans {n} powers of ten, so its axis is logarithmic; untick to see it "
                "on a linear axis."
            ).format(n=int(decades))
        )
        self.log_note.show()

    def _linear_again(self) -> None:
        """Back to the linear axis the learner had, if the log axis was chosen automatically."""
        self._keep_linear = False
        if self._auto_log:
            self._auto_log = False
            self.log_note.hide()
            with QSignalBlocker(self.log_scale):
                self.log_scale.setChecked(False)
            self.plot.getAxis("left").setLogMode(False)

    def add_report(self, report: TrainingReport) -> None:
        """Append the report's records (in the GUI thread, from the controller)."""
        rows = [_row(r) for r in report.records if r.step > self.series.last_step]
        self._expected_history_step = report.step
        self.change_marks.add(report.changes)
        if rows:
            self.series.extend(rows)
            self.mark_dirty(*self.PARTS)

    def load_history(self) -> None:
        """Show ``session.history`` (after a reset, a new data set or opening a model file)."""
        h = self.session.history
        self._history = h
        self.series.clear()
        self.change_marks.show(h.changes)
        rates = h.learning_rate + [None] * (len(h.step) - len(h.learning_rate))
        rows = [
            row
            for row in zip(
                h.step,
                h.cost,
                h.val_cost,
                h.accuracy,
                h.val_accuracy,
                h.penalty,
                rates,
                strict=False,
            )
            if row[1] is not None
        ]
        if rows:
            self.series.extend(rows)
        self._expected_history_step = h.last_step if h.step else None
        self._refit = True
        self.rate_plot.refit()
        self.mark_dirty(*self.PARTS)

    def model_changed(self) -> None:
        """A new model is open: its history, on the axis the learner chose."""
        super().model_changed()
        self._linear_again()
        self.load_history()

    def _history_changed(self) -> None:
        if self.controller.applying:
            return  # a report from training: its records come through add_report
        h = self.session.history
        if h is not self._history or not h.step or h.step[-1] != self._expected_history_step:
            self.load_history()

    def _settings_changed(self) -> None:
        """A decay schedule chosen or dropped shows or hides the learning-rate plot."""
        self.mark_dirty("cost")

    def _terms_toggled(self) -> None:
        self._task_changed()
        self.redraw()

    def _task_changed(self) -> None:
        classifies = self.session.output_activation != "linear"
        self.accuracy_plot.setVisible(classifies)
        # a legend only when there are two curves to tell apart (it is repainted with them)
        validation = self.session.prepared.validation.m > 0
        self.cost_legend.setVisible(validation or self.terms.shown)
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
            self._follow_decades()
            curves = ((self.cost_curve, 1), (self.val_cost_curve, 2))
        else:
            curves = ((self.accuracy_curve, 3), (self.val_accuracy_curve, 4))
        for curve, i in curves:
            values = self._scaled(s.column(i)) if i <= 2 else s.column(i) * 100.0
            finite = np.isfinite(values)
            if s.n and finite.any():
                x, y = steps, values
                if s.n > DRAW_POINTS:  # thin what is drawn, keeping each stretch's extremes
                    drawn = keep_indices(steps, values, DRAW_POINTS)
                    x, y = steps[drawn], values[drawn]
                curve.setData(x, y, connect="all" if finite.all() else "finite")
                self._shown[id(curve)] = True
            elif self._shown.get(id(curve), True):
                curve.setData([], [])
                self._shown[id(curve)] = False
        if part == "cost":
            self.terms.draw(steps, s.column(1), s.column(5), self._scaled, DRAW_POINTS)
            schedule = self.session.settings.decay_schedule
            self.rate_plot.draw(steps, s.column(6), schedule, DRAW_POINTS)
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
            self._show_empty(not s.n)
        else:
            self._keep_accuracy_range()

    def _show_empty(self, empty: bool) -> None:
        """Without records the axes show no values (0–1 would be a made-up range) and the cost
        plot says how to get a curve; the first record brings the values back."""
        if self.empty_hint.isVisible() == empty and self._axes_show_values() == (not empty):
            return  # (restyling an axis relayouts the plot: not on every frame of a run)
        self.empty_hint.setVisible(empty)
        for plot in (self.plot, self.rate_plot.widget, self.accuracy_plot):
            for side in ("left", "bottom"):
                plot.getAxis(side).setStyle(showValues=not empty)
        if empty:
            set_range(self.plot, (0.0, 1.0), (0.0, 1.0))

    def _axes_show_values(self) -> bool:
        return bool(self.plot.getAxis("left").style["showValues"])

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
