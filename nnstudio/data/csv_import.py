"""Reading a learner's CSV file into a :class:`Dataset` (X (n0, m), Y (1, m)).

Each CSV row is one sample and becomes one **column** of X. One CSV column holds the labels
(by default the last); every other column is a feature and must hold a number in every row.

Rules, in the order they are applied:
- only a regular file is read (a FIFO or a device is refused before reading), and at most
  50 MB of it; a quotation mark that opens a value and is never closed is refused with its row;
- the file is at most 50 MB; it is decoded as UTF-8 (a byte-order mark is allowed), UTF-16 when
  it starts with a UTF-16 byte-order mark, and otherwise as Latin-1;
- the delimiter is the one of , ; tab | that splits the first lines into the same number (> 1)
  of fields; with ; tab or | as delimiter a decimal comma ("3,5") is read as a decimal point;
- the first row is a header when one of its fields is not a number while the field under it is
  a number; when that test cannot decide, ``csv.Sniffer().has_header`` does. Without a header
  the columns are called "column 1", "column 2", …; rows that are entirely blank are skipped;
- labels: an empty label or "nan" is a missing label (refused with its row); text labels make
  classes; whole-number labels with at most 20 distinct values make
  classes; any other numbers make a regression. ``task`` overrides the guess. Class k is
  ``class_names[k]``; the names are sorted (numerically for numbers, by code point for text).

Every refusal is a :class:`CsvError` whose message says what to change; ``row`` is the row
number a spreadsheet shows for the file (the header is row 1) and ``column`` the column name.
"""

from __future__ import annotations

import csv
import os
import stat
from dataclasses import dataclass
from itertools import chain, islice
from pathlib import Path

import numpy as np

from ..text import count, localized, translatable, translate
from . import csv_rows
from .csv_columns import label_index, parse_number, read_features, read_labels
from .csv_error import CsvError
from .dataset import TASKS, Dataset

MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_ROWS = 1_000_000
MAX_FEATURES = 1024
DELIMITERS = ("\t", ";", "|", ",")  # a tie in column count goes to the earlier one
DELIMITER_NAMES = {
    ",": translatable("CsvError", "comma"),
    ";": translatable("CsvError", "semicolon"),
    "\t": translatable("CsvError", "tab"),
    "|": translatable("CsvError", "vertical bar"),
}
_SNIFF_LINES = 50
_BLOCK_ROWS = 8192  # rows converted to numbers at once by load_csv


@dataclass(frozen=True)
class CsvPreview:
    """The start of a CSV file, for showing before import.

    header: the column names (generated "column 1", … when the file has no header row).
    rows: up to ``max_rows`` data rows, each a tuple of stripped strings.
    row_numbers: the row number of each of ``rows`` as a spreadsheet shows it (the header is
    row 1; blank rows count), the number a :class:`CsvError` names.
    """

    header: tuple[str, ...]
    rows: list[tuple[str, ...]]
    has_header: bool
    delimiter: str
    row_numbers: tuple[int, ...] = ()

    @property
    def n_columns(self) -> int:
        return len(self.header)


# -- text, delimiter, header ---------------------------------------------------------------------
def _too_large(path: Path, size: float) -> CsvError:
    return CsvError(
        translate(
            "CsvError",
            "{file} is {size:.1f} MB; NN Studio reads CSV files of up to {max} MB. "
            "Save a sample of the rows in a smaller file.",
        ).format(file=path.name, size=size / 2**20, max=MAX_FILE_BYTES // 2**20)
    )


def _read_bytes(path: Path) -> bytes:
    """At most MAX_FILE_BYTES of a regular file. Anything else (a FIFO, which would wait for a
    writer forever; a device such as /dev/zero, which never ends) is refused before reading."""
    mode = path.stat().st_mode
    if stat.S_ISDIR(mode):
        raise IsADirectoryError(path)
    if not stat.S_ISREG(mode):
        raise CsvError(
            translate(
                "CsvError", "{path} is not a regular file; choose a CSV file saved on disk"
            ).format(path=path)
        )
    # O_NONBLOCK: should a FIFO have replaced the file since stat, opening it does not wait
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    with os.fdopen(fd, "rb") as stream:
        if not stat.S_ISREG(os.fstat(stream.fileno()).st_mode):
            raise CsvError(
                translate(
                    "CsvError", "{path} is not a regular file; choose a CSV file saved on disk"
                ).format(path=path)
            )
        data = stream.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        raise _too_large(path, max(len(data), path.stat().st_size))
    return data


def _read_text(path: Path) -> str:
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise _too_large(path, size)
        data = _read_bytes(path)
    except FileNotFoundError:
        raise CsvError(
            translate("CsvError", "there is no file {path}; check the name and folder").format(
                path=path
            )
        ) from None
    except IsADirectoryError:
        raise CsvError(
            translate("CsvError", "{path} is a folder, not a CSV file").format(path=path)
        ) from None
    except OSError as exc:
        raise CsvError(
            translate("CsvError", "{file} cannot be read: {reason}").format(
                file=path.name, reason=exc.strerror or exc
            )
        ) from None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if data.startswith(b"PK\x03\x04") or b"\x00" in data[:65536]:
        raise CsvError(
            translate(
                "CsvError",
                "{file} is not a text file (it may be an Excel workbook); "
                "save it from your spreadsheet program as CSV (comma-separated values)",
            ).format(file=path.name)
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("latin-1")
    if not text.strip():
        raise CsvError(
            translate(
                "CsvError", "{file} is empty; choose a CSV file with a header and data rows"
            ).format(file=path.name)
        )
    return text


def _first_lines(text: str) -> list[str]:
    """The first non-blank lines, each ending in \\n (universal newlines)."""
    lines = (
        line.rstrip("\r\n") + "\n" if line[-1] in "\r\n" else line for line in csv_rows.lines(text)
    )
    return list(islice((line for line in lines if line.strip()), _SNIFF_LINES))


def _detect_delimiter(text: str) -> str:
    lines = _first_lines(text)
    best: tuple[bool, int, int] | None = None
    chosen = ","
    for rank, delimiter in enumerate(DELIMITERS):
        try:
            counts = [len(fields) for fields in csv.reader(lines, delimiter=delimiter)]
        except csv.Error:
            continue
        if not counts:
            continue
        mode = max(set(counts), key=lambda c: (counts.count(c), c))
        if mode < 2:
            continue
        score = (counts.count(mode) >= 0.9 * len(counts), mode, -rank)
        if best is None or score > best:
            best, chosen = score, delimiter
    return chosen


def _detect_header(rows: list[list[str]], text: str, decimal_comma: bool) -> bool:
    first = rows[0]
    numeric = [parse_number(f, decimal_comma) is not None for f in first]
    if all(numeric):
        return False
    if len(rows) == 1:
        return True
    for field, is_number, below in zip(first, numeric, rows[1], strict=False):
        if field and not is_number and parse_number(below, decimal_comma) is not None:
            return True
    try:
        return csv.Sniffer().has_header("".join(_first_lines(text)))
    except (csv.Error, ValueError, TypeError):
        return False


def _unique_names(names: list[str]) -> tuple[str, ...]:
    result: list[str] = []
    for i, name in enumerate(names):
        base = name or translate("CsvError", "column {n}").format(n=i + 1)
        candidate, n = base, 2
        while candidate in result:
            candidate, n = f"{base} ({n})", n + 1
        result.append(candidate)
    return tuple(result)


@dataclass
class _Table:
    header: tuple[str, ...]
    records: list[tuple[int, list[str]]]  # data rows only
    has_header: bool
    delimiter: str


def _table(path: Path, limit: int | None, has_header: bool | None) -> _Table:
    text = _read_text(path)
    delimiter = _detect_delimiter(text)
    decimal_comma = delimiter != ","
    records = csv_rows.records(text, delimiter, None if limit is None else limit + 2)
    if not records:
        raise CsvError(
            translate(
                "CsvError", "{file} holds no values; choose a CSV file with data rows"
            ).format(file=path.name)
        )
    if has_header is None:
        has_header = _detect_header([f for _, f in records[:2]], text, decimal_comma)
    if has_header:
        header = _unique_names(records[0][1])
        records = records[1:]
    else:
        column = translate("CsvError", "column {n}")
        header = tuple(column.format(n=i + 1) for i in range(len(records[0][1])))
    if limit is not None:
        records = records[: limit + 1]  # one more than the limit, to tell when it is exceeded
    return _Table(header, records, has_header, delimiter)


def read_csv_preview(
    path: str | Path, max_rows: int = 20, has_header: bool | None = None
) -> CsvPreview:
    """The header and first ``max_rows`` data rows of a CSV file, as text, for a preview.

    ``has_header`` forces the header decision (None = detect). Raises CsvError for a file that
    is missing, too large, not text or empty.
    """
    table = _table(Path(path), max(0, int(max_rows)), has_header)
    shown = table.records[: max(0, int(max_rows))]
    rows = [tuple(fields) for _, fields in shown]
    numbers = tuple(number for number, _ in shown)
    return CsvPreview(table.header, rows, table.has_header, table.delimiter, numbers)


def load_csv(
    path: str | Path,
    label_column: str | int | None = None,
    task: str | None = None,
    has_header: bool | None = None,
) -> Dataset:
    """Load a CSV file as a Dataset: X (n0, m) from the feature columns, Y (1, m) from the labels.

    label_column: a column name, or a 0-based column number (negative counts from the end);
        None means the last column.
    task: "binary", "multiclass" or "regression" to override the guess from the labels.
    has_header: force the header decision (None = detect).
    """
    if task is not None and task not in TASKS:
        raise CsvError(
            translate(
                "CsvError", "task must be one of {tasks} (or None to guess); got {task!r}"
            ).format(tasks=", ".join(TASKS), task=task)
        )
    path = Path(path)
    try:
        fast = _load_streaming(path, label_column, task, has_header)
    except (CsvError, _NotNumbersError):
        fast = None
    # any file the streaming reading does not take is read again below, for the exact message
    return fast if fast is not None else _load_checked(path, label_column, task, has_header)


def _load_streaming(
    path: Path, label_column: str | int | None, task: str | None, has_header: bool | None
) -> Dataset | None:
    """The Dataset of a well-formed file, read in one pass that keeps only the numbers (the
    fields of each row are converted to float64 in blocks of rows), or None when a rule is
    broken anywhere, so that :func:`_load_checked` finds and words the first problem."""
    text = _read_text(path)
    delimiter = _detect_delimiter(text)
    comma = delimiter != ","
    records = csv_rows.iter_records(text, delimiter)
    first = list(islice(records, 2))
    if not first:
        return None
    if has_header is None:
        has_header = _detect_header([f for _, f in first], text, comma)
    if has_header:
        header = _unique_names(first[0][1])
        first = first[1:]
    else:
        column = translate("CsvError", "column {n}")
        header = tuple(column.format(n=i + 1) for i in range(len(first[0][1])))
    n = len(header)
    if not 2 <= n <= MAX_FEATURES + 1:
        return None
    label = label_index(header, label_column)
    labels: list[str] = []
    rows: list[int] = []
    same: dict[str, str] = {}  # one string object per distinct label
    blocks: list[np.ndarray] = []
    block: list[list[str]] = []
    for row, fields in chain(first, records):
        if len(fields) != n or len(rows) >= MAX_ROWS:
            return None
        value = fields.pop(label)
        labels.append(same.setdefault(value, value))
        rows.append(row)
        block.append([v.replace(",", ".") for v in fields] if comma else fields)
        if len(block) == _BLOCK_ROWS:
            blocks.append(_numbers(block))
            block = []
    if block:
        blocks.append(_numbers(block))
    if not rows:
        return None
    X = np.empty((n - 1, len(rows)))  # (n0, m) in C order, as np.vstack gives it
    np.concatenate([b.T for b in blocks], axis=1, out=X)
    Y, task, class_names = read_labels(tuple(labels), rows, header[label], task, comma)
    return Dataset(
        X=X,
        Y=Y.reshape(1, -1),
        task=task,
        feature_names=tuple(h for j, h in enumerate(header) if j != label),
        class_names=class_names,
        name=path.stem,
        source={"kind": "csv", "file_name": path.name, "label_column": header[label]},
    )


def _numbers(block: list[list[str]]) -> np.ndarray:
    """(rows, n0) float64 of a block of feature fields; _NotNumbersError when one is not a finite
    number (load_csv then reads the file again to name it)."""
    try:
        array = np.array(block, dtype=np.float64)
    except ValueError:
        raise _NotNumbersError from None
    if not np.isfinite(array).all():
        raise _NotNumbersError
    return array


class _NotNumbersError(Exception):
    """A feature field that is not a finite number, found by the streaming reading."""


def _load_checked(
    path: Path, label_column: str | int | None, task: str | None, has_header: bool | None
) -> Dataset:
    """Load ``path`` keeping every field as text until all of it is checked, so that a
    refusal names the first problem in the order the module's rules give."""
    table = _table(path, MAX_ROWS, has_header)
    header, records = table.header, table.records
    if not records:
        raise CsvError(
            translate(
                "CsvError", "{file} has a header row but no data rows; add one row per sample"
            ).format(file=path.name),
            row=2,
        )
    if len(records) > MAX_ROWS:
        raise CsvError(
            translate(
                "CsvError",
                "{file} has more than {max:,} rows; save a sample of at most {max:,} rows in a "
                "new file and import that",
            ).format(file=path.name, max=MAX_ROWS),
            row=records[-1][0],
        )
    n = len(header)
    if n < 2:
        raise CsvError(
            translate(
                "CsvError",
                "{file} has only one column; a data set needs at least one feature column and a "
                "label column. If the values are separated by spaces or another character, save "
                "the file with commas between the values.",
            ).format(file=path.name)
        )
    if n - 1 > MAX_FEATURES:
        raise CsvError(
            translate(
                "CsvError",
                "{file} has {n} feature columns; NN Studio accepts at most {max}. Delete the "
                "columns you do not need and import the file again.",
            ).format(file=path.name, n=n - 1, max=MAX_FEATURES)
        )
    if table.has_header:
        where = translate("CsvError", "the header has")
    else:
        where = translate("CsvError", "row {row} has").format(row=records[0][0])
    for row, fields in records:
        if len(fields) != n:
            raise CsvError(
                translate(
                    "CsvError",
                    "row {row} has {values} but {where} {n} columns; every row needs one "
                    "value per column (look for a missing or extra {delimiter}).",
                ).format(
                    row=row,
                    values=count(
                        len(fields),
                        translate("CsvError", "{n} value"),
                        translate("CsvError", "{n} values"),
                    ),
                    where=where,
                    n=n,
                    delimiter=localized(DELIMITER_NAMES[table.delimiter]),
                ),
                row=row,
            )
    label = label_index(header, label_column)
    rows = [row for row, _ in records]
    columns = list(zip(*(fields for _, fields in records), strict=True))
    comma = table.delimiter != ","
    features = [read_features(columns[j], rows, header[j], comma) for j in range(n) if j != label]
    Y, task, class_names = read_labels(columns[label], rows, header[label], task, comma)
    return Dataset(
        X=np.vstack(features),
        Y=Y.reshape(1, -1),
        task=task,
        feature_names=tuple(h for j, h in enumerate(header) if j != label),
        class_names=class_names,
        name=path.stem,
        source={"kind": "csv", "file_name": path.name, "label_column": header[label]},
    )
