"""Colours and small text helpers the views share, so every view draws a class or a sign alike."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QColor

# Classes: class 0 red, class 1 blue (the flower's "red" and "blue" petals), then more hues.
CLASS_COLORS = (
    "#d62728",
    "#1f77b4",
    "#2ca02c",
    "#ff7f0e",
    "#9467bd",
    "#8c564b",
    "#e377c2",
    "#7f7f7f",
    "#bcbd22",
    "#17becf",
)
REGRESSION_COLOR = "#1f77b4"

# Weights, as TensorFlow Playground draws them: blue for w > 0, orange for w < 0.
POSITIVE_COLOR = "#0877bd"
NEGATIVE_COLOR = "#f59322"
ZERO_COLOR = "#b0b0b0"

# A unit's output over the plane and the activation heatmaps: purple above the middle value,
# teal below: hues apart from the classes' red, blue, green and orange (and from the weights'
# blue and orange), so a unit's map is not mistaken for a class region.
UNIT_HIGH_COLOR = "#542788"
UNIT_LOW_COLOR = "#01665e"

INPUT_FILL = "#e8eef7"
HIDDEN_FILL = "#ffffff"
OUTPUT_FILL = "#fdf1dc"
UNIT_OUTLINE = "#404040"
SELECTED_OUTLINE = "#c2185b"
ERROR_TEXT = "#b00020"

_SUBSCRIPT = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")


def class_color(k: int) -> QColor:
    """The colour of class k (cycling after ten classes)."""
    return QColor(CLASS_COLORS[k % len(CLASS_COLORS)])


def class_swatches(names: Sequence[str]) -> str:
    """Rich text naming each class in its colour: "● red ● blue"."""
    return " ".join(
        f"<span style='color:{CLASS_COLORS[k % len(CLASS_COLORS)]}'>●</span>&nbsp;{name}"
        for k, name in enumerate(names)
    )


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
