"""Tuning: a random search over the learning rate, the L2 λ and the hidden units, in the
background, with the dev error of every run plotted against each sampled value.

The learner ticks the hyperparameters to search and their ranges, the number of runs, the epochs
of each and a seed, then presses Start: :class:`~nnstudio.session_tuning.TuningSearch` copies
the session as it is (the learner's network, weights and settings never change) and
:class:`~.tuning_worker.TuningRunner` trains the runs in a thread. Each finished run adds a
point to one plot per searched hyperparameter (log x axis for α and λ, as they are sampled) and
a row to the table, sorted by dev error. "Send best to Compare runs" keeps the best runs in the
session's run store under names that say their values. A search cannot start while the main
training runs; the window keeps the main training from starting while a search runs.
"""

from __future__ import annotations

import math

import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QCheckBox,
    QDoubleSpinBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...session import Session
from ...session_tuning import (
    HYPERPARAMETERS,
    MAX_EPOCHS,
    MAX_RUNS,
    SearchSpace,
    TuningResult,
    TuningSearch,
    ranked,
)
from ..common.plot_items import plain_axes, themed_plot
from ..common.scroll import scrollable
from .tuning_worker import TuningRunner

# object names of each hyperparameter's check box and range, by key
NAMES = {"learning_rate": "LearningRate", "l2": "L2", "keep_prob": "KeepProb", "units": "Units"}


class TuningView(QWidget):
    """The controls of a search, its progress, the plots of dev error against each sampled
    value (``tuningPlot<Name>``), the table of results (``tuningResultsTable``) and "Send best
    to Compare runs" (``tuningSendButton``). ``searchingChanged`` tells the window when a
    search starts and ends."""

    searchingChanged = Signal(bool)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tuningView")
        self.session = session
        self.runner = TuningRunner(self)
        self.results: list[TuningResult] = []
        self.keys: tuple[str, ...] = ()
        self.total = 0
        self._training = False
        self.plots: dict[str, pg.PlotWidget] = {}
        self.points: dict[str, pg.PlotDataItem] = {}

        grid = QGridLayout()
        self.checks: dict[str, QCheckBox] = {}
        self.lows: dict[str, QAbstractSpinBox] = {}
        self.highs: dict[str, QAbstractSpinBox] = {}
        texts = {
            "learning_rate": self.tr("Learning rate α (log scale)"),
            "l2": self.tr("L2 λ (log scale)"),
            "keep_prob": self.tr("Dropout keep_prob of every hidden layer"),
            "units": self.tr("Units n[l] of every hidden layer"),
        }
        grid.addWidget(QLabel(self.tr("from")), 0, 1)
        grid.addWidget(QLabel(self.tr("to")), 0, 2)
        for row, (key, parameter) in enumerate(HYPERPARAMETERS.items(), start=1):
            check = QCheckBox(texts[key])
            check.setObjectName(f"tuning{NAMES[key]}CheckBox")
            check.setChecked(key in ("learning_rate", "l2"))
            low, high = (self._range_box(key, value) for value in parameter.default)
            low.setObjectName(f"tuning{NAMES[key]}LowSpinBox")
            high.setObjectName(f"tuning{NAMES[key]}HighSpinBox")
            low.setAccessibleName(self.tr("{name}: lowest value").format(name=texts[key]))
            high.setAccessibleName(self.tr("{name}: highest value").format(name=texts[key]))
            self.checks[key], self.lows[key], self.highs[key] = check, low, high
            grid.addWidget(check, row, 0)
            grid.addWidget(low, row, 1)
            grid.addWidget(high, row, 2)
        self.checks["learning_rate"].setToolTip(
            self.tr(
                "Sampled on a log scale: as many runs between 0.0001 and 0.001 as between 0.1 "
                "and 1. Sampled uniformly, nine runs in ten would land in the top decade."
            )
        )
        self.checks["l2"].setToolTip(
            self.tr("Sampled on a log scale, like α: λ acts by its order of magnitude.")
        )
        self.checks["keep_prob"].setToolTip(
            self.tr(
                "Sampled uniformly between the two values (the low end left out), the same for "
                "every hidden layer; 1 keeps every unit. The dev error is measured without "
                "dropout, as predictions are made."
            )
        )
        self.checks["units"].setToolTip(
            self.tr("A whole number from the range, the same for every hidden layer.")
        )

        self.runs_spin = self._spin("tuningRunsSpinBox", 1, MAX_RUNS, 12)
        self.runs_spin.setToolTip(self.tr("How many short runs the search makes"))
        self.epochs_spin = self._spin("tuningEpochsSpinBox", 1, MAX_EPOCHS, 300)
        self.epochs_spin.setToolTip(
            self.tr("Epochs each run trains: short runs are enough to tell good values from bad")
        )
        self.seed_spin = self._spin("tuningSeedSpinBox", 0, 99_999, 0)
        self.seed_spin.setToolTip(self.tr("The same seed samples the same values again"))
        settings = QHBoxLayout()
        for title, spin in (
            (self.tr("Runs:"), self.runs_spin),
            (self.tr("Epochs per run:"), self.epochs_spin),
            (self.tr("Seed:"), self.seed_spin),
        ):
            settings.addWidget(QLabel(title))
            settings.addWidget(spin)
        settings.addStretch(1)

        self.start_button = QPushButton(self.tr("Start search"))
        self.start_button.setObjectName("tuningStartButton")
        self.start_button.setToolTip(
            self.tr(
                "Train the runs one after another on a copy of the network, each from fresh "
                "initial weights; your network and its settings stay as they are"
            )
        )
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setObjectName("tuningCancelButton")
        self.cancel_button.setEnabled(False)
        self.progress = QProgressBar()
        self.progress.setObjectName("tuningProgressBar")
        self.progress.setFormat(self.tr("%v of %m runs"))
        self.progress.setValue(0)
        buttons = QHBoxLayout()
        buttons.addWidget(self.start_button)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.progress, 1)

        self.status_label = QLabel()
        self.status_label.setObjectName("tuningStatusLabel")
        self.status_label.setWordWrap(True)
        self.plot_row = QHBoxLayout()
        self.table = QTableWidget(0, 0)
        self.table.setObjectName("tuningResultsTable")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)

        self.best_spin = self._spin("tuningBestSpinBox", 1, MAX_RUNS, 3)
        self.best_spin.setToolTip(self.tr("How many of the best runs to send"))
        self.send_button = QPushButton(self.tr("Send best to Compare runs"))
        self.send_button.setObjectName("tuningSendButton")
        self.send_button.setToolTip(
            self.tr(
                "Keep the runs with the lowest dev error in Compare runs, named by their values"
            )
        )
        self.send_button.setEnabled(False)
        send = QHBoxLayout()
        send.addWidget(QLabel(self.tr("Best:")))
        send.addWidget(self.best_spin)
        send.addWidget(self.send_button)
        send.addStretch(1)

        content = QWidget()  # scrolls on a small screen rather than widen the window
        layout = QVBoxLayout(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scrollable(content, "tuningScrollArea"))
        layout.addLayout(grid)
        layout.addLayout(settings)
        layout.addLayout(buttons)
        layout.addWidget(self.status_label)
        layout.addLayout(self.plot_row, 3)
        layout.addWidget(self.table, 2)
        layout.addLayout(send)

        self.start_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.cancel)
        self.send_button.clicked.connect(self.send_best)
        for check in self.checks.values():
            check.toggled.connect(self._update_controls)
        self.runner.result.connect(self._add_result)
        self.runner.finished.connect(self._search_ended)
        self.runner.errored.connect(self._search_failed)
        self.runner.busyChanged.connect(self._busy_changed)
        self.status_label.setText(
            self.tr(
                "Choose what to search and press Start: each run trains a copy of the network "
                "on the training set and is judged by its error on the dev set."
            )
        )
        self._update_controls()

    # -- building --------------------------------------------------------------------------------
    def _range_box(self, key: str, value: float) -> QAbstractSpinBox:
        low, high = HYPERPARAMETERS[key].limits
        if HYPERPARAMETERS[key].scale == "int":
            return self._spin("", int(low), int(high), int(value))
        box = QDoubleSpinBox()
        box.setDecimals(6)
        box.setRange(low, high)
        box.setValue(value)
        box.setKeyboardTracking(False)
        return box

    @staticmethod
    def _spin(name: str, low: int, high: int, value: int) -> QSpinBox:
        spin = QSpinBox()
        if name:
            spin.setObjectName(name)
        spin.setRange(low, high)
        spin.setValue(value)
        spin.setKeyboardTracking(False)
        return spin

    @staticmethod
    def _value(box: QAbstractSpinBox) -> float:
        assert isinstance(box, (QSpinBox, QDoubleSpinBox))
        return float(box.value())

    def space(self) -> SearchSpace:
        """The search space the controls describe; ValueError when it cannot be searched."""
        ranges = {
            key: (self._value(self.lows[key]), self._value(self.highs[key]))
            for key, check in self.checks.items()
            if check.isChecked()
        }
        return SearchSpace.of(ranges)

    # -- the training lock -----------------------------------------------------------------------
    def set_training(self, busy: bool) -> None:
        """While the main training runs a search cannot start (both would train at once)."""
        self._training = busy
        self._update_controls()
        if busy:
            self.status_label.setText(
                self.tr("Training is in progress: stop it (Train ▸ Stop) to start a search.")
            )

    @property
    def searching(self) -> bool:
        return self.runner.is_busy

    def _update_controls(self) -> None:
        searching = self.searching
        any_checked = any(check.isChecked() for check in self.checks.values())
        self.start_button.setEnabled(not searching and not self._training and any_checked)
        self.cancel_button.setEnabled(searching)
        for key, check in self.checks.items():
            check.setEnabled(not searching)
            self.lows[key].setEnabled(not searching and check.isChecked())
            self.highs[key].setEnabled(not searching and check.isChecked())
        for spin in (self.runs_spin, self.epochs_spin, self.seed_spin):
            spin.setEnabled(not searching)
        self.send_button.setEnabled(not searching and any(not r.diverged for r in self.results))

    # -- a search --------------------------------------------------------------------------------
    def start(self) -> bool:
        """Start a search with the controls' values; False (and the reason shown) if it
        cannot start."""
        if self.searching or self._training:
            return False
        try:
            search = TuningSearch(
                self.session,
                self.space(),
                self.runs_spin.value(),
                self.epochs_spin.value(),
                self.seed_spin.value(),
            )
        except ValueError as exc:
            self.status_label.setText(
                self.tr("The search cannot start: {reason}").format(reason=exc)
            )
            return False
        self.results = []
        self.keys, self.total = search.space.keys, search.runs
        self._make_plots()
        self._fill_table()
        self.progress.setRange(0, self.total)
        self.progress.setValue(0)
        self.status_label.setText(self.tr("Searching…"))
        return self.runner.start(search)

    def show_results(self, space: SearchSpace, results: list[TuningResult]) -> None:
        """Show the results of a search over ``space`` made elsewhere, as if it had run here."""
        self.results, self.keys, self.total = [], space.keys, len(results)
        for key, check in self.checks.items():
            check.setChecked(key in space.keys)
        for key, low, high in space.ranges:
            for box, value in ((self.lows[key], low), (self.highs[key], high)):
                assert isinstance(box, (QSpinBox, QDoubleSpinBox))
                box.setValue(value)  # type: ignore[arg-type]
        self.runs_spin.setValue(len(results))
        self._make_plots()
        self.progress.setRange(0, self.total)
        for result in results:
            self._add_result(result)
        self._search_ended(True)
        self._update_controls()

    def cancel(self) -> None:
        self.runner.cancel()

    def shutdown(self) -> None:
        """End a search under way and wait for its thread (the window is closing)."""
        self.runner.shutdown()

    def _busy_changed(self, busy: bool) -> None:
        self._update_controls()
        self.searchingChanged.emit(busy)

    def _add_result(self, result: TuningResult) -> None:
        self.results.append(result)
        self.progress.setValue(len(self.results))
        for key, item in self.points.items():
            shown = [r for r in self.results if not r.diverged]
            item.setData([float(r.value(key)) for r in shown], [self._plotted(r) for r in shown])
        self._fill_table()

    def _search_ended(self, complete: bool) -> None:
        if complete:
            text = self.tr("Search finished: {n} runs.")
        else:
            text = self.tr("Search cancelled after {n} runs.")
        best = ranked(self.results)[0] if self.results else None
        if best is not None and not best.diverged:
            text += " " + self.tr("Lowest dev error: {error} ({name}).").format(
                error=self._error_text(best.dev_error), name=best.name
            )
        self.status_label.setText(text.format(n=len(self.results)))

    def _search_failed(self, message: str) -> None:
        self.status_label.setText(
            self.tr(
                "The search stopped with an error: {message}. Try a smaller range or fewer units."
            ).format(message=message)
        )

    # -- showing results -------------------------------------------------------------------------
    def _measure_is_cost(self) -> bool:
        """Whether the search shown judges a regression by its cost (else an error rate)."""
        if self.results:
            return self.results[0].measure == "cost"
        return self.session.dataset.task == "regression"

    def _error_text(self, value: float) -> str:
        if not math.isfinite(value):
            return self.tr("diverged")
        return f"{value:.4g}" if self._measure_is_cost() else f"{100.0 * value:.1f} %"

    def _plotted(self, result: TuningResult) -> float:
        """A run's dev error as its plot shows it: in % (a cost as it is)."""
        return result.dev_error if self._measure_is_cost() else 100.0 * result.dev_error

    def _axis_titles(self) -> dict[str, str]:
        return {
            "learning_rate": self.tr("learning rate α"),
            "l2": self.tr("L2 λ"),
            "keep_prob": "keep_prob",
            "units": self.tr("units n[l]"),
        }

    def _make_plots(self) -> None:
        for plot in self.plots.values():
            self.plot_row.removeWidget(plot)
            plot.deleteLater()
        self.plots, self.points = {}, {}
        dev = self.tr("dev cost") if self._measure_is_cost() else self.tr("dev error (%)")
        for key in self.keys:
            plot = pg.PlotWidget(self)
            plot.setObjectName(f"tuningPlot{NAMES[key]}")
            plot.setMenuEnabled(False)
            plain_axes(plot)
            themed_plot(plot)
            plot.setLogMode(x=HYPERPARAMETERS[key].scale == "log", y=False)
            plot.setLabel("bottom", self._axis_titles()[key])
            plot.setLabel("left", dev)
            item = pg.PlotDataItem([], [], pen=None, symbol="o", symbolSize=8)
            plot.addItem(item)
            self.plots[key], self.points[key] = plot, item
            self.plot_row.addWidget(plot)

    def _fill_table(self) -> None:
        titles = {
            "learning_rate": "α",
            "l2": "λ",
            "keep_prob": "keep_prob",
            "units": "n[l]",
        }
        cost = self._measure_is_cost()
        headers = [
            self.tr("Run"),
            *(titles[k] for k in self.keys),
            self.tr("Training cost") if cost else self.tr("Training error"),
            self.tr("Dev cost") if cost else self.tr("Dev error"),
        ]
        rows = ranked(self.results)
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setRowCount(len(rows))
        for row, result in enumerate(rows):
            cells = [
                str(result.index + 1),
                *(
                    str(result.value(k)) if k == "units" else f"{float(result.value(k)):.4g}"
                    for k in self.keys
                ),
                self._error_text(result.train_error),
                self._error_text(result.dev_error),
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)

    def send_best(self) -> int:
        """Add the best runs (lowest dev error, none that diverged) to the session's run store;
        returns how many were added."""
        best = [r for r in ranked(self.results) if not r.diverged][: self.best_spin.value()]
        for result in best:
            self.session.runs.add(result.to_run())
        if best:  # the model file keeps them: closing asks to save
            self.session.set_modified()
        self.status_label.setText(
            self.tr("Sent {n} runs to Compare runs, best first.").format(n=len(best))
        )
        return len(best)
