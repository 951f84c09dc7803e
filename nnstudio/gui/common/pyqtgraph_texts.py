"""The texts of pyqtgraph's own menus and dialogs, so that NN Studio's catalog translates them.

pyqtgraph asks Qt for these with ``QCoreApplication.translate(context, text)`` when it builds a
plot's right-click menu (View All, X axis, Mouse Mode, Plot Options, Export…) but ships no
catalog of its own. Listing them here under pyqtgraph's contexts lets ``lupdate`` put them in
``nnstudio_<lang>.ts``; the translator that :mod:`nnstudio.gui.window.language` installs then
answers pyqtgraph too. The plots must be created after the translator is installed (the window is
rebuilt on a language switch, so they are).

Nothing here is called at run time except by the tests, which check that each text is still
one pyqtgraph asks for.
"""

from __future__ import annotations

from ...text import translatable

PYQTGRAPH_TEXTS: tuple[str, ...] = (
    # the ViewBox menu (graphicsItems/ViewBox/ViewBoxMenu.py)
    translatable("ViewBox", "ViewBox options"),
    translatable("ViewBox", "View All"),
    translatable("ViewBox", "axis"),
    translatable("ViewBox", "Mouse Mode"),
    translatable("ViewBox", "3 button"),
    translatable("ViewBox", "1 button"),
    # the scene's menu entry and the export dialog (GraphicsScene/)
    translatable("GraphicsScene", "Export..."),
    translatable("Form", "Export"),
    translatable("Form", "Item to export:"),
    translatable("Form", "Export format"),
    translatable("Form", "Export options"),
    translatable("Form", "Copy"),
    translatable("Form", "Close"),
    # the plot's options menu (graphicsItems/PlotItem/)
    translatable("PlotItem", "Plot Options"),
    translatable("PlotItem", "Transforms"),
    translatable("PlotItem", "Downsample"),
    translatable("PlotItem", "Average"),
    translatable("PlotItem", "Alpha"),
    translatable("PlotItem", "Grid"),
    translatable("PlotItem", "Points"),
    translatable("Form", "Power Spectrum (FFT)"),
    translatable("Form", "Log X"),
    translatable("Form", "Log Y"),
    translatable("Form", "dy/dx"),
    translatable("Form", "Y vs. Y'"),
    translatable("Form", "Subtract Mean"),
    translatable("Form", "Downsample"),
    translatable("Form", "Auto"),
    translatable("Form", "Subsample"),
    translatable("Form", "Mean"),
    translatable("Form", "Peak"),
    translatable("Form", "Clip to View"),
    translatable("Form", "Max Traces:"),
    translatable("Form", "Forget hidden traces"),
    translatable("Form", "Average"),
    translatable("Form", "Alpha"),
    translatable("Form", "Show X Grid"),
    translatable("Form", "Show Y Grid"),
    translatable("Form", "Opacity"),
    translatable("Form", "Points"),
    # an axis's submenu (graphicsItems/ViewBox/axisCtrlTemplate)
    translatable("Form", "Link Axis:"),
    translatable("Form", "Manual"),
    translatable("Form", "Visible Data Only"),
    translatable("Form", "Auto Pan Only"),
    translatable("Form", "Mouse Enabled"),
    translatable("Form", "Invert Axis"),
)
