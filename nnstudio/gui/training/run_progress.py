"""The training panel's progress bar: how far the run has come, in true iterations.

A run may continue an earlier one (Train again goes on from where the history ends), and may
count more iterations than a QProgressBar holds (32-bit numbers, with ``%m`` counted from the
minimum). So the bar counts this run's iterations, scaled when there are more than it holds,
and its text names the true iteration.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QProgressBar, QWidget

PROGRESS_MAX = 2**31 - 1


class RunProgress(QProgressBar):
    """The bar of a run from iteration ``low`` to ``high`` (see :meth:`show_span`)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trainingProgress")
        self.setTextVisible(True)
        self.setFormat(QCoreApplication.translate("TrainingPanel", "iteration %v / %m"))

    def show_span(self, low: int, high: int, value: int, running: bool = True) -> None:
        """The bar from iteration ``low`` (where the run starts) to ``high`` (where it ends) at
        iteration ``value``; ``running`` False: idle, the next Train adds ``high − low``."""
        span, done = max(high - low, 1), min(max(value - low, 0), max(high - low, 1))
        scale = max(span / PROGRESS_MAX, 1.0)
        self.setRange(0, int(span / scale))
        self.setValue(min(int(done / scale), PROGRESS_MAX))
        if low == 0:
            text = QCoreApplication.translate(
                "TrainingPanel", "iteration {value} / {total}"
            ).format(value=value, total=high)
        elif running:
            text = QCoreApplication.translate(
                "TrainingPanel", "iteration {value} ({done} / {planned} of this run)"
            ).format(value=value, done=value - low, planned=high - low)
        else:
            text = QCoreApplication.translate(
                "TrainingPanel", "iteration {value} (Train adds {planned})"
            ).format(value=value, planned=high - low)
        self.setFormat(text)
