"""The main window: building the network, the diagram, the dimension table, undo and redo."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDockWidget,
    QDoubleSpinBox,
    QLabel,
    QListWidget,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableView,
    QTabWidget,
)

from nnstudio.gui import MainWindow
from nnstudio.gui.builder.network_diagram import EdgeItem, MoreItem, UnitItem
from nnstudio.session import LayerSpec


@pytest.fixture
def window(qtbot):
    w = MainWindow()
    qtbot.addWidget(w)
    return w


def test_the_status_bar_shows_the_network_summary(window, qtbot):
    window.show()
    label = window.statusBar().findChild(QLabel, "networkSummaryLabel")
    assert label is not None and label.isVisible()
    assert label.text() == (
        "2-layer network (1 hidden + output) · 17 parameters · m = 400 training samples"
    )
    window.layer_editor.add_button.click()
    qtbot.waitUntil(lambda: label.text().startswith("3-layer network"))


def table(window) -> dict[str, dict[str, str]]:
    """The dimension table as {row name: {column header: text}}, read through the Qt model."""
    view = window.findChild(QTableView, "dimensionTable")
    model = view.model()
    headers = [model.headerData(c, Qt.Horizontal) for c in range(model.columnCount())]
    rows = {}
    for r in range(model.rowCount()):
        name = model.index(r, 0).data()
        rows[name] = {h: model.index(r, c).data() for c, h in enumerate(headers)}
    return rows


def child(window, kind, name):
    widget = window.findChild(kind, name)
    assert widget is not None, name
    return widget


def select_layer(window, row: int) -> None:
    child(window, QListWidget, "layerList").setCurrentRow(row)


def type_into(qtbot, spin: QSpinBox, text: str) -> None:
    spin.setFocus()
    spin.lineEdit().selectAll()
    qtbot.keyClicks(spin.lineEdit(), text)
    qtbot.keyClick(spin.lineEdit(), Qt.Key_Return)


def drawn_units(window, layer: int) -> int:
    return sum(1 for (l, _u) in window.diagram.units if l == layer)


def test_default_state_is_the_article_network_on_the_flower(window):
    session = window.session
    assert session.dataset.name == "flower"
    assert session.spec.layer_dims == (2, 4, 1)
    assert session.spec.activations == ("tanh", "sigmoid")
    assert session.m == 400

    rows = table(window)
    assert list(rows) == ["X", "1", "2", "Y", "total"]
    assert rows["X"]["A[l]"] == "(2, 400)"
    assert rows["1"]["W[l]"] == "(4, 2)"
    assert rows["1"]["b[l]"] == "(4, 1)"
    assert rows["1"]["Z[l]"] == "(4, 400)"
    assert rows["1"]["A[l]"] == "(4, 400)"
    assert rows["1"]["g[l]"] == "tanh"
    assert rows["2"]["W[l]"] == "(1, 4)"
    assert rows["2"]["g[l]"] == "sigmoid"
    assert rows["Y"]["A[l]"] == "(1, 400)"
    assert rows["1"]["parameters"] == "12"
    assert rows["total"]["parameters"] == "17"

    assert child(window, QListWidget, "layerList").count() == 3
    assert child(window, QComboBox, "datasetCombo").currentData() == "flower"
    assert child(window, QSpinBox, "samplesSpinBox").value() == 400
    assert [drawn_units(window, l) for l in range(3)] == [2, 4, 1]
    assert len([i for i in window.diagram.scene().items() if isinstance(i, EdgeItem)]) == 12
    tabs = child(window, QTabWidget, "viewTabs")
    assert window.views is tabs and window.centralWidget().isAncestorOf(tabs)
    assert tabs.tabText(0) == "Network"


@pytest.mark.parametrize(
    "kind, name",
    [
        (QListWidget, "layerList"),
        (QPushButton, "addLayerButton"),
        (QPushButton, "removeLayerButton"),
        (QPushButton, "moveLayerUpButton"),
        (QPushButton, "moveLayerDownButton"),
        (QSpinBox, "unitsSpinBox"),
        (QComboBox, "activationCombo"),
        (QTableView, "dimensionTable"),
        (QComboBox, "datasetCombo"),
        (QSpinBox, "samplesSpinBox"),
        (QSpinBox, "classesSpinBox"),
        (QDoubleSpinBox, "dataSeedSpinBox"),
        (QSpinBox, "validationSpinBox"),
        (QPushButton, "importCsvButton"),
        (QCheckBox, "gradientShapesCheckBox"),
        (QCheckBox, "standardizeCheckBox"),
        (QDockWidget, "builderDock"),
        (QDockWidget, "dataDock"),
    ],
)
def test_controls_have_object_names(window, kind, name):
    child(window, kind, name)


def test_named_views_exist(window):
    assert window.findChild(object, "networkDiagram") is window.diagram
    assert window.findChild(object, "noiseSpinBox") is not None
    assert window.findChild(object, "dataPlot") is not None
    for menu in (window.file_menu, window.edit_menu, window.view_menu, window.help_menu):
        assert menu.actions()


def test_add_layer_inserts_after_the_selected_one(window, qtbot):
    select_layer(window, 1)
    qtbot.mouseClick(child(window, QPushButton, "addLayerButton"), Qt.LeftButton)
    assert window.session.spec.layer_dims == (2, 4, 4, 1)
    assert list(table(window)) == ["X", "1", "2", "3", "Y", "total"]
    assert table(window)["2"]["W[l]"] == "(4, 4)"
    assert table(window)["total"]["parameters"] == str(12 + 20 + 5)
    assert child(window, QListWidget, "layerList").count() == 4
    assert child(window, QListWidget, "layerList").currentRow() == 2
    assert [drawn_units(window, l) for l in range(4)] == [2, 4, 4, 1]


def test_remove_layer_leaves_logistic_regression(window, qtbot):
    select_layer(window, 1)
    qtbot.mouseClick(child(window, QPushButton, "removeLayerButton"), Qt.LeftButton)
    assert window.session.spec.layer_dims == (2, 1)
    assert list(table(window)) == ["X", "1", "Y", "total"]
    assert table(window)["1"]["W[l]"] == "(1, 2)"
    assert table(window)["total"]["parameters"] == "3"
    assert [drawn_units(window, l) for l in range(2)] == [2, 1]
    # input and output rows cannot be removed
    for row in (0, 1):
        select_layer(window, row)
        assert not child(window, QPushButton, "removeLayerButton").isEnabled()


def test_move_layers_up_and_down(window, qtbot):
    window.show()
    select_layer(window, 1)
    qtbot.mouseClick(child(window, QPushButton, "addLayerButton"), Qt.LeftButton)
    combo = child(window, QComboBox, "activationCombo")
    combo.setCurrentIndex(combo.findData("relu"))
    type_into(qtbot, child(window, QSpinBox, "unitsSpinBox"), "8")
    assert window.session.hidden_layers == (LayerSpec(4, "tanh"), LayerSpec(8, "relu"))
    assert not child(window, QPushButton, "moveLayerDownButton").isEnabled()

    qtbot.mouseClick(child(window, QPushButton, "moveLayerUpButton"), Qt.LeftButton)
    assert window.session.hidden_layers == (LayerSpec(8, "relu"), LayerSpec(4, "tanh"))
    assert child(window, QListWidget, "layerList").currentRow() == 1
    assert table(window)["1"]["W[l]"] == "(8, 2)"
    assert table(window)["2"]["W[l]"] == "(4, 8)"
    assert not child(window, QPushButton, "moveLayerUpButton").isEnabled()

    qtbot.mouseClick(child(window, QPushButton, "moveLayerDownButton"), Qt.LeftButton)
    assert window.session.hidden_layers == (LayerSpec(4, "tanh"), LayerSpec(8, "relu"))
    assert child(window, QListWidget, "layerList").currentRow() == 2


def test_units_by_typing_and_by_arrow_keys(window, qtbot):
    window.show()
    select_layer(window, 1)
    spin = child(window, QSpinBox, "unitsSpinBox")
    type_into(qtbot, spin, "7")
    assert window.session.spec.layer_dims == (2, 7, 1)
    assert table(window)["1"]["W[l]"] == "(7, 2)"
    assert table(window)["2"]["W[l]"] == "(1, 7)"
    assert drawn_units(window, 1) == 7
    qtbot.keyClick(spin, Qt.Key_Up)
    assert window.session.spec.layer_dims == (2, 8, 1)
    assert table(window)["1"]["b[l]"] == "(8, 1)"


def test_units_by_set_value_and_editing_finished(window):
    select_layer(window, 1)
    spin = child(window, QSpinBox, "unitsSpinBox")
    spin.setValue(5)
    spin.editingFinished.emit()
    assert window.session.spec.layer_dims == (2, 5, 1)
    assert table(window)["1"]["Z[l]"] == "(5, 400)"


def test_activation_edit(window):
    select_layer(window, 1)
    combo = child(window, QComboBox, "activationCombo")
    combo.setCurrentIndex(combo.findData("relu"))
    assert window.session.spec.activations == ("relu", "sigmoid")
    assert table(window)["1"]["g[l]"] == "relu"
    assert "relu" in child(window, QListWidget, "layerList").item(1).text()


def test_undo_redo_through_the_stack(window, qtbot):
    select_layer(window, 1)
    qtbot.mouseClick(child(window, QPushButton, "addLayerButton"), Qt.LeftButton)
    child(window, QSpinBox, "unitsSpinBox").setValue(6)
    assert window.session.spec.layer_dims == (2, 4, 6, 1)
    assert window.undo_stack.count() == 2

    window.undo_stack.undo()
    assert window.session.spec.layer_dims == (2, 4, 4, 1)
    assert table(window)["2"]["W[l]"] == "(4, 4)"
    assert child(window, QSpinBox, "unitsSpinBox").value() == 4
    window.undo_stack.undo()
    assert window.session.spec.layer_dims == (2, 4, 1)
    assert list(table(window)) == ["X", "1", "2", "Y", "total"]
    assert not window.undo_action.isEnabled()
    window.undo_stack.redo()
    window.undo_stack.redo()
    assert window.session.spec.layer_dims == (2, 4, 6, 1)
    assert [drawn_units(window, l) for l in range(4)] == [2, 4, 6, 1]


def test_consecutive_unit_steps_undo_at_once(window, qtbot):
    select_layer(window, 1)
    spin = child(window, QSpinBox, "unitsSpinBox")
    for _ in range(3):
        spin.stepUp()
    assert window.session.spec.layer_dims == (2, 7, 1)
    assert window.undo_stack.count() == 1
    window.undo_stack.undo()
    assert window.session.spec.layer_dims == (2, 4, 1)


def test_undo_redo_with_key_sequences(window, qtbot):
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    select_layer(window, 1)
    qtbot.mouseClick(child(window, QPushButton, "removeLayerButton"), Qt.LeftButton)
    assert window.session.spec.layer_dims == (2, 1)
    target = child(window, QListWidget, "layerList")
    target.setFocus()

    qtbot.keyClick(target, Qt.Key_Z, Qt.ControlModifier)
    assert window.session.spec.layer_dims == (2, 4, 1)
    assert table(window)["1"]["W[l]"] == "(4, 2)"
    qtbot.keyClick(target, Qt.Key_Z, Qt.ControlModifier | Qt.ShiftModifier)
    assert window.session.spec.layer_dims == (2, 1)
    assert window.edit_menu.actions()[0] is window.undo_action


def test_spiral_with_three_classes_needs_three_softmax_units(window):
    combo = child(window, QComboBox, "datasetCombo")
    combo.setCurrentIndex(combo.findData("spiral"))
    session = window.session
    assert session.dataset.name == "spiral"
    # the spiral's preset: two hidden ReLU layers
    assert session.spec.layer_dims == (2, 32, 32, 3)
    assert session.spec.activations == ("relu", "relu", "softmax")
    rows = table(window)
    assert rows["3"]["g[l]"] == "softmax"
    assert rows["3"]["W[l]"] == "(3, 32)"
    assert rows["Y"]["A[l]"] == "(3, 300)"
    assert rows["X"]["A[l]"] == "(2, 300)"
    assert drawn_units(window, 3) == 3
    classes = child(window, QSpinBox, "classesSpinBox")
    assert classes.isEnabled() and classes.value() == 3

    classes.setValue(5)
    assert session.spec.layer_dims == (2, 32, 32, 5)
    assert table(window)["3"]["b[l]"] == "(5, 1)"
    window.undo_stack.undo()
    assert session.spec.layer_dims == (2, 32, 32, 3)
    assert classes.value() == 3
    window.undo_stack.undo()
    assert session.dataset.name == "flower"
    assert combo.currentData() == "flower"
    assert not classes.isEnabled()
    assert session.spec.layer_dims == (2, 4, 1)


def test_sine_regression_has_a_linear_output_and_x_y_plot(window):
    combo = child(window, QComboBox, "datasetCombo")
    combo.setCurrentIndex(combo.findData("sine"))
    assert window.session.spec.layer_dims == (1, 16, 1)
    assert window.session.spec.activations == ("tanh", "linear")
    assert table(window)["X"]["A[l]"] == "(1, 200)"
    x, y = window.data_panel.train_scatter.getData()
    assert len(x) == 200
    assert y.max() > 0.5 and y.min() < -0.5  # a sine, not class indices


def test_samples_noise_seed_and_validation_follow_into_m(window, qtbot):
    window.show()
    type_into(qtbot, child(window, QSpinBox, "samplesSpinBox"), "600")
    assert window.session.m == 600
    assert table(window)["1"]["Z[l]"] == "(4, 600)"
    child(window, QSpinBox, "validationSpinBox").setValue(25)
    assert window.session.m == 450
    assert table(window)["X"]["A[l]"] == "(2, 450)"
    x, _ = window.data_panel.validation_scatter.getData()
    assert len(x) == 150
    window.findChild(object, "noiseSpinBox").setValue(0.5)
    assert window.session.dataset.source["params"]["noise"] == 0.5
    child(window, QDoubleSpinBox, "dataSeedSpinBox").setValue(7)
    assert window.session.dataset.source["params"]["seed"] == 7
    assert window.undo_stack.count() == 4
    for _ in range(3):
        window.undo_stack.undo()
    assert window.session.m == 600
    window.undo_stack.undo()
    assert window.session.m == 400


def test_softmax_in_a_hidden_layer_is_refused_with_a_reason(window):
    select_layer(window, 1)
    combo = child(window, QComboBox, "activationCombo")
    combo.setCurrentIndex(combo.findData("softmax"))
    assert window.session.spec.activations == ("tanh", "sigmoid")
    assert combo.currentData() == "tanh"
    assert window.undo_stack.count() == 0
    message = window.layer_editor.message_label
    assert not message.isHidden()
    assert "softmax" in message.text() and "output layer" in message.text()
    assert "softmax" in window.statusBar().currentMessage()


def test_wrong_output_is_refused_with_a_reason(window):
    select_layer(window, 2)
    combo = child(window, QComboBox, "activationCombo")
    combo.setCurrentIndex(combo.findData("relu"))
    assert window.session.spec.activations == ("tanh", "sigmoid")
    assert combo.currentData() == "sigmoid"
    assert (
        "sigmoid" in window.layer_editor.message and "cross-entropy" in window.layer_editor.message
    )

    spin = child(window, QSpinBox, "unitsSpinBox")
    spin.setValue(3)
    assert window.session.spec.layer_dims == (2, 4, 1)
    assert spin.value() == 1
    assert "1 unit" in window.layer_editor.message
    assert window.undo_stack.count() == 0

    select_layer(window, 1)  # choosing another layer clears the message
    assert window.layer_editor.message == ""


def test_input_layer_size_comes_from_the_data(window):
    select_layer(window, 0)
    assert not child(window, QSpinBox, "unitsSpinBox").isEnabled()
    assert not child(window, QComboBox, "activationCombo").isEnabled()
    assert child(window, QSpinBox, "unitsSpinBox").value() == 2
    assert "data" in window.layer_editor.hint_label.text()


def test_gradient_shapes_toggle(window, qtbot):
    window.show()
    check = child(window, QCheckBox, "gradientShapesCheckBox")
    assert "dW[l]" not in table(window)["1"]
    qtbot.mouseClick(check, Qt.LeftButton)
    assert check.isChecked()
    rows = table(window)
    assert rows["1"]["dW[l]"] == "(4, 2)"
    assert rows["1"]["db[l]"] == "(4, 1)"
    assert rows["1"]["dZ[l]"] == "(4, 400)"
    assert rows["2"]["dA[l]"] == "(1, 400)"
    assert window.gradient_shapes_action.isChecked()
    window.gradient_shapes_action.trigger()
    assert "dW[l]" not in table(window)["1"]


def test_table_tooltips_explain_shapes(window):
    model = window.dimension_table.model()
    rows = [model.index(r, 0).data() for r in range(model.rowCount())]
    headers = [model.headerData(c, Qt.Horizontal) for c in range(model.columnCount())]
    w_tip = model.index(rows.index("1"), headers.index("W[l]")).data(Qt.ToolTipRole)
    b_tip = model.index(rows.index("1"), headers.index("b[l]")).data(Qt.ToolTipRole)
    assert "no m" in w_tip
    assert "broadcast" in b_tip
    assert model.headerData(headers.index("W[l]"), Qt.Horizontal, Qt.ToolTipRole)


def test_diagram_collapses_a_1024_unit_layer(window, qtbot):
    select_layer(window, 1)
    small = window.diagram.item_count()
    with qtbot.waitSignal(window.undo_stack.indexChanged, timeout=5000):
        child(window, QSpinBox, "unitsSpinBox").setValue(1024)
    assert window.session.spec.layer_dims == (2, 1024, 1)
    assert table(window)["1"]["W[l]"] == "(1024, 2)"
    assert drawn_units(window, 1) == 6
    more = [i for i in window.diagram.scene().items() if isinstance(i, MoreItem)]
    assert len(more) == 1 and "1018 more" in more[0].toPlainText()
    assert window.diagram.item_count() < small + 40
    # two collapsed layers side by side stay small too
    qtbot.mouseClick(child(window, QPushButton, "addLayerButton"), Qt.LeftButton)
    assert window.session.spec.layer_dims == (2, 1024, 1024, 1)
    assert window.diagram.item_count() < 150


def test_edges_show_sign_and_size_of_the_weights(window, qtbot):
    params = window.session.network.params
    params["W1"][...] = 0.0
    params["W1"][0, 0] = 2.0
    params["W1"][1, 1] = -1.0
    window.session.events.emit("weights")
    edges = {(e.layer, e.row, e.col): e for e in window.diagram.edges}
    qtbot.waitUntil(lambda: edges[(1, 0, 0)].pen().widthF() > 4)
    strong, negative = edges[(1, 0, 0)].pen(), edges[(1, 1, 1)].pen()
    assert strong.color().blue() > strong.color().red()  # blue: positive
    assert negative.color().red() > negative.color().blue()  # orange: negative
    assert negative.widthF() < strong.widthF()
    tip = window.diagram.edge_tooltip(1, 1, 1)
    assert "W[1][2, 2]" in tip and "-1" in tip
    unit_tip = window.diagram.unit_tooltip(1, 0)
    assert "b = " in unit_tip and "+2" in unit_tip


def test_hover_tooltip_finds_units_and_edges(window):
    window.show()
    diagram = window.diagram
    unit = diagram.units[(1, 2)]
    pos = diagram.mapFromScene(unit.scenePos())
    assert diagram.tooltip_at(pos).startswith("Unit 3 of layer [1]")
    edge = next(e for e in diagram.edges if (e.layer, e.row, e.col) == (2, 0, 3))
    middle = edge.line().pointAt(0.5)
    assert diagram.tooltip_at(diagram.mapFromScene(middle)).startswith("w = W[2][1, 4]")


def test_clicking_a_unit_emits_unit_selected(window, qtbot):
    window.show()
    qtbot.waitExposed(window)
    diagram = window.diagram
    unit = diagram.units[(1, 3)]
    pos = diagram.mapFromScene(unit.scenePos())
    with qtbot.waitSignal(diagram.unitSelected, timeout=2000) as blocker:
        qtbot.mouseClick(diagram.viewport(), Qt.LeftButton, pos=pos)
    assert blocker.args == [1, 3]
    assert diagram.selected == (1, 3)
    assert child(window, QListWidget, "layerList").currentRow() == 1
    assert isinstance(unit, UnitItem)


def test_editing_lock_disables_builder_data_and_undo(window, qtbot):
    select_layer(window, 1)
    qtbot.mouseClick(child(window, QPushButton, "addLayerButton"), Qt.LeftButton)
    window.set_editing_locked(True, "Training is running: stop it to change the network.")
    for kind, name in (
        (QPushButton, "addLayerButton"),
        (QSpinBox, "unitsSpinBox"),
        (QComboBox, "datasetCombo"),
        (QPushButton, "importCsvButton"),
    ):
        assert not child(window, kind, name).isEnabled(), name
    assert not window.undo_action.isEnabled()
    assert "Training is running" in window.statusBar().currentMessage()
    assert "Training is running" in window.layer_editor.toolTip()
    assert not window.builder_lock_label.isHidden()

    window.set_editing_locked(False, "")
    assert child(window, QPushButton, "addLayerButton").isEnabled()
    assert child(window, QComboBox, "datasetCombo").isEnabled()
    assert window.undo_action.isEnabled()
    assert window.builder_lock_label.isHidden()


def test_view_menu_toggles_docks(window, qtbot):
    window.show()
    qtbot.waitExposed(window)
    toggle = window.builder_dock.toggleViewAction()
    assert toggle in window.view_menu.actions()
    toggle.trigger()
    assert not window.builder_dock.isVisible()
    toggle.trigger()
    assert window.builder_dock.isVisible()


def test_window_state_is_kept_in_settings(qtbot):
    first = MainWindow()
    qtbot.addWidget(first)
    first.show()
    qtbot.waitExposed(first)
    first.resize(first.width(), 560)  # the offscreen platform's screen is 800 × 600
    first.data_dock.toggleViewAction().trigger()
    saved_height = first.height()
    first.close()
    settings = QSettings()
    assert not settings.value("mainWindow/geometry").isEmpty()
    assert not settings.value("mainWindow/state").isEmpty()

    second = MainWindow()
    qtbot.addWidget(second)
    assert abs(second.height() - saved_height) <= 2
    assert second.data_dock.isHidden()
    assert not second.builder_dock.isHidden()


def test_screenshot_is_not_blank(window, qtbot, tmp_path):
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    path = tmp_path / "main-window.png"
    assert window.grab().save(str(path))
    image = QImage(str(path))
    assert image.width() >= 1000 and image.height() >= 600
    colours = {
        image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)
    }
    assert len(colours) > 50


def test_refused_data_change_says_why_and_restores_the_controls(window, monkeypatch):
    shown = []
    monkeypatch.setattr(
        QMessageBox, "warning", staticmethod(lambda parent, title, text, *a: shown.append(text))
    )

    def refuse(choice):
        raise ValueError("samples must be a whole number from 10 to 100000")

    monkeypatch.setattr(window.session, "set_data", refuse)
    spin = child(window, QSpinBox, "samplesSpinBox")
    spin.setValue(500)
    assert len(shown) == 1 and "samples must be" in shown[0]
    assert "previous data" in shown[0]
    assert spin.value() == 400
    assert window.undo_stack.count() == 0
    assert window.session.m == 400


def test_about_box(window, monkeypatch):
    shown = []
    monkeypatch.setattr(
        QMessageBox, "about", staticmethod(lambda parent, title, text: shown.append(text))
    )
    window.about_action.trigger()
    assert shown and "NN Studio" in shown[0] and "(n<sup>[l]</sup>, 1)" in shown[0]
