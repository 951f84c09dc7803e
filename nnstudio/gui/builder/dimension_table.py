"""The dimension table: ``session.network.shape_table(session.m)`` shown, never recomputed.

Rows: X (= A[0]), layers 1..L, Y, and a total-parameters row. Columns: l, n[l], g[l], the shapes
of W[l], b[l], Z[l], A[l], the parameter count and, with the toggle, dW[l], db[l], dZ[l], dA[l].
A network with dropout adds the mask D[l], one with batch normalisation γ[l] and β[l] (and, with
the toggle, dγ[l], dβ[l]); their shapes come from the shape table too.
Shapes are text like "(4, 2)"; every cell's tooltip explains where its shape comes from.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...data import feature_labels
from ...engine import ShapeRow
from ...session import Session
from ..common import theme
from ..common.binding import bind
from ..common.style import format_shape, tint

BASE_COLUMNS = ("name", "units", "activation", "W", "b", "Z", "A", "parameters")
GRADIENT_COLUMNS = ("dW", "db", "dZ", "dA")
DROPOUT_COLUMNS = ("D",)
NORM_COLUMNS = ("gamma", "beta")
NORM_GRADIENT_COLUMNS = ("dgamma", "dbeta")
ALL_GRADIENTS = frozenset({*GRADIENT_COLUMNS, *NORM_GRADIENT_COLUMNS})
SHAPE_COLUMNS = frozenset({"W", "b", "Z", "A", "D", *NORM_COLUMNS, *ALL_GRADIENTS})
SYMBOLS = {"gamma": "γ", "beta": "β", "dgamma": "dγ", "dbeta": "dβ"}
TOTAL = "total"

Index = QModelIndex | QPersistentModelIndex


class DimensionTableModel(QAbstractTableModel):
    """A read-only table model over the engine's shape table for the session's m."""

    def __init__(self, session: Session, parent=None) -> None:
        super().__init__(parent)
        self.session = session
        self._show_gradients = False
        self._rows: list[ShapeRow] = []
        self._m = 0
        self._total = 0
        self._load()
        bind(session.events, "network", self, self.refresh)
        bind(session.events, "data", self, self.refresh)
        theme.follow(self, self.refresh)

    # -- contents -------------------------------------------------------------------------------
    def _load(self) -> None:
        self._m = self.session.m
        self._rows = self.session.network.shape_table(self._m)
        self._total = self.session.spec.parameter_count()

    def refresh(self) -> None:
        self.beginResetModel()
        self._load()
        self.endResetModel()

    @property
    def columns(self) -> tuple[str, ...]:
        """The base columns, D[l] with dropout, γ[l], β[l] with batch normalisation (before the
        parameter count), then the gradients when shown."""
        spec = self.session.spec
        extra = (DROPOUT_COLUMNS if spec.uses_dropout else ()) + (
            NORM_COLUMNS if spec.uses_batch_norm else ()
        )
        grads = GRADIENT_COLUMNS + (NORM_GRADIENT_COLUMNS if spec.uses_batch_norm else ())
        return (
            BASE_COLUMNS[:-1] + extra + BASE_COLUMNS[-1:] + (grads if self._show_gradients else ())
        )

    @property
    def show_gradients(self) -> bool:
        return self._show_gradients

    def set_show_gradients(self, show: bool) -> None:
        if bool(show) != self._show_gradients:
            self.beginResetModel()
            self._show_gradients = bool(show)
            self.endResetModel()

    @property
    def m(self) -> int:
        return self._m

    @property
    def total_parameters(self) -> int:
        return self._total

    def row_names(self) -> list[str]:
        return [row.name for row in self._rows] + [TOTAL]

    def cell(self, row_name: str, column: str) -> str:
        """The text shown in a row (by its name: "X", "1", …, "Y", "total") and column key."""
        r = self.row_names().index(row_name)
        return self.data(self.index(r, self.columns.index(column))) or ""

    # -- QAbstractTableModel --------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows) + 1

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ):
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        key = self.columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._header_text(key)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._header_tooltip(key)
        return None

    def _header_text(self, key: str) -> str:
        texts = {
            "name": self.tr("l"),
            "units": self.tr("n[l]"),
            "activation": self.tr("g[l]"),
            "parameters": self.tr("parameters"),
        }
        return texts.get(key, f"{SYMBOLS.get(key, key)}[l]")

    def _header_tooltip(self, key: str) -> str:
        tips = {
            "name": self.tr("The layer number l. X (= A[0]) and Y are not layers."),
            "units": self.tr("n[l]: the number of units in layer l (n[0]: features of X)."),
            "activation": self.tr("g[l]: the activation applied element-wise: A[l] = g[l](Z[l])."),
            "W": self.tr("Weights: (n[l], n[l-1]). No m: every sample uses the same weights."),
            "b": self.tr("Biases: (n[l], 1), broadcast over the m columns of W·A."),
            "Z": self.tr("Z[l] = W[l]·A[l-1] + b[l]: (n[l], m), one column per sample."),
            "A": self.tr(
                "A[l] = g[l](Z[l]): same shape as Z[l]. X = A[0]; Y has Ŷ = A[L]'s shape."
            ),
            "parameters": self.tr(
                "Numbers learned in this layer: n[l]·n[l-1] weights + n[l] biases."
            ),
            "D": self.tr(
                "Dropout mask D[l] = (rand(n[l], m) < keep_prob[l]): (n[l], m), one column per "
                "sample, drawn anew at every training step."
            ),
            "gamma": self.tr("Batch norm scale γ[l]: (n[l], 1), learned like W and b."),
            "beta": self.tr("Batch norm shift β[l]: (n[l], 1), learned; it replaces b[l]."),
        }
        if key in ALL_GRADIENTS:
            return self.tr(
                "{g}[l] = ∂J/∂{a}[l]: a gradient always has the shape of its array."
            ).format(g=SYMBOLS.get(key, key), a=SYMBOLS.get(key[1:], key[1:]))
        return tips[key]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        key = self.columns[index.column()]
        if index.row() == len(self._rows):
            return self._total_data(key, role)
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, key)
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleDescriptionRole):
            return self._tooltip(row, key)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._spoken(row, key)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return (
                int(Qt.AlignmentFlag.AlignCenter)
                if key != "activation"
                else int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft)
            )
        if role == Qt.ItemDataRole.FontRole and key in SHAPE_COLUMNS:
            fixed = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
            fixed.setPointSizeF(QGuiApplication.font().pointSizeF())  # View ▸ Zoom's size
            return fixed
        if role == Qt.ItemDataRole.BackgroundRole and row.layer in (0, None):
            return QBrush(QColor(theme.current().table_input_fill))
        if role == Qt.ItemDataRole.UserRole:
            return self._shape(row, key)
        return None

    def _total_data(self, key: str, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if key == "name":
                return self.tr("total")
            if key == "parameters":
                return str(self._total)
            return ""
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleDescriptionRole):
            return self.tr(
                "All parameters of the network: the sum of the layers' W and b entries. "
                "It does not depend on m."
            )
        if role == Qt.ItemDataRole.AccessibleTextRole and key == "parameters":
            return self.tr("{count} parameters in total").format(count=self._total)
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor(theme.current().table_header_fill))
        return None

    @staticmethod
    def _shape(row: ShapeRow, key: str) -> tuple[int, ...] | None:
        if key in ALL_GRADIENTS:
            return row.gradients.get(key)
        if key in SHAPE_COLUMNS:
            return getattr(row, key)
        return None

    def _text(self, row: ShapeRow, key: str) -> str:
        if key == "name":
            return row.name
        if key == "units":
            return str(row.units)
        if key == "activation":
            return {"input": self.tr("input"), "labels": self.tr("labels")}.get(
                row.activation, row.activation
            )
        if key == "parameters":
            return str(row.parameters) if row.layer else ""
        shape = self._shape(row, key)
        return format_shape(shape) if shape is not None else "—"

    def _spoken(self, row: ShapeRow, key: str) -> str:
        """A cell's text with its row and column meaning, for a screen reader: "W[1] shape
        (4, 2)" where the table shows "(4, 2)" under W[l] in row 1."""
        l, shown = row.layer, self._text(row, key)
        if row.name in ("X", "Y"):
            array = "A[0] = X" if row.name == "X" else "Y"
            if key == "name" and row.name == "X":
                return self.tr("X = A[0], the input")
            if key == "name":
                return self.tr("Y, the labels")
            if key == "units":
                return self.tr("{array}: {n} rows").format(array=row.name, n=shown)
            if key == "A":
                return self.tr("{array} shape {shape}").format(array=array, shape=shown)
            if key in ("activation", "parameters") or self._shape(row, key) is None:
                return self.tr("{array} has no {column}").format(
                    array=row.name, column=self._header_text(key)
                )
        if key == "name":
            return self.tr("layer {l}").format(l=l)
        if key == "units":
            return self.tr("n[{l}] = {n} units").format(l=l, n=shown)
        if key == "activation":
            return self.tr("g[{l}] = {g}").format(l=l, g=shown)
        if key == "parameters":
            return self.tr("{count} parameters in layer {l}").format(count=shown, l=l)
        array = SYMBOLS.get(key, key)
        return self.tr("{array}[{l}] shape {shape}").format(array=array, l=l, shape=shown)

    def _tooltip(self, row: ShapeRow, key: str) -> str:
        l, m = row.layer, self._m
        if row.name == "X":
            text = self.tr(
                "X = A[0]: {shape}, the inputs with one sample per column — n[0] = {n} features "
                "by m = {m} training samples. X is data, not a layer: it has no W or b."
            ).format(shape=format_shape(row.A), n=row.units, m=m)
            chosen = self.session.feature_choice
            if chosen is None:
                return text
            names = ", ".join(feature_labels(chosen))
            extra = self.tr("Its rows are the chosen input features: {names}.")
            return f"{text} {extra.format(names=names)}"
        if row.name == "Y":
            return self.tr(
                "Y: {shape}, the labels, one column per sample — the same shape as the output "
                "Ŷ = A[L], so the loss can compare them column by column."
            ).format(shape=format_shape(row.A))
        if l is None:  # only X and Y stand outside the layers
            return ""
        shape = format_shape(self._shape(row, key))
        previous = self._rows[l - 1].units if l else 0
        n = row.units
        texts = {
            "name": self.tr("Layer {l}: W[{l}], b[{l}], Z[{l}] and A[{l}] belong to it.").format(
                l=l
            ),
            "units": self.tr("n[{l}] = {n} units in layer {l}.").format(l=l, n=n),
            "activation": self.tr("A[{l}] = {g}(Z[{l}]), applied to each entry.").format(
                l=l, g=row.activation
            ),
            "W": self.tr(
                "W[{l}]: {shape} = (n[{l}], n[{p}]): one row per unit of layer {l}, one column "
                "per unit of the layer before. W has no m: every sample is multiplied by the "
                "same weights."
            ).format(l=l, p=l - 1, shape=shape),
            "b": self.tr(
                "b[{l}]: {shape} = (n[{l}], 1): one bias per unit. W[{l}]·A[{p}] is ({n}, {m}); "
                "adding b broadcasts its single column to all m = {m} columns, so every sample "
                "gets the same bias."
            ).format(l=l, p=l - 1, shape=shape, n=n, m=m),
            "Z": self.tr(
                "Z[{l}] = W[{l}]·A[{p}] + b[{l}]: ({n}, {q})·({q}, {m}) → {shape}, one column "
                "per training sample."
            ).format(l=l, p=l - 1, n=n, q=previous, m=m, shape=shape),
            "A": self.tr(
                "A[{l}] = {g}(Z[{l}]): {shape}, the same shape as Z[{l}] because g works entry "
                "by entry."
            ).format(l=l, g=row.activation, shape=shape),
            "parameters": self.tr(
                "{n}·{q} weights + {n} biases = {count} parameters in layer {l}."
            ).format(n=n, q=previous, count=row.parameters, l=l),
            "D": self.tr(
                "D[{l}]: {shape}, while training each entry is 1 with probability keep_prob = "
                "{k:g} (else 0); A[{l}] is multiplied by it and divided by {k:g}."
            ).format(l=l, shape=shape, k=row.keep_prob)
            if row.D is not None
            else self.tr("Layer {l} drops no units (keep_prob = 1): no mask.").format(l=l),
        }
        if key in NORM_COLUMNS:
            return self._norm_tooltip(row, key, shape)
        if key in ALL_GRADIENTS:
            return self.tr(
                "{g}[{l}]: {shape}, the gradient of the cost J with respect to {a}[{l}]. It has "
                "the shape of {a}[{l}], so gradient descent can subtract α·{g}[{l}] entry by "
                "entry."
            ).format(g=SYMBOLS.get(key, key), a=SYMBOLS.get(key[1:], key[1:]), l=l, shape=shape)
        return texts[key]

    def _norm_tooltip(self, row: ShapeRow, key: str, shape: str) -> str:
        l = row.layer
        if row.gamma is None:
            return self.tr("Layer {l} is not normalised: no γ or β.").format(l=l)
        if key == "gamma":
            return self.tr(
                "γ[{l}]: {shape} = (n[{l}], 1), one scale per unit: Z̃[{l}] = γ[{l}]·Z_norm[{l}] "
                "+ β[{l}], broadcast over the m columns like b. It starts at 1."
            ).format(l=l, shape=shape)
        return self.tr(
            "β[{l}]: {shape} = (n[{l}], 1), one shift per unit. Normalising Z[{l}] removes any "
            "constant, so b[{l}] would do nothing: β[{l}] takes its place and b[{l}] stays 0."
        ).format(l=l, shape=shape)


class DimensionPanel(QWidget):
    """A caption with m, the gradient-shapes toggle, and the table view."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dimensionPanel")
        self.session = session
        self.model = DimensionTableModel(session, self)

        self.caption = QLabel()
        self.caption.setObjectName("dimensionCaption")
        self.caption.setTextFormat(Qt.TextFormat.RichText)
        self.caption.setWordWrap(True)
        self.gradient_check = QCheckBox(self.tr("&Gradient shapes"))
        self.gradient_check.setObjectName("gradientShapesCheckBox")
        self.gradient_check.setToolTip(
            self.tr(
                "Add the columns dW, db, dZ and dA: back propagation computes one gradient per "
                "array, and each has the shape of the array it belongs to."
            )
        )
        self.equations = QLabel(
            self.tr(
                "Z<sup>[l]</sup> = W<sup>[l]</sup>·A<sup>[l-1]</sup> + b<sup>[l]</sup>, "
                "A<sup>[l]</sup> = g<sup>[l]</sup>(Z<sup>[l]</sup>), X = A<sup>[0]</sup>. "
                "Every column of X, Z and A is one sample; W and b have no m. "
                "Hover a cell to see why it has its shape."
            )
        )
        self.equations.setObjectName("dimensionEquations")
        self.equations.setTextFormat(Qt.TextFormat.RichText)
        self.equations.setWordWrap(True)
        tint(self.equations, "note_text")
        self.table = QTableView()
        self.table.setObjectName("dimensionTable")
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(False)
        # the arrow keys walk the cells (a screen reader reads each cell's meaning); Tab leaves
        self.table.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.table.setTabKeyNavigation(False)
        self.table.setAccessibleName(self.tr("Dimension table"))
        self.table.setAccessibleDescription(
            self.tr(
                "The shapes of W, b, Z and A in every layer, one row per layer from X to Y. "
                "Use the arrow keys to read the cells."
            )
        )
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)

        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.caption, 1)
        top.addWidget(self.gradient_check)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.equations)
        layout.addWidget(self.table, 1)

        self.gradient_check.toggled.connect(self.model.set_show_gradients)
        self.model.modelReset.connect(self._update_caption)
        self._update_caption()

    def _update_caption(self) -> None:
        self.caption.setText(
            self.tr(
                "<b>Dimensions</b> for m = {m} training samples · {p} parameters in total"
            ).format(m=self.model.m, p=self.model.total_parameters)
        )

    def preferred_height(self, rows: int = 0) -> int:
        """Height that shows the table's rows (at least ``rows``) without scrolling."""
        rows = max(rows, self.model.rowCount()) * self.table.verticalHeader().defaultSectionSize()
        header = self.table.horizontalHeader().sizeHint().height()
        caption = max(self.caption.sizeHint().height(), self.gradient_check.sizeHint().height())
        caption += self.equations.sizeHint().height()
        scrollbar = self.table.horizontalScrollBar().sizeHint().height()
        return caption + header + rows + scrollbar + 24

    def select_layer(self, layer: int) -> None:
        """Highlight the row of layer l (0 = X)."""
        if 0 <= layer < self.model.rowCount() - 2:
            self.table.selectRow(layer)
