"""Start the desktop application: create the QApplication and the main window.

Only QtCore is imported up front, so ``--self-test`` can report a broken QtGui or QtWidgets
(missing system libraries) as a failed check instead of a traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject

from . import __version__


def visible_main_window() -> Any:
    """The main window on screen (the active one if several), or None. After View ▸ Language
    the window is a new one, so it is looked up each time rather than remembered."""
    from PySide6.QtWidgets import QApplication

    from .gui import MainWindow

    windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
    shown = [w for w in windows if w.isVisible()]
    active = QApplication.activeWindow()
    if active in shown:
        return active
    return shown[-1] if shown else None


class FileOpenHandler(QObject):
    """Opens the model files macOS hands to the running app.

    A document double-clicked in the Finder (or dropped on the Dock icon) reaches a Qt app as a
    ``QFileOpenEvent`` sent to the application object, not in ``sys.argv``. The file opens as
    File ▸ Open would open it, with the same question about unsaved changes and the same message
    if it cannot be read. A file that arrives before the main window exists waits in
    ``pending`` until :meth:`open_pending`.
    """

    def __init__(
        self, parent: QObject, find_window: Callable[[], Any] = visible_main_window
    ) -> None:
        super().__init__(parent)
        self.setObjectName("fileOpenHandler")
        self.find_window = find_window
        self.pending: list[str] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.FileOpen or watched is not QCoreApplication.instance():
            return False
        path = event.file() or event.url().toLocalFile()  # type: ignore[attr-defined]
        if path:
            self.pending.append(path)
            self.open_pending()
        return True

    def open_pending(self) -> None:
        """Open the files received so far in the main window, if there is one yet."""
        window = self.find_window()
        if window is None:
            return
        while self.pending:
            path = self.pending.pop(0)
            window.raise_()
            window.activateWindow()
            window.open_path(path)


def install_file_open_handler(app: QObject) -> FileOpenHandler:
    """Let ``app`` open the files macOS sends it (see :class:`FileOpenHandler`)."""
    handler = FileOpenHandler(app)
    app.installEventFilter(handler)
    return handler


def parse_arguments(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="nnstudio", description="Build, train and understand neural networks."
    )
    parser.add_argument("model", nargs="?", help="a .nnstudio model file to open")
    parser.add_argument("--version", action="version", version=f"NN Studio {__version__}")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check the installation without a display (engine, training, model files, main "
        "window) and exit with status 0 if everything works",
    )
    # start-up measurements (benchmarks/startup_time.py): quit once the window has painted
    parser.add_argument("--quit-after-show", action="store_true", help=argparse.SUPPRESS)
    return parser.parse_args(list(argv))


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_arguments(sys.argv[1:] if argv is None else argv)
    if args.self_test:
        from .selftest import run_self_test

        if sys.stdout is None:  # a windowed program on Windows started without a console
            with open(os.devnull, "w", encoding="utf-8") as nowhere:
                return run_self_test(nowhere)  # the exit status still tells
        return run_self_test(sys.stdout)

    from PySide6.QtGui import QGuiApplication, QIcon
    from PySide6.QtWidgets import QApplication

    from .gui import MainWindow, install_language, system_language
    from .resources import resource_path

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("NN Studio")
    app.setOrganizationName("NN Studio")
    app.setApplicationVersion(__version__)
    QGuiApplication.setDesktopFileName("nnstudio")
    icon = QIcon()
    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        icon.addFile(str(resource_path("icons", f"nnstudio-{size}.png")))
    QGuiApplication.setWindowIcon(icon)
    install_language(app, system_language())
    # Only macOS sends QFileOpenEvent; elsewhere the filter would just cost every event a call.
    file_open = install_file_open_handler(app) if sys.platform == "darwin" else None
    window = MainWindow()
    if args.model:
        window.open_path(args.model)
    if file_open is not None:
        file_open.open_pending()
    if args.quit_after_show:
        from .selftest import quit_when_shown

        quit_when_shown(window)
    window.show()
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())
