"""The Train menu's and toolbar's actions: Train (Pause / Resume while running), Step, Stop and
Reset weights, with their shortcuts. They do what the training panel's buttons do."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from .controller import TrainingController


def run_actions(
    parent: QWidget, controller: TrainingController
) -> tuple[QAction, QAction, QAction, QAction]:
    """Train, Step, Stop and Reset weights for ``controller``, owned by ``parent``."""
    specs = (
        (
            "trainAction",
            QCoreApplication.translate("TrainingPanel", "&Train"),
            "F5",
            controller.toggle,
        ),
        ("stepAction", QCoreApplication.translate("TrainingPanel", "&Step"), "F6", controller.step),
        (
            "stopAction",
            QCoreApplication.translate("TrainingPanel", "S&top"),
            "Shift+F5",
            controller.stop,
        ),
        (
            "resetWeightsAction",
            QCoreApplication.translate("TrainingPanel", "&Reset weights"),
            "Ctrl+Shift+R",
            controller.reset_weights,
        ),
    )
    actions = []
    for name, text, keys, slot in specs:
        action = QAction(text, parent)
        action.setObjectName(name)
        action.setShortcut(QKeySequence(keys))
        action.triggered.connect(slot)
        actions.append(action)
    train, step, stop, reset = actions
    train.setStatusTip(
        QCoreApplication.translate("TrainingPanel", "Train the network; while training, pause it")
    )
    step.setStatusTip(
        QCoreApplication.translate(
            "TrainingPanel", "One iteration: forward pass, backward pass, update"
        )
    )
    stop.setStatusTip(
        QCoreApplication.translate("TrainingPanel", "End the run and keep its weights")
    )
    reset.setStatusTip(
        QCoreApplication.translate("TrainingPanel", "Draw the initial weights again from the seed")
    )
    return train, step, stop, reset
