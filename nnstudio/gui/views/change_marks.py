"""Marks on the cost curve where a setting changed while a run trained (α or λ mid-run)."""

from __future__ import annotations

from collections.abc import Iterable

import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, Qt

from ...engine import LIVE_SETTINGS, SettingChange
from ..common import theme


def change_label(change: SettingChange) -> str:
    """The mark's short label, in the course's symbols: ``"α 1.2 → 0.5"``."""
    setting = LIVE_SETTINGS.get(change.name)
    symbol = setting.symbol if setting is not None else change.name
    return f"{symbol} {change.old:g} → {change.new:g}"


class ChangeMarks:
    """One dashed vertical line per :class:`~nnstudio.engine.SettingChange` on ``plot``, at the
    iteration from which the new value was used, labelled near the top with what changed."""

    def __init__(self, plot: pg.PlotWidget) -> None:
        self.plot = plot
        self.changes: list[SettingChange] = []
        self.lines: list[pg.InfiniteLine] = []

    def show(self, changes: Iterable[SettingChange]) -> None:
        """Mark exactly these changes (a history was loaded)."""
        for line in self.lines:
            self.plot.removeItem(line)
        self.changes, self.lines = [], []
        self.add(changes)

    def add(self, changes: Iterable[SettingChange]) -> None:
        """Mark changes reported during a run (one already marked is not marked twice)."""
        for change in changes:
            if change in self.changes:
                continue
            line = pg.InfiniteLine(
                pos=change.step,
                angle=90,
                movable=False,
                label=change_label(change),
                labelOpts={
                    "position": 0.92 - 0.1 * (len(self.lines) % 3),
                    "anchors": [(0, 0), (0, 0)],
                },
            )
            line.setToolTip(
                QCoreApplication.translate(
                    "CostView", "{name} changed from {old:g} to {new:g} at iteration {step}"
                ).format(
                    name=change_label(change).split(" ", 1)[0],
                    old=change.old,
                    new=change.new,
                    step=change.step,
                )
            )
            self.plot.addItem(line, ignoreBounds=True)
            self.changes.append(change)
            self.lines.append(line)
        self.restyle()

    def restyle(self) -> None:
        color = theme.current().muted_text
        for line in self.lines:
            line.setPen(pg.mkPen(color, width=1, style=Qt.PenStyle.DashLine))
            line.label.setColor(color)

    def labels(self) -> list[tuple[int, str]]:
        """(iteration, label) of every mark, as drawn."""
        return [(int(line.value()), line.label.toPlainText()) for line in self.lines]
