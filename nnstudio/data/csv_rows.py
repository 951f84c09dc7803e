"""Splitting the text of a CSV file into rows of fields, one row at a time.

:mod:`.csv_import` decides what the rows mean. Lines are found in the text itself rather than
through ``io.StringIO``, which would hold a copy of 4 bytes a character of the whole file.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from itertools import islice

from ..text import translate
from .csv_error import CsvError

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+")


def lines(text: str) -> Iterator[str]:
    """The lines of ``text`` with their endings (\\n, \\r\\n or \\r), one at a time, as
    ``io.StringIO(text, newline="")`` gives them but without its copy of 4 bytes a character."""
    for match in _LINE.finditer(text):
        yield match.group()


def iter_records(text: str, delimiter: str) -> Iterator[tuple[int, list[str]]]:
    """(spreadsheet row number, stripped fields) of the non-blank rows, one at a time. Read to
    the end, it refuses a last value whose quotation mark is never closed."""
    reader = csv.reader(lines(text), delimiter=delimiter)
    number = first_line = end_line = 0
    last = 0
    try:
        for number, fields in enumerate(reader, start=1):
            first_line, end_line = end_line, reader.line_num  # the physical lines it took
            stripped = [f.strip() for f in fields]
            if any(stripped):
                last = number
                yield number, stripped
    except csv.Error as exc:
        row = number + 1
        raise CsvError(
            translate("CsvError", "row {row} cannot be read as CSV: {reason}").format(
                row=row, reason=exc
            ),
            row=row,
        ) from None
    if last and text.count('"') % 2:  # well-formed quoting pairs them up
        _check_last_quote(text, first_line, last)


def records(text: str, delimiter: str, limit: int | None) -> list[tuple[int, list[str]]]:
    """(spreadsheet row number, stripped fields) of the non-blank rows, at most ``limit``."""
    return list(islice(iter_records(text, delimiter), limit))


def _check_last_quote(text: str, after_line: int, row: int) -> None:
    """Refuse the last record (row ``row``, starting after physical line ``after_line``) when a
    quote opened in it is never closed: the lenient reader takes the rest of the file as one
    value then. (A stray quote inside a value, ``5" screen``, is read as it stands.)"""
    tail = "".join(islice(lines(text), after_line, None))
    try:
        for _ in csv.reader(lines(tail), strict=True):
            pass
    except csv.Error as exc:
        if "unexpected end of data" not in str(exc):
            return  # a stray quote inside a value: the lenient reading stands
        raise CsvError(
            translate(
                "CsvError",
                'row {row}: a quotation mark (") opens a value that is never closed, so the rest '
                "of the file would be read as that one value. Add the closing quotation mark or "
                "remove the opening one.",
            ).format(row=row),
            row=row,
        ) from None
