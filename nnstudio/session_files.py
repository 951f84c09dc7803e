"""A :class:`~nnstudio.session.Session` as a model file and back. Qt-free.

:func:`save_session` writes everything a learner was working on: the network and its weights,
the data (a built-in set by name and parameters, an imported one embedded), the split and the
standardizer, the training settings, the cost history, the optimizer's state and any kept
comparison runs. :func:`load_session` / :func:`open_model_into` rebuild exactly that state, so
training continues where it stopped.

Opening never half-applies: the new state is built completely in a separate Session first; any
problem raises a :class:`~nnstudio.files.ModelFileError` and the current session is untouched.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any

from .data import (
    DEFAULT_FEATURES,
    RAW_INPUTS,
    Dataset,
    PreparedData,
    Standardizer,
    make_dataset,
    scaled,
    split_three,
)
from .engine import Network
from .files import InvalidContentError, ModelFile, load_model, now_utc, save_model
from .session import DataChoice, History, LayerSpec, Session, TrainingSettings
from .session_evaluation import check_human_error
from .text import translate

SETTING_KEYS = (
    "learning_rate",
    "epochs",
    "batch_size",
    "optimizer",
    "report_every",
    "decay_schedule",
    "decay_rate",
    "decay_interval",
    "shuffle",
    "shuffle_seed",
)


# -- saving ---------------------------------------------------------------------------------------
def session_hyperparameters(session: Session) -> dict[str, Any]:
    """The training settings, the network's init/seed/dtype/l2/l1 and the data split, as JSON."""
    config = session.training_config()
    choice = session.data_choice
    return {  # report_every: iterations between two history points (the engine's record_every)
        "learning_rate": config.learning_rate,
        "epochs": config.epochs,
        "batch_size": config.batch_size,
        "optimizer": config.optimizer,
        "optimizer_options": dict(config.optimizer_options),
        "report_every": config.record_every,
        "shuffle_seed": config.shuffle_seed,
        "shuffle": config.shuffle,  # how mini-batches are drawn (engine.progress.SHUFFLES)
        "decay_schedule": config.decay_schedule,
        "decay_rate": config.decay_rate,
        "decay_interval": config.decay_interval,
        "validation_share": float(choice.validation_share),
        # only when there is a test set: files without one stay as they were
        **({"test_share": float(choice.test_share)} if choice.test_share else {}),
        **({"human_level_error": session.human_error} if session.human_error else {}),
        "split_seed": int(choice.split_seed),
        "standardize": bool(choice.standardize),
        "init": session.init,
        "seed": session.seed,
        "dtype": session.dtype,
        "l2": session.l2,
        "l1": session.l1,
        # α, λ or λ₁ changed while a run trained: {"step", "setting", "old", "new"}
        "setting_changes": session.history.changes_to_list(),
    }


def session_runs(session: Session) -> list[dict[str, Any]]:
    """The kept comparison runs, as the model file stores them."""
    return session.runs.to_list()


def save_session(
    session: Session, path: str | os.PathLike[str], *, modified: datetime | None = None
) -> Path:
    """Save the whole session to ``path`` (atomically); return the file's path. ``modified``:
    the time to write as the last save (default now; the examples use a fixed one).

    Afterwards ``session.file_path`` is that path and the session is no longer modified.
    Raises a ModelFileError subclass (SaveError, InvalidContentError) with the learner's message;
    the session and any existing file are then unchanged.
    """
    created = session.file_info.get("created") or now_utc()
    target = save_model(
        path,
        session.network,
        dataset=session.dataset,
        history=session.history.to_dict(),
        hyperparameters=session_hyperparameters(session),
        optimizer_state=session.optimizer_state,
        runs=session_runs(session),
        extra=session.file_info.get("extra") or {},
        standardizer=session.prepared.standardizer if session.data_choice.standardize else None,
        input_features=(
            session.input_features if session.dataset.n_features == RAW_INPUTS else None
        ),
        created=created,
        modified=modified,
    )
    session.file_info["created"] = created
    session.file_path = str(target)
    session.set_modified(False)
    return target


# -- opening --------------------------------------------------------------------------------------
def load_session(path: str | os.PathLike[str]) -> Session:
    """A new Session holding the model file at ``path``; raises a ModelFileError subclass."""
    return session_from_model(load_model(path), path)


def open_model_into(
    session: Session, path: str | os.PathLike[str], *, as_copy: bool = False
) -> ModelFile:
    """Replace the state of ``session`` with the model file at ``path``; return the ModelFile
    (for its ``warnings``). On any ModelFileError ``session`` is left exactly as it was.

    ``as_copy``: open it untitled (``file_path`` None), e.g. a shipped example, so that Save asks
    where to write instead of overwriting the original; its first save is a new file's creation.
    """
    model = load_model(path)
    apply_model_file(session, model, None if as_copy else path)
    if as_copy:
        session.file_info.pop("created", None)
    return model


def apply_model_file(
    session: Session, model: ModelFile, path: str | os.PathLike[str] | None = None
) -> None:
    """Build the state of ``model`` completely, then swap it into ``session`` (all events)."""
    new = session_from_model(model, path)
    session.replace_with(new)
    take_runs(session, new.runs.to_list())


def take_runs(session: Session, runs: Sequence[Mapping[str, Any]]) -> None:
    """Give the session's run store the runs of an opened file (its listeners hear of it)."""
    session.runs.load_list(list(runs))


def session_from_model(model: ModelFile, path: str | os.PathLike[str] | None = None) -> Session:
    """A new Session exactly as saved: spec, weights, data, split, standardizer, settings,
    history and optimizer state. Raises InvalidContentError if the parts do not fit together."""
    if model.dataset is None:
        raise InvalidContentError(
            translate(
                "ModelFile",
                "the file holds no data set; NN Studio needs the data a network was trained on "
                "to show and train it",
            ),
            path,
        )
    hp = model.hyperparameters
    try:
        choice = _data_choice(model.dataset, hp, model.standardizer)
        prepared = _prepared(model.dataset, choice, model.standardizer)
        session = Session.from_parts(
            hidden=_hidden_layers(model.network),
            network=model.network,
            data_choice=choice,
            dataset=model.dataset,
            prepared=prepared,
            settings=_settings(hp),
            history=_history(model.history, hp.get("setting_changes", [])),
            optimizer_state=_optimizer_state(model.optimizer_state),
            file_path=None if path is None else os.path.abspath(path),
            file_info={
                "created": model.created,
                "extra": dict(model.extra),
            },
            input_features=model.input_features or DEFAULT_FEATURES,
        )
        session.runs.load_list([dict(run) for run in model.runs])
        session.human_error = check_human_error(
            hp.get("human_level_error", 0.0), model.dataset.task
        )
    except (ValueError, TypeError) as exc:
        raise InvalidContentError(
            translate("ModelFile", "the model cannot be opened: {reason}").format(reason=exc), path
        ) from exc
    return session


def _hidden_layers(network: Network) -> tuple[LayerSpec, ...]:
    dims, acts = network.layer_dims, network.activations
    keep, norm = network.keep_prob, network.spec.batch_norm
    return tuple(
        LayerSpec(dims[l], acts[l - 1], keep[l - 1], norm[l - 1]) for l in range(1, len(dims) - 1)
    )


def _data_choice(
    dataset: Dataset, hp: Mapping[str, Any], standardizer: Standardizer | None
) -> DataChoice:
    """A built-in set that re-generates to these numbers by name and parameters, else embedded."""
    share = float(hp.get("validation_share", 0.0))
    test_share = float(hp.get("test_share", 0.0))  # files saved before the test set: none
    seed = int(hp.get("split_seed", 0))
    scaled = bool(hp.get("standardize", standardizer is not None and not standardizer.is_identity))
    source = dataset.source
    if source.get("kind") == "builtin":
        params = dict(source.get("params", {}))
        try:
            same = make_dataset(str(source.get("name")), **params) == dataset
        except (ValueError, TypeError):
            same = False
        if same:
            return DataChoice(str(source["name"]), params, share, scaled, seed, None, test_share)
    return DataChoice(dataset.name, {}, share, scaled, seed, dataset, test_share)


def _prepared(
    dataset: Dataset, choice: DataChoice, standardizer: Standardizer | None
) -> PreparedData:
    """The same split, scaled by the stored standardizer (what the weights were trained on)."""
    if standardizer is None or not standardizer.fitted:
        return choice.prepare(dataset)
    refitted = replace(choice, standardize=not standardizer.is_identity).prepare(dataset)
    if refitted.standardizer == standardizer:
        return refitted  # the usual case: the same split gives the same μ and σ again
    share, test_share, seed = choice.validation_share, choice.test_share, choice.split_seed
    train, validation, test = split_three(dataset, share, test_share, seed)
    return scaled(train, validation, test, standardizer, share, seed, test_share)


def _settings(hp: Mapping[str, Any]) -> TrainingSettings:
    defaults = TrainingSettings()
    values: dict[str, Any] = {
        key: type(getattr(defaults, key))(hp[key]) for key in SETTING_KEYS if key in hp
    }
    options = hp.get("optimizer_options", {})
    values["optimizer_options"] = {str(k): float(v) for k, v in dict(options).items()}
    return TrainingSettings(**values)


def _history(values: Mapping[str, Sequence[Any]], changes: Any = ()) -> History:
    """The recorded series, aligned with "step" (None where nothing was recorded), with the
    gradient norms of the norm_dW1 … norm_dWL series (none in files saved before they were
    kept) and the settings changed during the runs (``setting_changes``, none in older files)."""
    if any(step is None for step in values.get("step", [])):
        raise ValueError(translate("ModelFile", "the history has an iteration without a number"))
    if not isinstance(changes, list):
        raise ValueError(translate("ModelFile", "setting_changes must be a list"))
    history = History.from_dict(values)
    history.changes = History.changes_from_list(changes)
    return history


def _optimizer_state(state: Mapping[str, Any] | None) -> dict[str, Any] | None:
    if state is None:
        return None
    return {"t": int(state["t"]), "slots": dict(state.get("slots", {}))}
