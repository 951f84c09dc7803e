"""Make the screenshots the README and docs/translations.md show, from the real main window.

    python packaging/make_screenshots.py            # from the repository root, in the venv

It opens the main window at 1280 × 800 on the first-start model (the flower data and the
course's network), trains it with the Train button as a learner would, and saves

- ``docs/screenshot-main-window.png``: the Network tab (diagram and dimension table),
- ``docs/screenshot-training.png``: the Decision boundary tab after training,
- ``docs/screenshot-main-window-zh_CN.png``: the Network tab in 简体中文.

It runs without a display (Qt's offscreen platform) unless ``QT_QPA_PLATFORM`` says otherwise;
under Xvfb (``xvfb-run -a python packaging/make_screenshots.py``) the fonts are the system's.
Settings are kept in a temporary folder, so the learner's own layout is neither used nor changed.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
SIZE = (1280, 800)


def _wait_for(signal, timeout_ms: int = 120_000) -> None:
    """Run Qt's event loop until ``signal`` is emitted (or the timeout ends it)."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    signal.connect(loop.quit)
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()
    signal.disconnect(loop.quit)


def _settle(app, rounds: int = 20) -> None:
    """Let pending paints and timers run (the views draw on a frame timer)."""
    from PySide6.QtCore import QEventLoop, QTimer

    for _ in range(rounds):
        loop = QEventLoop()
        QTimer.singleShot(25, loop.quit)
        loop.exec()
        app.processEvents()


def _show_tab(window, title: str) -> None:
    tabs = window.views
    for index in range(tabs.count()):
        if tabs.tabText(index).replace("&", "") == title:
            tabs.setCurrentIndex(index)
            return
    raise SystemExit(f"no tab called {title!r}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--out", type=Path, default=DOCS, help="folder for the PNG files")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QAbstractButton, QApplication

    from nnstudio.gui import MainWindow, install_language, switch_language

    app = QApplication.instance() or QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as settings:
        for fmt in (QSettings.NativeFormat, QSettings.IniFormat):
            QSettings.setPath(fmt, QSettings.UserScope, settings)
        install_language(app, "en")
        window = MainWindow()
        window.resize(*SIZE)
        window.show()
        _settle(app)

        controller = window.training.controller
        window.findChild(QAbstractButton, "trainButton").click()
        _wait_for(controller.finished)
        _settle(app)

        args.out.mkdir(parents=True, exist_ok=True)
        _show_tab(window, window.tr("Network"))
        _settle(app)
        window.grab().save(str(args.out / "screenshot-main-window.png"))
        _show_tab(window, "Decision boundary")
        _settle(app)
        window.grab().save(str(args.out / "screenshot-training.png"))

        chinese = switch_language(window, "zh_CN")
        if chinese is None:
            raise SystemExit("the 简体中文 catalog could not be loaded")
        chinese.resize(*SIZE)
        chinese.views.setCurrentIndex(0)
        _settle(app)
        chinese.grab().save(str(args.out / "screenshot-main-window-zh_CN.png"))
        chinese.session.set_modified(False)  # nothing to ask about on closing
        chinese.close()
        install_language(app, "en")
    for name in ("screenshot-main-window", "screenshot-training", "screenshot-main-window-zh_CN"):
        print(args.out / f"{name}.png")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
