"""Start the desktop application: create the QApplication and the main window."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from . import __version__


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

        return run_self_test(sys.stdout)

    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from .gui import MainWindow
    from .gui.i18n import install_language, system_language
    from .resources import resource_path

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("NN Studio")
    app.setOrganizationName("NN Studio")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("nnstudio")
    icon = QIcon()
    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        icon.addFile(str(resource_path("icons", f"nnstudio-{size}.png")))
    app.setWindowIcon(icon)
    install_language(app, system_language())
    window = MainWindow()
    if args.model and hasattr(window, "open_path"):
        window.open_path(args.model)
    if args.quit_after_show:
        from .selftest import quit_when_shown

        quit_when_shown(window)
    window.show()
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())
