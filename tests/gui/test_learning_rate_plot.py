"""The learning rate in use, plotted under the cost: shown when a decay schedule is on or the
rate changed, drawn from the history's learning-rate records (thinned like the cost curve), on
the cost plot's iteration axis, and the same after the file is reopened."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtWidgets import QWidget

from nnstudio.engine import decayed_learning_rate
from nnstudio.gui import MainWindow

WAIT = 60_000


@pytest.fixture
def window(qtbot):
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    yield window
    window.training.controller.shutdown()


def train_to_end(qtbot, window):
    with qtbot.waitSignal(window.training.controller.finished, timeout=WAIT):
        window.training.panel.train_action.trigger()
    window.training.controller.frames.flush_all()


def cost_view(window):
    view = window.findChild(QWidget, "costView")
    window.views.setCurrentWidget(view)
    return view


def test_without_decay_the_rate_plot_stays_hidden(qtbot, window):
    window.session.set_settings(epochs=50)
    train_to_end(qtbot, window)
    view = cost_view(window)
    view.redraw()
    plot = window.findChild(QWidget, "learningRatePlot")
    assert plot is view.rate_plot.widget and not plot.isVisible()
    assert len(set(window.session.history.learning_rate)) == 1


def test_an_exponential_run_plots_the_rates_it_used_on_the_cost_axis(qtbot, window, tmp_path):
    session = window.session
    session.set_settings(epochs=60, report_every=1, decay_schedule="exponential", decay_rate=0.9)
    view = cost_view(window)
    plot = window.findChild(QWidget, "learningRatePlot")
    qtbot.waitUntil(plot.isVisible)  # the schedule alone shows it, before any run
    train_to_end(qtbot, window)
    view.redraw()
    h = session.history
    alpha0 = session.settings.learning_rate
    x, y = view.rate_plot.curve.getData()
    assert list(x) == h.step and list(y) == h.learning_rate
    # full batch: one epoch per iteration; the rate after step t is the next epoch's
    expected = [alpha0] + [
        decayed_learning_rate(alpha0, s - 1, "exponential", 0.9) for s in h.step[1:]
    ]
    np.testing.assert_allclose(y, expected, rtol=1e-12)
    assert plot.getViewBox().viewRange()[0] == view.plot.getViewBox().viewRange()[0]
    low, high = plot.getViewBox().viewRange()[1]
    assert low == 0.0 and high >= alpha0

    path = tmp_path / "decay.nnstudio"
    assert window.file_controller.save_to(path)
    window.findChild(object, "newAction").trigger()
    view.redraw()
    assert not plot.isVisible()
    assert window.file_controller.open_path(path)
    view.redraw()
    assert plot.isVisible()
    assert list(view.rate_plot.curve.getData()[1]) == h.learning_rate


def test_a_rate_changed_by_hand_shows_the_plot_without_a_schedule(qtbot, window):
    session = window.session
    session.set_settings(epochs=20)
    train_to_end(qtbot, window)
    session.set_settings(learning_rate=session.settings.learning_rate / 2)
    train_to_end(qtbot, window)
    view = cost_view(window)
    view.redraw()
    assert session.settings.decay_schedule == "none"
    assert len(set(session.history.learning_rate)) == 2
    assert view.rate_plot.widget.isVisible()
    assert list(view.rate_plot.curve.getData()[1]) == session.history.learning_rate


def test_a_long_run_draws_a_thinned_rate_curve_that_keeps_the_extremes(qtbot, window):
    session = window.session
    session.set_settings(
        epochs=5_000, report_every=1, decay_schedule="scheduled", decay_rate=1.0, decay_interval=500
    )
    train_to_end(qtbot, window)
    view = cost_view(window)
    view.redraw()
    h = session.history
    x, y = view.rate_plot.curve.getData()
    assert len(h) > 2_000 and len(x) <= 2_000
    assert x[0] == h.step[0] and x[-1] == h.step[-1]
    assert max(y) == max(h.learning_rate) and min(y) == min(h.learning_rate)
    assert set(y) == set(h.learning_rate)  # every level of the staircase is drawn
