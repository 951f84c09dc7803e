"""train() and Network refuse arguments they cannot use, before the first step, saying why;
and a run that would not fit in memory is refused with the estimate and a batch size that fits."""

import math
import tracemalloc

import numpy as np
import pytest

from nnstudio.engine import (
    HyperparameterError,
    MemoryEstimate,
    Network,
    NotEnoughMemoryError,
    TrainingConfig,
    TrainingData,
    TrainingDataError,
    available_memory,
    check_training,
    estimate_training_memory,
    train,
)
from nnstudio.engine.checks import check_memory

GB = 1e9


def binary_data(m=8):
    rs = np.random.RandomState(0)
    X = rs.randn(2, m)
    return X, (X[0:1] > 0).astype(float)


def first_report(net, X, Y, **settings):
    config = TrainingConfig(**({"learning_rate": 0.1, "epochs": 5} | settings))
    return next(train(net, TrainingData(X, Y), config))


def sigmoid_net():
    return Network([2, 3, 1], ["relu", "sigmoid"])


def softmax_net(K=3):
    return Network([2, 4, K], ["tanh", "softmax"])


# -- the data ---------------------------------------------------------------------------------
def test_nan_in_x_is_named_not_blamed_on_the_learning_rate():
    X, Y = binary_data()
    X[1, 5] = np.nan
    with pytest.raises(TrainingDataError, match=r"not finite.*row 2, sample 6") as caught:
        first_report(sigmoid_net(), X, Y)
    assert caught.value.array == "X" and caught.value.sample == 5
    assert "learning rate" not in str(caught.value)


def test_infinite_x_is_refused_too():
    X, Y = binary_data()
    X[0, 0] = np.inf
    with pytest.raises(TrainingDataError, match="NaN or infinity"):
        first_report(sigmoid_net(), X, Y)


def test_labels_must_have_as_many_columns_as_x():
    X, Y = binary_data(8)
    with pytest.raises(TrainingDataError, match="Y has 7 columns but X has 8"):
        first_report(sigmoid_net(), X, Y[:, :7])


def test_a_single_label_is_not_broadcast_over_every_sample():
    X, _ = binary_data(8)
    with pytest.raises(TrainingDataError, match="1 columns but X has 8"):
        first_report(sigmoid_net(), X, np.ones((1, 1)))


def test_no_samples():
    with pytest.raises(TrainingDataError, match=r"no training samples \(m = 0\)"):
        first_report(sigmoid_net(), np.zeros((2, 0)), np.zeros((1, 0)))


def test_x_with_the_wrong_number_of_features():
    with pytest.raises(TrainingDataError, match=r"n\[0\] = 2 units"):
        first_report(sigmoid_net(), np.zeros((3, 4)), np.zeros((1, 4)))


@pytest.mark.parametrize("label", [2.0, -1.0, 0.5])
def test_sigmoid_labels_must_be_zero_or_one(label):
    X, Y = binary_data()
    Y[0, 3] = label
    with pytest.raises(TrainingDataError, match=r"sample 4 the label .*needs labels 0 or 1"):
        first_report(sigmoid_net(), X, Y)


@pytest.mark.parametrize("label", [3, -1, 1.5, np.nan])
def test_softmax_class_indices_must_be_classes(label):
    X, _ = binary_data(6)
    Y = np.array([[0, 1, 2, 0, 1, 2]], dtype=float)
    Y[0, 2] = label
    with pytest.raises(TrainingDataError, match="sample 3"):
        first_report(softmax_net(), X, Y)


def test_softmax_one_hot_columns_must_be_one_hot():
    X, _ = binary_data(4)
    Y = np.eye(3)[:, [0, 1, 2, 0]]
    first_report(softmax_net(), X, Y)  # one-hot: fine
    Y[:, 1] = [0.5, 0.5, 0.0]
    with pytest.raises(TrainingDataError, match=r"column 2 of Y .* not one-hot"):
        first_report(softmax_net(), X, Y)


def test_linear_labels_may_be_any_finite_number_but_not_nan():
    X, _ = binary_data(4)
    net = Network([2, 3, 1], ["tanh", "linear"])
    Y = np.array([[-7.5, 0.0, 3.25, 1e6]])
    first_report(net, X, Y)
    Y[0, 1] = np.nan
    with pytest.raises(TrainingDataError, match="sample 2"):
        first_report(net, X, Y)


def test_the_validation_set_is_checked_as_well():
    X, Y = binary_data(8)
    Y_val = np.array([[0.0, 3.0]])
    data = TrainingData(X, Y, X[:, :2], Y_val)
    with pytest.raises(TrainingDataError, match="Y_val") as caught:
        next(train(sigmoid_net(), data, TrainingConfig()))
    assert caught.value.array == "Y_val"


def test_mini_batches_check_the_labels_as_full_batch_does():
    X, Y = binary_data(8)
    Y[0, 0] = 2.0
    with pytest.raises(TrainingDataError):
        first_report(sigmoid_net(), X, Y, batch_size=4)


@pytest.mark.parametrize("rate", [0.0, -0.1, math.inf, math.nan])
def test_the_learning_rate_must_be_positive_and_finite(rate):
    X, Y = binary_data()
    with pytest.raises(HyperparameterError, match="learning_rate"):
        first_report(sigmoid_net(), X, Y, learning_rate=rate)


def test_refused_runs_leave_the_weights_alone():
    X, Y = binary_data()
    X[0, 0] = np.nan
    net = sigmoid_net()
    before = {k: v.copy() for k, v in net.params.items()}
    with pytest.raises(TrainingDataError):
        first_report(net, X, Y)
    assert all(np.array_equal(before[k], net.params[k]) for k in before)


def test_network_cost_and_backward_check_the_labels_too():
    net = sigmoid_net()
    X, Y = binary_data(8)
    AL, cache = net.forward(X)
    with pytest.raises(TrainingDataError, match="1 columns but X has 8"):
        net.cost(AL, np.ones((1, 1)))  # used to broadcast one label over every sample
    with pytest.raises(TrainingDataError, match="labels 0 or 1"):
        net.backward(Y * 2, cache)
    with pytest.raises(TrainingDataError, match="whole numbers"):
        softmax_net().as_labels(np.array([[0.0, 1.5]]))  # used to become class 1


# -- memory -----------------------------------------------------------------------------------
BIG = [2] + [1024] * 8 + [1]  # 8 hidden layers of 1,024 units


def test_eight_layers_of_1024_units_on_100000_samples():
    estimate = estimate_training_memory(BIG, 100_000)
    # Z, A, dZ, dA of every layer over all the samples: the 26 GB a full-batch pass needs ...
    assert estimate.record == pytest.approx(26.2 * GB, rel=0.01)
    # ... while the training step's own A and dZ buffers stay allocated: about 41 GB in all
    assert estimate.total == pytest.approx(41.3 * GB, rel=0.02)
    in_batches = estimate_training_memory(BIG, 100_000, batch_size=256)
    assert in_batches.total < 0.5 * GB


def test_a_run_that_does_not_fit_is_refused_with_the_estimate_and_a_batch_size():
    net = Network(BIG, ["relu"] * 8 + ["sigmoid"])
    with pytest.raises(NotEnoughMemoryError) as caught:
        check_memory(net, 100_000, available=int(8 * GB))
    error = caught.value
    assert "41.3 GB" in str(error) and "8.0 GB" in str(error)
    assert error.batch_size is not None and f"batch size {error.batch_size}" in str(error)
    fits = estimate_training_memory(BIG, 100_000, batch_size=error.batch_size)
    assert fits.total <= 8 * GB
    twice = estimate_training_memory(BIG, 100_000, batch_size=2 * error.batch_size)
    assert twice.total > 8 * GB  # the largest power of two that fits


def test_check_training_refuses_before_allocating_and_passes_when_it_fits():
    X, Y = binary_data(100_000)
    net = Network(BIG, ["relu"] * 8 + ["sigmoid"])
    data, config = TrainingData(X, Y), TrainingConfig()
    with pytest.raises(NotEnoughMemoryError, match="mini-batches of"):
        check_training(net, data, config, available=int(16 * GB))
    check_training(net, data, TrainingConfig(batch_size=1024), available=int(16 * GB))


def test_when_even_one_sample_does_not_fit_the_message_says_so():
    net = Network(BIG, ["relu"] * 8 + ["sigmoid"])
    with pytest.raises(NotEnoughMemoryError, match="even a batch of one") as caught:
        check_memory(net, 1000, available=10_000_000)
    assert caught.value.batch_size is None


def test_train_refuses_a_run_this_machine_cannot_hold():
    estimate = estimate_training_memory(BIG, 100_000)
    free = available_memory()
    if free is None or free >= estimate.total:
        pytest.skip("this machine could hold the run")
    X, Y = binary_data(100_000)
    net = Network(BIG, ["relu"] * 8 + ["sigmoid"])
    with pytest.raises(NotEnoughMemoryError):
        next(train(net, TrainingData(X, Y), TrainingConfig(epochs=1)))


def test_available_memory_is_read_from_the_machine():
    free = available_memory()
    assert free is None or free > 0


@pytest.mark.parametrize(("batch_size", "optimizer"), [(0, "gd"), (128, "adam")])
def test_the_estimate_counts_dropout_and_batch_norm_buffers(batch_size, optimizer):
    """Masks, dropped activations and normalised Z of every such layer are in the estimate."""
    dims = [2, 256, 256, 256, 1]
    m = 3000
    X, Y = binary_data(m)
    net = Network(
        dims, ["relu"] * 3 + ["sigmoid"], keep_prob=[0.8, 0.8, 0.8], batch_norm=[True] * 3
    )
    config = TrainingConfig(0.01, epochs=3, batch_size=batch_size, optimizer=optimizer)
    estimate = check_memory(net, m, batch_size, optimizer, available=None)
    plain = estimate_training_memory(dims, m, batch_size, optimizer)
    w = batch_size or m
    assert estimate.step - plain.step == 3 * 256 * w * (8 + 1) + 2 * 3 * 256 * w * 8
    tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        for report in train(net, TrainingData(X, Y), config):
            last = report
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert last.status == "finished"
    assert peak == pytest.approx(estimate.total, rel=0.25)
    assert peak <= 1.05 * estimate.total


@pytest.mark.parametrize(("batch_size", "optimizer"), [(0, "gd"), (0, "adam"), (128, "adam")])
def test_the_estimate_matches_what_training_allocates(batch_size, optimizer):
    dims = [2, 256, 256, 256, 1]
    m = 3000
    X, Y = binary_data(m)
    net = Network(dims, ["relu"] * 3 + ["sigmoid"])
    config = TrainingConfig(0.01, epochs=3, batch_size=batch_size, optimizer=optimizer)
    estimate = estimate_training_memory(dims, m, batch_size, optimizer)
    assert isinstance(estimate, MemoryEstimate)
    tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        for report in train(net, TrainingData(X, Y), config):
            last = report  # each report is dropped as the next one comes, as a caller does
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert last.status == "finished"
    assert peak == pytest.approx(estimate.total, rel=0.25)
    assert peak <= 1.05 * estimate.total  # never much more than the estimate says
