"""The network diagram from the keyboard: a current unit, a focus ring around it, arrow keys.

Tab gives the diagram the focus; a dashed ring then marks the current unit. Left and Right move
to the previous or next column (input X, layer 1, …, output), onto the unit drawn nearest in
height; Up and Down move through the units drawn in the column (a collapsed wide layer offers
the units it draws). Enter or Space selects the current unit, as a click does. The diagram's
accessible name and description say which unit is current, with its tooltip's text, so a
screen reader reads what a mouse user sees on hover.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Protocol

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeyEvent, QPalette, QPen
from PySide6.QtWidgets import QGraphicsEllipseItem, QGraphicsItem, QGraphicsScene

RING_GAP = 6.0  # between a unit's outline and the focus ring

MOVES = {
    Qt.Key.Key_Left: (-1, 0),
    Qt.Key.Key_Right: (1, 0),
    Qt.Key.Key_Up: (0, -1),
    Qt.Key.Key_Down: (0, 1),
}
SELECT_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space, Qt.Key.Key_Select)


class Diagram(Protocol):
    """What the cursor uses of the network diagram (a QGraphicsView drawing the units)."""

    @property
    def units(self) -> Mapping[tuple[int, int], QGraphicsItem]: ...
    @property
    def selected(self) -> tuple[int, int] | None: ...
    def unit_tooltip(self, layer: int, unit: int) -> str: ...
    def select_unit(self, layer: int, unit: int) -> None: ...
    def scene(self) -> QGraphicsScene: ...
    def palette(self) -> QPalette: ...
    def hasFocus(self) -> bool: ...
    def ensureVisible(self, item: QGraphicsItem, xmargin: int, ymargin: int) -> None: ...
    def accessibleName(self) -> str: ...
    def setAccessibleName(self, name: str) -> None: ...
    def accessibleDescription(self) -> str: ...
    def setAccessibleDescription(self, description: str) -> None: ...


class UnitCursor:
    """The keyboard's current unit of the network diagram and the ring drawn around it.

    ``current`` is ``(layer, unit)`` (layer 0 is the input, unit 0-based) or None before the
    diagram first had the focus; it is always a unit the diagram draws.
    """

    def __init__(self, diagram: Diagram) -> None:
        self.diagram = diagram
        self.current: tuple[int, int] | None = None
        self.ring: QGraphicsEllipseItem | None = None

    # -- texts ----------------------------------------------------------------------------------
    def base_name(self) -> str:
        return QCoreApplication.translate("UnitCursor", "Network diagram")

    def name(self) -> str:
        """The diagram's accessible name: what it is and which unit is current."""
        if self.current is None:
            return self.base_name()
        first_line = self.diagram.unit_tooltip(*self.current).split("\n", 1)[0]
        return QCoreApplication.translate("UnitCursor", "{diagram}: {unit}").format(
            diagram=self.base_name(), unit=first_line
        )

    def description(self) -> str:
        """The current unit's tooltip, or how to reach the units from the keyboard."""
        if self.current is None:
            return QCoreApplication.translate(
                "UnitCursor",
                "The network's units, column by column from the input X to the output. Use "
                "the arrow keys to move between units and Enter to select one.",
            )
        return self.diagram.unit_tooltip(*self.current)

    # -- the diagram's lifecycle ----------------------------------------------------------------
    def rebuilt(self, radius: float) -> None:
        """The diagram drew its scene again: keep the current unit where it still exists (else
        the nearest drawn one) and draw a new ring (the old one went with the scene)."""
        ring = QGraphicsEllipseItem()
        r = radius + RING_GAP
        ring.setRect(-r, -r, 2 * r, 2 * r)
        # the palette's highlight: the colour the style marks focus and selection with
        pen = QPen(self.diagram.palette().color(QPalette.ColorRole.Highlight), 2.5)
        pen.setStyle(Qt.PenStyle.DashLine)
        ring.setPen(pen)
        ring.setZValue(2)
        ring.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.diagram.scene().addItem(ring)
        self.ring = ring
        if self.current is not None:
            self.current = self._nearest_existing(*self.current)
        self.show()

    def focus_in(self) -> None:
        if self.current is None:
            self.current = self.diagram.selected or self._nearest_existing(0, 0)
        self.show()

    def focus_out(self) -> None:
        self.show()

    def set_current(self, layer: int, unit: int) -> None:
        """Make a drawn unit current (a click does this too)."""
        if (layer, unit) in self.diagram.units and (layer, unit) != self.current:
            self.current = (layer, unit)
            self.show()

    # -- keys -----------------------------------------------------------------------------------
    def handle_key(self, event: QKeyEvent) -> bool:
        """Move or select on an arrow key, Enter or Space; False for any other key."""
        if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            return False
        key = Qt.Key(event.key())
        if key in MOVES:
            if self.current is None:
                self.focus_in()
            else:
                self.move(*MOVES[key])
            return True
        if key in SELECT_KEYS and self.current is not None:
            self.diagram.select_unit(*self.current)
            return True
        return False

    def move(self, columns: int, rows: int) -> None:
        """Step ``columns`` columns right (negative: left) or ``rows`` drawn units down."""
        if self.current is None:
            return
        layer, unit = self.current
        drawn = self._drawn()
        if columns:
            target = min(max(layer + columns, 0), len(drawn) - 1)
            if target != layer:
                y = self.diagram.units[(layer, unit)].pos().y()
                unit = min(
                    drawn[target], key=lambda u: abs(self.diagram.units[(target, u)].pos().y() - y)
                )
                layer = target
        if rows:
            units = drawn[layer]
            at = units.index(unit) if unit in units else 0
            unit = units[min(max(at + rows, 0), len(units) - 1)]
        if (layer, unit) != self.current:
            self.current = (layer, unit)
            self.show()

    # -- helpers --------------------------------------------------------------------------------
    def _drawn(self) -> list[list[int]]:
        """The unit indices drawn in each column, top to bottom."""
        columns: dict[int, list[int]] = {}
        for layer, unit in sorted(self.diagram.units):
            columns.setdefault(layer, []).append(unit)
        return [columns[layer] for layer in sorted(columns)]

    def _nearest_existing(self, layer: int, unit: int) -> tuple[int, int] | None:
        drawn = self._drawn()
        if not drawn:
            return None
        layer = min(max(layer, 0), len(drawn) - 1)
        units = drawn[layer]
        return layer, min(units, key=lambda u: abs(u - unit))

    def show(self) -> None:
        """Place the ring on the current unit (shown only while the diagram has the focus) and
        tell assistive technology which unit is current."""
        if self.ring is not None:
            item = self.diagram.units.get(self.current) if self.current is not None else None
            visible = item is not None and self.diagram.hasFocus()
            if item is not None:
                self.ring.setPos(item.pos())
            self.ring.setVisible(visible)
            if visible:
                self.diagram.ensureVisible(self.ring, 4, 4)
        name, description = self.name(), self.description()
        if name != self.diagram.accessibleName():
            self.diagram.setAccessibleName(name)
        # (QWidget sends the NameChanged and DescriptionChanged events itself)
        if description != self.diagram.accessibleDescription():
            self.diagram.setAccessibleDescription(description)
