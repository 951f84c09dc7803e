"""The manifest as a whole: which fields it has, what arrays they need, what values are allowed.

:func:`check_manifest` turns a parsed (current-version) manifest into :class:`Contents`;
:func:`check_array_values` checks the arrays once read. The saver runs both on what it is
about to write, so every file written here passes the loader's checks.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

import numpy as np

from ..data import RAW_INPUTS, FeatureError, check_features
from ..engine import NetworkSpec
from ..text import translate
from .errors import InvalidContentError, LimitExceededError
from .format import DATA_Y, LIMITS, STD_STD
from .hyperparameters import check_hyperparameters
from .jsonvalues import (
    JSON,
    check_json,
    invalid,
    need_dict,
    need_int,
    need_keys,
    need_list,
    need_str,
)
from .validate import (
    ArrayDecl,
    DatasetInfo,
    check_array_declarations,
    check_dataset,
    check_history,
    check_optimizer_state,
    check_runs,
    check_spec,
    check_standardizer,
    check_timestamp,
    compare_declarations,
    parameter_arrays,
    running_arrays,
)

REQUIRED = ("format", "format_version", "app_version", "created", "modified", "network", "arrays")
OPTIONAL = (
    "hyperparameters",
    "input_features",
    "dataset",
    "standardizer",
    "optimizer_state",
    "history",
    "runs",
    "extra",
)


@dataclass(frozen=True)
class Contents:
    """A validated manifest. ``arrays`` maps member names to (shape, dtype); ``slots`` maps
    optimizer slot names (``"v_W1"``) to their member names."""

    spec: NetworkSpec
    app_version: str
    created: datetime
    modified: datetime
    hyperparameters: dict[str, Any]
    dataset: DatasetInfo | None
    standardized: bool
    optimizer_t: int | None
    slots: dict[str, str]
    history: dict[str, list[float | int | None]]
    runs: list[dict[str, Any]]
    extra: dict[str, Any]
    arrays: dict[str, ArrayDecl]
    input_features: tuple[str, ...] | None = None


def check_manifest(manifest: dict[str, JSON]) -> Contents:
    """Validate every field of a current-version manifest (raises InvalidContentError)."""
    need_keys(manifest, "the manifest", REQUIRED, OPTIONAL)
    need_int(manifest["format_version"], "format_version", 0)
    spec = check_spec(manifest["network"])
    needed = parameter_arrays(spec) | running_arrays(spec)
    features = check_input_features(manifest.get("input_features"), spec)
    n_inputs = spec.layer_dims[0] if features is None else RAW_INPUTS
    dataset = check_dataset(manifest.get("dataset"), n_inputs)
    if dataset is not None:
        needed.update(dataset.arrays())
    standardizer = check_standardizer(manifest.get("standardizer"), n_inputs)
    needed.update(standardizer)
    state = manifest.get("optimizer_state")
    optimizer_t, slot_arrays = (None, {}) if state is None else check_optimizer_state(state, spec)
    needed.update(slot_arrays)
    declared = check_array_declarations(manifest["arrays"])
    compare_declarations(declared, needed)
    total = sum(_nbytes(shape, dtype) for shape, dtype in declared.values())
    if total > LIMITS.total_bytes:
        raise LimitExceededError(
            translate(
                "ModelFile",
                "the arrays declared take {size:.0f} MiB; a model file may hold at most {max} MiB",
            ).format(size=total / 2**20, max=LIMITS.total_bytes // 2**20)
        )
    return Contents(
        spec=spec,
        app_version=need_str(manifest["app_version"], "app_version", 100, empty=False),
        created=check_timestamp(manifest["created"], "created"),
        modified=check_timestamp(manifest["modified"], "modified"),
        hyperparameters=check_hyperparameters(manifest.get("hyperparameters", {})),
        dataset=dataset,
        standardized=bool(standardizer),
        optimizer_t=optimizer_t,
        slots={m.removeprefix("optimizer/").removesuffix(".npy"): m for m in slot_arrays},
        history=check_history(manifest.get("history", {})),
        runs=check_runs(manifest.get("runs", [])),
        extra=need_dict(check_json(manifest.get("extra", {}), "extra"), "extra"),
        arrays=declared,
        input_features=features,
    )


def check_input_features(value: JSON, spec: NetworkSpec) -> tuple[str, ...] | None:
    """``input_features``: null (the network sees the data's features as they are) or the
    keys of the features made from two inputs, one per input unit (n[0] of them)."""
    if value is None:
        return None
    items = need_list(value, "input_features", 100)
    keys = [need_str(item, f"input_features[{i}]", 100) for i, item in enumerate(items)]
    try:
        features = check_features(keys)
    except FeatureError as exc:
        raise InvalidContentError(
            translate("ModelFile", "the file's input features cannot be used: {reason}").format(
                reason=exc
            )
        ) from exc
    if len(features) != spec.layer_dims[0]:
        raise invalid(
            "input_features",
            translate(
                "ModelFile", "lists {k} features but the network has n[0] = {n0} inputs"
            ).format(k=len(features), n0=spec.layer_dims[0]),
        )
    return features


def _nbytes(shape: tuple[int, ...], dtype: str) -> int:
    return int(np.prod(shape, dtype=np.float64)) * (4 if dtype == "float32" else 8)


def check_array_values(contents: Contents, arrays: dict[str, np.ndarray]) -> None:
    """Finite numbers everywhere, class labels in 0..K-1, σ > 0 (arrays as declared)."""
    for name, array in arrays.items():
        if array.dtype.kind == "f" and not np.isfinite(array).all():
            if name.startswith("params/"):
                template = translate(
                    "ModelFile",
                    "the weights in {name} include NaN or infinite numbers; a model file holds "
                    "only finite numbers (was it saved from a run that diverged?)",
                )
            else:
                template = translate(
                    "ModelFile",
                    "the values in {name} include NaN or infinite numbers; a model file holds "
                    "only finite numbers (was it saved from a run that diverged?)",
                )
            raise InvalidContentError(template.format(name=name))
    info = contents.dataset
    if info is not None and info.embedded and info.task != "regression":
        labels = arrays[DATA_Y]
        K = len(info.class_names)
        if labels.size and (labels.min() < 0 or labels.max() >= K):
            raise InvalidContentError(
                translate("ModelFile", "{name} holds class labels outside 0..{last}").format(
                    name=DATA_Y, last=K - 1
                )
            )
    if contents.standardized and (arrays[STD_STD] <= 0).any():
        raise InvalidContentError(
            translate("ModelFile", "{name} must hold only positive spreads σ").format(name=STD_STD)
        )
