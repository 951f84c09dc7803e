"""Keyboard shortcuts for the menu actions that the parts of the window create without one.

Each part sets the keys it owns (File ▸ New is Ctrl+N, Train is F5, …); :func:`assign_shortcuts`
adds the rest from one table, so the choice is made in one place and a test checks that every
menu entry has a key and no two share one. A standard key is used where Qt has one for the
platform; an action that already has a shortcut keeps it. Entries that are lists (recent files,
examples, languages, views) are left to their menus' own numbering.
"""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QToolBar

from .frame import WindowFrame
from .learn_mode import LearnUi
from .training_mode import TrainingUi

# entries the parts make without keeping them as attributes, by their object names
KEYS_BY_NAME = {
    "exportCostPlotAction": "Ctrl+Shift+P",  # File ▸ Export ▸ …
    "exportDecisionPlotAction": "Ctrl+Shift+D",
    "exportHistoryAction": "Ctrl+Shift+H",
    "exportRunsAction": "Ctrl+Shift+C",
    "exportScriptAction": "Ctrl+E",
    "exportPyTorchAction": "Ctrl+Shift+E",
    "exportOnnxAction": "Ctrl+Alt+E",
    "welcomeTourAction": "Shift+F1",  # Help ▸ Welcome tour (F1 is the guide)
}


def _give(action: QAction, *keys: QKeySequence | QKeySequence.StandardKey | str) -> None:
    """Give ``action`` the first of ``keys`` the platform knows, unless it has a key already."""
    if not action.shortcut().isEmpty():
        return
    for key in keys:
        if isinstance(key, QKeySequence.StandardKey):
            bindings = QKeySequence.keyBindings(key)
            if bindings:
                action.setShortcuts(bindings)
                return
        else:
            action.setShortcut(QKeySequence(key))
            return


def assign_shortcuts(
    window: WindowFrame, training: TrainingUi, learn: LearnUi, toolbar: QToolBar
) -> None:
    """Add the table's keys to the menu actions of ``window`` and of the parts installed in
    it (see the module); ``toolbar`` is the training toolbar."""
    _give(window.import_csv_action, "Ctrl+I")
    _give(window.quit_action, QKeySequence.StandardKey.Quit, "Ctrl+Q")
    _give(window.gradient_shapes_action, "Ctrl+G")
    _give(window.about_action, "Ctrl+F1")
    _give(learn.gradient_check_action, "F7")
    # View: show or hide the panels with Alt and a number, in the order they are listed
    panels = (window.builder_dock, window.data_dock, training.dock)
    for number, dock in enumerate(panels, start=1):
        _give(dock.toggleViewAction(), f"Alt+{number}")
    _give(toolbar.toggleViewAction(), f"Alt+{len(panels) + 1}")
    for action in _menu_actions(window.menuBar().actions()):
        if action.objectName() in KEYS_BY_NAME:
            _give(action, KEYS_BY_NAME[action.objectName()])


def _menu_actions(actions: list[QAction]) -> list[QAction]:
    """``actions`` and the actions of their submenus, all the way down."""
    found = []
    for action in actions:
        found.append(action)
        menu = action.menu()
        if isinstance(menu, QMenu):
            found += _menu_actions(menu.actions())
    return found
