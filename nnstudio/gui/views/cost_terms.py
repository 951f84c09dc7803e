"""The two parts of a regularised cost on the cost plot: the data term and the regularisation
term, J = (1/m)·Σ L(ŷ, y) + penalty, where the penalty is λ/(2m)·Σ‖W[l]‖²_F + λ₁/m·Σ|W[l]|.

The engine records the penalty with every cost (the history's ``penalty`` series), so both
curves are drawn from recorded numbers: the penalty as recorded, the data term as the recorded
cost minus it. At every recorded iteration the two add up to the training cost drawn above
them. A history from before the penalty was kept has no term curves.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox

from ...training_run import keep_indices
from ..common import theme
from ..common.plot_items import PathCurve, make_curve, recolor


class CostTerms:
    """The check box ``costTermsCheck`` and, while it is ticked, the curves of the data term
    (``data_curve``) and of the regularisation term (``penalty_curve``) on ``plot``."""

    def __init__(self, plot: pg.PlotWidget, changed: Callable[[], None]) -> None:
        self.plot = plot
        self.check = QCheckBox(
            QCoreApplication.translate("CostView", "Data and regularisation terms")
        )
        self.check.setObjectName("costTermsCheck")
        self.check.setAccessibleName(
            QCoreApplication.translate("CostView", "Show the data term and the regularisation term")
        )
        self.check.setToolTip(
            QCoreApplication.translate(
                "CostView",
                "Split the training cost J into the data term (1/m)·Σ L(ŷ, y), how well the "
                "network fits the data, and the regularisation term λ/(2m)·Σ‖W[l]‖² + "
                "λ₁/m·Σ|W[l]|, what the size of the weights costs. At each recorded iteration "
                "the two add up to J.",
            )
        )
        t = theme.current()
        self.data_curve = make_curve(
            plot, t.fit_color, QCoreApplication.translate("CostView", "data term")
        )
        self.penalty_curve = make_curve(
            plot,
            t.highlight,
            QCoreApplication.translate("CostView", "regularisation term"),
            dashed=True,
        )
        self.curves: tuple[PathCurve, ...] = (self.data_curve, self.penalty_curve)
        for curve in self.curves:
            plot.removeItem(curve)  # on the plot (and in its legend) only while ticked
        self.check.toggled.connect(self._toggled)
        self.check.toggled.connect(lambda _on: changed())

    @property
    def shown(self) -> bool:
        return self.check.isChecked()

    def _toggled(self, on: bool) -> None:
        for curve in self.curves:
            if on:
                self.plot.addItem(curve, ignoreBounds=True)
            else:
                self.plot.removeItem(curve)

    def restyle(self) -> None:
        t = theme.current()
        recolor(self.data_curve, t.fit_color)
        recolor(self.penalty_curve, t.highlight)

    def draw(
        self,
        steps: np.ndarray,
        cost: np.ndarray,
        penalty: np.ndarray,
        scaled: Callable[[np.ndarray], np.ndarray],
        most: int,
    ) -> None:
        """Draw the terms of the records (iterations ``steps``, costs ``cost``, penalties
        ``penalty``; NaN where unknown) through ``scaled`` (the cost axis's scale), at most
        ``most`` points each (each stretch keeps its extremes)."""
        if not self.shown:
            return
        for curve, values in ((self.data_curve, cost - penalty), (self.penalty_curve, penalty)):
            y = scaled(values)
            finite = np.isfinite(y)
            if not finite.any():
                curve.setData([], [])
                continue
            x = steps
            if len(x) > most:
                drawn = keep_indices(x, y, most)
                x, y = x[drawn], y[drawn]
            curve.setData(x, y, connect="all" if finite.all() else "finite")
