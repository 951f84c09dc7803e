"""One pass step by step: the same arrays as forward/backward/update, in the course's notation."""

import html
import re

import numpy as np
import pytest

from nnstudio.data import make_dataset
from nnstudio.engine import Network, get_activation, make_optimizer
from nnstudio.engine.fast_step import TrainingStep
from nnstudio.learn import build_steps, name_html


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
    for l, act in enumerate(net.activations, start=1):
        g = get_activation(act)
        if g.derivative is not None:
            expected[f"g′[{l}](Z[{l}])"] = g.derivative(cache[f"Z{l}"], cache[f"A{l}"])
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
    assert any(t.startswith("W[1] (4, 2) := W[1] − α·dW[1]") and "α = 1.2" in t for t in texts)
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
    assert any("+ (λ/m)·W[1] (3, 2),   λ = 0.3,  m = 30" in s.formula_text for s in steps)
    assert "(λ/2m)" in next(s for s in steps if s.kind == "cost").formula_text
    net, X, Y = unpaired_case()
    first_back = next(s for s in build_steps(net, X, Y, 0.1) if s.kind == "backward")
    assert first_back.formula_text == "dZ[2] (1, 20) = dA[2] (1, 20) ⊙ g′[2](Z[2])"


# -- the run's optimizer ---------------------------------------------------------------------------
OPTIMIZER_CASES = [
    ("momentum", 0.05, {"beta": 0.8}),
    ("rmsprop", 0.01, {"beta": 0.95, "epsilon": 1e-7}),
    ("adam", 0.01, {"beta1": 0.85, "beta2": 0.99, "epsilon": 1e-6}),
]


def trained_optimizer(name, lr, options, net, X, Y, iterations=3):
    """An optimizer after a few iterations of the engine's training step on ``net`` (changed)."""
    opt = make_optimizer(name, lr, **options)
    fast = TrainingStep(net, opt, X.shape[1])
    fast.use_full_batch(net.as_input(X), net.as_labels(Y))
    for _ in range(iterations):
        assert fast.compute()
        fast.apply()
    return opt


def engine_step(net, X, Y, opt):
    """The parameters and optimizer state after one more iteration of the training step."""
    net, state = net.copy(), opt.state_dict()
    opt = make_optimizer(opt.name, **opt.hyperparameters())
    opt.load_state_dict(state)
    fast = TrainingStep(net, opt, X.shape[1])
    fast.use_full_batch(net.as_input(X), net.as_labels(Y))
    assert fast.compute()
    fast.apply()
    return net.params, opt


@pytest.mark.parametrize(("name", "lr", "options"), OPTIMIZER_CASES)
@pytest.mark.parametrize("case", [flower_case, regression_case])
def test_the_update_is_the_optimizers_own_step(case, name, lr, options):
    net, X, Y = case()
    opt = trained_optimizer(name, lr, options, net, X, Y)
    state_before = opt.state_dict()
    steps = build_steps(net, X, Y, optimizer=opt)
    assert opt.t == 3 and all(
        np.array_equal(v, state_before["slots"][k]) for k, v in opt.state_dict()["slots"].items()
    )  # the run's optimizer is not advanced by looking at its next step
    params, after = engine_step(net, X, Y, opt)
    grads = net.backward(Y, net.forward(X)[1])
    updates = [s for s in steps if s.kind == "update"]
    phases = {"momentum": ["velocity", "apply"], "rmsprop": ["squares", "apply"]}.get(
        name, ["velocity", "squares", "correction", "apply"]
    )
    assert [s.phase for s in updates] == phases * net.L
    assert {s.optimizer for s in updates} == {name}
    for l in range(1, net.L + 1):
        shown = {}
        for step in (s for s in updates if s.layer == l):
            shown.update(step.arrays)
            assert not any(a.flags.writeable for a in step.arrays.values())
        const = {k: v for s in updates if s.layer == l for k, v in s.constants.items()}
        for p in "Wb":
            W, dW, new = shown[f"{p}[{l}]"], grads[f"d{p}{l}"], shown[f"new {p}[{l}]"]
            assert same(new, params[f"{p}{l}"])  # what training computes, to the last bit
            if name == "rmsprop":
                assert same(shown[f"d{p}[{l}]"], dW)
            if name in ("momentum", "adam"):
                beta = const["β₁" if name == "adam" else "β"]
                v_old, v = shown[f"v_d{p}[{l}]"], shown[f"new v_d{p}[{l}]"]
                assert same(v_old, state_before["slots"][f"v_{p}{l}"])
                assert same(v, after.slots[f"v_{p}{l}"])
                assert np.array_equal(v, v_old * beta + (1.0 - beta) * dW)
            if name in ("rmsprop", "adam"):
                beta = const["β₂" if name == "adam" else "β"]
                s_old, s_new = shown[f"s_d{p}[{l}]"], shown[f"new s_d{p}[{l}]"]
                assert same(s_old, state_before["slots"][f"s_{p}{l}"])
                assert same(s_new, after.slots[f"s_{p}{l}"])
                assert np.array_equal(s_new, s_old * beta + (1.0 - beta) * dW * dW)
            alpha, eps = const["α"], const.get("ε")
            # apply the displayed update, in the order the engine computes it
            if name == "momentum":
                assert np.array_equal(W - alpha * v, new)
            elif name == "rmsprop":
                assert np.array_equal(W - alpha * dW / (np.sqrt(s_new) + eps), new)
            else:
                t, c1, c2 = const["t"], const["1 − β₁ᵗ"], const["1 − β₂ᵗ"]
                assert t == 4 and c1 == 1 - 0.85**4 and c2 == 1 - 0.99**4
                v_hat, s_hat = shown[f"v̂_d{p}[{l}]"], shown[f"ŝ_d{p}[{l}]"]
                np.testing.assert_allclose(v_hat, v / c1, rtol=1e-14)
                np.testing.assert_allclose(s_hat, s_new / c2, rtol=1e-14)
                assert np.array_equal(W - (alpha * (1.0 / c1)) * v / (np.sqrt(s_hat) + eps), new)
                np.testing.assert_allclose(W - alpha * v_hat / (np.sqrt(s_hat) + eps), new)


def test_a_fresh_optimizer_starts_its_averages_at_zero_and_t_at_one():
    net, X, Y = flower_case()
    opt = make_optimizer("adam", 0.01)
    steps = build_steps(net, X, Y, optimizer=opt)
    first = next(s for s in steps if s.kind == "update")
    assert first.title == "Update, layer 1: v" and not first.arrays["v_dW[1]"].any()
    correction = next(s for s in steps if s.phase == "correction")
    assert correction.constants["t"] == 1
    # at t = 1 the correction undoes the (1 − β) of the first average: v̂ = dW
    np.testing.assert_allclose(correction.arrays["v̂_dW[1]"], steps[-8].arrays["dW[1]"])


def test_optimizer_formulas_in_the_courses_notation():
    net, X, Y = flower_case()
    texts = {}
    for name, lr, options in OPTIMIZER_CASES:
        opt = make_optimizer(name, lr, **options)
        texts[name] = [s.formula_text for s in build_steps(net, X, Y, optimizer=opt)]
    assert (
        "v_dW[1] (4, 2) = β·v_dW[1] + (1 − β)·dW[1],   "
        "v_db[1] (4, 1) = β·v_db[1] + (1 − β)·db[1],   β = 0.8"
    ) in texts["momentum"]
    assert any(t.startswith("W[2] (1, 4) := W[2] − α·v_dW[2]") for t in texts["momentum"])
    assert any(
        t.startswith("s_dW[1] (4, 2) = β·s_dW[1] + (1 − β)·dW[1]²") for t in texts["rmsprop"]
    )
    assert any(
        t.startswith("W[1] (4, 2) := W[1] − α·dW[1] / (√s_dW[1] + ε)") and "ε = 1e-07" in t
        for t in texts["rmsprop"]
    )
    adam = texts["adam"]
    assert any(t.startswith("v_dW[1] (4, 2) = β₁·v_dW[1] + (1 − β₁)·dW[1]") for t in adam)
    assert any("s_db[2] (1, 1) = β₂·s_db[2] + (1 − β₂)·db[2]²" in t for t in adam)
    correction = "v̂_dW[1] (4, 2) = v_dW[1] / (1 − β₁ᵗ),   ŝ_dW[1] (4, 2) = s_dW[1] / (1 − β₂ᵗ)"
    assert any(t.startswith(correction) and "t = 1" in t for t in adam)
    assert any(
        t.startswith("W[1] (4, 2) := W[1] − α·v̂_dW[1] / (√ŝ_dW[1] + ε)") and "α = 0.01" in t
        for t in adam
    )
    assert not any(":= W[1] − α·dW[1]" in t for t in adam)
    step = next(s for s in build_steps(net, X, Y, optimizer=opt) if s.phase == "correction")
    assert "<i>v̂</i><sub><i>dW</i><sup>[1]</sup></sub>" in step.formula_html
    assert step.results == ("v̂_dW[1]", "ŝ_dW[1]", "v̂_db[1]", "ŝ_db[1]") and step.columns == 4


def test_the_learning_rate_given_replaces_the_optimizers():
    net, X, Y = flower_case()
    opt = make_optimizer("momentum", 0.5)
    steps = build_steps(net, X, Y, 0.02, optimizer=opt)
    assert steps[-1].constants["α"] == 0.02 and opt.learning_rate == 0.5


def test_l2_term_of_dw_is_the_engines():
    net, X, Y = flower_case()
    net.l2 = 0.7
    steps = build_steps(net, X, Y, optimizer=make_optimizer("adam", 0.01))
    grads = net.backward(Y, net.forward(X)[1])
    for l in (1, 2):
        step = next(s for s in steps if s.result_name == f"dW[{l}]")
        assert "+ (λ/m)·W" in step.formula_text and "λ = 0.7" in step.formula_text
        assert step.constants == {"λ": 0.7, "m": 400}
        dZ, A, W, dW = (step.arrays[k] for k in (f"dZ[{l}]", f"A[{l - 1}]", f"W[{l}]", f"dW[{l}]"))
        assert same(dW, grads[f"dW{l}"])
        expected = (dZ @ A.T) / 400
        expected += (0.7 / 400) * W
        assert np.array_equal(dW, expected)
        assert not np.array_equal(dW, (dZ @ A.T) / 400)
        assert "weight decay" in step.explanation


def test_l1_and_l2_terms_of_the_cost_and_dw_are_the_engines():
    net, X, Y = flower_case()
    net.l2, net.l1 = 0.7, 0.2
    steps = build_steps(net, X, Y, optimizer=make_optimizer("gd", 0.01))
    grads = net.backward(Y, net.forward(X)[1])
    cost = next(s for s in steps if s.kind == "cost")
    assert "(λ/2m) Σ‖W‖²" in cost.formula_text and "(λ₁/m) Σ|W|" in cost.formula_text
    assert cost.value == net.cost(net.forward(X)[0], Y) and "λ₁ = 0.2" in cost.explanation
    for l in (1, 2):
        step = next(s for s in steps if s.result_name == f"dW[{l}]")
        assert "+ (λ/m)·W" in step.formula_text and "+ (λ₁/m)·sign(W" in step.formula_text
        assert "λ = 0.7,  λ₁ = 0.2,  m = 400" in step.formula_text
        assert step.constants == {"λ": 0.7, "λ₁": 0.2, "m": 400}
        dZ, A, W, dW = (step.arrays[k] for k in (f"dZ[{l}]", f"A[{l - 1}]", f"W[{l}]", f"dW[{l}]"))
        assert same(dW, grads[f"dW{l}"])
        expected = (dZ @ A.T) / 400
        expected += (0.7 / 400) * W
        expected += (0.2 / 400) * np.sign(W)
        assert np.array_equal(dW, expected)
        assert "sign(0) = 0" in step.explanation


def test_the_dz_step_shows_the_slope_it_multiplies_by():
    """dZ[1] = dA[1] ⊙ g′[1](Z[1]): the step shows g′[1](Z[1]) (for tanh 1 − A[1]², the shape
    of Z[1]), not Z[1], and multiplying the arrays it shows gives its result."""
    net, X, Y = flower_case()
    steps = build_steps(net, X, Y, learning_rate=0.5)
    step = next(s for s in steps if s.title == "Backward, layer 1: dZ[1]")
    assert list(step.arrays) == ["dA[1]", "g′[1](Z[1])", "dZ[1]"]
    slope, A1 = step.arrays["g′[1](Z[1])"], steps[1].arrays["A[1]"]
    assert slope.shape == (4, 400)
    np.testing.assert_allclose(slope, 1 - A1**2)
    np.testing.assert_allclose(step.arrays["dA[1]"] * slope, step.result)
    assert name_html("g′[1](Z[1])") == "g′<sup>[1]</sup>(Z<sup>[1]</sup>)"


def test_a_softmax_dz_step_keeps_z_for_its_jacobian():
    rs = np.random.RandomState(0)
    X, labels = rs.randn(3, 50), rs.randint(0, 4, size=50)
    net = Network([3, 5, 4], ["relu", "softmax"], loss="mse", seed=1)
    steps = build_steps(net, X, np.eye(4)[:, labels], learning_rate=0.5)
    step = next(s for s in steps if s.title == "Backward, layer 2: dZ[2]")
    assert "Z[2]" in step.arrays and not any(k.startswith("g′") for k in step.arrays)


def test_explanations_write_the_averages_as_the_formulas_do():
    """v_dW[1] in an explanation is drawn as the formula draws it: v with dW[1] as a subscript."""
    net, X, Y = flower_case()
    steps = build_steps(net, X, Y, optimizer=make_optimizer("adam", 0.01))
    velocity = next(s for s in steps if s.phase == "velocity")
    assert "v_dW[1]" in velocity.explanation
    assert "v_dW" not in velocity.explanation_html
    assert "v<sub>dW<sup>[1]</sup></sub>" in velocity.explanation_html

    def plain(markup):
        return html.unescape(re.sub(r"<[^>]+>", "", markup))

    assert "vdW[1]" in plain(velocity.formula_html) and "vdW[1]" in plain(velocity.explanation_html)
    for step in steps:  # every name as its formula writes it, the prose otherwise unchanged
        assert plain(step.explanation_html) == re.sub(r"_(d[Wb]\[)", r"\1", step.explanation)
