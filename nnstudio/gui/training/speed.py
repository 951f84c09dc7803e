"""The pace of training: a slider from one update per frame to as fast as possible.

A run on the first-start model (10,000 iterations of the flower data) takes well under a second
at full speed: there is nothing to watch. The slider spaces the updates instead (the worker waits
on the run's control between two updates, see ``TrainingControl.set_delay``), on a logarithmic
scale from SLOWEST updates a second (one per frame of a 60 Hz screen) over DECADES powers of ten;
its last position does not wait at all. The default, about 1,400 updates a second, runs the
first-start model in about 7 seconds (some 23 updates per 60 Hz frame): the decision boundary
takes shape over the first two or three seconds and then settles, slowly enough to follow.

The position is an application preference (``QSettings`` key SPEED_KEY), not part of a model.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSlider, QWidget

from .controller import TrainingController

SPEED_KEY = "training/speed"
FASTEST = 100  # the slider's last position: as fast as possible
SLOWEST = 60.0  # updates a second at position 0: one per frame of a 60 Hz screen
DECADES = 3.0  # position FASTEST − 1 is SLOWEST × 10^DECADES updates a second
DEFAULT_SPEED = 45  # ≈ 1,400 updates a second: the first-start run takes about 7 s


def updates_per_second(position: int) -> float | None:
    """The pace at a slider position, or None for as fast as possible."""
    if position >= FASTEST:
        return None
    step = DECADES / (FASTEST - 1)
    return SLOWEST * 10.0 ** (max(0, position) * step)


def pace_delay(position: int) -> float:
    """Seconds from one update to the next at a slider position (0: no wait)."""
    rate = updates_per_second(position)
    return 0.0 if rate is None else 1.0 / rate


class SpeedControl(QWidget):
    """ "Speed" and its slider (``speedSlider``) with the pace it sets (``speedLabel``); moving
    it paces ``controller``'s run at once and is remembered for the next start."""

    def __init__(self, controller: TrainingController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("speedControl")
        self.controller = controller
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setObjectName("speedSlider")
        self.slider.setRange(0, FASTEST)
        self.slider.setPageStep(10)
        self.slider.setMinimumWidth(110)
        self.slider.setToolTip(
            self.tr(
                "How fast training runs: from one update per frame, to watch each step change "
                "the boundary, to as fast as possible. It applies at once, also to a running run, "
                "and changes only the pace, never the numbers."
            )
        )
        self.slider.setAccessibleName(self.tr("Training speed"))
        title = QLabel(self.tr("&Speed"))
        title.setBuddy(self.slider)
        self.rate_label = QLabel()
        self.rate_label.setObjectName("speedLabel")
        metrics = self.rate_label.fontMetrics()
        widest = max(self.tr("{rate:,.0f}/s").format(rate=88888), self.tr("fastest"), key=len)
        self.rate_label.setMinimumWidth(metrics.horizontalAdvance(widest) + 4)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(title)
        row.addWidget(self.slider)
        row.addWidget(self.rate_label)
        saved = QSettings().value(SPEED_KEY, DEFAULT_SPEED)
        try:
            position = int(saved)  # type: ignore[call-overload]
        except (TypeError, ValueError):
            position = DEFAULT_SPEED
        self.slider.setValue(min(max(position, 0), FASTEST))
        self.slider.valueChanged.connect(self._moved)
        self._apply(self.slider.value())

    def _moved(self, position: int) -> None:
        QSettings().setValue(SPEED_KEY, position)
        self._apply(position)

    def _apply(self, position: int) -> None:
        self.controller.set_pace(pace_delay(position))
        rate = updates_per_second(position)
        if rate is None:
            self.rate_label.setText(self.tr("fastest"))
        else:
            self.rate_label.setText(self.tr("{rate:,.0f}/s").format(rate=rate))
        self.rate_label.setToolTip(self.tr("updates (iterations) a second at most"))
