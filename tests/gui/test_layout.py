"""The window's layout at first sight: every view listed, the training knobs in view, a size that
fits the screen and comes back, a plane that keeps its proportions, and a paused run that hands
the builder back in one click."""

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from nnstudio.gui import MainWindow

WAIT = 10_000
LAPTOP = (1280, 800)


@pytest.fixture
def laptop(window, qtbot):
    """The shown window at a 1280 × 800 laptop's size, the Data dock in front."""
    window.resize(*LAPTOP)
    qtbot.waitUntil(lambda: window.width() == LAPTOP[0])
    return window


def in_view(window, widget) -> bool:
    """``widget`` is shown and lies wholly inside the window (not behind a tab or off the edge)."""
    if not widget.isVisible() or widget.visibleRegion().isEmpty():
        return False
    top_left = widget.mapTo(window, QPoint(0, 0))
    return window.rect().contains(top_left) and window.rect().contains(
        top_left + QPoint(widget.width() - 1, widget.height() - 1)
    )


def listed_views(window):
    """(group, title, tab index) of every row of the view list, headings as (title, None)."""
    nav = window.views.navigator
    rows, group = [], None
    for row in range(nav.count()):
        item = nav.item(row)
        index = item.data(Qt.ItemDataRole.UserRole)
        if index is None:
            group = item.text()
        else:
            rows.append((group, item.text(), index))
    return rows


def test_every_view_is_listed_in_a_group_and_none_is_out_of_sight(laptop):
    rows = listed_views(laptop)
    assert sorted(index for _, _, index in rows) == list(range(laptop.views.count()))
    groups = {title: group for group, title, _ in rows}
    assert groups["Network"] == "Build"
    assert groups["Cost"] == groups["Decision boundary"] == groups["Compare runs"] == "Train"
    assert groups["Step through"] == groups["Matrices"] == groups["Gradient flow"] == "Understand"
    nav = laptop.views.navigator
    assert in_view(laptop, nav)
    for row in range(nav.count()):  # no scrolling needed to see a view's name
        assert nav.viewport().rect().contains(nav.visualItemRect(nav.item(row)))
    assert not laptop.views.tabBar().isVisible()


def test_the_list_and_the_keyboard_choose_the_view(laptop, qtbot):
    nav, views = laptop.views.navigator, laptop.views
    cost = laptop.training.cost_view
    rect = nav.visualItemRect(nav.item_for(views.indexOf(cost)))
    qtbot.mouseClick(nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert views.currentWidget() is cost
    # a heading cannot be chosen: the arrow keys step over it
    nav.setFocus()
    qtbot.keyClick(nav, Qt.Key.Key_Up)
    assert views.currentIndex() == 0 and nav.currentItem().text() == "Network"
    qtbot.keyClick(nav, Qt.Key.Key_Down)
    assert views.currentWidget() is cost
    # Ctrl+PgDown from anywhere: the next view in the list's order
    order = views.ordered_indexes()
    laptop.diagram.setFocus()
    qtbot.keyClick(laptop.diagram, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert views.currentIndex() == order[order.index(views.indexOf(cost)) + 1]
    # View ▸ Go to lists every view, numbered in the list's order
    go_to = laptop.go_to_menu
    titled = [a for a in go_to.actions() if a.isCheckable()]
    assert [a.text() for a in titled] == [views.tabText(i) for i in order]
    assert titled[2].shortcut().toString() == "Ctrl+3"
    titled[2].trigger()
    assert views.currentIndex() == order[2] and titled[2].isChecked()


def test_the_knobs_changed_most_and_train_are_in_view_at_1280_by_800(laptop, qtbot):
    assert laptop.data_dock.isVisible()  # the Data dock is in front of the Training dock
    names = ("learningRateSpinBox", "epochsSpinBox", "optimizerCombo", "toolbarTrainButton")
    for name in names:
        assert in_view(laptop, laptop.findChild(QWidget, name)), name
    rate = laptop.findChild(QWidget, "learningRateSpinBox")
    rate.selectAll()
    qtbot.keyClicks(rate, "0.5")
    qtbot.keyClick(rate, Qt.Key.Key_Return)
    assert laptop.session.settings.learning_rate == 0.5
    laptop.undo_action.trigger()
    assert laptop.session.settings.learning_rate != 0.5
    with qtbot.waitSignal(laptop.training.controller.finished, timeout=WAIT):
        qtbot.mouseClick(laptop.findChild(QWidget, "toolbarTrainButton"), Qt.MouseButton.LeftButton)
    assert laptop.session.history.last_step > 0


def test_first_start_fills_most_of_the_screen_and_later_starts_restore(qtbot):
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    # the whole layout fits the smallest screen in use: 1920 × 1080 pixels at 200 % (960 × 540
    # points) minus a task bar
    smallest = window.minimumSizeHint()
    assert smallest.width() <= 960 and smallest.height() <= 500
    available = window.screen().availableGeometry()
    wanted_width = min(available.width(), max(int(available.width() * 0.9), 1280))
    wanted_height = min(available.height(), max(int(available.height() * 0.9), 760))
    assert window.width() == max(wanted_width, smallest.width())
    assert window.height() == max(wanted_height, smallest.height())
    window.resize(window.width(), 620)
    window.builder_dock.close()
    qtbot.waitUntil(lambda: window.height() == 620)
    window.training.controller.shutdown()
    window.file_controller.close_without_asking()
    again = MainWindow()
    qtbot.addWidget(again)
    again.show()
    assert again.height() == 620  # (the width too, where the screen is wide enough for it)
    assert not again.builder_dock.isVisible()
    # View ▸ Reset layout: the docks and the first-start size come back
    again.reset_layout_action.trigger()
    qtbot.waitUntil(lambda: again.builder_dock.isVisible())
    assert again.width() == max(wanted_width, smallest.width())
    assert again.training_toolbar.isVisible()
    again.training.controller.shutdown()


def test_the_decision_plane_keeps_the_datas_proportions(laptop, qtbot):
    ui = laptop.training
    laptop.views.setCurrentWidget(ui.decision_view)
    for size in ((1280, 800), (1400, 700)):  # a wide plot: a circle must stay a circle
        laptop.resize(*size)
        qtbot.waitUntil(lambda s=size: laptop.width() == s[0])
        ui.controller.frames.flush_all()
        QApplication.processEvents()
        view_box = ui.decision_view.plot.getPlotItem().getViewBox()
        x_per_pixel, y_per_pixel = view_box.viewPixelSize()
        assert x_per_pixel == pytest.approx(y_per_pixel, rel=0.01)


def paused_after_a_step(window, qtbot):
    controller = window.training.controller
    with qtbot.waitSignal(
        controller.stateChanged, timeout=WAIT, check_params_cb=lambda s: s == "paused"
    ):
        window.training.panel.step_button.click()
    qtbot.waitUntil(lambda: controller.last_report is not None, timeout=WAIT)
    return controller


def test_paused_after_step_the_banner_says_what_to_do_and_ends_the_run_in_one_click(window, qtbot):
    controller = paused_after_a_step(window, qtbot)
    banner = window.builder_lock_label
    assert banner.isVisible() and "Paused at iteration" in banner.text()
    assert "End the run" in banner.text() and "Resume" in banner.text()
    assert banner.end_button.isVisible()
    with qtbot.waitSignal(controller.finished, timeout=WAIT):
        qtbot.mouseClick(banner.end_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.layer_editor.isEnabled(), timeout=WAIT)
    assert not banner.isVisible() and not window.editing_locked
    assert window.session.history.last_step == 1  # the step is kept


def test_a_click_on_the_locked_builder_offers_to_end_the_paused_run(window, qtbot):
    controller = paused_after_a_step(window, qtbot)
    add = window.layer_editor.findChild(QWidget, "addLayerButton")
    assert add is not None and not add.isEnabled()
    qtbot.mouseClick(add, Qt.MouseButton.LeftButton)
    box = window.findChild(QMessageBox, "endRunQuestion")
    assert box is not None and box.isVisible()
    qtbot.mouseClick(box.findChild(QWidget, "keepPausedButton"), Qt.MouseButton.LeftButton)
    assert controller.is_paused
    qtbot.mouseClick(add, Qt.MouseButton.LeftButton)
    box = window.findChild(QMessageBox, "endRunQuestion")
    with qtbot.waitSignal(controller.finished, timeout=WAIT):
        qtbot.mouseClick(box.findChild(QWidget, "endRunButton"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: add.isEnabled(), timeout=WAIT)
    layers = window.session.spec.L
    qtbot.mouseClick(add, Qt.MouseButton.LeftButton)
    assert window.session.spec.L - layers == 1


def test_while_running_the_banner_has_no_end_button(window, qtbot):
    controller = window.training.controller
    window.session.set_settings(epochs=10_000_000)
    with qtbot.waitSignal(
        controller.reportReceived, timeout=WAIT, check_params_cb=lambda r: r.status == "running"
    ):
        window.training.panel.train_button.click()
    banner = window.data_lock_label
    assert banner.isVisible() and not banner.end_button.isVisible()
    with qtbot.waitSignal(controller.finished, timeout=WAIT):
        controller.stop()
