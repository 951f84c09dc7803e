"""Learn mode in the main window: step-through, matrices, gradient flow, compare runs, the
gradient check, exports and the guide.

:func:`install_learn` adds the four learn views as tabs of ``window.views``, "Gradient check…"
to the Train menu, an Export submenu to the File menu and "Guide" to the Help menu, and keeps
the views in step with the session. Finished runs are kept in ``session.runs`` (the session's
:class:`~nnstudio.learn.RunStore`), which the model file saves and restores.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QTabWidget, QWidget

from ...learn import Run, RunStore, make_description
from ...session import Session
from ..common.binding import bind
from ..learn import (
    BiasVariancePanel,
    CompareRunsView,
    GradientCheckDialog,
    GradientFlowView,
    MatrixInspector,
    StepThroughView,
    TuningView,
    save_onnx_dialog,
    save_pytorch_dialog,
    session_source,
    show_guide,
)
from . import export
from .frame import WindowFrame
from .training_mode import TrainingUi


@dataclass
class LearnUi:
    """Everything :func:`install_learn` added to a main window."""

    step_view: StepThroughView
    inspector: MatrixInspector
    gradient_flow: GradientFlowView
    runs_view: CompareRunsView
    verdict_panel: BiasVariancePanel
    tuning_view: TuningView
    gradient_check_action: QAction
    export_menu: QMenu
    guide_action: QAction
    keeper: RunKeeper
    sync: _LearnSync
    tuning_lock: TuningLock


class _LearnSync(QObject):
    """Keeps the inspector, the step-through and the gradient flow in step with the session."""

    def __init__(
        self,
        window: WindowFrame,
        step_view: StepThroughView,
        inspector: MatrixInspector,
        gradient_flow: GradientFlowView,
    ) -> None:
        super().__init__(window)
        self.session: Session = window.session
        self.tabs: QTabWidget = window.views
        self.diagram = window.diagram
        self.step_view, self.inspector, self.gradient_flow = step_view, inspector, gradient_flow
        self._inspector_stale = self._gradients_stale = True
        for event in ("network", "weights", "data"):
            bind(self.session.events, event, self, self.network_changed)
        bind(self.session.events, "history", self, self.history_changed)
        # the update shown is the one the settings' optimizer makes, and Matrices shows the
        # state that optimizer keeps
        bind(self.session.events, "settings", self, self.settings_changed)

    def network_changed(self) -> None:
        self.step_view.mark_stale()
        self._inspector_stale = True
        self.refresh_visible()

    def settings_changed(self) -> None:
        self.step_view.mark_stale()
        self._inspector_stale = True
        self.refresh_visible()

    def history_changed(self) -> None:
        self._gradients_stale = True
        self.refresh_visible()

    def refresh_visible(self) -> None:
        """Bring the learn view on screen up to date; hidden ones wait until they are shown, so
        training is not slowed down by views nobody looks at."""
        current = self.tabs.currentWidget()
        if self._inspector_stale and current is self.inspector:
            self._inspector_stale = False
            data = self.session.training_data()  # X through the chosen input features
            settings = self.session.settings
            self.inspector.set_state(
                self.session.network,
                data.X,
                data.Y,
                settings.optimizer,
                settings.optimizer_options,
                self.session.optimizer_state,
            )
        if self._gradients_stale and current is self.gradient_flow:
            self._gradients_stale = False
            self.gradient_flow.set_history(self.session.history)

    def tab_changed(self, _index: int) -> None:
        """The step-through's layer outline shows only while its tab is open."""
        if self.tabs.currentWidget() is not self.step_view:
            self.diagram.highlight_layer(-1)
        self.refresh_visible()


class TuningLock(QObject):
    """One thing trains at a time: a search cannot start while the main training runs, and
    Train and Step wait while a search runs (the status line says why). A search still under
    way when the window has closed, or is about to be deleted, is ended and its thread
    joined."""

    def __init__(self, window: WindowFrame, training: TrainingUi, view: TuningView) -> None:
        super().__init__(window)
        self.window, self.training, self.view = window, training, view
        training.controller.busyChanged.connect(view.set_training)
        view.searchingChanged.connect(self.searching_changed)
        window.installEventFilter(self)

    def searching_changed(self, searching: bool) -> None:
        panel = self.training.panel
        idle = not searching and not self.training.controller.is_busy
        for widget in (
            panel.train_button,
            panel.step_button,
            panel.train_action,
            panel.step_action,
        ):
            widget.setEnabled(idle)
        if searching:
            self.window.statusBar().showMessage(
                QCoreApplication.translate(
                    "LearnMode",
                    "A hyperparameter search is running: Train waits until it ends or you "
                    "cancel it in the Tuning view.",
                )
            )
        else:
            self.window.statusBar().clearMessage()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Close:
            QTimer.singleShot(0, self, self._after_close)
        elif watched is self.window and event.type() == QEvent.Type.DeferredDelete:
            self.view.shutdown()  # a language switch replaces the window: end the search first
        return False

    def _after_close(self) -> None:
        if not self.window.isVisible():
            self.view.shutdown()


class RunKeeper(QObject):
    """Keeps the current run in the session's run store: a run starts with fresh weights (a new
    network, new data, reset weights) and is added when training first ends; continuing the
    same run updates its curves instead of adding another."""

    def __init__(self, parent: QWidget, session: Session, training: TrainingUi) -> None:
        super().__init__(parent)
        self.session = session
        self.store: RunStore = session.runs
        self._current: Run | None = None
        bind(self.session.events, "network", self, self.new_run)
        bind(self.session.events, "data", self, self.new_run)
        training.controller.finished.connect(self.keep)

    def new_run(self) -> None:
        if not self.session.history.step:
            self._current = None

    def keep(self) -> None:
        s = self.session
        if not s.history.step:
            return
        description = make_description(
            s.network,
            s.settings.learning_rate,
            s.settings.optimizer,
            s.settings.batch_size,
            (s.settings.decay_schedule, s.settings.decay_rate, s.settings.decay_interval),
            dataset=s.data_choice.name,
            init=s.init,
            # α or λ changed while it trained: the run's name says so
            **({"setting_changes": s.history.changes_to_list()} if s.history.changes else {}),
        )
        if self._current is not None and self._current in self.store.list():
            runs = self.store.list()
            index = runs.index(self._current)
            updated = Run(
                self._current.name, s.history.to_dict(), description, self._current.visible
            )
            runs[index] = updated
            self.store.replace_all(runs)
            self._current = updated
        else:
            index = self.store.add_finished(s.history.to_dict(), description)
            self._current = self.store.list()[index]


def install_learn(window: WindowFrame, training: TrainingUi) -> LearnUi:
    """Add learn mode to ``window``, next to what
    :func:`~.training_mode.install_training` added."""
    session = window.session
    diagram = window.diagram

    def training_data():  # as the network is fed it: X through the chosen input features
        data = session.training_data()
        return data.X, data.Y

    step_view = StepThroughView()
    step_view.set_source(session_source(session))
    step_view.layerHighlighted.connect(diagram.highlight_layer)
    inspector = MatrixInspector()
    window.unitSelected.connect(inspector.select_unit)
    gradient_flow = GradientFlowView()
    runs_view = CompareRunsView(session.runs)
    verdict_panel = BiasVariancePanel(session)
    tuning_view = TuningView(session)
    training.controller.busyChanged.connect(verdict_panel.set_training)
    verdict_panel.humanErrorChanged.connect(runs_view.set_human_error)
    runs_view.set_human_error(verdict_panel.human_error())

    tabs = window.views
    train_group = QCoreApplication.translate("TrainingPanel", "Train")
    understand_group = QCoreApplication.translate("LearnMode", "Understand")
    for view, title, tip in (
        (
            step_view,
            QCoreApplication.translate("LearnMode", "Step through"),
            QCoreApplication.translate(
                "LearnMode", "One forward and backward pass, a formula at a time"
            ),
        ),
        (
            inspector,
            QCoreApplication.translate("LearnMode", "Matrices"),
            QCoreApplication.translate(
                "LearnMode", "Heatmaps of W, b, Z, A, dW and db for one layer"
            ),
        ),
        (
            gradient_flow,
            QCoreApplication.translate("LearnMode", "Gradient flow"),
            QCoreApplication.translate("LearnMode", "‖dW[l]‖ per layer: vanishing or exploding"),
        ),
        (
            runs_view,
            QCoreApplication.translate("LearnMode", "Compare runs"),
            QCoreApplication.translate("LearnMode", "Cost curves of finished runs, overlaid"),
        ),
        (
            verdict_panel,
            QCoreApplication.translate("LearnMode", "Bias and variance"),
            QCoreApplication.translate(
                "LearnMode",
                "Training and dev error at the end of a run: underfitting or overfitting, and "
                "the course's next step; the test set, on request",
            ),
        ),
        (
            tuning_view,
            QCoreApplication.translate("LearnMode", "Tuning"),
            QCoreApplication.translate(
                "LearnMode",
                "Random search over α, λ, keep_prob and the units: short runs judged on the "
                "dev set",
            ),
        ),
    ):
        trains = view in (runs_view, verdict_panel, tuning_view)
        group = train_group if trains else understand_group
        tabs.add_view(view, title, tip, group)

    sync = _LearnSync(window, step_view, inspector, gradient_flow)
    tabs.currentChanged.connect(sync.tab_changed)

    # Train ▸ Gradient check…
    check_action = QAction(QCoreApplication.translate("LearnMode", "&Gradient check…"), window)
    check_action.setObjectName("gradientCheckAction")
    check_action.setToolTip(
        QCoreApplication.translate(
            "LearnMode",
            "Compare back propagation with numerical gradients on the current network and data",
        )
    )

    def open_gradient_check() -> None:
        X, Y = training_data()
        GradientCheckDialog(session.network, X, Y, window).open()

    check_action.triggered.connect(open_gradient_check)
    training.controller.busyChanged.connect(lambda busy: check_action.setEnabled(not busy))
    training.menu.addSeparator()
    training.menu.addAction(check_action)

    # File ▸ Export
    export_menu = QMenu(QCoreApplication.translate("LearnMode", "&Export"), window)
    export_menu.setObjectName("exportMenu")
    cost_plot = training.cost_view.plot
    decision_plot = training.decision_view.plot
    entries = [
        (
            "exportCostPlotAction",
            QCoreApplication.translate("LearnMode", "Cost plot as PNG or SVG…"),
            lambda: export.save_plot_dialog(window, cost_plot, "cost.png"),
        ),
        (
            "exportDecisionPlotAction",
            QCoreApplication.translate("LearnMode", "Decision boundary as PNG or SVG…"),
            lambda: export.save_plot_dialog(window, decision_plot, "decision-boundary.png"),
        ),
        (
            "exportHistoryAction",
            QCoreApplication.translate("LearnMode", "Training history as CSV…"),
            lambda: export.save_history_dialog(window, session.history),
        ),
        (
            "exportRunsAction",
            QCoreApplication.translate("LearnMode", "Compared runs as CSV…"),
            lambda: export.save_runs_dialog(window, session.runs),
        ),
        (
            "exportScriptAction",
            QCoreApplication.translate("LearnMode", "Model as a NumPy script…"),
            lambda: export.save_script_dialog(
                window,
                session.network,
                session.prepared.standardizer,
                session.dataset.class_names,
                session.feature_choice,
            ),
        ),
        (
            "exportPyTorchAction",
            QCoreApplication.translate("LearnMode", "Model as a PyTorch script…"),
            lambda: save_pytorch_dialog(window, session),
        ),
        (
            "exportOnnxAction",
            QCoreApplication.translate("LearnMode", "Model as ONNX…"),
            lambda: save_onnx_dialog(window, session),
        ),
    ]
    for name, text, slot in entries:
        action = export_menu.addAction(text)
        action.setObjectName(name)
        action.triggered.connect(slot)
    window.file_menu.insertMenu(window.quit_action, export_menu)
    window.file_menu.insertSeparator(window.quit_action)

    # Help ▸ Guide
    guide_action = QAction(
        QCoreApplication.translate("LearnMode", "&Guide: forward and back propagation"), window
    )
    guide_action.setObjectName("guideAction")
    guide_action.setShortcut("F1")
    guide_action.triggered.connect(lambda: show_guide(window, diagram=diagram))
    help_menu = window.help_menu
    actions = help_menu.actions()
    if actions:
        help_menu.insertAction(actions[0], guide_action)
    else:
        help_menu.addAction(guide_action)

    keeper = RunKeeper(window, session, training)
    tuning_lock = TuningLock(window, training, tuning_view)
    return LearnUi(
        step_view,
        inspector,
        gradient_flow,
        runs_view,
        verdict_panel,
        tuning_view,
        check_action,
        export_menu,
        guide_action,
        keeper,
        sync,
        tuning_lock,
    )
