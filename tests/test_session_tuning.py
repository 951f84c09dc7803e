"""Random search over hyperparameters: the seeded sampler, the runs through the session's own
assembly, the dev error that ranks them, and stopping between runs."""

from __future__ import annotations

import math

import numpy as np
import pytest

from nnstudio.engine import TrainingControl
from nnstudio.session import DataChoice, LayerSpec, Session
from nnstudio.session_tuning import (
    HYPERPARAMETERS,
    SearchSpace,
    TuningSearch,
    ranked,
    sample_values,
)


def session_with_dev(name: str = "flower", **params: float) -> Session:
    session = Session()
    session.set_data(DataChoice(name, dict(params), validation_share=0.25, split_seed=1))
    return session


def test_the_same_seed_draws_the_same_values_and_another_seed_other_ones():
    space = SearchSpace.of({"learning_rate": (1e-4, 1.0), "l2": (1e-3, 10.0), "units": (1, 9)})
    first = sample_values(space, 20, seed=7)
    assert first == sample_values(space, 20, seed=7)
    assert first != sample_values(space, 20, seed=8)
    # drawn run by run, setting by setting, from RandomState(seed)
    rs = np.random.RandomState(7)
    lr = 10.0 ** rs.uniform(-4.0, 0.0)
    l2 = 10.0 ** rs.uniform(-3.0, 1.0)
    units = rs.randint(1, 10)
    assert first[0] == pytest.approx({"learning_rate": lr, "l2": l2, "units": units})


def test_learning_rate_and_lambda_are_log_uniform_within_their_ranges():
    space = SearchSpace.of({"learning_rate": (1e-4, 1.0), "l2": (0.01, 100.0)})
    samples = sample_values(space, 4000, seed=0)
    for key, low, high in space.ranges:
        values = np.array([s[key] for s in samples])
        assert values.min() >= low and values.max() <= high
        # as many samples in each decade: log-uniform, not uniform (which would put ~90 % of
        # them in the top decade)
        counts, _ = np.histogram(np.log10(values), bins=4, range=(np.log10(low), np.log10(high)))
        assert np.all(np.abs(counts / len(values) - 0.25) < 0.03), (key, counts)


def test_keep_prob_is_uniform_in_its_range_reaching_1_but_not_the_low_end():
    samples = sample_values(SearchSpace.of({"keep_prob": (0.5, 1.0)}), 4000, seed=2)
    keep = np.array([s["keep_prob"] for s in samples])
    assert keep.min() > 0.5 and keep.max() <= 1.0
    counts, _ = np.histogram(keep, bins=5, range=(0.5, 1.0))
    assert np.all(np.abs(counts / len(keep) - 0.2) < 0.03), counts
    rs = np.random.RandomState(2)
    assert samples[0]["keep_prob"] == pytest.approx(1.0 - rs.uniform(0.0, 0.5))
    with pytest.raises(ValueError):
        SearchSpace.of({"keep_prob": (0.0, 1.0)})  # a keep_prob of 0 would drop every unit


def test_units_and_keep_prob_apply_to_every_hidden_layer_keeping_its_other_settings():
    session = session_with_dev()
    session.set_hidden_layers(
        (LayerSpec(3, "relu", batch_norm=True), LayerSpec(5, "tanh", keep_prob=0.9))
    )
    space = SearchSpace.of({"keep_prob": (0.5, 1.0), "units": (6, 8)})
    search = TuningSearch(session, space, runs=1, epochs=5, seed=0)
    values = search.samples[0]
    scratch = search.scratch_session(values)
    assert scratch.hidden_layers == (
        LayerSpec(values["units"], "relu", values["keep_prob"], True),
        LayerSpec(values["units"], "tanh", values["keep_prob"], False),
    )
    assert scratch.network.keep_prob == (values["keep_prob"],) * 2
    (result,) = search.results()
    assert result.to_run().description["layer_dims"][1:3] == [values["units"]] * 2


def test_units_are_whole_numbers_taking_both_ends_of_the_range():
    samples = sample_values(SearchSpace.of({"units": (3, 5)}), 300, seed=1)
    units = {s["units"] for s in samples}
    assert units == {3, 4, 5}
    assert all(isinstance(s["units"], int) for s in samples)


@pytest.mark.parametrize(
    "ranges",
    [
        {},
        {"learning_rate": (0.0, 1.0)},  # log scale: 0 has no logarithm
        {"learning_rate": (1.0, 0.1)},
        {"l2": (1e-3, math.inf)},
        {"units": (2.5, 8)},
        {"units": (0, 8)},
        {"momentum": (0.1, 0.9)},
    ],
)
def test_a_range_a_search_cannot_use_is_refused(ranges):
    with pytest.raises(ValueError):
        SearchSpace.of(ranges)


def test_a_range_error_names_the_setting_and_its_limits():
    with pytest.raises(ValueError, match=r"α.*between 1e-06 and 10"):
        SearchSpace.of({"learning_rate": (0.5, 50.0)})


def test_a_search_finds_a_learning_rate_far_better_than_a_tiny_one():
    session = session_with_dev()
    space = SearchSpace.of({"learning_rate": (1e-5, 2.0)})
    results = list(TuningSearch(session, space, runs=8, epochs=400, seed=3).results())
    assert [r.index for r in results] == list(range(8))
    best = ranked(results)[0]
    slowest = min(results, key=lambda r: r.value("learning_rate"))
    assert slowest.value("learning_rate") < 1e-3 and best.value("learning_rate") > 0.05
    # a tiny step leaves the flower near chance; a good one learns the petals
    assert slowest.dev_error > 0.35 and best.dev_error < 0.25
    assert best.dev_error == min(r.dev_error for r in results)
    assert all(r.measure == "error" for r in results)


def test_a_result_holds_the_errors_its_network_makes_and_its_whole_history():
    session = session_with_dev()
    search = TuningSearch(session, SearchSpace.of({"units": (2, 6)}), runs=1, epochs=50, seed=0)
    (result,) = search.results()
    history = dict(result.history)
    assert history["step"][0] == 0 and history["step"][-1] == 50
    assert len(history["step"]) == 51
    # the run's last record measured the same network the errors were taken from
    assert 1.0 - history["val_accuracy"][-1] == pytest.approx(result.dev_error)
    assert 1.0 - history["accuracy"][-1] == pytest.approx(result.train_error)
    run = result.to_run()
    assert run.name == f"tuning 1: n[l] {result.value('units')}"
    assert run.description["layer_dims"] == [2, result.value("units"), 1]
    assert run.description["epochs"] == 50
    with pytest.raises(AttributeError):
        result.dev_error = 0.0  # type: ignore[misc]


def test_a_search_leaves_the_learners_network_weights_and_settings_as_they_were():
    session = session_with_dev()
    session.set_settings(epochs=20)
    session.train_here()
    weights = {k: v.copy() for k, v in session.network.params.items()}
    settings, hidden, l2 = session.settings, session.hidden_layers, session.l2
    steps = list(session.history.step)
    space = SearchSpace.of({"learning_rate": (0.01, 1.0), "l2": (0.01, 1.0), "units": (5, 9)})
    search = TuningSearch(session, space, runs=3, epochs=20, seed=0)
    session.set_settings(learning_rate=0.3)  # a later edit does not reach the search ...
    list(search.results())
    assert search.scratch_session({}).settings.learning_rate == 1.2  # ... it copied the start
    session.set_settings(learning_rate=settings.learning_rate)
    assert session.settings == settings and session.hidden_layers == hidden and session.l2 == l2
    assert session.history.step == steps
    for name, value in weights.items():
        np.testing.assert_array_equal(session.network.params[name], value)


def test_every_run_starts_from_the_initial_weights_of_the_session_seed():
    session = session_with_dev()
    search = TuningSearch(session, SearchSpace.of({"l2": (0.1, 1.0)}), 2, 10, seed=0)
    first, second = (search.scratch_session(v) for v in search.samples)
    for name, value in first.network.params.items():
        np.testing.assert_array_equal(second.network.params[name], value)
    assert first.l2 == search.samples[0]["l2"] and second.l2 == search.samples[1]["l2"]


def test_a_regression_is_judged_on_its_data_cost_without_the_l2_term():
    session = session_with_dev("sine", samples=120)
    space = SearchSpace.of({"l2": (0.5, 5.0)})
    (result,) = TuningSearch(session, space, runs=1, epochs=30, seed=0).results()
    assert result.measure == "cost"
    history = dict(result.history)
    # the recorded cost holds the L2 term; the result's training cost does not
    assert history["penalty"][-1] > 0
    expected = history["cost"][-1] - history["penalty"][-1]
    assert result.train_error == pytest.approx(expected)


def test_stopping_ends_the_search_between_runs_and_inside_a_run():
    session = session_with_dev()
    control = TrainingControl()
    search = TuningSearch(session, SearchSpace.of({"learning_rate": (0.1, 1.0)}), 5, 30, 0)
    results = []
    for result in search.results(control):
        results.append(result)
        control.stop()  # the learner presses Cancel while the first result is shown
    assert len(results) == 1
    assert list(search.results(control)) == []  # stopped before a run: nothing trains


def test_a_search_that_cannot_run_says_what_to_change():
    session = Session()  # no dev set
    space = SearchSpace.of({"learning_rate": (0.1, 1.0)})
    with pytest.raises(ValueError, match="dev share"):
        TuningSearch(session, space, 3, 10, 0)
    session = session_with_dev()
    session.set_hidden_layers(())
    for key, low, high in (("units", 2, 4), ("keep_prob", 0.5, 1.0)):
        with pytest.raises(ValueError, match="no hidden layer"):
            TuningSearch(session, SearchSpace.of({key: (low, high)}), 3, 10, 0)
    session.set_hidden_layers((LayerSpec(3, "tanh"),))
    with pytest.raises(ValueError, match="between 1 and"):
        TuningSearch(session, space, 0, 10, 0)
    with pytest.raises(ValueError, match="epochs"):
        TuningSearch(session, space, 3, 0, 0)


def test_every_searchable_setting_has_a_default_range_it_accepts():
    for key, parameter in HYPERPARAMETERS.items():
        assert SearchSpace.of({key: parameter.default}).keys == (key,)
