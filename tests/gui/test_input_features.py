"""The input-feature check boxes of the builder (x₁², x₁x₂, sin x₁ … as in Playground), driven
through the real main window: n[0], the dimension table and the diagram follow, Ctrl+Z undoes,
a run trains on the features, the model file keeps them, and data without two features
disables them."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QLabel,
    QListWidget,
    QStyle,
    QStyleOptionButton,
    QTableView,
)

from nnstudio.data import Dataset
from nnstudio.gui.training.probe import ProbeCache
from nnstudio.learn import compute_views

KEYS = ("x1", "x2", "x1sq", "x2sq", "x1x2", "sinx1", "sinx2")
WAIT = 20_000


def check(window, key: str) -> QCheckBox:
    box = window.findChild(QCheckBox, f"featureCheck_{key}")
    assert box is not None, key
    return box


def select_input_row(qtbot, window) -> None:
    """Click the "Input X" row of the layer list, as a learner does."""
    layers = window.findChild(QListWidget, "layerList")
    rect = layers.visualItemRect(layers.item(0))
    qtbot.mouseClick(layers.viewport(), Qt.LeftButton, pos=rect.center())
    assert layers.currentRow() == 0


def click(qtbot, box: QCheckBox) -> None:
    """Click the box's indicator (the box is wider than its text)."""
    option = QStyleOptionButton()
    box.initStyleOption(option)
    indicator = box.style().subElementRect(QStyle.SE_CheckBoxIndicator, option, box)
    qtbot.mouseClick(box, Qt.LeftButton, pos=indicator.center())


def table(window) -> dict[str, dict[str, str]]:
    model = window.findChild(QTableView, "dimensionTable").model()
    headers = [model.headerData(c, Qt.Horizontal) for c in range(model.columnCount())]
    return {
        model.index(r, 0).data(): {h: model.index(r, c).data() for c, h in enumerate(headers)}
        for r in range(model.rowCount())
    }


def input_labels(window) -> list[str]:
    """The texts drawn in the diagram's input units, top to bottom."""
    units = sorted((u, item) for (l, u), item in window.diagram.units.items() if l == 0)
    return [item.childItems()[0].toPlainText() for _u, item in units]


def press(qtbot, window, redo: bool = False) -> None:
    """Ctrl+Z (Ctrl+Shift+Z) on the focused main window."""
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    target = window.findChild(QListWidget, "layerList")
    target.setFocus()
    modifiers = Qt.ControlModifier | (Qt.ShiftModifier if redo else Qt.NoModifier)
    qtbot.keyClick(target, Qt.Key_Z, modifiers)


def test_the_input_row_shows_the_seven_check_boxes(window, qtbot):
    for key in KEYS:
        assert not check(window, key).isVisible()  # a hidden layer is selected at the start
    select_input_row(qtbot, window)
    assert [check(window, key).text() for key in KEYS] == [
        "x₁",
        "x₂",
        "x₁²",
        "x₂²",
        "x₁x₂",
        "sin x₁",
        "sin x₂",
    ]
    assert all(check(window, key).isVisible() and check(window, key).isEnabled() for key in KEYS)
    assert [check(window, key).isChecked() for key in KEYS] == [True, True] + [False] * 5


def test_checking_x1_squared_widens_the_input_and_ctrl_z_takes_it_back(window, qtbot):
    session = window.session
    select_input_row(qtbot, window)
    assert table(window)["1"]["W[l]"] == "(4, 2)" and input_labels(window) == ["x1", "x2"]

    click(qtbot, check(window, "x1sq"))
    assert session.input_features == ("x1", "x2", "x1sq")
    assert session.spec.layer_dims == (3, 4, 1)
    assert table(window)["1"]["W[l]"] == "(4, 3)"
    assert table(window)["X"]["n[l]"] == "3" and table(window)["X"]["A[l]"] == "(3, 400)"
    assert input_labels(window) == ["x1", "x2", "x12"]  # x₁, x₂, x₁²
    assert window.diagram.unit_tooltip(0, 2).startswith("x₁²: an input feature")
    rows = window.findChild(QListWidget, "layerList")
    assert rows.item(0).text() == "Input X: 3 features (x₁, x₂, x₁²)"

    press(qtbot, window)
    assert session.input_features == ("x1", "x2") and session.spec.layer_dims == (2, 4, 1)
    assert not check(window, "x1sq").isChecked()
    assert table(window)["1"]["W[l]"] == "(4, 2)" and input_labels(window) == ["x1", "x2"]
    press(qtbot, window, redo=True)
    assert check(window, "x1sq").isChecked() and table(window)["1"]["W[l]"] == "(4, 3)"


def test_the_last_checked_feature_stays_checked(window, qtbot):
    select_input_row(qtbot, window)
    click(qtbot, check(window, "x1"))
    assert window.session.spec.layer_dims == (1, 4, 1)
    depth = window.undo_stack.count()
    click(qtbot, check(window, "x2"))
    assert check(window, "x2").isChecked() and window.session.input_features == ("x2",)
    assert window.undo_stack.count() == depth
    note = window.findChild(QLabel, "featureNoteLabel")
    assert note.isVisible() and "At least one feature must stay checked" in note.text()


def test_a_run_trains_on_the_features_and_the_boundary_is_drawn_over_x1_x2(window, qtbot):
    ui, session = window.training, window.session
    select_input_row(qtbot, window)
    for key in ("x1sq", "x2sq"):
        click(qtbot, check(window, key))
    assert session.spec.layer_dims == (4, 4, 1)
    session.set_settings(epochs=30)
    window.views.setCurrentWidget(ui.decision_view)
    with qtbot.waitSignal(ui.controller.finished, timeout=WAIT):
        ui.panel.train_action.trigger()
    assert session.history.step[-1] == 30
    probe = ProbeCache().get(session)
    assert probe.X.shape[0] == 2 and probe.inputs.shape[0] == 4  # plotted in (x₁, x₂)
    expected = compute_views(session.network.params, session.spec, probe, 30)
    qtbot.waitUntil(
        lambda: (
            ui.decision_view.class_map.image is not None
            and np.array_equal(ui.decision_view.class_map.image, expected.output_image)
        ),
        timeout=WAIT,
    )


def test_saving_and_reopening_keeps_the_features(window, qtbot, tmp_path, monkeypatch):
    path = tmp_path / "features.nnstudio"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(path), ""))
    )
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(path), ""))
    )
    select_input_row(qtbot, window)
    for key in ("x1x2", "sinx1"):
        click(qtbot, check(window, key))
    weights = window.session.network.copy()
    window.findChild(object, "saveAsAction").trigger()
    assert path.is_file()

    window.findChild(object, "newAction").trigger()
    assert window.session.input_features == ("x1", "x2") and not check(window, "x1x2").isChecked()
    window.findChild(object, "openAction").trigger()
    session = window.session
    assert session.input_features == ("x1", "x2", "x1x2", "sinx1")
    assert session.network == weights
    select_input_row(qtbot, window)
    assert [check(window, key).isChecked() for key in KEYS] == [
        True,
        True,
        False,
        False,
        True,
        True,
        False,
    ]
    assert table(window)["1"]["W[l]"] == "(4, 4)"
    assert input_labels(window) == ["x1", "x2", "x1x2", "sin x1"]


def three_features() -> Dataset:
    rng = np.random.default_rng(1)
    X, Y = rng.normal(size=(3, 40)), rng.integers(0, 2, size=(1, 40))
    return Dataset(X, Y, "binary", ("a", "b", "c"), ("no", "yes"), "three")


@pytest.mark.parametrize("n", [1, 3])
def test_the_boxes_are_disabled_for_data_without_two_features(window, qtbot, n):
    select_input_row(qtbot, window)
    click(qtbot, check(window, "x1sq"))
    if n == 1:
        combo = window.findChild(QComboBox, "datasetCombo")
        combo.setCurrentIndex(combo.findData("sine"))
    else:
        assert window.data_panel.use_imported(three_features())
    session = window.session
    assert session.input_features == ("x1", "x2") and session.spec.layer_dims[0] == n
    select_input_row(qtbot, window)
    for key in KEYS:
        box = check(window, key)
        assert box.isVisible() and not box.isEnabled() and not box.isChecked()
        assert f"this data has {n}" in box.toolTip()
    note = window.findChild(QLabel, "featureNoteLabel")
    assert note.isVisible() and f"this data has {n}" in note.text()

    press(qtbot, window)  # back to the flower with x₁²
    select_input_row(qtbot, window)
    assert check(window, "x1sq").isEnabled() and check(window, "x1sq").isChecked()
    assert not note.isVisible()


def test_the_data_summary_names_the_network_inputs_the_features_make(qtbot, window):
    summary = window.findChild(QLabel, "dataSummaryLabel")
    assert "n<sup>[0]</sup> = 2 features" in summary.text()
    select_input_row(qtbot, window)
    click(qtbot, check(window, "x1sq"))
    assert window.session.spec.layer_dims[0] == 3
    assert "2 features, made into n<sup>[0]</sup> = 3 network inputs" in summary.text()
    window.undo_action.trigger()
    assert "n<sup>[0]</sup> = 2 features" in summary.text()
