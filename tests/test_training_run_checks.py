"""A run's plan refuses data and sizes the engine cannot train, before any thread starts."""

from __future__ import annotations

import numpy as np
import pytest

from nnstudio.engine import (
    HyperparameterError,
    Network,
    NotEnoughMemoryError,
    TrainingData,
    TrainingDataError,
)
from nnstudio.session import LayerSpec, Session
from nnstudio.training_run import History, TrainingSettings, plan_run


def small() -> Network:
    return Network([2, 3, 1], ["tanh", "sigmoid"], seed=1)


def test_the_plan_refuses_nan_inputs_and_labels_the_loss_cannot_use():
    X = np.ones((2, 4))
    X[1, 2] = np.nan
    data = TrainingData(X, np.array([[0.0, 1.0, 0.0, 1.0]]))
    with pytest.raises(TrainingDataError, match="not finite") as caught:
        plan_run(TrainingSettings(), data, History(), None, network=small())
    assert caught.value.array == "X" and caught.value.sample == 2
    labels = TrainingData(np.ones((2, 4)), np.array([[0.0, 1.0, 2.0, 1.0]]))
    with pytest.raises(TrainingDataError, match="0 or 1"):
        plan_run(TrainingSettings(), labels, History(), None, network=small())


def test_the_plan_refuses_a_run_that_would_not_fit_in_memory_with_a_batch_size_that_does():
    m = 2_000_000
    data = TrainingData(np.zeros((2, m)), np.zeros((1, m)))
    net = Network([2, 1024, 1024, 1024, 1], ["relu", "relu", "relu", "sigmoid"], seed=1)
    with pytest.raises(NotEnoughMemoryError, match="batch size") as caught:
        plan_run(TrainingSettings(epochs=1), data, History(), None, network=net)
    assert caught.value.batch_size is not None and caught.value.batch_size < m


def test_the_session_plan_checks_its_network_and_names_the_setting():
    session = Session()
    session.set_hidden_layers([LayerSpec(4, "tanh")])
    session.set_settings(learning_rate=-1.0)
    with pytest.raises(HyperparameterError) as caught:
        session.plan_run()
    assert caught.value.field == "learning_rate"
    session.set_settings(learning_rate=0.1)
    # labels 0/1 for a sigmoid output; a linear output layer with three units does not fit them
    assert session.plan_run().data.m > 0
    session.network = Network([2, 4, 3], ["tanh", "linear"], loss="mse", seed=1)
    with pytest.raises(TrainingDataError, match="output layer"):
        session.plan_run()
