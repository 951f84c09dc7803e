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
    return parser.parse_args(list(argv))


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_arguments(sys.argv[1:] if argv is None else argv)

    from PySide6.QtWidgets import QApplication

    from .gui import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("NN Studio")
    app.setOrganizationName("NN Studio")
    app.setApplicationVersion(__version__)
    window = MainWindow()
    if args.model:
        window.open_path(args.model)
    window.show()
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())
