"""Compare runs: rename, hide and remove in the view; one curve per visible run."""

from PySide6.QtCore import Qt

from nnstudio.engine import NetworkSpec
from nnstudio.gui.learn.runs import CompareRunsView
from nnstudio.learn import RunStore, make_description


def history(scale):
    return {
        "step": [0, 10, 20],
        "cost": [0.7 * scale, 0.5 * scale, 0.3 * scale],
        "val_cost": [None, None, None],
        "accuracy": [0.5, 0.7, 0.9],
        "val_accuracy": [None, None, None],
    }


def make_view(qtbot):
    store = RunStore()
    store.add_finished(
        history(1.0), make_description(NetworkSpec((2, 4, 1), ("tanh", "sigmoid")), 1.2)
    )
    store.add_finished(
        history(0.5), make_description(NetworkSpec((2, 4, 1), ("relu", "sigmoid")), 0.1)
    )
    view = CompareRunsView(store)
    qtbot.addWidget(view)
    return view, store


def test_curves_overlay_the_visible_runs(qtbot):
    view, _store = make_view(qtbot)
    runs_list = view.findChild(object, "runsList")
    assert [runs_list.item(i).text() for i in range(runs_list.count())] == [
        "tanh, lr 1.2",
        "relu, lr 0.1",
    ]
    curves = view.curves()
    assert sorted(curves) == ["relu, lr 0.1", "tanh, lr 1.2"]
    x, y = curves["relu, lr 0.1"].getData()
    assert list(x) == [0, 10, 20] and list(y) == [0.35, 0.25, 0.15]
    view.metric_combo.setCurrentIndex(2)
    assert list(view.curves()["tanh, lr 1.2"].getData()[1]) == [0.5, 0.7, 0.9]
    view.metric_combo.setCurrentIndex(1)  # no validation data: empty curves
    assert len(view.curves()["tanh, lr 1.2"].getData()[0] or []) == 0


def test_rename_hide_and_remove(qtbot):
    view, store = make_view(qtbot)
    runs_list = view.findChild(object, "runsList")
    runs_list.item(0).setText("my tanh run")
    assert store[0].name == "my tanh run"
    assert "my tanh run" in view.curves()

    runs_list.item(1).setCheckState(Qt.Unchecked)
    assert store[1].visible is False
    assert list(view.curves()) == ["my tanh run"]

    runs_list.setCurrentRow(0)
    qtbot.mouseClick(view.findChild(object, "removeRunButton"), Qt.LeftButton)
    assert store.names() == ["relu, lr 0.1"]
    assert runs_list.count() == 1 and view.curves() == {}

    runs_list.item(0).setText("   ")  # an empty name is refused
    assert store[0].name == "relu, lr 0.1" and runs_list.item(0).text() == "relu, lr 0.1"


def test_the_view_follows_the_store(qtbot):
    view, store = make_view(qtbot)
    store.add_finished(history(0.2), {**store[1].description, "learning_rate": 0.5})
    assert view.list.count() == 3 and view.list.item(2).text() == "relu, lr 0.5"
    other = RunStore()
    view.set_store(other)
    assert view.list.count() == 0
    store.clear()  # the old store no longer drives the view
    assert view.list.count() == 0


def test_log_scale_for_costs(qtbot):
    view, _store = make_view(qtbot)
    view.findChild(object, "runsLogScale").setChecked(True)
    assert view.plot.getPlotItem().ctrl.logYCheck.isChecked()


def test_the_learning_rate_of_each_run_as_decay_lowered_it(qtbot):
    store = RunStore()
    decayed = {**history(1.0), "learning_rate": [0.1, 0.05, 0.025]}
    description = make_description(
        NetworkSpec((2, 4, 1), ("tanh", "sigmoid")), 0.1, decay=("exponential", 0.5, 0)
    )
    store.add_finished(decayed, description)
    view = CompareRunsView(store)
    qtbot.addWidget(view)
    assert store.names() == ["tanh, lr 0.1, exponential decay 0.5"]
    view.metric_combo.setCurrentIndex(view.metric_combo.findData("learning_rate"))
    assert view.metric_combo.currentText() == "learning rate α"
    x, y = view.curves()["tanh, lr 0.1, exponential decay 0.5"].getData()
    assert list(x) == [0, 10, 20] and list(y) == [0.1, 0.05, 0.025]


def test_a_runs_tooltip_says_its_second_course_settings_in_words(qtbot):
    store = RunStore()
    spec = NetworkSpec((2, 4, 1), ("tanh", "sigmoid"), keep_prob=(0.8,), batch_norm=(True,))
    store.add_finished(history(1.0), make_description(spec, 0.1, decay=("inverse", 0.05, 0)))
    view = CompareRunsView(store)
    qtbot.addWidget(view)
    tip = view.findChild(object, "runsList").item(0).toolTip()
    assert "dropout: keep_prob 0.8" in tip
    assert "batch normalisation: batch norm" in tip
    assert "learning-rate decay: inverse decay 0.05" in tip
