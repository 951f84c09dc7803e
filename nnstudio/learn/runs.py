"""Finished training runs kept side by side, named by what changed between them.

A :class:`Run` holds the recorded series of one run (``step``, ``cost``, ``val_cost``,
``accuracy``, ``val_accuracy``) and the settings that defined it (its *description*). A
:class:`RunStore` keeps them in order and converts to and from the JSON-ready dictionaries the
model file stores: ``{"name": str, "visible": bool, "history": {...}, "description": {...}}``.
:func:`describe_change` names a run after its main settings and the others that differ from
the previous run, e.g. ``"relu, lr 0.1"`` then ``"relu, lr 0.1, adam"``.

A run holds every point of the history it was kept from (one per record, see
:class:`nnstudio.training_run.History`) up to :data:`MAX_RUN_POINTS`; a longer one is reduced
the way a history is (:func:`~nnstudio.training_run.keep_indices`: first and last point, the
lowest and highest cost in each stretch). The gradient norms stay with the history: a run keeps
what Compare runs draws.
"""

from __future__ import annotations

import builtins
import math
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..text import translate
from ..training_run import NORM_PREFIX, keep_indices

SERIES = ("step", "cost", "val_cost", "accuracy", "val_accuracy")
MAX_RUNS = 100  # what a model file may hold
MAX_NAME = 200
MAX_RUN_POINTS = 2_000  # points a kept run holds; a longer run is reduced to this many

# Settings in the order they appear in a name, with how each is written.
DESCRIPTION_KEYS = (
    "dataset",
    "layer_dims",
    "activations",
    "init",
    "learning_rate",
    "decay",
    "optimizer",
    "batch_size",
    "l2",
    "l1",
    "keep_prob",
    "batch_norm",
    "dtype",
    "seed",
    "epochs",
)


def _number(value: Any) -> float | int | None:
    """A finite number as JSON has it; NaN, infinities and non-numbers become None."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


def _history_dict(history: Any) -> dict[str, list[float | int | None]]:
    """The five series from a ``History``, a ``to_dict()`` of one, or any mapping of lists."""
    if hasattr(history, "to_dict"):
        history = history.to_dict()
    if not isinstance(history, Mapping):
        raise TypeError("a run's history must be a mapping of series name → list of numbers")
    result: dict[str, list[float | int | None]] = {}
    for name in SERIES:
        values = list(history.get(name, []))
        if name == "step":
            result[name] = [int(v) for v in values]
        else:
            result[name] = [_number(v) for v in values]
    for name, values in history.items():  # keep any other series the file may hold
        if str(name).startswith(NORM_PREFIX) or name in result:
            continue
        if isinstance(values, Sequence) and not isinstance(values, str):
            result[str(name)] = [_number(v) for v in values]
    steps = result["step"]
    if len(steps) > MAX_RUN_POINTS and len(result["cost"]) == len(steps):
        keep = keep_indices([float(s or 0) for s in steps], result["cost"], MAX_RUN_POINTS)
        for name, values in result.items():
            if len(values) == len(steps):
                result[name] = [values[i] for i in keep]
    return result


@dataclass
class Run:
    """One finished run: ``name`` shown in the legend, ``visible`` on the overlay plot."""

    name: str
    history: dict[str, list[float | int | None]] = field(default_factory=dict)
    description: dict[str, Any] = field(default_factory=dict)
    visible: bool = True

    def __post_init__(self) -> None:
        self.name = _clean_name(self.name)
        self.history = _history_dict(self.history)
        self.description = dict(self.description)

    @property
    def steps(self) -> list[int]:
        return [int(v) for v in self.history.get("step", []) if v is not None]

    def series(self, name: str = "cost") -> tuple[list[float], list[float]]:
        """(iterations, values) of one series, leaving out points without a value."""
        steps = self.history.get("step", [])
        values = self.history.get(name, [])
        pairs = [
            (float(s), float(v))
            for s, v in zip(steps, values, strict=False)
            if s is not None and v is not None
        ]
        return [p[0] for p in pairs], [p[1] for p in pairs]

    @property
    def final_cost(self) -> float | None:
        costs = [v for v in self.history.get("cost", []) if v is not None]
        return float(costs[-1]) if costs else None

    def to_dict(self) -> dict[str, Any]:
        """``{"name", "visible", "history", "description"}`` — what the model file stores."""
        return {
            "name": self.name,
            "visible": bool(self.visible),
            "history": {k: list(v) for k, v in self.history.items()},
            "description": _json_ready(self.description),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Run:
        return cls(
            name=str(data.get("name", "")),
            history=dict(data.get("history", {})),
            description=dict(data.get("description", {})),
            visible=bool(data.get("visible", True)),
        )


def _clean_name(name: str) -> str:
    name = " ".join(str(name).split())
    return name[:MAX_NAME] or "run"


def _json_ready(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {str(k): _json_ready(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_json_ready(v) for v in value]
    if isinstance(value, (str, bool)) or value is None:
        return value
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    number = _number(value)  # NumPy scalars
    return number if number is not None else str(value)


class RunStore:
    """The kept runs, oldest first. Every change calls the listeners (no arguments)."""

    def __init__(self, runs: Sequence[Run] = ()) -> None:
        self._runs: builtins.list[Run] = list(runs)[-MAX_RUNS:]
        self._listeners: builtins.list[Callable[[], None]] = []

    # -- observing ------------------------------------------------------------------------------
    def add_listener(self, callback: Callable[[], None]) -> None:
        self._listeners.append(callback)

    def remove_listener(self, callback: Callable[[], None]) -> None:
        if callback in self._listeners:
            self._listeners.remove(callback)

    def _changed(self) -> None:
        for callback in list(self._listeners):
            callback()

    # -- reading ---------------------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self._runs)

    def __iter__(self) -> Iterator[Run]:
        return iter(list(self._runs))

    def __getitem__(self, index: int) -> Run:
        return self._runs[index]

    def list(self) -> builtins.list[Run]:
        return list(self._runs)

    def names(self) -> builtins.list[str]:
        return [run.name for run in self._runs]

    def visible_runs(self) -> builtins.list[Run]:
        return [run for run in self._runs if run.visible]

    def unique_name(self, name: str) -> str:
        """``name``, or ``name (2)``, ``name (3)``, … if a run already has it."""
        name = _clean_name(name)
        taken: set[str] = set(self.names())
        if name not in taken:
            return name
        k = 2
        while f"{name} ({k})" in taken:
            k += 1
        return f"{name} ({k})"

    # -- changing --------------------------------------------------------------------------------
    def add(self, run: Run) -> int:
        """Keep ``run`` (its name made unique); returns its index. When the store already holds
        :data:`MAX_RUNS` runs (what a model file may hold) the oldest is dropped."""
        run.name = self.unique_name(run.name)
        self._runs.append(run)
        if len(self._runs) > MAX_RUNS:
            del self._runs[0]
        self._changed()
        return len(self._runs) - 1

    def add_finished(
        self,
        history: Any,
        description: Mapping[str, Any],
        previous: Mapping[str, Any] | None = None,
    ) -> int:
        """Keep a finished run named after what changed since ``previous`` (by default the
        description of the last kept run)."""
        if previous is None and self._runs:
            previous = self._runs[-1].description
        name = describe_change(previous, description)
        return self.add(Run(name, _history_dict(history), dict(description)))

    def rename(self, index: int, name: str) -> None:
        name = _clean_name(name)
        if name == self._runs[index].name:
            return
        others = {run.name for i, run in enumerate(self._runs) if i != index}
        if name in others:
            k = 2
            while f"{name} ({k})" in others:
                k += 1
            name = f"{name} ({k})"
        self._runs[index].name = name
        self._changed()

    def set_visible(self, index: int, visible: bool) -> None:
        if self._runs[index].visible != bool(visible):
            self._runs[index].visible = bool(visible)
            self._changed()

    def remove(self, index: int) -> Run:
        run = self._runs.pop(index)
        self._changed()
        return run

    def clear(self) -> None:
        if self._runs:
            self._runs.clear()
            self._changed()

    def replace_all(self, runs: Sequence[Run]) -> None:
        self._runs = list(runs)[-MAX_RUNS:]
        self._changed()

    # -- the model file --------------------------------------------------------------------------
    def to_list(self) -> builtins.list[dict[str, Any]]:
        """The runs as ``save_model(..., runs=...)`` takes them."""
        return [run.to_dict() for run in self._runs]

    @classmethod
    def from_list(cls, data: Sequence[Mapping[str, Any]] | None) -> RunStore:
        """The store from ``load_model(...).runs``."""
        return cls([Run.from_dict(item) for item in data or []])

    def load_list(self, data: Sequence[Mapping[str, Any]] | None) -> None:
        """Replace the runs with those of a model file, keeping the listeners."""
        self.replace_all([Run.from_dict(item) for item in data or []])


# the second course's settings, named in a run's name whenever they are on
SHOWN_WHEN_ON = ("decay", "keep_prob", "batch_norm")


# -- descriptions and names ------------------------------------------------------------------------
def make_description(
    spec: Any,
    learning_rate: float,
    optimizer: str = "gd",
    batch_size: int = 0,
    decay: tuple[str, float, int] = ("none", 0.0, 0),
    **extra: Any,
) -> dict[str, Any]:
    """The settings that define a run, from a ``NetworkSpec`` (or a ``Network``) and the
    training settings — ``decay`` is (schedule, rate, interval in epochs) — ; ``extra`` adds
    others such as ``dataset="flower"`` or ``epochs=1000``."""
    spec = getattr(spec, "spec", spec)
    schedule, rate, interval = decay
    description: dict[str, Any] = {
        "layer_dims": [int(n) for n in spec.layer_dims],
        "activations": list(spec.activations),
        "init": spec.init,
        "seed": int(spec.seed),
        "dtype": spec.dtype,
        "l2": float(spec.l2),
        "l1": float(spec.l1),
        "learning_rate": float(learning_rate),
        "optimizer": str(optimizer),
        "batch_size": int(batch_size),
        "keep_prob": [float(k) for k in getattr(spec, "keep_prob", ())],
        "batch_norm": [bool(on) for on in getattr(spec, "batch_norm", ())],
        "decay": {"schedule": str(schedule), "rate": float(rate), "interval": int(interval)},
    }
    description.update(extra)
    return _json_ready(description)


def _hidden_activations(activations: Sequence[str]) -> str:
    hidden = list(activations)[:-1] or list(activations)
    distinct = list(dict.fromkeys(hidden))
    return "/".join(distinct)


def setting_phrase(key: str, value: Any) -> str:
    """One setting of a run's description in the words its name uses ("lr 0.1", "no dropout")."""
    if key == "activations":
        return _hidden_activations(value)
    if key == "layer_dims":
        dims = list(value)
        hidden = dims[1:-1]
        if not hidden:
            return translate("Runs", "no hidden layer")
        return translate("Runs", "hidden {units}").format(units="-".join(str(n) for n in hidden))
    if key == "learning_rate":
        return translate("Runs", "lr {value:g}").format(value=float(value))
    if key == "batch_size":
        if not value:
            return translate("Runs", "full batch")
        return translate("Runs", "batch {size}").format(size=int(value))
    if key == "init":
        return translate("Runs", "{name} init").format(name=value)
    if key == "l2":
        return f"λ {float(value):g}"
    if key == "l1":
        return f"λ₁ {float(value):g}"
    if key == "seed":
        return translate("Runs", "seed {seed}").format(seed=value)
    if key == "epochs":
        return translate("Runs", "{epochs} epochs").format(epochs=value)
    if key == "optimizer":
        return str(value)
    if key in SHOWN_WHEN_ON:
        return _course2_phrase(key, value)
    if key == "setting_changes":  # [{"step", "setting", "old", "new"}, …] changed mid-run
        return ", ".join(
            translate("Runs", "{name} {old:g}→{new:g} at {step}").format(
                name={"learning_rate": "lr", "l2": "λ", "l1": "λ₁"}.get(
                    change["setting"], change["setting"]
                ),
                old=float(change["old"]),
                new=float(change["new"]),
                step=change["step"],
            )
            for change in value
        )
    if isinstance(value, float):
        return f"{key} {value:g}"
    return str(value)


def _is_on(key: str, value: Any) -> bool:
    if key == "decay":
        return isinstance(value, Mapping) and value.get("schedule", "none") != "none"
    if key == "keep_prob":
        return any(float(k) < 1.0 for k in value or ())
    return any(value or ())  # batch_norm


def _course2_phrase(key: str, value: Any) -> str:
    """Dropout, batch normalisation or learning-rate decay, on or off, in a few words."""
    if not _is_on(key, value):
        if key == "decay":
            return translate("Runs", "no decay")
        if key == "keep_prob":
            return translate("Runs", "no dropout")
        return translate("Runs", "no batch norm")
    if key == "keep_prob":
        kept = "/".join(f"{float(k):g}" for k in dict.fromkeys(value))
        return translate("Runs", "keep_prob {values}").format(values=kept)
    if key == "batch_norm":
        if all(value):
            return translate("Runs", "batch norm")
        layers = ", ".join(str(l) for l, on in enumerate(value, start=1) if on)
        return translate("Runs", "batch norm on {layers}").format(layers=layers)
    rate, schedule = float(value.get("rate", 0.0)), value["schedule"]
    if schedule == "scheduled":
        return translate("Runs", "decay {rate:g} every {interval} epochs").format(
            rate=rate, interval=int(value.get("interval", 1))
        )
    if schedule == "exponential":
        return translate("Runs", "exponential decay {rate:g}").format(rate=rate)
    return translate("Runs", "inverse decay {rate:g}").format(rate=rate)


def describe_change(
    previous: Mapping[str, Any] | None, new: Mapping[str, Any], first_keys: Sequence[str] = ()
) -> str:
    """A short name for a run with settings ``new``: its main settings (the hidden activations
    and the learning rate) and whatever else differs from ``previous``, in the order of
    :data:`DESCRIPTION_KEYS`, so that every name reads the same way.

    ``describe_change(None, tanh_lr_1_2)`` → ``"tanh, lr 1.2"``; then a run that changed only the
    learning rate → ``"tanh, lr 0.5"``; one that also took Adam → ``"tanh, lr 0.5, adam"``.
    Dropout, batch normalisation and decay are named whenever they are on ("keep_prob 0.8"),
    and when they were on in the previous run but are off now ("no dropout").
    """
    keys = [k for k in DESCRIPTION_KEYS if k in new] + [k for k in new if k not in DESCRIPTION_KEYS]
    always = (*first_keys, "activations", "learning_rate", "setting_changes")
    shown = {k for k in always if k in new}
    shown.update(k for k in SHOWN_WHEN_ON if k in new and _is_on(k, new[k]))
    if previous is not None:
        phrase = setting_phrase
        shown.update(
            k for k in keys if k not in previous or phrase(k, previous[k]) != phrase(k, new[k])
        )
    first = [k for k in first_keys if k in shown]
    ordered = [*first, *(k for k in keys if k in shown and k not in first)]
    if not ordered:
        return translate("Runs", "run")
    return ", ".join(setting_phrase(k, new[k]) for k in ordered)
