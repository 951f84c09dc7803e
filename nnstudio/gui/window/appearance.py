"""View ▸ Theme (Light, Dark, Follow system) and View ▸ Zoom in / Zoom out / Actual size.

Both belong to the application, not to one window: the theme is the application's palette (and
style) plus the colours the views draw with (:mod:`nnstudio.gui.common.theme`), the zoom is the
application's font. So they outlive the window a language switch replaces; each new window's
:func:`install_appearance` applies what QSettings remember (``ui/theme``, ``ui/zoom``), at
start-up too.

The dark theme is the Fusion style with a dark palette, which draws a real dark window on every
platform. "Follow system" reads Qt's colour-scheme hint (``QStyleHints.colorScheme``) and
follows its changes while the app runs.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, QSettings, Qt
from PySide6.QtGui import QAction, QActionGroup, QFont, QGuiApplication, QKeySequence, QPalette
from PySide6.QtWidgets import QApplication, QMenu, QStyleFactory

from ..common import theme
from .frame import WindowFrame

THEME_KEY = "ui/theme"
ZOOM_KEY = "ui/zoom"
MODES = ("light", "dark", "system")
DEFAULT_MODE = "system"
ZOOM_STEPS = (0.8, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0)


def theme_for(mode: str, scheme: Qt.ColorScheme) -> theme.Theme:
    """The theme of View ▸ Theme ``mode`` when the system's colour scheme is ``scheme``."""
    if mode == "dark":
        return theme.DARK
    if mode == "light":
        return theme.LIGHT
    return theme.DARK if scheme == Qt.ColorScheme.Dark else theme.LIGHT


def zoom_step(factor: float, steps: int) -> float:
    """The zoom ``steps`` steps (negative: smaller) away from ``factor``, within ZOOM_STEPS."""
    nearest = min(range(len(ZOOM_STEPS)), key=lambda i: abs(ZOOM_STEPS[i] - factor))
    return ZOOM_STEPS[max(0, min(len(ZOOM_STEPS) - 1, nearest + steps))]


@dataclass
class _Original:
    """What the application looked like before any theme or zoom was applied."""

    style: str
    dark: bool  # the platform's own palette is dark
    font: QFont


_original: _Original | None = None
_mode = DEFAULT_MODE
_zoom = 1.0


def _app() -> QApplication:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    return app


def _remember_original() -> _Original:
    global _original
    if _original is None:
        app = _app()
        _original = _Original(
            style=app.style().name(),
            dark=theme.is_dark_palette(app.palette()),
            font=QFont(app.font()),
        )
    return _original


def current_mode() -> str:
    return _mode


def current_zoom() -> float:
    return _zoom


def apply_theme(mode: str, scheme: Qt.ColorScheme | None = None) -> theme.Theme:
    """Make the whole application ``mode`` ("light", "dark" or "system", where ``scheme`` is
    the system's colour scheme, read from Qt when None) and return the theme in use."""
    global _mode
    original = _remember_original()
    app = _app()
    _mode = mode if mode in MODES else DEFAULT_MODE
    if scheme is None:
        scheme = app.styleHints().colorScheme()
    chosen = theme_for(_mode, scheme)
    if chosen.dark == original.dark:  # the platform's own look already fits
        _set_style(original.style)
        app.setPalette(QPalette())  # no colour of ours: the platform's, following it
    else:
        _set_style("Fusion")
        fusion = app.style()
        app.setPalette(theme.dark_palette() if chosen.dark else fusion.standardPalette())
    theme.set_current(chosen)
    return chosen


def _set_style(name: str) -> None:
    app = _app()
    if app.style().name().lower() != name.lower():
        style = QStyleFactory.create(name)
        if style is not None:
            app.setStyle(style)


def apply_zoom(factor: float) -> None:
    """Scale the application's font (every widget, the diagram's and the plots' texts) to
    ``factor`` times the platform's."""
    global _zoom
    original = _remember_original()
    _zoom = min(max(float(factor), ZOOM_STEPS[0]), ZOOM_STEPS[-1])
    font = QFont(original.font)
    if original.font.pointSizeF() > 0:
        font.setPointSizeF(original.font.pointSizeF() * _zoom)
    else:
        font.setPixelSize(max(1, round(original.font.pixelSize() * _zoom)))
    if font != QApplication.font():
        QApplication.setFont(font)


def saved_mode() -> str:
    value = QSettings().value(THEME_KEY, DEFAULT_MODE)
    return value if isinstance(value, str) and value in MODES else DEFAULT_MODE


def saved_zoom() -> float:
    try:
        value = float(QSettings().value(ZOOM_KEY, 1.0))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return 1.0
    return value if ZOOM_STEPS[0] <= value <= ZOOM_STEPS[-1] else 1.0


class AppearanceUi(QObject):
    """View ▸ Theme and the zoom actions of one window."""

    def __init__(self, window: WindowFrame) -> None:
        super().__init__(window)
        self.setObjectName("appearanceUi")
        self.window = window
        self.theme_menu = QMenu(self.tr("&Theme"), window)
        self.theme_menu.setObjectName("themeMenu")
        self.theme_group = QActionGroup(self.theme_menu)
        self.theme_group.setExclusive(True)
        names = {
            "light": (self.tr("&Light"), "themeLightAction"),
            "dark": (self.tr("&Dark"), "themeDarkAction"),
            "system": (self.tr("Follow &system"), "themeSystemAction"),
        }
        self.theme_actions: dict[str, QAction] = {}
        for mode, (text, name) in names.items():
            action = QAction(text, self.theme_menu)
            action.setObjectName(name)
            action.setCheckable(True)
            action.triggered.connect(lambda _checked=False, m=mode: self.choose_theme(m))
            self.theme_group.addAction(action)
            self.theme_menu.addAction(action)
            self.theme_actions[mode] = action
        self.theme_actions["system"].setStatusTip(
            self.tr("Light or dark as the operating system's colour scheme is")
        )
        self.zoom_in_action = self._zoom_action(
            self.tr("Zoom &in"),
            "zoomInAction",
            [QKeySequence(QKeySequence.StandardKey.ZoomIn), QKeySequence("Ctrl+=")],
            lambda: self.zoom_by(1),
        )
        self.zoom_out_action = self._zoom_action(
            self.tr("Zoom &out"),
            "zoomOutAction",
            [QKeySequence(QKeySequence.StandardKey.ZoomOut)],
            lambda: self.zoom_by(-1),
        )
        self.zoom_reset_action = self._zoom_action(
            self.tr("&Actual size"), "zoomResetAction", [QKeySequence("Ctrl+0")], self.zoom_reset
        )
        view = window.view_menu
        view.addSeparator()
        view.addMenu(self.theme_menu)
        for action in (self.zoom_in_action, self.zoom_out_action, self.zoom_reset_action):
            view.addAction(action)
            window.addAction(action)  # the shortcuts work while the menu bar is hidden too
        hints = QGuiApplication.styleHints()
        hints.colorSchemeChanged.connect(self.system_scheme_changed)
        self.apply_saved()

    def _zoom_action(self, text: str, name: str, keys: list[QKeySequence], slot) -> QAction:
        action = QAction(text, self.window)
        action.setObjectName(name)
        action.setShortcuts(keys)
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.setStatusTip(self.tr("Text size of the whole window, for a projector or a laptop"))
        action.triggered.connect(slot)
        return action

    def apply_saved(self) -> None:
        """Apply the theme and zoom QSettings remember (the system's and 100 % at first)."""
        if saved_mode() != current_mode() or theme.current() is not theme_for(
            saved_mode(), QGuiApplication.styleHints().colorScheme()
        ):
            apply_theme(saved_mode())
        apply_zoom(saved_zoom())
        self._sync()

    def _sync(self) -> None:
        self.theme_actions[current_mode()].setChecked(True)
        self.zoom_in_action.setEnabled(current_zoom() < ZOOM_STEPS[-1])
        self.zoom_out_action.setEnabled(current_zoom() > ZOOM_STEPS[0])

    def choose_theme(self, mode: str) -> None:
        """The menu's action: use ``mode`` and remember it."""
        QSettings().setValue(THEME_KEY, mode)
        hints = QGuiApplication.styleHints()
        scheme = {"light": Qt.ColorScheme.Light, "dark": Qt.ColorScheme.Dark}
        hints.setColorScheme(scheme.get(mode, Qt.ColorScheme.Unknown))  # title bars follow
        apply_theme(mode)
        self._sync()

    def system_scheme_changed(self, scheme: Qt.ColorScheme) -> None:
        """The system's colour scheme changed: follow it when the learner asked to."""
        if current_mode() == "system":
            apply_theme("system", scheme)

    def zoom_by(self, steps: int) -> None:
        self.set_zoom(zoom_step(current_zoom(), steps))

    def zoom_reset(self) -> None:
        self.set_zoom(1.0)

    def set_zoom(self, factor: float) -> None:
        apply_zoom(factor)
        QSettings().setValue(ZOOM_KEY, current_zoom())
        self._sync()
        self.window.statusBar().showMessage(
            self.tr("Text size: {percent} %").format(percent=round(current_zoom() * 100)), 3000
        )


def install_appearance(window: WindowFrame) -> AppearanceUi:
    """Add View ▸ Theme and the zoom actions to ``window`` and apply the remembered ones."""
    return AppearanceUi(window)
