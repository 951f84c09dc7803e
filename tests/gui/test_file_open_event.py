"""A model file macOS hands over (QFileOpenEvent, as from a Finder double-click) opens in the
main window with the same questions as File ▸ Open. Sent here to the application on Linux."""

from __future__ import annotations

import shutil

import pytest
from nnstudio.resources import resource_path
from PySide6.QtCore import QUrl
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from nnstudio.app import install_file_open_handler
from nnstudio.files import load_model
from nnstudio.gui import MainWindow


@pytest.fixture
def handler(qapp):
    installed = install_file_open_handler(qapp)
    yield installed
    qapp.removeEventFilter(installed)
    installed.deleteLater()


@pytest.fixture
def window(qtbot):
    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


@pytest.fixture
def model(tmp_path):
    path = tmp_path / "spiral.nnstudio"
    shutil.copyfile(resource_path("examples", "spiral-deep-relu.nnstudio"), path)
    return path


@pytest.fixture
def questions(monkeypatch):
    """Answers the unsaved-changes question with ``questions.answer`` and records it."""

    class Questions(list):
        answer = QMessageBox.Cancel

    asked = Questions()

    def question(parent, title, text, *args, **kwargs):
        asked.append(text)
        return asked.answer

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    return asked


def send_file_open(path) -> bool:
    return QApplication.sendEvent(QApplication.instance(), QFileOpenEvent(str(path)))


def test_a_file_sent_by_the_system_opens_in_the_main_window(handler, window, model, questions):
    assert send_file_open(model)
    assert window.session.file_path == str(model)
    assert window.session.network == load_model(model).network
    assert window.windowTitle().startswith("spiral.nnstudio")
    assert questions == []  # nothing unsaved: nothing to ask


def test_a_file_url_opens_too(handler, window, model, questions):
    QApplication.sendEvent(QApplication.instance(), QFileOpenEvent(QUrl.fromLocalFile(str(model))))
    assert window.session.file_path == str(model)


def test_unsaved_changes_are_asked_about_first(handler, window, model, questions):
    window.findChild(object, "addLayerButton").click()
    before = window.session.network
    send_file_open(model)
    assert len(questions) == 1 and "not saved" in questions[0]
    assert window.session.network == before  # Cancel keeps the edited model

    questions.answer = QMessageBox.Discard
    send_file_open(model)
    assert len(questions) == 2
    assert window.session.file_path == str(model)


def test_a_file_that_cannot_be_read_says_why_and_keeps_the_model(
    handler, window, tmp_path, monkeypatch
):
    warnings = []
    for kind in ("warning", "critical"):
        monkeypatch.setattr(
            QMessageBox,
            kind,
            staticmethod(lambda parent, title, text, *a, **k: warnings.append(text)),
        )
    bad = tmp_path / "broken.nnstudio"
    bad.write_bytes(b"not a zip")
    network = window.session.network
    send_file_open(bad)
    assert len(warnings) == 1 and "broken.nnstudio" in warnings[0]
    assert window.session.network == network and window.session.file_path is None


def test_a_file_sent_before_the_window_exists_opens_once_it_does(handler, qtbot, model):
    windows = []
    handler.find_window = lambda: windows[0] if windows else None
    send_file_open(model)
    assert handler.pending == [str(model)]
    window = MainWindow()
    qtbot.addWidget(window)
    windows.append(window)
    handler.open_pending()
    assert handler.pending == []
    assert window.session.file_path == str(model)
