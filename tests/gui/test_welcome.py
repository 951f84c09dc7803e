"""The welcome tour: opens by itself on a first start only, frames the widgets it talks about,
moves on when the learner does what a step asks, and can be closed and reopened."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QPoint, QRect, QSettings, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QWidget

from nnstudio.gui import MainWindow
from nnstudio.gui.window.language import install_language
from nnstudio.gui.window.main_window import switch_language

WAIT = 20_000


def settle(qtbot) -> None:
    """Let the events already posted (a zero-delay timer queued on showing) run."""
    done: list[bool] = []
    QTimer.singleShot(0, lambda: done.append(True))
    qtbot.waitUntil(lambda: bool(done))


def first_start_window(qtbot) -> MainWindow:
    QSettings().remove("welcome/shown")
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    return window


def open_tour(window: MainWindow):
    window.findChild(QAction, "welcomeTourAction").trigger()
    return window.welcome


def click(qtbot, button) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def geometry_in_window(window: QWidget, widget: QWidget) -> QRect:
    top_left = window.mapFromGlobal(widget.mapToGlobal(QPoint(0, 0)))
    return QRect(top_left, widget.size()).intersected(window.rect())


def assert_framed(tour, window, *names: str) -> None:
    """The spotlight frames exactly the widgets called ``names``, each on screen and inside
    its frame."""
    targets = tour.spotlight.targets
    assert [t.objectName() for t in targets] == list(names)
    assert tour.spotlight.isVisible()
    for target, frame in zip(targets, tour.spotlight.rects(), strict=True):
        shown = geometry_in_window(window, target)
        assert target.isVisible() and not shown.isEmpty()
        assert frame.contains(shown), (target.objectName(), frame, shown)


def test_a_first_start_opens_the_tour_and_a_later_start_does_not(qtbot):
    window = first_start_window(qtbot)
    try:
        tour = window.welcome
        qtbot.waitUntil(lambda: tour.panel.isVisible(), timeout=WAIT)
        assert tour.index == 0
        assert tour.panel.title.text() == "Welcome to NN Studio"
        assert "m = 400" in tour.panel.body.text()  # the open model's own numbers
        assert window.statusBar().currentMessage() == ""  # the tour replaces the start hint
        click(qtbot, tour.panel.close_button)
        assert not tour.panel.isVisible() and not tour.spotlight.isVisible()
        assert QSettings().value("welcome/shown", False, type=bool)
    finally:
        window.training.controller.shutdown()

    later = MainWindow()
    qtbot.addWidget(later)
    later.show()
    settle(qtbot)
    assert not later.welcome.is_open and not later.welcome.panel.isVisible()


def test_the_test_windows_start_without_the_tour(qtbot, window):
    settle(qtbot)
    assert not window.welcome.is_open and not window.welcome.panel.isVisible()


def test_next_and_back_move_and_frame_the_widget_each_step_names(qtbot, window):
    tour = open_tour(window)
    panel = tour.panel
    assert tour.index == 0 and panel.isVisible() and not panel.back_button.isEnabled()
    assert_framed(tour, window, "networkDiagram", "dataPlot")

    click(qtbot, panel.next_button)
    assert tour.index == 1 and panel.title.text() == "Read the shapes"
    assert "(4, 2)" in panel.body.text() and "(4, 400)" in panel.body.text()
    assert_framed(tour, window, "dimensionTable")

    click(qtbot, panel.back_button)
    assert tour.index == 0
    assert_framed(tour, window, "networkDiagram", "dataPlot")

    # the decision boundary step brings its view to the front, wherever it was
    window.views.setCurrentWidget(window.learn.runs_view)
    for _ in range(3):
        click(qtbot, panel.next_button)
    assert tour.index == 3
    assert window.views.currentWidget() is window.training.decision_view
    assert_framed(tour, window, "decisionView")

    click(qtbot, panel.next_button)
    assert_framed(tour, window, "addLayerButton")
    click(qtbot, panel.next_button)
    assert tour.index == 5 and panel.next_button.text() == "Finish"
    assert window.views.currentWidget() is window.learn.step_view
    assert_framed(tour, window, "startPassButton")
    click(qtbot, panel.next_button)
    assert not tour.is_open and not panel.isVisible()
    assert QSettings().value("welcome/shown", False, type=bool) is True


def test_the_frame_follows_its_widget_when_the_window_resizes(qtbot, window):
    tour = open_tour(window)
    click(qtbot, tour.panel.next_button)  # the dimension table
    window.resize(window.width() - 160, window.height() - 60)
    qtbot.waitUntil(
        lambda: (
            tour.spotlight.rects()[0].contains(geometry_in_window(window, window.dimension_table))
            and tour.spotlight.geometry() == window.rect()
            and window.rect().contains(tour.panel.geometry())
        ),
        timeout=WAIT,
    )


def test_pressing_the_real_train_button_moves_the_train_step_on(qtbot, window):
    window.training.panel.epochs.setValue(30)
    tour = open_tour(window)
    click(qtbot, tour.panel.next_button)
    click(qtbot, tour.panel.next_button)
    assert tour.index == 2 and tour.step.waits_for == "train"
    framed = tour.spotlight.targets
    assert framed and all("train" in t.objectName().lower() for t in framed)
    with (
        qtbot.waitSignal(tour.stepChanged, timeout=WAIT) as moved,
        qtbot.waitSignal(window.training.controller.finished, timeout=WAIT),
    ):
        click(qtbot, window.training.panel.train_button)
    assert moved.args == [3]
    assert tour.index == 3 and window.views.currentWidget() is window.training.decision_view


def test_adding_a_hidden_layer_moves_the_layer_step_on(qtbot, window):
    tour = open_tour(window)
    tour.go_to(4)
    assert tour.step.waits_for == "network"
    window.data_panel.seed_spin.setValue(7)  # new weights, same layers: the step waits
    assert tour.index == 4
    add = window.findChild(QWidget, "addLayerButton")
    click(qtbot, add)
    assert window.session.spec.layer_dims == (2, 4, 4, 1)
    assert tour.index == 5


def test_closing_keeps_the_tour_closed_and_help_reopens_it_at_the_first_step(qtbot, window):
    QSettings().remove("welcome/shown")
    tour = open_tour(window)
    tour.go_to(3)
    qtbot.keyClick(tour.panel.next_button, Qt.Key.Key_Escape)
    assert not tour.is_open and not tour.panel.isVisible()
    assert QSettings().value("welcome/shown", False, type=bool) is True
    open_tour(window)
    assert tour.index == 0 and tour.panel.isVisible()


def test_a_language_switch_reopens_the_tour_at_the_same_step(qtbot, qapp):
    window = MainWindow()  # replaced, and deleted, by the switch: not given to qtbot
    window.show()
    tour = open_tour(window)
    tour.go_to(2)
    try:
        new = switch_language(window, "zh_CN")
        assert new is not None and new is not window
        qtbot.waitUntil(lambda: new.welcome.is_open, timeout=WAIT)
        assert new.welcome.index == 2 and new.welcome.panel.isVisible()
        qtbot.waitUntil(lambda: not shiboken6.isValid(window), timeout=WAIT)
    finally:
        install_language(qapp, "en")
        for left in QApplication.topLevelWidgets():
            if isinstance(left, MainWindow):
                left.training.controller.shutdown()
                left.file_controller.close_without_asking()
                left.deleteLater()
