"""Turning the text columns of a CSV file into numbers: the features X and the labels Y.

:mod:`.csv_import` reads the file and splits it into rows; this module decides which column is
the label, reads every feature cell as a number (a decimal comma where the delimiter allows
one) and turns the labels into classes or regression targets, with a :class:`.CsvError` that
names the row and column of the first cell it cannot use.
"""

from __future__ import annotations

import math

import numpy as np

from ..text import translate
from .csv_error import CsvError

MAX_CLASSES = 100
MAX_INTEGER_CLASSES = 20  # whole-number labels with more distinct values mean regression


def parse_number(text: str, decimal_comma: bool) -> float | None:
    """The finite float ``text`` stands for, or None."""
    if decimal_comma:
        text = text.replace(",", ".")
    try:
        value = float(text)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def label_index(header: tuple[str, ...], label_column: str | int | None) -> int:
    n = len(header)
    if label_column is None:
        return n - 1
    if isinstance(label_column, bool) or not isinstance(label_column, (int, str)):
        raise CsvError(
            translate(
                "CsvError", "the label column must be a column name or number; got {value!r}"
            ).format(value=label_column)
        )
    if isinstance(label_column, int):
        if -n <= label_column < n:
            return label_column % n
        raise CsvError(
            translate(
                "CsvError", "there is no column number {number}; the file has {n} columns"
            ).format(number=label_column, n=n)
        )
    if label_column in header:
        return header.index(label_column)
    folded = [h.strip().casefold() for h in header]
    if label_column.strip().casefold() in folded:
        return folded.index(label_column.strip().casefold())
    raise CsvError(
        translate("CsvError", "there is no column {name!r}; the columns are {columns}").format(
            name=label_column, columns=", ".join(header)
        ),
        column=label_column,
    )


def read_features(values: tuple[str, ...], rows: list[int], name: str, comma: bool) -> np.ndarray:
    """(m,) float64 of one feature column, or a CsvError at the first bad value."""
    try:
        array = np.array([v.replace(",", ".") for v in values] if comma else values, dtype=float)
        if np.isfinite(array).all():
            return array
    except ValueError:
        pass
    for row, value in zip(rows, values, strict=True):
        if not value:
            raise CsvError(
                translate(
                    "CsvError",
                    "row {row}, column {name!r}: the value is missing. Every feature needs a "
                    "number in every row; fill it in or delete the row.",
                ).format(row=row, name=name),
                row=row,
                column=name,
            )
        if parse_number(value, comma) is None:
            if _is_float(value):
                template = translate(
                    "CsvError",
                    "row {row}, column {name!r}: {value!r} is not a finite number. Feature "
                    "columns must hold numbers only; correct the value, delete the row, or if "
                    "{name!r} holds the labels choose it as the label column.",
                )
            else:
                template = translate(
                    "CsvError",
                    "row {row}, column {name!r}: {value!r} is not a number. Feature columns "
                    "must hold numbers only; correct the value, delete the row, or if {name!r} "
                    "holds the labels choose it as the label column.",
                )
            raise CsvError(template.format(row=row, name=name, value=value), row=row, column=name)
    raise AssertionError("unreachable: a feature column failed but no value is bad")


def _is_float(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _classes(
    labels: tuple[str, ...], numbers: list[float] | None
) -> tuple[np.ndarray, tuple[str, ...]]:
    """(m,) int64 class indices and the class names, sorted (numerically for numbers)."""
    if numbers is not None:
        ordered_numbers = sorted(set(numbers))
        whole = all(v == int(v) for v in ordered_numbers)
        names = tuple(str(int(v)) if whole else repr(v) for v in ordered_numbers)
        index = {v: i for i, v in enumerate(ordered_numbers)}
        return np.array([index[v] for v in numbers], dtype=np.int64), names
    ordered = sorted(set(labels))
    lookup = {v: i for i, v in enumerate(ordered)}
    return np.array([lookup[v] for v in labels], dtype=np.int64), tuple(ordered)


def read_labels(
    values: tuple[str, ...], rows: list[int], name: str, task: str | None, comma: bool
) -> tuple[np.ndarray, str, tuple[str, ...]]:
    """Y values (m,), the task and the class names for the label column ``name``."""
    parsed = [parse_number(v, comma) for v in values]
    for row, value, number in zip(rows, values, parsed, strict=True):
        if not value:
            raise CsvError(
                translate(
                    "CsvError",
                    "row {row}, column {name!r}: the label is missing; fill it in or delete "
                    "the row",
                ).format(row=row, name=name),
                row=row,
                column=name,
            )
        if number is None and _is_float(value) and math.isnan(float(value)):  # not a class "nan"
            raise CsvError(
                translate(
                    "CsvError",
                    "row {row}, column {name!r}: the label is missing ({value!r} marks a missing "
                    "value); fill it in or delete the row",
                ).format(row=row, name=name, value=value),
                row=row,
                column=name,
            )
        if number is None and task == "regression":
            raise CsvError(
                translate(
                    "CsvError",
                    "row {row}, column {name!r}: {value!r} is not a number; a regression needs "
                    "numeric labels. Correct the value, or import the labels as classes.",
                ).format(row=row, name=name, value=value),
                row=row,
                column=name,
            )
    numbers = [v for v in parsed if v is not None]
    if len(numbers) != len(values):
        numbers_or_none = None
    else:
        numbers_or_none = numbers
        few_whole = all(v == int(v) for v in numbers) and len(set(numbers)) <= MAX_INTEGER_CLASSES
        if task is None and not few_whole:
            task = "regression"
    if task == "regression":
        return np.array(numbers, dtype=np.float64), "regression", ()
    Y, class_names = _classes(values, numbers_or_none)
    K = len(class_names)
    if K < 2:
        raise CsvError(
            translate(
                "CsvError",
                "all rows have the label {label!r} in column {name!r}; a classifier needs at "
                "least two classes. Add rows of another class or choose another label column.",
            ).format(label=class_names[0], name=name),
            column=name,
        )
    if K > MAX_CLASSES:
        raise CsvError(
            translate(
                "CsvError",
                "column {name!r} has {K} different labels; NN Studio classifies into at most "
                "{max} classes. If the labels are measurements, import them as a regression; "
                "otherwise choose another label column.",
            ).format(name=name, K=K, max=MAX_CLASSES),
            column=name,
        )
    if task == "binary" and K != 2:
        shown = ", ".join(class_names[:5]) + (", …" if K > 5 else "")
        raise CsvError(
            translate(
                "CsvError",
                "column {name!r} has {K} classes ({shown}); a binary task needs exactly two. "
                "Choose multiclass instead.",
            ).format(name=name, K=K, shown=shown),
            column=name,
        )
    return Y, task or ("binary" if K == 2 else "multiclass"), class_names
