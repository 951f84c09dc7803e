"""Poking at the data and the boundary: hard class regions, hiding the validation points, and
points added (click) or removed (Shift+click) on the data plot, undoable and kept in the file."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QSpinBox

from nnstudio.learn.view_data import LEVELS

WAIT = 20_000


def train(qtbot, window, epochs: int = 30) -> None:
    window.training.panel.epochs.setValue(epochs)
    with qtbot.waitSignal(window.training.controller.finished, timeout=WAIT):
        qtbot.mouseClick(window.training.panel.train_button, Qt.MouseButton.LeftButton)


def child(window, cls, name: str):
    found = window.findChild(cls, name)
    assert found is not None, name
    return found


def toggle(qtbot, box: QCheckBox) -> None:
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))


def m_in_table(window) -> int:
    """The m of the dimension table, read from X = A[0]'s shape (n[0], m)."""
    text = window.dimension_table.model().cell("X", "A")
    return int(text.strip("()").split(",")[1])


def click_data(qtbot, window, x: float, y: float, shift: bool = False) -> None:
    """Click the data plot at plot coordinates (x, y)."""
    plot = window.data_panel.plot
    box = plot.getPlotItem().getViewBox()
    scene = box.mapViewToScene(QPointF(x, y))
    pixel = plot.mapFromScene(scene)
    modifier = Qt.KeyboardModifier.ShiftModifier if shift else Qt.KeyboardModifier.NoModifier
    qtbot.mouseClick(plot.viewport(), Qt.MouseButton.LeftButton, modifier, pixel)


def class_map_colours(view) -> set[tuple[int, ...]]:
    image = view.class_map.image
    return {tuple(int(v) for v in rgba) for rgba in image.reshape(-1, 4)}


def test_discretize_shows_only_the_class_colours(qtbot, window):
    ui = window.training
    view = ui.decision_view
    window.views.setCurrentWidget(view)
    train(qtbot, window)
    check = child(window, QCheckBox, "discretizeCheck")
    assert check.isEnabled() and not check.isChecked()
    qtbot.waitUntil(lambda: view.class_map.isVisible(), timeout=WAIT)
    lut = ui.controller.views.probe.map_lut
    full = {tuple(int(v) for v in lut[k * LEVELS + LEVELS - 1]) for k in range(2)}
    shaded = class_map_colours(view)
    assert len(shaded - full) > 10  # paler where the network is unsure

    toggle(qtbot, check)
    assert check.isChecked()
    qtbot.waitUntil(lambda: class_map_colours(view) <= full, timeout=WAIT)
    assert len(class_map_colours(view)) == 2  # both classes have a region
    assert "discretized" in view.title.text()

    toggle(qtbot, check)  # the shades again
    qtbot.waitUntil(lambda: len(class_map_colours(view) - full) > 10, timeout=WAIT)


def test_discretize_is_off_for_a_regression(qtbot, window):
    combo = child(window, QComboBox, "datasetCombo")
    combo.setCurrentIndex(combo.findData("sine"))
    check = child(window, QCheckBox, "discretizeCheck")
    qtbot.waitUntil(lambda: not check.isEnabled(), timeout=WAIT)
    assert "regression" in check.toolTip()


def test_show_validation_toggles_the_hollow_points(qtbot, window):
    view = window.training.decision_view
    window.views.setCurrentWidget(view)
    check = child(window, QCheckBox, "showValidationCheck")
    assert not check.isEnabled()  # the flower trains on all of its samples
    child(window, QSpinBox, "validationSpinBox").setValue(20)
    qtbot.waitUntil(check.isEnabled, timeout=WAIT)
    assert check.isChecked() and view.val_points.isVisible()
    assert len(view.val_points.data) == 80
    toggle(qtbot, check)
    assert not view.val_points.isVisible() and view.points.isVisible()
    toggle(qtbot, check)
    assert view.val_points.isVisible()


def test_clicking_the_data_plot_adds_and_removes_points(qtbot, window, tmp_path):
    session = window.session
    assert session.dataset.m == 400 and m_in_table(window) == 400
    train(qtbot, window, epochs=10)
    weights = {k: v.copy() for k, v in session.network.params.items()}
    child(window, QCheckBox, "editPointsCheck").setChecked(True)
    classes = child(window, QComboBox, "pointClassCombo")
    classes.setCurrentIndex(1)
    click_data(qtbot, window, 0.5, -0.25)

    assert session.dataset.m == 401 and m_in_table(window) == 401
    assert session.dataset.name == "flower (edited)"
    assert session.dataset.source["kind"] == "edited"
    assert session.dataset.source["from"]["name"] == "flower"
    np.testing.assert_allclose(session.dataset.X[:, -1], [0.5, -0.25], atol=0.05)
    assert int(session.dataset.Y[0, -1]) == 1
    for name, value in weights.items():  # one point more: training goes on from here
        np.testing.assert_array_equal(session.network.params[name], value)
    assert "Edited: flower" in window.data_panel.dataset_combo.currentText()

    window.undo_stack.undo()
    assert session.dataset.m == 400 and m_in_table(window) == 400
    window.undo_stack.redo()
    assert m_in_table(window) == 401

    # Shift+click on the new point removes it again
    click_data(qtbot, window, *session.dataset.X[:, -1], shift=True)
    assert session.dataset.m == 400 and m_in_table(window) == 400
    assert session.dataset.source["kind"] == "edited"
    click_data(qtbot, window, 0.1, 0.1)  # class 1 again: the data to save
    edited = session.dataset
    assert edited.m == 401

    path = tmp_path / "poked.nnstudio"
    assert window.file_controller.save_to(path)
    combo = child(window, QComboBox, "datasetCombo")
    combo.setCurrentIndex(combo.findData("moons"))
    assert session.dataset.name != edited.name
    assert window.open_path(path)
    assert session.dataset == edited
    assert m_in_table(window) == 401
    assert "Edited: flower" in window.data_panel.dataset_combo.currentText()


def test_a_click_on_standardised_inputs_is_stored_in_the_datas_units(qtbot, window):
    session = window.session
    toggle(qtbot, child(window, QCheckBox, "standardizeCheckBox"))
    assert session.data_choice.standardize
    toggle(qtbot, child(window, QCheckBox, "editPointsCheck"))
    click_data(qtbot, window, 1.0, -1.0)
    scaler = session.prepared.standardizer
    raw = session.dataset.X[:, -1]
    # the plot shows x̃ = (x − μ) / σ; the point is stored as x = x̃·σ + μ
    assert not np.allclose(raw, [1.0, -1.0], atol=0.05)
    np.testing.assert_allclose(scaler.transform(raw.reshape(2, 1))[:, 0], [1.0, -1.0], atol=0.05)
    assert "standardised" in child(window, object, "pointEditHint").text()


def test_points_cannot_be_clicked_in_while_a_run_trains(qtbot, window):
    session = window.session
    edit = child(window, QCheckBox, "editPointsCheck")
    edit.setChecked(True)
    window.training.panel.epochs.setValue(1_000_000)
    qtbot.mouseClick(window.training.panel.train_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.training.controller.is_running, timeout=WAIT)
    assert not window.data_panel.point_editor.isEnabled()
    click_data(qtbot, window, 0.5, 0.5)
    assert session.dataset.m == 400
    with qtbot.waitSignal(window.training.controller.finished, timeout=WAIT):
        qtbot.mouseClick(window.training.panel.stop_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(window.data_panel.point_editor.isEnabled, timeout=WAIT)
    click_data(qtbot, window, 0.5, 0.5)
    assert session.dataset.m == 401
