"""The list behind File ▸ Open Recent, kept in QSettings (``files/recent``): the model files
opened or saved most recently, newest first, as absolute paths."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

MAX_RECENT = 8
RECENT_KEY = "files/recent"


def read_recent() -> list[str]:
    """The recently opened or saved model files, newest first (at most MAX_RECENT)."""
    value = QSettings().value(RECENT_KEY, [])
    if isinstance(value, str):  # one entry may come back as plain text
        items: list[object] = [value] if value else []
    elif isinstance(value, list | tuple):
        items = list(value)
    else:
        items = []
    return [str(item) for item in items][:MAX_RECENT]


def write_recent(paths: list[str]) -> None:
    settings = QSettings()
    if paths:
        settings.setValue(RECENT_KEY, paths[:MAX_RECENT])
    else:
        settings.remove(RECENT_KEY)


def with_recent(path: str | os.PathLike[str]) -> list[str]:
    """The list with ``path`` first (and nowhere else)."""
    text = str(Path(path).resolve())
    return [text] + [p for p in read_recent() if p != text]


def without_recent(path: str | os.PathLike[str]) -> list[str]:
    text = str(Path(path).resolve())
    return [p for p in read_recent() if p != text]


def fill_recent_menu(
    menu: QMenu,
    paths: list[str],
    clear_action: QAction,
    open_path: Callable[[str], object],
) -> None:
    """Fill File ▸ Open Recent: one numbered entry per path (its file name, the whole path as
    tip) that opens it, then a separator and ``clear_action``, enabled when there are paths."""
    menu.clear()
    for i, path in enumerate(paths, start=1):
        action = menu.addAction(f"&{i} " + Path(path).name.replace("&", "&&"))
        action.setObjectName(f"recentFile{i}")
        action.setData(path)
        action.setStatusTip(path)
        action.setToolTip(path)
        action.triggered.connect(lambda _checked=False, p=path: open_path(p))
    if paths:
        menu.addSeparator()
    menu.addAction(clear_action)
    clear_action.setEnabled(bool(paths))
