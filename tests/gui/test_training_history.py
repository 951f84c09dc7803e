"""Every record of a run reaches every view: the live Cost plot, Compare runs, Gradient flow, the
saved file, the CSV export and a reopened file show the same series."""

import csv

import numpy as np
import pytest
from PySide6.QtWidgets import QWidget

from nnstudio.files import load_model
from nnstudio.gui import MainWindow
from nnstudio.gui.window import export
from nnstudio.session import DataChoice

WAIT = 60_000


@pytest.fixture
def window(qtbot):
    window = MainWindow()
    qtbot.addWidget(window)
    yield window
    window.training.controller.shutdown()


def train_to_end(qtbot, window):
    with qtbot.waitSignal(window.training.controller.finished, timeout=WAIT):
        window.training.panel.train_action.trigger()
    window.training.controller.frames.flush_all()


def cost_curve(window):
    view = window.findChild(QWidget, "costView")
    view.redraw()
    x, y = view.cost_curve.getData()
    return list(x), list(y)


def gradient_flow(window):
    window.views.setCurrentWidget(window.learn.gradient_flow)
    return window.learn.gradient_flow.series()


def test_the_default_run_reaches_every_view_and_the_file_whole(qtbot, window, tmp_path):
    train_to_end(qtbot, window)  # the flower data, 10,000 iterations, a record every 10
    h = window.session.history
    assert h.step == list(range(0, 10_001, 10))  # every record, from the first to the last

    steps, costs = cost_curve(window)
    assert steps == h.step and costs == h.cost

    (run,) = window.session.runs.list()
    x, y = window.learn.runs_view.curves()[run.name].getData()
    assert list(x) == h.step and list(y) == h.cost

    flow = gradient_flow(window)
    for l in (1, 2):
        assert list(flow[l][0]) == h.step
        assert list(flow[l][1]) == [norms[l - 1] for norms in h.grad_norms]

    table = export.write_history_csv(h, tmp_path / "history.csv")
    with open(table, newline="", encoding="utf-8") as stream:
        rows = list(csv.reader(stream))
    assert rows[0][:2] == ["step", "cost"] and rows[0][-2:] == ["norm_dW1", "norm_dW2"]
    assert [int(r[0]) for r in rows[1:]] == h.step
    assert [float(r[1]) for r in rows[1:]] == h.cost
    assert [float(r[-1]) for r in rows[1:]] == [n[1] for n in h.grad_norms]

    path = tmp_path / "flower.nnstudio"
    assert window.file_controller.save_to(path)
    saved = load_model(path).history
    assert saved["step"] == h.step and saved["cost"] == h.cost
    assert saved["norm_dW1"] == [n[0] for n in h.grad_norms]

    reopened = MainWindow()
    qtbot.addWidget(reopened)
    try:
        assert reopened.open_path(path)
        assert reopened.session.history == h
        assert cost_curve(reopened) == (h.step, h.cost)
        flow = gradient_flow(reopened)
        assert list(flow[1][0]) == h.step  # the norms were stored in the file
        x, y = reopened.learn.runs_view.curves()[run.name].getData()
        assert list(x) == h.step and list(y) == h.cost
    finally:
        reopened.training.controller.shutdown()


def test_gradient_flow_shows_a_run_that_diverged(qtbot, window):
    session = window.session
    session.set_data(DataChoice("sine"))
    session.set_settings(learning_rate=1e6, epochs=500, optimizer="gd", optimizer_options={})
    train_to_end(qtbot, window)
    assert window.training.controller.last_report.status == "diverged"
    h = session.history
    assert h.step and h.step[0] == 0 and all(h.grad_norms)
    flow = gradient_flow(window)
    assert flow and all(len(flow[l][0]) > 0 for l in flow)
    assert "Exploding" in window.learn.gradient_flow.diagnosis.text()
    steps, _ = cost_curve(window)
    assert steps == h.step
    assert np.isfinite(np.array(h.cost[:1])).all()


def test_a_run_past_the_history_cap_is_reduced_alike_everywhere(qtbot, window, tmp_path):
    """12,001 records: the history and the live plot reduce them the same way (first and last
    point kept, each stretch's extremes kept); only the drawing is thinned further."""
    window.session.set_settings(epochs=12_000, report_every=1)
    train_to_end(qtbot, window)
    h = window.session.history
    assert len(h) <= h.max_points and h.step[0] == 0 and h.step[-1] == 12_000
    view = window.findChild(QWidget, "costView")
    assert list(view.series.column(0)) == h.step
    assert list(view.series.column(1)) == h.cost
    x, y = cost_curve(window)
    assert len(x) <= 2_000 and x[0] == 0 and x[-1] == 12_000
    assert min(y) == min(h.cost) and max(y) == max(h.cost)
    path = tmp_path / "long.nnstudio"
    assert window.file_controller.save_to(path)
    assert load_model(path).history["step"] == h.step
