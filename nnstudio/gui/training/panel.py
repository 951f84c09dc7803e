"""The training panel: hyperparameters, Train / Pause / Resume, Step, Stop, Reset weights and the
progress of the run.

The widgets show the session's settings (model → view under ``QSignalBlocker``) and edit them
through undo commands: the settings and L2 λ as values, the seed, initialisation and precision
(which draw new weights) as session snapshots, so undo brings the trained weights back.
Switching the optimizer proposes its usual learning rate in the same step.
While a run is active (running, paused or stopping) the hyperparameters are locked, with the
reason in their tooltips, except α, L2 λ and L1 λ₁: the run takes them at its next update.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtGui import QAction, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...engine import OPTIMIZERS, PAUSED, RUNNING, TrainingReport
from ...session import Session
from ...text import localized
from ..builder import NumberBox
from ..common.binding import bind
from ..common.plot_items import steady_label
from ..common.style import tint
from .actions import run_actions
from .controller import IDLE, STOPPING, TrainingController
from .course2 import DecayControls, InitializationCombo
from .regularization import RegularizationBoxes
from .run_progress import RunProgress
from .settings_edits import SettingsEdits
from .speed import SpeedControl

PRECISIONS = ("float64", "float32")
MAX_EPOCHS = 2**40  # the model file's limit for epochs and the batch size
MAX_SEED = 2**32 - 1  # RandomState's seeds
SMALLEST_RATE = 5e-324  # the smallest positive double: any α > 0 a file holds is shown
PANEL_RATE = 4  # progress bar and rate updates a second while running


class TrainingPanel(QWidget):
    """Hyperparameters and run controls for ``controller`` (which trains ``session``)."""

    divergenceShown = Signal(str)

    def __init__(
        self,
        session: Session,
        controller: TrainingController,
        parent: QWidget | None = None,
        undo_stack: QUndoStack | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("trainingPanel")
        self.session = session
        self.controller = controller
        self.undo_stack = undo_stack if undo_stack is not None else QUndoStack(self)
        self.edits = SettingsEdits(session, self.undo_stack)
        self._shown_at = 0.0
        self._build()
        self._sync_settings()
        self._state_changed(controller.state)
        self._show_idle_progress()

        bind(session.events, "settings", self, self._sync_settings)
        bind(session.events, "network", self, self._sync_settings)
        bind(session.events, "network", self, self._show_idle_progress)
        bind(session.events, "data", self, self._show_idle_progress)
        bind(session.events, "history", self, self._show_idle_progress)
        controller.stateChanged.connect(self._state_changed)
        controller.reportReceived.connect(self._report)
        controller.statusMessage.connect(self._status)
        controller.diverged.connect(self.show_divergence)
        controller.diagnosed.connect(self.show_diagnosis)
        bind(session.events, "network", self, self._hide_explanations)
        bind(session.events, "data", self, self._hide_explanations)

    # -- construction -------------------------------------------------------------------------
    def _build(self) -> None:
        self.learning_rate = NumberBox(SMALLEST_RATE)
        self.learning_rate.setObjectName("learningRateSpinBox")
        self.learning_rate.setToolTip(
            self.tr(
                "α, the size of each step: W[l] ← W[l] − α·dW[l]. Too small and learning "
                "crawls; too large and the cost jumps around or blows up."
            )
        )
        self.learning_rate.valueChanged.connect(
            lambda v: self.edits.edit_setting(
                "learning_rate", float(v), self.tr("Set learning rate α to {value:g}")
            )
        )

        self.epochs = NumberBox(1, MAX_EPOCHS, whole=True)
        self.epochs.setObjectName("epochsSpinBox")
        self.epochs.setToolTip(
            self.tr(
                "Passes over the training data per Train. With the full batch one epoch is one "
                "iteration (one gradient step); Train again continues where the run stopped."
            )
        )
        self.epochs.valueChanged.connect(
            lambda v: self.edits.edit_setting("epochs", int(v), self.tr("Set epochs to {value}"))
        )

        self.batch_size = NumberBox(0, MAX_EPOCHS, whole=True)
        self.batch_size.setObjectName("batchSizeSpinBox")
        self.batch_size.setSpecialValueText(self.tr("full batch"))
        self.batch_size.setToolTip(
            self.tr(
                "Samples per gradient step. Full batch uses all m samples (the course's gradient "
                "descent); a mini-batch of size B takes ⌈m / B⌉ noisier steps per epoch."
            )
        )
        self.batch_size.valueChanged.connect(
            lambda v: self.edits.edit_setting(
                "batch_size", int(v), self.tr("Set batch size to {value}")
            )
        )

        self.optimizer = QComboBox()
        self.optimizer.setObjectName("optimizerCombo")
        for key, cls in OPTIMIZERS.items():
            self.optimizer.addItem(localized(cls.label), key)
        self.optimizer.setToolTip(
            self.tr(
                "How a gradient becomes a step: plain gradient descent, momentum (a running "
                "average of gradients), RMSprop (steps scaled by recent gradient size) or Adam "
                "(both). Adam and RMSprop usually want a learning rate near 0.001–0.01."
            )
        )
        self.optimizer.currentIndexChanged.connect(
            lambda _i: self.edits.choose_optimizer(
                self.optimizer.currentData(), self.optimizer.currentText()
            )
        )

        self.init = InitializationCombo()
        self.init.currentIndexChanged.connect(
            lambda _i: self.edits.redraw_weights(
                lambda: self.session.set_initialization(init=self.init.currentData()),
                self.tr("Use initialisation {name}").format(name=self.init.currentText()),
            )
        )

        self.regularization = RegularizationBoxes(self.edits)
        self.l2, self.l1 = self.regularization.l2, self.regularization.l1
        self.decay = DecayControls(self.edits)

        self.seed = NumberBox(0, MAX_SEED, whole=True)
        self.seed.setObjectName("seedSpinBox")
        self.seed.setToolTip(
            self.tr(
                "The random seed of the initial weights: the same seed gives the same weights, "
                "so two runs differ only in what you changed. Changing it draws new weights."
            )
        )
        self.seed.valueChanged.connect(
            lambda v: self.edits.redraw_weights(
                lambda: self.session.set_initialization(seed=int(v)),
                self.tr("Set seed to {value}").format(value=int(v)),
            )
        )

        self.precision = QComboBox()
        self.precision.setObjectName("precisionCombo")
        for dtype in PRECISIONS:
            self.precision.addItem(dtype, dtype)
        self.precision.setToolTip(
            self.tr(
                "float64 (about 16 significant digits) or float32 (about 7, faster and how "
                "deep-learning libraries train). Changing it draws new weights."
            )
        )
        self.precision.currentIndexChanged.connect(
            lambda _i: self.edits.redraw_weights(
                lambda: self.session.set_precision(self.precision.currentData()),
                self.tr("Use precision {dtype}").format(dtype=self.precision.currentData()),
            )
        )

        self.hyperparameters = QGroupBox(self.tr("Hyperparameters"))
        self.hyperparameters.setObjectName("hyperparameterGroup")
        form = QFormLayout(self.hyperparameters)
        form.setVerticalSpacing(3)  # the panel is not scrolled: it must fit a small screen
        form.addRow(self.tr("Batch size"), self.batch_size)
        form.addRow(self.tr("Initialisation"), self.init)
        form.addRow(self.tr("L2 λ"), self.l2)
        form.addRow(self.tr("L1 λ₁"), self.l1)
        self.decay.add_rows(form)
        form.addRow(self.tr("Seed"), self.seed)
        form.addRow(self.tr("Precision"), self.precision)
        self._editors: tuple[QWidget, ...] = (
            self.learning_rate,
            self.epochs,
            self.batch_size,
            self.optimizer,
            self.init,
            self.l2,
            self.l1,
            self.seed,
            self.precision,
            *self.decay.widgets,
        )
        self._tooltips: dict[QWidget, str] = {w: w.toolTip() for w in self._editors}

        self.train_button = QPushButton(self.tr("Train"))
        self.train_button.setObjectName("trainButton")
        self.train_button.clicked.connect(self.controller.toggle)
        self.step_button = QPushButton(self.tr("Step"))
        self.step_button.setObjectName("stepButton")
        self.step_button.setToolTip(
            self.tr("One iteration: one forward pass, one backward pass, one update")
        )
        self.step_button.clicked.connect(self.controller.step)
        self.stop_button = QPushButton(self.tr("Stop"))
        self.stop_button.setObjectName("stopButton")
        self.stop_button.setToolTip(
            self.tr("End the run and keep its weights; Train continues from them")
        )
        self.stop_button.clicked.connect(self.controller.stop)
        self.reset_button = QPushButton(self.tr("Reset weights"))
        self.reset_button.setObjectName("resetButton")
        self.reset_button.setToolTip(
            self.tr(
                "Draw the initial weights again from the seed (the same seed gives the same "
                "weights) and forget the history, so runs start alike"
            )
        )
        self.reset_button.clicked.connect(self.controller.reset_weights)

        self.train_action, self.step_action, self.stop_action, self.reset_action = run_actions(
            self, self.controller
        )
        buttons = QGridLayout()
        buttons.addWidget(self.train_button, 0, 0)
        buttons.addWidget(self.step_button, 0, 1)
        buttons.addWidget(self.stop_button, 1, 0)
        buttons.addWidget(self.reset_button, 1, 1)

        self.progress = RunProgress()
        self.rate_label = steady_label("trainingRateLabel")
        self.status_label = steady_label("trainingStatusLabel", lines=2)
        # why the last run failed, in full (word-wrapped, as tall as its text needs)
        self.divergence_label = QLabel()
        self.divergence_label.setObjectName("divergenceLabel")
        tint(self.divergence_label, "error_text")
        self.diagnosis_label = QLabel()
        self.diagnosis_label.setObjectName("diagnosisLabel")
        for label in (self.divergence_label, self.diagnosis_label):
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.hide()

        layout = QVBoxLayout(self)
        layout.addWidget(self._build_quick_controls())
        layout.addWidget(self.hyperparameters)
        layout.addLayout(buttons)
        layout.addWidget(self.progress)
        layout.addWidget(self.rate_label)
        layout.addWidget(self.status_label)
        layout.addWidget(self.divergence_label)
        layout.addWidget(self.diagnosis_label)
        layout.addStretch(1)

    def _build_quick_controls(self) -> QWidget:
        """The hyperparameters changed most (α, epochs, the optimizer) in one row, which the
        main window moves into its training toolbar so that they are always in view."""
        self.quick_controls = QWidget()
        self.quick_controls.setObjectName("quickTrainingControls")
        row = QHBoxLayout(self.quick_controls)
        row.setContentsMargins(4, 0, 4, 0)
        for text, editor in (
            (self.tr("&Learning rate α"), self.learning_rate),
            (self.tr("E&pochs"), self.epochs),
            (self.tr("&Optimizer"), self.optimizer),
        ):
            label = QLabel(text)
            label.setBuddy(editor)
            row.addWidget(label)
            row.addWidget(editor)
            row.addSpacing(8)
        self.speed = SpeedControl(self.controller)
        row.addWidget(self.speed)
        self.learning_rate.setMinimumWidth(90)
        self.epochs.setMinimumWidth(80)
        return self.quick_controls

    def training_actions(self) -> list[QAction]:
        """Train/Pause/Resume, Step, Stop and Reset weights, for a Train menu."""
        return [self.train_action, self.step_action, self.stop_action, self.reset_action]

    # -- model → view -------------------------------------------------------------------------
    def _sync_settings(self) -> None:
        s, session = self.session.settings, self.session
        blockers = [QSignalBlocker(w) for w in self._editors]
        self.learning_rate.setValue(s.learning_rate)
        self.epochs.setValue(s.epochs)
        self.batch_size.setValue(s.batch_size)
        self._select(self.optimizer, s.optimizer)
        self._select(self.init, session.init)
        self.l2.setValue(session.l2)
        self.l1.setValue(session.l1)
        self.seed.setValue(int(session.seed))
        self._select(self.precision, session.dtype)
        del blockers
        self.decay.sync(s, idle=self.controller.state == IDLE)
        if self.controller.state == IDLE:
            self._show_idle_progress()

    @staticmethod
    def _select(combo: QComboBox, key: str) -> None:
        index = combo.findData(key)
        if index >= 0:
            combo.setCurrentIndex(index)

    def _state_changed(self, state: str) -> None:
        idle = state == IDLE
        labels = {
            IDLE: self.tr("Train"),
            RUNNING: self.tr("Pause"),
            PAUSED: self.tr("Resume"),
            STOPPING: self.tr("Train"),
        }
        self.train_button.setText(labels.get(state, self.tr("Train")))
        self.train_button.setEnabled(state != STOPPING)
        self.step_button.setEnabled(state in (IDLE, PAUSED))
        self.stop_button.setEnabled(state in (RUNNING, PAUSED))
        self.reset_button.setEnabled(state != STOPPING)
        action_labels = {RUNNING: self.tr("&Pause"), PAUSED: self.tr("&Resume")}
        self.train_action.setText(action_labels.get(state, self.tr("&Train")))
        for action, button in (
            (self.train_action, self.train_button),
            (self.step_action, self.step_button),
            (self.stop_action, self.stop_button),
            (self.reset_action, self.reset_button),
        ):
            action.setEnabled(button.isEnabled())
        reason = self.tr(
            "Stop training to change the hyperparameters: the run uses the values it started with."
        )
        live = self.tr("The run takes a new value at its next update (marked on the cost curve).")
        for widget in self._editors:
            free = idle or widget in (self.learning_rate, self.l2, self.l1)
            widget.setEnabled(free)
            tip = self._tooltips[widget]
            widget.setToolTip(tip if idle else f"{live if free else reason}\n\n{tip}")
        self.decay.enable(idle)
        if state == RUNNING:
            self._hide_explanations()
        if idle:
            self.rate_label.show_text("", now=True)
            self._show_idle_progress()

    def _show_idle_progress(self) -> None:
        """Idle: the bar shows where the next Train starts and how many iterations it adds."""
        if self.controller.state != IDLE:
            return
        start = self.session.history.last_step
        try:
            planned = self.controller.planned_steps()
        except ValueError:
            planned = 0
        self._set_progress(start, max(start + planned, start + 1), start, running=False)

    def _set_progress(self, low: int, high: int, value: int, running: bool = True) -> None:
        self.progress.show_span(low, high, value, running)

    def _report(self, report: TrainingReport) -> None:
        """Progress and rate: at most PANEL_RATE times a second while running (within the
        controller's frame, so that their repainting joins the frame's)."""
        now = time.perf_counter()
        if report.status == RUNNING and now - self._shown_at < 1.0 / PANEL_RATE:
            return
        self._shown_at = now
        self._set_progress(self.controller.run_start, max(report.total_steps, 1), report.step)
        rate = self.controller.rate
        if rate > 0:
            self.rate_label.show_text(
                self.tr("{rate:,.0f} it/s").format(rate=rate), now=report.status != RUNNING
            )

    def _status(self, text: str) -> None:
        self.status_label.show_text(text, now=not self.controller.is_running)

    # -- divergence -----------------------------------------------------------------------------
    def show_divergence(self, message: str) -> None:
        """Show why the run diverged, once and in full, under the run's status line."""
        self.diagnosis_label.hide()
        self.divergence_label.setText(message)
        self.divergence_label.show()
        self._reveal()
        self.divergenceShown.emit(message)

    def show_diagnosis(self, message: str) -> None:
        """Show why the finished run did not learn and what to try, under the status line."""
        self.divergence_label.hide()
        self.diagnosis_label.setText(message)
        self.diagnosis_label.show()
        self._reveal()

    def _reveal(self) -> None:
        """Bring the panel's dock to the front (it may be a tab behind the Data dock, or
        closed): the explanation is shown nowhere else."""
        dock = self.parentWidget()
        while dock is not None and not isinstance(dock, QDockWidget):
            dock = dock.parentWidget()  # the panel sits in the dock's scroll area
        if dock is not None:
            dock.show()
            dock.raise_()

    def _hide_explanations(self) -> None:
        """A new run, or another network or data: the last run's explanation no longer holds."""
        self.divergence_label.hide()
        self.diagnosis_label.hide()
