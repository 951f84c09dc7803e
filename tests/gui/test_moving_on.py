"""File ▸ Export ▸ PyTorch script and ONNX, and File ▸ Open of an .onnx network: the learner's
way out of NN Studio and back in, driven through the window's own actions."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QFileDialog, QMessageBox, QTableView

from nnstudio.engine import Network, NetworkSpec
from nnstudio.interop import export_onnx, plan_for, read_onnx

onnx = pytest.importorskip("onnx", reason="onnx is not installed (pip install 'nnstudio[export]')")


@pytest.fixture
def dialogs(monkeypatch):
    """Answers the file dialogs with ``answers["save"]`` / ``answers["open"]`` and records the
    message boxes as (kind, title, text)."""
    answers: dict[str, object] = {"save": "", "open": "", "messages": [], "asked": []}

    def message(kind):
        def show(parent, title, text, *args, **kwargs):
            answers["messages"].append((kind, title, text))
            return QMessageBox.Ok

        return staticmethod(show)

    for kind in ("warning", "critical", "information"):
        monkeypatch.setattr(QMessageBox, kind, message(kind))

    def get_save(parent, caption, suggested, filters, *args, **kwargs):
        answers["asked"].append(("save", filters))
        return (str(answers["save"]), "")

    def get_open(parent, caption, folder, filters, *args, **kwargs):
        answers["asked"].append(("open", filters))
        return (str(answers["open"]), "")

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(get_save))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(get_open))
    return answers


def trigger(window, name):
    action = window.findChild(object, name)
    assert action is not None, name
    action.trigger()


def w_shapes(window) -> list[str]:
    """The W[l] column of the dimension table, as shown."""
    model = window.findChild(QTableView, "dimensionTable").model()
    headers = [model.headerData(c, Qt.Horizontal) for c in range(model.columnCount())]
    w = headers.index("W[l]")
    return [model.index(r, w).data() for r in range(model.rowCount())]


def test_export_menu_writes_a_pytorch_script_of_the_open_model(window, dialogs, tmp_path):
    dialogs["save"] = tmp_path / "mine.py"
    trigger(window, "exportPyTorchAction")
    script = (tmp_path / "mine.py").read_text(encoding="utf-8")
    dims = window.session.network.layer_dims
    assert f"nn.Linear({dims[0]}, {dims[1]})" in script
    with np.load(tmp_path / "mine.npz", allow_pickle=False) as saved:
        np.testing.assert_array_equal(saved["W1"], window.session.network.params["W1"])
    assert not dialogs["messages"]


def test_export_menu_writes_an_onnx_model_that_opens_with_the_same_parameters(
    window, dialogs, tmp_path
):
    window.session.train_here(3)
    dialogs["save"] = tmp_path / "mine.onnx"
    trigger(window, "exportOnnxAction")
    model = read_onnx(tmp_path / "mine.onnx")
    for name, value in window.session.network.params.items():
        np.testing.assert_array_equal(model.network.params[name], value)
    assert not dialogs["messages"]


def test_without_onnx_the_menu_entry_says_how_to_install_it(window, dialogs, tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "onnx", None)  # import onnx now fails, as without the extra
    dialogs["save"] = tmp_path / "never.onnx"
    trigger(window, "exportOnnxAction")
    ((kind, _title, text),) = dialogs["messages"]
    assert kind == "information"
    assert 'pip install "nnstudio[export]"' in text
    assert not dialogs["asked"]  # no file dialog for a file that cannot be written
    assert not (tmp_path / "never.onnx").exists()


def _network_file(tmp_path: Path, dims, acts, name="elsewhere.onnx") -> Path:
    net = Network.from_spec(NetworkSpec(dims, acts, init="he", seed=5))
    return export_onnx(plan_for(net), tmp_path / name)


def test_open_reads_an_onnx_network_with_the_data_in_use_and_trains_it(
    window, dialogs, tmp_path, qtbot
):
    path = _network_file(tmp_path, (2, 6, 3, 1), ("relu", "tanh", "sigmoid"))
    expected = read_onnx(path).network
    dialogs["open"] = path
    trigger(window, "openAction")
    assert ("open", "NN Studio model or ONNX network (*.nnstudio *.onnx);;All files (*)") in (
        dialogs["asked"]
    )
    assert not [m for m in dialogs["messages"] if m[0] == "warning"], dialogs["messages"]
    session = window.session
    assert session.network.layer_dims == (2, 6, 3, 1)
    for name, value in expected.params.items():
        np.testing.assert_array_equal(session.network.params[name], value)
    qtbot.waitUntil(lambda: w_shapes(window)[1:4] == ["(6, 2)", "(3, 6)", "(1, 3)"])
    assert "elsewhere" in window.windowTitle()
    before = session.network.params["W1"].copy()
    session.train_here(2)  # it trains further on the data in use
    assert not np.array_equal(session.network.params["W1"], before)


def test_open_reads_a_batch_normalised_onnx_network_and_trains_it(window, dialogs, tmp_path):
    """Our own export of a network with batch norm on layer 1 opens with batch norm on that
    layer, the same γ, β and running statistics, and trains further."""
    spec = NetworkSpec((2, 5, 1), ("relu", "sigmoid"), init="he", seed=5, batch_norm=(True,))
    net = Network.from_spec(spec)
    net.params["gamma1"][...] = 1.5
    net.params["beta1"][...] = -0.25
    net.running["mean1"][...] = 0.3
    net.running["var1"][...] = 2.0
    dialogs["open"] = export_onnx(plan_for(net), tmp_path / "normalised.onnx")
    trigger(window, "openAction")
    assert not [m for m in dialogs["messages"] if m[0] == "warning"], dialogs["messages"]
    session = window.session
    assert session.network.spec.batch_norm == (True,)
    for name, value in net.params.items():
        np.testing.assert_array_equal(session.network.params[name], value)
    for name, value in net.running.items():
        np.testing.assert_array_equal(session.network.running[name], value)
    before = session.network.params["gamma1"].copy()
    session.train_here(2)
    assert not np.array_equal(session.network.params["gamma1"], before)


def test_a_network_for_other_inputs_is_refused_saying_what_to_do(window, dialogs, tmp_path):
    path = _network_file(tmp_path, (5, 4, 1), ("tanh", "sigmoid"))
    before = window.session.network.params["W1"].copy()
    dialogs["open"] = path
    trigger(window, "openAction")
    ((kind, _title, text),) = dialogs["messages"]
    assert kind == "warning"
    assert "n[0] = 5 inputs" in text and "has 2 features" in text
    assert "Data panel" in text and "The current model was kept." in text
    np.testing.assert_array_equal(window.session.network.params["W1"], before)


def test_an_unsupported_graph_is_refused_naming_the_first_unsupported_node(
    window, dialogs, tmp_path
):
    helper, numpy_helper, TensorProto = onnx.helper, onnx.numpy_helper, onnx.TensorProto
    graph = helper.make_graph(
        [
            helper.make_node("Gemm", ["x", "W", "b"], ["z"], transB=1),
            helper.make_node("Selu", ["z"], ["a"], name="odd"),
            helper.make_node("Gemm", ["a", "V", "c"], ["y"], transB=1),
        ],
        "g",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, ["m", 2])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, ["m", 1])],
        [
            numpy_helper.from_array(np.ones((3, 2), np.float32), "W"),
            numpy_helper.from_array(np.zeros(3, np.float32), "b"),
            numpy_helper.from_array(np.ones((1, 3), np.float32), "V"),
            numpy_helper.from_array(np.zeros(1, np.float32), "c"),
        ],
    )
    path = tmp_path / "selu.onnx"
    onnx.save(helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)]), str(path))
    dialogs["open"] = path
    trigger(window, "openAction")
    ((kind, _title, text),) = dialogs["messages"]
    assert kind == "warning"
    assert "node 2 of the graph, Selu (odd), cannot be opened" in text


def test_dropping_an_onnx_network_on_the_window_opens_it(window, dialogs, tmp_path):
    path = _network_file(tmp_path, (2, 3, 1), ("leaky_relu", "sigmoid"), "dropped.onnx")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(QPointF(50, 50), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    event.ignore()
    window.dropEvent(event)
    assert event.isAccepted()
    assert window.session.network.activations == ("leaky_relu", "sigmoid")
    assert not dialogs["messages"]
