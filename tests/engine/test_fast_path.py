"""The training step against the reference forward / backward / update it replaces.

``TrainingStep`` (nnstudio.engine.fast_step) must compute exactly what ``Network.forward``,
``Network.backward`` and the optimizers' ``update`` compute: identical in float64 (the same
operations in the same order), close in float32, for every activation, output, optimizer and
batch size, while allocating nothing per step and never computing dA[0].
"""

import tracemalloc

import numpy as np
import pytest

from nnstudio.engine import (
    OPTIMIZERS,
    Network,
    TrainingConfig,
    TrainingData,
    gradient_check,
    make_optimizer,
    train,
)
from nnstudio.engine.activations import LEAKY_SLOPE
from nnstudio.engine.fast_step import TrainingStep, uses_fused_update
from nnstudio.engine.layout import ParameterLayout
from nnstudio.engine.optimizers import Optimizer

# (layer_dims, activations, loss): every hidden activation, every output, matched and mse pairs
ARCHITECTURES = [
    ([3, 5, 1], ["tanh", "sigmoid"], None),
    ([3, 6, 4, 3], ["relu", "leaky_relu", "softmax"], None),
    ([2, 4, 4, 2], ["sigmoid", "linear", "linear"], None),
    ([4, 5, 3], ["relu", "sigmoid"], "mse"),
    ([3, 4, 3], ["tanh", "softmax"], "mse"),
    ([2, 3, 2], ["leaky_relu", "tanh"], "mse"),
    ([2, 3, 2], ["linear", "relu"], "mse"),
]
IDS = ["tanh-sigmoid", "relu-leaky-softmax", "sigmoid-linear", "mse-sigmoid", "mse-softmax",
       "mse-tanh", "mse-relu"]  # fmt: skip


def make_net(dims, acts, loss, dtype="float64", l2=0.0, seed=3, l1=0.0):
    net = Network(dims, acts, init="xavier", seed=seed, dtype=dtype, loss=loss, l2=l2, l1=l1)
    rng = np.random.RandomState(seed)
    for l in range(1, net.L + 1):  # non-zero biases: no pre-activation sits exactly on a kink
        net.params[f"b{l}"][...] = 0.1 * rng.randn(dims[l], 1)
    return net


def make_data(net, m, seed=0):
    rng = np.random.RandomState(seed)
    X = rng.randn(net.layer_dims[0], m)
    n_out, out = net.layer_dims[-1], net.activations[-1]
    if out == "softmax":
        Y = rng.randint(0, n_out, (1, m))
    elif out == "sigmoid":
        Y = (rng.rand(n_out, m) > 0.5).astype(float)
    else:
        Y = rng.randn(n_out, m)
    return net.as_input(X), np.ascontiguousarray(net.as_labels(Y))


def reference_step(net, X, Y, opt):
    AL, cache = net.forward(X)
    grads = net.backward(Y, cache)
    cost = net.cost(AL, Y)
    opt.update(net.params, grads)
    return AL, grads, cost


def fast_full_batch(net, X, Y, opt):
    step = TrainingStep(net, opt, X.shape[1])
    step.use_full_batch(X, Y)
    return step


@pytest.mark.parametrize(("dims", "acts", "loss"), ARCHITECTURES, ids=IDS)
@pytest.mark.parametrize(("l2", "l1"), [(0.0, 0.0), (0.7, 0.0), (0.0, 0.3), (0.7, 0.3)])
@pytest.mark.parametrize("m", [23, 16])  # 16: 1/m multiplies instead of dividing
def test_float64_steps_are_identical_to_the_reference(dims, acts, loss, l2, l1, m):
    ref = make_net(dims, acts, loss, l2=l2, l1=l1)
    net = ref.copy()
    X, Y = make_data(ref, m)
    step = fast_full_batch(net, X, Y, make_optimizer("gd", 0.3))
    ref_opt = make_optimizer("gd", 0.3)
    for _ in range(5):
        assert step.compute()
        AL, grads, cost = reference_step(ref, X, Y, ref_opt)
        np.testing.assert_array_equal(step.output, AL)
        for name, view in step.grad_views.items():
            np.testing.assert_array_equal(view, grads[f"d{name}"], err_msg=name)
        assert step.cost() == cost
        assert step.cost_terms() == (cost, net.penalty_cost(m))  # (not yet updated)
        step.apply()
        for name in ref.params:
            np.testing.assert_array_equal(net.params[name], ref.params[name], err_msg=name)


@pytest.mark.parametrize(("dims", "acts", "loss"), ARCHITECTURES, ids=IDS)
def test_float32_steps_are_close_to_the_reference(dims, acts, loss):
    ref = make_net(dims, acts, loss, dtype="float32")
    net = ref.copy()
    X, Y = make_data(ref, 17)
    assert X.dtype == np.float32
    step = fast_full_batch(net, X, Y, make_optimizer("adam", 0.01))
    ref_opt = make_optimizer("adam", 0.01)
    for _ in range(5):
        assert step.compute()
        AL, grads, cost = reference_step(ref, X, Y, ref_opt)
        np.testing.assert_allclose(step.output, AL, rtol=1e-5, atol=1e-6)
        for name, view in step.grad_views.items():
            assert view.dtype == np.float32
            np.testing.assert_allclose(view, grads[f"d{name}"], rtol=1e-4, atol=1e-6)
        assert step.cost() == pytest.approx(cost, rel=1e-5)
        step.apply()
        for name in ref.params:
            assert net.params[name].dtype == np.float32
            np.testing.assert_allclose(net.params[name], ref.params[name], rtol=1e-4, atol=1e-6)


@pytest.mark.parametrize("name", list(OPTIMIZERS))
def test_every_optimizer_fused_update_equals_its_update(name):
    assert uses_fused_update(make_optimizer(name, 0.01))
    ref = make_net([3, 6, 4, 3], ["relu", "tanh", "softmax"], None, l2=0.2)
    net = ref.copy()
    X, Y = make_data(ref, 31)
    opt, ref_opt = make_optimizer(name, 0.05), make_optimizer(name, 0.05)
    step = fast_full_batch(net, X, Y, opt)
    for _ in range(6):
        assert step.compute()
        reference_step(ref, X, Y, ref_opt)
        step.apply()
    for k in ref.params:
        np.testing.assert_array_equal(net.params[k], ref.params[k], err_msg=k)
    assert opt.t == ref_opt.t == 6
    state, ref_state = opt.state_dict(), ref_opt.state_dict()
    assert sorted(state["slots"]) == sorted(ref_state["slots"])
    for k, v in ref_state["slots"].items():
        np.testing.assert_array_equal(state["slots"][k], v, err_msg=k)


def test_an_optimizer_without_a_fused_update_still_trains_through_update():
    class HalfStep(Optimizer):  # a custom optimizer knows only _update_one
        name = "half"

        def _update_one(self, name, value, grad):
            value -= 0.5 * self.learning_rate * grad

    class Tweaked(OPTIMIZERS["adam"]):  # overriding _update_one disables the inherited fusion
        def _update_one(self, name, value, grad):
            value -= self.learning_rate * grad

    assert not uses_fused_update(HalfStep()) and not uses_fused_update(Tweaked())
    ref = make_net([2, 3, 1], ["tanh", "sigmoid"], None)
    net = ref.copy()
    X, Y = make_data(ref, 9)
    step = fast_full_batch(net, X, Y, HalfStep(0.4))
    ref_opt = HalfStep(0.4)
    for _ in range(3):
        step.compute()
        step.apply()
        reference_step(ref, X, Y, ref_opt)
    for k in ref.params:
        np.testing.assert_array_equal(net.params[k], ref.params[k])


def test_state_loaded_into_the_optimizer_is_used_and_kept():
    ref = make_net([3, 4, 1], ["relu", "sigmoid"], None)
    X, Y = make_data(ref, 12)
    first = make_optimizer("adam", 0.02)
    for _ in range(3):
        reference_step(ref, X, Y, first)
    net = ref.copy()
    resumed, twin = make_optimizer("adam", 0.02), make_optimizer("adam", 0.02)
    resumed.load_state_dict(first.state_dict())
    twin.load_state_dict(first.state_dict())
    step = fast_full_batch(net, X, Y, resumed)
    for _ in range(3):
        step.compute()
        step.apply()
        reference_step(ref, X, Y, twin)
    for k in ref.params:
        np.testing.assert_array_equal(net.params[k], ref.params[k])
    # loading new state between steps (as a caller may between two reports) takes effect
    resumed.load_state_dict(twin.state_dict())
    step.rebind()
    step.compute()
    step.apply()
    reference_step(ref, X, Y, twin)
    for k in ref.params:
        np.testing.assert_array_equal(net.params[k], ref.params[k])


@pytest.mark.parametrize("shuffle", ["seed_per_epoch", "one_generator"])
def test_mini_batches_match_the_reference_batches(shuffle):
    """train() with mini-batches equals forward/backward/update over the same batches (epoch e
    a permutation from RandomState(shuffle_seed + e) as the course draws them, or the e-th of
    one RandomState(shuffle_seed) as older files did, cut into consecutive batches)."""
    ref = make_net([3, 7, 5, 3], ["relu", "tanh", "softmax"], None)
    net = ref.copy()
    X, Y = make_data(ref, 50)
    config = TrainingConfig(
        learning_rate=0.1, epochs=3, batch_size=16, optimizer="momentum", shuffle_seed=4,
        record_every=1, report_every=1000, shuffle=shuffle,
    )  # fmt: skip
    reports = list(train(net, TrainingData(X, Y), config))
    assert reports[-1].step == 3 * 4  # 16 + 16 + 16 + 2 per epoch
    rs, opt, costs = np.random.RandomState(4), make_optimizer("momentum", 0.1), []
    for epoch in range(3):
        if shuffle == "seed_per_epoch":
            rs = np.random.RandomState(4 + epoch)
        order = rs.permutation(50)
        Xs, Ys = X[:, order], Y[:, order]
        for start in range(0, 50, 16):
            batch = slice(start, start + 16)
            costs.append(reference_step(ref, Xs[:, batch], Ys[:, batch], opt)[2])
    for k in ref.params:
        np.testing.assert_allclose(net.params[k], ref.params[k], rtol=1e-12, atol=1e-14)
    recorded = [r.cost for rep in reports for r in rep.records][: len(costs)]
    np.testing.assert_allclose(recorded, costs, rtol=1e-12)


def test_class_indices_train_exactly_as_their_one_hot_columns():
    """Mini-batches of a softmax network build their one-hot Y from the class indices."""
    ref = make_net([3, 6, 4], ["relu", "softmax"], None)
    rng = np.random.RandomState(2)
    X, classes = rng.randn(3, 45), rng.randint(0, 4, (1, 45))
    config = TrainingConfig(learning_rate=0.3, epochs=3, batch_size=8, record_every=2,
                            report_every=5)  # fmt: skip
    runs = []
    for Y in (classes, ref.as_labels(classes)):
        net = ref.copy()
        reports = list(train(net, TrainingData(X, Y), config))
        runs.append(
            (net.params, [(r.step, r.cost, r.accuracy) for p in reports for r in p.records])
        )
    for k in ref.params:
        np.testing.assert_array_equal(runs[0][0][k], runs[1][0][k])
    assert runs[0][1] == runs[1][1]


def test_batches_are_gathered_from_either_layout_of_X():
    ref = make_net([4, 5, 1], ["relu", "sigmoid"], None)
    X, Y = make_data(ref, 40)
    config = TrainingConfig(learning_rate=0.2, epochs=2, batch_size=8, report_every=1000)
    results = []
    for layout in (np.ascontiguousarray(X), np.asfortranarray(X)):
        net = ref.copy()
        list(train(net, TrainingData(layout, Y), config))
        results.append(net.params)
    for k in ref.params:
        np.testing.assert_array_equal(results[0][k], results[1][k])


def test_training_never_computes_dA0():
    """No product with W[1]ᵀ: the step's plan multiplies W[1] only in the forward pass."""
    net = make_net([5, 4, 3, 1], ["relu", "relu", "sigmoid"], None)
    X, Y = make_data(net, 10)
    step = fast_full_batch(net, X, Y, make_optimizer("gd", 0.1))
    step.compute()
    W1 = net.params["W1"]
    products = [args for f, args in step.buf.plan if f is np.dot]
    uses = [args for args in products if any(np.shares_memory(a, W1) for a in args[:2])]
    assert len(products) == 3 + 3 + 2  # forward, dW, and dA only for l = 3, 2
    assert len(uses) == 1 and uses[0][0] is W1  # Z1 = W1·X, never W1ᵀ·dZ1
    assert not any(a.shape == X.shape for args in products for a in args[2:])


def test_the_gradient_check_agrees_with_the_training_step():
    net = make_net([3, 5, 4, 2], ["tanh", "leaky_relu", "softmax"], None)
    X, Y = make_data(net, 8)
    assert gradient_check(net, X, Y).passed()
    step = fast_full_batch(net, X, Y, make_optimizer("gd", 0.1))
    step.compute()
    grads = net.backward(Y, net.forward(X)[1])
    for name, view in step.grad_views.items():
        np.testing.assert_array_equal(view, grads[f"d{name}"])


def test_buffers_are_reused_and_memory_stays_flat():
    net = make_net([6, 16, 8, 3], ["relu", "relu", "softmax"], None, dtype="float32")
    X, Y = make_data(net, 64)
    step = TrainingStep(net, make_optimizer("adam", 0.01), 16, batched=True)
    rows = np.ascontiguousarray(X.T)
    index = np.arange(64)

    def run(n):
        for i in range(n):
            step.load_batch(rows, Y, index[(i % 4) * 16 : (i % 4 + 1) * 16])
            step.compute()
            step.cost(), step.accuracy()
            step.apply()

    def addresses():
        return [a.__array_interface__["data"][0] for a in (step.grad, step.output, *step.state)]

    run(10)
    buffers = addresses()
    tracemalloc.start()
    run(5)
    before = tracemalloc.get_traced_memory()[0]
    tracemalloc.reset_peak()
    run(500)
    after, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert after - before < 2048  # nothing accumulates
    assert peak - before < 16 * 1024  # and nothing the size of a batch is allocated
    assert addresses() == buffers


def test_train_memory_does_not_grow_with_the_number_of_steps():
    net = make_net([8, 32, 16, 4], ["relu", "relu", "softmax"], None, dtype="float32")
    X, Y = make_data(net, 512)
    data = TrainingData(X, Y)

    def peak_of(epochs):
        config = TrainingConfig(
            learning_rate=0.05, epochs=epochs, batch_size=32, record_every=1000,
            report_every=10**6, copy_params=False,
        )  # fmt: skip
        tracemalloc.start()
        list(train(net, data, config))
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        return peak

    peak_of(1)
    # only the records it returns grow: one per epoch (cost, accuracy and three ‖dW[l]‖),
    # 18 more of them, each well under 300 bytes
    assert peak_of(20) < peak_of(2) + 4096 + 18 * 300


def test_parameters_live_in_one_buffer_and_stay_assignable():
    net = make_net([3, 4, 2], ["tanh", "sigmoid"], None)
    layout = ParameterLayout(net.layer_dims)
    flat = layout.packed_buffer(net.params, net.dtype)
    assert flat is not None and flat.size == layout.size
    X, Y = make_data(net, 10)
    data = TrainingData(X, Y)
    config = TrainingConfig(learning_rate=0.5, epochs=4, report_every=2)
    gen = train(net, data, config)
    next(gen)
    new_W1 = np.full((4, 3), 0.25)
    net.params["W1"] = new_W1  # assigned between two reports: the next steps start from it
    ref = net.copy()
    list(gen)
    X64, Y64 = net.as_input(X), net.as_labels(Y)
    opt = make_optimizer("gd", 0.5)
    for _ in range(2):
        reference_step(ref, X64, Y64, opt)
    for k in ref.params:
        np.testing.assert_array_equal(net.params[k], ref.params[k])
    assert layout.packed_buffer(net.params, net.dtype) is not None
    np.testing.assert_array_equal(new_W1, 0.25)  # the caller's array is left alone


def test_leaky_relu_slope_sums_to_one_in_both_precisions():
    # the fused derivative builds 1 as (1 − slope) + slope
    for dtype in (np.float32, np.float64):
        one = dtype(1.0 - LEAKY_SLOPE) + dtype(LEAKY_SLOPE)
        assert one == 1.0


def test_divergence_is_decided_by_the_reference_computation():
    net = Network([2, 8, 1], ["relu", "linear"], init="xavier", seed=1)
    rng = np.random.RandomState(0)
    X = rng.randn(2, 50)
    config = TrainingConfig(learning_rate=100.0, epochs=500, report_every=1000)
    last = list(train(net, TrainingData(X, X[:1] ** 2), config))[-1]
    assert last.status == "diverged"
    assert last.divergence is not None and last.divergence.layers
    assert all(np.isfinite(v).all() for v in net.params.values())
    assert any(not np.isfinite(n) for n in last.grad_norms)


def test_an_overflowing_check_is_settled_by_the_reference():
    """Σ dW² overflows float32 although every dW is finite: training goes on."""
    net = Network([1, 1], ["linear"], loss="mse", dtype="float32")
    net.params["W1"][...] = 1e10
    X, Y = np.full((1, 4), 1e10, dtype=np.float32), np.zeros((1, 4), dtype=np.float32)
    step = fast_full_batch(net, X, Y, make_optimizer("gd", 1e-30))
    with np.errstate(over="ignore"):
        assert not step.compute()  # dW = 1e30, Σ dW² = inf
        grads = net.backward(Y, net.forward(X)[1])
    assert all(np.isfinite(g).all() for g in grads.values())
    config = TrainingConfig(learning_rate=1e-30, epochs=3, report_every=1000)
    last = list(train(net, TrainingData(X, Y), config))[-1]
    assert last.status == "finished" and last.step == 3
