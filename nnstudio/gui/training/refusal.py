"""Why Train did not start, in a message box: the engine's own message under a title that names
the kind of problem, and the way out where there is one.

:meth:`Session.plan_run <nnstudio.session.Session.plan_run>` refuses a run before any thread
starts. A :class:`~nnstudio.engine.NotEnoughMemoryError` that knows a batch size that fits offers
a "Use batch size N" button, which sets it through the panel's batch-size box (so the change is
one undoable edit, like typing it); a :class:`~nnstudio.engine.HyperparameterError` puts the
keyboard focus on the control of the setting it names once the box closes.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QAbstractSpinBox, QMainWindow, QMessageBox, QPushButton, QWidget

from ...engine import OPTIMIZERS, HyperparameterError, NotEnoughMemoryError, TrainingDataError
from .panel import TrainingPanel

#: how long the status bar says what the box's button did (ms)
STATUS_TIMEOUT = 8000


def sentence(message: str) -> str:
    """``message`` starting with a capital letter (the engine's messages are clauses), unless
    it starts with a symbol of the notation: α, λ or β stay as they are."""
    if message[:1].isascii():
        return message[:1].upper() + message[1:]
    return message


class RunRefusal(QObject):
    """Explains a run the plan refused (see the module) over ``window``, whose training panel
    is ``panel``. The box is window-modal and opened without blocking; ``box`` is the one shown
    last (None before the first)."""

    def __init__(self, window: QMainWindow, panel: TrainingPanel) -> None:
        super().__init__(window)
        self.window, self.panel = window, panel
        self.box: QMessageBox | None = None

    def control_for(self, field: str) -> QWidget | None:
        """The panel's control of setting ``field``; an optimizer's own option (β1, ε, …) has
        none of its own, so the optimizer's."""
        panel = self.panel
        controls: dict[str, QWidget] = {
            "learning_rate": panel.learning_rate,
            "epochs": panel.epochs,
            "batch_size": panel.batch_size,
            "optimizer": panel.optimizer,
            "l2": panel.l2,
            "l1": panel.l1,
            "seed": panel.seed,
        }
        if field in controls:
            return controls[field]
        if any(field in cls.hyperparameter_names for cls in OPTIMIZERS.values()):
            return panel.optimizer
        return None

    def explain(self, error: Exception) -> None:
        """Show why the run was refused, and offer the fix the error carries."""
        box = QMessageBox(QMessageBox.Icon.Warning, "", sentence(str(error)), parent=self.window)
        box.setObjectName("runRefusedBox")
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        box.setDefaultButton(QMessageBox.StandardButton.Ok)
        use_batch: QPushButton | None = None
        focus: QWidget | None = None
        if isinstance(error, NotEnoughMemoryError):
            box.setWindowTitle(self.tr("Not enough memory to train"))
            if error.batch_size is not None:
                use_batch = box.addButton(
                    self.tr("Use batch size {n}").format(n=error.batch_size),
                    QMessageBox.ButtonRole.AcceptRole,
                )
                use_batch.setObjectName("useBatchSizeButton")
                box.setDefaultButton(use_batch)
        elif isinstance(error, HyperparameterError):
            box.setWindowTitle(self.tr("A training setting is out of range"))
            focus = self.control_for(error.field)
            if focus is not None:
                box.setInformativeText(self.tr("Change it and press Train again."))
        elif isinstance(error, TrainingDataError):
            box.setWindowTitle(self.tr("Cannot train on this data"))
        else:
            box.setWindowTitle(self.tr("Cannot start training"))
        batch = error.batch_size if isinstance(error, NotEnoughMemoryError) else None

        def finished() -> None:
            if use_batch is not None and box.clickedButton() is use_batch and batch is not None:
                self.use_batch_size(batch)
            elif focus is not None:
                focus.setFocus()
                if isinstance(focus, QAbstractSpinBox):
                    focus.selectAll()

        box.finished.connect(finished)
        if self.box is not None:
            self.box.close()
            self.box.deleteLater()
        self.box = box
        box.open()

    def use_batch_size(self, batch: int) -> None:
        """Set the batch size as the panel's box does (one undoable edit) and say so."""
        self.panel.batch_size.setValue(batch)
        self.window.statusBar().showMessage(
            self.tr("Batch size set to {n}: press Train to start.").format(n=batch),
            STATUS_TIMEOUT,
        )
