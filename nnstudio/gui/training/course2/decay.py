"""Learning-rate decay in the training panel: the schedule (``decayScheduleCombo``), its rate
(``decayRateSpinBox``) and, for "scheduled", the interval in epochs (``decayIntervalSpinBox``),
side by side in one row of the panel's form.

The schedules are the engine's (``engine.LR_SCHEDULES``), with α₀ the learning rate and e the
epoch (from 0); the rate is updated after each epoch, so epoch 0 trains with α₀. Each edit is one
undo step through ``SettingsEdits``; choosing a schedule whose rate would do nothing (or is out of
its range) proposes the course's usual rate in the same step.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSignalBlocker, Qt
from PySide6.QtWidgets import QComboBox, QFormLayout, QHBoxLayout, QWidget

from ....engine import LR_SCHEDULES, check_decay
from ....training_run import TrainingSettings
from ...builder import NumberBox
from ..settings_edits import SettingsEdits

MAX_INTERVAL = 2**40  # the model file's limit for decay_interval
# the rate proposed when a schedule is chosen while the current one would not decay
PROPOSED_RATES = {"inverse": 1.0, "scheduled": 1.0, "exponential": 0.95}


def schedule_titles() -> dict[str, str]:
    """The schedules' names as the combo box shows them."""
    return {
        "none": QCoreApplication.translate("DecayControls", "none (α = α₀)"),
        "inverse": QCoreApplication.translate("DecayControls", "inverse (α₀ / (1 + rate·epoch))"),
        "scheduled": QCoreApplication.translate("DecayControls", "scheduled (every interval)"),
        "exponential": QCoreApplication.translate("DecayControls", "exponential (α₀ · rate^epoch)"),
    }


def schedule_tooltips() -> dict[str, str]:
    """Each schedule's formula in the course's notation and what it does."""
    return {
        "none": QCoreApplication.translate(
            "DecayControls", "No decay: every epoch trains with α = α₀, the learning rate above."
        ),
        "inverse": QCoreApplication.translate(
            "DecayControls",
            "α = α₀ / (1 + decay_rate · epoch_num): the rate falls quickly at first, then "
            "slowly, so the late steps stay near the minimum instead of circling it.",
        ),
        "scheduled": QCoreApplication.translate(
            "DecayControls",
            "Fixed-interval scheduling: α = α₀ / (1 + decay_rate · ⌊epoch_num / time_interval⌋). "
            "The rate stays put for time_interval epochs, then drops.",
        ),
        "exponential": QCoreApplication.translate(
            "DecayControls",
            "α = α₀ · decay_rate^epoch_num (decay_rate between 0 and 1): the rate shrinks by the "
            "same factor every epoch.",
        ),
    }


class DecayControls:
    """The three decay widgets, wired to ``edits``; ``add_rows`` puts them into a form and
    ``sync`` shows the session's settings (model → view, signals blocked)."""

    def __init__(self, edits: SettingsEdits) -> None:
        self.edits = edits
        self.schedule = QComboBox()
        self.schedule.setObjectName("decayScheduleCombo")
        self.schedule.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.schedule.setMinimumContentsLength(6)  # the open list shows each entry whole
        titles, tips = schedule_titles(), schedule_tooltips()
        for key in LR_SCHEDULES:
            self.schedule.addItem(titles.get(key, key), key)
            self.schedule.setItemData(
                self.schedule.count() - 1, tips.get(key, ""), Qt.ItemDataRole.ToolTipRole
            )
        self.schedule.setToolTip(
            QCoreApplication.translate(
                "DecayControls",
                "Learning-rate decay: how α shrinks as the epochs go by (α₀ is the learning "
                "rate). The rate is updated after each epoch, so epoch 0 trains with α₀.\n"
                "inverse: α = α₀ / (1 + decay_rate · epoch_num)\n"
                "scheduled: α = α₀ / (1 + decay_rate · ⌊epoch_num / time_interval⌋)\n"
                "exponential: α = α₀ · decay_rate^epoch_num",
            )
        )
        self.schedule.currentIndexChanged.connect(self._schedule_chosen)

        self.rate = NumberBox(0.0)
        self.rate.setObjectName("decayRateSpinBox")
        self.rate.setToolTip(
            QCoreApplication.translate(
                "DecayControls",
                "decay_rate of the schedule: larger decays faster. For exponential decay it is "
                "the factor applied every epoch and must lie in (0, 1].",
            )
        )
        self.rate.valueChanged.connect(
            lambda v: edits.edit_setting(
                "decay_rate",
                float(v),
                QCoreApplication.translate("DecayControls", "Set decay rate to {value:g}"),
            )
        )

        self.interval = NumberBox(1, MAX_INTERVAL, whole=True)
        self.interval.setObjectName("decayIntervalSpinBox")
        self.interval.setToolTip(
            QCoreApplication.translate(
                "DecayControls",
                "time_interval of scheduled decay: the rate drops once every this many epochs "
                "(used by the scheduled schedule only).",
            )
        )
        self.interval.valueChanged.connect(
            lambda v: edits.edit_setting(
                "decay_interval",
                int(v),
                QCoreApplication.translate("DecayControls", "Set decay interval to {value} epochs"),
            )
        )
        # the row shows them without labels of their own: screen readers get these names
        self.rate.setAccessibleName(QCoreApplication.translate("DecayControls", "Decay rate"))
        self.interval.setAccessibleName(
            QCoreApplication.translate("DecayControls", "Decay interval")
        )

    @property
    def widgets(self) -> tuple[QWidget, ...]:
        return (self.schedule, self.rate, self.interval)

    def add_rows(self, form: QFormLayout) -> None:
        """One row: the schedule, then its rate and interval (the panel is not scrolled, so
        it stays as short as it can)."""
        row = QWidget()
        row.setObjectName("decayRow")
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        line.setSpacing(4)
        for box in (self.rate, self.interval):
            box.setMinimumWidth(56)  # (their range would make them as wide as 2⁴⁰ is long)
        self.schedule.setMinimumWidth(90)
        line.addWidget(self.schedule, 3)
        line.addWidget(self.rate, 1)
        line.addWidget(self.interval, 1)
        form.addRow(QCoreApplication.translate("DecayControls", "LR decay"), row)

    def sync(self, settings: TrainingSettings, idle: bool = True) -> None:
        """Show ``settings``; the rate and interval are editable only where they count."""
        blockers = [QSignalBlocker(w) for w in self.widgets]
        index = self.schedule.findData(settings.decay_schedule)
        if index >= 0:
            self.schedule.setCurrentIndex(index)
        self.rate.setValue(settings.decay_rate)
        self.interval.setValue(settings.decay_interval)
        del blockers
        self.enable(idle)

    def enable(self, idle: bool) -> None:
        """Locked while a run is active (it uses the schedule it started with); the rate only
        with a schedule, the interval only with "scheduled"."""
        schedule = self.schedule.currentData()
        self.schedule.setEnabled(idle)
        self.rate.setEnabled(idle and schedule != "none")
        self.interval.setEnabled(idle and schedule == "scheduled")

    def _schedule_chosen(self, _index: int) -> None:
        name, title = self.schedule.currentData(), self.schedule.currentText()
        settings = self.edits.session.settings
        rate = settings.decay_rate
        idle_rate = 1.0 if name == "exponential" else 0.0  # the rate that would not decay
        if name != "none" and (
            rate == idle_rate or check_decay(name, rate, settings.decay_interval) is not None
        ):
            rate = PROPOSED_RATES.get(name, rate)
        self.edits.choose_schedule(name, title, rate)
