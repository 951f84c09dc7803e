"""Dropout and batch normalisation in the step-through: the mask steps and the batch-norm steps
hold the engine's own arrays, with the masks the next training step draws."""

import numpy as np
import pytest

from nnstudio.data import make_dataset
from nnstudio.engine import Network, make_optimizer
from nnstudio.engine.fast_step import TrainingStep
from nnstudio.learn import build_steps


def dropout_case(dtype="float64"):
    data = make_dataset("flower")
    net = Network(
        [2, 5, 4, 1], ["relu", "tanh", "sigmoid"], init="he", seed=3, keep_prob=[0.7, 0.5],
        dtype=dtype,
    )  # fmt: skip
    return net, data.X, data.Y


def batch_norm_case(dtype="float64"):
    data = make_dataset("flower")
    net = Network(
        [2, 5, 4, 1], ["tanh", "relu", "sigmoid"], init="he", seed=4, batch_norm=[True, True],
        keep_prob=[1.0, 0.8], dtype=dtype,
    )  # fmt: skip
    return net, data.X, data.Y


def by_title(steps, title):
    (step,) = [s for s in steps if s.title == title]
    return step


def engine_pass(net, X, Y):
    """The engine's training forward pass and its gradients, from a generator in the state of
    ``net.rng`` (as the next training step would draw)."""
    work = net.copy()
    rng = np.random.RandomState()
    rng.set_state(net.rng.get_state())
    _AL, cache = work.forward(X, training=True, rng=rng)
    return cache, work.backward(work.as_labels(Y), cache)


def test_dropout_masks_and_their_scaling_going_forward_and_back():
    net, X, Y = dropout_case()
    state = net.rng.get_state()[1].copy()
    steps = build_steps(net, X, Y, learning_rate=0.1)
    assert np.array_equal(net.rng.get_state()[1], state)  # the network's generator did not move
    cache, grads = engine_pass(net, X, Y)
    m = X.shape[1]
    for l, keep_prob in ((1, 0.7), (2, 0.5)):
        mask = by_title(steps, f"Forward, layer {l}: dropout mask")
        D = mask.arrays[f"D[{l}]"]
        assert D.dtype == bool and D.shape == (net.layer_dims[l], m)
        np.testing.assert_array_equal(D, cache[f"D{l}"])
        assert f"keep_prob = {keep_prob:g}" in mask.formula_text
        assert abs(D.mean() - keep_prob) < 0.05  # about keep_prob of the units are kept
        apply = by_title(steps, f"Forward, layer {l}: apply dropout")
        before = apply.arrays[f"g[{l}](Z[{l}])"]
        by_hand = np.where(D, before / keep_prob, 0.0)
        np.testing.assert_allclose(apply.result, by_hand, rtol=1e-15)
        np.testing.assert_array_equal(apply.result, cache[f"A{l}"])
        back = by_title(steps, f"Backward, layer {l + 1}: dropout on dA[{l}]")
        product = back.arrays[f"Wᵀ[{l + 1}]·dZ[{l + 1}]"]
        np.testing.assert_allclose(back.result, np.where(D, product / keep_prob, 0.0), rtol=1e-15)
        np.testing.assert_array_equal(back.result, grads[f"dA{l}"])
        assert back.result_name == f"dA[{l}]"
    assert "Forward, layer 3: dropout mask" not in [s.title for s in steps]  # never the output
    # the same masks a second time: nothing was drawn from the network's generator
    again = build_steps(net, X, Y, learning_rate=0.1)
    np.testing.assert_array_equal(
        by_title(again, "Forward, layer 1: dropout mask").result,
        by_title(steps, "Forward, layer 1: dropout mask").result,
    )


@pytest.mark.parametrize("case", [dropout_case, batch_norm_case])
def test_the_update_shown_is_the_training_steps_own_with_its_masks(case):
    net, X, Y = case()
    steps = build_steps(net, X, Y, learning_rate=0.05)
    trained = net.copy()
    trained.rng.set_state(net.rng.get_state())
    opt = make_optimizer("gd", 0.05)
    fast = TrainingStep(trained, opt, X.shape[1])  # the step training uses (with batch norm too)
    fast.use_full_batch(trained.as_input(X), trained.as_labels(Y))
    assert fast.compute()
    fast.apply()
    for l in range(1, net.L + 1):
        shown = [s for s in steps if s.kind == "update" and s.layer == l]
        new_W = [s.arrays[f"new W[{l}]"] for s in shown if f"new W[{l}]" in s.arrays]
        assert new_W
        np.testing.assert_allclose(new_W[-1], trained.params[f"W{l}"], rtol=1e-12, atol=1e-15)
        if f"gamma{l}" in net.params:  # γ[l] and β[l] are updated like W and b, shown alike
            for p, shown_as in (("gamma", "γ"), ("beta", "β")):
                new = [
                    s.arrays[f"new {shown_as}[{l}]"]
                    for s in shown
                    if f"new {shown_as}[{l}]" in s.arrays
                ]
                assert new and f"d{shown_as}[{l}]" in shown[-1].arrays
                np.testing.assert_allclose(
                    new[-1], trained.params[f"{p}{l}"], rtol=1e-12, atol=1e-15
                )
                assert not np.array_equal(new[-1], net.params[f"{p}{l}"])  # it did move


@pytest.mark.parametrize("dtype", ["float64", "float32"])
def test_batch_norm_steps_hold_the_engines_statistics_and_gradients(dtype):
    net, X, Y = batch_norm_case(dtype)
    running = {k: v.copy() for k, v in net.running.items()}
    steps = build_steps(net, X, Y, learning_rate=0.1)
    for k, v in net.running.items():  # the running averages are left as they were
        np.testing.assert_array_equal(v, running[k])
    cache, grads = engine_pass(net, X, Y)
    n1, m = net.layer_dims[1], X.shape[1]
    linear = by_title(steps, "Forward, layer 1: linear step")
    assert "b[1]" not in linear.formula_text and "b[1]" not in linear.arrays
    stats = by_title(steps, "Forward, layer 1: batch statistics")
    Z = cache["Z1"]
    np.testing.assert_array_equal(stats.arrays["μ[1]"], cache["mu1"])
    np.testing.assert_allclose(stats.arrays["μ[1]"], Z.mean(axis=1, keepdims=True), rtol=1e-5)
    np.testing.assert_allclose(stats.arrays["σ²[1]"], Z.var(axis=1, keepdims=True), rtol=1e-4)
    assert stats.arrays["μ[1]"].shape == (n1, 1) and stats.results == ("μ[1]", "σ²[1]")
    norm = by_title(steps, "Forward, layer 1: normalise")
    np.testing.assert_array_equal(norm.result, cache["Znorm1"])
    assert norm.result.shape == (n1, m)
    tilde = by_title(steps, "Forward, layer 1: scale and shift")
    np.testing.assert_array_equal(tilde.result, cache["Ztilde1"])
    assert f"Z̃[1] ({n1}, {m}) = γ[1] ({n1}, 1)" in tilde.formula_text
    act = by_title(steps, "Forward, layer 1: activation tanh")
    np.testing.assert_array_equal(act.result, np.tanh(cache["Ztilde1"]))
    dtilde = by_title(steps, "Backward, layer 1: dZ̃[1]")
    np.testing.assert_array_equal(dtilde.result, grads["dZtilde1"])
    dgb = by_title(steps, "Backward, layer 1: dγ[1], dβ[1]")
    np.testing.assert_array_equal(dgb.arrays["dγ[1]"], grads["dgamma1"])
    np.testing.assert_array_equal(dgb.arrays["dβ[1]"], grads["dbeta1"])
    dZ = by_title(steps, "Backward, layer 1: dZ[1]")
    np.testing.assert_array_equal(dZ.result, grads["dZ1"])
    db = by_title(steps, "Backward, layer 1: db[1]")
    assert db.formula_text.startswith("db[1] (5, 1) = 0") and not db.result.any()
    # dropout on a normalised layer: the mask after its activation
    np.testing.assert_array_equal(
        by_title(steps, "Forward, layer 2: dropout mask").result, cache["D2"]
    )
