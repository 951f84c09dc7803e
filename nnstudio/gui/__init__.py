"""PySide6 + pyqtgraph views over the Qt-free state. Nothing outside gui/ imports this package
except the application's start-up (``nnstudio.app``) and the self-test.

The rooms: ``window`` (the main window, where the parts are wired), ``builder``, ``training``,
``views``, ``learn`` and ``common``; each sub-package's docstring says what it may import.
"""

from .window import MainWindow, install_language, switch_language, system_language

__all__ = ["MainWindow", "install_language", "switch_language", "system_language"]
