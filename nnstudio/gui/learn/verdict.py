"""Bias and variance: the verdict on the last run, and the test set evaluated on request.

The panel shows the training and dev errors of the last record (what the cost and accuracy
views show), takes an optional human-level error, and names the situation with the course's
next step (:mod:`nnstudio.learn.verdict`). It is judged again when a run ends, not while it
trains. "Evaluate on test" measures the network on the test set, the one place that does.
"""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QFormLayout,
    QFrame,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...learn import Verdict, run_verdict, verdict_number, verdict_text
from ...session import Session
from ...session_evaluation import NoTestSetError
from ..common.binding import bind


class BiasVariancePanel(QWidget):
    """Training error, dev error, human-level error (``humanErrorSpinBox``), the situation,
    the course's next step, and "Evaluate on test" (``evaluateTestButton``)."""

    humanErrorChanged = Signal(float)  # the human-level error as a share (or a cost)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("biasVariancePanel")
        self.session = session
        self._training = False
        self.verdict: Verdict | None = None

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.train_label = self._value_label("trainErrorLabel")
        self.dev_label = self._value_label("devErrorLabel")
        self.human_spin = QDoubleSpinBox()
        self.human_spin.setObjectName("humanErrorSpinBox")
        self.human_spin.setKeyboardTracking(False)
        self.human_spin.setToolTip(
            self.tr(
                "How well people (or the best system you know) do on this task: a stand-in for "
                "the lowest error possible, the Bayes error. The avoidable bias is the training "
                "error minus this; leave 0 when no one could do better than perfect."
            )
        )
        self.bias_label = self._value_label("avoidableBiasLabel")
        self.variance_label = self._value_label("varianceLabel")
        self.train_title, self.dev_title = QLabel(), QLabel()
        self.human_title = QLabel()
        form.addRow(self.train_title, self.train_label)
        form.addRow(self.dev_title, self.dev_label)
        form.addRow(self.human_title, self.human_spin)
        form.addRow(self.tr("Avoidable bias:"), self.bias_label)
        form.addRow(self.tr("Variance:"), self.variance_label)

        self.situation_label = QLabel()
        self.situation_label.setObjectName("verdictSituationLabel")
        font = self.situation_label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.situation_label.setFont(font)
        self.gaps_label = self._text_label("verdictGapsLabel")
        self.advice_label = self._text_label("verdictAdviceLabel")

        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        self.test_button = QPushButton(self.tr("Evaluate on test"))
        self.test_button.setObjectName("evaluateTestButton")
        self.test_button.setToolTip(
            self.tr(
                "Measure the network on the test set. The dev set helped choose the settings, "
                "so its error is a little optimistic; the test set chose nothing, so it tells "
                "how the finished network does on new data. Evaluate on it once, at the end: "
                "a test set used to choose settings becomes another dev set."
            )
        )
        self.test_label = self._text_label("testResultLabel")

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.situation_label)
        layout.addWidget(self.gaps_label)
        layout.addWidget(self.advice_label)
        layout.addWidget(line)
        layout.addWidget(self.test_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.test_label)
        layout.addStretch(1)

        self.human_spin.valueChanged.connect(self._human_edited)
        self.test_button.clicked.connect(self.evaluate_test)
        bind(session.events, "data", self, self._data_changed)
        bind(session.events, "settings", self, self._human_changed)
        bind(session.events, "history", self, self._history_changed)
        bind(session.events, "weights", self, self._forget_test_result)
        bind(session.events, "network", self, self._forget_test_result)
        self._data_changed()

    @staticmethod
    def _value_label(name: str) -> QLabel:
        label = QLabel("—")
        label.setObjectName(name)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    @staticmethod
    def _text_label(name: str) -> QLabel:
        label = QLabel()
        label.setObjectName(name)
        label.setWordWrap(True)
        return label

    # -- the human level ------------------------------------------------------------------------
    @property
    def regression(self) -> bool:
        return self.session.dataset.task == "regression"

    def human_error(self) -> float:
        """The human-level error as a share (classification) or a cost (regression): the
        session's, which the model file keeps."""
        return self.session.human_error

    def _human_edited(self, value: float) -> None:
        self.session.set_human_error(value if self.regression else value / 100.0)

    def _human_changed(self) -> None:
        """The session's human-level error (edited here, undone, or opened from a file)."""
        shown = self.human_error() if self.regression else 100.0 * self.human_error()
        if abs(self.human_spin.value() - shown) > 1e-9:
            with QSignalBlocker(self.human_spin):
                self.human_spin.setValue(shown)
        self.humanErrorChanged.emit(self.human_error())
        self.refresh()

    # -- model → view ---------------------------------------------------------------------------
    def set_training(self, busy: bool) -> None:
        """While a run trains the verdict waits for its end and the network is not evaluated."""
        self._training = busy
        self._update_test_button()
        if not busy:
            self.refresh()

    def _data_changed(self) -> None:
        regression = self.regression
        self.human_spin.blockSignals(True)
        if regression:
            self.human_spin.setRange(0.0, 1e9)
            self.human_spin.setDecimals(4)
            self.human_spin.setSingleStep(0.01)
            self.human_spin.setSuffix("")
            self.train_title.setText(self.tr("Training cost:"))
            self.dev_title.setText(self.tr("Dev cost:"))
            self.human_title.setText(self.tr("Human-level cost:"))
        else:
            self.human_spin.setRange(0.0, 100.0)
            self.human_spin.setDecimals(1)
            self.human_spin.setSingleStep(0.5)
            self.human_spin.setSuffix(" %")
            self.train_title.setText(self.tr("Training error:"))
            self.dev_title.setText(self.tr("Dev error:"))
            self.human_title.setText(self.tr("Human-level error:"))
        self.human_spin.blockSignals(False)
        self._forget_test_result()
        self._human_changed()

    def _history_changed(self) -> None:
        if not self._training:  # judged when a run ends, not at every report
            self.refresh()

    def refresh(self) -> None:
        """Judge the last record of the session's history again."""
        verdict = self.verdict = run_verdict(self.session.history, self.human_error())
        if verdict is None:
            for label in (self.train_label, self.dev_label, self.bias_label, self.variance_label):
                label.setText("—")
            self.situation_label.setText(self.tr("No verdict yet"))
            self.gaps_label.clear()
            if self.session.history.step and self.session.prepared.validation.m == 0:
                text = self.tr(
                    "There is no dev set, so variance cannot be told from bias: hold some "
                    "samples back with Dev set in the Data panel and train again."
                )
            else:
                text = self.tr(
                    "Train a run: when it ends, its training and dev errors are judged here."
                )
            self.advice_label.setText(text)
            return
        self.train_label.setText(verdict_number(verdict, verdict.train))
        self.dev_label.setText(verdict_number(verdict, verdict.dev))
        self.bias_label.setText(verdict_number(verdict, verdict.avoidable_bias))
        self.variance_label.setText(verdict_number(verdict, verdict.variance))
        words = verdict_text(verdict)
        self.situation_label.setText(words.title)
        self.gaps_label.setText(words.gaps)
        self.advice_label.setText(words.advice)

    # -- the test set -----------------------------------------------------------------------------
    def _update_test_button(self) -> None:
        has_test = self.session.prepared.test_set.m > 0
        self.test_button.setEnabled(has_test and not self._training)

    def _forget_test_result(self) -> None:
        """Other weights or data: an earlier test result no longer describes the network."""
        self._update_test_button()
        if self.session.prepared.test_set.m == 0:
            self.test_label.setText(
                self.tr("There is no test set: choose a Test set share in the Data panel.")
            )
        else:
            self.test_label.setText(
                self.tr(
                    "The test set ({m} samples) is kept apart until you evaluate on it."
                ).format(m=self.session.prepared.test_set.m)
            )

    def evaluate_test(self) -> None:
        """Show the network's cost and error on the test set."""
        if self._training:
            return
        try:
            result = self.session.evaluate_test()
        except NoTestSetError as exc:
            self.test_label.setText(str(exc))
            return
        if result.error is None:
            text = self.tr("Test set ({m} samples): cost J = {cost}")
        else:
            text = self.tr("Test set ({m} samples): cost J = {cost}, error {error}, accuracy {acc}")
        self.test_label.setText(
            text.format(
                m=result.m,
                cost=f"{result.cost:.4g}",
                error=f"{100.0 * (result.error or 0.0):.1f} %",
                acc=f"{100.0 * (result.accuracy or 0.0):.1f} %",
            )
        )
