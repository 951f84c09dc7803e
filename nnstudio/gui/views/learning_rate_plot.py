"""The learning rate in use, in a small plot under the cost (``learningRatePlot``), on the cost
plot's iteration axis.

The series is the history's ``learning_rate`` records: at each recorded iteration the rate the
next update uses, which learning-rate decay lowers epoch by epoch (epoch 0 trains with α₀,
epoch e ≥ 1 with the schedule's rate at e − 1) and a change during a run replaces. The plot is
shown when a decay schedule is set or the recorded rate changed; a history from before the rate
was kept has no curve. Drawing thins the points the way the cost curve does (each stretch keeps
its extremes); the y range changes only when the rates leave it, so a run redraws no axis.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication

from ...training_run import keep_indices
from ..common import theme
from ..common.plot_items import make_curve, make_plot, recolor, set_range

PLOT_HEIGHT = 130  # pixels at most: the cost keeps the room


class LearningRatePlot:
    """The plot (``widget``) and its one curve (``curve``), linked to ``cost_plot``'s x axis."""

    def __init__(self, cost_plot: pg.PlotWidget) -> None:
        self.widget = make_plot("learningRatePlot")
        self.widget.setLabel("left", QCoreApplication.translate("CostView", "α in use"))
        self.widget.setMaximumHeight(PLOT_HEIGHT)
        self.widget.setToolTip(
            QCoreApplication.translate(
                "CostView",
                "The learning rate each update used: α₀ until learning-rate decay lowers it "
                "after each epoch (inverse: α₀ / (1 + decay_rate · epoch_num), scheduled: "
                "α₀ / (1 + decay_rate · ⌊epoch_num / time_interval⌋), exponential: "
                "α₀ · decay_rate^epoch_num), or a change you made during the run.",
            )
        )
        self.widget.setXLink(cost_plot)
        self.curve = make_curve(self.widget, theme.current().highlight, width=2)
        self._top: float | None = None  # the y range's top, kept while the rates fit under it
        self.widget.hide()

    def restyle(self) -> None:
        recolor(self.curve, theme.current().highlight)

    def wanted(self, schedule: str, rates: np.ndarray) -> bool:
        """Shown with a decay schedule, or when the recorded rate changed during the run."""
        known = rates[np.isfinite(rates)]
        changed = known.size > 1 and float(known.min()) != float(known.max())
        return schedule != "none" or changed

    def draw(self, steps: np.ndarray, rates: np.ndarray, schedule: str, most: int) -> None:
        """Draw ``rates`` (NaN where unknown) at iterations ``steps``, at most ``most`` points;
        hide the plot when it has nothing to tell."""
        show = self.wanted(schedule, rates)
        if self.widget.isHidden() == show:
            self.widget.setVisible(show)
        if not show:
            return
        finite = np.isfinite(rates)
        if not finite.any():
            self.curve.setData([], [])
            return
        x, y = steps, rates
        if len(x) > most:
            drawn = keep_indices(x, y, most)
            x, y = x[drawn], y[drawn]
        self.curve.setData(x, y, connect="all" if finite.all() else "finite")
        high = float(rates[finite].max())
        top = high * 1.1 if high > 0 else 1.0
        if self._top is None or high > self._top or high < 0.5 * self._top:
            self._top = top
            set_range(self.widget, None, (0.0, top))

    def refit(self) -> None:
        """A new history: the next draw sets the y range afresh."""
        self._top = None
