"""The network builder: the list of layers and the editor of the selected one.

Rows of the list are the columns of the diagram and the rows of the dimension table:
row 0 is the input (X = A[0], its size comes from the data), rows 1..L-1 the hidden layers,
row L the output layer (its size and activation follow the task). Edits become undo commands.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from ...data import RAW_INPUTS, feature_labels
from ...engine import ACTIVATIONS, MAX_UNITS, SpecError
from ...session import LayerSpec, Session
from ..common.binding import bind
from ..common.style import subscript, tint
from .commands import SetHiddenLayersCommand
from .feature_checks import FeatureChecks
from .number_box import NumberBox

DEFAULT_NEW_LAYER = LayerSpec(4, "tanh")


class LayerEditor(QWidget):
    """Layer list, Add/Remove/Move buttons, and units + activation of the selected layer."""

    def __init__(self, session: Session, undo_stack: QUndoStack, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("layerEditor")
        self.session = session
        self.undo_stack = undo_stack

        intro = QLabel(
            self.tr(
                "Input and output do not count as layers: one hidden layer makes a 2-layer network."
            )
        )
        intro.setWordWrap(True)
        intro.setObjectName("layerIntroLabel")

        self.layer_list = QListWidget()
        self.layer_list.setObjectName("layerList")
        self.layer_list.setAccessibleName(self.tr("Layers"))
        self.layer_list.setToolTip(
            self.tr(
                "The columns of the network, from the inputs x to the output ŷ. "
                "Select one to edit it."
            )
        )

        self.add_button = self._button(
            "addLayerButton", self.tr("&Add layer"), QStyle.StandardPixmap.SP_FileDialogNewFolder
        )
        self.add_button.setToolTip(
            self.tr("Insert a hidden layer after the selected one (a copy of it, or 4 tanh units).")
        )
        self.remove_button = self._button(
            "removeLayerButton", self.tr("&Remove"), QStyle.StandardPixmap.SP_TrashIcon
        )
        self.remove_button.setToolTip(self.tr("Delete the selected hidden layer."))
        self.up_button = self._button("moveLayerUpButton", self.tr("↑ Move &up"))
        self.up_button.setToolTip(self.tr("Move the selected hidden layer towards the input."))
        self.down_button = self._button("moveLayerDownButton", self.tr("↓ Move &down"))
        self.down_button.setToolTip(self.tr("Move the selected hidden layer towards the output."))

        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        for button in (self.add_button, self.remove_button):
            buttons.addWidget(button)
        moves = QHBoxLayout()
        moves.setContentsMargins(0, 0, 0, 0)
        for button in (self.up_button, self.down_button):
            moves.addWidget(button)

        self.units_spin = QSpinBox()
        self.units_spin.setObjectName("unitsSpinBox")
        self.units_spin.setRange(1, MAX_UNITS)
        self.units_spin.setKeyboardTracking(False)  # commit on Enter, arrows or leaving the box
        self.units_spin.setAccelerated(True)

        self.activation_combo = QComboBox()
        self.activation_combo.setObjectName("activationCombo")
        self.activation_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.activation_combo.setMinimumContentsLength(12)
        for name, act in ACTIVATIONS.items():
            self.activation_combo.addItem(f"{name}   {act.formula}", name)

        self.keep_prob_box = NumberBox(1e-6, 1.0)
        self.keep_prob_box.setObjectName("keepProbBox")
        tip = self.tr(
            "Inverted dropout: in training each unit is kept with probability keep_prob and "
            "divided by it (A[l] keeps its expected value); 1: no dropout."
        )
        self.keep_prob_box.setToolTip(tip)
        self.batch_norm_check = QCheckBox(self.tr("&Batch normalisation"))
        self.batch_norm_check.setObjectName("batchNormCheckBox")
        tip = self.tr(
            "Normalise Z[l] over the batch, then Z̃[l] = γ[l]·Z_norm[l] + β[l] with learned "
            "γ[l], β[l] (n[l], 1); β[l] takes the place of b[l], which stays 0."
        )
        self.batch_norm_check.setToolTip(tip)

        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        self.units_label = QLabel()
        self.units_label.setBuddy(self.units_spin)
        self.activation_label = QLabel()
        self.activation_label.setBuddy(self.activation_combo)
        form.addRow(self.units_label, self.units_spin)
        form.addRow(self.activation_label, self.activation_combo)
        self.keep_prob_label = QLabel()
        self.keep_prob_label.setBuddy(self.keep_prob_box)
        form.addRow(self.keep_prob_label, self.keep_prob_box)
        form.addRow(self.batch_norm_check)

        self.hint_label = QLabel()
        self.hint_label.setObjectName("layerHintLabel")
        self.hint_label.setWordWrap(True)
        self.hint_label.setTextFormat(Qt.TextFormat.RichText)

        # the input row's editor: which features of the two inputs the network sees
        self.feature_checks = FeatureChecks(session, undo_stack)

        self.message_label = QLabel()
        self.message_label.setObjectName("layerMessageLabel")
        self.message_label.setWordWrap(True)
        tint(self.message_label, "error_text")
        self.message_label.hide()

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.layer_list, 1)
        layout.addLayout(buttons)
        layout.addLayout(moves)
        layout.addLayout(form)
        layout.addWidget(self.feature_checks)
        layout.addWidget(self.hint_label)
        layout.addWidget(self.message_label)

        self.layer_list.currentRowChanged.connect(self._row_changed)
        self.add_button.clicked.connect(self.add_layer)
        self.remove_button.clicked.connect(self.remove_layer)
        self.up_button.clicked.connect(lambda: self.move_layer(-1))
        self.down_button.clicked.connect(lambda: self.move_layer(+1))
        self.units_spin.valueChanged.connect(self._units_edited)
        self.activation_combo.currentIndexChanged.connect(self._activation_edited)
        self.keep_prob_box.valueChanged.connect(self._keep_prob_edited)
        self.batch_norm_check.toggled.connect(self._batch_norm_edited)

        bind(session.events, "network", self, self.refresh)
        self.refresh()
        self.select_row(1 if session.hidden_layers else 0)

    def _button(
        self, name: str, text: str, icon: QStyle.StandardPixmap | None = None
    ) -> QPushButton:
        button = QPushButton(text)
        if icon is not None:
            button.setIcon(self.style().standardIcon(icon))
        button.setObjectName(name)
        return button

    # -- rows -----------------------------------------------------------------------------------
    @property
    def output_row(self) -> int:
        return len(self.session.hidden_layers) + 1

    def current_row(self) -> int:
        return self.layer_list.currentRow()

    def select_row(self, row: int) -> None:
        row = max(0, min(row, self.output_row))
        self.layer_list.setCurrentRow(row)
        self._update_editor()

    def _row_text(self, row: int) -> str:
        spec = self.session.spec
        if row == 0:
            n0 = spec.layer_dims[0]
            names = ", ".join(f"x{subscript(j + 1)}" for j in range(min(n0, 3)))
            if self.session.dataset.n_features == RAW_INPUTS:  # the chosen input features
                names = ", ".join(feature_labels(self.session.input_features)[:3])
            if n0 > 3:
                names += ", …"
            if n0 == 1:
                return self.tr("Input X: 1 feature ({names})").format(names=names)
            return self.tr("Input X: {n} features ({names})").format(n=n0, names=names)
        units, act = spec.layer_dims[row], spec.activations[row - 1]
        if row == self.output_row:
            return self.tr("Layer [{l}] output: {n} × {act}").format(l=row, n=units, act=act)
        return self.tr("Layer [{l}] hidden: {n} × {act}").format(l=row, n=units, act=act)

    def refresh(self) -> None:
        """Model → view: list rows and the selected layer's fields from the session."""
        row = self.current_row()
        with QSignalBlocker(self.layer_list):
            self.layer_list.clear()
            for r in range(self.output_row + 1):
                item = QListWidgetItem(self._row_text(r))
                if r in (0, self.output_row):
                    font = item.font()
                    font.setItalic(True)
                    item.setFont(font)
                self.layer_list.addItem(item)
            self.layer_list.setCurrentRow(max(0, min(row, self.output_row)))
        self._update_editor()

    def _row_changed(self, _row: int) -> None:
        self.show_message("")
        self._update_editor()

    def _update_editor(self) -> None:
        row, spec = self.current_row(), self.session.spec
        hidden = 0 < row < self.output_row
        editable = self.isEnabled()
        with QSignalBlocker(self.units_spin), QSignalBlocker(self.activation_combo):
            self.units_spin.setValue(spec.layer_dims[max(row, 0)])
            act = spec.activations[row - 1] if row > 0 else ""
            index = self.activation_combo.findData(act)
            self.activation_combo.setCurrentIndex(index)
        with QSignalBlocker(self.keep_prob_box), QSignalBlocker(self.batch_norm_check):
            self.keep_prob_box.setValue(spec.keep_prob[row - 1] if hidden else 1.0)
            self.batch_norm_check.setChecked(hidden and spec.batch_norm[row - 1])
        self.keep_prob_box.setEnabled(editable and hidden)
        self.batch_norm_check.setEnabled(editable and hidden)
        self.units_spin.setEnabled(editable and row > 0)
        self.activation_combo.setEnabled(editable and row > 0)
        self.remove_button.setEnabled(editable and hidden)
        self.up_button.setEnabled(editable and hidden and row > 1)
        self.down_button.setEnabled(editable and hidden and row < self.output_row - 1)
        self.add_button.setEnabled(editable)
        self.feature_checks.setVisible(row == 0)
        self.hint_label.setText(self._hint(row))
        layer = str(max(row, 0)) if row > 0 else "l"
        self.units_label.setText(self.tr("&Units n[{l}]:").format(l=layer))
        self.activation_label.setText(self.tr("A&ctivation g[{l}]:").format(l=layer))
        self.keep_prob_label.setText(self.tr("&keep_prob[{l}]:").format(l=layer))

    def _hint(self, row: int) -> str:
        spec = self.session.spec
        if row <= 0 and self.session.feature_choice is not None:
            return self.tr(
                "The input size n<sup>[0]</sup> = {n}: one unit per checked feature, computed "
                "from the data's x₁ and x₂. X is not a layer and has no weights."
            ).format(n=spec.layer_dims[0])
        if row <= 0:
            return self.tr(
                "The input size n<sup>[0]</sup> = {n} comes from the data: one unit per feature. "
                "X is not a layer and has no weights."
            ).format(n=spec.layer_dims[0])
        if row == self.output_row:
            task = self.session.dataset.task
            why = {
                "binary": self.tr("two classes: one sigmoid unit gives P(class 1)"),
                "multiclass": self.tr("{k} classes: one softmax unit per class").format(
                    k=self.session.dataset.n_classes
                ),
                "regression": self.tr("regression: one linear unit predicts the value"),
            }[task]
            return self.tr(
                "The output layer ŷ = A<sup>[{l}]</sup> follows the task ({why})."
            ).format(l=row, why=why)
        return self.tr(
            "Hidden layer {l}: W<sup>[{l}]</sup> is ({n}, {p}), one row per unit, one column per "
            "unit of the layer before."
        ).format(l=row, n=spec.layer_dims[row], p=spec.layer_dims[row - 1])

    # -- messages -------------------------------------------------------------------------------
    def show_message(self, text: str) -> None:
        """Show why an edit was refused (empty text hides the message)."""
        self.message_label.setText(text)
        self.message_label.setVisible(bool(text))
        window = self.window()
        if text and hasattr(window, "statusBar"):
            window.statusBar().showMessage(text, 10000)

    @property
    def message(self) -> str:
        return self.message_label.text() if not self.message_label.isHidden() else ""

    # -- edits (view → undo stack → session) -----------------------------------------------------
    def _push(
        self, after: tuple[LayerSpec, ...], text: str, row_after: int, merge_key=None
    ) -> None:
        before = self.session.hidden_layers
        if after == before:
            return
        try:
            self.session.check_hidden_layers(after)
        except SpecError as exc:
            self.show_message(str(exc))
            self._update_editor()
            return
        self.show_message("")
        command = SetHiddenLayersCommand(
            self.session,
            before,
            after,
            text,
            rows=(self.current_row(), row_after),
            select=self.select_row,
            merge_key=merge_key,
        )
        self.undo_stack.push(command)

    def add_layer(self) -> None:
        hidden, row = self.session.hidden_layers, self.current_row()
        index = min(max(row, 0), len(hidden))  # insert after the selected layer
        template = hidden[row - 1] if 0 < row <= len(hidden) else None
        if template is None:
            template = hidden[-1] if hidden and row > len(hidden) else DEFAULT_NEW_LAYER
        after = (*hidden[:index], template, *hidden[index:])
        self._push(after, self.tr("Add layer {l}").format(l=index + 1), index + 1)

    def remove_layer(self) -> None:
        hidden, row = self.session.hidden_layers, self.current_row()
        if not 0 < row <= len(hidden):
            return
        after = hidden[: row - 1] + hidden[row:]
        self._push(after, self.tr("Remove layer {l}").format(l=row), row)

    def move_layer(self, step: int) -> None:
        hidden, row = list(self.session.hidden_layers), self.current_row()
        target = row + step
        if not (0 < row <= len(hidden) and 0 < target <= len(hidden)):
            return
        hidden[row - 1], hidden[target - 1] = hidden[target - 1], hidden[row - 1]
        text = self.tr("Move layer {l} up") if step < 0 else self.tr("Move layer {l} down")
        self._push(tuple(hidden), text.format(l=row), target)

    def _units_edited(self, units: int) -> None:
        row, hidden = self.current_row(), self.session.hidden_layers
        if row == self.output_row:
            try:
                self.session.check_output_units(units)
            except SpecError:
                self.show_message(self._output_units_reason())
                self._update_editor()
            return
        if not 0 < row <= len(hidden):
            self._update_editor()
            return
        layer = hidden[row - 1]
        after = (*hidden[: row - 1], replace(layer, units=units), *hidden[row:])
        text = self.tr("Set units of layer {l} to {n}").format(l=row, n=units)
        self._push(after, text, row, merge_key=("units", row))

    def _activation_edited(self, index: int) -> None:
        name = self.activation_combo.itemData(index)
        row, hidden = self.current_row(), self.session.hidden_layers
        if row == self.output_row:
            try:
                self.session.check_output_activation(name)
            except SpecError:
                self.show_message(self._output_activation_reason(name))
                self._update_editor()
            return
        if not 0 < row <= len(hidden) or name is None:
            self._update_editor()
            return
        if ACTIVATIONS[name].output_only:
            self.show_message(
                self.tr(
                    "{name} cannot be used in a hidden layer: it turns a layer into probabilities "
                    "over classes, so only the output layer of a multi-class network uses it. "
                    "Choose tanh, relu, leaky_relu, sigmoid or linear."
                ).format(name=name)
            )
            self._update_editor()
            return
        layer = hidden[row - 1]
        after = (*hidden[: row - 1], replace(layer, activation=name), *hidden[row:])
        text = self.tr("Set activation of layer {l} to {name}").format(l=row, name=name)
        self._push(after, text, row)

    def _keep_prob_edited(self, value: float) -> None:
        text = self.tr("Set keep_prob of layer {l} to {value:g}")
        self._option_edited(text, "keep_prob", keep_prob=value)

    def _batch_norm_edited(self, on: bool) -> None:
        text = self.tr("Normalise layer {l}") if on else self.tr("Stop normalising layer {l}")
        self._option_edited(text, None, batch_norm=on)

    def _option_edited(self, text: str, merge: str | None, **change: Any) -> None:
        row, hidden = self.current_row(), self.session.hidden_layers
        if not 0 < row <= len(hidden):
            self._update_editor()
            return
        after = (*hidden[: row - 1], replace(hidden[row - 1], **change), *hidden[row:])
        label = text.format(l=row, value=change.get("keep_prob", 1.0))
        self._push(after, label, row, merge_key=(merge, row) if merge else None)

    def _output_activation_reason(self, name: str) -> str:
        task, k = self.session.dataset.task, self.session.dataset.n_classes
        if task == "binary":
            return self.tr(
                "The output stays sigmoid: with two classes the output is the probability of "
                "class 1, a number in 0..1 that binary cross-entropy compares with the label. "
                "{name} cannot be trained with that loss."
            ).format(name=name)
        if task == "multiclass":
            return self.tr(
                "The output stays softmax: with {k} classes the network gives one probability per "
                "class (they add up to 1) for categorical cross-entropy. {name} cannot be trained "
                "with that loss."
            ).format(k=k, name=name)
        return self.tr(
            "The output stays linear: a regression predicts any real number and is trained with "
            "mean squared error; {name} would squash the predictions."
        ).format(name=name)

    def _output_units_reason(self) -> str:
        task, k = self.session.dataset.task, self.session.dataset.n_classes
        if task == "multiclass":
            return self.tr(
                "The output layer has {k} units, one per class of the data. Choose another data "
                "set or number of classes to change it."
            ).format(k=k)
        if task == "binary":
            return self.tr(
                "The output layer has 1 unit: with two classes one sigmoid unit gives the "
                "probability of class 1 (class 0 gets 1 minus it)."
            )
        return self.tr("The output layer has 1 unit: the data has one target value per sample.")

    def changeEvent(self, event) -> None:  # enabling/disabling the editor updates the buttons
        super().changeEvent(event)
        if event.type() == event.Type.EnabledChange:
            self._update_editor()
