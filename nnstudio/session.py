"""The application's state, free of Qt: the network spec, the data, the network, the history.

Views observe a :class:`Session` through :class:`Events` (plain callbacks, like an evented
model) and change it only through its methods, so the undo stack and the model file see every
edit. Event names: ``"network"`` (architecture or weights replaced), ``"weights"`` (weights
changed by training), ``"data"``, ``"settings"``, ``"history"``, ``"modified"``.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

import numpy as np

from .data import (
    DEFAULT_FEATURES,
    RAW_INPUTS,
    Dataset,
    FeatureError,
    PreparedData,
    Preset,
    check_features,
    make_dataset,
    map_features,
)
from .engine import (
    LIVE_SETTINGS,
    MAX_UNITS,
    Network,
    NetworkSpec,
    SpecError,
    TrainingConfig,
    TrainingData,
    TrainingReport,
)
from .learn import RunStore
from .session_evaluation import TestEvaluation, check_human_error, evaluate_test_set
from .session_parts import DEFAULT_HIDDEN as DEFAULT_HIDDEN
from .session_parts import OUTPUT_FOR_TASK as OUTPUT_FOR_TASK
from .session_parts import DataChoice as DataChoice
from .session_parts import Events as Events
from .session_parts import FedInputs, output_activation_template, output_units_template
from .session_parts import LayerSpec as LayerSpec
from .text import translate
from .training_run import SLOT_PREFIXES as SLOT_PREFIXES
from .training_run import History, RunPlan, TrainingSettings, plan_run, training_config
from .training_run import optimizer_state_fits as optimizer_state_fits


class Session:
    """Everything a learner is working on. Starts on the article's two-layer network
    (4 tanh units, sigmoid output) and the course's flower data."""

    def __init__(self) -> None:
        self.events = Events()
        self._hidden: tuple[LayerSpec, ...] = DEFAULT_HIDDEN
        self.init = "small"
        self.seed = 2
        self.dtype = "float64"
        self.l1 = self.l2 = 0.0  # λ₁ of L1 (cost + λ₁/m·Σ|W[l]|), λ of L2: the spec's l1, l2
        self.human_error = 0.0  # the task's human-level error: the bias is measured from it
        self.settings = TrainingSettings()
        self.data_choice = DataChoice()
        self.dataset: Dataset = make_dataset("flower")
        self.prepared: PreparedData = self.data_choice.prepare(self.dataset)
        # the features of the two inputs the network sees (nnstudio.data.features); the
        # identity for data without exactly two features
        self.input_features: tuple[str, ...] = DEFAULT_FEATURES
        self._fed = FedInputs()
        self.network = Network.from_spec(self._build_spec())
        self.history = History()
        self.optimizer_state: dict[str, Any] | None = None
        self.file_path: str | None = None
        # the finished runs kept to compare (Compare runs); the model file saves them. The store
        # stays the same object for the session's life: File ▸ Open loads other runs into it
        self.runs = RunStore()
        # what the model file held besides the state above, kept for the next save:
        # "created" (datetime), "extra" (JSON object)
        self.file_info: dict[str, Any] = {}
        self._modified = False

    # -- facts the views show ---------------------------------------------------------------
    @property
    def hidden_layers(self) -> tuple[LayerSpec, ...]:
        return self._hidden

    @property
    def spec(self) -> NetworkSpec:
        return self.network.spec

    @property
    def m(self) -> int:
        """Number of training samples (the m of the dimension table)."""
        return self.prepared.train.m

    @property
    def output_activation(self) -> str:
        return OUTPUT_FOR_TASK[self.dataset.task]

    @property
    def output_units(self) -> int:
        return self.dataset.n_classes if self.dataset.task == "multiclass" else 1

    @property
    def modified(self) -> bool:
        return self._modified

    def set_modified(self, value: bool = True) -> None:
        if value != self._modified:
            self._modified = value
            self.events.emit("modified")

    # -- the whole state at once (File ▸ New and Open) -----------------------------------------
    # fmt: off
    STATE = (
        "_hidden", "init", "seed", "dtype", "l2", "l1", "settings", "data_choice", "dataset",
        "prepared", "input_features", "network", "history", "optimizer_state", "file_path",
        "file_info", "_modified", "human_error",
    )
    # fmt: on

    @classmethod
    def from_parts(
        cls,
        *,
        hidden: Sequence[LayerSpec],
        network: Network,
        data_choice: DataChoice,
        dataset: Dataset,
        prepared: PreparedData,
        settings: TrainingSettings,
        history: History | None = None,
        optimizer_state: dict[str, Any] | None = None,
        file_path: str | None = None,
        file_info: dict[str, Any] | None = None,
        input_features: Sequence[str] = DEFAULT_FEATURES,
    ) -> Session:
        """A session holding exactly these parts (``network`` as it is, weights included).

        Raises SpecError if the network does not fit the hidden layers and the data (input
        size, output units and activation)."""
        session = cls()
        hidden = tuple(hidden)
        session.dataset, session.data_choice, session.prepared = dataset, data_choice, prepared
        session.input_features = session.check_input_features(input_features)
        session.check_hidden_layers(hidden)
        session.check_output_units(network.layer_dims[-1])
        session.check_output_activation(network.activations[-1])
        session._hidden = hidden
        spec = network.spec
        session.init, session.seed, session.dtype = spec.init, spec.seed, spec.dtype
        session.l1, session.l2 = spec.l1, spec.l2
        expected = session._build_spec()
        if (expected.layer_dims, expected.activations) != (spec.layer_dims, spec.activations):
            raise SpecError(
                translate(
                    "Session",
                    "the network {dims} does not fit the data: the data needs {n0} input(s) and "
                    "{nL} output unit(s)",
                ).format(
                    dims=list(spec.layer_dims),
                    n0=expected.layer_dims[0],
                    nL=expected.layer_dims[-1],
                )
            )
        session.network = network
        session.settings = settings
        session.history = history if history is not None else History()
        session.optimizer_state = optimizer_state
        session.file_path = file_path
        session.file_info = dict(file_info or {})
        return session

    def replace_with(self, other: Session) -> None:
        """Take over the whole state of ``other`` (a fully built session) at once, then tell
        every view. Nothing can fail half way: ``other`` is complete before anything changes.
        Events: "data", "network", "settings", "history", then "modified"."""
        for name in self.STATE:
            setattr(self, name, getattr(other, name))
        for name in ("data", "network", "settings", "history", "modified"):
            self.events.emit(name)

    # -- architecture -------------------------------------------------------------------------
    def _build_spec(self, hidden: Sequence[LayerSpec] | None = None) -> NetworkSpec:
        hidden = self._hidden if hidden is None else hidden
        dims = (self.n_inputs, *(layer.units for layer in hidden), self.output_units)
        acts = (*(layer.activation for layer in hidden), self.output_activation)
        keep = tuple(layer.keep_prob for layer in hidden)  # dropout and batch norm per layer
        norm = tuple(layer.batch_norm for layer in hidden)
        spec = NetworkSpec(dims, acts, "", self.init, self.seed, self.dtype, self.l2, self.l1)
        return spec.replace(keep_prob=keep, batch_norm=norm)

    @property
    def n_inputs(self) -> int:
        """n[0]: the number of chosen input features for data with two features, else the
        data's number of features."""
        if self.dataset.n_features == RAW_INPUTS:
            return len(self.input_features)
        return self.dataset.n_features

    @property
    def feature_choice(self) -> tuple[str, ...] | None:
        """The chosen input features, or None when the network is fed the inputs as they are."""
        return None if self.input_features == DEFAULT_FEATURES else self.input_features

    def check_input_features(self, keys: Sequence[str]) -> tuple[str, ...]:
        """``keys`` as a tuple if the current data can use them; else FeatureError (why)."""
        keys = check_features(keys)
        if keys != DEFAULT_FEATURES and self.dataset.n_features != RAW_INPUTS:
            raise FeatureError(
                translate(
                    "Session",
                    "input features like x₁² are made from two inputs; this data has {n}",
                ).format(n=self.dataset.n_features)
            )
        return keys

    def set_input_features(self, keys: Sequence[str]) -> None:
        """Feed the network these features of the two inputs (keys of
        ``nnstudio.data.FEATURES``): n[0] follows, with fresh initial weights from the seed and
        an empty history. Raises FeatureError (nothing changed) for a choice that cannot be."""
        self.input_features = self.check_input_features(keys)
        self._rebuild_network()

    def network_inputs(self, X: np.ndarray) -> np.ndarray:
        """What the network is fed for inputs X (n, m) as prepared (split, standardised): the
        chosen features, (n[0], m). The identity choice returns X itself."""
        return map_features(X, self.input_features)

    def check_hidden_layers(self, hidden: Sequence[LayerSpec]) -> None:
        """Raise SpecError (with the reason) if these hidden layers cannot be built."""
        for i, layer in enumerate(hidden, start=1):
            if not 1 <= layer.units <= MAX_UNITS:
                raise SpecError(
                    translate("Session", "layer {l} needs between 1 and {max} units").format(
                        l=i, max=MAX_UNITS
                    )
                )
            if layer.activation == "softmax":
                raise SpecError(
                    translate(
                        "Session",
                        "softmax turns a layer into probabilities over classes, so only the "
                        "output layer of a multi-class network can use it",
                    )
                )
        self._build_spec(hidden)

    def set_hidden_layers(self, hidden: Sequence[LayerSpec]) -> None:
        """Replace the hidden layers; the network is rebuilt with fresh initial weights."""
        hidden = tuple(hidden)
        self.check_hidden_layers(hidden)
        self._hidden = hidden
        self._rebuild_network()

    def check_output_activation(self, activation: str) -> None:
        """The output layer follows the task: raise SpecError saying why another cannot train."""
        wanted = self.output_activation
        if activation == wanted:
            return
        template = output_activation_template(self.dataset.task)
        raise SpecError(template.format(wanted=wanted, k=self.dataset.n_classes))

    def check_output_units(self, units: int) -> None:
        """The output size follows the task too: raise SpecError saying why ``units`` cannot."""
        wanted = self.output_units
        if units == wanted:
            return
        template = output_units_template(self.dataset.task)
        raise SpecError(template.format(wanted=wanted, k=self.dataset.n_classes))

    def set_initialization(self, init: str | None = None, seed: int | None = None) -> None:
        self.init = self.init if init is None else init
        self.seed = self.seed if seed is None else int(seed)
        self._rebuild_network()

    def set_precision(self, dtype: str) -> None:
        self.dtype = dtype
        self._rebuild_network()

    def set_l2(self, l2: float) -> None:
        self.network.l2 = self.l2 = float(l2)
        self.events.emit("settings")
        self.set_modified()

    def set_l1(self, l1: float) -> None:
        self.network.l1 = self.l1 = float(l1)  # the network refuses a bad λ₁ (nothing changes)
        self.events.emit("settings")
        self.set_modified()

    def set_human_error(self, value: float) -> None:
        """The task's human-level error (a share, a cost for a regression); or ValueError."""
        self.human_error = check_human_error(value, self.dataset.task)
        self.events.emit("settings")
        self.set_modified()

    def _rebuild_network(self) -> None:
        self.network = Network.from_spec(self._build_spec())
        self.history = History()
        self.optimizer_state = None
        self.events.emit("network")
        self.events.emit("history")
        self.set_modified()

    def reset_weights(self) -> None:
        """Draw the initial weights again (same seed, same weights) and forget the history."""
        self._rebuild_network()

    # -- data ---------------------------------------------------------------------------------
    def set_data(self, choice: DataChoice) -> None:
        """Use a built-in or imported data set with fresh initial weights (from the seed) and an
        empty history; raises ValueError (data unchanged) if it is bad."""
        dataset = (
            choice.imported
            if choice.imported is not None
            else make_dataset(choice.name, **choice.params)
        )
        prepared = choice.prepare(dataset)
        if dataset.task != self.dataset.task:  # an error rate is no cost, nor the reverse
            self.human_error = 0.0
        self.data_choice, self.dataset, self.prepared = choice, dataset, prepared
        if dataset.n_features != RAW_INPUTS:  # the choice of features needs two inputs
            self.input_features = DEFAULT_FEATURES
        self.events.emit("data")
        # fresh initial weights even when the shapes fit: weights trained (or blown up) on
        # other data are no start for this data
        self._rebuild_network()

    # -- training -------------------------------------------------------------------------------
    def set_settings(self, **changes: Any) -> None:
        self.settings = replace(self.settings, **changes)
        self.events.emit("settings")
        self.set_modified()

    def live_values(self) -> dict[str, float]:
        """The live settings (``LIVE_SETTINGS``: α, λ, λ₁) as the learner has them now."""
        kept = {"learning_rate": self.settings.learning_rate, "l2": self.l2, "l1": self.l1}
        return {name: float(kept[name]) for name in LIVE_SETTINGS}

    def training_data(self) -> TrainingData:
        """The prepared training and validation data as the network is fed it: X (n[0], m)
        through the chosen input features (the same arrays until either changes)."""
        return self._fed.get(self.prepared, self.input_features)

    def training_config(self, epochs: int | None = None) -> TrainingConfig:
        """The engine's config for the current settings (see :func:`training_config`)."""
        return training_config(self.settings, epochs)

    def plan_run(
        self,
        epochs: int | None = None,
        *,
        report_interval: float = 0.0,
        report_every: int | None = None,
        copy_params: bool = True,
    ) -> RunPlan:
        """The next run, the one way every caller (the window's worker, :meth:`train_here`, the
        command line, the examples) assembles it: the settings' config, the data, the iteration
        the history ends at, and the kept optimizer state when it continues the same kind of
        optimizer. The reporting arguments only pace reports (see :func:`plan_run`). Raises
        ValueError (a named subclass, see :func:`plan_run`) for settings, data or a network
        size the engine cannot use, before any thread starts."""
        return plan_run(
            self.settings,
            self.training_data(),
            self.history,
            self.optimizer_state,
            epochs=epochs,
            report_interval=report_interval,
            report_every=report_every,
            copy_params=copy_params,
            network=self.network,
        )

    def train_here(self, epochs: int | None = None) -> TrainingReport:
        """Train in this thread to the end, as the app's worker does: on a copy of the network,
        every record into the history, then keeping the optimizer's state. For scripts and
        tests."""
        plan = self.plan_run(epochs)
        report: TrainingReport | None = None
        for report in plan.run(self.network.copy()):
            self.apply_report(report)
        assert report is not None  # train() always ends with a report
        return report

    def evaluate_test(self) -> TestEvaluation:
        """Cost and accuracy on the test set, which nothing else reads (see
        :mod:`nnstudio.session_evaluation`); raises NoTestSetError when there is none."""
        return evaluate_test_set(self.network, self.prepared, self.input_features)

    def apply_report(self, report: TrainingReport) -> None:
        """Take the weights, the records and (at a run's end) the optimizer's state of a report
        from a training run. Every record reaches the history: a caller that applies only some
        reports passes the records of the others along (``replace(report, records=...)``)."""
        if report.params is not None:  # W, b (γ, β) and batch norm's running averages
            self.network.take_weights(report.params, report.running)
        self.history.append(report)  # its records and the settings changed during the run
        if report.optimizer_state is not None:
            self.optimizer_state = dict(report.optimizer_state)
        self.events.emit("weights")
        self.events.emit("history")
        self.set_modified()

    # -- presets and undo snapshots -----------------------------------------------------------
    def apply_preset(self, preset: Preset) -> None:
        """Use a data set's preset: its hidden layers, initialisation and seed, L2 λ, optimizer,
        learning rate, epochs and batch size, with fresh initial weights and an empty history.
        The data, the precision and the report interval stay as they are."""
        hidden = tuple(LayerSpec(units, activation) for units, activation in preset.hidden)
        self.check_hidden_layers(hidden)
        self._hidden = hidden
        self.init, self.seed, self.l2, self.l1 = preset.init, preset.seed, preset.l2, preset.l1
        self.settings = replace(
            self.settings,
            learning_rate=preset.learning_rate,
            epochs=preset.epochs,
            batch_size=preset.batch_size,
            optimizer=preset.optimizer,
            optimizer_options=dict(preset.optimizer_options),
        )
        self.events.emit("settings")
        self._rebuild_network()

    SNAPSHOT = tuple(name for name in STATE if name not in ("file_path", "file_info", "_modified"))

    def snapshot(self) -> dict[str, Any]:
        """The state an edit can change (architecture, data, settings, weights, history,
        optimizer state), copied so that later training does not change it. For undo."""
        state = {name: getattr(self, name) for name in self.SNAPSHOT}
        state["network"] = self.network.copy()
        state["history"] = copy.deepcopy(self.history)
        state["optimizer_state"] = copy.deepcopy(self.optimizer_state)
        return state

    def restore(self, state: dict[str, Any]) -> None:
        """Go back to a :meth:`snapshot` exactly (weights, history and optimizer state
        included); the snapshot stays usable for another restore.
        Events: "data", "network", "settings", "history", then "modified"."""
        for name in self.SNAPSHOT:
            setattr(self, name, state[name])
        self.network = state["network"].copy()
        self.history = copy.deepcopy(state["history"])
        self.optimizer_state = copy.deepcopy(state["optimizer_state"])
        for name in ("data", "network", "settings", "history"):
            self.events.emit(name)
        self.set_modified()
