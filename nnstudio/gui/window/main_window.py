"""The main window: the frame (:mod:`.frame`) with its parts wired in, each a typed attribute.

``file_controller`` owns File ▸ New, Open…, Save …; ``training`` is what
:func:`~.training_mode.install_training` added (panel, controller, live views, Train menu);
``learn`` what :func:`~.learn_mode.install_learn` added; ``language_menu`` is View ▸ Language.
A ``.nnstudio`` file dropped on the window opens, a ``.csv`` file opens the import dialog.
Window geometry, dock layout and the network splitter live in QSettings.
:func:`switch_language` rebuilds the window over the same session in another language.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QByteArray, QCoreApplication, QSettings, Qt
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QKeySequence,
    QShowEvent,
    QWindow,
)
from PySide6.QtWidgets import QApplication, QWidget

from ...session import Session
from ..common.accessibility import describe_for_assistive_technology
from ..common.binding import bind
from .appearance import install_appearance
from .drops import FileDropFilter, dropped_file
from .file_actions import FileController
from .frame import DEFAULT_SIZE as DEFAULT_SIZE
from .frame import WindowFrame
from .language import (
    LANGUAGES,
    SETTINGS_KEY,
    LanguageMenu,
    current_language,
    install_language,
    keep_window,
    release_window,
)
from .learn_mode import LearnUi, install_learn
from .shortcuts import assign_shortcuts
from .training_mode import TrainingUi, fill_training_toolbar, install_training
from .welcome import WelcomeTour, install_welcome


class MainWindow(WindowFrame):
    """NN Studio's main window over a :class:`Session` (a fresh one by default)."""

    def __init__(self, session: Session | None = None, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self._splitter_restored = False
        self.file_controller = FileController(self)
        self.training: TrainingUi = install_training(self)
        self.learn: LearnUi = install_learn(self, self.training)
        # View ▸ Language, last in the View menu
        self.language_menu = LanguageMenu(self, lambda code: switch_language(self, code))
        self.appearance = install_appearance(self)
        # Help ▸ Welcome tour; opens by itself after the first start's window is shown
        self.welcome: WelcomeTour = install_welcome(self, self.training.controller)
        # Train, Step, Stop and Reset always in reach, whichever dock is in front
        # (named apart from the "Training" dock: both are listed in the View menu)
        self.training_toolbar = self.addToolBar(self.tr("Training toolbar"))
        self.training_toolbar.setObjectName("trainingToolBar")
        fill_training_toolbar(self.training_toolbar, self.training.panel)
        self.view_menu.addAction(self.training_toolbar.toggleViewAction())
        # data and training share the right side as tabs, so the window fits 1280 × 800 (the
        # hyperparameters changed most are in the toolbar, always in view)
        self.tabifyDockWidget(self.data_dock, self.training.dock)
        self.data_dock.raise_()
        self.default_layout = self.saveState()  # for View ▸ Reset layout
        self.reset_layout_action = QAction(self.tr("&Reset layout"), self)
        self.reset_layout_action.setObjectName("resetLayoutAction")
        self.reset_layout_action.setShortcut(QKeySequence("Ctrl+Shift+L"))
        self.reset_layout_action.setStatusTip(
            self.tr("Put the panels, the toolbar and the window size back as at first start")
        )
        self.reset_layout_action.triggered.connect(self.reset_layout)
        self.view_menu.insertAction(self.language_menu.menu.menuAction(), self.reset_layout_action)
        self.setAcceptDrops(True)
        # graphics views (the diagram, plots) take every drag that enters them, so a dragged
        # model file is caught where the platform delivers it, the window itself, first
        self._drop_filter = FileDropFilter(self)
        self._drop_watched: QWindow | None = None

        # every model change (New, Open, an example, a recent file, other data, an edit or its
        # undo) emits "network" after the views have reloaded their own state
        bind(self.session.events, "network", self, self._model_changed)
        self.fit_to_screen()
        self.restore_settings()
        # the first hint stays until another message replaces it (the welcome tour, Help, says
        # more); it names the model that is open, which a file or a language switch may have set
        self.statusBar().showMessage(
            self.tr(
                "Ready: {data} and a {L}-layer network. Edit the layers on the left, "
                "press Train (F5) to train."
            ).format(data=self.data_panel.dataset_combo.currentText(), L=self.session.spec.L)
        )
        # screen readers and keyboards: every control named and described, Tab in reading
        # order, status messages read out
        self.views.navigator.setAccessibleName(self.tr("Views"))
        assign_shortcuts(self, self.training, self.learn, self.training_toolbar)
        self.accessibility = describe_for_assistive_technology(self)

    def _model_changed(self) -> None:
        """The training controller forgets the previous model's run and hands the views the
        arrays of the model now open."""
        self.training.controller.forget_run()

    # -- model files ----------------------------------------------------------------------------
    def open_path(self, path: str | os.PathLike[str]) -> bool:
        """Open a model file (``nnstudio PATH``, a drop); False, with a message, if it fails."""
        return self.file_controller.open_path(path)

    def _accept_drag(self, event: QDropEvent) -> None:
        if dropped_file(event) is not None and not self.editing_locked:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        self._accept_drag(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        self._accept_drag(event)

    def dropEvent(self, event: QDropEvent) -> None:
        path = dropped_file(event)
        if path is None or self.editing_locked:
            event.ignore()
            return
        event.acceptProposedAction()
        if path.suffix.lower() == ".csv":
            self.import_csv(str(path))
        else:
            self.open_path(path)

    # -- settings -------------------------------------------------------------------------------
    def restore_settings(self) -> None:
        settings = QSettings()
        geometry = settings.value("mainWindow/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        state = settings.value("mainWindow/state")
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.restoreState(state)
        splitter = settings.value("mainWindow/networkSplitter")
        if isinstance(splitter, QByteArray) and not splitter.isEmpty():
            self._splitter_restored = self.network_splitter.restoreState(splitter)

    def reset_layout(self) -> None:
        """View ▸ Reset layout: the docks, the toolbar, the view splitter and the window size as
        at first start (the saved layout is replaced when the window closes)."""
        self.showNormal()
        self.restoreState(self.default_layout)
        for dock in (self.builder_dock, self.data_dock, self.training.dock):
            dock.show()
        self.data_dock.raise_()
        self.training_toolbar.show()
        self.fit_to_screen()
        self._splitter_restored = False
        self._size_network_splitter()

    def save_settings(self) -> None:
        settings = QSettings()
        settings.setValue("mainWindow/geometry", self.saveGeometry())
        settings.setValue("mainWindow/state", self.saveState())
        settings.setValue("mainWindow/networkSplitter", self.network_splitter.saveState())

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        handle = self.windowHandle()
        if handle is not None and handle is not self._drop_watched:
            handle.installEventFilter(self._drop_filter)
            self._drop_watched = handle
        self._size_network_splitter()

    def _size_network_splitter(self) -> None:
        if not self._splitter_restored:  # first start: room for every row of the table
            self._splitter_restored = True
            total = sum(self.network_splitter.sizes())
            # the table as tall as its rows (X, the layers, Y, the total), the rest for the
            # diagram and its unit pictures
            table = min(self.dimension_panel.preferred_height(), int(total * 0.45))
            self.network_splitter.setSizes([total - table, table])

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.file_controller.confirm_close():
            event.ignore()
            return
        self.training.controller.shutdown()  # stop a run and join its thread before closing
        self.save_settings()
        super().closeEvent(event)


# -- switching the language -----------------------------------------------------------------------
def switch_language(window: MainWindow, code: str) -> MainWindow | None:
    """Show ``window``'s session in language ``code``; returns the window now showing it.

    Builds a new ``MainWindow`` over the *same* session (the network, its weights, the data, the
    history, the file name and the unsaved changes carry over), gives it the old window's
    geometry and dock layout, shows it and closes the old one. Every text is then made by the
    same code that made it at start-up. Returns ``window`` itself when ``code`` is already in
    use, and None (nothing changes) while training runs or when the language is unknown or its
    translation cannot be loaded.
    """
    if code not in LANGUAGES or window.editing_locked:
        return None
    if code == current_language():
        return window
    previous = current_language()
    if not install_language(QApplication.instance(), code):
        install_language(QApplication.instance(), previous)
        window.statusBar().showMessage(
            QCoreApplication.translate(
                "LanguageMenu", "The {language} translation is missing from this installation."
            ).format(language=LANGUAGES[code]),
            8000,
        )
        return None
    QSettings().setValue(SETTINGS_KEY, code)
    new = type(window)(session=window.session)
    new.restoreGeometry(window.saveGeometry())
    new.restoreState(window.saveState())
    if window.isMaximized():
        new.setWindowState(new.windowState() | Qt.WindowState.WindowMaximized)
    keep_window(new)
    new.show()
    # after show(), which sets the splitter's first-start sizes
    new.network_splitter.restoreState(window.network_splitter.saveState())
    if window.views.currentIndex() < new.views.count():
        new.views.setCurrentIndex(window.views.currentIndex())
    window.file_controller.close_without_asking()
    window.deleteLater()
    release_window(window)
    new.statusBar().showMessage(
        QCoreApplication.translate("LanguageMenu", "Language: {language}").format(
            language=LANGUAGES[code]
        ),
        5000,
    )
    return new
