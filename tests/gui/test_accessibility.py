"""What a screen reader finds in the main window, read from Qt's accessibility tree: every
control has a name, the dimension table's cells say what they hold, the diagram says which unit
is current, tool tips become descriptions and status messages are announced."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QAccessibleInterface
from PySide6.QtWidgets import QApplication, QWidget

from nnstudio.gui.common.accessibility import is_control


@pytest.fixture(autouse=True)
def accessibility_on():
    QAccessible.setActive(True)
    yield


def interfaces(root: QAccessibleInterface, depth: int = 0):
    """Every interface under ``root`` (depth first), each once."""
    for i in range(root.childCount()):
        child = root.child(i)
        if child is None:
            continue
        yield child
        if depth < 40:
            yield from interfaces(child, depth + 1)


def window_tree(window) -> list[QAccessibleInterface]:
    return list(interfaces(QAccessible.queryAccessibleInterface(window)))


def interface_of(window, widget: QWidget) -> QAccessibleInterface:
    for interface in window_tree(window):
        if interface.object() is widget:
            return interface
    raise AssertionError(f"{widget.objectName()} is not in the accessibility tree")


def name(interface: QAccessibleInterface) -> str:
    return interface.text(QAccessible.Text.Name)


def unnamed_controls(window) -> list[str]:
    missing = []
    for interface in window_tree(window):
        widget = interface.object()
        if not isinstance(widget, QWidget) or not is_control(widget):
            continue
        if widget.isEnabled() and widget.isVisible() and not name(interface).strip():
            missing.append(f"{type(widget).__name__} {widget.objectName()!r}")
    return missing


def test_every_control_a_learner_can_reach_has_a_name_in_every_view(window, qtbot):
    qtbot.waitExposed(window)
    missing = set(unnamed_controls(window))
    for index in range(window.views.count()):  # each view shows its own controls
        window.views.setCurrentIndex(index)
        qtbot.waitUntil(lambda i=index: window.views.widget(i).isVisible())
        missing |= set(unnamed_controls(window))
    window.training.dock.raise_()
    qtbot.waitUntil(window.training.panel.isVisible)
    missing |= set(unnamed_controls(window))
    assert missing == set()
    tree = {interface.object(): name(interface) for interface in window_tree(window)}
    assert tree[window.diagram].startswith("Network diagram")
    assert tree[window.dimension_table] == "Dimension table"
    assert tree[window.training.panel.progress] == "Training progress"
    assert tree[window.layer_editor.layer_list] == "Layers"


def test_the_dimension_tables_cells_say_their_row_and_column(window, qtbot):
    table = interface_of(window, window.dimension_table)
    assert table.role() == QAccessible.Role.Table
    cells = {name(c) for c in interfaces(table) if c.role() == QAccessible.Role.Cell}
    assert {"W[1] shape (4, 2)", "b[1] shape (4, 1)", "Z[1] shape (4, 400)"} <= cells
    assert {"A[0] = X shape (2, 400)", "Y shape (1, 400)", "17 parameters in total"} <= cells
    assert "X has no W[l]" in cells
    # the cell under the keyboard's cursor is the table's focused child
    window.dimension_table.setFocus()
    qtbot.waitUntil(window.dimension_table.hasFocus)
    window.layer_editor.select_row(2)  # the row of layer 2
    qtbot.waitUntil(lambda: window.dimension_table.currentIndex().row() == 2)
    qtbot.keyClick(window.dimension_table, Qt.Key.Key_Home)
    for _ in range(3):
        qtbot.keyClick(window.dimension_table, Qt.Key.Key_Right)
    focused = table.focusChild()
    assert focused is not None and name(focused) == "W[2] shape (1, 4)"
    assert "one row per unit of layer 2" in focused.text(QAccessible.Text.Description)


def test_the_diagrams_name_follows_the_arrow_keys_with_the_units_tooltip(window, qtbot):
    diagram = window.diagram
    diagram.setFocus()
    qtbot.waitUntil(diagram.hasFocus)
    interface = interface_of(window, diagram)
    assert name(interface).startswith("Network diagram: x₁")
    qtbot.keyClick(diagram, Qt.Key.Key_Right)
    qtbot.keyClick(diagram, Qt.Key.Key_Down)
    assert name(interface) == "Network diagram: Unit 3 of layer [1] (tanh)"
    description = interface.text(QAccessible.Text.Description)
    assert description == diagram.unit_tooltip(1, 2)
    assert "Shapes: W[1] (4, 2), b[1] (4, 1), Z[1] and A[1] (4, 400)." in description


def test_a_rich_tool_tip_is_described_as_plain_text_and_kept_in_step(window, qtbot):
    button = window.layer_editor.add_button
    interface = interface_of(window, button)
    button.setToolTip("Insert a <b>hidden</b> layer: W<sup>[l]</sup> grows")
    assert interface.text(QAccessible.Text.Description) == "Insert a hidden layer: W[l] grows"
    button.setToolTip("A plain tip")
    assert interface.text(QAccessible.Text.Description) == "A plain tip"


def test_status_messages_are_read_out(window, qtbot, monkeypatch):
    sent = []
    real = QAccessible.updateAccessibility

    def record(event):
        sent.append((event.type(), event.object()))
        real(event)

    monkeypatch.setattr(QAccessible, "updateAccessibility", staticmethod(record))
    bar = window.statusBar()
    interface = interface_of(window, bar)
    diagram = window.diagram
    diagram.setFocus()
    qtbot.waitUntil(diagram.hasFocus)
    qtbot.keyClick(diagram, Qt.Key.Key_Right)
    with qtbot.waitSignal(diagram.unitSelected):
        qtbot.keyClick(diagram, Qt.Key.Key_Return)
    assert bar.currentMessage() == "Unit 2 of layer [1] (tanh)"
    assert name(interface) == "Unit 2 of layer [1] (tanh)"
    assert (QAccessible.Event.Alert, bar) in sent
    bar.clearMessage()
    assert name(interface) == "Status bar"
    QApplication.processEvents()
