"""File ▸ New, Open…, Open Recent, Examples, Save and Save As… for the main window.

:class:`FileController` owns these actions and the window title ("name.nnstudio[*] — NN Studio",
the ``[*]`` shown while the session has unsaved changes). Reading and writing go through
:mod:`nnstudio.session_files`, which builds an opened model completely before it replaces the
session, so a file that cannot be opened leaves the current model as it was.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox

from ...files import EXAMPLES, FILE_SUFFIX, ModelFileError
from ...resources import resource_path
from ...session import Session
from ...session_files import open_model_into, save_session, take_runs
from ...text import localized
from ..common.binding import bind
from ..learn import ONNX_SUFFIX, open_onnx
from . import recent_files
from .frame import WindowFrame

FOLDER_KEY = "paths/modelFolder"


class FileController(QObject):
    """The File menu's model actions over ``window.session``.

    ``modelReplaced`` is emitted after New or a successful Open (the session holds a whole new
    state); ``modelSaved(path)`` after a successful save.
    """

    modelReplaced = Signal()
    modelSaved = Signal(str)

    def __init__(self, window: WindowFrame) -> None:
        super().__init__(window)
        self.setObjectName("fileController")
        self.window = window
        self.session: Session = window.session
        self.untitled_name = self.tr("Untitled")
        self._tips: dict[QAction, str] = {}
        self.close_prompt: QMessageBox | None = None
        self._close_confirmed = False
        self._create_actions()
        self._add_to_menu()
        bind(self.session.events, "modified", self, self.update_title)
        window.editingLockChanged.connect(self._editing_lock_changed)
        self.update_title()

    # -- construction ---------------------------------------------------------------------------
    def _action(self, name: str, text: str, tip: str, shortcut: QKeySequence | None) -> QAction:
        action = QAction(text, self.window)
        action.setObjectName(name)
        action.setStatusTip(tip)
        action.setToolTip(tip)
        self._tips[action] = tip
        if shortcut is not None:
            action.setShortcut(shortcut)
        return action

    def _create_actions(self) -> None:
        self.new_action = self._action(
            "newAction",
            self.tr("&New"),
            self.tr("Start again from the 2-layer network on the flower data"),
            QKeySequence(QKeySequence.StandardKey.New),
        )
        self.new_action.triggered.connect(self.new_model)
        self.open_action = self._action(
            "openAction",
            self.tr("&Open…"),
            self.tr("Open a saved model: its network, weights, data, settings and cost curve"),
            QKeySequence(QKeySequence.StandardKey.Open),
        )
        self.open_action.triggered.connect(lambda: self.open_file())
        self.save_action = self._action(
            "saveAction",
            self.tr("&Save"),
            self.tr("Save the model so you can reopen it, share it and continue training"),
            QKeySequence(QKeySequence.StandardKey.Save),
        )
        self.save_action.triggered.connect(lambda: self.save())
        self.save_as_action = self._action(
            "saveAsAction",
            self.tr("Save &As…"),
            self.tr("Save the model in a new file"),
            QKeySequence("Ctrl+Shift+S"),
        )
        self.save_as_action.triggered.connect(lambda: self.save_as())

        self.recent_menu = QMenu(self.tr("Open &Recent"), self.window)
        self.recent_menu.setObjectName("recentMenu")
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        self.clear_recent_action = self._action(
            "clearRecentAction",
            self.tr("&Clear Menu"),
            self.tr("Forget the recently opened files (the files stay where they are)"),
            None,
        )
        self.clear_recent_action.triggered.connect(self.clear_recent)

        self.examples_menu = QMenu(self.tr("&Examples"), self.window)
        self.examples_menu.setObjectName("examplesMenu")
        self.example_actions: list[QAction] = []
        titles = self.example_titles()
        for example in EXAMPLES:
            path = resource_path("examples", example.file_name)
            if not path.is_file():
                continue
            tip = localized(example.title)
            action = QAction(titles.get(example.file_name, tip), self.window)
            action.setObjectName("example_" + Path(example.file_name).stem.replace("-", "_"))
            action.setStatusTip(tip)
            action.setToolTip(tip)
            action.setData(example.file_name)
            action.triggered.connect(
                lambda _checked=False, name=example.file_name: self.open_example(name)
            )
            self.examples_menu.addAction(action)
            self.example_actions.append(action)
        self.examples_menu.menuAction().setEnabled(bool(self.example_actions))
        self._fill_recent_menu()

    def example_titles(self) -> dict[str, str]:
        """Short menu titles of the shipped examples, by file name."""
        return {
            "flower.nnstudio": self.tr("Planar flower: 4 tanh units"),
            "spiral-deep-relu.nnstudio": self.tr("Spiral: a deep ReLU network"),
            "blobs-softmax.nnstudio": self.tr("Blobs: softmax over three classes"),
            "sine-regression.nnstudio": self.tr("Sine: regression with a linear output"),
        }

    def _add_to_menu(self) -> None:
        """New, Open…, Open Recent, Examples, Save, Save As… above the menu's other entries."""
        menu = self.window.file_menu
        before = menu.actions()[0]  # Import CSV… and Quit are already there
        entries: list[QAction | None] = [
            self.new_action,
            self.open_action,
            self.recent_menu.menuAction(),
            self.examples_menu.menuAction(),
            None,
            self.save_action,
            self.save_as_action,
            None,
        ]
        for entry in entries:
            if entry is None:
                separator = QAction(self.window)
                separator.setSeparator(True)
                menu.insertAction(before, separator)
            else:
                menu.insertAction(before, entry)

    # -- the title ------------------------------------------------------------------------------
    def display_name(self) -> str:
        path = self.session.file_path
        return Path(path).name if path else self.untitled_name

    def update_title(self) -> None:
        self.window.setWindowTitle(
            self.tr("{name}[*] — NN Studio").format(name=self.display_name())
        )
        self.window.setWindowModified(self.session.modified)

    # -- asking before work is lost -------------------------------------------------------------
    def _unsaved_text(self) -> tuple[str, str]:
        return self.tr("Unsaved changes"), self.tr(
            "“{name}” has changes that are not saved. Save them first? If you discard "
            "them, the network, its weights and its cost curve are lost."
        ).format(name=self.display_name())

    def confirm_discard(self) -> bool:
        """True when the current model may be replaced: it has no unsaved changes, or the
        learner saved them or chose to discard them. False on Cancel (or a failed save)."""
        if not self.session.modified:
            return True
        title, text = self._unsaved_text()
        answer = QMessageBox.question(
            self.window,
            title,
            text,
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
        )
        return self._answered(answer)

    def _answered(self, answer: QMessageBox.StandardButton) -> bool:
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def confirm_close(self) -> bool:
        """For the window's closeEvent: True when it may close now.

        With unsaved changes this shows the Save / Discard / Cancel question *without* waiting
        for it (a window-modal box, ``close_prompt``) and returns False; Save or Discard then
        closes the window again, Cancel leaves it open. No nested event loop runs inside
        closeEvent, so closing a window from code never waits on a person.
        """
        if self._close_confirmed or not self.session.modified:
            self._close_confirmed = False
            return True
        if self.close_prompt is None:
            title, text = self._unsaved_text()
            box = QMessageBox(
                QMessageBox.Icon.Question,
                title,
                text,
                QMessageBox.StandardButton.Save
                | QMessageBox.StandardButton.Discard
                | QMessageBox.StandardButton.Cancel,
                self.window,
            )
            box.setObjectName("unsavedChangesBox")
            box.setDefaultButton(QMessageBox.StandardButton.Save)
            box.setWindowModality(Qt.WindowModality.WindowModal)
            box.finished.connect(self._close_answered)
            self.close_prompt = box
            box.open()
        else:
            self.close_prompt.raise_()
        return False

    def close_without_asking(self) -> bool:
        """Close the window without the unsaved-changes question, for when the session lives
        on in another window (a language switch rebuilds the main window over it)."""
        self._close_confirmed = True
        try:
            return self.window.close()
        finally:
            self._close_confirmed = False

    def _close_answered(self) -> None:
        box, self.close_prompt = self.close_prompt, None
        if box is None:
            return
        clicked = box.clickedButton()
        answer = box.standardButton(clicked) if clicked is not None else QMessageBox.Cancel
        box.deleteLater()
        if self._answered(answer):
            self._close_confirmed = True
            self.window.close()

    # -- New and Open ---------------------------------------------------------------------------
    def _blocked(self) -> bool:
        if not self.window.editing_locked:
            return False
        self.window.statusBar().showMessage(
            self.window.lock_reason or self.tr("Stop training first."), 5000
        )
        return True

    def new_model(self) -> bool:
        """Start again from a fresh session (after asking about unsaved changes)."""
        if self._blocked() or not self.confirm_discard():
            return False
        self.session.replace_with(Session())
        take_runs(self.session, [])  # a new model starts with no runs to compare
        self.untitled_name = self.tr("Untitled")
        self._replaced(self.tr("A new model: the flower data and a 2-layer network."))
        return True

    def open_file(self) -> bool:
        """Ask for a model file and open it."""
        if self._blocked() or not self.confirm_discard():
            return False
        path, _ = QFileDialog.getOpenFileName(
            self.window,
            self.tr("Open model"),
            self._folder(),
            self.tr("NN Studio model or ONNX network (*.nnstudio *.onnx);;All files (*)"),
        )
        if not path:
            return False
        return self.open_path(path, ask=False)

    def open_example(self, file_name: str) -> bool:
        """Open a shipped example as an untitled copy (Save then asks where to keep it)."""
        return self.open_path(resource_path("examples", file_name), as_copy=True)

    def open_path(
        self, path: str | os.PathLike[str], *, as_copy: bool = False, ask: bool = True
    ) -> bool:
        """Open the model (or .onnx network, with the data in use) at ``path``, or say why not
        and keep the current model. ``ask``: about unsaved changes first; ``as_copy``: untitled."""
        if self._blocked() or (ask and not self.confirm_discard()):
            return False
        path = Path(path)
        if path.suffix.lower() == ONNX_SUFFIX:
            message = open_onnx(self.window, self.session, path)
            if message is not None:  # untitled: Save asks where to keep it as a .nnstudio file
                self.untitled_name = path.stem
                self._replaced(message)
            return message is not None
        try:
            model = open_model_into(self.session, path, as_copy=as_copy)
        except ModelFileError as exc:
            if not path.exists():
                self._forget_recent(path)
            self._show_error(path, exc, opening=True)
            return False
        if as_copy:
            self.untitled_name = self.tr("{name} (example)").format(name=path.stem)
        else:
            self.untitled_name = self.tr("Untitled")
            self.add_recent(path)
            self._remember_folder(path)
        self._replaced(self.tr("Opened {file}.").format(file=path.name))
        if model.warnings:
            QMessageBox.information(
                self.window,
                self.tr("Opened {file}").format(file=path.name),
                "\n\n".join(model.warnings),
            )
        return True

    def _replaced(self, message: str) -> None:
        self.window.undo_stack.clear()
        self.update_title()
        self.window.statusBar().showMessage(message, 8000)
        self.modelReplaced.emit()

    # -- Save -----------------------------------------------------------------------------------
    def save(self) -> bool:
        """Save to the current file, or ask for one (Save As…) when the model is untitled."""
        if self.session.file_path is None:
            return self.save_as()
        return self.save_to(self.session.file_path)

    def save_as(self) -> bool:
        """Ask for a file name and save there."""
        current = self.session.file_path
        suggestion = (
            current
            if current
            else str(Path(self._folder()) / (self._untitled_stem() + FILE_SUFFIX))
        )
        path, _ = QFileDialog.getSaveFileName(
            self.window,
            self.tr("Save model as"),
            suggestion,
            self.tr("NN Studio model (*.nnstudio)"),
        )
        if not path:
            return False
        if not path.lower().endswith(FILE_SUFFIX):
            path += FILE_SUFFIX
        return self.save_to(path)

    def save_to(self, path: str | os.PathLike[str]) -> bool:
        """Write the model to ``path``; on failure say why (the session stays modified)."""
        path = Path(path)
        try:
            target = save_session(self.session, path)
        except ModelFileError as exc:
            self._show_error(path, exc)
            return False
        self.untitled_name = self.tr("Untitled")
        self.window.undo_stack.setClean()
        self.add_recent(target)
        self._remember_folder(target)
        self.update_title()
        self.window.statusBar().showMessage(self.tr("Saved {file}.").format(file=target.name), 5000)
        self.modelSaved.emit(str(target))
        return True

    def _untitled_stem(self) -> str:
        path = self.session.file_path
        if path:
            return Path(path).stem
        return self.untitled_name.split(" (")[0] if self.untitled_name else "model"

    # -- recent files ---------------------------------------------------------------------------
    def recent_files(self) -> list[str]:
        """The recently opened or saved model files, newest first."""
        return recent_files.read_recent()

    def _store_recent(self, paths: list[str]) -> None:
        recent_files.write_recent(paths)
        self._fill_recent_menu()

    def add_recent(self, path: str | os.PathLike[str]) -> None:
        self._store_recent(recent_files.with_recent(path))

    def _forget_recent(self, path: Path) -> None:
        remaining = recent_files.without_recent(path)
        if len(remaining) != len(self.recent_files()):
            self._store_recent(remaining)

    def clear_recent(self) -> None:
        self._store_recent([])

    def _fill_recent_menu(self) -> None:
        recent_files.fill_recent_menu(
            self.recent_menu, self.recent_files(), self.clear_recent_action, self.open_path
        )
        self.recent_menu.menuAction().setEnabled(
            bool(self.recent_files()) and not self.window.editing_locked
        )

    # -- folders, errors, the editing lock ------------------------------------------------------
    def _folder(self) -> str:
        return str(QSettings().value(FOLDER_KEY, str(Path.home())))

    def _remember_folder(self, path: Path) -> None:
        QSettings().setValue(FOLDER_KEY, str(path.resolve().parent))

    def _show_error(self, path: Path, error: ModelFileError, opening: bool = False) -> None:
        """The error's message for the learner, naming the file, and what became of the model."""
        reason = str(error)
        if reason[-1:].isalnum():
            reason += self.tr(".", "the full stop that ends a sentence")
        if opening:
            title = self.tr("Cannot open {file}").format(file=path.name)
            text = self.tr("Cannot open “{file}”: {reason}").format(file=path.name, reason=reason)
            after = self.tr("The current model was kept.")
        else:
            title = self.tr("Cannot save {file}").format(file=path.name)
            text = self.tr("Cannot save “{file}”: {reason}").format(file=path.name, reason=reason)
            after = self.tr("Your model is still open and nothing was overwritten.")
        if path.name in reason:  # the message names the file already
            text = reason[:1].upper() + reason[1:]
        QMessageBox.warning(self.window, title, f"{text}\n\n{after}")
        self.window.statusBar().showMessage(title, 8000)

    def _editing_lock_changed(self, locked: bool) -> None:
        reason = self.window.lock_reason if locked else ""
        for action in (
            self.new_action,
            self.open_action,
            self.recent_menu.menuAction(),
            self.examples_menu.menuAction(),
        ):
            action.setEnabled(not locked)
        for action in (self.new_action, self.open_action):
            tip = reason or self._tips[action]
            action.setStatusTip(tip)
            action.setToolTip(tip)
        if not locked:
            self._fill_recent_menu()
            self.examples_menu.menuAction().setEnabled(bool(self.example_actions))
