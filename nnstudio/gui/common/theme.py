"""The light and the dark colours of every view, and the signal that tells the views to redraw.

A view never keeps a colour from import time: it asks :func:`current` while it draws, and
:func:`follow` calls it back when the theme changes (View ▸ Theme, or the system's colour scheme
when the learner chose to follow it). The window-wide part of a theme (the Qt palette of every
widget) is :func:`dark_palette`; :mod:`nnstudio.gui.window.appearance` installs it.

Classes use Paul Tol's colour-blind-safe "vibrant" and "bright" sets, ordered so that class 0 is
a red and class 1 a blue (the flower's classes are called "red" and "blue"). Weights keep
TensorFlow Playground's blue (w > 0) and orange (w < 0), which stay apart for every kind of
colour blindness. A unit's output over the plane uses purple and teal, hues no class uses.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QColor, QPalette


@dataclass(frozen=True)
class Theme:
    """Every colour the views draw with, as "#rrggbb"."""

    name: str  # "light" or "dark"
    dark: bool
    # plots
    plot_background: str
    plot_text: str  # axis numbers and labels, legends
    plot_axis: str  # axis lines and ticks
    muted_text: str  # a hint over an empty plot
    train_color: str
    val_color: str
    fit_color: str  # the network's curve over one feature
    highlight: str  # a chosen unit's curve, a selected unit's outline
    point_outline: str
    # classes and values
    class_colors: tuple[str, ...]
    regression_color: str
    positive: str  # w > 0
    negative: str  # w < 0
    zero: str
    unit_high: str
    unit_low: str
    neutral: str  # the middle of a diverging map (0, or an undecided point)
    # the network diagram
    diagram_background: str
    input_fill: str
    hidden_fill: str
    output_fill: str
    unit_outline: str
    diagram_text: str
    diagram_muted: str
    # text and tables
    error_text: str
    warning_text: str
    note_text: str
    heading: str
    table_input_fill: str
    table_header_fill: str
    error_cell: str

    def class_color(self, k: int) -> QColor:
        """The colour of class k (cycling after the listed classes)."""
        return QColor(self.class_colors[k % len(self.class_colors)])


LIGHT = Theme(
    name="light",
    dark=False,
    plot_background="#ffffff",
    plot_text="#303030",
    plot_axis="#808080",
    muted_text="#606060",
    train_color="#1f77b4",
    val_color="#ff7f0e",
    fit_color="#222222",
    highlight="#c2185b",
    point_outline="#ffffff",
    class_colors=(
        "#cc3311",  # red
        "#0077bb",  # blue
        "#228833",  # green
        "#ee3377",  # magenta (not orange: green and orange look alike without red cones)
        "#33bbee",  # cyan
        "#ee7733",  # orange
        "#aa9922",  # olive
        "#777777",  # grey
        "#8c564b",  # brown
        "#332288",  # indigo
    ),
    regression_color="#0077bb",
    positive="#0877bd",
    negative="#f59322",
    zero="#b0b0b0",
    unit_high="#542788",
    unit_low="#01665e",
    neutral="#ffffff",
    diagram_background="#fbfbfb",
    input_fill="#e8eef7",
    hidden_fill="#ffffff",
    output_fill="#fdf1dc",
    unit_outline="#404040",
    diagram_text="#202020",
    diagram_muted="#505050",
    error_text="#b00020",
    warning_text="#8a4b00",
    note_text="#444444",
    heading="#0b4f8a",
    table_input_fill="#eef3fa",
    table_header_fill="#f0f0f0",
    error_cell="#fde0e3",
)

DARK = Theme(
    name="dark",
    dark=True,
    plot_background="#1e1e1e",
    plot_text="#dcdcdc",
    plot_axis="#9a9a9a",
    muted_text="#a8a8a8",
    train_color="#4da3e0",
    val_color="#ff9f40",
    fit_color="#f0f0f0",
    highlight="#ff5c9a",
    point_outline="#101010",
    class_colors=(
        "#ee5533",  # red
        "#3399dd",  # blue
        "#44bb55",  # green
        "#ff5599",  # magenta
        "#66ccee",  # cyan
        "#ff9944",  # orange
        "#ccbb44",  # olive
        "#aaaaaa",  # grey
        "#c08a70",  # brown
        "#8877dd",  # indigo
    ),
    regression_color="#3399dd",
    positive="#3a9ad9",
    negative="#f59322",
    zero="#5a5a5a",
    unit_high="#a084d0",
    unit_low="#3fb0a0",
    neutral="#1e1e1e",
    diagram_background="#1e1e1e",
    input_fill="#22344a",
    hidden_fill="#2b2b2b",
    output_fill="#4a3a1e",
    unit_outline="#c8c8c8",
    diagram_text="#e6e6e6",
    diagram_muted="#b4b4b4",
    error_text="#ff6b6b",
    warning_text="#f0a050",
    note_text="#c0c0c0",
    heading="#7cb8f0",
    table_input_fill="#24303d",
    table_header_fill="#333333",
    error_cell="#5a2a30",
)

THEMES = {LIGHT.name: LIGHT, DARK.name: DARK}


def dark_palette() -> QPalette:
    """The widgets' colours in the dark theme (for the Fusion style, which draws every widget
    from the palette on every platform)."""
    role, group = QPalette.ColorRole, QPalette.ColorGroup
    palette = QPalette()
    colours = {
        role.Window: "#2d2d30",
        role.WindowText: "#e6e6e6",
        role.Base: "#1e1e1e",
        role.AlternateBase: "#262629",
        role.ToolTipBase: "#3a3a3d",
        role.ToolTipText: "#f0f0f0",
        role.PlaceholderText: "#8c8c8c",
        role.Text: "#e6e6e6",
        role.Button: "#38383b",
        role.ButtonText: "#e6e6e6",
        role.BrightText: "#ff6b6b",
        role.Light: "#4a4a4e",
        role.Midlight: "#3e3e42",
        role.Mid: "#2a2a2d",
        role.Dark: "#1a1a1c",
        role.Shadow: "#0a0a0a",
        role.Highlight: "#2f7fd0",
        role.HighlightedText: "#ffffff",
        role.Link: "#6cb4ee",
        role.LinkVisited: "#b39ddb",
    }
    for r, colour in colours.items():
        palette.setColor(r, QColor(colour))
    for r in (role.WindowText, role.Text, role.ButtonText, role.HighlightedText):
        palette.setColor(group.Disabled, r, QColor("#7a7a7a"))
    palette.setColor(group.Disabled, role.Highlight, QColor("#505055"))
    palette.setColor(group.Disabled, role.Base, QColor("#262629"))
    palette.setColor(group.Disabled, role.Button, QColor("#303033"))
    return palette


def is_dark_palette(palette: QPalette) -> bool:
    """Whether ``palette`` draws light text on a dark window."""
    return palette.color(QPalette.ColorRole.Window).lightnessF() < 0.5


class ThemeSignals(QObject):
    """Emits ``changed`` after the theme changed (read the new one with :func:`current`)."""

    changed = Signal()


_current = LIGHT
_signals: ThemeSignals | None = None


def current() -> Theme:
    """The theme the views draw with now."""
    return _current


def signals() -> ThemeSignals:
    global _signals
    if _signals is None or not shiboken6.isValid(_signals):
        _signals = ThemeSignals()
        _signals.setObjectName("themeSignals")
    return _signals


def set_current(theme: Theme) -> None:
    """Draw with ``theme`` from now on; the views that :func:`follow` it redraw."""
    global _current
    if theme is _current:
        return
    _current = theme
    signals().changed.emit()


def follow(widget: QObject, method: Callable[[], None]) -> None:
    """Call ``method`` (a bound method of ``widget``) after each change of theme, as long as
    ``widget`` lives."""
    target = weakref.WeakMethod(method)
    owner = weakref.ref(widget)
    changed = signals().changed

    def callback() -> None:
        obj, fn = owner(), target()
        if obj is None or fn is None or not shiboken6.isValid(obj):
            changed.disconnect(callback)
            return
        fn()

    changed.connect(callback)
