"""Kept runs: named by what changed, renamed, hidden, removed, and saved with the model file."""

import json
import math

from nnstudio.engine import Network, NetworkSpec, TrainingConfig, TrainingData, train
from nnstudio.files import load_model, save_model
from nnstudio.learn import Run, RunStore, describe_change, make_description
from nnstudio.learn.runs import MAX_RUNS
from nnstudio.session import History

BASE = make_description(NetworkSpec((2, 4, 1), ("tanh", "sigmoid")), 1.2)


def history(n=3, offset=0.0):
    return {
        "step": [10 * i for i in range(n)],
        "cost": [0.7 - 0.1 * i + offset for i in range(n)],
        "val_cost": [None] * n,
        "accuracy": [0.5 + 0.1 * i for i in range(n)],
        "val_accuracy": [None] * n,
    }


def test_names_say_the_main_settings_and_what_changed():
    relu = make_description(NetworkSpec((2, 4, 1), ("relu", "sigmoid")), 0.1)
    assert describe_change(BASE, relu) == "relu, lr 0.1"
    assert describe_change(None, BASE) == "tanh, lr 1.2"
    assert describe_change(BASE, dict(BASE)) == "tanh, lr 1.2"
    deeper = make_description(NetworkSpec((2, 8, 8, 1), ("tanh", "tanh", "sigmoid")), 1.2)
    assert describe_change(BASE, deeper) == "hidden 8-8, tanh, lr 1.2"
    adam = make_description(NetworkSpec((2, 4, 1), ("tanh", "sigmoid"), init="he"), 1.2, "adam", 64)
    assert describe_change(BASE, adam) == "tanh, he init, lr 1.2, adam, batch 64"
    mixed = make_description(NetworkSpec((2, 3, 3, 1), ("relu", "tanh", "sigmoid")), 1.2)
    assert describe_change(BASE, mixed) == "hidden 3-3, relu/tanh, lr 1.2"
    assert describe_change(BASE, {**BASE, "dtype": "float32"}) == "tanh, lr 1.2, float32"


def test_names_say_dropout_batch_norm_and_decay_when_they_are_on():
    spec = NetworkSpec((2, 8, 8, 1), ("relu", "relu", "sigmoid"))
    plain = make_description(spec, 0.1, "adam", 64)
    dropout = make_description(
        NetworkSpec((2, 8, 8, 1), ("relu", "relu", "sigmoid"), keep_prob=(0.8, 0.8)), 0.1,
        "adam", 64,
    )  # fmt: skip
    assert describe_change(None, dropout) == "relu, lr 0.1, keep_prob 0.8"
    assert describe_change(dropout, plain) == "relu, lr 0.1, no dropout"
    assert describe_change(plain, dict(plain)) == "relu, lr 0.1"
    normed = make_description(
        NetworkSpec((2, 8, 8, 1), ("relu", "relu", "sigmoid"), batch_norm=(False, True)), 0.1,
        "adam", 64, decay=("inverse", 0.05, 0),
    )  # fmt: skip
    assert describe_change(plain, normed) == "relu, lr 0.1, inverse decay 0.05, batch norm on 2"
    assert describe_change(normed, plain) == "relu, lr 0.1, no decay, no batch norm"
    stepped = make_description(spec, 0.1, "adam", 64, decay=("scheduled", 0.5, 10))
    assert describe_change(plain, stepped) == "relu, lr 0.1, decay 0.5 every 10 epochs"
    mixed = make_description(
        NetworkSpec((2, 8, 8, 1), ("relu", "relu", "sigmoid"), keep_prob=(0.5, 1.0)), 0.1,
        "adam", 64, decay=("exponential", 0.95, 0),
    )  # fmt: skip
    assert describe_change(plain, mixed) == "relu, lr 0.1, exponential decay 0.95, keep_prob 0.5/1"


def test_description_is_plain_json():
    net = Network([2, 4, 1], ["tanh", "sigmoid"])
    description = make_description(net, 0.5, "momentum", 32, dataset="moons", epochs=100)
    assert json.loads(json.dumps(description)) == description
    assert description["layer_dims"] == [2, 4, 1] and description["dataset"] == "moons"


def test_store_adds_renames_hides_and_removes():
    store = RunStore()
    changes = []
    store.add_listener(lambda: changes.append(len(store)))
    first = store.add_finished(history(), BASE)
    relu = make_description(NetworkSpec((2, 4, 1), ("relu", "sigmoid")), 0.1)
    second = store.add_finished(history(offset=0.2), relu)
    assert (first, second) == (0, 1)
    assert store.names() == ["tanh, lr 1.2", "relu, lr 0.1"]
    assert store.add(Run("relu, lr 0.1", history())) == 2
    assert store.names()[2] == "relu, lr 0.1 (2)"
    store.rename(0, "  my   first run ")
    assert store[0].name == "my first run"
    store.rename(2, "my first run")
    assert store[2].name == "my first run (2)"
    store.set_visible(1, False)
    assert [r.name for r in store.visible_runs()] == ["my first run", "my first run (2)"]
    removed = store.remove(0)
    assert removed.name == "my first run" and len(store) == 2
    assert len(changes) == 7
    steps, costs = store[0].series("cost")
    assert steps == [0.0, 10.0, 20.0] and math.isclose(costs[-1], 0.7)
    assert store[0].series("val_cost") == ([], [])


def test_store_keeps_what_a_model_file_may_hold():
    store = RunStore()
    for i in range(MAX_RUNS + 3):
        store.add(Run(f"run {i}", history()))
    assert len(store) == MAX_RUNS and store[0].name == "run 3"


def test_runs_from_a_training_history():
    net = Network([2, 3, 1], ["tanh", "sigmoid"], seed=1)
    X = net.as_input([[0.0, 1.0, 2.0], [1.0, 0.0, 1.0]])
    Y = [[0, 1, 1]]
    kept = History()
    for report in train(net, TrainingData(X, Y), TrainingConfig(0.5, epochs=30)):
        kept.append(report)
    store = RunStore()
    store.add_finished(kept, make_description(net, 0.5))
    run = store[0]
    assert run.history["step"] == kept.step and run.history["cost"] == kept.cost
    assert run.final_cost == kept.cost[-1]


def test_runs_survive_a_save_and_reopen(tmp_path):
    store = RunStore()
    store.add_finished(history(), BASE)
    store.add_finished(
        {**history(4), "val_cost": [0.9, float("nan"), None, 0.4]},
        make_description(NetworkSpec((2, 4, 1), ("relu", "sigmoid")), 0.1),
    )
    store.set_visible(0, False)
    store.rename(1, "relu is faster")
    net = Network([2, 4, 1], ["tanh", "sigmoid"])
    path = save_model(tmp_path / "model.nnstudio", net, runs=store.to_list())
    reopened = RunStore.from_list(load_model(path).runs)
    assert reopened.to_list() == store.to_list()
    assert reopened.names() == ["tanh, lr 1.2", "relu is faster"]
    assert [r.visible for r in reopened] == [False, True]
    assert reopened[1].history["val_cost"] == [0.9, None, None, 0.4]
    assert reopened[1].description["activations"] == ["relu", "sigmoid"]
    again = RunStore()
    calls = []
    again.add_listener(lambda: calls.append(1))
    again.load_list(load_model(path).runs)
    assert again.names() == reopened.names() and calls == [1]
