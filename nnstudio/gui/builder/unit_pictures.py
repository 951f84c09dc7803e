"""Unit pictures: each unit of the network diagram shows its own output over the (x₁, x₂)
plane, as a small image inside its circle, redrawn from every :class:`ViewSnapshot` the
training controller hands the views (no forward pass of its own).

An input unit shows the feature it is fed (x₁, x₁², sin x₂ …), a hidden unit its activation
a[l]ᵢ, an output unit the decision map (a classifier with one output: the class map; with
several: the probability of its own class) or, for a regression, its value. Hovering a unit
shows its picture enlarged with its name (:class:`PicturePreview`). Pictures exist only when
the data has two inputs (the probe's "plane" mode).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import numpy as np
from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, Qt
from PySide6.QtGui import QBrush, QColor, QImage, QPixmap, QTransform
from PySide6.QtWidgets import (
    QFrame,
    QGraphicsEllipseItem,
    QGraphicsRectItem,
    QGraphicsTextItem,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from ...learn import ViewSnapshot
from ..common import theme
from ..common.plot_items import unit_lut

SIDE = 40  # pixels per side of a unit's picture (the plane's grid is sampled down to about it)
PREVIEW_SIDE = 168  # pixels per side of the enlarged picture


def fits(snapshot: ViewSnapshot | None, dims: tuple[int, ...]) -> bool:
    """Whether ``snapshot`` has a plane and pictures for a network of ``dims`` units."""
    if snapshot is None or snapshot.mode != "plane" or snapshot.probe.inputs is None:
        return False
    shown = (snapshot.probe.inputs.shape[0], *(m.shape[0] for m in snapshot.unit_maps))
    return shown == tuple(dims)


def _colour(values: np.ndarray, lo: float, hi: float, lut: np.ndarray) -> np.ndarray:
    scale = (len(lut) - 1) / (hi - lo) if hi > lo else 0.0
    with np.errstate(invalid="ignore", over="ignore"):
        index = np.nan_to_num((values - lo) * scale)
    return lut[np.clip(index, 0, len(lut) - 1).astype(np.intp)]


def picture_rgba(
    snapshot: ViewSnapshot, layer: int, unit: int, lut: np.ndarray, side: int = SIDE
) -> np.ndarray:
    """(h, w, 4) uint8 RGBA of unit ``unit`` of layer ``layer`` (0 = input) over the plane,
    sampled down to about ``side`` pixels a side, top row at the largest x₂ (as plotted)."""
    gy, gx = snapshot.probe.grid_shape
    step = max(1, min(gy, gx) // side)
    cut = (slice(None, None, -step), slice(None, None, step))  # rows flipped: x₂ grows upwards
    L = len(snapshot.unit_maps)
    if layer == 0:
        inputs = snapshot.probe.inputs
        assert inputs is not None
        values = inputs[unit, inputs.shape[1] - gy * gx :].reshape(gy, gx)[cut]
        top = max(float(np.nanmax(np.abs(values))), 1e-6) if values.size else 1.0
        return _colour(values, -top, top, lut)
    if layer == L and snapshot.output_image is not None:
        if snapshot.unit_maps[-1].shape[0] == 1:
            return snapshot.output_image[cut]  # the class map, as the Decision boundary tab
        probe = snapshot.probe
        assert probe.map_lut is not None
        levels = len(probe.map_lut) // max(2, probe.n_classes)
        p = snapshot.unit_maps[-1][unit][cut]
        index = unit * levels + np.rint(np.clip(np.nan_to_num(p), 0, 1) * (levels - 1))
        return probe.map_lut[index.astype(np.intp)]  # white → its class's colour
    if layer == L and snapshot.output_values is not None:
        lo, hi = snapshot.output_levels
        return _colour(snapshot.output_values[cut], lo, hi, lut)
    lo, hi = snapshot.unit_levels[layer - 1][unit]
    return _colour(snapshot.unit_maps[layer - 1][unit][cut], float(lo), float(hi), lut)


def to_pixmap(rgba: np.ndarray) -> QPixmap:
    rgba = np.ascontiguousarray(rgba, dtype=np.uint8)
    h, w = rgba.shape[:2]
    data = rgba.tobytes()
    return QPixmap.fromImage(QImage(data, w, h, 4 * w, QImage.Format.Format_RGBA8888))


class UnitPictures:
    """The pictures of one diagram's units: each is the brush its circle is filled with (so
    it sits under the unit's outline and label, and Qt alone paints it). :meth:`attach` after
    the diagram drew its units, :meth:`show` for each snapshot. ``pixmaps`` maps (layer,
    unit) to the picture shown, and is empty while none is."""

    def __init__(self) -> None:
        self.enabled = True
        self.pixmaps: dict[tuple[int, int], QPixmap] = {}
        self.snapshot: ViewSnapshot | None = None  # the last one shown (or to show)
        self._units: dict[tuple[int, int], QGraphicsEllipseItem] = {}
        self._fills: dict[tuple[int, int], QBrush] = {}
        self._labels: dict[tuple[int, int], QGraphicsTextItem] = {}
        self._radius = 0.0
        self._lut = unit_lut()

    def attach(
        self,
        units: Mapping[tuple[int, int], QGraphicsEllipseItem],
        labels: Mapping[tuple[int, int], QGraphicsTextItem],
        radius: float,
    ) -> None:
        """The diagram drew its units again. ``labels`` are the units' labels: centred without
        a picture, in its lower right corner on their backdrop with one."""
        self._lut = unit_lut()  # (the theme may have changed)
        self._units, self._labels, self._radius = dict(units), dict(labels), radius
        self._fills = {key: unit.brush() for key, unit in units.items()}
        self.pixmaps = {}

    def showing(self) -> bool:
        return bool(self.pixmaps)

    def show(self, snapshot: ViewSnapshot | None, dims: tuple[int, ...]) -> bool:
        """Draw every unit's picture from ``snapshot`` (None: the last one); back to the
        plain fill when pictures are off or the snapshot does not fit. Returns whether they
        are shown."""
        if snapshot is not None:
            self.snapshot = snapshot
        on = self.enabled and fits(self.snapshot, dims)
        self.pixmaps = {}
        r = self._radius
        for key, unit in self._units.items():
            if not on:
                unit.setBrush(self._fills[key])
                continue
            assert self.snapshot is not None
            pixmap = to_pixmap(picture_rgba(self.snapshot, *key, self._lut))
            brush = QBrush(pixmap)
            brush.setTransform(
                QTransform.fromTranslate(-r, -r).scale(
                    2 * r / pixmap.width(), 2 * r / pixmap.height()
                )
            )
            unit.setBrush(brush)
            self.pixmaps[key] = pixmap
        backdrop = QColor(theme.current().diagram_background)
        backdrop.setAlpha(215)
        for label in self._labels.values():
            label.setPos(QPointF(0.1, 0.3) * r if on else -label.boundingRect().center())
            for tag in label.childItems():
                if isinstance(tag, QGraphicsRectItem):
                    tag.setBrush(QBrush(backdrop) if on else QBrush(Qt.BrushStyle.NoBrush))
        return on

    def preview(self, layer: int, unit: int) -> QPixmap | None:
        """The enlarged picture of a unit at the plane's full resolution, or None."""
        if self.snapshot is None or (layer, unit) not in self.pixmaps:
            return None
        rgba = picture_rgba(self.snapshot, layer, unit, self._lut, side=PREVIEW_SIDE)
        return to_pixmap(rgba).scaled(
            PREVIEW_SIDE,
            PREVIEW_SIDE,
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )


class PicturePreview(QFrame):
    """The enlarged picture of the hovered unit with its name, beside the unit (a child of the
    diagram's viewport, so it never leaves the diagram)."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("unitPicturePreview")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.image = QLabel()
        self.image.setObjectName("unitPicturePreviewImage")
        self.caption = QLabel()
        self.caption.setObjectName("unitPicturePreviewName")
        self.caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.caption.setWordWrap(True)
        self.caption.setMaximumWidth(PREVIEW_SIDE)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(4)
        layout.addWidget(self.image)
        layout.addWidget(self.caption)
        self.key: tuple[int, int] | None = None
        self.hide()
        parent.setMouseTracking(True)  # (for the hover)
        parent.installEventFilter(self)  # the pointer leaving the diagram hides it

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Leave:
            self.hide()
        return False

    def show_for(
        self, key: tuple[int, int], pixmap: QPixmap, name: str, beside: QPoint, gap: int
    ) -> None:
        """Show ``pixmap`` and ``name`` for unit ``key`` next to the viewport point ``beside``
        (its right, or its left when there is no room), ``gap`` pixels away from it."""
        self.key = key
        self.image.setPixmap(pixmap)
        self.caption.setText(name)
        palette = self.palette()
        palette.setColor(self.backgroundRole(), QColor(theme.current().diagram_background))
        self.setPalette(palette)
        self.adjustSize()
        parent = self.parentWidget()
        area = parent.rect() if parent is not None else self.rect()
        x = beside.x() + gap
        if x + self.width() > area.right():
            x = beside.x() - gap - self.width()
        y = min(max(beside.y() - self.height() // 2, 0), max(area.bottom() - self.height(), 0))
        self.move(max(x, 0), y)
        self.show()
        self.raise_()

    def refresh(self, pixmap_of: Callable[[int, int], QPixmap | None]) -> None:
        """A new snapshot arrived: show the hovered unit's new picture."""
        if self.isVisible() and self.key is not None:
            pixmap = pixmap_of(*self.key)
            if pixmap is None:
                self.hide()
            else:
                self.image.setPixmap(pixmap)
