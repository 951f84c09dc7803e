"""The network diagram as a playground: each unit pictures its output over the plane, the
diagram stays readable as layers grow, and a click on a connection sets its weight."""

import numpy as np
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QAction, QMouseEvent, QPainterPath
from PySide6.QtWidgets import QApplication, QGraphicsTextItem, QInputDialog, QLabel, QMessageBox

from nnstudio.data import Dataset
from nnstudio.gui.builder.network_diagram import EdgeItem, MoreItem
from nnstudio.session import LayerSpec

MIN_POINTS = 9.0


def use_hidden(window, qtbot, *units: int) -> None:
    window.session.set_hidden_layers(tuple(LayerSpec(n, "tanh") for n in units))
    qtbot.waitUntil(lambda: window.diagram.pictures.showing(), timeout=5000)


def images(diagram) -> dict:
    """The picture each unit's circle is filled with."""
    shown = {}
    for key, unit in diagram.units.items():
        texture = unit.brush().texture()
        if not texture.isNull():
            shown[key] = texture.toImage()
    return shown


def viewport_point(diagram, scene_point: QPointF):
    return diagram.mapFromScene(scene_point)


def hover(widget, pos) -> None:
    """The pointer moves over ``pos`` of ``widget`` (a move event, as the platform sends)."""
    event = QMouseEvent(
        QEvent.Type.MouseMove,
        QPointF(pos),
        QPointF(widget.mapToGlobal(pos)),
        Qt.NoButton,
        Qt.NoButton,
        Qt.NoModifier,
    )
    QApplication.sendEvent(widget, event)


def test_every_drawn_unit_shows_its_picture_and_it_changes_as_it_trains(window, qtbot):
    use_hidden(window, qtbot, 8, 8)
    diagram = window.diagram
    assert window.session.spec.layer_dims == (2, 8, 8, 1)
    assert len(diagram.units) == 2 + 8 + 8 + 1
    before = images(diagram)
    assert set(before) == set(diagram.units)
    # the input pictures are x₁ and x₂ over the plane: they differ from each other
    assert before[(0, 0)] != before[(0, 1)]
    window.session.set_settings(epochs=400)
    controller = window.training.controller
    with qtbot.waitSignal(controller.finished, timeout=30000):
        controller.start()
    qtbot.waitUntil(lambda: images(diagram)[(3, 0)] != before[(3, 0)], timeout=5000)
    after = images(diagram)
    changed = [key for key in before if key[0] > 0 and after[key] != before[key]]
    assert len(changed) >= 10  # hidden and output units learnt something
    assert after[(0, 0)] == before[(0, 0)]  # the inputs stay what they are
    # the output unit shows the decision map the Decision boundary tab shows
    snapshot = controller.views
    assert snapshot is not None and snapshot.step == window.session.history.last_step


def test_no_pictures_for_three_inputs_and_the_menu_turns_them_off(window, qtbot):
    diagram = window.diagram
    qtbot.waitUntil(diagram.pictures.showing, timeout=5000)
    action = window.findChild(QAction, "unitPicturesAction")
    assert action.isChecked()
    action.trigger()
    assert images(diagram) == {}
    action.trigger()
    assert diagram.pictures.showing()
    rng = np.random.default_rng(1)
    X, Y = rng.normal(size=(3, 40)), rng.integers(0, 2, size=(1, 40))
    assert window.data_panel.use_imported(
        Dataset(X, Y, "binary", ("a", "b", "c"), ("no", "yes"), "three")
    )
    qtbot.waitUntil(lambda: window.session.spec.layer_dims[0] == 3, timeout=5000)
    qtbot.waitUntil(lambda: window.training.controller.views is not None, timeout=5000)
    assert not diagram.pictures.showing()
    assert images(diagram) == {}


def test_hover_enlarges_a_picture_and_a_click_still_selects(window, qtbot):
    qtbot.waitExposed(window)
    diagram = window.diagram
    qtbot.waitUntil(diagram.pictures.showing, timeout=5000)
    unit = diagram.units[(1, 2)]
    pos = viewport_point(diagram, unit.scenePos())
    preview = diagram.findChild(QLabel, "unitPicturePreviewImage")
    assert not preview.isVisible()
    hover(diagram.viewport(), pos)
    qtbot.waitUntil(preview.isVisible, timeout=2000)
    shown = unit.rect().width() * diagram.transform().m11()  # the circle on screen
    assert preview.pixmap().width() >= 3 * shown
    assert "unit 3 of layer [1]" in diagram.findChild(QLabel, "unitPicturePreviewName").text()
    with qtbot.waitSignal(diagram.unitSelected, timeout=2000) as blocker:
        qtbot.mouseClick(diagram.viewport(), Qt.LeftButton, pos=pos)
    assert blocker.args == [1, 2]
    assert window.training.decision_view.selected == (1, 2)
    hover(diagram.viewport(), viewport_point(diagram, unit.scenePos() + QPointF(-60, 0)))
    qtbot.waitUntil(lambda: not preview.isVisible(), timeout=2000)


def test_sixteen_units_stay_readable_and_no_line_crosses_the_marker(window, qtbot):
    use_hidden(window, qtbot, 16, 16)
    diagram = window.diagram
    scale = diagram.transform().m11()
    texts = [i for i in diagram.scene().items() if isinstance(i, QGraphicsTextItem)]
    labels = [t for t in texts if t.parentItem() is not None]  # the units' labels
    assert len(labels) == len(diagram.units) == 2 + 6 + 6 + 1  # five, "⋮", the last
    for text in texts:  # labels, markers, headers: as large on screen as the window's font
        shown = text.font().pointSizeF() * text.sceneTransform().m11() * scale
        assert shown >= MIN_POINTS - 1e-6, text.toPlainText()
    markers = [item for item in diagram.scene().items() if isinstance(item, MoreItem)]
    assert len(markers) == 2 and all("10 more" in m.toPlainText() for m in markers)
    for marker in markers:
        box = marker.sceneBoundingRect()
        area = QPainterPath()
        area.addRect(box)
        for edge in diagram.edges:  # the line as drawn, its pen's width included
            assert not edge.collidesWithPath(edge.mapFromScene(area), Qt.IntersectsItemShape), (
                edge.layer,
                edge.row,
                edge.col,
                box,
            )


def open_weight_dialog(window, qtbot, layer, row, col):
    diagram = window.diagram
    edge = next(e for e in diagram.edges if (e.layer, e.row, e.col) == (layer, row, col))
    assert isinstance(edge, EdgeItem)
    # a point of the line no other line passes near
    points = [viewport_point(diagram, edge.line().pointAt(t)) for t in (0.5, 0.3, 0.7, 0.2, 0.8)]
    pos = next(p for p in points if diagram.item_at(p) is edge)
    qtbot.mouseClick(diagram.viewport(), Qt.LeftButton, pos=pos)
    return window.findChild(QInputDialog, "weightDialog")


def test_clicking_a_connection_sets_its_weight_and_undo_restores_it(window, qtbot):
    qtbot.waitExposed(window)
    params = window.session.network.params
    old = float(params["W2"][0, 3])
    before = images(window.diagram)[(2, 0)]
    dialog = open_weight_dialog(window, qtbot, 2, 0, 3)
    assert dialog is not None and dialog.isVisible()
    assert dialog.doubleValue() == round(old, 6)
    assert "W[2][1, 4]" in dialog.labelText()
    dialog.setDoubleValue(7.5)
    dialog.accept()
    params = window.session.network.params
    assert float(params["W2"][0, 3]) == 7.5
    assert window.session.history.last_step == 0
    # the pictures follow the new weight
    qtbot.waitUntil(lambda: images(window.diagram)[(2, 0)] != before, timeout=3000)
    assert "W[2][1, 4]" in window.undo_stack.undoText()
    qtbot.keyClick(window, Qt.Key_Z, Qt.ControlModifier)
    assert float(window.session.network.params["W2"][0, 3]) == old
    qtbot.keyClick(window, Qt.Key_Z, Qt.ControlModifier | Qt.ShiftModifier)
    assert float(window.session.network.params["W2"][0, 3]) == 7.5


def test_a_connection_cannot_be_set_while_training(window, qtbot, monkeypatch):
    qtbot.waitExposed(window)
    monkeypatch.setattr(QMessageBox, "open", lambda self: None)  # the offer to end a paused run
    controller = window.training.controller
    window.session.set_settings(epochs=100000)
    controller.start()
    qtbot.waitUntil(lambda: window.editing_locked, timeout=5000)
    old = window.session.network.params["W1"].copy()
    with qtbot.waitSignal(window.diagram.editRefused, timeout=2000):
        assert open_weight_dialog(window, qtbot, 1, 1, 0) is None
    assert "Training" in window.statusBar().currentMessage()
    controller.stop()
    qtbot.waitUntil(lambda: not controller.is_busy, timeout=10000)
    assert window.undo_stack.count() == 0
    assert window.findChild(QInputDialog, "weightDialog") is None
    assert old.shape == window.session.network.params["W1"].shape


def test_a_one_input_data_set_lays_the_diagram_out_once(window, qtbot):
    """Scroll bars that come and go with the fitted scale must not make the diagram lay itself
    out again and again (a one-input data set once did, forever)."""
    from PySide6.QtWidgets import QComboBox

    rebuilds = []
    original = window.diagram.rebuild
    window.diagram.rebuild = lambda *a, **k: (rebuilds.append(1), original(*a, **k))[1]
    combo = window.findChild(QComboBox, "datasetCombo")
    combo.setCurrentIndex(combo.findData("sine"))
    qtbot.wait(200)  # let every resize the change causes arrive
    assert len(rebuilds) < 10
