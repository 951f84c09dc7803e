"""GUI test set-up: QSettings go to a temporary folder so tests never touch the user's settings."""

import pytest
from PySide6.QtCore import QSettings


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path, qapp):
    """Point QSettings (native and INI, user and system scope) at a fresh folder per test."""
    folder = str(tmp_path / "settings")
    for fmt in (QSettings.NativeFormat, QSettings.IniFormat):
        for scope in (QSettings.UserScope, QSettings.SystemScope):
            QSettings.setPath(fmt, scope, folder)
    QSettings().clear()
    yield folder
