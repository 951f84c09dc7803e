"""The interface language: English (the source texts) or 简体中文.

``install_language(app, code)`` installs NN Studio's translation (``resources/translations/
nnstudio_<code>.qm``) and Qt's own (``qtbase_<code>.qm``: the buttons of message boxes, file
dialogs, context menus) in place of the previous ones, and hands Qt's translator to the Qt-free
packages (:mod:`nnstudio.text`). ``system_language()`` is the language to start in: the one
chosen in View ▸ Language (QSettings ``ui/language``), else the system's (Chinese → zh_CN).

Switching while the app runs rebuilds the main window: :func:`~.main_window.switch_language`
installs the new translators, builds a new ``MainWindow`` over the *same* session (the network,
its weights, the data, the history, the file name and the unsaved changes carry over), gives it
the old window's geometry and dock layout, shows it and closes the old one. Every text is then
made by the same code that made it at start-up, so no widget needs its own retranslation code.
The undo history belongs to the old window and is not carried over. While training runs the
language cannot change (the menu says why): the run's thread belongs to the old window.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QObject,
    QSettings,
    QTranslator,
)
from PySide6.QtGui import QAction, QActionGroup, QFontDatabase, QGuiApplication
from PySide6.QtWidgets import QMainWindow, QMenu

from ... import text
from ...resources import resource_path
from .frame import WindowFrame

LANGUAGES = {"en": "English", "zh_CN": "简体中文"}  # each name in its own language
SOURCE_LANGUAGE = "en"
SETTINGS_KEY = "ui/language"
CATALOG = "nnstudio"  # resources/translations/nnstudio_<code>.qm
QT_CATALOGS = ("qtbase",)

_installed: list[QTranslator] = []
_current = SOURCE_LANGUAGE
_windows: list[QMainWindow] = []  # windows made by a language switch, kept alive here


def translations_folder() -> str:
    return str(resource_path("translations"))


def language_for_locale(locale: QLocale) -> str:
    """zh_CN for any Chinese locale (zh_CN, zh_SG, zh_TW …), else English."""
    if locale.language() == QLocale.Language.Chinese or locale.name().startswith("zh"):
        return "zh_CN"
    return SOURCE_LANGUAGE


def has_chinese_font() -> bool:
    """Whether a font can draw Chinese (needs a QGuiApplication; without one, assume so)."""
    if QGuiApplication.instance() is None:
        return True
    return bool(QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese))


def system_language() -> str:
    """The language chosen in View ▸ Language, else the system locale's. A Chinese locale on a
    machine without a Chinese font starts in English: empty boxes would be of no use to anyone
    (the learner can still choose 简体中文 in the menu)."""
    chosen = QSettings().value(SETTINGS_KEY)
    if isinstance(chosen, str) and chosen in LANGUAGES:
        return chosen
    language = language_for_locale(QLocale.system())
    if language == "zh_CN" and not has_chinese_font():
        return SOURCE_LANGUAGE
    return language


def current_language() -> str:
    return _current


def install_language(app: QCoreApplication | None, code: str) -> bool:
    """Use language ``code`` from now on; False (and English) if its translation is missing.

    Removes the translators installed before, then (for a language other than English)
    installs NN Studio's and Qt's. Widgets made afterwards use the new language.
    """
    global _current
    app = app if app is not None else QCoreApplication.instance()
    for translator in _installed:
        QCoreApplication.removeTranslator(translator)
    _installed.clear()
    text.set_translator(QCoreApplication.translate)
    _current = SOURCE_LANGUAGE
    if code not in LANGUAGES or code == SOURCE_LANGUAGE:
        return code == SOURCE_LANGUAGE
    ours = QTranslator(app)
    if not ours.load(f"{CATALOG}_{code}", translations_folder()):
        return False
    QCoreApplication.installTranslator(ours)
    _installed.append(ours)
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for catalog in QT_CATALOGS:
        translator = QTranslator(app)
        if translator.load(f"{catalog}_{code}", qt_folder):  # missing: Qt's texts stay English
            QCoreApplication.installTranslator(translator)
            _installed.append(translator)
    _current = code
    return True


# -- View ▸ Language --------------------------------------------------------------------------
class LanguageMenu(QObject):
    """View ▸ Language ▸ English / 简体中文: checkable, exclusive, disabled while training."""

    def __init__(self, window: WindowFrame, switch: Callable[[str], object | None]) -> None:
        """Add the menu to ``window``'s View menu; ``switch(code)`` changes the language and
        returns None when it refuses (see :func:`~.main_window.switch_language`)."""
        super().__init__(window)
        self.setObjectName("languageMenuController")
        self.window = window
        self._switch = switch
        self.menu = QMenu(self.tr("&Language"), window)
        self.menu.setObjectName("languageMenu")
        self.menu.setToolTipsVisible(True)
        self.group = QActionGroup(self.menu)
        self.group.setExclusive(True)
        self.actions: dict[str, QAction] = {}
        for code, name in LANGUAGES.items():
            action = QAction(name, self.menu)
            action.setObjectName(f"language_{code}")
            action.setCheckable(True)
            action.setChecked(code == current_language())
            action.setData(code)
            action.triggered.connect(lambda _checked=False, c=code: self.choose(c))
            self.group.addAction(action)
            self.menu.addAction(action)
            self.actions[code] = action
        window.view_menu.addSeparator()
        window.view_menu.addMenu(self.menu)
        window.editingLockChanged.connect(self._lock_changed)
        self._lock_changed(window.editing_locked)

    def _lock_changed(self, locked: bool) -> None:
        reason = self.tr("Stop training to switch the language.") if locked else ""
        for code, action in self.actions.items():
            action.setEnabled(not locked)
            tip = reason or self.tr("Show NN Studio in {language}").format(language=LANGUAGES[code])
            action.setToolTip(tip)
            action.setStatusTip(tip)
        self.menu.menuAction().setStatusTip(reason)

    def choose(self, code: str) -> None:
        """The menu's action: switch, or put the check mark back if switching is refused."""
        if self._switch(code) is None:
            self.actions[current_language()].setChecked(True)


def keep_window(window: QMainWindow) -> None:
    """Keep a window made by a language switch alive until it is destroyed."""
    _windows.append(window)
    window.destroyed.connect(lambda *_args, w=window: release_window(w))


def release_window(window: QMainWindow) -> None:
    if window in _windows:
        _windows.remove(window)
