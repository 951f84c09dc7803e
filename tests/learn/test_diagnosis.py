"""Why a run did not learn (diagnosis.py) and what a learner is told (advice.py): constructed
failing runs name their cause; runs that learn get no diagnosis."""

from __future__ import annotations

import numpy as np
import pytest

from nnstudio.data import make_dataset
from nnstudio.engine import (
    COST_ROSE,
    DIVERGED,
    NONFINITE,
    Divergence,
    Network,
    TrainingConfig,
    TrainingData,
    train,
)
from nnstudio.learn.advice import diagnosis_text, divergence_text
from nnstudio.learn.diagnosis import chance_accuracy, diagnose_run, usual_learning_rate


def run(dims, acts, lr, epochs, *, init="xavier", seed=1, data="flower", scale=None):
    """Train a fresh network and diagnose it as the app does: from its records."""
    d = make_dataset(data)
    X = d.X if scale is None else d.X * np.asarray(scale, dtype=float).reshape(-1, 1)
    net = Network(dims, acts, init=init, seed=seed)
    config = TrainingConfig(learning_rate=lr, epochs=epochs, record_every=10, report_every=1000)
    reports = list(train(net, TrainingData(X, d.Y), config))
    assert reports[-1].status == "finished"
    records = [r for report in reports for r in report.records]
    steps = [r.step for r in records]
    costs = [r.cost for r in records]
    accuracies = [r.accuracy for r in records]
    return diagnose_run(net, X, d.Y, steps, costs, accuracies, lr, "gd", False)


# -- runs that learn: no diagnosis -----------------------------------------------------------
def test_the_default_flower_run_gets_no_diagnosis():
    assert run([2, 4, 1], ["tanh", "sigmoid"], 1.2, 10000, init="small", seed=2) is None


@pytest.mark.parametrize(
    ("data", "dims", "acts", "lr", "epochs"),
    [
        ("circles", [2, 8, 1], ["relu", "sigmoid"], 0.5, 3000),
        ("moons", [2, 8, 1], ["tanh", "sigmoid"], 0.5, 3000),
        ("spiral", [2, 32, 32, 3], ["relu", "relu", "softmax"], 0.5, 3000),
        ("sine", [1, 16, 1], ["tanh", "linear"], 0.05, 3000),
    ],
)
def test_runs_that_learn_get_no_diagnosis(data, dims, acts, lr, epochs):
    assert run(dims, acts, lr, epochs, init="he", data=data) is None


# -- constructed failing runs: each names its cause ------------------------------------------
def test_a_tiny_learning_rate_is_told_to_grow():
    found = run([2, 4, 1], ["tanh", "sigmoid"], 1e-4, 1000, init="small", seed=2)
    assert found is not None and found.flat
    assert found.codes == ("rate_too_small",)
    assert found.findings[0]["suggested"] == pytest.approx(1e-3)
    text = diagnosis_text(found, "small")
    assert "did not learn" in text and "larger learning rate" in text and "0.001" in text


def test_zero_initial_weights_are_symmetric():
    found = run([2, 4, 1], ["tanh", "sigmoid"], 1.2, 1000, init="zeros")
    assert found is not None and found.at_chance and found.chance == 0.5
    assert found.codes[0] == "symmetric" and found.findings[0]["layer"] == 1
    assert "Initialise the weights randomly" in diagnosis_text(found, "zeros")


def test_logistic_regression_on_the_flower_is_at_chance():
    found = run([2, 1], ["sigmoid"], 1.2, 1000)
    assert found is not None and found.at_chance and not found.flat
    assert found.codes == ("no_hidden_layer",)
    assert "Add a hidden layer" in diagnosis_text(found)


def test_dead_relus_after_too_large_a_step():
    found = run([2, 16, 16, 1], ["relu", "relu", "sigmoid"], 3.0, 1000, init="he")
    assert found is not None and found.codes[0] == "dead_relu"
    facts = found.findings[0]
    assert facts["layer"] == 2 and facts["dead"] >= 0.9 * facts["units"]
    text = diagnosis_text(found, "he")
    assert "are dead" in text and "smaller learning rate" in text
    assert "He initialisation" not in text  # the run already uses it
    assert "He initialisation" in diagnosis_text(found, "xavier")


def test_unscaled_inputs_saturate_tanh_units():
    found = run([2, 8, 1], ["tanh", "sigmoid"], 0.5, 1000, scale=[1000, 1])
    assert found is not None
    assert found.codes[:2] == ("unscaled_inputs", "saturated")
    assert found.findings[0]["largest"] > 50 * found.findings[0]["smallest"]
    assert "Standardise the inputs" in diagnosis_text(found)


def test_standardised_inputs_are_not_blamed():
    d = make_dataset("flower")
    X = d.X * np.array([[1000.0], [1.0]])
    net = Network([2, 8, 1], ["tanh", "sigmoid"], seed=1)
    costs = [0.7, 0.7, 0.7]
    found = diagnose_run(net, X, d.Y, [0, 100, 200], costs, [0.5] * 3, 0.5, "gd", True)
    assert found is not None and "unscaled_inputs" not in found.codes


def test_a_deep_sigmoid_network_with_small_weights_vanishes():
    dims, acts = [2, *[8] * 6, 1], ["sigmoid"] * 7
    found = run(dims, acts, 0.1, 1000, init="small")
    assert found is not None and found.codes[0] == "vanishing"
    assert found.findings[0]["hidden"] == 6 and found.findings[0]["ratio"] < 1e-2
    assert "fewer layers" in diagnosis_text(found, "small")


def test_a_cost_that_jumps_around_asks_for_a_smaller_rate():
    d = make_dataset("flower")
    net = Network([2, 4, 1], ["tanh", "sigmoid"], seed=1)
    costs = [0.69, 0.75, 0.68, 0.74, 0.69, 0.73, 0.68, 0.72, 0.69]
    steps = [100 * i for i in range(len(costs))]
    found = diagnose_run(net, d.X, d.Y, steps, costs, [0.5] * len(costs), 2.0, "gd", False)
    assert found is not None and "oscillating" in found.codes
    text = diagnosis_text(found)
    assert "smaller learning rate" in text and "0.2" in text


def test_short_and_empty_runs_are_not_judged():
    d = make_dataset("flower")
    net = Network([2, 4, 1], ["tanh", "sigmoid"], seed=1)
    assert diagnose_run(net, d.X, d.Y, [0, 10], [0.7, 0.7], [0.5, 0.5], 1.0, "gd", False) is None
    assert diagnose_run(net, d.X, d.Y, [], [], [], 1.0, "gd", False) is None


def test_chance_is_the_share_of_the_most_common_class():
    assert chance_accuracy(np.array([[0, 1, 1, 1]])) == 0.75
    assert chance_accuracy(np.array([[1, 0, 0], [0, 1, 1]])) == pytest.approx(2 / 3)


# -- divergence: the advice fits the run -----------------------------------------------------
def test_adam_at_rate_100_is_told_its_usual_rate_not_adam():
    d = make_dataset("flower")
    net = Network([2, 4, 1], ["tanh", "sigmoid"], init="small", seed=2)
    config = TrainingConfig(learning_rate=100.0, epochs=2000, optimizer="adam")
    last = list(train(net, TrainingData(d.X, d.Y), config))[-1]
    assert last.status == DIVERGED
    div = last.divergence
    assert (div.optimizer, div.learning_rate, div.init) == ("adam", 100.0, "small")
    text = divergence_text(div)
    assert f"iteration {div.step}" in text
    assert "Adam optimizer" not in text and "may also help" in text  # the init advice
    assert f"{usual_learning_rate('adam'):g}" in text and " 10)" not in text


def test_gradient_descent_is_told_10x_smaller_and_adam_but_not_its_own_init():
    div = Divergence(91, NONFINITE, (2, 1), 1.2, "gd", 0.69, float("nan"), "he")
    text = divergence_text(div)
    assert "iteration 91" in text and "layer 2 (dW2), layer 1 (dW1)" in text
    assert "0.12" in text and "Adam optimizer" in text
    assert "Xavier or He" not in text
    assert "last finite weights were kept" in text


def test_a_cost_that_rose_says_from_where_to_where():
    div = Divergence(31, COST_ROSE, (1,), 0.5, "rmsprop", 0.693, 14.09, "xavier")
    text = divergence_text(div)
    assert "rose from 0.693 to 14.09" in text and "W1" in text
    assert "Adam" not in text and "usual learning rate, 0.001" in text


def test_divergence_text_follows_the_installed_translator():
    from nnstudio import text

    div = Divergence(7, NONFINITE, (), 3.0, "gd", 0.7, 0.7, "xavier")
    seen = []

    def translator(context, source):
        seen.append(context)
        return source.upper() if "{" not in source else source

    text.set_translator(translator)
    try:
        divergence_text(div)
    finally:
        text.set_translator(None)
    assert seen and set(seen) == {"Advice"}


def test_a_layer_of_one_unit_is_spoken_of_in_the_singular():
    from nnstudio.learn.diagnosis import Diagnosis, Finding

    dead = Finding("dead_relu", {"layer": 1, "dead": 1, "units": 1})
    saturated = Finding("saturated", {"layer": 2, "saturated": 1, "units": 1, "activation": "tanh"})
    found = Diagnosis(500, 0.69, 0.69, 0.5, 0.5, True, True, (dead, saturated))
    text = diagnosis_text(found)
    assert "The only ReLU unit of layer 1 is dead" in text and "1 of the 1" not in text
    assert "The only tanh unit of layer 2 is saturated" in text


# -- a run after a run: only the run that just ended is judged -------------------------------
def _records(reports):
    records = [r for report in reports for r in report.records]
    return [r.step for r in records], [r.cost for r in records], [r.accuracy for r in records]


def test_a_slow_run_after_a_blown_up_one_is_told_to_reset_the_weights():
    """Adam at rate 100 blows the weights up; gradient descent at 0.0001 then barely moves them.
    The diagnosis speaks of the second run only (its iterations and costs) and suggests fresh
    initial weights, not a smaller rate."""
    d = make_dataset("flower")
    data = TrainingData(d.X, d.Y)
    net = Network([2, 4, 1], ["tanh", "sigmoid"], init="small", seed=2)
    adam = list(
        train(net, data, TrainingConfig(learning_rate=100.0, epochs=2000, optimizer="adam"))
    )
    assert adam[-1].status == DIVERGED
    start = adam[-1].step
    gd = TrainingConfig(learning_rate=1e-4, epochs=1000, optimizer="gd")
    slow = list(train(net, data, gd, start_step=start))
    assert slow[-1].status == "finished"
    steps, costs, accuracies = _records(adam + slow)
    found = diagnose_run(net, d.X, d.Y, steps, costs, accuracies, 1e-4, "gd", False, start)
    assert found is not None
    assert found.iterations == 1000
    run_costs = [c for s, c in zip(steps, costs, strict=True) if s >= start]
    assert found.first_cost == pytest.approx(run_costs[0]) and run_costs[0] > 3 * 0.693
    assert found.last_cost == pytest.approx(costs[-1])
    assert found.codes == ("blown_up",)
    text = diagnosis_text(found, "small")
    assert "in 1000 iterations" in text and f"from {run_costs[0]:.4g}" in text
    assert "Reset weights" in text and "smaller learning rate" not in text
    assert f"{found.findings[0]['initial_cost']:.4g}" in text


def test_a_run_from_sound_weights_is_not_told_to_reset_them():
    d = make_dataset("flower")
    data = TrainingData(d.X, d.Y)
    net = Network([2, 4, 1], ["tanh", "sigmoid"], init="small", seed=2)
    first = list(train(net, data, TrainingConfig(learning_rate=1e-4, epochs=500)))
    second = list(train(net, data, TrainingConfig(learning_rate=1e-4, epochs=500), start_step=500))
    steps, costs, accuracies = _records(first + second)
    found = diagnose_run(net, d.X, d.Y, steps, costs, accuracies, 1e-4, "gd", False, 500)
    assert found is not None and found.iterations == 500
    assert "blown_up" not in found.codes and "rate_too_small" in found.codes


def test_a_divergence_quotes_the_cost_the_history_shows_at_its_iteration():
    """The sentence's last cost is the last record at the iteration it names: the one the
    status bar and the cost curve show."""
    d = make_dataset("flower")
    net = Network([2, 4, 1], ["tanh", "sigmoid"], init="small", seed=2)
    config = TrainingConfig(learning_rate=100.0, epochs=2000, optimizer="adam")
    reports = list(train(net, TrainingData(d.X, d.Y), config))
    div = reports[-1].divergence
    assert div is not None and div.kind == COST_ROSE
    records = [r for report in reports for r in report.records]
    assert records[-1].step == div.step
    assert div.last_cost == records[-1].cost
    assert div.first_cost == records[0].cost
    text = divergence_text(div)
    assert f"iteration {div.step}" in text and f"to {records[-1].cost:.4g}" in text


def test_the_initialisations_are_named_as_the_panel_shows_them():
    div = Divergence(31, COST_ROSE, (1,), 1.2, "gd", 0.693, 14.09, "small")
    assert "(Xavier or He)" in divergence_text(div)
