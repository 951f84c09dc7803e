"""The network drawn as the course draws it: columns of units from x₁…xₙ to ŷ, every connection.

Column l holds the n[l] units of layer l (column 0 is the input X). A layer wider than
``MAX_DRAWN`` units shows its first ``HEAD`` units, a "… k more" marker and its last unit, so a
1024-unit layer costs a handful of items. Edge j → i of layer l is W[l][i, j]: blue for w > 0,
orange for w < 0, thickness ∝ |w| (normalised by the largest |w| in the network).
"""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QLineF, QPointF, QSizeF, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPen, QUndoStack
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsTextItem,
    QGraphicsView,
    QToolTip,
    QWidget,
)

from ...data import FEATURES, InputFeature
from ...learn import ViewSnapshot
from ...session import Session
from ..common import theme
from ..common.binding import bind
from ..common.style import format_shape, format_value, subscript
from .diagram_focus import UnitCursor
from .diagram_layout import (
    HEAD,
    EdgeItem,
    Geometry,
    MoreItem,
    UnitItem,
    distance_to_segment,
    geometry_for,
    layout,
)
from .diagram_layout import MAX_DRAWN as MAX_DRAWN
from .diagram_layout import drawn_units as drawn_units
from .unit_pictures import PicturePreview, UnitPictures
from .weight_edit import WeightEditor

MIN_WIDTH, MAX_WIDTH = 0.4, 5.0
MAX_SCALE = 2.0
MIN_POINTS = 9.0  # the diagram's texts never show smaller than this on screen
MAX_LISTED = 6  # weights listed in a unit's tooltip


class NetworkDiagram(QGraphicsView):
    """Draws ``session.network``; redraws on the session events "network" and "weights"."""

    unitSelected = Signal(int, int)  # (layer, unit), layer 0 = input, unit 0-based
    editRefused = Signal()  # a connection was clicked while editing is locked

    def __init__(
        self, session: Session, undo_stack: QUndoStack | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("networkDiagram")
        self.session = session
        self.setScene(QGraphicsScene(self))
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setMinimumSize(320, 200)
        self.units: dict[tuple[int, int], UnitItem] = {}
        self.edges: list[EdgeItem] = []
        self.selected: tuple[int, int] | None = None
        self.highlighted_layer = -1  # a column outlined by the step-through view
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.unit_cursor = UnitCursor(self)  # the keyboard's current unit and its focus ring
        self.pictures = UnitPictures()  # each unit's output over the plane
        self.preview = PicturePreview(self.viewport())  # the hovered unit's picture, enlarged
        self.weight_editor = WeightEditor(self, session, undo_stack)  # a click on a connection
        self.weight_editor.refused.connect(self.editRefused)
        self.tags: dict[tuple[int, int], QGraphicsTextItem] = {}  # the units' labels
        self.spacing = Geometry()
        self._weights_timer = QTimer(self)
        self._weights_timer.setSingleShot(True)
        self._weights_timer.setInterval(40)  # ≤ 25 redraws a second while training
        self._weights_timer.timeout.connect(self.refresh_weights)
        bind(session.events, "network", self, self.rebuild)
        bind(session.events, "weights", self, self._weights_changed)
        theme.follow(self, self.rebuild)
        self.rebuild()

    # -- facts for tests and other views ---------------------------------------------------------
    def item_count(self) -> int:
        return len(self.scene().items())

    # -- drawing ----------------------------------------------------------------------------------
    def rebuild(self) -> None:
        """Draw the current architecture from scratch, then colour its edges."""
        scene = self.scene()
        scene.clear()
        self.setBackgroundBrush(QBrush(QColor(theme.current().diagram_background)))
        self.units, self.edges = {}, []
        self.tags = {}
        dims = self.session.spec.layer_dims
        self.spacing = g = self._geometry_for_view()
        marker = self._more_item(0, 0)  # its size decides how wide a collapsed layer's gap is
        columns = layout(dims, QSizeF(marker.boundingRect().size()), g)
        top = min(centre.y() for column in columns for _, centre in column)
        positions: list[dict[int, QPointF]] = []
        for l, slots in enumerate(columns):
            placed: dict[int, QPointF] = {}
            for unit, centre in slots:
                if unit is None:
                    self._add_more(l, dims[l] - HEAD - 1, centre)
                    continue
                placed[unit] = centre
                self._add_unit(l, unit, centre, len(dims) - 1)
            positions.append(placed)
            self._add_header(l, l * g.column, top - g.radius - 8)
        for l in range(1, len(dims)):
            for i, head in positions[l].items():
                for j, tail in positions[l - 1].items():
                    edge = EdgeItem(l, i, j, QLineF(tail, head))
                    scene.addItem(edge)
                    self.edges.append(edge)
        bottom = max(centre.y() for column in columns for _, centre in column)
        self._add_legend(QPointF(0, bottom + g.radius + 14), (len(dims) - 1) * g.column)
        if self.selected not in self.units:
            self.selected = None
        self._style_units()
        self.refresh_weights()
        self.unit_cursor.rebuilt(g.radius)
        self.pictures.attach(self.units, self.tags, g.radius)
        self._show_pictures()
        rect = scene.itemsBoundingRect().adjusted(-20, -10, 20, 10)
        scene.setSceneRect(rect)
        self._fit()

    def _add_unit(self, layer: int, unit: int, centre: QPointF, L: int) -> None:
        item = UnitItem(layer, unit, centre, self.spacing.radius)
        t = theme.current()
        fill = t.input_fill if layer == 0 else t.output_fill if layer == L else t.hidden_fill
        item.setBrush(QBrush(QColor(fill)))
        self.scene().addItem(item)
        label = QGraphicsTextItem()
        label.setParentItem(item)  # (the parent constructor argument does not keep it alive)
        label.setHtml(self._unit_html(layer, unit, L))
        label.setFont(QFont(self.font()))  # the window's font, so View ▸ Zoom reaches it
        label.setDefaultTextColor(QColor(t.diagram_text))
        tag = QGraphicsRectItem(label.boundingRect())  # its backdrop over a picture
        tag.setParentItem(label)
        tag.setFlag(QGraphicsItem.GraphicsItemFlag.ItemStacksBehindParent)
        tag.setPen(QPen(Qt.PenStyle.NoPen))
        label.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.units[(layer, unit)] = item
        self.tags[(layer, unit)] = label

    def _unit_html(self, layer: int, unit: int, L: int) -> str:
        k = unit + 1
        if layer == 0:
            feature = self._input_feature(unit)
            return feature.html if feature is not None else f"x<sub>{k}</sub>"
        if layer == L:
            return "ŷ" if self.session.spec.layer_dims[L] == 1 else f"ŷ<sub>{k}</sub>"
        return f"a<sub>{k}</sub><sup>[{layer}]</sup>"

    def _more_item(self, layer: int, hidden: int) -> MoreItem:
        item = MoreItem(layer, hidden, self.tr("⋮ {k} more").format(k=hidden))
        item.setFont(QFont(self.font()))
        return item

    def _add_more(self, layer: int, hidden: int, centre: QPointF) -> None:
        item = self._more_item(layer, hidden)
        item.setDefaultTextColor(QColor(theme.current().diagram_muted))
        box = item.boundingRect()
        item.setPos(centre.x() - box.width() / 2, centre.y() - box.height() / 2)
        self.scene().addItem(item)

    def _add_header(self, layer: int, x: float, bottom: float) -> None:
        spec = self.session.spec
        L = spec.L
        if layer == 0:
            html = self.tr("<b>input X</b><br>n<sup>[0]</sup> = {n}").format(n=spec.layer_dims[0])
        else:
            kind = self.tr("output") if layer == L else self.tr("hidden")
            html = self.tr("<b>layer</b><sup>[{l}]</sup> ({kind})<br>{n} × {act}").format(
                l=layer, kind=kind, n=spec.layer_dims[layer], act=spec.activations[layer - 1]
            )
        item = QGraphicsTextItem()
        item.setObjectName(f"diagramHeader{layer}")
        item.setFont(QFont(self.font()))
        item.setDefaultTextColor(QColor(theme.current().diagram_text))
        item.setHtml(f"<div align='center'>{html}</div>")
        item.setTextWidth(self.spacing.column - 10)
        box = item.boundingRect()
        item.setPos(x - box.width() / 2, bottom - box.height())
        self.scene().addItem(item)

    def _add_legend(self, at: QPointF, width: float) -> None:
        html = self.tr(
            "<span style='color:{pos}'>━━</span> w &gt; 0 &nbsp; "
            "<span style='color:{neg}'>━━</span> w &lt; 0 &nbsp; line thickness ∝ |w|<br>"
            "<small>Hover a unit or a line for its values; click a unit to select it.</small>"
        ).format(pos=theme.current().positive, neg=theme.current().negative)
        keys = self.tr("Keyboard: Tab to the diagram, the arrow keys move, Enter selects.")
        html += f"<br><small>{keys}</small>"
        item = QGraphicsTextItem()
        item.setFont(QFont(self.font()))
        item.setHtml(f"<div align='center'>{html}</div>")
        item.setDefaultTextColor(QColor(theme.current().diagram_muted))
        item.setTextWidth(max(width + self.spacing.column, 420.0))
        item.setPos(at.x() + width / 2 - item.textWidth() / 2, at.y())
        self.scene().addItem(item)

    def _style_units(self) -> None:
        t = theme.current()
        for key, item in self.units.items():
            marked = key == self.selected or key[0] == self.highlighted_layer
            pen = QPen(QColor(t.highlight if marked else t.unit_outline), 3 if marked else 1.2)
            item.setPen(pen)

    def highlight_layer(self, layer: int) -> None:
        """Outline every drawn unit of layer ``layer`` (0 is the input); -1 clears it."""
        self.highlighted_layer = layer
        self._style_units()

    def _weights_changed(self) -> None:
        if not self._weights_timer.isActive():
            self._weights_timer.start()

    def refresh_weights(self) -> None:
        """Colour and thickness of every drawn edge from the current weights."""
        params = self.session.network.params
        L = self.session.spec.L
        largest = max((float(abs(params[f"W{l}"]).max()) for l in range(1, L + 1)), default=0.0)
        if not math.isfinite(largest):
            largest = 0.0
        t = theme.current()
        for edge in self.edges:
            w = float(params[f"W{edge.layer}"][edge.row, edge.col])
            if largest <= 0 or not math.isfinite(w) or w == 0:
                pen = QPen(QColor(t.zero), MIN_WIDTH)
            else:
                colour = QColor(t.positive if w > 0 else t.negative)
                pen = QPen(colour, MIN_WIDTH + (MAX_WIDTH - MIN_WIDTH) * abs(w) / largest)
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            edge.setPen(pen)

    def _fit(self) -> None:
        """Fill the view, but never show the texts below MIN_POINTS (scroll instead)."""
        rect, view, points = self.sceneRect(), self.maximumViewportSize(), self.font().pointSizeF()
        if rect.isEmpty() or view.isEmpty():
            return
        scale = min(view.width() / rect.width(), view.height() / rect.height(), MAX_SCALE)
        scale = max(scale, MIN_POINTS / points if points > 0 else 0.0)
        self.resetTransform()
        self.scale(scale, scale)
        self.centerOn(rect.center())

    def _geometry_for_view(self) -> Geometry:
        # the size without scroll bars: one appearing must not change the layout, or the
        # layout's new size would take it away again, and so on without end
        line, view = self.fontMetrics().lineSpacing(), self.maximumViewportSize()
        return geometry_for(self.session.spec.layer_dims, view.width(), view.height(), line)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self._geometry_for_view() != self.spacing:
            self.rebuild()  # (which fits the view again)
        else:
            self._fit()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # View ▸ Zoom: the texts take a new size
            self.rebuild()

    # -- unit pictures ---------------------------------------------------------------------------
    def show_views(self, snapshot: ViewSnapshot) -> None:
        """The views' arrays for new weights: the unit pictures follow (while shown)."""
        self.pictures.snapshot = snapshot
        if self.isVisible():
            self._show_pictures()

    def set_pictures_enabled(self, on: bool) -> None:
        """Show (or hide) each unit's output over the plane inside its circle."""
        self.pictures.enabled = bool(on)
        self._show_pictures()

    def _show_pictures(self) -> None:
        if self.pictures.show(None, self.session.spec.layer_dims):
            self.preview.refresh(self.pictures.preview)
        else:
            self.preview.hide()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._show_pictures()  # the snapshots that came while hidden

    def mouseMoveEvent(self, event) -> None:  # over a unit, its picture enlarged beside it
        item = self.item_at(event.position().toPoint())
        key = (item.layer, item.unit) if isinstance(item, UnitItem) else None
        pixmap = self.pictures.preview(*key) if key is not None else None
        if key is not None and pixmap is not None:
            name = self.tr("{name} over the (x₁, x₂) plane").format(name=self._unit_name(*key))
            where = self.mapFromScene(self.units[key].scenePos() + QPointF(self.spacing.radius, 0))
            self.preview.show_for(key, pixmap, name, where, 8)
        else:
            self.preview.hide()
        super().mouseMoveEvent(event)

    # -- hover and click -------------------------------------------------------------------------
    def item_at(self, pos) -> UnitItem | EdgeItem | MoreItem | None:
        """The unit, marker or (nearest, within a few pixels) edge under a viewport position."""
        for item in self.items(pos):
            while item is not None and not isinstance(item, (UnitItem, MoreItem)):
                item = item.parentItem()
            if item is not None:
                return item
        point = self.mapToScene(pos)
        tolerance = 5.0 / max(self.transform().m11(), 1e-6)
        best, best_distance = None, tolerance
        for edge in self.edges:
            distance = distance_to_segment(point, edge.line())
            if distance <= best_distance:
                best, best_distance = edge, distance
        return best

    def tooltip_at(self, pos) -> str:
        item = self.item_at(pos)
        if isinstance(item, UnitItem):
            return self.unit_tooltip(item.layer, item.unit)
        if isinstance(item, EdgeItem):
            return self.edge_tooltip(item.layer, item.row, item.col)
        if isinstance(item, MoreItem):
            return self.tr(
                "{k} more units of layer [{l}] are not drawn, so the picture stays readable. "
                "The dimension table shows the full shapes."
            ).format(k=item.hidden, l=item.layer)
        return ""

    def _input_feature(self, unit: int) -> InputFeature | None:
        """The input feature that input unit ``unit`` is fed, or None (the data as it is)."""
        chosen = self.session.feature_choice
        return FEATURES[chosen[unit]] if chosen is not None and unit < len(chosen) else None

    def _unit_name(self, layer: int, unit: int) -> str:
        if layer == 0:
            feature = self._input_feature(unit)
            return feature.label if feature is not None else f"x{subscript(unit + 1)}"
        return self.tr("unit {i} of layer [{l}]").format(i=unit + 1, l=layer)

    def unit_tooltip(self, layer: int, unit: int) -> str:
        spec, params = self.session.spec, self.session.network.params
        if layer == 0 and self._input_feature(unit) is not None:
            return self.tr(
                "{name}: an input feature made from x₁ and x₂, row {k} of X. The input is data, "
                "not a layer: it has no weights and no bias."
            ).format(name=self._unit_name(0, unit), k=unit + 1) + self._shapes(0)
        if layer == 0:
            names = self.session.dataset.feature_names
            feature = names[unit] if unit < len(names) else str(unit + 1)
            return self.tr(
                "x{j}: the feature “{name}”, row {k} of X. The input is data, not a layer: "
                "it has no weights and no bias."
            ).format(j=subscript(unit + 1), name=feature, k=unit + 1) + self._shapes(0)
        act = spec.activations[layer - 1]
        b = float(params[f"b{layer}"][unit, 0])
        row = params[f"W{layer}"][unit]
        listed = ", ".join(format_value(float(w)) for w in row[:MAX_LISTED])
        if row.size > MAX_LISTED:
            listed += self.tr(", … ({k} more)").format(k=row.size - MAX_LISTED)
        return self.tr(
            "Unit {i} of layer [{l}] ({act})\n"
            "b = {b}   (b[{l}] row {i})\n"
            "w = [{w}]   (row {i} of W[{l}], one weight per unit of the layer before)\n"
            "a = {act}(w · a[{p}] + b); click to select this unit."
        ).format(i=unit + 1, l=layer, act=act, b=format_value(b), w=listed, p=layer - 1) + (
            self._shapes(layer)
        )

    def _shapes(self, layer: int) -> str:
        """A line with the shapes of layer ``layer``'s arrays, as the dimension table shows
        them (from the engine's shape table), so the tooltip alone tells every shape."""
        row = self.session.network.shape_table(self.session.m)[layer]
        if layer == 0:
            return "\n" + self.tr(
                "X = A[0] is {A}: one row per feature, one column per sample."
            ).format(A=format_shape(row.A))
        return "\n" + self.tr("Shapes: W[{l}] {W}, b[{l}] {b}, Z[{l}] and A[{l}] {A}.").format(
            l=layer, W=format_shape(row.W), b=format_shape(row.b), A=format_shape(row.A)
        )

    def edge_tooltip(self, layer: int, row: int, col: int) -> str:
        w = float(self.session.network.params[f"W{layer}"][row, col])
        return self.tr(
            "w = W[{l}][{i}, {j}] = {w}\n"
            "from {source} to {target}\n"
            "Row {i} is the receiving unit, column {j} the sending one."
        ).format(
            l=layer,
            i=row + 1,
            j=col + 1,
            w=format_value(w),
            source=self._unit_name(layer - 1, col),
            target=self._unit_name(layer, row),
        )

    def viewportEvent(self, event) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            text = self.tooltip_at(event.pos())
            if text:
                QToolTip.showText(event.globalPos(), text, self.viewport())
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    def select_unit(self, layer: int, unit: int) -> None:
        """Highlight a unit and emit unitSelected(layer, unit)."""
        if (layer, unit) not in self.units:
            return
        self.selected = (layer, unit)
        self._style_units()
        self.unit_cursor.set_current(layer, unit)
        self.unitSelected.emit(layer, unit)

    def keyPressEvent(self, event) -> None:
        if not self.unit_cursor.handle_key(event):
            super().keyPressEvent(event)

    def focusInEvent(self, event) -> None:
        super().focusInEvent(event)
        self.unit_cursor.focus_in()

    def focusOutEvent(self, event) -> None:
        super().focusOutEvent(event)
        self.unit_cursor.focus_out()

    def mousePressEvent(self, event) -> None:
        item = self.item_at(event.position().toPoint())
        if isinstance(item, UnitItem) and event.button() == Qt.MouseButton.LeftButton:
            self.select_unit(item.layer, item.unit)
            event.accept()
            return
        if isinstance(item, EdgeItem) and event.button() == Qt.MouseButton.LeftButton:
            self.weight_editor.open(item.layer, item.row, item.col)
            event.accept()
            return
        super().mousePressEvent(event)
