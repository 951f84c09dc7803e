"""File ▸ New, Open…, Open Recent, Examples, Save, Save As…, drops, the title and closing.

Every dialog is a patched static function (or, when closing, a non-blocking box that the test
answers), so nothing here waits on a person.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from nnstudio.resources import resource_path
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QMenu, QMessageBox, QTableView

from nnstudio.files import load_model
from nnstudio.files.examples import EXAMPLES
from nnstudio.gui import MainWindow
from nnstudio.session import DataChoice, LayerSpec, Session
from nnstudio.session_files import save_session

TITLE_END = "[*] — NN Studio"


@pytest.fixture
def window(qtbot):
    w = MainWindow()
    qtbot.addWidget(w)
    return w


class Dialogs:
    """Records the message boxes and file dialogs; answers with what the test set."""

    def __init__(self) -> None:
        self.messages: list[tuple[str, str, str]] = []  # (kind, title, text)
        self.questions: list[str] = []
        self.answer = QMessageBox.Cancel
        self.open_path: str | None = None
        self.save_path: str | None = None
        self.file_dialogs: list[tuple[str, str]] = []  # (kind, suggested path or folder)


@pytest.fixture
def dialogs(monkeypatch):
    d = Dialogs()

    def message(kind):
        def show(parent, title, text, *args, **kwargs):
            d.messages.append((kind, title, text))
            return QMessageBox.Ok

        return staticmethod(show)

    for kind in ("warning", "critical", "information"):
        monkeypatch.setattr(QMessageBox, kind, message(kind))

    def question(parent, title, text, *args, **kwargs):
        d.questions.append(text)
        return d.answer

    def get_open(parent, caption, folder, filters, *args, **kwargs):
        d.file_dialogs.append(("open", folder))
        return (d.open_path or "", "")

    def get_save(parent, caption, suggestion, filters, *args, **kwargs):
        d.file_dialogs.append(("save", suggestion))
        return (d.save_path or "", "")

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(get_open))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(get_save))
    return d


def action(window, name):
    found = window.findChild(object, name)
    assert found is not None, name
    return found


def table_rows(window) -> list[tuple[str, str]]:
    """(row name, W[l] shape) of the dimension table, read through its Qt model."""
    model = window.findChild(QTableView, "dimensionTable").model()
    headers = [model.headerData(c, Qt.Horizontal) for c in range(model.columnCount())]
    w = headers.index("W[l]")
    return [(model.index(r, 0).data(), model.index(r, w).data()) for r in range(model.rowCount())]


def train_some(session: Session, epochs: int) -> None:
    session.train_here(epochs)


def trained_file(tmp_path: Path, name: str = "trained.nnstudio") -> tuple[Path, Session]:
    session = Session()
    session.set_data(DataChoice("moons", {"samples": 100}, 0.2, True, 4))
    session.set_hidden_layers((LayerSpec(5, "tanh"), LayerSpec(3, "tanh")))
    session.set_settings(optimizer="adam", learning_rate=0.03, report_every=5)
    train_some(session, 30)
    return save_session(session, tmp_path / name), session


def edit(window) -> None:
    """An ordinary edit through the builder: add a layer."""
    window.findChild(object, "addLayerButton").click()
    assert window.session.modified


# -- the menu ---------------------------------------------------------------------------------
def test_the_file_menu_has_the_model_actions_first(window):
    names = [a.objectName() or a.text() for a in window.file_menu.actions() if not a.isSeparator()]
    recent = window.findChild(QMenu, "recentMenu")
    examples = window.findChild(QMenu, "examplesMenu")
    assert names.index("newAction") == 0
    order = [
        names.index("openAction"),
        window.file_menu.actions().index(recent.menuAction()),
        window.file_menu.actions().index(examples.menuAction()),
        window.file_menu.actions().index(action(window, "saveAction")),
        window.file_menu.actions().index(action(window, "saveAsAction")),
        window.file_menu.actions().index(action(window, "importCsvAction")),
        window.file_menu.actions().index(action(window, "quitAction")),
    ]
    assert order == sorted(order)
    assert action(window, "newAction").shortcut().toString() == "Ctrl+N"
    assert action(window, "openAction").shortcut().toString() == "Ctrl+O"
    assert action(window, "saveAction").shortcut().toString() == "Ctrl+S"
    assert action(window, "saveAsAction").shortcut().toString() == "Ctrl+Shift+S"
    for name in ("newAction", "openAction", "saveAction", "saveAsAction"):
        assert action(window, name).statusTip()


def test_a_new_window_is_untitled_and_unmodified(window):
    assert window.windowTitle() == "Untitled" + TITLE_END
    assert not window.isWindowModified()


# -- saving -----------------------------------------------------------------------------------
def test_save_as_writes_the_file_and_names_the_window(window, dialogs, tmp_path):
    edit(window)
    assert window.isWindowModified()
    dialogs.save_path = str(tmp_path / "my network")  # the suffix is added
    action(window, "saveAsAction").trigger()

    path = tmp_path / "my network.nnstudio"
    assert path.is_file()
    assert load_model(path).network == window.session.network
    assert window.session.file_path == str(path)
    assert window.windowTitle() == "my network.nnstudio" + TITLE_END
    assert not window.isWindowModified()
    assert window.undo_stack.isClean()
    assert dialogs.messages == []


def test_an_edit_marks_the_window_and_save_writes_without_asking(window, dialogs, tmp_path):
    dialogs.save_path = str(tmp_path / "model.nnstudio")
    action(window, "saveAsAction").trigger()
    assert len(dialogs.file_dialogs) == 1 and not window.isWindowModified()

    edit(window)
    assert window.isWindowModified()
    assert window.windowTitle() == "model.nnstudio" + TITLE_END

    action(window, "saveAction").trigger()
    assert len(dialogs.file_dialogs) == 1  # the file name is known: no dialog
    assert not window.isWindowModified()
    assert load_model(tmp_path / "model.nnstudio").network.layer_dims == (2, 4, 4, 1)


def test_save_of_an_untitled_model_asks_for_a_name_and_cancel_writes_nothing(
    window, dialogs, tmp_path
):
    edit(window)
    dialogs.save_path = None  # the learner cancels the dialog
    action(window, "saveAction").trigger()
    assert dialogs.file_dialogs and dialogs.file_dialogs[0][0] == "save"
    assert dialogs.file_dialogs[0][1].endswith("Untitled.nnstudio")
    assert window.isWindowModified() and window.session.file_path is None


def test_a_failed_save_says_why_and_keeps_the_model_modified(window, dialogs, tmp_path):
    edit(window)
    dialogs.save_path = str(tmp_path / "missing folder" / "x.nnstudio")
    action(window, "saveAsAction").trigger()
    assert len(dialogs.messages) == 1
    kind, title, text = dialogs.messages[0]
    assert kind == "warning" and "x.nnstudio" in title
    assert "nothing was overwritten" in text
    assert window.isWindowModified() and window.session.file_path is None


# -- opening ------------------------------------------------------------------------------------
def test_open_restores_the_network_table_history_and_settings(window, dialogs, tmp_path):
    path, saved = trained_file(tmp_path)
    edit(window)
    dialogs.answer = QMessageBox.Discard
    dialogs.open_path = str(path)
    action(window, "openAction").trigger()

    assert len(dialogs.questions) == 1  # the edit was about to be lost
    session = window.session
    assert session.network == saved.network
    assert session.history.to_dict() == saved.history.to_dict()
    assert session.settings == saved.settings
    assert session.dataset == saved.dataset
    assert session.optimizer_state["t"] == saved.optimizer_state["t"]
    assert table_rows(window)[:4] == [("X", "—"), ("1", "(5, 2)"), ("2", "(3, 5)"), ("3", "(1, 3)")]
    assert window.windowTitle() == "trained.nnstudio" + TITLE_END
    assert not window.isWindowModified()
    assert window.undo_stack.count() == 0
    assert not action(window, "undoAction").isEnabled()
    assert window.data_panel.dataset_combo.currentData() == "moons"
    assert dialogs.messages == []


def test_training_continues_from_the_opened_model(window, dialogs, tmp_path):
    path, saved = trained_file(tmp_path)
    assert window.open_path(path)
    train_some(saved, 10)
    train_some(window.session, 10)
    assert window.session.network == saved.network
    assert window.session.history.last_step == saved.history.last_step == 40
    assert window.isWindowModified()


def test_opening_a_corrupt_file_says_why_and_keeps_the_current_model(window, dialogs, tmp_path):
    edit(window)
    session = window.session
    network, history = session.network, session.history
    weights = {k: v.copy() for k, v in network.params.items()}
    title, undo_count = window.windowTitle(), window.undo_stack.count()
    bad = tmp_path / "broken.nnstudio"
    bad.write_bytes(bytes(range(256)) * 8)
    dialogs.answer = QMessageBox.Discard
    dialogs.open_path = str(bad)

    action(window, "openAction").trigger()

    assert len(dialogs.messages) == 1
    kind, box_title, text = dialogs.messages[0]
    assert kind in ("warning", "critical")
    assert "broken.nnstudio" in box_title
    assert text.endswith("The current model was kept.")
    assert text.startswith("Cannot open “broken.nnstudio”: ")
    assert len(text.split("\n\n")[0]) > 40  # the file's problem, in words
    assert session.network is network and session.history is history
    assert all(np.array_equal(network.params[k], weights[k]) for k in weights)
    assert session.spec.layer_dims == (2, 4, 4, 1)
    assert window.windowTitle() == title and window.isWindowModified()
    assert window.undo_stack.count() == undo_count
    assert table_rows(window)[1] == ("1", "(4, 2)")


def test_a_file_that_is_not_there_is_reported_and_forgotten(window, dialogs, tmp_path):
    path, _ = trained_file(tmp_path)
    assert window.open_path(path)
    path.unlink()
    assert window.file_controller.recent_files() == [str(path.resolve())]
    assert not window.open_path(path)
    assert dialogs.messages and dialogs.messages[0][2].endswith("The current model was kept.")
    assert window.file_controller.recent_files() == []


# -- New and unsaved changes ------------------------------------------------------------------
def test_new_asks_about_unsaved_changes(window, dialogs):
    edit(window)
    new = action(window, "newAction")

    dialogs.answer = QMessageBox.Cancel
    new.trigger()
    assert len(dialogs.questions) == 1 and "Untitled" in dialogs.questions[0]
    assert window.session.spec.layer_dims == (2, 4, 4, 1) and window.isWindowModified()

    dialogs.answer = QMessageBox.Discard
    new.trigger()
    assert len(dialogs.questions) == 2
    assert window.session.spec.layer_dims == (2, 4, 1)
    assert not window.isWindowModified()
    assert window.windowTitle() == "Untitled" + TITLE_END
    assert window.undo_stack.count() == 0
    assert table_rows(window)[1] == ("1", "(4, 2)")

    new.trigger()  # nothing to lose: no question
    assert len(dialogs.questions) == 2


def test_new_can_save_first(window, dialogs, tmp_path):
    edit(window)
    dialogs.answer = QMessageBox.Save
    dialogs.save_path = str(tmp_path / "kept.nnstudio")
    action(window, "newAction").trigger()
    assert load_model(tmp_path / "kept.nnstudio").network.layer_dims == (2, 4, 4, 1)
    assert window.session.spec.layer_dims == (2, 4, 1)
    assert window.session.file_path is None

    edit(window)
    dialogs.save_path = None  # Save, then cancel the file dialog: nothing is replaced
    action(window, "newAction").trigger()
    assert window.session.spec.layer_dims == (2, 4, 4, 1)


# -- recent files and examples ----------------------------------------------------------------
def test_open_recent_lists_saved_files_and_opens_them(window, dialogs, tmp_path):
    recent = window.findChild(QMenu, "recentMenu")
    assert not recent.menuAction().isEnabled()
    first, _ = trained_file(tmp_path, "first.nnstudio")
    dialogs.save_path = str(tmp_path / "second.nnstudio")
    action(window, "saveAsAction").trigger()
    assert window.open_path(first)

    recent.aboutToShow.emit()
    entries = [a for a in recent.actions() if a.data()]
    assert [Path(a.data()).name for a in entries] == ["first.nnstudio", "second.nnstudio"]
    assert entries[0].text() == "&1 first.nnstudio"
    assert recent.menuAction().isEnabled()

    entries[1].trigger()
    assert window.session.file_path == str(tmp_path / "second.nnstudio")
    assert window.session.spec.layer_dims == (2, 4, 1)

    action(window, "clearRecentAction").trigger()
    recent.aboutToShow.emit()
    assert [a for a in recent.actions() if a.data()] == []
    assert not recent.menuAction().isEnabled()


def test_recent_files_are_remembered_for_the_next_window(qtbot, dialogs, tmp_path):
    first = MainWindow()
    qtbot.addWidget(first)
    dialogs.save_path = str(tmp_path / "again.nnstudio")
    first.file_controller.save_as()
    second = MainWindow()
    qtbot.addWidget(second)
    assert second.file_controller.recent_files() == [str((tmp_path / "again.nnstudio").resolve())]


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda e: e.file_name)
def test_each_example_opens_as_an_untitled_copy(window, dialogs, tmp_path, example):
    menu = window.findChild(QMenu, "examplesMenu")
    entries = {a.data(): a for a in menu.actions()}
    assert set(entries) == {e.file_name for e in EXAMPLES}
    entry = entries[example.file_name]
    assert entry.text() and len(entry.text()) < len(example.title)
    assert entry.statusTip() == example.title

    entry.trigger()

    original = resource_path("examples", example.file_name)
    assert window.session.network == load_model(original).network
    assert window.session.file_path is None and not window.isWindowModified()
    stem = Path(example.file_name).stem
    assert window.windowTitle() == f"{stem} (example)" + TITLE_END
    assert dialogs.messages == []

    dialogs.save_path = str(tmp_path / "copy.nnstudio")
    action(window, "saveAction").trigger()  # asks where: never into the installed examples
    assert dialogs.file_dialogs[-1][0] == "save"
    assert Path(dialogs.file_dialogs[-1][1]).name == stem + ".nnstudio"
    assert Path(dialogs.file_dialogs[-1][1]).parent != original.parent
    assert (tmp_path / "copy.nnstudio").is_file()
    assert window.windowTitle() == "copy.nnstudio" + TITLE_END


# -- nnstudio PATH ---------------------------------------------------------------------------
def test_the_command_line_path_is_opened_at_start(qtbot, dialogs, tmp_path, monkeypatch):
    import nnstudio.gui
    from nnstudio import app as app_module

    path, saved = trained_file(tmp_path)
    made: list[MainWindow] = []

    class Recording(MainWindow):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            made.append(self)
            qtbot.addWidget(self)

    qapp = QApplication.instance()
    monkeypatch.setattr(nnstudio.gui, "MainWindow", Recording)
    monkeypatch.setattr(QApplication, "exec", lambda self: 0)
    for getter, setter in (
        ("applicationName", "setApplicationName"),
        ("organizationName", "setOrganizationName"),
        ("applicationVersion", "setApplicationVersion"),
        ("desktopFileName", "setDesktopFileName"),
    ):
        monkeypatch.setattr(qapp, setter, lambda value: None)
        assert getter
    monkeypatch.setattr(qapp, "setWindowIcon", lambda icon: None)

    assert app_module.main([str(path)]) == 0

    (window,) = made
    assert window.session.network == saved.network
    assert window.windowTitle() == "trained.nnstudio" + TITLE_END
    assert dialogs.messages == []
    window.close()


def test_a_bad_path_at_start_shows_the_message_over_the_default_model(window, dialogs, tmp_path):
    assert not window.open_path(tmp_path / "nothing-here.nnstudio")
    assert dialogs.messages and "nothing-here.nnstudio" in dialogs.messages[0][1]
    text = dialogs.messages[0][2]
    assert text.count("nothing-here.nnstudio") == 1 and text[0].isupper()
    assert window.session.spec.layer_dims == (2, 4, 1)
    assert window.windowTitle() == "Untitled" + TITLE_END


# -- drag and drop ----------------------------------------------------------------------------
def mime_for(*urls: QUrl) -> QMimeData:
    mime = QMimeData()
    mime.setUrls(list(urls))
    return mime


def drag_event(kind, pos: QPointF, mime: QMimeData):
    """A drag-enter or drag-move event: PySide6 6.12 takes a QPointF (its QPoint form is
    deprecated), 6.11 only a QPoint."""
    try:
        return kind(pos, Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    except TypeError:
        return kind(pos.toPoint(), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)


def drag(window, mime: QMimeData) -> bool:
    event = drag_event(QDragEnterEvent, QPointF(50, 50), mime)
    event.ignore()
    window.dragEnterEvent(event)
    return event.isAccepted()


def drop(window, mime: QMimeData) -> bool:
    event = QDropEvent(QPointF(50, 50), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    event.ignore()
    window.dropEvent(event)
    return event.isAccepted()


def test_dropping_a_model_file_opens_it(window, dialogs, tmp_path):
    path, saved = trained_file(tmp_path)
    assert window.acceptDrops()
    mime = mime_for(QUrl.fromLocalFile(str(path)))
    assert drag(window, mime)
    assert drop(window, mime)
    assert window.session.network == saved.network
    assert window.session.file_path == str(path)


def test_dropping_asks_before_discarding_changes(window, dialogs, tmp_path):
    path, _ = trained_file(tmp_path)
    edit(window)
    dialogs.answer = QMessageBox.Cancel
    drop(window, mime_for(QUrl.fromLocalFile(str(path))))
    assert dialogs.questions and window.session.spec.layer_dims == (2, 4, 4, 1)


def test_only_one_local_model_or_csv_file_is_accepted(window, tmp_path):
    model = QUrl.fromLocalFile(str(tmp_path / "a.nnstudio"))
    assert not drag(window, mime_for(model, QUrl.fromLocalFile(str(tmp_path / "b.nnstudio"))))
    assert not drag(window, mime_for(QUrl.fromLocalFile(str(tmp_path / "notes.txt"))))
    assert not drag(window, mime_for(QUrl("https://example.org/a.nnstudio")))
    assert not drag(window, QMimeData())
    assert drag(window, mime_for(QUrl.fromLocalFile(str(tmp_path / "DATA.CSV"))))
    window.set_editing_locked(True, "Training is running.")
    assert not drag(window, mime_for(model))


def test_dropping_a_csv_file_opens_the_import_dialog(window, dialogs, tmp_path):
    csv = tmp_path / "points.csv"
    csv.write_text("x1,x2,label\n" + "".join(f"{i},{i % 3},{i % 2}\n" for i in range(20)))
    assert drop(window, mime_for(QUrl.fromLocalFile(str(csv))))
    assert window.csv_dialog is not None and window.csv_dialog.isVisible()
    window.csv_dialog.reject()


# -- closing ----------------------------------------------------------------------------------
def test_closing_with_unsaved_changes_asks_and_cancel_keeps_the_window(window, qtbot, tmp_path):
    window.show()
    qtbot.waitExposed(window)
    edit(window)

    assert not window.close()
    prompt = window.file_controller.close_prompt
    assert prompt is not None and prompt.isVisible()
    assert prompt.objectName() == "unsavedChangesBox"
    prompt.button(QMessageBox.Cancel).click()
    assert window.isVisible() and window.file_controller.close_prompt is None

    window.close()
    window.file_controller.close_prompt.button(QMessageBox.Discard).click()
    assert not window.isVisible()


def test_closing_can_save_first(window, qtbot, dialogs, tmp_path):
    window.show()
    qtbot.waitExposed(window)
    edit(window)
    dialogs.save_path = str(tmp_path / "on-exit.nnstudio")
    window.close()
    window.file_controller.close_prompt.button(QMessageBox.Save).click()
    assert (tmp_path / "on-exit.nnstudio").is_file()
    assert not window.isVisible()


def test_closing_an_unmodified_window_does_not_ask(window, qtbot):
    window.show()
    qtbot.waitExposed(window)
    assert window.close()
    assert window.file_controller.close_prompt is None


# -- while training -----------------------------------------------------------------------------
def test_new_and_open_wait_while_editing_is_locked(window, dialogs, tmp_path):
    reason = "Training is running: stop it to change the network."
    window.set_editing_locked(True, reason)
    for name in ("newAction", "openAction"):
        assert not action(window, name).isEnabled()
        assert action(window, name).toolTip() == reason
    assert not window.findChild(QMenu, "recentMenu").menuAction().isEnabled()
    assert not window.findChild(QMenu, "examplesMenu").menuAction().isEnabled()
    assert action(window, "saveAction").isEnabled()
    assert action(window, "saveAsAction").isEnabled()

    path, _ = trained_file(tmp_path)
    assert not window.open_path(path)  # e.g. a drop or a second command line
    assert window.session.spec.layer_dims == (2, 4, 1)

    window.set_editing_locked(False)
    assert action(window, "newAction").isEnabled() and action(window, "openAction").isEnabled()
    assert action(window, "openAction").toolTip() != reason
    assert window.findChild(QMenu, "examplesMenu").menuAction().isEnabled()
    assert window.open_path(path)


def test_a_file_dragged_over_the_diagram_is_taken_by_the_window(window, qtbot, dialogs, tmp_path):
    """The platform delivers drags to the QWindow; over a graphics view (the diagram, a plot)
    Qt would hand them to that view, which refuses the drop. The window takes them first."""
    path, saved = trained_file(tmp_path)
    window.show()
    qtbot.waitExposed(window)
    handle = window.windowHandle()
    mime = mime_for(QUrl.fromLocalFile(str(path)))
    over = QPointF(window.diagram.mapTo(window, window.diagram.rect().center()))
    for kind in (QDragEnterEvent, QDragMoveEvent):
        event = drag_event(kind, over, mime)
        event.ignore()
        QApplication.sendEvent(handle, event)
        assert event.isAccepted(), kind.__name__
    event = QDropEvent(over, Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    event.ignore()
    QApplication.sendEvent(handle, event)
    assert event.isAccepted()
    assert window.session.network == saved.network


def test_other_drags_still_reach_the_widgets(window, qtbot):
    window.show()
    qtbot.waitExposed(window)
    text = QMimeData()
    text.setText("just words")
    event = drag_event(QDragEnterEvent, QPointF(5, 5), text)
    assert not window._drop_filter.eventFilter(window.windowHandle(), event)
