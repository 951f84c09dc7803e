"""File ▸ Export: plots as PNG and SVG, histories and runs as CSV, the NumPy script."""

import csv

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QFileDialog

from nnstudio.engine import Network, TrainingConfig, TrainingData, train
from nnstudio.gui.window import export
from nnstudio.learn import Run, RunStore
from nnstudio.session import History


def trained_history():
    rs = np.random.RandomState(0)
    X, Y = rs.randn(2, 40), (rs.rand(1, 40) > 0.5).astype(float)
    net = Network([2, 3, 1], ["tanh", "sigmoid"], seed=1)
    history = History()
    for report in train(
        net, TrainingData(X, Y, X[:, :10], Y[:, :10]), TrainingConfig(0.5, epochs=40)
    ):
        history.append(report)
    return net, history


def test_plots_export_as_png_and_svg(qtbot, tmp_path):
    plot = pg.PlotWidget()
    qtbot.addWidget(plot)
    plot.resize(400, 300)
    plot.plot([0, 1, 2], [3, 1, 2], name="cost")
    png = export.export_plot(plot, tmp_path / "cost.png")
    svg = export.export_plot(plot, tmp_path / "cost.svg")
    assert png.stat().st_size > 0 and png.read_bytes().startswith(b"\x89PNG")
    assert svg.stat().st_size > 0 and b"<svg" in svg.read_bytes()[:2000]


def test_history_csv(tmp_path):
    _net, history = trained_history()
    path = export.write_history_csv(history, tmp_path / "history.csv")
    with open(path, newline="", encoding="utf-8") as stream:
        rows = list(csv.reader(stream))
    assert rows[0] == [
        "step",
        "cost",
        "val_cost",
        "accuracy",
        "val_accuracy",
        "penalty",
        "learning_rate",
        "norm_dW1",
        "norm_dW2",
    ]
    assert len(rows) == len(history.step) + 1
    assert (
        float(rows[-1][1]) == history.cost[-1] and float(rows[-1][8]) == history.grad_norms[-1][1]
    )
    assert float(rows[-1][5]) == history.penalty[-1]  # the regularisation term of the cost
    assert float(rows[-1][6]) == history.learning_rate[-1] == 0.5  # the rate in use


def test_runs_csv(tmp_path):
    store = RunStore(
        [Run("a", {"step": [0, 10], "cost": [1.0, 0.5]}), Run("b", {"step": [0], "cost": [2.0]})]
    )
    path = export.write_runs_csv(store, tmp_path / "runs.csv")
    with open(path, newline="", encoding="utf-8") as stream:
        rows = list(csv.reader(stream))
    assert rows[0][:3] == ["run", "step", "cost"]
    assert [r[:3] for r in rows[1:]] == [["a", "0", "1.0"], ["a", "10", "0.5"], ["b", "0", "2.0"]]


def test_dialog_wrappers_write_where_the_learner_chose(qtbot, tmp_path, monkeypatch):
    net, history = trained_history()
    answers = iter([str(tmp_path / "plot.svg"), str(tmp_path / "h"), str(tmp_path / "net.py"), ""])
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (next(answers), ""))
    plot = pg.PlotWidget()
    qtbot.addWidget(plot)
    plot.plot([0, 1], [1, 0])
    assert export.save_plot_dialog(None, plot) == tmp_path / "plot.svg"
    assert export.save_history_dialog(None, history) == tmp_path / "h.csv"
    assert export.save_script_dialog(None, net) == tmp_path / "net.py"
    assert (tmp_path / "net.npz").stat().st_size > 0
    assert export.save_runs_dialog(None, RunStore()) is None  # cancelled
    for name in ("plot.svg", "h.csv", "net.py"):
        assert (tmp_path / name).stat().st_size > 0


def test_a_refused_write_is_explained(qtbot, tmp_path, monkeypatch):
    _net, history = trained_history()
    target = tmp_path / "missing" / "h.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    messages = []
    monkeypatch.setattr(export.QMessageBox, "warning", lambda *args: messages.append(args[2]))
    assert export.save_history_dialog(None, history) is None
    assert messages and "could not be saved" in messages[0]
