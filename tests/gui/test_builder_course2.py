"""The builder's controls for dropout and batch normalisation per hidden layer, and the
dimension table's D[l], γ[l], β[l] (dγ, dβ) columns, read from the engine's shape table."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QDoubleSpinBox, QListWidget, QTableView

from nnstudio.gui import MainWindow
from nnstudio.session import LayerSpec


@pytest.fixture
def window(qtbot):
    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    return w


def child(window, kind, name):
    widget = window.findChild(kind, name)
    assert widget is not None, name
    return widget


def table(window) -> dict[str, dict[str, str]]:
    """{row name: {column header: text}} through the Qt model, and the header tooltips."""
    model = window.findChild(QTableView, "dimensionTable").model()
    headers = [model.headerData(c, Qt.Horizontal) for c in range(model.columnCount())]
    return {
        model.index(r, 0).data(): {h: model.index(r, c).data() for c, h in enumerate(headers)}
        for r in range(model.rowCount())
    }


def type_into(qtbot, box, text: str) -> None:
    box.setFocus()
    box.lineEdit().selectAll()
    qtbot.keyClicks(box.lineEdit(), text)
    qtbot.keyClick(box.lineEdit(), Qt.Key_Return)


def test_keep_prob_of_a_hidden_layer_adds_its_mask_to_the_table(window, qtbot):
    child(window, QListWidget, "layerList").setCurrentRow(1)
    box = child(window, QDoubleSpinBox, "keepProbBox")
    assert box.isEnabled() and box.value() == 1.0
    assert "D[l]" not in next(iter(table(window).values()))  # no dropout, no mask column
    type_into(qtbot, box, "0.8")
    assert window.session.hidden_layers == (LayerSpec(4, "tanh", 0.8),)
    assert window.session.network.keep_prob == (0.8,)
    rows = table(window)
    m = window.session.m
    assert rows["1"]["D[l]"] == f"(4, {m})"
    assert rows["2"]["D[l]"] == "—"  # the output layer is never dropped
    model = window.findChild(QTableView, "dimensionTable").model()
    column = [model.headerData(c, Qt.Horizontal) for c in range(model.columnCount())]
    tip = model.index(1, column.index("D[l]")).data(Qt.ToolTipRole)
    assert "keep_prob = 0.8" in tip
    window.undo_stack.undo()
    assert window.session.network.keep_prob == (1.0,)
    assert box.value() == 1.0


def test_batch_norm_adds_gamma_and_beta_with_their_gradients(window, qtbot):
    child(window, QListWidget, "layerList").setCurrentRow(1)
    check = child(window, QCheckBox, "batchNormCheckBox")
    qtbot.mouseClick(check, Qt.LeftButton)
    assert window.session.hidden_layers == (LayerSpec(4, "tanh", 1.0, True),)
    net = window.session.network
    assert set(net.params) == {"W1", "b1", "gamma1", "beta1", "W2", "b2"}
    rows = table(window)
    assert rows["1"]["γ[l]"] == rows["1"]["β[l]"] == "(4, 1)"
    assert rows["2"]["γ[l]"] == "—"
    assert rows["1"]["parameters"] == str(4 * 2 + 4 + 8)
    child(window, QCheckBox, "gradientShapesCheckBox").setChecked(True)
    rows = table(window)
    assert rows["1"]["dγ[l]"] == rows["1"]["dβ[l]"] == "(4, 1)"
    # the output row and the input row edit nothing of the kind
    child(window, QListWidget, "layerList").setCurrentRow(2)
    assert not check.isEnabled() and not child(window, QDoubleSpinBox, "keepProbBox").isEnabled()


def test_editing_units_keeps_the_layers_dropout_and_batch_norm(window, qtbot):
    child(window, QListWidget, "layerList").setCurrentRow(1)
    qtbot.mouseClick(child(window, QCheckBox, "batchNormCheckBox"), Qt.LeftButton)
    type_into(qtbot, child(window, QDoubleSpinBox, "keepProbBox"), "0.5")
    spin = window.layer_editor.units_spin
    spin.setFocus()
    spin.lineEdit().selectAll()
    qtbot.keyClicks(spin.lineEdit(), "6")
    qtbot.keyClick(spin.lineEdit(), Qt.Key_Return)
    assert window.session.hidden_layers == (LayerSpec(6, "tanh", 0.5, True),)
