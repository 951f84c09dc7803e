"""View ▸ Theme and View ▸ Zoom: the whole window, its plots and its diagram follow them, and
they survive a language switch and a restart."""

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QApplication, QGraphicsTextItem, QMessageBox

from nnstudio.gui import MainWindow, install_language, switch_language
from nnstudio.gui.common import theme
from nnstudio.gui.window.appearance import THEME_KEY, ZOOM_KEY, apply_theme, theme_for


@pytest.fixture(autouse=True)
def light_afterwards():
    """Leave the application as the next test expects it: light, at 100 %, in English."""
    yield
    apply_theme("light")
    install_language(QApplication.instance(), "en")


def action(window, name):
    found = window.findChild(QAction, name)
    assert found is not None, name
    return found


def lightness(color) -> float:
    return color.lightnessF()


def diagram_corner(window):
    image = window.diagram.viewport().grab().toImage()
    return image.pixelColor(3, 3)


def positive_edge_colours(window):
    return {e.pen().color().name() for e in window.diagram.edges if e.pen().widthF() > 0.5}


def test_dark_theme_darkens_the_window_the_plots_and_the_diagram(window, qtbot):
    cost_plot = window.findChild(pg.PlotWidget, "costPlot")
    data_plot = window.findChild(pg.PlotWidget, "dataPlot")
    assert lightness(window.palette().window().color()) > 0.5
    assert lightness(diagram_corner(window)) > 0.9
    light_edges = positive_edge_colours(window)

    action(window, "themeDarkAction").trigger()

    assert action(window, "themeDarkAction").isChecked()
    qtbot.waitUntil(lambda: lightness(window.palette().window().color()) < 0.3)
    assert lightness(window.palette().text().color()) > 0.7  # light text on it
    for plot in (cost_plot, data_plot):
        assert lightness(plot.backgroundBrush().color()) < 0.2
        axis = plot.getAxis("bottom")
        assert lightness(axis.textPen().color()) > 0.7  # numbers readable on it
    qtbot.waitUntil(lambda: lightness(diagram_corner(window)) < 0.2)
    assert positive_edge_colours(window) != light_edges  # the weights redrawn too
    assert QSettings().value(THEME_KEY) == "dark"

    action(window, "themeLightAction").trigger()
    qtbot.waitUntil(lambda: lightness(window.palette().window().color()) > 0.5)
    assert lightness(cost_plot.backgroundBrush().color()) > 0.9
    qtbot.waitUntil(lambda: lightness(diagram_corner(window)) > 0.9)


def test_the_theme_survives_a_language_switch_and_a_restart(qtbot, monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.Discard))
    window = MainWindow()  # not the fixture's: the switch deletes it
    window.show()
    action(window, "themeDarkAction").trigger()
    chinese = switch_language(window, "zh_CN")
    assert chinese is not None and chinese is not window
    qtbot.addWidget(chinese)
    assert action(chinese, "themeDarkAction").isChecked()
    qtbot.waitUntil(lambda: lightness(chinese.palette().window().color()) < 0.3)
    plot = chinese.findChild(pg.PlotWidget, "costPlot")
    assert lightness(plot.backgroundBrush().color()) < 0.2
    chinese.session.set_modified(False)
    chinese.training.controller.shutdown()
    chinese.close()

    apply_theme("light")  # as a new process would start
    install_language(QApplication.instance(), "en")
    restarted = MainWindow()
    qtbot.addWidget(restarted)
    assert action(restarted, "themeDarkAction").isChecked()
    assert theme.current() is theme.DARK
    qtbot.waitUntil(lambda: lightness(restarted.palette().window().color()) < 0.3)
    restarted.training.controller.shutdown()


def test_follow_system_follows_the_colour_scheme(window, qtbot):
    action(window, "themeSystemAction").trigger()
    assert QSettings().value(THEME_KEY) == "system"
    hints = QGuiApplication.styleHints()
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert theme.current() is theme.DARK
    qtbot.waitUntil(lambda: lightness(window.palette().window().color()) < 0.3)
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Light)
    assert theme.current() is theme.LIGHT
    qtbot.waitUntil(lambda: lightness(window.palette().window().color()) > 0.5)
    # a chosen theme stays put whatever the system does
    action(window, "themeLightAction").trigger()
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert theme.current() is theme.LIGHT


def test_theme_for_maps_each_choice_and_scheme():
    for scheme in (Qt.ColorScheme.Light, Qt.ColorScheme.Dark, Qt.ColorScheme.Unknown):
        assert theme_for("light", scheme) is theme.LIGHT
        assert theme_for("dark", scheme) is theme.DARK
    assert theme_for("system", Qt.ColorScheme.Dark) is theme.DARK
    assert theme_for("system", Qt.ColorScheme.Light) is theme.LIGHT
    assert theme_for("system", Qt.ColorScheme.Unknown) is theme.LIGHT


def header(window, layer=1) -> QGraphicsTextItem:
    for item in window.diagram.scene().items():
        if isinstance(item, QGraphicsTextItem) and item.objectName() == f"diagramHeader{layer}":
            return item
    raise AssertionError("no header")


def test_zoom_grows_the_window_font_the_diagram_and_the_plots_and_actual_size_restores(
    window, qtbot
):
    size = window.font().pointSizeF()
    header_height = header(window).boundingRect().height()
    axis = window.findChild(pg.PlotWidget, "costPlot").getAxis("left")
    tick_size = axis.style["tickFont"].pointSizeF()

    action(window, "zoomInAction").trigger()
    action(window, "zoomInAction").trigger()
    qtbot.waitUntil(lambda: window.font().pointSizeF() >= size * 1.2)
    assert window.training.panel.font().pointSizeF() == window.font().pointSizeF()
    assert header(window).font().pointSizeF() == window.font().pointSizeF()
    assert header(window).boundingRect().height() > header_height * 1.15
    assert axis.style["tickFont"].pointSizeF() >= tick_size * 1.2
    assert float(QSettings().value(ZOOM_KEY)) == pytest.approx(1.25)

    action(window, "zoomResetAction").trigger()
    qtbot.waitUntil(lambda: window.font().pointSizeF() == pytest.approx(size))
    assert header(window).boundingRect().height() == pytest.approx(header_height)
    assert axis.style["tickFont"].pointSizeF() == pytest.approx(tick_size)

    action(window, "zoomOutAction").trigger()
    qtbot.waitUntil(lambda: window.font().pointSizeF() < size)


def test_the_zoom_survives_a_restart(window, qtbot):
    size = window.font().pointSizeF()
    action(window, "zoomInAction").trigger()
    window.training.controller.shutdown()
    window.close()
    QApplication.setFont(QApplication.font().__class__("Sans Serif", 9))  # a new process
    restarted = MainWindow()
    qtbot.addWidget(restarted)
    qtbot.waitUntil(lambda: restarted.font().pointSizeF() == pytest.approx(size * 1.1))
    assert action(restarted, "zoomInAction").shortcuts()  # Ctrl++ and Ctrl+=
    restarted.training.controller.shutdown()
    action(restarted, "zoomResetAction").trigger()


# -- colour blindness -----------------------------------------------------------------------------
# Machado, Oliveira and Fernandes (2009), "A Physiologically-based Model for Simulation of Color
# Vision Deficiency", severity 1.0; the matrices act on linear RGB.
MACHADO = {
    "protanopia": [
        [0.152286, 1.052583, -0.204868],
        [0.114503, 0.786281, 0.099216],
        [-0.003882, -0.048116, 1.051998],
    ],
    "deuteranopia": [
        [0.367322, 0.860646, -0.227968],
        [0.280085, 0.672501, 0.047413],
        [-0.011820, 0.042940, 0.968881],
    ],
    "tritanopia": [
        [1.255528, -0.076749, -0.178779],
        [-0.078411, 0.930809, 0.147602],
        [0.004733, 0.691367, 0.303900],
    ],
}


def linear(hex_color: str) -> np.ndarray:
    srgb = np.array([int(hex_color[i : i + 2], 16) / 255 for i in (1, 3, 5)])
    return np.where(srgb <= 0.04045, srgb / 12.92, ((srgb + 0.055) / 1.055) ** 2.4)


def lab(rgb_linear: np.ndarray) -> np.ndarray:
    """CIELAB (D65) of a linear sRGB colour."""
    xyz = np.array(
        [[0.4124, 0.3576, 0.1805], [0.2126, 0.7152, 0.0722], [0.0193, 0.1192, 0.9505]]
    ) @ np.clip(rgb_linear, 0, 1)
    t = xyz / np.array([0.95047, 1.0, 1.08883])
    f = np.where(t > (6 / 29) ** 3, np.cbrt(t), t / (3 * (6 / 29) ** 2) + 4 / 29)
    return np.array([116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])])


def seen(hex_color: str, deficiency: str | None) -> np.ndarray:
    rgb = linear(hex_color)
    if deficiency is not None:
        rgb = np.array(MACHADO[deficiency]) @ rgb
    return lab(rgb)


@pytest.mark.parametrize("palette", [theme.LIGHT, theme.DARK], ids=["light", "dark"])
@pytest.mark.parametrize("deficiency", [None, *MACHADO])
def test_classes_stay_apart_under_colour_blindness(palette, deficiency):
    # ΔE*ab ≥ 20 for the two classes of every binary data set: far above the ~2.3 of a
    # just-noticeable difference, so the red and the blue points stay two groups at a glance;
    # the first four classes stay ≥ 10 apart (clearly different markers)
    colors = palette.class_colors
    delta = np.linalg.norm(seen(colors[0], deficiency) - seen(colors[1], deficiency))
    assert delta >= 20, (deficiency, delta)
    for i in range(4):
        for j in range(i + 1, 4):
            delta = np.linalg.norm(seen(colors[i], deficiency) - seen(colors[j], deficiency))
            assert delta >= 10, (deficiency, i, j, delta)


@pytest.mark.parametrize("palette", [theme.LIGHT, theme.DARK], ids=["light", "dark"])
def test_class_zero_is_a_red_and_class_one_a_blue(palette):
    # the flower's classes are called "red" and "blue"
    red, blue = (seen(c, None) for c in palette.class_colors[:2])
    assert red[1] > 30 and red[1] > abs(red[2]) * 0.5  # a* high: red
    assert blue[2] < -30  # b* low: blue
