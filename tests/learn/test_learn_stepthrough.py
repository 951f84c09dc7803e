"""One pass step by step: the same arrays as forward/backward/update, in the course's notation."""

import numpy as np
import pytest

from nnstudio.data import make_dataset
from nnstudio.engine import Network
from nnstudio.learn import build_steps


def flower_case():
    data = make_dataset("flower")
    net = Network([2, 4, 1], ["tanh", "sigmoid"], init="small", seed=2)
    return net, data.X, data.Y


def softmax_case():
    rs = np.random.RandomState(0)
    X = rs.randn(3, 50)
    Y = rs.randint(0, 4, size=(1, 50))
    return Network([3, 5, 6, 4], ["relu", "leaky_relu", "softmax"], init="he", seed=1), X, Y


def regression_case():
    rs = np.random.RandomState(1)
    X = rs.randn(2, 30)
    Y = rs.randn(2, 30)
    return Network([2, 3, 2], ["sigmoid", "linear"], seed=4, l2=0.3), X, Y


def float32_case():
    _, X, Y = flower_case()
    return Network([2, 6, 3, 1], ["relu", "tanh", "sigmoid"], seed=5, dtype="float32"), X, Y


def unpaired_case():
    rs = np.random.RandomState(2)
    X = rs.randn(2, 20)
    Y = (rs.rand(1, 20) > 0.5).astype(float)
    return Network([2, 3, 1], ["tanh", "sigmoid"], loss="mse", seed=3), X, Y


CASES = [flower_case, softmax_case, regression_case, float32_case, unpaired_case]


def engine_pass(net, X, Y, lr):
    AL, cache = net.forward(X)
    grads = net.backward(Y, cache)
    after = net.copy()
    after.update(grads, lr)
    return AL, cache, grads, after, net.cost(AL, Y)


def same(a, b):
    return a.dtype == b.dtype and a.shape == b.shape and np.array_equal(a, b)


@pytest.mark.parametrize("case", CASES)
def test_steps_hold_exactly_the_engines_arrays(case):
    net, X, Y = case()
    before = net.copy()
    steps = build_steps(net, X, Y, learning_rate=0.5)
    assert net == before  # the update went to a copy
    AL, cache, grads, after, cost = engine_pass(net, X, Y, 0.5)
    Yl = net.as_labels(Y)
    expected = {"Y": Yl}
    for key, value in cache.items():
        expected[f"{key[0]}[{key[1:]}]"] = value
    for key, value in grads.items():
        expected[f"{key[:2]}[{key[2:]}]"] = value
    for key, value in net.params.items():
        expected[f"{key[0]}[{key[1:]}]"] = value
    for key, value in after.params.items():
        expected[f"new {key[0]}[{key[1:]}]"] = value
    seen = set()
    for step in steps:
        for name, array in step.arrays.items():
            if name == "J":
                assert array.shape == (1, 1) and array[0, 0] == cost
                continue
            assert same(array, expected[name]), (step.title, name)
            assert not array.flags.writeable
            seen.add(name)
    L = net.L
    for l in range(1, L + 1):
        assert {f"Z[{l}]", f"A[{l}]", f"dZ[{l}]", f"dW[{l}]", f"db[{l}]", f"new W[{l}]"} <= seen
    cost_step = next(s for s in steps if s.kind == "cost")
    assert cost_step.value == cost
    assert same(steps[2 * L - 1].result, AL)


@pytest.mark.parametrize("case", CASES)
def test_step_order_follows_the_pass(case):
    net, X, Y = case()
    steps = build_steps(net, X, Y, 0.1)
    L = net.L
    kinds = [s.kind for s in steps]
    assert kinds == ["forward"] * 2 * L + ["cost"] + ["backward"] * (4 * L - 1) + ["update"] * L
    assert [s.layer for s in steps if s.kind == "forward"] == [
        l for l in range(1, L + 1) for _ in "za"
    ]
    backward_layers = [s.layer for s in steps if s.kind == "backward"]
    assert backward_layers == sorted(backward_layers, reverse=True)
    assert [s.layer for s in steps if s.kind == "update"] == list(range(1, L + 1))
    assert [s.index for s in steps] == list(range(len(steps)))
    for step in steps:
        assert step.result_name in step.arrays
        assert step.formula_text and step.formula_html and step.title


def test_formulas_carry_this_networks_shapes():
    net, X, Y = flower_case()
    steps = build_steps(net, X, Y, 1.2)
    texts = [s.formula_text for s in steps]
    assert "Z[2] (1, 400) = W[2] (1, 4) · A[1] (4, 400) + b[2] (1, 1)" in texts
    assert "A[1] (4, 400) = tanh(Z[1])" in texts
    assert "dZ[2] (1, 400) = A[2] − Y" in texts
    assert "dW[2] (1, 4) = (1/m) dZ[2] (1, 400) · A[1]ᵀ (400, 4)" in texts
    assert "db[1] (4, 1) = (1/m) Σ dZ[1] (4, 400)" in texts
    assert "dA[1] (4, 400) = W[2]ᵀ (4, 1) · dZ[2] (1, 400)" in texts
    assert any(t.startswith("W[1] (4, 2) := W[1] − α dW[1]") and "α = 1.2" in t for t in texts)
    cost = next(s for s in steps if s.kind == "cost")
    assert cost.formula_text.startswith("J = −(1/m) Σ [Y log A[2]")
    assert cost.formula_text.endswith(f"= {cost.value:.6g}")
    html = steps[2].formula_html
    assert "Z<sup>[2]</sup>" in html and "W<sup>[2]</sup>" in html and "·" in html
    assert "(1, 400)" in html and "Z[2]" not in html
    dW = next(s for s in steps if s.title.endswith("dW[2]"))
    assert "A<sup>[1]</sup>ᵀ" in dW.formula_html


def test_every_shape_in_a_formula_matches_its_array():
    net, X, Y = softmax_case()
    for step in build_steps(net, X, Y, 0.1):
        for name, array in step.arrays.items():
            if name.startswith("new ") or name in ("J", "Y"):
                continue
            label = f"{name} ("
            if label in step.formula_text:
                shown = step.formula_text.split(label, 1)[1].split(")", 1)[0]
                assert tuple(int(n) for n in shown.split(", ")) == array.shape, (step.title, name)


def test_l2_and_unpaired_outputs_are_written_out():
    net, X, Y = regression_case()
    steps = build_steps(net, X, Y, 0.1)
    assert any("(λ/m) W[1]" in s.formula_text for s in steps)
    assert "(λ/2m)" in next(s for s in steps if s.kind == "cost").formula_text
    net, X, Y = unpaired_case()
    first_back = next(s for s in build_steps(net, X, Y, 0.1) if s.kind == "backward")
    assert first_back.formula_text == "dZ[2] (1, 20) = dA[2] (1, 20) ⊙ g′[2](Z[2])"
