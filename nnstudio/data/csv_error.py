"""The one error CSV import raises, with where in the file it found the problem."""

from __future__ import annotations


class CsvError(ValueError):
    """A CSV file that cannot be used; ``row`` (1-based, header = 1) and ``column`` say where."""

    def __init__(self, message: str, row: int | None = None, column: str | None = None) -> None:
        super().__init__(message)
        self.row = row
        self.column = column
