"""Colours and small text helpers the views share, so every view draws a class or a sign alike."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget

from . import theme
from .theme import LIGHT

# The light theme's colours, for code that needs a fixed value; views draw with theme.current().
CLASS_COLORS = LIGHT.class_colors
REGRESSION_COLOR = LIGHT.regression_color
POSITIVE_COLOR = LIGHT.positive
NEGATIVE_COLOR = LIGHT.negative
UNIT_HIGH_COLOR = LIGHT.unit_high
UNIT_LOW_COLOR = LIGHT.unit_low
ERROR_TEXT = LIGHT.error_text

_SUBSCRIPT = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")


def class_color(k: int) -> QColor:
    """The colour of class k in the current theme (cycling after ten classes)."""
    return theme.current().class_color(k)


def class_swatches(names: Sequence[str]) -> str:
    """Rich text naming each class in its colour: "● red ● blue"."""
    colors = theme.current().class_colors
    return " ".join(
        f"<span style='color:{colors[k % len(colors)]}'>●</span>&nbsp;{name}"
        for k, name in enumerate(names)
    )


def tint(label: QWidget, role: str = "error_text", extra: str = "") -> None:
    """Colour ``label``'s text with the current theme's ``role`` (a :class:`~.theme.Theme`
    field such as "error_text", "warning_text" or "note_text"), now and after each change of
    theme; ``extra`` is more style sheet ("font-weight: bold;")."""

    def apply() -> None:
        label.setStyleSheet(f"color: {getattr(theme.current(), role)}; {extra}".strip())

    holder = _Tint(label, apply)
    theme.follow(holder, holder.apply)
    apply()


class _Tint(QObject):
    """Re-applies a label's colour when the theme changes; lives as long as the label."""

    def __init__(self, label: QWidget, apply: Callable[[], None]) -> None:
        super().__init__(label)
        self._apply = apply

    def apply(self) -> None:
        self._apply()


def subscript(n: int) -> str:
    """1 → "₁", 12 → "₁₂" (unit numbers in x₁, a₂)."""
    return str(n).translate(_SUBSCRIPT)


def format_shape(shape: Sequence[int] | None) -> str:
    """(4, 2) → "(4, 2)"; None → "" (no such array in this row)."""
    if shape is None:
        return ""
    return "(" + ", ".join(str(int(n)) for n in shape) + ")"


def format_value(value: float) -> str:
    """A weight or bias for a tooltip: four significant digits, always with a sign."""
    return f"{value:+.4g}"
