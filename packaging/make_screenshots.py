"""Make the screenshots the README and docs/ show, from the real main window.

    python packaging/make_screenshots.py            # from the repository root, in the venv
    python packaging/make_screenshots.py --only laptop-light-100-en

Each screenshot is the first-start model (the flower data and the course's network) trained with
the Train button as a learner would, in one of these settings:

- screen: ``laptop`` 1280 × 800 or ``monitor`` 1920 × 1080 pixels;
- theme: ``light`` or ``dark`` (View ▸ Theme);
- scale: ``100`` or ``200`` per cent. At 200 % the laptop is a high-DPI one (2560 × 1600 pixels
  showing 1280 × 800 points) and the monitor keeps its 1920 × 1080 pixels for 960 × 540 points,
  the smallest window a learner at 200 % has;
- language: ``en`` or ``zh_CN``.

They go to ``docs/screenshots/<screen>-<theme>-<scale>-<language>-<view>.png``, the views being
``network`` (the diagram and the dimension table) and ``boundary`` (the decision boundary), and
the README's ``docs/screenshot-*.png`` are copies of the light and dark laptop ones in English.

One more setting, ``verdict`` (``--only verdict``), shows the Bias and variance view on the
laptop in the light theme in English: a network far too big for 120 noisy moons points (60 for
training, 30 in the dev set, 30 in the test set) overfits, and the test set has been evaluated.
It goes to ``docs/screenshots/verdict.png``, copied to the README's
``docs/screenshot-verdict.png``. Likewise ``tuning`` (``--only tuning``) shows the Tuning view
after a random search over the learning rate and the hidden units of the course's network on
the flower data (a quarter of it held back as the dev set), its best runs sent to Compare runs:
``docs/screenshots/tuning.png``, copied to ``docs/screenshot-tuning.png``.
Every screenshot is made in a Python process of its own, because Qt reads the scale factor
(``QT_SCALE_FACTOR``) once, when the application starts.

It runs without a display (Qt's offscreen platform) unless ``QT_QPA_PLATFORM`` says otherwise;
under Xvfb (``xvfb-run -a python packaging/make_screenshots.py``) the fonts are the system's.
Settings are kept in a temporary folder, so the learner's own layout is neither used nor changed.
"""

from __future__ import annotations

import argparse
import itertools
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
SCREENS = {"laptop": (1280, 800), "monitor": (1920, 1080)}  # pixels
THEMES = ("light", "dark")
SCALES = (100, 200)
LANGUAGES = ("en", "zh_CN")
VIEWS = ("network", "boundary")
# the README's pictures: (name, screen, theme, scale, language, view)
README_COPIES = (
    ("screenshot-main-window", "laptop", "light", 100, "en", "network"),
    ("screenshot-main-window-dark", "laptop", "dark", 100, "en", "network"),
    ("screenshot-training", "laptop", "light", 100, "en", "boundary"),
    ("screenshot-training-dark", "laptop", "dark", 100, "en", "boundary"),
    ("screenshot-main-window-zh_CN", "laptop", "light", 100, "zh_CN", "network"),
)
VERDICT = "verdict"  # the Bias and variance view (laptop, light, 100 %, English)
TUNING = "tuning"  # the Tuning view after a search (laptop, light, 100 %, English)
SPECIALS = (VERDICT, TUNING)


def setting_name(screen: str, theme: str, scale: int, language: str) -> str:
    return f"{screen}-{theme}-{scale}-{language}"


def window_points(screen: str, scale: int) -> tuple[int, int]:
    """The window's size in Qt's device-independent points for a screen at a scale."""
    width, height = SCREENS[screen]
    if screen == "laptop":  # a high-DPI laptop shows the same 1280 × 800 points at 200 %
        return width, height
    return width * 100 // scale, height * 100 // scale


def pixel_scale(screen: str, scale: int) -> float:
    """QT_SCALE_FACTOR for a screen at a scale (see :func:`window_points`)."""
    return scale / 100


# -- one screenshot, in its own process ------------------------------------------------------------
def _settle(app, rounds: int = 20) -> None:
    """Let pending paints and timers run (the views draw on a frame timer)."""
    from PySide6.QtCore import QEventLoop, QTimer

    for _ in range(rounds):
        loop = QEventLoop()
        QTimer.singleShot(25, loop.quit)
        loop.exec()
        app.processEvents()


def _wait_for(signal, timeout_ms: int = 120_000) -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    signal.connect(loop.quit)
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()
    signal.disconnect(loop.quit)


def _use_settings(folder: str, theme: str, language: str) -> None:
    """Keep QSettings in ``folder``: ``theme`` and ``language`` chosen, the welcome tour seen."""
    from PySide6.QtCore import QSettings

    for fmt in (QSettings.NativeFormat, QSettings.IniFormat):
        QSettings.setPath(fmt, QSettings.UserScope, folder)
    stored = QSettings()
    stored.setValue("ui/theme", theme)
    stored.setValue("ui/language", language)
    stored.setValue("welcome/shown", True)
    stored.sync()


def shoot(name: str, out: Path) -> None:
    """Make the two views' screenshots of one setting (``name`` as :func:`setting_name`)."""
    screen, theme, scale, language = name.split("-")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QAbstractButton, QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as settings:
        _use_settings(settings, theme, language)
        from nnstudio.gui import MainWindow, install_language

        if not install_language(app, language):
            raise SystemExit(f"the {language} catalog could not be loaded")
        window = MainWindow()
        window.resize(*window_points(screen, int(scale)))
        window.show()
        _settle(app)
        controller = window.training.controller
        window.findChild(QAbstractButton, "trainButton").click()
        _wait_for(controller.finished)
        _settle(app)
        for view, widget in (
            ("network", window.network_splitter),
            ("boundary", window.training.decision_view),
        ):
            window.views.setCurrentWidget(widget)
            _settle(app)
            window.grab().save(str(out / f"{name}-{view}.png"))
        window.session.set_modified(False)  # nothing to ask about on closing
        window.close()


def shoot_special(name: str, out: Path) -> None:
    """One of :data:`SPECIALS` on the laptop in the light theme in English."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as settings:
        _use_settings(settings, "light", "en")
        from nnstudio.gui import MainWindow, install_language

        install_language(app, "en")
        window = MainWindow()
        window.resize(*window_points("laptop", 100))
        window.show()
        _settle(app)
        (shoot_verdict if name == VERDICT else shoot_tuning)(app, window)
        window.grab().save(str(out / f"{name}.png"))
        window.session.set_modified(False)  # nothing to ask about on closing
        window.close()


def shoot_tuning(app, window) -> None:
    """The Tuning view after a search over α and the units, the best runs sent on."""
    from PySide6.QtWidgets import QAbstractButton, QCheckBox, QSpinBox

    window.findChild(QSpinBox, "validationSpinBox").setValue(25)
    view = window.learn.tuning_view
    window.views.setCurrentWidget(view)
    window.findChild(QCheckBox, "tuningL2CheckBox").setChecked(False)
    window.findChild(QCheckBox, "tuningUnitsCheckBox").setChecked(True)
    for name, value in (("tuningRunsSpinBox", 16), ("tuningEpochsSpinBox", 500)):
        window.findChild(QSpinBox, name).setValue(value)
    window.findChild(object, "tuningLearningRateLowSpinBox").setValue(0.001)
    window.findChild(object, "tuningLearningRateHighSpinBox").setValue(10.0)
    window.findChild(QAbstractButton, "tuningStartButton").click()
    _wait_for(view.runner.finished)
    while view.searching:  # its thread ends just after the last run
        _settle(app, 1)
    window.findChild(QAbstractButton, "tuningSendButton").click()
    _settle(app)


def shoot_verdict(app, window) -> None:
    """The Bias and variance view after a run that overfits, with the test set evaluated."""
    from PySide6.QtWidgets import QAbstractButton, QComboBox, QSpinBox

    from nnstudio.session import LayerSpec

    combo = window.findChild(QComboBox, "datasetCombo")
    combo.setCurrentIndex(combo.findData("moons"))
    for name, value in (
        ("samplesSpinBox", 120),
        ("validationSpinBox", 25),
        ("testShareSpinBox", 25),
    ):
        window.findChild(QSpinBox, name).setValue(value)
    window.findChild(object, "noiseSpinBox").setValue(0.3)
    window.findChild(object, "dataSeedSpinBox").setValue(7)  # dev and test errors agree
    session = window.session
    session.set_hidden_layers((LayerSpec(50, "relu"), LayerSpec(50, "relu")))
    session.set_initialization("he", 1)
    session.set_settings(optimizer="adam", learning_rate=0.01, epochs=1500, report_every=50)
    _settle(app)
    window.findChild(QAbstractButton, "trainButton").click()
    _wait_for(window.training.controller.finished)
    panel = window.learn.verdict_panel
    window.views.setCurrentWidget(panel)
    _settle(app)
    window.findChild(QAbstractButton, "evaluateTestButton").click()
    _settle(app)


# -- all of them ----------------------------------------------------------------------------------
def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--out", type=Path, default=DOCS, help="the docs folder")
    parser.add_argument("--only", help="one setting, e.g. laptop-dark-200-zh_CN")
    parser.add_argument("--child", help=argparse.SUPPRESS)  # one setting, in this process
    args = parser.parse_args(argv)
    shots = args.out / "screenshots"
    shots.mkdir(parents=True, exist_ok=True)
    if args.child in SPECIALS:
        shoot_special(args.child, shots)
        return 0
    if args.child:
        shoot(args.child, shots)
        return 0
    if args.only in SPECIALS:
        env = dict(os.environ, QT_SCALE_FACTOR="1")
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
        command = [sys.executable, __file__, "--out", str(args.out), "--child", args.only]
        subprocess.run(command, env=env, check=True, cwd=ROOT)
        copy = args.out / f"screenshot-{args.only}.png"
        shutil.copyfile(shots / f"{args.only}.png", copy)
        print(copy)
        return 0
    names = [
        setting_name(*combo) for combo in itertools.product(SCREENS, THEMES, SCALES, LANGUAGES)
    ]
    if args.only:
        if args.only not in names:
            known = ", ".join([*names, *SPECIALS])
            raise SystemExit(f"unknown setting {args.only!r}; one of: {known}")
        names = [args.only]
    for name in names:
        screen, _theme, scale, _language = name.split("-")
        env = dict(os.environ, QT_SCALE_FACTOR=str(pixel_scale(screen, int(scale))))
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        # the child imports this checkout's nnstudio, whichever one the venv installed
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
        command = [sys.executable, __file__, "--out", str(args.out), "--child", name]
        subprocess.run(command, env=env, check=True, cwd=ROOT)
        for view in VIEWS:
            print(shots / f"{name}-{view}.png")
    for copy, *setting, view in README_COPIES:
        source = shots / f"{setting_name(*setting)}-{view}.png"
        if source.is_file():
            shutil.copyfile(source, args.out / f"{copy}.png")
            print(args.out / f"{copy}.png")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
