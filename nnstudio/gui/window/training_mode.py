"""Training in the main window: the training panel in a "Training" dock, the cost, activations
and decision views as tabs of the window's ``views``, a Train menu before Help, the status line,
the editing lock while a run is active and the diagram's unit selection.

:func:`install_training` builds these parts for a :class:`~.frame.WindowFrame` and returns them
as a :class:`TrainingUi`, which the main window keeps as ``window.training``.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu, QToolBar

from ..training import (
    EndRunOffer,
    RunRefusal,
    TrainingController,
    TrainingPanel,
    paused_reason,
)
from ..views import ActivationsView, CostView, DecisionView
from .frame import WindowFrame


class _ShutdownOnClose(QObject):
    """Stops training once the window has really closed (a closeEvent may still refuse)."""

    def __init__(self, window: QMainWindow, controller: TrainingController) -> None:
        super().__init__(window)
        self._window, self.controller = window, controller

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.Close:
            QTimer.singleShot(0, self, self._after_close)
        return False

    def _after_close(self) -> None:
        if not self._window.isVisible():
            self.controller.shutdown()


@dataclass
class TrainingUi:
    """Everything :func:`install_training` added to a main window."""

    controller: TrainingController
    panel: TrainingPanel
    dock: QDockWidget
    cost_view: CostView
    activations_view: ActivationsView
    decision_view: DecisionView
    menu: QMenu
    refusal: RunRefusal


def fill_training_toolbar(toolbar: QToolBar, panel: TrainingPanel) -> None:
    """Train (prominent), Step, Stop and Reset weights, then the panel's quick controls (α,
    epochs, optimizer), moved out of the panel so that they are in view whichever dock is."""
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    toolbar.addActions(panel.training_actions())
    train = toolbar.widgetForAction(panel.train_action)
    if train is not None:
        train.setObjectName("toolbarTrainButton")
        font = train.font()
        font.setBold(True)
        train.setFont(font)
        train.setMinimumWidth(train.sizeHint().width() + 24)
    toolbar.addSeparator()
    toolbar.addWidget(panel.quick_controls)


def install_training(window: WindowFrame) -> TrainingUi:
    """Add training to ``window`` (see the module).

    Training stops (and its thread is joined) once the window has closed, and when the
    application quits; a closeEvent that accepts may also call ``ui.controller.shutdown()``
    itself, which is harmless.
    """
    session = window.session
    controller = TrainingController(session, window)
    controller.setObjectName("trainingController")
    panel = TrainingPanel(session, controller, undo_stack=window.undo_stack)
    dock = QDockWidget(QCoreApplication.translate("TrainingPanel", "Training"), window)
    dock.setObjectName("trainingDock")
    # not in a scroll area: the panel is short, and its explanations must show whole
    dock.setWidget(panel)
    dock.setFeatures(
        QDockWidget.DockWidgetFeature.DockWidgetMovable
        | QDockWidget.DockWidgetFeature.DockWidgetFloatable
        | QDockWidget.DockWidgetFeature.DockWidgetClosable
    )
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    window.splitDockWidget(window.data_dock, dock, Qt.Orientation.Vertical)

    cost_view = CostView(session, controller)
    activations_view = ActivationsView(session, controller)
    decision_view = DecisionView(session, controller)
    tabs = window.views
    group = QCoreApplication.translate("TrainingPanel", "Train")
    for view, title, tip in (
        (
            cost_view,
            QCoreApplication.translate("TrainingPanel", "Cost"),
            QCoreApplication.translate("TrainingPanel", "The cost J and the accuracy as it trains"),
        ),
        (
            activations_view,
            QCoreApplication.translate("TrainingPanel", "Activations"),
            QCoreApplication.translate(
                "TrainingPanel", "A[l] for a batch of samples: saturated and dead units show here"
            ),
        ),
        (
            decision_view,
            QCoreApplication.translate("TrainingPanel", "Decision boundary"),
            QCoreApplication.translate(
                "TrainingPanel", "The network's output over the input plane, behind the data"
            ),
        ),
    ):
        tabs.add_view(view, title, tip, group)

    menu = QMenu(QCoreApplication.translate("TrainingPanel", "&Train"), window)
    menu.setObjectName("trainMenu")
    menu.addActions(panel.training_actions())
    window.menuBar().insertMenu(window.help_menu.menuAction(), menu)
    window.view_menu.addAction(dock.toggleViewAction())

    shown_status = [""]  # the controller's last status line

    def show_status(text: str) -> None:
        # an empty line clears the bar only while it still shows the controller's last line,
        # never a message someone else showed since
        bar = window.statusBar()
        if text:
            bar.showMessage(text)
        elif bar.currentMessage() == shown_status[0]:
            bar.clearMessage()
        shown_status[0] = text

    controller.statusMessage.connect(show_status)
    refusal = RunRefusal(window, panel)
    controller.refused.connect(refusal.explain)

    def update_lock(*_args: object) -> None:
        # paused, one click ends the run and frees the builder and the data; running, the run
        # must be paused or stopped first
        if not controller.is_busy:
            window.set_editing_locked(False, "")
        elif controller.is_paused:
            window.set_editing_locked(True, paused_reason(controller), can_end=True)
        else:
            window.set_editing_locked(True, controller.busy_reason())

    controller.busyChanged.connect(update_lock)
    controller.stateChanged.connect(update_lock)

    # the banner names the iteration the run is paused at: a Step moves it on
    def update_paused_lock(_report: object) -> None:
        if controller.is_paused:
            update_lock()

    controller.reportReceived.connect(update_paused_lock)
    window.endRunRequested.connect(controller.stop)
    offer = EndRunOffer(window, controller)
    window.lockedEditAttempted.connect(offer.ask)
    window.unitSelected.connect(decision_view.set_selected_unit)
    # each unit of the diagram pictures its output over the plane from the views' arrays
    controller.viewsChanged.connect(window.diagram.show_views)
    if controller.views is not None:
        window.diagram.show_views(controller.views)
    pictures = QAction(QCoreApplication.translate("TrainingPanel", "Unit &pictures"), window)
    pictures.setObjectName("unitPicturesAction")
    pictures.setCheckable(True)
    pictures.setChecked(True)
    pictures.setShortcut(QKeySequence("Ctrl+Shift+U"))
    pictures.setStatusTip(
        QCoreApplication.translate(
            "TrainingPanel",
            "Show in each unit of the network diagram its output over the input plane "
            "(two inputs only)",
        )
    )
    pictures.toggled.connect(window.diagram.set_pictures_enabled)
    window.view_menu.addAction(pictures)
    window.installEventFilter(_ShutdownOnClose(window, controller))
    return TrainingUi(
        controller, panel, dock, cost_view, activations_view, decision_view, menu, refusal
    )
