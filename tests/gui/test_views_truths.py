"""Smaller truths the live views tell: why there is no decision boundary for more than two
features, classes named and coloured as the data panel shows them, unit maps in colours no class
uses, whole-numbered unit axes and a View menu whose entries have distinct names."""

from __future__ import annotations

import numpy as np
from PySide6.QtGui import QAction

from nnstudio.gui.common.style import CLASS_COLORS, UNIT_HIGH_COLOR, UNIT_LOW_COLOR

WAIT = 10_000


def trigger(window, name: str) -> None:
    action = window.findChild(QAction, name)
    assert action is not None, name
    action.trigger()


def write_csv(path, features: int) -> None:
    rs = np.random.RandomState(0)
    header = ",".join([f"f{j}" for j in range(features)] + ["kind"])
    rows = [
        ",".join([f"{v:.3f}" for v in rs.randn(features)] + [("a", "b")[i % 2]]) for i in range(60)
    ]
    path.write_text("\n".join([header, *rows]) + "\n")


def test_more_than_two_features_say_why_there_is_no_boundary(qtbot, window, tmp_path):
    ui = window.training
    window.views.setCurrentWidget(ui.decision_view)
    path = tmp_path / "four.csv"
    write_csv(path, 4)
    dialog = window.import_csv(str(path))
    assert dialog is not None
    dialog.accept()
    assert window.session.dataset.n_features == 4
    label = ui.decision_view.no_plane
    qtbot.waitUntil(label.isVisible, timeout=WAIT)
    assert not ui.decision_view.plot.isVisible()
    assert "n[0] = 4 features" in label.text() and "one input" in label.text()
    window.undo_stack.undo()  # the flower's two features again: the plane is back
    qtbot.waitUntil(ui.decision_view.plot.isVisible, timeout=WAIT)
    assert not label.isVisible()


def test_classes_are_named_and_coloured_and_unit_maps_use_other_colours(qtbot, window):
    ui = window.training
    trigger(window, "example_blobs_softmax")
    names = ["class 0", "class 1", "class 2"]
    window.views.setCurrentWidget(ui.decision_view)
    title = ui.decision_view.title
    qtbot.waitUntil(lambda: all(name in title.text() for name in names), timeout=WAIT)
    for k in range(3):
        assert f"color:{CLASS_COLORS[k]}" in title.text()

    # a hidden unit's map: no colour of it comes near a colour of the classes drawn over it
    # (nor of the fourth class, orange, as the weights' colours did)
    window.diagram.select_unit(1, 0)
    qtbot.waitUntil(lambda: ui.decision_view.value_map.isVisible(), timeout=WAIT)
    rgba = ui.decision_view.value_map.image.reshape(-1, 4)[:, :3].astype(int)
    for color in CLASS_COLORS[:4]:
        rgb = np.array([int(color[i : i + 2], 16) for i in (1, 3, 5)])
        assert np.abs(rgba - rgb).sum(axis=1).min() > 60, color
    for color in (UNIT_HIGH_COLOR, UNIT_LOW_COLOR):
        assert color not in CLASS_COLORS
    assert "purple above" in title.text()

    window.diagram.select_unit(2, 1)  # the softmax unit of class 1 is named after it
    qtbot.waitUntil(lambda: "probability of class class 1" in title.text(), timeout=WAIT)

    window.views.setCurrentWidget(ui.activations_view)
    qtbot.waitUntil(lambda: ui.activations_view.layer_combo.count() == 2, timeout=WAIT)
    axis = ui.activations_view.heatmap_plot.getAxis("left")
    ui.activations_view.select_layer(2)
    qtbot.waitUntil(lambda: axis._tickLevels is not None, timeout=WAIT)
    assert axis._tickLevels == [[(1, "class 0"), (2, "class 1"), (3, "class 2")]]
    ui.activations_view.select_layer(1)
    qtbot.waitUntil(lambda: len(axis._tickLevels[0]) == 8, timeout=WAIT)
    assert axis._tickLevels == [[(k, str(k)) for k in range(1, 9)]]


def test_a_single_output_unit_has_a_whole_numbered_axis(qtbot, window):
    ui = window.training
    window.views.setCurrentWidget(ui.activations_view)
    qtbot.waitUntil(lambda: ui.activations_view.layer_combo.count() == 2, timeout=WAIT)
    ui.activations_view.select_layer(2)  # the flower's single sigmoid unit
    axis = ui.activations_view.heatmap_plot.getAxis("left")
    qtbot.waitUntil(lambda: axis._tickLevels == [[(1, "1")]], timeout=WAIT)


def test_the_view_menu_names_each_entry_once(window):
    texts = [a.text() for a in window.view_menu.actions() if not a.isSeparator() and a.text()]
    assert len(texts) == len(set(texts)), texts
    assert "Training toolbar" in texts
