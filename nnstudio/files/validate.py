"""Checks of every manifest field; each returns the value in the form the loader uses.

Used by the loader on untrusted files and by the saver before writing, so a file this program
writes is always one it can read. Shapes follow the course: W[l] (n[l], n[l-1]), b[l] (n[l], 1),
data X (n0, m) and Y (1, m), standardizer μ and σ (n0, 1).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import numpy as np

from ..engine import NetworkSpec, SpecError
from ..engine.spec import MAX_UNITS
from ..text import translate
from .errors import LimitExceededError
from .format import (
    ARRAY_DTYPES,
    DATA_X,
    DATA_Y,
    LIMITS,
    STD_MEAN,
    STD_STD,
    param_member,
    running_member,
    slot_member,
)
from .hyperparameters import MAX_SEED, check_batch_norm_field, check_keep_prob_field
from .jsonvalues import (
    JSON,
    check_json,
    invalid,
    need_bool,
    need_dict,
    need_int,
    need_keys,
    need_list,
    need_number,
    need_str,
)

Shape = tuple[int, ...]
ArrayDecl = tuple[Shape, str]  # (shape, dtype name)
SPEC_FIELDS = (
    "layer_dims",
    "activations",
    "loss",
    "init",
    "seed",
    "dtype",
    "l2",
    "l1",
    "keep_prob",
    "batch_norm",
)
TASKS = ("binary", "multiclass", "regression")
SLOT_NAME = re.compile(r"[a-z][a-z0-9]*_((?:W|b|gamma|beta)[1-9][0-9]*)")


# -- the network ----------------------------------------------------------------------------------
def check_spec(value: JSON) -> NetworkSpec:
    """The ``network`` field (``NetworkSpec.to_dict()``) as a validated :class:`NetworkSpec`."""
    d = need_dict(value, "network")
    need_keys(d, "network", SPEC_FIELDS)
    dims = need_list(d["layer_dims"], "network.layer_dims", LIMITS.layers + 1)
    for i, n in enumerate(dims):
        need_int(n, f"network.layer_dims[{i}]", 1, 1_000_000 if i == 0 else MAX_UNITS)
    acts = need_list(d["activations"], "network.activations", LIMITS.layers)
    for i, a in enumerate(acts):
        need_str(a, f"network.activations[{i}]", 100)
    try:
        return NetworkSpec(
            layer_dims=tuple(dims),
            activations=tuple(acts),
            loss=need_str(d["loss"], "network.loss", 100),
            init=need_str(d["init"], "network.init", 100),
            seed=need_int(d["seed"], "network.seed", 0, MAX_SEED),
            dtype=need_str(d["dtype"], "network.dtype", 100),
            l2=need_number(d["l2"], "network.l2", 0.0),
            l1=need_number(d["l1"], "network.l1", 0.0),
            keep_prob=check_keep_prob_field(d["keep_prob"], len(dims) - 2),
            batch_norm=check_batch_norm_field(d["batch_norm"], len(dims) - 2),
        )
    except SpecError as exc:
        raise invalid(
            "network",
            translate("ModelFile", "describes a network that cannot be built: {reason}").format(
                reason=exc
            ),
        ) from exc


# -- arrays ---------------------------------------------------------------------------------------
def check_array_declarations(value: JSON) -> dict[str, ArrayDecl]:
    """``arrays``: member name → {"shape": [..], "dtype": "float32" | "float64" | "int64"}."""
    d = need_dict(value, "arrays")
    if len(d) >= LIMITS.members:  # the manifest is a member too
        raise LimitExceededError(
            translate(
                "ModelFile", "the file declares {n} arrays; a model file holds at most {max}"
            ).format(n=len(d), max=LIMITS.members - 1)
        )
    result: dict[str, ArrayDecl] = {}
    for name, decl in d.items():
        where = f"arrays[{name!r}]"
        entry = need_dict(decl, where)
        need_keys(entry, where, ("shape", "dtype"))
        dims = need_list(entry["shape"], f"{where}.shape", 2)
        shape = tuple(need_int(n, f"{where}.shape[{i}]", 0, 2**31) for i, n in enumerate(dims))
        dtype = need_str(entry["dtype"], f"{where}.dtype", 100)
        if dtype not in ARRAY_DTYPES:
            raise invalid(
                where,
                translate("ModelFile", "has dtype {dtype!r}; only {known} are allowed").format(
                    dtype=dtype, known=", ".join(ARRAY_DTYPES)
                ),
            )
        nbytes = int(np.prod(shape, dtype=np.float64)) * np.dtype(ARRAY_DTYPES[dtype]).itemsize
        if nbytes > LIMITS.member_bytes:
            raise LimitExceededError(
                translate(
                    "ModelFile",
                    "the array {name} would take {size:.0f} MiB; a model file allows at most "
                    "{max} MiB per array",
                ).format(name=name, size=nbytes / 2**20, max=LIMITS.member_bytes // 2**20)
            )
        result[name] = (shape, dtype)
    return result


def parameter_arrays(spec: NetworkSpec) -> dict[str, ArrayDecl]:
    """``params/W{l}.npy`` (n[l], n[l-1]) and ``params/b{l}.npy`` (n[l], 1) in the spec's dtype,
    and ``params/gamma{l}.npy``, ``params/beta{l}.npy`` (n[l], 1) where batch norm is on."""
    dims = spec.layer_dims
    result: dict[str, ArrayDecl] = {}
    for l in range(1, spec.L + 1):
        result[param_member(f"W{l}")] = ((dims[l], dims[l - 1]), spec.dtype)
        for kind in ("b", "gamma", "beta") if l in spec.batch_norm_layers() else ("b",):
            result[param_member(f"{kind}{l}")] = ((dims[l], 1), spec.dtype)
    return result


def running_arrays(spec: NetworkSpec) -> dict[str, ArrayDecl]:
    """Batch normalisation's running μ and σ²: ``batchnorm/mean{l}.npy``, ``…/var{l}.npy``."""
    result: dict[str, ArrayDecl] = {}
    for l in spec.batch_norm_layers():
        for kind in ("mean", "var"):
            result[running_member(f"{kind}{l}")] = ((spec.layer_dims[l], 1), spec.dtype)
    return result


def compare_declarations(declared: dict[str, ArrayDecl], needed: dict[str, ArrayDecl]) -> None:
    """The ``arrays`` field must declare exactly the arrays the rest of the manifest needs."""
    for name, (shape, dtype) in needed.items():
        if name not in declared:
            raise invalid(
                "arrays",
                translate("ModelFile", "lacks {name}, which the manifest needs").format(name=name),
            )
        got_shape, got_dtype = declared[name]
        if got_shape != shape:
            raise invalid(
                f"arrays[{name!r}]",
                translate("ModelFile", "has shape {got}; it must be {shape}").format(
                    got=list(got_shape), shape=list(shape)
                ),
            )
        if got_dtype != dtype:
            raise invalid(
                f"arrays[{name!r}]",
                translate("ModelFile", "has dtype {got}; it must be {dtype}").format(
                    got=got_dtype, dtype=dtype
                ),
            )
    extra = sorted(set(declared) - set(needed))
    if extra:
        raise invalid(
            "arrays",
            translate("ModelFile", "declares {name}, which nothing in the manifest uses").format(
                name=extra[0]
            ),
        )


# -- optimizer state, standardizer ----------------------------------------------------------------
def check_optimizer_state(value: JSON, spec: NetworkSpec) -> tuple[int, dict[str, ArrayDecl]]:
    """``optimizer_state``: {"t": steps, "slots": ["v_W1", …]} → (t, slot arrays).

    A slot ``<kind>_<param>`` has the shape and dtype of its parameter.
    """
    d = need_dict(value, "optimizer_state")
    need_keys(d, "optimizer_state", ("t", "slots"))
    t = need_int(d["t"], "optimizer_state.t", 0, 2**62)
    params = parameter_arrays(spec)
    slots: dict[str, ArrayDecl] = {}
    for i, name in enumerate(need_list(d["slots"], "optimizer_state.slots", LIMITS.members)):
        where = f"optimizer_state.slots[{i}]"
        need_str(name, where, 100)
        match = SLOT_NAME.fullmatch(name)
        if match is None or param_member(match.group(1)) not in params:
            raise invalid(
                where,
                translate(
                    "ModelFile", "is {name!r}, which is not a slot of this network's parameters"
                ).format(name=name),
            )
        if slot_member(name) in slots:
            raise invalid(where, translate("ModelFile", "repeats {name!r}").format(name=name))
        slots[slot_member(name)] = params[param_member(match.group(1))]
    return t, slots


def check_standardizer(value: JSON, n0: int) -> dict[str, ArrayDecl]:
    """``standardizer``: null, or {"kind": "z-score"} with μ and σ arrays of shape (n0, 1)."""
    if value is None:
        return {}
    d = need_dict(value, "standardizer")
    need_keys(d, "standardizer", ("kind",))
    if d["kind"] != "z-score":
        raise invalid(
            "standardizer.kind",
            translate("ModelFile", "is {kind!r}; this version knows 'z-score'").format(
                kind=d["kind"]
            ),
        )
    return {STD_MEAN: ((n0, 1), "float64"), STD_STD: ((n0, 1), "float64")}


# -- the data set ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class DatasetInfo:
    """The ``dataset`` field: a description, and whether X and Y are stored in the file."""

    name: str
    task: str
    feature_names: tuple[str, ...]
    class_names: tuple[str, ...]
    source: dict[str, Any]
    m: int
    n_features: int
    embedded: bool
    sha256: str

    def arrays(self) -> dict[str, ArrayDecl]:
        if not self.embedded:
            return {}
        y_dtype = "float64" if self.task == "regression" else "int64"
        return {DATA_X: ((self.n_features, self.m), "float64"), DATA_Y: ((1, self.m), y_dtype)}


DATASET_FIELDS = ("name", "task", "feature_names", "class_names", "source", "m", "n_features")


def check_dataset(value: JSON, n_inputs: int) -> DatasetInfo | None:
    """``dataset``: null, or the data set's description; ``n_inputs`` is the number of features
    the network's inputs are made from (n[0], or 2 with input features)."""
    if value is None:
        return None
    d = need_dict(value, "dataset")
    need_keys(d, "dataset", (*DATASET_FIELDS, "embedded", "sha256"))
    task = need_str(d["task"], "dataset.task", 100)
    if task not in TASKS:
        raise invalid(
            "dataset.task",
            translate("ModelFile", "is {task!r}; it must be one of {known}").format(
                task=task, known=", ".join(TASKS)
            ),
        )
    n0 = need_int(d["n_features"], "dataset.n_features", 1, 1_000_000)
    if n0 != n_inputs:
        raise invalid(
            "dataset.n_features",
            translate("ModelFile", "is {n} but the network has n[0] = {n0} inputs").format(
                n=n0, n0=n_inputs
            ),
        )
    features = need_list(d["feature_names"], "dataset.feature_names", n0)
    classes = need_list(d["class_names"], "dataset.class_names", MAX_UNITS)
    if len(features) != n0:
        raise invalid(
            "dataset.feature_names",
            translate("ModelFile", "has {k} names for {n} features").format(k=len(features), n=n0),
        )
    K = len(classes)
    if (task == "regression" and K) or (task == "binary" and K != 2) or K == 1:
        raise invalid(
            "dataset.class_names",
            translate("ModelFile", "has {K} names, which does not fit a {task} task").format(
                K=K, task=task
            ),
        )
    m = need_int(d["m"], "dataset.m", 0, 2**31)
    if m * n0 * 8 > LIMITS.member_bytes:
        raise LimitExceededError(
            translate(
                "ModelFile",
                "the data set ({n} × {m} numbers) is larger than a model file may hold ({max} MiB)",
            ).format(n=n0, m=m, max=LIMITS.member_bytes // 2**20)
        )
    source = need_dict(check_json(d["source"], "dataset.source"), "dataset.source")
    embedded = need_bool(d["embedded"], "dataset.embedded")
    if source.get("kind") != "builtin" and not embedded:
        raise invalid(
            "dataset.embedded",
            translate("ModelFile", "is false, but only a built-in data set can be re-made"),
        )
    sha = need_str(d["sha256"], "dataset.sha256", 64)
    if not re.fullmatch(r"[0-9a-f]{64}", sha):
        raise invalid(
            "dataset.sha256", translate("ModelFile", "must be 64 lower-case hexadecimal digits")
        )
    return DatasetInfo(
        name=need_str(d["name"], "dataset.name"),
        task=task,
        feature_names=tuple(
            need_str(f, f"dataset.feature_names[{i}]") for i, f in enumerate(features)
        ),
        class_names=tuple(need_str(c, f"dataset.class_names[{i}]") for i, c in enumerate(classes)),
        source=source,
        m=m,
        n_features=n0,
        embedded=embedded,
        sha256=sha,
    )


def fingerprint(X: np.ndarray, Y: np.ndarray) -> str:
    """SHA-256 over X (float64) and Y (int64 or float64), little-endian, C order."""
    digest = hashlib.sha256()
    for array in (X, Y):
        little = array.astype(array.dtype.newbyteorder("<"), copy=False)
        digest.update(str(array.shape).encode())
        digest.update(np.ascontiguousarray(little).tobytes())
    return digest.hexdigest()


# -- training facts -------------------------------------------------------------------------------
def check_history(value: JSON, where: str = "history") -> dict[str, list[float | int | None]]:
    """{series name: [finite number or null, …]}, e.g. "step", "cost", "val_accuracy"; the
    regularisation term "penalty" is never negative."""
    d = need_dict(value, where)
    if len(d) > LIMITS.history_series:
        raise invalid(
            where,
            translate("ModelFile", "has {n} series; at most {max} are allowed").format(
                n=len(d), max=LIMITS.history_series
            ),
        )
    result: dict[str, list[float | int | None]] = {}
    for name, series in d.items():
        need_str(
            name,
            translate("ModelFile", "{where} series name").format(where=where),
            100,
            empty=False,
        )
        values = need_list(series, f"{where}.{name}", LIMITS.history_points)
        if name == "step":  # iterations: whole, increasing (a history is read by them)
            previous = -1
            for i, v in enumerate(values):
                step = need_int(v, f"{where}.step[{i}]", 0, 2**63)
                if step <= previous:
                    raise invalid(
                        f"{where}.step[{i}]",
                        translate(
                            "ModelFile", "is {step}; the iterations must increase (before: {last})"
                        ).format(step=step, last=previous),
                    )
                previous = step
        low = 0.0 if name == "penalty" else None
        for i, v in enumerate(values):
            if v is not None:
                need_number(v, f"{where}.{name}[{i}]", low)
        result[name] = list(values)
    return result


def check_runs(value: JSON) -> list[dict[str, Any]]:
    """[{"name": text, "visible": bool, "history": {...}, "description": {...}}, …]."""
    runs = need_list(value, "runs", LIMITS.runs)
    result = []
    for i, run in enumerate(runs):
        where = f"runs[{i}]"
        r = need_dict(run, where)
        need_keys(r, where, ("name", "visible", "history"), ("description",))
        description = need_dict(
            check_json(r.get("description", {}), f"{where}.description"), f"{where}.description"
        )
        result.append(
            {
                "name": need_str(r["name"], f"{where}.name"),
                "visible": need_bool(r["visible"], f"{where}.visible"),
                "history": check_history(r["history"], f"{where}.history"),
                "description": description,
            }
        )
    return result


def check_timestamp(value: JSON, where: str) -> datetime:
    """ISO 8601 text such as "2026-05-09T07:36:11Z" → an aware UTC datetime."""
    text = need_str(value, where, 64)
    try:
        moment = datetime.fromisoformat(text)
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)
        return moment.astimezone(UTC)
    except (ValueError, OverflowError) as exc:
        raise invalid(
            where,
            translate(
                "ModelFile", "is {text!r}, not a date and time like 2026-05-09T07:36:11Z"
            ).format(text=text),
        ) from exc
