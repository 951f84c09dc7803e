"""The welcome tour: one loop through the app, in the app, for a learner's first start.

Six steps (:func:`tour_steps`): what you see, the shapes in the dimension table, Train, the
decision boundary, a second hidden layer, where to go next. Each step names widgets by their
object name; when the step is shown they are looked up, their dock and view are brought to the
front (:func:`~nnstudio.gui.common.spotlight.reveal`) and a :class:`Spotlight` frames them.
The texts say what to do in words that stay true wherever the controls sit, and quote the open
model's own numbers (its shapes, its m).

The tour is a card floating over a corner of the window (a
:class:`~nnstudio.gui.common.tour_card.TourCard`), not a dialog: the app stays usable while it
is open. "Press Train" moves on by itself when training starts, "add a layer" when the
network's layers change. Closing or finishing it stores ``welcome/shown`` in QSettings, so it
opens by itself only until then; Help ▸ Welcome tour opens it again at step 1. A language
switch rebuilds the window: the new window's tour opens at the step the old one showed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QRect, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QPushButton,
    QToolBar,
    QWidget,
)

from ..common.binding import bind
from ..common.spotlight import Spotlight, reveal
from ..common.tour_card import TourCard
from ..training import TrainingController
from .frame import WindowFrame

SHOWN_KEY = "welcome/shown"
EDGE = 14  # the card keeps this far from the window's edges


@dataclass
class TourStep:
    """One step: its title, its text and what to do (built when shown, from the open model),
    the object names of the widgets it frames, and what moves it on by itself ("" for
    nothing, "train" when training starts, "network" when the layers change)."""

    title: Callable[[], str]
    body: Callable[[], str]
    todo: Callable[[], str]
    targets: tuple[str, ...] = ()
    waits_for: str = ""


def tour_steps(window: WindowFrame) -> list[TourStep]:
    """The steps of the tour over ``window``'s session."""
    session = window.session

    def first_step() -> str:
        spec = session.spec
        layers = " → ".join(
            [str(spec.layer_dims[0])]
            + [f"{n} {g}" for n, g in zip(spec.layer_dims[1:], spec.activations, strict=False)]
        )
        return QCoreApplication.translate(
            "WelcomeTour",
            "On the right is your data: m = {m} training samples, each one a column of X with "
            "n<sup>[0]</sup> = {n0} features. In the middle is the network that learns from "
            "it, a {L}-layer network: {layers}. Input and output do not count as layers.",
        ).format(m=session.m, n0=spec.layer_dims[0], L=spec.L, layers=layers)

    def shapes_step() -> str:
        dims = session.spec.layer_dims
        return QCoreApplication.translate(
            "WelcomeTour",
            "Each row of the dimension table is one layer l. W<sup>[1]</sup> is ({n1}, {n0}): "
            "one row per unit of layer 1, one column per input feature. It has no m, because "
            "every sample uses the same weights. Z<sup>[1]</sup> and A<sup>[1]</sup> are "
            "({n1}, {m}): one column per sample.",
        ).format(n1=dims[1] if len(dims) > 1 else 0, n0=dims[0], m=session.m)

    return [
        TourStep(
            lambda: QCoreApplication.translate("WelcomeTour", "Welcome to NN Studio"),
            first_step,
            lambda: QCoreApplication.translate(
                "WelcomeTour", "Click Next for a short tour: four steps to a trained network."
            ),
            ("networkDiagram", "dataPlot"),
        ),
        TourStep(
            lambda: QCoreApplication.translate("WelcomeTour", "Read the shapes"),
            shapes_step,
            lambda: QCoreApplication.translate(
                "WelcomeTour", "Hover a cell of the table to see why it has its shape."
            ),
            ("dimensionTable",),
        ),
        TourStep(
            lambda: QCoreApplication.translate("WelcomeTour", "Train the network"),
            lambda: QCoreApplication.translate(
                "WelcomeTour",
                "Training repeats three moves: forward propagation computes ŷ for all m "
                "samples, back propagation computes dW and db, and the update W := W − α·dW "
                "makes the cost J a little smaller.",
            ),
            lambda: QCoreApplication.translate(
                "WelcomeTour",
                "Press the highlighted Train button (or F5). This step moves on by itself when "
                "training starts.",
            ),
            ("train",),
            waits_for="train",
        ),
        TourStep(
            lambda: QCoreApplication.translate("WelcomeTour", "Watch the decision boundary"),
            lambda: QCoreApplication.translate(
                "WelcomeTour",
                "The colours behind the points are the network's output ŷ over the input "
                "plane; the decision boundary is where one class turns into the other. Watch "
                "it bend around the data while J falls (the Cost view plots J).",
            ),
            lambda: QCoreApplication.translate(
                "WelcomeTour", "Let the run finish, or press Stop when the boundary looks right."
            ),
            ("decisionView",),
        ),
        TourStep(
            lambda: QCoreApplication.translate("WelcomeTour", "Try a second hidden layer"),
            lambda: QCoreApplication.translate(
                "WelcomeTour",
                "One hidden layer can bend the boundary only so far. Press the highlighted Add "
                "layer button in the Network builder: a second hidden layer appears, and the "
                "dimension table shows the shape of its W and b. Then press Train again.",
            ),
            lambda: QCoreApplication.translate(
                "WelcomeTour",
                "Stop the run first if it is still training. This step moves on by itself "
                "when the network changes.",
            ),
            ("addLayerButton",),
            waits_for="network",
        ),
        TourStep(
            lambda: QCoreApplication.translate("WelcomeTour", "Where to go next"),
            lambda: QCoreApplication.translate(
                "WelcomeTour",
                "Step through shows one forward and backward pass a formula at a time, with "
                "this network's real shapes: press Start a pass. Compare runs overlays the "
                "cost curves of your runs. Help ▸ Guide (F1) explains forward and back "
                "propagation in the course's notation.",
            ),
            lambda: QCoreApplication.translate(
                "WelcomeTour", "Reopen this tour at any time from Help ▸ Welcome tour."
            ),
            ("startPassButton",),
        ),
    ]


class WelcomeTour(QObject):
    """The tour over ``window`` (see the module): :meth:`start`, :meth:`next_step`,
    :meth:`previous_step`, :meth:`close`; ``index`` is the step shown, -1 while closed."""

    stepChanged = Signal(int)
    closed = Signal()

    def __init__(self, window: WindowFrame, controller: TrainingController) -> None:
        super().__init__(window)
        self.setObjectName("welcomeTour")
        self.window = window
        self.controller = controller
        self.steps = tour_steps(window)
        self.index = -1
        self._layers_at_step: tuple[int, ...] = ()
        self.spotlight = Spotlight(window)
        self.panel = TourCard(window)
        self.panel.hide()
        self.panel.next_button.clicked.connect(self.next_step)
        self.panel.back_button.clicked.connect(self.previous_step)
        self.panel.close_button.clicked.connect(self.close)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self.panel)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self.close)
        controller.stateChanged.connect(self._training_state)
        bind(window.session.events, "network", self, self._network_changed)

    @property
    def is_open(self) -> bool:
        return self.index >= 0

    @property
    def step(self) -> TourStep | None:
        return self.steps[self.index] if self.is_open else None

    # -- moving ---------------------------------------------------------------------------------
    def start(self, index: int = 0) -> None:
        """Open the tour at step ``index`` (the first by default)."""
        self.go_to(index)
        self.panel.next_button.setFocus()

    def go_to(self, index: int) -> None:
        if not self.is_open:  # (watch the window's size only while the card is over it)
            self.window.installEventFilter(self)
        self.index = max(0, min(index, len(self.steps) - 1))
        step = self.steps[self.index]
        self._layers_at_step = self.window.session.spec.layer_dims
        targets = self.find_targets(step)
        self.spotlight.set_targets(targets)
        self.panel.show_page(step.title(), step.body(), step.todo(), self.index, len(self.steps))
        self.panel.show()
        self.panel.bring_to_front()
        self.place_panel()
        self.stepChanged.emit(self.index)

    def next_step(self) -> None:
        if self.index >= len(self.steps) - 1:
            self.close()
        elif self.is_open:
            self.go_to(self.index + 1)

    def previous_step(self) -> None:
        if self.index > 0:
            self.go_to(self.index - 1)

    def close(self) -> None:
        """Close the tour; it does not open by itself again."""
        if not self.is_open:
            return
        self.index = -1
        self.window.removeEventFilter(self)
        self.spotlight.set_targets([])
        self.panel.hide()
        QSettings().setValue(SHOWN_KEY, True)
        self.closed.emit()

    # -- what a step shows ------------------------------------------------------------------------
    def find_targets(self, step: TourStep) -> list[QWidget]:
        """The widgets ``step`` frames, looked up now and brought to the front."""
        found: list[QWidget] = []
        for name in step.targets:
            if name == "train":
                found.extend(self._train_controls())
                continue
            widget = self.window.findChild(QWidget, name)
            if widget is not None:
                reveal(widget)
                found.append(widget)
        return found

    def _train_controls(self) -> list[QWidget]:
        """The Train buttons on screen (a toolbar's, the training panel's); if none is, the
        training panel's, brought to the front."""
        shown: list[QWidget] = []
        action = self.window.findChild(QAction, "trainAction")
        if action is not None:
            for bar in self.window.findChildren(QToolBar):
                button = bar.widgetForAction(action)
                if button is not None and self._on_screen(button):
                    shown.append(button)
        panel_button = self.window.findChild(QPushButton, "trainButton")
        if panel_button is not None and (self._on_screen(panel_button) or not shown):
            reveal(panel_button)
            shown.append(panel_button)
        return shown

    def _on_screen(self, widget: QWidget) -> bool:
        """Shown inside the window (a dock behind another dock's tab is "visible" off screen)."""
        return not self.spotlight.target_rect(widget).isEmpty()

    def place_panel(self) -> None:
        """Put the card in the corner of the window where it covers the framed widgets least."""
        window = self.window
        central = window.centralWidget()
        area = central.geometry() if central is not None else window.rect()
        for dock in window.findChildren(QDockWidget):
            if self._on_screen(dock) and not dock.isFloating():
                area = area.united(dock.geometry())
        area = area.adjusted(EDGE, EDGE, -EDGE, -EDGE)
        size = self.panel.size()
        corners = [
            (area.right() - size.width(), area.bottom() - size.height()),
            (area.left(), area.bottom() - size.height()),
            (area.right() - size.width(), area.top()),
            (area.left(), area.top()),
        ]
        frames = [r for r in self.spotlight.rects() if not r.isEmpty()]

        def covered(corner: tuple[int, int]) -> int:
            card = QRect(corner[0], corner[1], size.width(), size.height())
            return sum(card.intersected(f).width() * card.intersected(f).height() for f in frames)

        x, y = min(corners, key=covered)
        self.panel.move(max(0, x), max(0, y))

    # -- moving on by itself ----------------------------------------------------------------------
    def _training_state(self, state: str) -> None:
        step = self.step
        if step is not None and step.waits_for == "train" and state == "running":
            self.next_step()

    def _network_changed(self) -> None:
        step = self.step
        if step is None or step.waits_for != "network":
            return
        if self.window.session.spec.layer_dims != self._layers_at_step:
            self.next_step()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Resize and self.is_open:
            QTimer.singleShot(0, self, self.place_panel)
        return False


class _FirstShow(QObject):
    """Opens the tour once the window is first shown: at step 1 on a first start, or at the
    step a window over the same session showed before a language switch replaced it."""

    def __init__(self, tour: WelcomeTour, step: int | None) -> None:
        super().__init__(tour)
        self.tour, self.step = tour, step
        tour.window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.tour.window and event.type() == QEvent.Type.Show:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self.tour, self._open)
        return False

    def _open(self) -> None:
        if self.step is not None:
            self.tour.start(self.step)
        elif not QSettings().value(SHOWN_KEY, False, type=bool):
            self.tour.start(0)
            self.tour.window.statusBar().clearMessage()  # the tour says what to do first


def install_welcome(window: WindowFrame, controller: TrainingController) -> WelcomeTour:
    """Add the tour to ``window``: Help ▸ Welcome tour, and opening it by itself (see
    :class:`_FirstShow`)."""
    tour = WelcomeTour(window, controller)
    action = QAction(QCoreApplication.translate("WelcomeTour", "&Welcome tour"), window)
    action.setObjectName("welcomeTourAction")
    action.setStatusTip(
        QCoreApplication.translate(
            "WelcomeTour", "A short tour: read the shapes, train, watch the boundary"
        )
    )
    action.triggered.connect(lambda: tour.start(0))
    window.help_menu.insertAction(window.about_action, action)
    _FirstShow(tour, _step_of_replaced_window(window))
    return tour


def _step_of_replaced_window(window: WindowFrame) -> int | None:
    """The step shown by the tour of another window over the same session (the one a language
    switch is replacing), or None."""
    for other in QApplication.topLevelWidgets():
        if other is window or not isinstance(other, WindowFrame):
            continue
        if other.session is not window.session:
            continue
        tour = other.findChild(WelcomeTour, "welcomeTour")
        if tour is not None and tour.is_open:
            return tour.index
    return None
