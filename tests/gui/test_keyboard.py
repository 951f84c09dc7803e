"""The main window without a mouse: the diagram's units and the dimension table's cells by arrow
keys, Tab through every part in reading order, and a unique shortcut on every menu entry."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMenu, QWidget


def press(qtbot, key: Qt.Key) -> None:
    qtbot.keyClick(QApplication.focusWidget(), key)


def focus(qtbot, widget: QWidget) -> None:
    widget.activateWindow()
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(widget.hasFocus)


# -- the network diagram --------------------------------------------------------------------------
def test_arrow_keys_walk_the_diagrams_units_and_enter_selects_one(window, qtbot):
    diagram = window.diagram
    assert diagram.focusPolicy() & Qt.FocusPolicy.TabFocus
    ring = diagram.unit_cursor.ring
    assert ring is not None and not ring.isVisible()  # no ring while the mouse user works
    focus(qtbot, diagram)
    assert diagram.unit_cursor.current == (0, 0) and ring.isVisible()
    assert ring.pos() == diagram.units[(0, 0)].pos()
    press(qtbot, Qt.Key.Key_Right)  # x₁ → the unit of layer 1 drawn at its height
    assert diagram.unit_cursor.current == (1, 1)
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Down)  # stops at the last unit
    assert diagram.unit_cursor.current == (1, 3)
    press(qtbot, Qt.Key.Key_Right)
    press(qtbot, Qt.Key.Key_Right)  # the output is the last column
    assert diagram.unit_cursor.current == (2, 0)
    assert ring.pos() == diagram.units[(2, 0)].pos()
    press(qtbot, Qt.Key.Key_Left)
    press(qtbot, Qt.Key.Key_Up)
    with qtbot.waitSignal(diagram.unitSelected) as selected:
        press(qtbot, Qt.Key.Key_Return)
    assert selected.args == [diagram.unit_cursor.current[0], diagram.unit_cursor.current[1]]
    assert diagram.selected == diagram.unit_cursor.current
    window.dimension_table.setFocus()
    qtbot.waitUntil(lambda: not diagram.hasFocus())
    assert not ring.isVisible()


def test_a_collapsed_layer_offers_the_units_it_draws_and_a_click_moves_the_cursor(window, qtbot):
    window.layer_editor.units_spin.setValue(12)  # layer 1 draws units 1…5, "⋮ 6 more", 12
    qtbot.waitUntil(lambda: (1, 11) in window.diagram.units)
    diagram = window.diagram
    focus(qtbot, diagram)
    press(qtbot, Qt.Key.Key_Right)
    for _ in range(8):
        press(qtbot, Qt.Key.Key_Down)
    assert diagram.unit_cursor.current == (1, 11)
    press(qtbot, Qt.Key.Key_Up)
    assert diagram.unit_cursor.current == (1, 4)
    # the mouse still selects, and the keyboard carries on from the clicked unit
    unit = diagram.units[(2, 0)]
    with qtbot.waitSignal(diagram.unitSelected):
        qtbot.mouseClick(
            diagram.viewport(), Qt.MouseButton.LeftButton, pos=diagram.mapFromScene(unit.pos())
        )
    assert diagram.unit_cursor.current == (2, 0)


# -- the dimension table --------------------------------------------------------------------------
def test_arrow_keys_move_through_the_dimension_tables_cells_and_tab_leaves_it(window, qtbot):
    table = window.dimension_table
    focus(qtbot, table)
    press(qtbot, Qt.Key.Key_Home)
    start = table.currentIndex()
    press(qtbot, Qt.Key.Key_Right)
    press(qtbot, Qt.Key.Key_Down)
    moved = table.currentIndex()
    assert (moved.row(), moved.column()) == (start.row() + 1, start.column() + 1)
    press(qtbot, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: not table.hasFocus())


# -- Tab ------------------------------------------------------------------------------------------
def tab_cycle(qtbot, first: QWidget, limit: int = 200) -> list[QWidget]:
    """The widgets Tab visits from ``first`` until it comes round again."""
    focus(qtbot, first)
    seen: list[QWidget] = []
    while len(seen) < limit:
        widget = QApplication.focusWidget()
        if widget in seen:
            return seen
        seen.append(widget)
        press(qtbot, Qt.Key.Key_Tab)
    raise AssertionError("Tab never came back to where it started")


def position(cycle: list[QWidget], widget: QWidget) -> int:
    for i, reached in enumerate(cycle):
        if reached is widget or widget.isAncestorOf(reached):
            return i
    raise AssertionError(f"Tab never reaches {widget.objectName()}")


def test_tab_reaches_every_part_builder_first_then_the_views_then_data_and_training(window, qtbot):
    qtbot.waitExposed(window)
    window.training.dock.show()
    window.data_dock.show()
    builder = window.layer_editor
    cycle = tab_cycle(qtbot, builder.layer_list)
    parts = [
        [builder.layer_list, builder.add_button, builder.units_spin],
        [window.diagram, window.dimension_table],
        [window.data_panel.controls],
    ]
    order = [[position(cycle, w) for w in part] for part in parts]
    assert max(order[0]) < min(order[1]) and max(order[1]) < min(order[2])
    # the training panel shares its side with the data: bring it to the front from the keyboard
    if window.training.dock in window.tabifiedDockWidgets(window.data_dock):
        window.training.dock.raise_()
        qtbot.waitUntil(window.training.panel.isVisible)
        cycle = tab_cycle(qtbot, builder.layer_list)
    panel = window.training.panel
    training = [panel.train_button, panel.step_button, panel.reset_button]
    if panel.learning_rate.isVisible():  # in the panel, or in the toolbar when it has room
        training.append(panel.learning_rate)
    assert min(position(cycle, w) for w in training) > position(cycle, window.dimension_table)


# -- shortcuts ------------------------------------------------------------------------------------
LISTS = {"recentMenu", "examplesMenu"}  # entries made from files: numbered by their menus


def menu_actions(menu: QMenu):
    for action in menu.actions():
        if action.isSeparator():
            continue
        if action.menu() is not None:
            yield from menu_actions(action.menu())
        else:
            yield menu, action


def test_every_menu_entry_has_a_shortcut_and_no_two_share_one(window):
    missing, keys = [], {}
    for bar_action in window.menuBar().actions():
        for menu, action in menu_actions(bar_action.menu()):
            listed = menu.objectName() in LISTS or (
                action.actionGroup() is not None and action.actionGroup().isExclusive()
            )
            if not action.shortcuts() and action.isEnabled() and not listed:
                missing.append(action.text().replace("&", ""))
            for key in action.shortcuts():
                keys.setdefault(key.toString(), set()).add(action.text().replace("&", ""))
    assert missing == []
    assert {key: names for key, names in keys.items() if len(names) > 1} == {}
    shown = window.menuBar().actions()[0].menu().actions()
    assert any(a.shortcut().toString() == "Ctrl+I" for a in shown)  # Import CSV…
