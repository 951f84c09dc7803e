"""Train ▸ Gradient check: the verdict for a correct network, and the size limits."""

import numpy as np

from nnstudio.data import make_dataset
from nnstudio.engine import Network
from nnstudio.gui.learn import gradcheck as learn_gradcheck
from nnstudio.gui.learn.gradcheck import GradientCheckDialog


def test_a_correct_network_passes(qtbot):
    data = make_dataset("flower")
    net = Network([2, 4, 1], ["tanh", "sigmoid"], seed=2, dtype="float32")
    before = net.copy()
    dialog = GradientCheckDialog(net, data.X, data.Y)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.checkFinished, timeout=30000) as done:
        dialog.show()
    result = done.args[0]
    assert result.passed() and set(result.per_layer) == {1, 2}
    verdict = dialog.findChild(object, "gradCheckVerdict").text()
    assert verdict.startswith("✓ Back propagation is correct")
    table = dialog.findChild(object, "gradCheckTable")
    assert table.rowCount() == 2
    assert float(table.item(0, 2).text()) < 1e-7 and table.item(1, 1).text() == "5"
    assert net == before
    qtbot.waitUntil(lambda: dialog._thread is None)


def test_a_wrong_gradient_is_reported(qtbot, monkeypatch):
    data = make_dataset("flower")
    net = Network([2, 3, 1], ["tanh", "sigmoid"], seed=2)
    original = Network.backward

    def broken(self, Y, cache, need_input_grad=False):
        grads = original(self, Y, cache, need_input_grad)
        grads["dW1"] = grads["dW1"] * 2
        return grads

    monkeypatch.setattr(Network, "backward", broken)
    dialog = GradientCheckDialog(net, data.X, data.Y)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.checkFinished, timeout=30000):
        dialog.show()
    assert dialog.verdict_label.text().startswith("✗")
    assert dialog.table.item(0, 0).text().startswith("✗") and dialog.table.item(
        1, 0
    ).text().startswith("✓")
    qtbot.waitUntil(lambda: dialog._thread is None)


def test_large_networks_are_offered_a_subset(qtbot, monkeypatch):
    monkeypatch.setattr(learn_gradcheck, "MAX_PARAMETERS", 20)
    data = make_dataset("flower")
    net = Network([2, 6, 1], ["relu", "sigmoid"], seed=1)  # 25 parameters
    dialog = GradientCheckDialog(net, data.X, data.Y)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.check is None and dialog._thread is None
    assert "for small networks" in dialog.verdict_label.text()
    button = dialog.findChild(object, "gradCheckSubsetButton")
    assert button.isVisible()
    with qtbot.waitSignal(dialog.checkFinished, timeout=30000):
        button.click()
    assert dialog.on_subset and dialog.check.difference < 1e-4
    assert "on 32 samples" in dialog.overall_label.text()
    qtbot.waitUntil(lambda: dialog._thread is None)


def test_huge_networks_are_refused(qtbot):
    X = np.zeros((2, 10))
    net = Network([2, 200, 100, 1], ["relu", "relu", "sigmoid"], seed=1)
    dialog = GradientCheckDialog(net, X, np.zeros((1, 10)))
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.subset_button.isVisible() and dialog._thread is None
    assert "small copy" in dialog.verdict_label.text()
