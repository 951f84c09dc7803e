"""Choosing the data: a built-in set and its parameters, or an imported CSV; a scatter plot of it.

Every change is a :class:`~nnstudio.gui.builder.commands.SessionStateCommand` on the undo stack
(undo brings back the previous data with its weights and history); choosing a built-in set also
proposes its preset network and hyperparameters in the same step. The plot
shows what the network trains on (after the split and standardisation): training samples
filled, dev (validation) samples hollow, one colour per class; the test samples are
counted in the summary but never drawn; for a regression, x against y.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...data import (
    BUILTIN_DATASETS,
    CLASS_NAME,
    MAX_CLASSES,
    MAX_SAMPLES,
    MAX_SEED,
    MIN_CLASSES,
    MIN_SAMPLES,
    PRESETS,
    Dataset,
    Preset,
    is_edited,
    original_name,
    original_source,
)
from ...session import DataChoice, Session
from ...text import localized
from ..common import theme
from ..common.binding import bind
from ..common.plot_items import themed_plot
from ..common.style import class_color, class_swatches
from .commands import SessionStateCommand
from .number_box import NumberBox
from .point_editor import PointEditor

IMPORTED = "__imported__"


def shown_class_names(dataset: Dataset) -> list[str]:
    """The class names as the learner reads them: a built-in set's in the interface language
    (the data set itself keeps the English names), an imported set's as the file has them."""
    source = original_source(dataset)  # an edited set's classes are those it was made from
    spec = BUILTIN_DATASETS.get(source.get("name", "")) if source.get("kind") == "builtin" else None
    if spec is None:
        return list(dataset.class_names)
    if spec.class_names:
        return [localized(name) for name in spec.class_names]
    return [localized(CLASS_NAME).format(k=k) for k in range(dataset.n_classes)]


class DataPanel(QWidget):
    """Data set combo, generation and split parameters, Import CSV…, and the scatter plot."""

    importRequested = Signal()

    def __init__(self, session: Session, undo_stack: QUndoStack, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("dataPanel")
        self.session = session
        self.undo_stack = undo_stack
        self.imported: Dataset | None = session.data_choice.imported

        self.controls = QWidget()
        self.controls.setObjectName("dataControls")
        form = QFormLayout(self.controls)
        form.setContentsMargins(0, 0, 0, 0)

        self.dataset_combo = QComboBox()
        self.dataset_combo.setObjectName("datasetCombo")
        for name, spec in BUILTIN_DATASETS.items():
            self.dataset_combo.addItem(localized(spec.title), name)
            self.dataset_combo.setItemData(
                self.dataset_combo.count() - 1,
                localized(spec.description),
                Qt.ItemDataRole.ToolTipRole,
            )
        self.dataset_combo.setToolTip(self.tr("The samples the network learns from."))

        self.samples_spin = self._spin("samplesSpinBox", MIN_SAMPLES, MAX_SAMPLES)
        self.samples_spin.setSingleStep(50)
        self.samples_spin.setToolTip(
            self.tr(
                "How many samples to draw. With no dev or test set this is m, the columns of X."
            )
        )
        self.noise_spin = NumberBox(0.0)  # any noise ≥ 0 a file holds is shown as it is
        self.noise_spin.setObjectName("noiseSpinBox")
        self.noise_spin.setToolTip(
            self.tr("Random jitter added to the samples: more noise, harder task.")
        )
        self.classes_spin = self._spin("classesSpinBox", MIN_CLASSES, MAX_CLASSES)
        self.classes_spin.setToolTip(
            self.tr("K, the number of classes; the output layer gets K softmax units.")
        )
        self.seed_spin = NumberBox(0, MAX_SEED, whole=True)  # a QSpinBox stops at 2³¹ − 1
        self.seed_spin.setObjectName("dataSeedSpinBox")
        self.seed_spin.setToolTip(self.tr("The same seed always draws the same samples."))
        self.validation_spin = self._spin("validationSpinBox", 0, 90)
        self.validation_spin.setSuffix(" %")
        self.validation_spin.setSingleStep(5)
        self.validation_spin.setToolTip(
            self.tr(
                "The dev set: samples held back to check how well the network generalises and "
                "to choose settings. They are not part of m; the cost and accuracy views show "
                "them beside the training data. The course's first notes train on all (0 %)."
            )
        )
        self.test_spin = self._spin("testShareSpinBox", 0, 80)
        self.test_spin.setSuffix(" %")
        self.test_spin.setSingleStep(5)
        self.test_spin.setToolTip(
            self.tr(
                "The test set: samples kept apart until the end. Training never sees them and "
                "no live view shows them; evaluate on them once, in the bias and variance view, "
                "for an unbiased measure of the finished network."
            )
        )
        self.standardize_check = QCheckBox(self.tr("Standardise inputs"))
        self.standardize_check.setObjectName("standardizeCheckBox")
        self.standardize_check.setToolTip(
            self.tr(
                "Subtract each feature's mean and divide by its standard deviation (measured on "
                "the training samples), so all inputs have a similar scale and gradient descent "
                "converges faster."
            )
        )
        self.import_button = QPushButton(self.tr("Import CSV…"))
        self.import_button.setObjectName("importCsvButton")
        self.import_button.setToolTip(
            self.tr(
                "Use your own data: one sample per row, numeric feature columns and a label column."
            )
        )

        form.addRow(self.tr("&Data set:"), self.dataset_combo)
        form.addRow(self.tr("&Samples:"), self.samples_spin)
        form.addRow(self.tr("&Noise:"), self.noise_spin)
        form.addRow(self.tr("&Classes K:"), self.classes_spin)
        form.addRow(self.tr("S&eed:"), self.seed_spin)
        form.addRow(self.tr("&Dev set:"), self.validation_spin)
        form.addRow(self.tr("&Test set:"), self.test_spin)
        form.addRow("", self.standardize_check)
        form.addRow("", self.import_button)

        self.description_label = QLabel()
        self.description_label.setObjectName("dataDescriptionLabel")
        self.description_label.setWordWrap(True)
        self.summary_label = QLabel()
        self.summary_label.setObjectName("dataSummaryLabel")
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextFormat(Qt.TextFormat.RichText)

        self.plot = pg.PlotWidget()
        self.plot.setObjectName("dataPlot")
        self.plot.setMinimumSize(220, 200)
        # no grid, as in the other plots: the panel repaints whole when a run starts and ends
        # (it is locked meanwhile), and a grid's lines across the plot are the slow part
        themed_plot(self.plot)
        theme.follow(self, self._theme_changed)
        self.train_scatter = pg.ScatterPlotItem(size=6, pen=None)
        self.validation_scatter = pg.ScatterPlotItem(size=6)
        self.plot.addItem(self.train_scatter)
        self.plot.addItem(self.validation_scatter)
        self.point_editor = PointEditor(session, undo_stack, self.plot, shown_class_names)

        layout = QVBoxLayout(self)
        layout.addWidget(self.controls)
        layout.addWidget(self.description_label)
        layout.addWidget(self.plot, 1)
        layout.addWidget(self.point_editor)
        layout.addWidget(self.summary_label)

        self.dataset_combo.currentIndexChanged.connect(self._dataset_chosen)
        self.samples_spin.valueChanged.connect(lambda v: self._param_edited("samples", v))
        self.noise_spin.valueChanged.connect(lambda v: self._param_edited("noise", float(v)))
        self.classes_spin.valueChanged.connect(lambda v: self._param_edited("classes", v))
        self.seed_spin.valueChanged.connect(lambda v: self._param_edited("seed", int(v)))
        self.validation_spin.valueChanged.connect(self._validation_edited)
        self.test_spin.valueChanged.connect(self._test_edited)
        self.standardize_check.toggled.connect(self._standardize_edited)
        self.import_button.clicked.connect(self.importRequested)

        bind(session.events, "data", self, self.refresh)
        # the summary's n[0] follows the input features chosen in the builder
        bind(session.events, "network", self, self._update_summary)
        self.refresh()

    def _spin(self, name: str, low: int, high: int) -> QSpinBox:
        spin = QSpinBox()
        spin.setObjectName(name)
        spin.setRange(low, high)
        spin.setKeyboardTracking(False)  # commit on Enter, arrows or leaving the box
        return spin

    # -- model → view ---------------------------------------------------------------------------
    def _params(self) -> dict[str, Any]:
        """The effective generation parameters of the current built-in set."""
        choice = self.session.data_choice
        source = self.session.dataset.source
        if source.get("kind") == "builtin":
            return dict(source.get("params", {}))
        return {**BUILTIN_DATASETS[choice.name].defaults, **choice.params}

    def refresh(self) -> None:
        choice, dataset = self.session.data_choice, self.session.dataset
        if choice.imported is not None:
            self.imported = choice.imported
        self._sync_imported_item()
        widgets = (
            self.dataset_combo,
            self.samples_spin,
            self.noise_spin,
            self.classes_spin,
            self.seed_spin,
            self.validation_spin,
            self.test_spin,
            self.standardize_check,
        )
        blockers = [QSignalBlocker(w) for w in widgets]
        key = IMPORTED if choice.imported is not None else choice.name
        self.dataset_combo.setCurrentIndex(self.dataset_combo.findData(key))
        builtin = choice.imported is None
        spec = BUILTIN_DATASETS.get(choice.name) if builtin else None
        if spec is not None:
            params = self._params()
            self.samples_spin.setValue(int(params["samples"]))
            self.noise_spin.setValue(float(params["noise"]))
            self.seed_spin.setValue(int(params["seed"]))
            self.classes_spin.setValue(int(params.get("classes", dataset.n_classes or 2)))
            self.description_label.setText(localized(spec.description))
        else:
            self.samples_spin.setValue(max(MIN_SAMPLES, min(dataset.m, MAX_SAMPLES)))
            self.classes_spin.setValue(max(MIN_CLASSES, min(dataset.n_classes, MAX_CLASSES)))
        if spec is None and is_edited(dataset):
            self.description_label.setText(
                self.tr("“{name}” with points added or removed by hand.").format(
                    name=original_name(dataset)
                )
            )
        elif spec is None:
            self.description_label.setText(
                self.tr("Imported from {file}; labels from column “{label}”.").format(
                    file=dataset.source.get("file_name", dataset.name),
                    label=dataset.source.get("label_column", "?"),
                )
            )
        for spin in (self.samples_spin, self.noise_spin, self.seed_spin):
            spin.setEnabled(builtin)
        self.classes_spin.setEnabled(spec is not None and spec.has_classes)
        self.validation_spin.setValue(round(choice.validation_share * 100))
        self.test_spin.setValue(round(choice.test_share * 100))
        self.standardize_check.setChecked(choice.standardize)
        del blockers
        self._update_plot()
        self._update_summary()

    def _theme_changed(self) -> None:
        """The points and the class names in the new theme's colours."""
        self._update_plot()
        self._update_summary()

    def _sync_imported_item(self) -> None:
        with QSignalBlocker(self.dataset_combo):
            index = self.dataset_combo.findData(IMPORTED)
            if self.imported is None:
                if index >= 0:
                    self.dataset_combo.removeItem(index)
                return
            if is_edited(self.imported):
                text = self.tr("Edited: {name}").format(name=original_name(self.imported))
            else:
                text = self.tr("Imported: {name}").format(name=self.imported.name)
            if index < 0:
                self.dataset_combo.addItem(text, IMPORTED)
            else:
                self.dataset_combo.setItemText(index, text)

    def _update_plot(self) -> None:
        prepared, dataset = self.session.prepared, self.session.dataset
        regression = dataset.task == "regression"
        for item, part, hollow in (
            (self.train_scatter, prepared.train, False),
            (self.validation_scatter, prepared.validation, True),
        ):
            x, y = self._coordinates(part)
            size = 6 if part.m <= 2000 else 3
            if regression:
                colours = [pg.mkColor(theme.current().regression_color)] * part.m
            else:
                palette = [class_color(k) for k in range(max(dataset.n_classes, 1))]
                colours = [palette[k] for k in part.Y.reshape(-1)]
            if hollow:
                item.setBrush(pg.mkBrush(theme.current().plot_background))
                item.setData(x=x, y=y, size=size, pen=[pg.mkPen(c, width=1.5) for c in colours])
            else:
                item.setData(x=x, y=y, size=size, brush=[pg.mkBrush(c) for c in colours])
        plot = self.plot.getPlotItem()
        names = dataset.feature_names
        if regression or dataset.n_features < 2:
            plot.setLabel("bottom", names[0])
            plot.setLabel("left", "y" if regression else self.tr("class"))
            plot.setAspectLocked(False)
        else:
            plot.setLabel("bottom", names[0])
            plot.setLabel("left", names[1])
            plot.setAspectLocked(True)
        plot.enableAutoRange()

    @staticmethod
    def _coordinates(part: Dataset) -> tuple[np.ndarray, np.ndarray]:
        X = part.X
        if part.task == "regression":
            return X[0], part.Y[0].astype(float)
        if part.n_features >= 2:
            return X[0], X[1]
        return X[0], part.Y[0].astype(float)

    def _update_summary(self) -> None:
        dataset, prepared = self.session.dataset, self.session.prepared
        if dataset.m == 1:
            samples = self.tr("<b>1</b> sample: m = {train} for training, {val} in the dev set")
        else:
            samples = self.tr("<b>{m}</b> samples: m = {train} for training, {val} in the dev set")
        n0 = self.session.spec.layer_dims[0]
        if n0 != dataset.n_features:  # input features made from x₁ and x₂ (the builder's)
            features = self.tr(
                "{n} features, made into n<sup>[0]</sup> = {n0} network inputs"
            ).format(n=dataset.n_features, n0=n0)
        elif dataset.n_features == 1:
            features = self.tr("n<sup>[0]</sup> = 1 feature")
        else:
            features = self.tr("n<sup>[0]</sup> = {n} features").format(n=dataset.n_features)
        parts = [
            samples.format(m=dataset.m, train=prepared.train.m, val=prepared.validation.m),
            features,
        ]
        if prepared.test_set.m:  # counted, never drawn: the test set stays out of sight
            parts.insert(
                1, self.tr("{test} in the test set (not shown)").format(test=prepared.test_set.m)
            )
        if dataset.n_features > 2 and dataset.task != "regression":
            parts.append(self.tr("the plot shows the first two"))
        if dataset.task == "regression":
            parts.append(self.tr("regression: the network predicts y"))
        else:
            swatches = class_swatches(shown_class_names(dataset))
            parts.append(self.tr("classes: {swatches}").format(swatches=swatches))
        if prepared.validation.m:
            parts.append(self.tr("hollow points: dev set"))
        self.summary_label.setText(" · ".join(parts))

    # -- view → undo stack → session -------------------------------------------------------------
    def apply(self, choice: DataChoice, text: str, preset: Preset | None = None) -> bool:
        """Use ``choice`` (and ``preset``'s network and hyperparameters, if given) as one undo
        step; on a ValueError say why and keep the data."""
        if choice == self.session.data_choice and preset is None:
            return True
        before = self.session.snapshot()
        try:
            self.session.set_data(choice)
        except ValueError as exc:
            QMessageBox.warning(
                self,
                self.tr("Data not changed"),
                self.tr("{reason}\n\nThe previous data is still in use.").format(reason=exc),
            )
            self.refresh()
            return False
        if preset is not None:
            self.session.apply_preset(preset)
        after = self.session.snapshot()
        self.undo_stack.push(SessionStateCommand(self.session, before, after, text))
        return True

    def use_imported(self, dataset: Dataset) -> bool:
        """Switch to an imported data set (keeping the split settings)."""
        choice = replace(self.session.data_choice, name=dataset.name, params={}, imported=dataset)
        return self.apply(choice, self.tr("Import {name}").format(name=dataset.name))

    def _dataset_chosen(self, index: int) -> None:
        key = self.dataset_combo.itemData(index)
        current = self.session.data_choice
        if key == IMPORTED:
            if self.imported is not None:
                self.use_imported(self.imported)
            return
        spec = BUILTIN_DATASETS[key]
        choice = replace(current, name=key, params=dict(spec.defaults), imported=None)
        if choice == current:
            return
        self.apply(
            choice,
            self.tr("Use data set {title} and its settings").format(title=localized(spec.title)),
            PRESETS.get(key),
        )

    def _param_edited(self, key: str, value: Any) -> None:
        current = self.session.data_choice
        if current.imported is not None:
            return
        params = {**self._params(), key: value}
        if key == "classes" and not BUILTIN_DATASETS[current.name].has_classes:
            return
        choice = replace(current, params=params)
        names = {
            "samples": self.tr("samples"),
            "noise": self.tr("noise"),
            "classes": self.tr("classes K"),
            "seed": self.tr("seed"),
        }
        text = self.tr("Set {key} to {value}").format(key=names.get(key, key), value=value)
        self.apply(choice, text)

    def _validation_edited(self, percent: int) -> None:
        choice = replace(self.session.data_choice, validation_share=percent / 100)
        self.apply(choice, self.tr("Hold back {p} % for the dev set").format(p=percent))

    def _test_edited(self, percent: int) -> None:
        choice = replace(self.session.data_choice, test_share=percent / 100)
        self.apply(choice, self.tr("Keep {p} % apart as the test set").format(p=percent))

    def _standardize_edited(self, checked: bool) -> None:
        choice = replace(self.session.data_choice, standardize=checked)
        text = self.tr("Standardise inputs") if checked else self.tr("Use raw inputs")
        self.apply(choice, text)
