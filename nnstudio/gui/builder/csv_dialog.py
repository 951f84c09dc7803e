"""Import CSV: a preview of the file, the label column and the task, then ``load_csv``.

A file that cannot be loaded keeps the dialog open with the reason (and the row and column when
the reader knows them); the data in use does not change until a load succeeds.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...data import DELIMITER_NAMES, CsvError, CsvPreview, Dataset, load_csv
from ...text import localized
from ..common import theme
from ..common.style import tint


class CsvDialog(QDialog):
    """Preview ``path`` and load it; after ``accept()`` the result is in :attr:`dataset`."""

    def __init__(self, path: str | Path, preview: CsvPreview, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("csvDialog")
        self.path = Path(path)
        self.preview = preview
        self.dataset: Dataset | None = None
        self._error_cells: set[tuple[int, int]] = set()
        self.setWindowTitle(self.tr("Import {file}").format(file=self.path.name))
        self.resize(720, 480)

        delimiter = localized(DELIMITER_NAMES.get(preview.delimiter, repr(preview.delimiter)))
        header = self.tr("yes") if preview.has_header else self.tr("no (columns are numbered)")
        info = QLabel(
            self.tr(
                "Each row is one sample and becomes one column of X. Values separated by: "
                "{delimiter}. Header row: {header}. The first {n} rows:"
            ).format(delimiter=delimiter, header=header, n=len(preview.rows))
        )
        info.setWordWrap(True)

        self.table = QTableWidget(len(preview.rows), preview.n_columns)
        self.table.setObjectName("csvPreviewTable")
        self.table.setHorizontalHeaderLabels(list(preview.header))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        for r, row in enumerate(preview.rows):
            for c, value in enumerate(row[: preview.n_columns]):
                self.table.setItem(r, c, QTableWidgetItem(value))
        if len(preview.row_numbers) == len(preview.rows):
            # the rows are numbered as in a spreadsheet (header = row 1), as errors name them
            self.table.setVerticalHeaderLabels([str(n) for n in preview.row_numbers])
        self.table.setToolTip(
            self.tr("Rows are numbered as in a spreadsheet: the header, if any, is row 1.")
        )

        self.label_combo = QComboBox()
        self.label_combo.setObjectName("labelColumnCombo")
        self.label_combo.addItems(list(preview.header))
        self.label_combo.setCurrentIndex(max(preview.n_columns - 1, 0))
        self.label_combo.setToolTip(
            self.tr("The column holding y, the value to predict; every other column is a feature.")
        )
        self.task_combo = QComboBox()
        self.task_combo.setObjectName("taskCombo")
        self.task_combo.addItem(self.tr("Guess from the labels"), None)
        self.task_combo.addItem(self.tr("Two classes (sigmoid output)"), "binary")
        self.task_combo.addItem(self.tr("Several classes (softmax output)"), "multiclass")
        self.task_combo.addItem(self.tr("Regression (linear output)"), "regression")
        self.task_combo.setToolTip(
            self.tr("Text labels and a few whole numbers make classes; other numbers a regression.")
        )
        form = QFormLayout()
        form.addRow(self.tr("&Label column:"), self.label_combo)
        form.addRow(self.tr("&Task:"), self.task_combo)

        self.error_label = QLabel()
        self.error_label.setObjectName("csvErrorLabel")
        self.error_label.setWordWrap(True)
        tint(self.error_label, "error_text")
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error_label.hide()

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.setObjectName("csvButtons")
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Import"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(info)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

        self.label_combo.currentIndexChanged.connect(self._mark_label_column)
        self._mark_label_column(self.label_combo.currentIndex())

    def _mark_label_column(self, column: int) -> None:
        self.error_label.hide()
        self._mark_error_cells(None, None)
        for c in range(self.table.columnCount()):
            item = self.table.horizontalHeaderItem(c)
            if item is not None:
                font = item.font()
                font.setBold(c == column)
                item.setFont(font)
                item.setText(self.preview.header[c] + (" (y)" if c == column else ""))

    @property
    def error(self) -> str:
        return self.error_label.text() if not self.error_label.isHidden() else ""

    def accept(self) -> None:
        """Load the file; on failure show why and stay open."""
        try:
            self.dataset = load_csv(
                self.path,
                label_column=self.label_combo.currentIndex(),
                task=self.task_combo.currentData(),
            )
        except CsvError as exc:
            # the message names the row and column itself (as on the command line); the
            # preview marks the cell
            self._fail(str(exc))
            self._mark_error_cells(exc.row, exc.column)
            return
        except (OSError, ValueError) as exc:
            self._fail(str(exc))
            return
        super().accept()

    @property
    def error_cells(self) -> list[tuple[int, int]]:
        """(preview row, column) of the cells marked as the cause of the last error."""
        return sorted(self._error_cells)

    def _mark_error_cells(self, row: int | None, column: str | None) -> None:
        """Mark the preview's cell at spreadsheet ``row`` and ``column`` (the whole row when the
        column is unknown, the whole column when the row is), select it and scroll to it;
        None, None clears the mark."""
        for r, c in self._error_cells:
            item = self.table.item(r, c)
            if item is not None:
                item.setData(Qt.ItemDataRole.BackgroundRole, None)
                item.setData(Qt.ItemDataRole.ForegroundRole, None)
        self._error_cells = set()
        numbers = list(self.preview.row_numbers)
        rows = [numbers.index(row)] if row in numbers else []
        if row is None and column is not None:
            rows = list(range(self.table.rowCount()))
        header = list(self.preview.header)
        columns = [header.index(column)] if column in header else []
        if column is None and rows:
            columns = list(range(self.table.columnCount()))
        for r in rows:
            for c in columns:
                item = self.table.item(r, c)
                if item is None:
                    item = QTableWidgetItem("")
                    self.table.setItem(r, c, item)
                item.setBackground(QColor(theme.current().error_cell))
                item.setForeground(QColor(theme.current().error_text))
                self._error_cells.add((r, c))
        if rows and columns:
            self.table.setCurrentCell(rows[0], columns[0])
            first = self.table.item(rows[0], columns[0])
            if first is not None:
                self.table.scrollToItem(first)

    def _fail(self, reason: str) -> None:
        self.dataset = None
        self.error_label.setText(
            self.tr(
                "Cannot import this file — {reason}. Fix the file or choose another label "
                "column; the data in use has not changed."
            ).format(reason=reason.rstrip(". 。"))
        )
        self.error_label.show()
