"""Strict JSON for manifests: parsing untrusted bytes, checking values, converting for saving.

The checks raise :class:`InvalidContentError` naming the field (``where``) and what it must be,
so a learner or a tool author sees exactly which part of a manifest is wrong.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from .errors import CorruptFileError, InvalidContentError, NotAModelFileError
from .format import LIMITS

JSON = Any  # None | bool | int | float | str | list[JSON] | dict[str, JSON]


# -- parsing ------------------------------------------------------------------------------------
def _no_constants(name: str) -> object:
    raise ValueError(f"{name} is not a number a model file may hold")


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise ValueError(f"the key {key!r} appears twice")
        result[key] = value
    return result


def loads_manifest(data: bytes) -> dict[str, JSON]:
    """Parse manifest bytes: UTF-8, no NaN/Infinity, no repeated keys, an object at the top."""
    try:
        text = data.decode("utf-8")
        value = json.loads(text, parse_constant=_no_constants, object_pairs_hook=_unique_keys)
    except UnicodeDecodeError as exc:
        raise CorruptFileError(
            f"the manifest is damaged: it is not UTF-8 text (byte {exc.start})"
        ) from exc
    except RecursionError as exc:
        raise InvalidContentError("the manifest is nested too deeply to read") from exc
    except ValueError as exc:  # json.JSONDecodeError, our own refusals, huge integers
        raise CorruptFileError(f"the manifest is damaged: {exc}") from exc
    if not isinstance(value, dict):
        raise NotAModelFileError("this is not an NN Studio model: its manifest is not an object")
    return value


# -- checks of parsed values ----------------------------------------------------------------------
def invalid(where: str, what: str) -> InvalidContentError:
    """``invalid("history.cost[3]", "must be a number")``."""
    return InvalidContentError(f"{where} {what}")


def need_dict(value: JSON, where: str) -> dict[str, JSON]:
    if not isinstance(value, dict):
        raise invalid(where, f"must be an object, not {type_name(value)}")
    return value


def need_list(value: JSON, where: str, max_len: int) -> list[JSON]:
    if not isinstance(value, list):
        raise invalid(where, f"must be a list, not {type_name(value)}")
    if len(value) > max_len:
        raise invalid(where, f"has {len(value)} entries; at most {max_len} are allowed")
    return value


def need_str(value: JSON, where: str, max_len: int = LIMITS.text, empty: bool = True) -> str:
    if not isinstance(value, str):
        raise invalid(where, f"must be text, not {type_name(value)}")
    if len(value) > max_len:
        raise invalid(where, f"is {len(value)} characters long; at most {max_len} are allowed")
    if not empty and not value:
        raise invalid(where, "must not be empty")
    return value


def need_bool(value: JSON, where: str) -> bool:
    if not isinstance(value, bool):
        raise invalid(where, f"must be true or false, not {type_name(value)}")
    return value


def need_int(value: JSON, where: str, lo: int | None = None, hi: int | None = None) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise invalid(where, f"must be a whole number, not {type_name(value)}")
    if (lo is not None and value < lo) or (hi is not None and value > hi):
        raise invalid(where, f"is {value}; it must lie in {_range(lo, hi)}")
    return value


def need_number(
    value: JSON,
    where: str,
    lo: float | None = None,
    hi: float | None = None,
    *,
    lo_open: bool = False,
    hi_open: bool = False,
) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise invalid(where, f"must be a number, not {type_name(value)}")
    number = float(value)
    if not math.isfinite(number):
        raise invalid(where, "must be a finite number")
    low_bad = lo is not None and (number <= lo if lo_open else number < lo)
    high_bad = hi is not None and (number >= hi if hi_open else number > hi)
    if low_bad or high_bad:
        lo_s = "" if lo is None else f"{'>' if lo_open else '≥'} {lo:g}"
        hi_s = "" if hi is None else f"{'<' if hi_open else '≤'} {hi:g}"
        raise invalid(
            where, f"is {number:g}; it must be {' and '.join(s for s in (lo_s, hi_s) if s)}"
        )
    return number


def need_keys(
    value: dict[str, JSON], where: str, required: Sequence[str], optional: Sequence[str] = ()
) -> None:
    """Every required key present and nothing beyond required + optional."""
    missing = [k for k in required if k not in value]
    if missing:
        raise invalid(where, f"lacks {', '.join(repr(k) for k in missing)}")
    unknown = [k for k in value if k not in required and k not in optional]
    if unknown:
        raise invalid(
            where,
            f"has unknown field {unknown[0]!r} (was the file made by a newer NN Studio?)",
        )


def check_json(value: JSON, where: str, depth: int = 0) -> JSON:
    """Any JSON value with finite numbers, text keys and at most ``LIMITS.json_depth`` levels."""
    if depth > LIMITS.json_depth:
        raise invalid(where, f"is nested more than {LIMITS.json_depth} levels deep")
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, float):
        return need_number(value, where)
    if isinstance(value, list):
        for i, item in enumerate(value):
            check_json(item, f"{where}[{i}]", depth + 1)
        return value
    if isinstance(value, dict):
        for key, item in value.items():
            if not isinstance(key, str):
                raise invalid(where, f"has a key that is not text: {key!r}")
            check_json(item, f"{where}.{key}", depth + 1)
        return value
    raise invalid(where, f"must be plain JSON data, not {type_name(value)}")


def type_name(value: object) -> str:
    names = {type(None): "null", bool: "true/false", int: "a whole number", str: "text"}
    names.update({float: "a decimal number", list: "a list", dict: "an object"})
    return names.get(type(value), type(value).__name__)


def _range(lo: int | None, hi: int | None) -> str:
    if lo is not None and hi is not None:
        return f"{lo}..{hi}"
    return f"≥ {lo}" if lo is not None else f"≤ {hi}"


# -- converting values to save --------------------------------------------------------------------
def to_json(value: object, where: str, depth: int = 0) -> JSON:
    """Plain JSON from what a caller passes: NumPy scalars and 0-d arrays become Python numbers,
    tuples become lists, mappings become objects. Anything else is refused with a clear error."""
    if depth > LIMITS.json_depth:
        raise invalid(where, f"is nested more than {LIMITS.json_depth} levels deep")
    if isinstance(value, np.ndarray) and value.ndim == 0:
        value = value.item()
    if isinstance(value, np.generic):
        value = value.item()
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, float):
        return need_number(value, where)
    if isinstance(value, Mapping):
        result: dict[str, JSON] = {}
        for key, item in value.items():
            if not isinstance(key, str):
                raise invalid(where, f"has a key that is not text: {key!r}")
            result[key] = to_json(item, f"{where}.{key}", depth + 1)
        return result
    if isinstance(value, list | tuple):
        return [to_json(item, f"{where}[{i}]", depth + 1) for i, item in enumerate(value)]
    raise invalid(where, f"cannot be saved: {type(value).__name__} is not plain data")
