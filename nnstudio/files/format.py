"""The layout of a ``*.nnstudio`` file: names, the format version, limits, member paths.

A model file is a zip archive holding ``manifest.json`` and one ``.npy`` member per array::

    manifest.json                 format, versions, spec, hyperparameters, data set, history …
    params/W1.npy … params/bL.npy W[l] (n[l], n[l-1]) and b[l] (n[l], 1) in the network's dtype
    optimizer/v_W1.npy …          optimizer slots, each shaped like its parameter
    data/X.npy, data/Y.npy        an imported data set: X (n0, m) float64, Y (1, m)
    standardizer/mean.npy, …/std.npy   input scaling μ and σ, each (n0, 1) float64

See ``docs/model-format.md`` for every field. Readers refuse anything over :data:`LIMITS`
before decompressing it.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

FORMAT_NAME = "nnstudio-model"
FORMAT_VERSION = 3
FILE_SUFFIX = ".nnstudio"
MANIFEST = "manifest.json"

#: dtypes an array member may have, by the name the manifest uses.
ARRAY_DTYPES = {"float32": "<f4", "float64": "<f8", "int64": "<i8"}

MiB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """Upper bounds a reader enforces before it decompresses anything.

    ``manifest_bytes``: uncompressed size of manifest.json. ``members``: number of zip members.
    ``member_bytes`` / ``total_bytes``: uncompressed size of one member / of all of them.
    ``layers``: L, the number of layers. ``json_depth``: nesting of JSON objects and lists.
    ``history_series``: names in one history. ``history_points``: values in one series.
    ``runs``: saved comparison runs. ``text``: characters in a name or other short string.
    ``npy_header``: bytes of a .npy member before its data.
    """

    manifest_bytes: int = 8 * MiB
    members: int = 1000
    member_bytes: int = 128 * MiB
    total_bytes: int = 512 * MiB
    layers: int = 100
    json_depth: int = 16
    history_series: int = 128  # the five series and norm_dW1 … norm_dWL for L ≤ 100
    history_points: int = 1_000_000
    runs: int = 100
    text: int = 1000
    npy_header: int = 4096


LIMITS = Limits()


def param_member(name: str) -> str:
    """``"W1"`` → ``"params/W1.npy"``."""
    return f"params/{name}.npy"


def running_member(name: str) -> str:
    """Batch normalisation's running averages: ``"mean1"`` → ``"batchnorm/mean1.npy"``."""
    return f"batchnorm/{name}.npy"


def slot_member(name: str) -> str:
    """``"v_W1"`` → ``"optimizer/v_W1.npy"``."""
    return f"optimizer/{name}.npy"


DATA_X, DATA_Y = "data/X.npy", "data/Y.npy"
STD_MEAN, STD_STD = "standardizer/mean.npy", "standardizer/std.npy"


def now_utc() -> datetime:
    """The current time in UTC, to the second."""
    return datetime.now(UTC).replace(microsecond=0)


def format_timestamp(moment: datetime) -> str:
    """ISO 8601 in UTC with a ``Z``, e.g. ``"2026-05-09T07:36:11Z"``."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")


def dumps_manifest(manifest: dict[str, Any]) -> bytes:
    """Readable UTF-8 JSON: objects indented, lists of plain values kept on one line.

    Floats are written with ``repr`` (shortest round-trip form), so they read back exactly.
    """
    return (_dumps(manifest, 0) + "\n").encode("utf-8")


def _is_leaf(value: object) -> bool:
    """Plain values, lists of plain values and short objects of those go on one line."""
    if isinstance(value, list):
        return not any(isinstance(v, dict | list) for v in value)
    if isinstance(value, dict):
        flat = all(_is_leaf(v) and not isinstance(v, dict) for v in value.values())
        return bool(value) and flat and len(json.dumps(value)) <= 60
    return True


def _dumps(value: object, level: int) -> str:
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueError("a manifest holds only finite numbers")
    if _is_leaf(value):
        return json.dumps(value, ensure_ascii=False, separators=(", ", ": "), allow_nan=False)
    pad, inner = "  " * level, "  " * (level + 1)
    if isinstance(value, dict):
        if not value:
            return "{}"
        items = [
            f"{inner}{json.dumps(str(k), ensure_ascii=False)}: {_dumps(v, level + 1)}"
            for k, v in value.items()
        ]
        return "{\n" + ",\n".join(items) + "\n" + pad + "}"
    assert isinstance(value, list)
    return "[\n" + ",\n".join(inner + _dumps(v, level + 1) for v in value) + "\n" + pad + "]"
