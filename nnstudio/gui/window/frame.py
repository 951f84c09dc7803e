"""The main window's frame: the builder and the data in docks, the network and its dimensions in
the middle, the menus, the editing lock and CSV import.

Layout: the "Network builder" dock (left), the "Data" dock (right), and in the middle the views
(:mod:`.view_tabs`: a grouped list beside the view it shows), whose first view "Network" holds
the diagram above the dimension table in a splitter.
:class:`~nnstudio.gui.window.main_window.MainWindow` builds on this frame and adds the parts
wired into it (files, training, learn mode, language); each part receives the frame, typed, and
uses only what is declared here.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QAction, QIcon, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ... import __version__
from ...data import CsvError, read_csv_preview
from ...resources import resource_path
from ...session import Session
from ..builder import CsvDialog, DataPanel, DimensionPanel, LayerEditor, NetworkDiagram
from ..common.binding import bind
from ..common.lock_banner import LockBanner, LockedClickFilter
from ..common.scroll import scrollable
from .view_tabs import GoToMenu, ViewArea, ViewTabs

DEFAULT_SIZE = (1280, 760)  # the smallest size the layout is made for
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def _app_icon() -> QIcon | None:
    """The application icon from the shipped PNG sizes, or None when they are missing."""
    icon = QIcon()
    for size in ICON_SIZES:
        path = resource_path("icons", f"nnstudio-{size}.png")
        if path.is_file():
            icon.addFile(str(path))
    return None if icon.isNull() else icon


class WindowFrame(QMainWindow):
    """The window over a :class:`Session` (a fresh one by default), before any part is wired."""

    unitSelected = Signal(int, int)  # re-emitted from the diagram: (layer, unit)
    editingLockChanged = Signal(bool)
    # while locked with ``can_end``: the learner asked to end the run (the banner's button), or
    # clicked the locked builder or data panel (the training part asks whether to end the run)
    endRunRequested = Signal()
    lockedEditAttempted = Signal()

    def __init__(self, session: Session | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.session = session if session is not None else Session()
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setObjectName("undoStack")
        self.editing_locked = False
        self.lock_reason = ""
        self.csv_dialog: CsvDialog | None = None
        self.setWindowTitle(self.tr("NN Studio"))
        icon = _app_icon()
        if icon is not None:
            self.setWindowIcon(icon)

        # central views
        self.views = ViewTabs()
        self.diagram = NetworkDiagram(self.session, self.undo_stack)
        self.dimension_panel = DimensionPanel(self.session)
        self.dimension_table = self.dimension_panel.table
        self.network_splitter = QSplitter(Qt.Orientation.Vertical)
        self.network_splitter.setObjectName("networkSplitter")
        self.network_splitter.addWidget(self.diagram)
        self.network_splitter.addWidget(self.dimension_panel)
        self.network_splitter.setStretchFactor(0, 3)
        self.network_splitter.setStretchFactor(1, 2)
        self.network_splitter.setChildrenCollapsible(False)
        self.views.add_view(
            self.network_splitter,
            self.tr("Network"),
            self.tr("The network's units and connections, and its shapes"),
            self.tr("Build"),
        )
        self.view_area = ViewArea(self.views)
        self.setCentralWidget(self.view_area)

        # docks
        self.layer_editor = LayerEditor(self.session, self.undo_stack)
        self.locked_clicks = LockedClickFilter(self)
        self.locked_clicks.attempted.connect(self.lockedEditAttempted)
        self.builder_lock_label = self._lock_banner("builderLockLabel")
        self.builder_dock = self._dock(
            "builderDock", self.tr("Network builder"), self.layer_editor, self.builder_lock_label
        )
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.builder_dock)
        self.data_panel = DataPanel(self.session, self.undo_stack)
        self.data_lock_label = self._lock_banner("dataLockLabel")
        self.data_dock = self._dock(
            "dataDock", self.tr("Data"), self.data_panel, self.data_lock_label
        )
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.data_dock)
        # wide enough for the builder's own controls in the language in use (they scroll below)
        builder = max(270, self.layer_editor.minimumSizeHint().width() + 24)
        self.resizeDocks(
            [self.builder_dock, self.data_dock], [builder, 330], Qt.Orientation.Horizontal
        )

        self.summary_label = QLabel()
        self.summary_label.setObjectName("networkSummaryLabel")
        self.summary_label.setMinimumWidth(120)  # may be clipped in a narrow window
        self.statusBar().addPermanentWidget(self.summary_label)

        self._create_actions()
        self._create_menus()
        self.diagram.unitSelected.connect(self.unitSelected)
        self.diagram.unitSelected.connect(self._unit_clicked)
        self.diagram.editRefused.connect(self._diagram_edit_refused)
        self.layer_editor.layer_list.currentRowChanged.connect(self.dimension_panel.select_layer)
        self.data_panel.importRequested.connect(self.import_csv)
        bind(self.session.events, "network", self, self._update_summary)
        bind(self.session.events, "data", self, self._update_summary)
        self._update_summary()
        self.dimension_panel.select_layer(self.layer_editor.current_row())

    # -- construction ---------------------------------------------------------------------------
    def fit_to_screen(self) -> None:
        """The first-start size: most of the screen's available area, never more than it, and
        at least the 1280 × 760 the layout is made for when the screen has that room; centred."""
        screen = self.screen()
        if screen is None:
            self.resize(*DEFAULT_SIZE)
            return
        available = screen.availableGeometry()
        width = min(available.width(), max(int(available.width() * 0.9), DEFAULT_SIZE[0]))
        height = min(available.height(), max(int(available.height() * 0.9), DEFAULT_SIZE[1]))
        self.resize(width, height)
        frame = self.frameGeometry()
        frame.moveCenter(available.center())
        self.move(frame.topLeft())

    def _lock_banner(self, name: str) -> LockBanner:
        banner = LockBanner(name)
        banner.endRequested.connect(self.endRunRequested)
        return banner

    def _dock(self, name: str, title: str, content: QWidget, banner: LockBanner) -> QDockWidget:
        holder = QWidget()
        self.locked_clicks.watch(content)
        layout = QVBoxLayout(holder)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(banner)
        layout.addWidget(content, 1)
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(scrollable(holder, f"{name}Scroll"))
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
            | QDockWidget.DockWidgetFeature.DockWidgetClosable
        )
        return dock

    def _create_actions(self) -> None:
        self.import_csv_action = QAction(self.tr("&Import CSV…"), self)
        self.import_csv_action.setObjectName("importCsvAction")
        self.import_csv_action.setStatusTip(self.tr("Load your own data from a CSV file"))
        self.import_csv_action.triggered.connect(lambda: self.import_csv())
        self.quit_action = QAction(self.tr("&Quit"), self)
        self.quit_action.setObjectName("quitAction")
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.quit_action.triggered.connect(self.close)

        self.undo_action = QAction(self.tr("&Undo"), self)
        self.undo_action.setObjectName("undoAction")
        self.undo_action.setShortcuts(QKeySequence.StandardKey.Undo)
        self.undo_action.triggered.connect(self.undo_stack.undo)
        self.redo_action = QAction(self.tr("&Redo"), self)
        self.redo_action.setObjectName("redoAction")
        redo_keys = list(QKeySequence.keyBindings(QKeySequence.StandardKey.Redo))
        if QKeySequence("Ctrl+Shift+Z") not in redo_keys:
            redo_keys.insert(0, QKeySequence("Ctrl+Shift+Z"))
        self.redo_action.setShortcuts(redo_keys)
        self.redo_action.triggered.connect(self.undo_stack.redo)
        for signal in (
            self.undo_stack.canUndoChanged,
            self.undo_stack.canRedoChanged,
            self.undo_stack.undoTextChanged,
            self.undo_stack.redoTextChanged,
        ):
            signal.connect(self._update_undo_actions)
        self._update_undo_actions()

        self.about_action = QAction(self.tr("&About NN Studio"), self)
        self.about_action.setObjectName("aboutAction")
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self.show_about)

    def _create_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu(self.tr("&File"))
        self.file_menu.setObjectName("fileMenu")
        self.file_menu.addAction(self.import_csv_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.edit_menu = bar.addMenu(self.tr("&Edit"))
        self.edit_menu.setObjectName("editMenu")
        self.edit_menu.addAction(self.undo_action)
        self.edit_menu.addAction(self.redo_action)
        self.view_menu = bar.addMenu(self.tr("&View"))
        self.view_menu.setObjectName("viewMenu")
        self.go_to_menu = GoToMenu(self.views, self.tr("&Go to"), self)
        self.view_menu.addMenu(self.go_to_menu)
        self.view_menu.addSeparator()
        for dock in (self.builder_dock, self.data_dock):
            self.view_menu.addAction(dock.toggleViewAction())
        self.view_menu.addSeparator()
        gradients = self.dimension_panel.gradient_check
        self.gradient_shapes_action = QAction(self.tr("&Gradient shapes in the table"), self)
        self.gradient_shapes_action.setObjectName("gradientShapesAction")
        self.gradient_shapes_action.setCheckable(True)
        self.gradient_shapes_action.toggled.connect(gradients.setChecked)
        gradients.toggled.connect(self.gradient_shapes_action.setChecked)
        self.view_menu.addAction(self.gradient_shapes_action)
        self.help_menu = bar.addMenu(self.tr("&Help"))
        self.help_menu.setObjectName("helpMenu")
        self.help_menu.addAction(self.about_action)

    # -- status -------------------------------------------------------------------------------
    def _update_undo_actions(self) -> None:
        stack, free = self.undo_stack, not self.editing_locked
        undo_text, redo_text = stack.undoText(), stack.redoText()
        self.undo_action.setEnabled(free and stack.canUndo())
        self.redo_action.setEnabled(free and stack.canRedo())
        self.undo_action.setText(
            self.tr("&Undo {what}").format(what=undo_text) if undo_text else self.tr("&Undo")
        )
        self.redo_action.setText(
            self.tr("&Redo {what}").format(what=redo_text) if redo_text else self.tr("&Redo")
        )

    def _update_summary(self) -> None:
        spec, session = self.session.spec, self.session
        hidden = spec.L - 1
        self.summary_label.setText(
            self.tr(
                "{L}-layer network ({h} hidden + output) · {p} parameters · "
                "m = {m} training samples"
            ).format(L=spec.L, h=hidden, p=spec.parameter_count(), m=session.m)
        )

    def _unit_clicked(self, layer: int, unit: int) -> None:
        if not self.editing_locked:
            self.layer_editor.select_row(layer)
        name = self.diagram.unit_tooltip(layer, unit).split("\n", 1)[0]
        self.statusBar().showMessage(name, 5000)

    def _diagram_edit_refused(self) -> None:
        """A connection was clicked while locked: say why (a paused run offers to end)."""
        self.statusBar().showMessage(self.lock_reason, 5000)
        if self.locked_clicks.active:
            self.lockedEditAttempted.emit()

    # -- editing lock ----------------------------------------------------------------------------
    def set_editing_locked(self, locked: bool, reason: str = "", can_end: bool = False) -> None:
        """Disable (or enable again) the builder, the data controls and undo, showing why.
        ``can_end``: one click can end what locks them (a paused run): the banners offer it,
        and a click on a locked panel emits :attr:`lockedEditAttempted`."""
        self.editing_locked = bool(locked)
        self.lock_reason = reason if locked else ""
        can_end = bool(locked and can_end)
        self.locked_clicks.active = can_end
        panel = self.data_panel
        for widget in (self.layer_editor, panel.controls, panel.point_editor):
            widget.setEnabled(not locked)
            widget.setToolTip(self.lock_reason)
        for banner in (self.builder_lock_label, self.data_lock_label):
            banner.show_reason(self.lock_reason if locked else "", can_end)
        self.import_csv_action.setEnabled(not locked)
        self.diagram.weight_editor.lock_reason = self.lock_reason  # a click on w is refused
        self._update_undo_actions()
        if locked:
            self.statusBar().showMessage(reason)
        else:
            self.statusBar().clearMessage()
        self.editingLockChanged.emit(self.editing_locked)

    # -- data import -----------------------------------------------------------------------------
    def import_csv(self, path: str | None = None) -> CsvDialog | None:
        """Ask for a CSV file (unless ``path`` is given) and open the import dialog on it.

        The dialog is window-modal but not blocking: the data changes when it is accepted.
        Returns the dialog, or None when nothing was opened.
        """
        if self.editing_locked:
            return None
        settings = QSettings()
        if path is None:
            folder = str(settings.value("paths/recentFolder", str(Path.home())))
            path, _ = QFileDialog.getOpenFileName(
                self,
                self.tr("Import CSV"),
                folder,
                self.tr("CSV files (*.csv *.tsv *.txt);;All files (*)"),
            )
            if not path:
                return None
        settings.setValue("paths/recentFolder", str(Path(path).parent))
        try:
            preview = read_csv_preview(path, 20)
        except (CsvError, OSError) as exc:
            QMessageBox.warning(
                self,
                self.tr("Cannot import {file}").format(file=Path(path).name),
                self.tr(
                    "{reason}\n\nNN Studio reads text files with one sample per row, numbers in "
                    "the feature columns and one label column. The data in use has not changed."
                ).format(reason=exc),
            )
            return None
        dialog = CsvDialog(path, preview, self)
        dialog.accepted.connect(lambda: self._imported(dialog))
        dialog.finished.connect(dialog.deleteLater)
        self.csv_dialog = dialog
        dialog.open()
        return dialog

    def _imported(self, dialog: CsvDialog) -> None:
        if dialog.dataset is not None and self.data_panel.use_imported(dialog.dataset):
            self.statusBar().showMessage(dialog.dataset.summary(), 8000)

    # -- help -----------------------------------------------------------------------------------
    def show_about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About NN Studio"),
            self.tr(
                "<h3>NN Studio {version}</h3>"
                "<p>Build a fully-connected neural network, see the shape of every matrix, "
                "train it and watch it learn.</p>"
                "<p>Notation of the deeplearning.ai course: X is (n<sup>[0]</sup>, m), "
                "W<sup>[l]</sup> is (n<sup>[l]</sup>, n<sup>[l-1]</sup>), b<sup>[l]</sup> is "
                "(n<sup>[l]</sup>, 1), Z<sup>[l]</sup> and A<sup>[l]</sup> are "
                "(n<sup>[l]</sup>, m). Input and output do not count as layers.</p>"
            ).format(version=__version__),
        )
