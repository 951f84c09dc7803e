"""One assembler of a training run and a history that keeps every record (Qt-free)."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nnstudio.cli import main
from nnstudio.engine import (
    PAUSED,
    Record,
    SettingChange,
    TrainingConfig,
    TrainingControl,
    TrainingData,
    train,
)
from nnstudio.files import InvalidContentError, load_model, save_model
from nnstudio.files.examples import EXAMPLES, build, example_session
from nnstudio.session import DataChoice, Session
from nnstudio.session_files import load_session, save_session
from nnstudio.training_run import History, keep_indices

values = st.one_of(st.none(), st.floats(allow_nan=True, allow_infinity=False, width=32))


@st.composite
def series(draw):
    gaps = draw(st.lists(st.integers(1, 50), min_size=1, max_size=400))
    steps = list(np.cumsum([0, *gaps]))
    return steps, draw(st.lists(values, min_size=len(steps), max_size=len(steps)))


def finite(vs):
    return [v for v in vs if v is not None and not math.isnan(v)]


@settings(max_examples=200, deadline=None)
@given(series(), st.integers(4, 120))
def test_a_reduced_series_keeps_its_ends_extremes_and_size(data, target):
    steps, vs = data
    keep = keep_indices(steps, vs, target)
    n = len(steps)
    assert keep == sorted(set(keep)) and all(0 <= i < n for i in keep)
    if n <= target:
        assert keep == list(range(n))  # nothing is dropped before the cap
        return
    assert len(keep) <= target
    assert keep[0] == 0 and keep[-1] == n - 1  # the first and the last record
    kept = finite([vs[i] for i in keep])
    if finite(vs):  # the lowest and the highest cost survive
        assert min(kept) == min(finite(vs)) and max(kept) == max(finite(vs))
    # the shape: every stretch of (last − first) / ((target − 2) // 2) iterations that holds
    # a number keeps one of its own
    buckets = (target - 2) // 2
    width = (steps[-1] - steps[0]) / buckets
    for b in range(buckets):
        inside = [i for i in range(1, n - 1) if steps[0] + b * width <= steps[i]]
        inside = [i for i in inside if steps[i] < steps[0] + (b + 1) * width]
        if finite([vs[i] for i in inside]):
            assert set(inside) & set(keep)


def record(step, cost, L=2):
    return Record(step, cost, 0.5, None, None, tuple(float(step + l) for l in range(L)))


@settings(max_examples=50, deadline=None)
@given(st.lists(st.integers(0, 40), min_size=1, max_size=30), st.integers(20, 60))
def test_records_arriving_in_any_chunks_give_the_same_history(chunks, cap):
    """Nothing that arrives between two frames is lost: the history does not depend on how the
    records were grouped into reports, and only the documented reduction thins it."""
    records = [record(10 * i, math.sin(i) / (i + 1)) for i in range(sum(chunks))]
    chunked = History(max_points=cap, reduced_points=cap // 2)
    at_once = History(max_points=cap, reduced_points=cap // 2)
    start = 0
    for size in chunks:
        chunked.extend(records[start : start + size])
        start += size
    at_once.extend(records)
    assert chunked == at_once
    everything = History()
    everything.extend(records)
    assert everything.step == [r.step for r in records]  # under the cap: every record
    assert len(chunked) <= cap
    if records:
        assert chunked.step[0] == 0 and chunked.step[-1] == records[-1].step
        assert set(chunked.step) <= set(everything.step)
        for s, norms in zip(chunked.step, chunked.grad_norms, strict=True):
            assert norms == everything.grad_norms[everything.step.index(s)]  # whole records


def test_a_very_long_run_is_bounded_and_keeps_its_start_end_and_spike():
    history = History()
    for start in range(0, 300_000, 1000):  # 300,000 records in reports of 1,000
        history.extend(
            record(s, 5.0 if s == 123_450 else 1.0 / (1 + s)) for s in range(start, start + 1000)
        )
        assert len(history) <= history.max_points
    assert history.step[0] == 0 and history.step[-1] == 299_999
    assert 123_450 in history.step and max(history.cost) == 5.0
    assert history.cost[0] == 1.0 and len(history.grad_norms) == len(history)


def test_the_history_round_trips_with_its_gradient_norms_and_old_files_still_open():
    history = History()
    history.extend([record(0, 0.7), record(10, 0.5, L=2)])
    values = history.to_dict()
    assert values["norm_dW1"] == [0.0, 10.0] and values["norm_dW2"] == [1.0, 11.0]
    assert History.from_dict(values) == history
    old = {"step": [0, 10], "cost": [0.7, 0.5]}  # written before norms were kept
    restored = History.from_dict(old)
    assert restored.step == [0, 10] and restored.grad_norms == [(), ()]
    assert restored.val_cost == [None, None]


def test_the_session_assembles_the_run_once():
    session = Session()
    session.set_settings(optimizer="momentum", learning_rate=0.3, optimizer_options={"beta": 0.8})
    plan = session.plan_run(epochs=20)
    assert plan.config.learning_rate == 0.3 and plan.config.optimizer == "momentum"
    assert plan.start_step == 0 and plan.optimizer_state is None
    assert plan.config.record_every == session.settings.report_every
    session.train_here(20)
    # continuing: from the history's end, with the kept velocities and the new rate
    session.set_settings(learning_rate=0.1)
    plan = session.plan_run(epochs=5)
    assert plan.start_step == 20 and plan.optimizer_state["t"] == 20
    assert plan.config.learning_rate == 0.1
    optimizer = plan.make_optimizer()  # what a view showing the next update uses
    assert (optimizer.name, optimizer.learning_rate, optimizer.t) == ("momentum", 0.1, 20)
    net = session.network.copy()
    config = TrainingConfig(
        learning_rate=0.1, epochs=5, optimizer="momentum", optimizer_options={"beta": 0.8}
    )
    state = dict(session.optimizer_state)
    list(train(net, session.training_data(), config, optimizer_state=state, start_step=20))
    session.train_here(5)
    assert net == session.network
    # another kind of optimizer starts afresh
    session.set_settings(optimizer="adam", learning_rate=0.01, optimizer_options={})
    assert session.plan_run().optimizer_state is None


def test_the_default_run_keeps_every_record_in_the_history_and_the_file(tmp_path):
    session = Session()
    session.train_here()
    h = session.history
    assert h.step == list(range(0, 10_001, 10))  # 1,001 points, not one per report
    assert all(len(norms) == 2 and all(v > 0 for v in norms) for norms in h.grad_norms)
    path = save_session(session, tmp_path / "flower.nnstudio")
    reopened = load_session(path)
    assert reopened.history == h


def test_the_command_line_trains_the_run_the_session_makes(tmp_path, capsys):
    session = Session()
    session.set_settings(epochs=300)
    path = save_session(session, tmp_path / "start.nnstudio")
    assert main(["train", str(path), "--out", str(tmp_path / "cli.nnstudio")]) == 0
    by_cli = load_session(tmp_path / "cli.nnstudio")
    session.train_here()
    assert by_cli.history == session.history
    assert by_cli.network == session.network
    assert by_cli.optimizer_state["t"] == session.optimizer_state["t"] == 300


def test_an_example_is_the_run_its_session_makes(tmp_path):
    example = next(e for e in EXAMPLES if e.file_name == "blobs-softmax.nnstudio")
    model = load_model(build(example, tmp_path))
    session = example_session(example)
    session.train_here()
    assert model.history == session.history.to_dict()
    assert model.network == session.network
    assert model.runs == []  # one learning rate: nothing to compare


def test_mini_batch_records_carry_their_batch_gradient_norms():
    session = Session()
    session.set_settings(epochs=3, batch_size=64, report_every=2)
    session.train_here()
    h = session.history
    m = session.m
    per_epoch = math.ceil(m / 64)
    expected = sorted({s for s in range(0, 3 * per_epoch + 1) if s % 2 == 0 or s % per_epoch == 0})
    assert h.step == [s for s in expected if s > 0]  # records after batches, then the end
    assert all(len(norms) == 2 for norms in h.grad_norms)
    data = TrainingData(session.prepared.train.X, session.prepared.train.Y)
    assert data.m == m


def test_validation_series_reopen_exactly(tmp_path):
    session = Session()
    session.set_data(DataChoice("moons", validation_share=0.25, standardize=True))
    session.set_settings(epochs=50, learning_rate=0.5)
    session.train_here()
    h = session.history
    assert h.step == list(range(0, 51, 10))
    assert all(type(v) is float for v in (*h.cost, *h.val_cost, *h.accuracy, *h.val_accuracy))
    reopened = load_session(save_session(session, tmp_path / "moons.nnstudio"))
    assert reopened.history == h


def test_settings_changed_during_a_run_reach_the_history_and_the_file(tmp_path):
    """α and λ changed mid-run (through the run's control, as the window does) are kept with
    the history; the model file stores them with the settings and opens them again."""
    session = Session()
    control = TrainingControl(paused=True)
    control.step(30)
    for report in session.plan_run(epochs=60).run(session.network.copy(), control):
        session.apply_report(report)
        if report.status == PAUSED:
            control.change("learning_rate", 0.5)
            control.change("l2", 0.2)
            control.resume()
    expected = [SettingChange(30, "learning_rate", 1.2, 0.5), SettingChange(30, "l2", 0.0, 0.2)]
    assert session.history.changes == expected
    path = save_session(session, tmp_path / "changed.nnstudio")
    assert load_model(path).hyperparameters["setting_changes"] == [
        {"step": 30, "setting": "learning_rate", "old": 1.2, "new": 0.5},
        {"step": 30, "setting": "l2", "old": 0.0, "new": 0.2},
    ]
    assert load_session(path).history.changes == expected
    # a change of something that cannot change during a run is refused, naming the entry
    model = load_model(path)
    hp = dict(model.hyperparameters)
    hp["setting_changes"] = [{"step": 3, "setting": "epochs", "old": 1, "new": 2}]
    bad = tmp_path / "bad.nnstudio"
    save_model(bad, model.network, dataset=model.dataset, hyperparameters=hp)
    with pytest.raises(InvalidContentError, match=r"setting_changes\[0\]"):
        load_session(bad)


def test_the_history_keeps_the_learning_rate_in_use_and_saves_it():
    from nnstudio.engine import Network, TrainingConfig, TrainingData, train
    from nnstudio.training_run import History

    rs = np.random.RandomState(0)
    X = rs.randn(2, 10)
    data = TrainingData(X, (X[:1] > 0).astype(float))
    config = TrainingConfig(
        learning_rate=0.4, epochs=4, record_every=1, decay_schedule="inverse", decay_rate=1.0
    )
    history = History()
    for report in train(Network([2, 3, 1], ["tanh", "sigmoid"]), data, config):
        history.append(report)
    assert history.learning_rate == [0.4, 0.4, 0.2, 0.4 / 3, 0.1]
    saved = history.to_dict()
    assert saved["learning_rate"] == history.learning_rate
    again = History.from_dict(saved)
    assert again.learning_rate == history.learning_rate
    assert [r.learning_rate for r in again.records()] == history.learning_rate
    # a history from before the rate was recorded stores no such series
    older = History.from_dict({k: v for k, v in saved.items() if k != "learning_rate"})
    assert older.learning_rate == [None] * 5 and "learning_rate" not in older.to_dict()
