"""PySide6 + pyqtgraph views over the Qt-free state. Nothing outside gui/ imports this package."""
