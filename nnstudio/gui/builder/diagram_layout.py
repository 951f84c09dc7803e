"""Where the network diagram puts its units: columns of drawn units, and the gap of a collapsed
layer's "⋮ k more" marker, opened wide enough that no connection crosses the marker.

Column l holds the units of layer l drawn (a layer wider than ``MAX_DRAWN`` units shows its
first ``HEAD`` units, the marker and its last unit). Connections run straight from the centre
of a unit to the centre of a unit in the next column, so near column l only the connections of
column l's own units pass; the marker sits between two of them, and its gap grows until every
such line has left the marker's box (plus a margin) before reaching it.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass

from PySide6.QtCore import QLineF, QPointF, QSizeF, Qt
from PySide6.QtGui import QTextOption
from PySide6.QtWidgets import QGraphicsEllipseItem, QGraphicsLineItem, QGraphicsTextItem

MAX_DRAWN = 8  # a layer with more units collapses
HEAD = 5  # units drawn before the "… k more" marker (the last unit is drawn after it)
COLUMN = 160.0  # between two columns' centres (a view: 130 to 1.6 times this)
SLOT = 52.0  # between two units' centres in a column (a view: 36 to 1.3 times this)
RADIUS = 20.0  # of a unit's circle (a view: 14 to 1.3 times this)
MARGIN = 6.0  # between the marker's box and the nearest connection


@dataclass(frozen=True)
class Geometry:
    """The spacing of one drawing: between columns, between units, and the units' radius."""

    column: float = COLUMN
    slot: float = SLOT
    radius: float = RADIUS


def geometry_for(dims: tuple[int, ...], width: float, height: float, line: float) -> Geometry:
    """The spacing that fills a view of ``width`` × ``height`` pixels (less the headers and the
    legend, about five lines of ``line`` pixels) with the drawn units of layers of ``dims``
    units: as roomy as it allows, up to 1.3 times the defaults, never tighter than a readable
    minimum (a smaller view scrolls)."""
    rows = max(len(drawn_units(n)) + (1.2 if n > MAX_DRAWN else 0.0) for n in dims) - 0.2
    slot = min(max((height - 5 * line - 60) / rows, 36.0), 1.3 * SLOT)
    column = min(max((width - 60) / len(dims), 130.0), 1.6 * COLUMN)
    return Geometry(column, slot, min(max(0.4 * slot, 14.0), 1.3 * RADIUS))


def drawn_units(n: int) -> list[int | None]:
    """Unit indices drawn for a layer of n units; None marks the "… k more" slot."""
    if n <= MAX_DRAWN:
        return list(range(n))
    return [*range(HEAD), None, n - 1]


class UnitItem(QGraphicsEllipseItem):
    """Unit ``unit`` (0-based) of layer ``layer`` (0 = input)."""

    def __init__(self, layer: int, unit: int, centre: QPointF, radius: float = RADIUS) -> None:
        super().__init__(-radius, -radius, 2 * radius, 2 * radius)
        self.layer, self.unit = layer, unit
        self.setPos(centre)
        self.setZValue(1)


class EdgeItem(QGraphicsLineItem):
    """The weight W[layer][row, col]: from unit ``col`` of layer-1 to unit ``row`` of layer."""

    def __init__(self, layer: int, row: int, col: int, line: QLineF) -> None:
        super().__init__(line)
        self.layer, self.row, self.col = layer, row, col
        self.setZValue(0)


class MoreItem(QGraphicsTextItem):
    """The "⋮ k more" marker of a collapsed layer, one word a line: narrow, so the lines that
    pass beside it leave it a smaller gap."""

    def __init__(self, layer: int, hidden: int, text: str) -> None:
        super().__init__(text)
        self.layer, self.hidden = layer, hidden
        self.document().setDefaultTextOption(QTextOption(Qt.AlignmentFlag.AlignHCenter))
        self.setTextWidth(1.0)  # (as wide as its widest word)


def _place(columns: list[list[int | None]], gaps: list[float], g: Geometry) -> list[list[QPointF]]:
    """The centre of every slot; the marker slot of column l is ``gaps[l]`` away from the unit
    above and below its centre (the other slots ``g.slot`` apart); each column centred on y = 0."""
    placed = []
    for l, slots in enumerate(columns):
        steps = [gaps[l] if None in (a, b) else g.slot for a, b in itertools.pairwise(slots)]
        y, ys = 0.0, [0.0]
        for step in steps:
            y += step
            ys.append(y)
        middle = ys[-1] / 2
        placed.append([QPointF(l * g.column, v - middle) for v in ys])
    return placed


def _gap_needed(
    l: int,
    columns: list[list[int | None]],
    placed: list[list[QPointF]],
    marker: QSizeF,
    g: Geometry,
) -> float:
    """The gap (from the units above and below to its centre) column l's marker needs so that the
    connections of the column's units leave the marker's box (and a margin) before it."""
    half_w, half_h = marker.width() / 2, marker.height() / 2
    at = columns[l].index(None)
    above, below = placed[l][at - 1].y(), placed[l][at + 1].y()
    half = g.radius + MARGIN + half_h  # at least: the units' circles clear the marker
    for s, unit in enumerate(columns[l]):
        if unit is None:
            continue
        y = placed[l][s].y()
        beyond = above - y if y <= above else y - below  # from the unit next to the gap
        for side in (l - 1, l + 1):
            if not 0 <= side < len(columns):
                continue
            for t, other in enumerate(columns[side]):
                rise = placed[side][t].y() - y  # > 0: the line goes down
                if other is None or (rise > 0) != (y <= above):
                    continue  # heads away from the marker
                drift = abs(rise) * half_w / g.column  # how far it moves over half the box
                half = max(half, drift + half_h + MARGIN - beyond)
    return half


def layout(
    dims: tuple[int, ...], marker: QSizeF, g: Geometry = Geometry()
) -> list[list[tuple[int | None, QPointF]]]:
    """(unit or None for the marker, centre) of every slot of every column, for layers of
    ``dims`` units, the marker's text being ``marker`` large."""
    columns = [drawn_units(n) for n in dims]
    gaps = [0.75 * g.slot] * len(columns)
    for _ in range(6):  # a wider gap moves other lines; a few rounds settle it
        placed = _place(columns, gaps, g)
        wanted = [
            max(gaps[l], _gap_needed(l, columns, placed, marker, g)) if None in slots else g.slot
            for l, slots in enumerate(columns)
        ]
        if wanted == gaps:
            break
        gaps = wanted
    placed = _place(columns, gaps, g)
    return [
        list(zip(slots, points, strict=True)) for slots, points in zip(columns, placed, strict=True)
    ]


def distance_to_segment(p: QPointF, line: QLineF) -> float:
    a, b = line.p1(), line.p2()
    dx, dy = b.x() - a.x(), b.y() - a.y()
    length2 = dx * dx + dy * dy
    t = 0.0 if length2 == 0 else ((p.x() - a.x()) * dx + (p.y() - a.y()) * dy) / length2
    t = max(0.0, min(1.0, t))
    return math.hypot(p.x() - (a.x() + t * dx), p.y() - (a.y() + t * dy))
