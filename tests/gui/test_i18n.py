"""简体中文: every text of the main window translated, switching language in the running app,
and screenshots of the main window in both languages."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator

import pytest
import shiboken6
from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractListModel,
    QLocale,
    QModelIndex,
    QSettings,
    Qt,
)
from PySide6.QtGui import QAction, QImage
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDockWidget,
    QGraphicsTextItem,
    QGraphicsView,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QProgressBar,
    QTabBar,
    QWidget,
)

from nnstudio.data import read_csv_preview
from nnstudio.gui import MainWindow
from nnstudio.gui.builder.csv_dialog import CsvDialog
from nnstudio.gui.learn.stepthrough import StepThroughView
from nnstudio.gui.window import language as i18n
from nnstudio.gui.window.language import (
    LANGUAGES,
    SETTINGS_KEY,
    current_language,
    install_language,
    language_for_locale,
    system_language,
)
from nnstudio.gui.window.main_window import switch_language
from nnstudio.session import Session

# ASCII words a Chinese interface keeps: the course's notation and activation names, optimizer
# and initialisation names, file formats and libraries (ONNX, PyTorch), the program's name and
# units, keys as labelled, and the course's variable names (keep_prob, Z_norm) and NumPy's
# functions in its formulas (randn).
ALLOWED_WORDS = {
    "nn", "studio", "nnstudio", "deeplearning", "ai",
    "tanh", "sigmoid", "softmax", "relu", "leaky", "leakyrelu", "linear", "max", "min", "sin",
    "log", "exp", "adam", "rmsprop", "xavier", "float", "csv", "tsv", "txt", "png", "svg",
    "numpy", "python", "np", "sum", "axis", "keepdims", "true", "mib", "nan", "english", "xor",
    "sign", "esc", "shift", "tab", "enter", "ctrl", "pytorch", "onnx", "keep", "prob", "norm",
    "randn",
}  # fmt: skip
WORD = re.compile(r"[A-Za-z]{3,}")
FILE_NAME = re.compile(r"[\w.-]+\.(?:nnstudio|csv|tsv|txt|png|svg|py|json|npy|npz|onnx)\b")
TAG = re.compile(r"<[^>]+>")
KEY_NAME = re.compile(r"\b[A-Za-z]+ ?键")  # "Delete 键": a key as the keyboard labels it


@pytest.fixture
def chinese(qapp):
    install_language(qapp, "zh_CN")
    yield
    install_language(qapp, "en")


@pytest.fixture(autouse=True)
def english_afterwards(qapp):
    yield
    install_language(qapp, "en")


def english_words(text: str) -> list[str]:
    """The ASCII words of ≥ 3 letters in ``text`` (markup, entities and file names removed)
    that a translated interface should not show."""
    plain = KEY_NAME.sub(" ", FILE_NAME.sub(" ", html.unescape(TAG.sub(" ", text))))
    return [w for w in WORD.findall(plain) if w.lower() not in ALLOWED_WORDS]


def model_texts(model: QAbstractItemModel, where: str) -> Iterator[tuple[str, str]]:
    roles = (Qt.DisplayRole, Qt.ToolTipRole)
    root = QModelIndex()
    columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount(root)
    for section in range(columns):
        for role in roles:
            yield f"{where} header", str(model.headerData(section, Qt.Horizontal, role) or "")
    for row in range(min(model.rowCount(root), 50)):
        for column in range(columns):
            for role in roles:
                yield f"{where} cell", str(model.index(row, column).data(role) or "")


def menu_texts(menu: QMenu, where: str) -> Iterator[tuple[str, str]]:
    yield where, menu.title()
    for action in menu.actions():
        if action.isSeparator():
            continue
        yield f"{where} ▸ {action.text()}", action.text()
        yield f"{where} ▸ {action.text()} (tip)", action.statusTip()
        if action.toolTip() != action.text().replace("&", ""):
            yield f"{where} ▸ {action.text()} (tooltip)", action.toolTip()
        if action.menu() is not None:
            yield from menu_texts(action.menu(), f"{where} ▸ {action.text()}")


def window_texts(window: MainWindow) -> Iterator[tuple[str, str]]:
    """Every text the main window shows or can show on hover, with where it is."""
    yield "window title", window.windowTitle()
    yield "status bar", window.statusBar().currentMessage()
    for action in window.menuBar().actions():
        if action.menu() is not None:
            yield from menu_texts(action.menu(), "menu")
    yield from widget_texts(window)
    diagram, spec = window.diagram, window.session.spec
    for layer in range(spec.L + 1):
        yield "diagram unit tooltip", diagram.unit_tooltip(layer, 0)
    yield "diagram edge tooltip", diagram.edge_tooltip(1, 0, 0)


def widget_texts(top: QWidget) -> Iterator[tuple[str, str]]:
    """The texts of ``top``'s widgets: labels, buttons, titles, tabs, items, tables, tooltips
    and the text items of graphics views (the diagram, the plots' axes)."""
    for widget in top.findChildren(QWidget):
        name = widget.objectName() or type(widget).__name__
        yield f"{name} tooltip", widget.toolTip()
        if isinstance(widget, QLabel | QAbstractButton):
            yield name, widget.text()
        elif isinstance(widget, QGroupBox):
            yield name, widget.title()
        elif isinstance(widget, QDockWidget):
            yield name, widget.windowTitle()
        elif isinstance(widget, QLineEdit):
            yield f"{name} placeholder", widget.placeholderText()
        elif isinstance(widget, QProgressBar):
            yield name, widget.format()
        if isinstance(widget, QAbstractSpinBox):
            yield f"{name} special value", widget.specialValueText()
        if isinstance(widget, QTabBar):
            for i in range(widget.count()):
                yield f"{name} tab", widget.tabText(i)
                yield f"{name} tab tooltip", widget.tabToolTip(i)
        if isinstance(widget, QComboBox):
            for i in range(widget.count()):
                yield f"{name} item", widget.itemText(i)
                yield f"{name} item tooltip", str(widget.itemData(i, Qt.ToolTipRole) or "")
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            yield from model_texts(widget.model(), name)
        if isinstance(widget, QGraphicsView) and widget.scene() is not None:
            for item in widget.scene().items():
                if isinstance(item, QGraphicsTextItem):
                    yield f"{name} text", item.toPlainText()


def untranslated(texts: Iterator[tuple[str, str]]) -> list[str]:
    return [
        f"{where}: {text!r} → {words}"
        for where, text in texts
        if text and (words := english_words(text))
    ]


def test_the_allowlist_only_lets_notation_through() -> None:
    assert english_words("Layer [1] hidden: 4 × tanh") == ["Layer", "hidden"]
    assert english_words("层 [1] 隐层：4 × tanh · <b>W</b><sup>[1]</sup> (4, 2)") == []
    assert english_words("已保存 flower.nnstudio。按 Delete 键删除。") == []


def test_every_text_of_the_main_window_is_translated(qtbot, chinese) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    texts = list(window_texts(window))
    assert len(texts) > 200  # the walk reached the menus, the docks, the tabs and the tables
    offenders = untranslated(iter(texts))
    assert not offenders, "English left in the 简体中文 interface:\n" + "\n".join(offenders)
    assert window.file_menu.title() == "文件(&F)"


def test_the_csv_import_dialog_and_its_errors_are_translated(qtbot, chinese, tmp_path) -> None:
    path = tmp_path / "data.csv"  # names and values that are not English words
    path.write_text("x1,x2,y\n5.1,3.5,0\n4.9,1.2.3,0\n6.2,2.9,1\n")
    dialog = CsvDialog(path, read_csv_preview(path))
    qtbot.addWidget(dialog)
    dialog.accept()  # "1.2.3" is not a number: the dialog stays open and says why
    assert "1.2.3" in dialog.error and "。。" not in dialog.error
    texts = [("dialog title", dialog.windowTitle()), ("error", dialog.error)]
    offenders = untranslated(iter(texts + list(widget_texts(dialog))))
    assert not offenders, "\n".join(offenders)


def test_the_learners_messages_from_the_qt_free_packages_are_translated(qtbot, chinese) -> None:
    """Step explanations (nnstudio.learn), a network error (nnstudio.session) and a data set's
    description (nnstudio.data) come out in Chinese too."""
    session = Session()
    view = StepThroughView()
    qtbot.addWidget(view)
    view.load(session.network, session.prepared.train.X, session.prepared.train.Y, 1.2)
    texts = []
    for i in range(len(view.steps)):
        view.go_to(i)
        texts += [("step title", view.title.text()), ("step", view.explanation.text())]
        texts += [
            (f"step {i} array", h.caption.text()) for h in view.heatmaps if h.isVisibleTo(view)
        ]
    offenders = untranslated(iter(texts))
    assert not offenders, "\n".join(offenders)
    with pytest.raises(ValueError) as error:
        session.check_output_units(3)
    assert not english_words(str(error.value)), str(error.value)


def test_the_system_locale_chooses_the_language_unless_one_was_chosen() -> None:
    assert language_for_locale(QLocale("zh_CN")) == "zh_CN"
    assert language_for_locale(QLocale("zh_TW")) == "zh_CN"
    assert language_for_locale(QLocale("de_DE")) == "en"
    QSettings().setValue(SETTINGS_KEY, "zh_CN")
    assert system_language() == "zh_CN"
    QSettings().setValue(SETTINGS_KEY, "en")
    assert system_language() == "en"


def test_a_chinese_system_without_a_chinese_font_starts_in_english(monkeypatch) -> None:
    monkeypatch.setattr(i18n.QLocale, "system", staticmethod(lambda: i18n.QLocale("zh_CN")))
    assert system_language() == "zh_CN" or not i18n.has_chinese_font()
    monkeypatch.setattr(i18n, "has_chinese_font", lambda: False)
    assert system_language() == "en"
    QSettings().setValue(SETTINGS_KEY, "zh_CN")  # a learner's own choice is kept
    assert system_language() == "zh_CN"


def main_windows() -> list[MainWindow]:
    return [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, MainWindow) and shiboken6.isValid(w) and w.isVisible()
    ]


def test_the_language_menu_rebuilds_the_window_over_the_same_session(qtbot) -> None:
    window = MainWindow()  # replaced, and deleted, by the switch: not given to qtbot
    window.show()
    try:
        window.layer_editor.add_layer()  # unsaved work
        session, network = window.session, window.session.network
        assert session.modified and network.layer_dims == (2, 4, 4, 1)
        menu = window.findChild(QMenu, "languageMenu")
        assert [a.text() for a in menu.actions()] == list(LANGUAGES.values())

        window.findChild(QAction, "language_zh_CN").trigger()
        qtbot.waitUntil(lambda: not shiboken6.isValid(window))
        (chinese_window,) = main_windows()
        assert current_language() == "zh_CN"
        assert chinese_window.session is session and session.network is network
        assert session.modified and "未命名" in chinese_window.windowTitle()
        assert chinese_window.file_menu.title() == "文件(&F)"
        assert chinese_window.findChild(QAction, "language_zh_CN").isChecked()
        assert chinese_window.file_controller.close_prompt is None  # nobody was asked to save
        assert chinese_window.layer_editor.layer_list.count() == 4  # X, two hidden, output

        chinese_window.findChild(QAction, "language_en").trigger()
        qtbot.waitUntil(lambda: not shiboken6.isValid(chinese_window))
        (english_window,) = main_windows()
        assert english_window.file_menu.title() == "&File" and english_window.session is session
    finally:
        for left in main_windows():
            left.file_controller.close_without_asking()
            left.deleteLater()


def test_the_language_cannot_change_while_training_runs(qtbot) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    window.set_editing_locked(True, "Training is in progress.")
    action = window.findChild(QAction, "language_zh_CN")
    assert not action.isEnabled() and "training" in action.toolTip().lower()
    assert switch_language(window, "zh_CN") is None
    assert current_language() == "en" and window.file_menu.title() == "&File"
    window.set_editing_locked(False)
    assert action.isEnabled()


def grab(window: MainWindow, path) -> QImage:
    window.resize(1400, 860)
    window.show()
    QApplication.processEvents()
    image = window.grab().toImage()
    assert image.save(str(path))
    return image


def test_screenshots_of_the_main_window_in_english_and_chinese(qtbot, qapp, tmp_path) -> None:
    shots = {}
    for code in LANGUAGES:
        install_language(qapp, code)
        window = MainWindow()
        qtbot.addWidget(window)
        shots[code] = grab(window, tmp_path / f"main-window-{code}.png")
        window.close()
    for image in shots.values():
        assert image.width() >= 1000 and image.height() >= 600
        colours = {image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, 400, 7)}
        assert len(colours) > 50  # drawn, not blank
    assert shots["en"] != shots["zh_CN"]
