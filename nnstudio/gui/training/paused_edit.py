"""Editing while a run is paused: the reason the builder and the data are locked, and the one-click
offer to end the run when the learner reaches for them anyway.

A paused run still owns the network and the data it started with (Resume goes on with them), so
they stay locked; but after a Step or a Pause the learner has no run to protect, only a question
to answer: end the run here (weights and history kept) and edit.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QMessageBox, QWidget

from .controller import TrainingController


def _paused_at(controller: TrainingController) -> int:
    report = controller.last_report
    return report.step if report is not None else controller.run_start


def paused_reason(controller: TrainingController) -> str:
    """The banner over the locked builder and data panel while the run is paused."""
    return QCoreApplication.translate(
        "PausedEdit",
        "Paused at iteration {step}. The paused run keeps this network and data: press "
        "End the run to edit them (the weights and the history stay), or Resume (F5) to go on.",
    ).format(step=_paused_at(controller))


class EndRunOffer(QObject):
    """Asks, when the learner clicks the locked builder or data panel of a paused run, whether
    to end the run; "End the run" stops it, and the panels unlock when it has ended."""

    def __init__(self, window: QWidget, controller: TrainingController) -> None:
        super().__init__(window)
        self.window, self.controller = window, controller
        self.box: QMessageBox | None = None

    def ask(self) -> QMessageBox | None:
        """Open the question (window-modal, not blocking); returns it, or None when the run is
        not paused."""
        if not self.controller.is_paused:
            return None
        if self.box is not None:
            self.box.raise_()
            return self.box
        box = QMessageBox(self.window)
        box.setObjectName("endRunQuestion")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(QCoreApplication.translate("PausedEdit", "End the paused run?"))
        box.setText(
            QCoreApplication.translate(
                "PausedEdit", "The run is paused at iteration {step}. End it to edit?"
            ).format(step=_paused_at(self.controller))
        )
        box.setInformativeText(
            QCoreApplication.translate(
                "PausedEdit",
                "A run trains the network and the data it started with, so they cannot change "
                "while it lasts. Ending it keeps the weights and the history; Train then starts "
                "a new run from these weights.",
            )
        )
        end = box.addButton(
            QCoreApplication.translate("PausedEdit", "End the run"),
            QMessageBox.ButtonRole.AcceptRole,
        )
        end.setObjectName("endRunButton")
        keep = box.addButton(
            QCoreApplication.translate("PausedEdit", "Keep it paused"),
            QMessageBox.ButtonRole.RejectRole,
        )
        keep.setObjectName("keepPausedButton")
        box.setDefaultButton(end)
        box.setEscapeButton(keep)

        def answered() -> None:
            if box.clickedButton() is end and self.controller.is_paused:
                self.controller.stop()
            self.box = None
            box.deleteLater()

        box.finished.connect(answered)
        self.box = box
        box.open()
        return box
