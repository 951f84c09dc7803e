"""The main window and the one place where the parts are wired: the window's frame (docks,
central tabs, menus, the editing lock), the File actions, the interface language, exports, and
the installation of training and learn mode. Modules here may import every other room of
``nnstudio.gui`` and the Qt-free packages; no other room imports this one.
"""

from .language import install_language, system_language
from .main_window import MainWindow, switch_language

__all__ = ["MainWindow", "install_language", "switch_language", "system_language"]
