"""Writing a model file: :func:`save_model`.

The file is assembled in a temporary file in the destination folder, flushed to disk and then
moved over the destination with ``os.replace`` — an atomic rename — so a failure at any moment
leaves either the complete new file or the untouched old one, never a mixture.
"""

from __future__ import annotations

import contextlib
import io
import os
import stat
import struct
import tempfile
import zipfile
from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

import numpy as np

from .. import __version__
from ..data import Dataset, Standardizer, builtin_from_source
from ..engine import Network
from ..text import translate
from .errors import LimitExceededError, ModelFileError, SaveError, quote
from .format import (
    DATA_X,
    DATA_Y,
    FORMAT_NAME,
    FORMAT_VERSION,
    LIMITS,
    MANIFEST,
    STD_MEAN,
    STD_STD,
    dumps_manifest,
    format_timestamp,
    now_utc,
    param_member,
    running_member,
    slot_member,
)
from .jsonvalues import JSON, check_unicode, invalid, loads_manifest, to_json
from .manifest import check_array_values, check_manifest
from .validate import fingerprint

StandardizerLike = Standardizer | tuple[np.ndarray, np.ndarray]


def save_model(
    path: str | os.PathLike[str],
    network: Network,
    *,
    dataset: Dataset | None = None,
    history: Mapping[str, Sequence[Any]] | None = None,
    hyperparameters: Mapping[str, Any] | None = None,
    optimizer_state: Mapping[str, Any] | None = None,
    runs: Sequence[Mapping[str, Any]] | None = None,
    extra: Mapping[str, Any] | None = None,
    standardizer: StandardizerLike | None = None,
    input_features: Sequence[str] | None = None,
    created: datetime | None = None,
    modified: datetime | None = None,
) -> Path:
    """Save ``network`` and what goes with it to ``path`` (a ``*.nnstudio`` zip); return the path.

    dataset: the whole data set (X (n0, m), Y (1, m)); a built-in one is stored by name and
        parameters when re-generating it gives the same numbers, anything else as arrays.
    history: series name → numbers (NaN, ±inf and None are stored as null).
    hyperparameters: learning_rate, epochs, batch_size, optimizer, optimizer_options, …
    optimizer_state: ``Optimizer.state_dict()``, {"t": int, "slots": {"v_W1": array, …}}.
    runs: comparison runs, each {"name", "visible", "history", "description"}.
    extra: any other JSON data. standardizer: a fitted Standardizer or (μ, σ), each (n0, 1).
    input_features: the keys of the features of two inputs the network is fed (n[0] of them,
        e.g. ``("x1", "x1sq")``), or None when it sees the data's features as they are.
    created: when the model was first saved (kept when re-saving); now if None.
    modified: the time to record as the last save; now if None (fixed for reproducible files).

    Raises InvalidContentError for contents a model file cannot hold (nothing is written) and
    SaveError when the disk refuses; in both cases an existing file is left as it was.
    """
    moment = modified or now_utc()
    manifest, arrays = build_contents(
        network,
        dataset=dataset,
        history=history,
        hyperparameters=hyperparameters,
        optimizer_state=optimizer_state,
        runs=runs,
        extra=extra,
        standardizer=standardizer,
        input_features=input_features,
        created=created or moment,
        modified=moment,
    )
    try:
        data = dumps_manifest(manifest)
    except UnicodeEncodeError:  # text no UTF-8 file can hold: say where
        check_unicode(manifest, "")
        raise
    if len(data) > LIMITS.manifest_bytes:
        raise LimitExceededError(
            translate(
                "ModelFile",
                "the model's description would take {size:.1f} MiB, more than the {max} MiB a "
                "model file allows; delete some comparison runs or record the history less often",
            ).format(size=len(data) / 2**20, max=LIMITS.manifest_bytes // 2**20)
        )
    contents = check_manifest(loads_manifest(data))  # exactly what a reader will see
    check_array_values(contents, arrays)
    target = _target(path)
    try:
        write_atomically(target, lambda stream: write_zip(stream, data, arrays, moment))
    except ModelFileError:
        raise
    except OSError as exc:
        raise SaveError(
            translate("ModelFile", "could not save {file}: {reason}").format(
                file=target.name, reason=exc.strerror or exc
            ),
            target,
        ) from exc
    except (ValueError, OverflowError, struct.error, zipfile.LargeZipFile, MemoryError) as exc:
        # the zip or NumPy refused something no check anticipated
        raise SaveError(
            translate("ModelFile", "could not save {file} ({error}: {reason})").format(
                file=target.name, error=type(exc).__name__, reason=exc
            ),
            target,
        ) from exc
    return target


def _target(path: str | os.PathLike[str]) -> Path:
    """The absolute path to write; a SaveError for a name no file system takes."""
    try:
        text = os.fspath(path)
        if not text:
            raise ValueError(translate("ModelFile", "no file name was given"))
        if "\0" in str(text):
            raise ValueError(translate("ModelFile", "the name holds a NUL character"))
        return Path(os.path.realpath(text))
    except (TypeError, ValueError) as exc:
        raise SaveError(
            translate("ModelFile", "cannot save to {file}: {reason}").format(
                file=quote(os.fsdecode(path) if isinstance(path, str | bytes) else path),
                reason=exc,
            )
        ) from exc


def build_contents(
    network: Network,
    *,
    dataset: Dataset | None,
    history: Mapping[str, Sequence[Any]] | None,
    hyperparameters: Mapping[str, Any] | None,
    optimizer_state: Mapping[str, Any] | None,
    runs: Sequence[Mapping[str, Any]] | None,
    extra: Mapping[str, Any] | None,
    standardizer: StandardizerLike | None,
    created: datetime,
    modified: datetime,
    input_features: Sequence[str] | None = None,
) -> tuple[dict[str, JSON], dict[str, np.ndarray]]:
    """The manifest (plain JSON data) and the arrays by member name, not yet validated."""
    arrays = {param_member(name): network.params[name] for name in network.parameter_names()}
    arrays |= {running_member(name): value for name, value in network.running.items()}
    manifest: dict[str, JSON] = {
        "format": FORMAT_NAME,
        "format_version": FORMAT_VERSION,
        "app_version": __version__,
        "created": format_timestamp(created),
        "modified": format_timestamp(modified),
        "network": network.spec.to_dict(),
        "hyperparameters": to_json(hyperparameters or {}, "hyperparameters"),
        "input_features": None if input_features is None else [str(k) for k in input_features],
        "dataset": None,
        "standardizer": None,
        "optimizer_state": None,
        "history": history_to_json(history or {}, "history"),
        "runs": [run_to_json(run, f"runs[{i}]") for i, run in enumerate(runs or [])],
        "extra": to_json(extra or {}, "extra"),
    }
    if dataset is not None:
        manifest["dataset"] = _dataset_entry(dataset, arrays)
    mean_std = _mean_std(standardizer)
    if mean_std is not None:
        manifest["standardizer"] = {"kind": "z-score"}
        arrays[STD_MEAN], arrays[STD_STD] = mean_std
    if optimizer_state is not None:
        t = to_json(optimizer_state.get("t", 0), "optimizer_state.t")
        slots = optimizer_state.get("slots", {})
        if not isinstance(slots, Mapping):
            raise invalid(
                "optimizer_state.slots", translate("ModelFile", "must map slot names to arrays")
            )
        manifest["optimizer_state"] = {"t": t, "slots": [str(name) for name in slots]}
        for name, value in slots.items():
            arrays[slot_member(str(name))] = np.asarray(value)
    manifest["arrays"] = {
        name: {"shape": list(a.shape), "dtype": a.dtype.name} for name, a in arrays.items()
    }
    return manifest, arrays


def history_to_json(history: Mapping[str, Sequence[Any]], where: str) -> dict[str, JSON]:
    """Series of numbers as JSON lists; NaN and infinities become null (no value)."""
    if not isinstance(history, Mapping):
        raise invalid(where, translate("ModelFile", "must map series names to lists of numbers"))
    result: dict[str, JSON] = {}
    for name, series in history.items():
        values: list[JSON] = []
        items = series.tolist() if isinstance(series, np.ndarray) else series
        for i, value in enumerate(items):
            number = to_json(value, f"{where}.{name}[{i}]") if _is_finite(value) else None
            if not (number is None or type(number) in (int, float)):
                raise invalid(
                    f"{where}.{name}[{i}]", translate("ModelFile", "must be a number or None")
                )
            values.append(number)
        result[str(name)] = values
    return result


def _is_finite(value: Any) -> bool:
    if isinstance(value, float | np.floating):
        return bool(np.isfinite(value))
    return value is not None


def run_to_json(run: Mapping[str, Any], where: str) -> dict[str, JSON]:
    """A comparison run {"name", "visible" (default true), "history", "description"}."""
    if not isinstance(run, Mapping):
        raise invalid(
            where,
            translate("ModelFile", "must be a mapping with name, visible, history and description"),
        )
    unknown = sorted(set(run) - {"name", "visible", "history", "description"})
    if unknown:
        raise invalid(
            where, translate("ModelFile", "has unknown field {key!r}").format(key=unknown[0])
        )
    return {
        "name": to_json(run.get("name", ""), f"{where}.name"),
        "visible": to_json(run.get("visible", True), f"{where}.visible"),
        "history": history_to_json(run.get("history", {}), f"{where}.history"),
        "description": to_json(run.get("description", {}), f"{where}.description"),
    }


def _dataset_entry(dataset: Dataset, arrays: dict[str, np.ndarray]) -> dict[str, JSON]:
    """The ``dataset`` field; adds data/X.npy and data/Y.npy unless the set can be re-made."""
    source = dict(dataset.source)
    if isinstance(source.get("file_name"), str):
        source["file_name"] = clean_name(source["file_name"])
    entry: dict[str, JSON] = {
        "name": clean_name(dataset.name),
        "task": dataset.task,
        "feature_names": list(dataset.feature_names),
        "class_names": list(dataset.class_names),
        "source": to_json(source, "dataset.source"),
        "m": dataset.m,
        "n_features": dataset.n_features,
        "embedded": not _regenerates(dataset),
        "sha256": fingerprint(dataset.X, dataset.Y),
    }
    if entry["embedded"]:
        arrays[DATA_X], arrays[DATA_Y] = dataset.X, dataset.Y
    return entry


def clean_name(name: str) -> str:
    """A name made from a file name, as valid Unicode: the bytes of a name that were not UTF-8
    (which Python keeps as surrogates U+DC80…U+DCFF) and any other unpaired surrogate become
    U+FFFD, "�"."""
    if not any(0xD800 <= ord(c) <= 0xDFFF for c in name):
        return name
    if all(not 0xD800 <= ord(c) <= 0xDFFF or 0xDC80 <= ord(c) <= 0xDCFF for c in name):
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    return "".join("\ufffd" if 0xD800 <= ord(c) <= 0xDFFF else c for c in name)


def _regenerates(dataset: Dataset) -> bool:
    """True when a built-in data set re-generated from its source equals this one exactly."""
    if dataset.source.get("kind") != "builtin":
        return False
    try:
        return bool(builtin_from_source(dataset.source) == dataset)
    except (ValueError, TypeError):
        return False


def _mean_std(standardizer: StandardizerLike | None) -> tuple[np.ndarray, np.ndarray] | None:
    if standardizer is None:
        return None
    if isinstance(standardizer, Standardizer):
        if standardizer.mean is None or standardizer.std is None:
            return None  # never fitted: inputs are used as they are
        mean, std = standardizer.mean, standardizer.std
    else:
        mean, std = standardizer
    return (
        np.asarray(mean, dtype=np.float64).reshape(-1, 1),
        np.asarray(std, dtype=np.float64).reshape(-1, 1),
    )


# -- bytes on disk --------------------------------------------------------------------------------
def npy_bytes(array: np.ndarray) -> bytes:
    """A little-endian, C-ordered ``.npy`` (format 1.0) of ``array``; never a pickle."""
    little = np.ascontiguousarray(array, dtype=array.dtype.newbyteorder("<"))
    buffer = io.BytesIO()
    np.lib.format.write_array(buffer, little, version=(1, 0), allow_pickle=False)
    return buffer.getvalue()


def write_zip(
    stream: IO[bytes], manifest: bytes, arrays: Mapping[str, np.ndarray], moment: datetime
) -> None:
    """manifest.json first, then one deflated ``.npy`` member per array."""
    t = moment.astimezone(UTC)
    stamp = (t.year, t.month, t.day, t.hour, t.minute, t.second)
    # a zip member's date lies in 1980 … 2107 (the manifest keeps the real moment)
    stamp = min(max(stamp, (1980, 1, 1, 0, 0, 0)), (2107, 12, 31, 23, 59, 58))
    with zipfile.ZipFile(stream, "w") as zf:
        for name, data in [(MANIFEST, manifest)] + [(n, npy_bytes(a)) for n, a in arrays.items()]:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, data)


def write_atomically(target: Path, write: Callable[[IO[bytes]], None]) -> None:
    """Call ``write(stream)`` on a temporary file beside ``target``, fsync, then replace.

    On any failure the temporary file is removed and ``target`` is untouched.
    """
    folder = target.parent
    tmp = tempfile.NamedTemporaryFile(  # noqa: SIM115 - closed below, then renamed
        dir=folder, prefix=temporary_prefix(target.name), suffix=".tmp", delete=False
    )
    try:
        with tmp:
            write(tmp)
            tmp.flush()
            os.fsync(tmp.fileno())
        os.chmod(tmp.name, _mode_for(target))
        os.replace(tmp.name, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp.name)
        raise
    _sync_folder(folder)


NAME_MAX = 255  # bytes in one file name on the usual file systems
TEMP_EXTRA = len(".tmp") + 8  # tempfile's suffix and random characters


def temporary_prefix(name: str) -> str:
    """``.NAME.``, the temporary file's prefix, with NAME cut so that the temporary name stays
    within ``NAME_MAX`` bytes whenever the name itself does."""
    raw = os.fsencode(name)
    room = NAME_MAX - TEMP_EXTRA - 2
    return f".{os.fsdecode(raw[:room]) if len(raw) > room else name}."


def _mode_for(target: Path) -> int:
    """Keep an existing file's permissions; a new file is readable by all, writable by owner."""
    try:
        return stat.S_IMODE(os.stat(target).st_mode)
    except OSError:
        return 0o644


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable where the platform allows it (not on Windows)."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
