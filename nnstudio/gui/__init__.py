"""PySide6 + pyqtgraph views over the Qt-free state. Nothing outside gui/ imports this package."""

from .main_window import MainWindow

__all__ = ["MainWindow"]
