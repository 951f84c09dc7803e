"""Strict JSON for manifests: parsing untrusted bytes, checking values, converting for saving.

The checks raise :class:`InvalidContentError` naming the field (``where``) and what it must be,
so a learner or a tool author sees exactly which part of a manifest is wrong.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from ..text import translate
from .errors import CorruptFileError, InvalidContentError, NotAModelFileError, quote
from .format import LIMITS

MAX_INT = 2**63  # every whole number in a manifest lies in -2⁶³ < n < 2⁶³
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")  # a \uD800-\uDFFF escape in JSON text


class HugeInteger:
    """Stands for a whole number too long for Python to read (over 4,300 digits), so that the
    checks can name the field that holds it."""

    def __init__(self, digits: int) -> None:
        self.digits = digits


def _parse_int(text: str) -> int | HugeInteger:
    digits = len(text.lstrip("-"))
    return int(text) if digits <= 4000 else HugeInteger(digits)


JSON = Any  # None | bool | int | float | str | list[JSON] | dict[str, JSON]


# -- parsing ------------------------------------------------------------------------------------
def _no_constants(name: str) -> object:
    raise ValueError(
        translate("ModelFile", "{name} is not a number a model file may hold").format(name=name)
    )


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise ValueError(
                translate("ModelFile", "the key {key} appears twice").format(key=quote(key))
            )
        result[key] = value
    return result


def loads_manifest(data: bytes) -> dict[str, JSON]:
    """Parse manifest bytes: UTF-8, no NaN/Infinity, no repeated keys, an object at the top,
    text that is valid Unicode (no unpaired surrogate escapes such as ``"\\ud800"``). A whole
    number too long to read becomes a :class:`HugeInteger`, refused by the field's check."""
    try:
        text = data.decode("utf-8")
        value = json.loads(
            text,
            parse_constant=_no_constants,
            parse_int=_parse_int,
            object_pairs_hook=_unique_keys,
        )
    except UnicodeDecodeError as exc:
        raise CorruptFileError(
            translate(
                "ModelFile", "the manifest is damaged: it is not UTF-8 text (byte {byte})"
            ).format(byte=exc.start)
        ) from exc
    except RecursionError as exc:
        raise InvalidContentError(
            translate("ModelFile", "the manifest is nested too deeply to read")
        ) from exc
    except ValueError as exc:  # json.JSONDecodeError, our own refusals, huge integers
        raise CorruptFileError(
            translate("ModelFile", "the manifest is damaged: {reason}").format(reason=exc)
        ) from exc
    if not isinstance(value, dict):
        raise NotAModelFileError(
            translate("ModelFile", "this is not an NN Studio model: its manifest is not an object")
        )
    if _SURROGATE_ESCAPE.search(text):  # only escapes can make text that is not Unicode
        check_unicode(value, "")
    return value


def check_unicode(value: JSON, where: str) -> None:
    """Refuse text (keys too) holding an unpaired surrogate, which no UTF-8 file can hold:
    what is read must be writable again."""
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as exc:
            raise invalid(
                where,
                translate(
                    "ModelFile",
                    "holds text that is not valid Unicode (an unpaired surrogate {code} at "
                    "character {at}); NN Studio neither reads nor writes such text",
                ).format(code=f"\\u{ord(value[exc.start]):04x}", at=exc.start + 1),
            ) from None
    elif isinstance(value, list):
        for i, item in enumerate(value):
            check_unicode(item, f"{where}[{i}]")
    elif isinstance(value, dict):
        for key, item in value.items():
            inside = f"{where}.{key}" if where else str(key)
            check_unicode(
                key,
                translate("ModelFile", "the key {key} in {where}").format(
                    key=quote(key), where=where or "manifest"
                ),
            )
            check_unicode(item, inside)


# -- checks of parsed values ----------------------------------------------------------------------
def invalid(where: str, what: str) -> InvalidContentError:
    """``invalid("history.cost[3]", "must be a number")``."""
    return InvalidContentError(
        translate("ModelFile", "{where} {what}").format(where=where, what=what)
    )


def need_dict(value: JSON, where: str) -> dict[str, JSON]:
    if not isinstance(value, dict):
        raise invalid(
            where,
            translate("ModelFile", "must be an object, not {type}").format(type=type_name(value)),
        )
    return value


def need_list(value: JSON, where: str, max_len: int) -> list[JSON]:
    if not isinstance(value, list):
        raise invalid(
            where,
            translate("ModelFile", "must be a list, not {type}").format(type=type_name(value)),
        )
    if len(value) > max_len:
        raise invalid(
            where,
            translate("ModelFile", "has {n} entries; at most {max} are allowed").format(
                n=len(value), max=max_len
            ),
        )
    return value


def need_str(value: JSON, where: str, max_len: int = LIMITS.text, empty: bool = True) -> str:
    if not isinstance(value, str):
        raise invalid(
            where, translate("ModelFile", "must be text, not {type}").format(type=type_name(value))
        )
    if len(value) > max_len:
        raise invalid(
            where,
            translate("ModelFile", "is {n} characters long; at most {max} are allowed").format(
                n=len(value), max=max_len
            ),
        )
    if not empty and not value:
        raise invalid(where, translate("ModelFile", "must not be empty"))
    return value


def need_bool(value: JSON, where: str) -> bool:
    if not isinstance(value, bool):
        raise invalid(
            where,
            translate("ModelFile", "must be true or false, not {type}").format(
                type=type_name(value)
            ),
        )
    return value


def _huge(value: object, where: str) -> None:
    """Refuse a whole number beyond ±2⁶³ (or too long to read), naming its field."""
    if isinstance(value, HugeInteger):
        digits = f"{value.digits:,}"
    elif isinstance(value, int) and not isinstance(value, bool) and abs(value) >= MAX_INT:
        bits = abs(value).bit_length()  # str() of a number this long would be refused
        digits = f"{len(str(abs(value))):,}" if bits < 13_000 else f"~{int(bits * 0.30103):,}"
    else:
        return
    raise invalid(
        where,
        translate(
            "ModelFile",
            "is a whole number of {digits} digits; a model file holds whole numbers between "
            "-2⁶³ and 2⁶³ only",
        ).format(digits=digits),
    )


def need_int(value: JSON, where: str, lo: int | None = None, hi: int | None = None) -> int:
    _huge(value, where)
    if isinstance(value, bool) or not isinstance(value, int):
        raise invalid(
            where,
            translate("ModelFile", "must be a whole number, not {type}").format(
                type=type_name(value)
            ),
        )
    if (lo is not None and value < lo) or (hi is not None and value > hi):
        raise invalid(
            where,
            translate("ModelFile", "is {value}; it must lie in {range}").format(
                value=value, range=_range(lo, hi)
            ),
        )
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
    _huge(value, where)
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise invalid(
            where,
            translate("ModelFile", "must be a number, not {type}").format(type=type_name(value)),
        )
    number = float(value)
    if not math.isfinite(number):
        raise invalid(where, translate("ModelFile", "must be a finite number"))
    low_bad = lo is not None and (number <= lo if lo_open else number < lo)
    high_bad = hi is not None and (number >= hi if hi_open else number > hi)
    if low_bad or high_bad:
        lo_s = "" if lo is None else f"{'>' if lo_open else '≥'} {lo:g}"
        hi_s = "" if hi is None else f"{'<' if hi_open else '≤'} {hi:g}"
        bounds = translate("ModelFile", " and ").join(s for s in (lo_s, hi_s) if s)
        raise invalid(
            where,
            translate("ModelFile", "is {value:g}; it must be {bounds}").format(
                value=number, bounds=bounds
            ),
        )
    return number


def need_keys(
    value: dict[str, JSON], where: str, required: Sequence[str], optional: Sequence[str] = ()
) -> None:
    """Every required key present and nothing beyond required + optional."""
    missing = [k for k in required if k not in value]
    if missing:
        raise invalid(
            where,
            translate("ModelFile", "lacks {keys}").format(keys=", ".join(repr(k) for k in missing)),
        )
    unknown = [k for k in value if k not in required and k not in optional]
    if unknown:
        raise invalid(
            where,
            translate(
                "ModelFile", "has unknown field {key} (was the file made by a newer NN Studio?)"
            ).format(key=quote(unknown[0])),
        )


def check_json(value: JSON, where: str, depth: int = 0) -> JSON:
    """Any JSON value with finite numbers, text keys and at most ``LIMITS.json_depth`` levels."""
    if depth > LIMITS.json_depth:
        raise invalid(
            where,
            translate("ModelFile", "is nested more than {n} levels deep").format(
                n=LIMITS.json_depth
            ),
        )
    _huge(value, where)
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
                raise invalid(
                    where,
                    translate("ModelFile", "has a key that is not text: {key!r}").format(key=key),
                )
            check_json(item, f"{where}.{key}", depth + 1)
        return value
    raise invalid(
        where,
        translate("ModelFile", "must be plain JSON data, not {type}").format(type=type_name(value)),
    )


def type_name(value: object) -> str:
    if isinstance(value, HugeInteger):
        return translate("ModelFile", "a whole number of {digits} digits").format(
            digits=f"{value.digits:,}"
        )
    names = {
        type(None): "null",
        bool: "true/false",
        int: translate("ModelFile", "a whole number"),
        str: translate("ModelFile", "text"),
        float: translate("ModelFile", "a decimal number"),
        list: translate("ModelFile", "a list"),
        dict: translate("ModelFile", "an object"),
    }
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
        raise invalid(
            where,
            translate("ModelFile", "is nested more than {n} levels deep").format(
                n=LIMITS.json_depth
            ),
        )
    if isinstance(value, np.ndarray) and value.ndim == 0:
        value = value.item()
    if isinstance(value, np.generic):
        value = value.item()
    _huge(value, where)
    if isinstance(value, str):
        check_unicode(value, where)
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, float):
        return need_number(value, where)
    if isinstance(value, Mapping):
        result: dict[str, JSON] = {}
        for key, item in value.items():
            if not isinstance(key, str):
                raise invalid(
                    where,
                    translate("ModelFile", "has a key that is not text: {key!r}").format(key=key),
                )
            result[key] = to_json(item, f"{where}.{key}", depth + 1)
        return result
    if isinstance(value, list | tuple):
        return [to_json(item, f"{where}[{i}]", depth + 1) for i, item in enumerate(value)]
    raise invalid(
        where,
        translate("ModelFile", "cannot be saved: {type} is not plain data").format(
            type=type(value).__name__
        ),
    )
