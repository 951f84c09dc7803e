"""Compare runs: the cost curves of kept runs overlaid on one plot.

The list shows every run in a :class:`nnstudio.learn.RunStore`: double-click (or F2) a name to
rename it, untick it to hide its curve, select it and press Remove to delete it. Edits go
through the store, whose listeners redraw every view of it.
"""

from __future__ import annotations

import weakref

import pyqtgraph as pg
import shiboken6
from PySide6.QtCore import QCoreApplication, QSignalBlocker, Qt
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...learn import Run, RunStore, run_verdict, setting_phrase, verdict_text
from ..common import theme
from ..common.plot_items import plain_axes, themed_plot


def run_color(index: int) -> QColor:
    """The current theme's class palette with blue first: the first run is drawn like the live
    cost curve."""
    colors = theme.current().class_colors
    order = (colors[1], colors[0], *colors[2:])
    return QColor(order[index % len(order)])


def _setting_names() -> dict[str, str]:
    return {
        "layer_dims": QCoreApplication.translate("CompareRunsView", "layer sizes n[l]"),
        "activations": QCoreApplication.translate("CompareRunsView", "activations g[l]"),
        "init": QCoreApplication.translate("CompareRunsView", "initialisation"),
        "seed": QCoreApplication.translate("CompareRunsView", "seed"),
        "dtype": QCoreApplication.translate("CompareRunsView", "precision"),
        "l2": QCoreApplication.translate("CompareRunsView", "L2 λ"),
        "l1": QCoreApplication.translate("CompareRunsView", "L1 λ₁"),
        "learning_rate": QCoreApplication.translate("CompareRunsView", "learning rate α"),
        "optimizer": QCoreApplication.translate("CompareRunsView", "optimizer"),
        "batch_size": QCoreApplication.translate("CompareRunsView", "batch size"),
        "epochs": QCoreApplication.translate("CompareRunsView", "epochs"),
        "dataset": QCoreApplication.translate("CompareRunsView", "data set"),
        "keep_prob": QCoreApplication.translate("CompareRunsView", "dropout"),
        "batch_norm": QCoreApplication.translate("CompareRunsView", "batch normalisation"),
        "decay": QCoreApplication.translate("CompareRunsView", "learning-rate decay"),
        "setting_changes": QCoreApplication.translate("CompareRunsView", "changed while training"),
    }


# settings whose value reads best as the words the run's name uses
PHRASED = ("keep_prob", "batch_norm", "decay", "setting_changes")


def describe_verdict(run: Run, human_error: float = 0.0) -> str:
    """The run's bias–variance verdict at its end, in two lines (empty without a dev set)."""
    verdict = run_verdict(run.history, human_error)
    if verdict is None:
        return QCoreApplication.translate(
            "CompareRunsView", "No bias–variance verdict: the run had no dev set."
        )
    text = verdict_text(verdict)
    return f"{text.title}\n{text.gaps}"


def describe_settings(run: Run) -> str:
    """The settings of a run, one per line, for its tooltip."""
    names = _setting_names()
    lines = []
    for key, value in run.description.items():
        if key in PHRASED:
            shown = setting_phrase(key, value)
        elif isinstance(value, list):
            shown = ", ".join(str(v) for v in value)
        else:
            shown = str(value)
        lines.append(
            QCoreApplication.translate("CompareRunsView", "{setting}: {value}").format(
                setting=names.get(key, key), value=shown
            )
        )
    return "\n".join(lines)


class CompareRunsView(QWidget):
    """Kept runs: a list (rename, show/hide, remove) beside the overlaid curves."""

    METRICS = ("cost", "val_cost", "accuracy", "val_accuracy", "learning_rate")

    def __init__(self, store: RunStore | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("compareRunsView")
        self.store = store if store is not None else RunStore()
        self.human_error = 0.0  # the human-level error each run's verdict is judged against
        self._curves: list[pg.PlotDataItem] = []

        layout = QVBoxLayout(self)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        left = QWidget(splitter)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(QLabel(self.tr("Kept runs"), left))
        self.list = QListWidget(left)
        self.list.setObjectName("runsList")
        self.list.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.list.setToolTip(
            self.tr(
                "Every training run is kept here when it ends, named after its activations and "
                "learning rate and whatever else changed since the previous run. Untick a run "
                "to hide its curve; double-click its name to rename "
                "it. Change one thing at a time to see what it does."
            )
        )
        self.list.itemChanged.connect(self._item_changed)
        self.list.itemSelectionChanged.connect(self._selection_changed)
        left_layout.addWidget(self.list, 1)
        self.remove_button = QPushButton(self.tr("Remove"), left)
        self.remove_button.setObjectName("removeRunButton")
        self.remove_button.setToolTip(self.tr("Delete the selected run (Delete key)."))
        self.remove_button.clicked.connect(self.remove_selected)
        left_layout.addWidget(self.remove_button)
        self.verdict_label = QLabel(left)
        self.verdict_label.setObjectName("runVerdictLabel")
        self.verdict_label.setWordWrap(True)
        self.verdict_label.setToolTip(
            self.tr(
                "The selected run's bias–variance verdict at its end, from its training and "
                "dev errors and the human-level error set in the Bias and variance view."
            )
        )
        left_layout.addWidget(self.verdict_label)
        shortcut = QShortcut(QKeySequence.StandardKey.Delete, self.list)
        shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        shortcut.activated.connect(self.remove_selected)

        right = QWidget(splitter)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        controls = QHBoxLayout()
        controls.addWidget(QLabel(self.tr("Show"), right))
        self.metric_combo = QComboBox(right)
        self.metric_combo.setObjectName("runsMetricCombo")
        titles = (
            self.tr("cost J (training)"),
            self.tr("cost J (dev set)"),
            self.tr("accuracy (training)"),
            self.tr("accuracy (dev set)"),
            self.tr("learning rate α"),
        )
        for key, title in zip(self.METRICS, titles, strict=True):
            self.metric_combo.addItem(title, key)
        self.metric_combo.setToolTip(
            self.tr(
                "Which curve to compare. The training cost shows how well each run fits the "
                "data it learns from; the dev set cost shows how well it does on data it "
                "never saw — a gap between them means overfitting. The learning rate shows "
                "each run's α as decay lowered it."
            )
        )
        self.metric_combo.currentIndexChanged.connect(self.redraw)
        controls.addWidget(self.metric_combo)
        self.log_check = QCheckBox(self.tr("Log scale"), right)
        self.log_check.setObjectName("runsLogScale")
        self.log_check.setToolTip(
            self.tr(
                "A logarithmic y axis separates costs that are all close to zero, and shows an "
                "exponential decay of the learning rate as a straight line."
            )
        )
        self.log_check.toggled.connect(self.redraw)
        controls.addWidget(self.log_check)
        controls.addStretch(1)
        right_layout.addLayout(controls)
        self.plot = pg.PlotWidget(right)
        self.plot.setObjectName("runsPlot")
        self.plot.showGrid(x=True, y=True, alpha=0.3)
        self.plot.setLabel("bottom", self.tr("iteration"))
        # no legend inside the plot: the list beside it names every run in its curve's colour,
        # and long names (dropout, batch norm, decay) would not fit over a narrow plot
        themed_plot(self.plot)
        theme.follow(self, self.refresh)  # the names and curves in the new run colours
        self.plot.setToolTip(self.tr("One curve per visible run, in the colour of its name."))
        plain_axes(self.plot)
        right_layout.addWidget(self.plot, 1)
        self.empty_label = QLabel(
            self.tr(
                "No run kept yet. Press Train: when a run ends (finished or stopped) it is kept "
                "here. Training on continues the same run; new weights (Reset weights, another "
                "network or data set) start a new one. Change one setting and train again to "
                "compare."
            ),
            right,
        )
        self.empty_label.setObjectName("runsEmptyLabel")
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        right_layout.addWidget(self.empty_label, 1)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 3)
        layout.addWidget(splitter)

        self._listener = _weak_listener(self, CompareRunsView.refresh)
        self.store.add_listener(self._listener)
        self.refresh()

    def set_store(self, store: RunStore) -> None:
        """Show another store (e.g. the runs of a model file just opened)."""
        self.store.remove_listener(self._listener)
        self.store = store
        self.store.add_listener(self._listener)
        self.refresh()

    # -- list --------------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Rebuild the list from the store, keeping the selection where possible, and redraw."""
        selected = self.selected_index()
        with QSignalBlocker(self.list):
            self.list.clear()
            for i, run in enumerate(self.store):
                item = QListWidgetItem(run.name)
                item.setFlags(
                    Qt.ItemFlag.ItemIsSelectable
                    | Qt.ItemFlag.ItemIsEnabled
                    | Qt.ItemFlag.ItemIsEditable
                    | Qt.ItemFlag.ItemIsUserCheckable
                )
                item.setCheckState(
                    Qt.CheckState.Checked if run.visible else Qt.CheckState.Unchecked
                )
                item.setForeground(run_color(i))
                verdict = describe_verdict(run, self.human_error)
                item.setToolTip(f"{describe_settings(run)}\n\n{verdict}")
                self.list.addItem(item)
            if selected is not None and self.list.count():
                self.list.setCurrentRow(min(selected, self.list.count() - 1))
        self._selection_changed()
        empty = not len(self.store)
        self.empty_label.setVisible(empty)
        self.plot.setVisible(not empty)
        self.redraw()

    def selected_index(self) -> int | None:
        rows = [index.row() for index in self.list.selectedIndexes()]
        return rows[0] if rows else None

    def set_human_error(self, value: float) -> None:
        """Judge every run's verdict against this human-level error (a share, or a cost)."""
        if value != self.human_error:
            self.human_error = float(value)
            self.refresh()

    def _selection_changed(self) -> None:
        index = self.selected_index()
        self.remove_button.setEnabled(index is not None)
        if index is None or not 0 <= index < len(self.store):
            self.verdict_label.setText(self.tr("Select a run to see its bias–variance verdict."))
            return
        run = self.store[index]
        self.verdict_label.setText(f"{run.name}: {describe_verdict(run, self.human_error)}")

    def _item_changed(self, item: QListWidgetItem) -> None:
        index = self.list.row(item)
        if not 0 <= index < len(self.store):
            return
        run = self.store[index]
        visible = item.checkState() == Qt.CheckState.Checked
        if visible != run.visible:
            self.store.set_visible(index, visible)
        elif item.text() != run.name:
            if item.text().strip():
                self.store.rename(index, item.text())
            else:
                self.refresh()  # an empty name is not kept: show the old one again

    def remove_selected(self) -> None:
        index = self.selected_index()
        if index is not None:
            self.store.remove(index)

    # -- plot ---------------------------------------------------------------------------------
    @property
    def shown_metric(self) -> str:
        return str(self.metric_combo.currentData())

    def redraw(self) -> None:
        for curve in self._curves:
            self.plot.removeItem(curve)
        self._curves = []
        positive = ("cost", "val_cost", "learning_rate")  # what a log axis can show
        log = self.log_check.isChecked() and self.shown_metric in positive
        self.plot.setLogMode(x=False, y=log)
        self.plot.setLabel("left", self.metric_combo.currentText())
        for i, run in enumerate(self.store):
            if not run.visible:
                continue
            steps, values = run.series(self.shown_metric)
            if log:
                pairs = [(s, v) for s, v in zip(steps, values, strict=True) if v > 0]
                steps, values = [p[0] for p in pairs], [p[1] for p in pairs]
            curve = self.plot.plot(
                steps, values, pen=pg.mkPen(run_color(i), width=2), name=run.name
            )
            # the run keeps every point; only the drawing thins a long run (peaks kept)
            curve.setDownsampling(auto=True, method="peak")
            curve.setClipToView(True)
            self._curves.append(curve)

    def curves(self) -> dict[str, pg.PlotDataItem]:
        """The plotted curves by run name (visible runs only)."""
        return {curve.name(): curve for curve in self._curves}


def _weak_listener(widget: QWidget, method):
    """A store listener that calls ``method(widget)`` while the widget lives."""
    owner = weakref.ref(widget)

    def listener() -> None:
        obj = owner()
        if obj is not None and shiboken6.isValid(obj):
            method(obj)

    return listener
