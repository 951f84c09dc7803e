"""The decision view: the model's output over the input plane, or its fitted curve."""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ...learn import ViewSnapshot, class_regions_image
from ...session import Session
from ..builder import shown_class_names
from ..common import theme
from ..common.binding import bind
from ..common.empty_state import EmptyState
from ..common.plot_items import (
    PathCurve,
    Raster,
    SquareBox,
    make_curve,
    make_plot,
    recolor,
    set_range,
    steady_label,
    steady_range,
    unit_lut,
)
from ..common.style import class_swatches, subscript
from ..training import TrainingController
from .decision_options import DecisionOptions
from .live_view_base import LiveView

MAX_SCATTER = 2_000  # data points drawn behind the decision map


class DecisionView(LiveView):
    """The model's output over the input plane behind the data (two features), or the fitted
    curve over the data (one feature); with more features (or no samples) the plot gives way to
    ``noPlaneLabel``, which says why there is no boundary to draw. Classes are named and drawn in
    their colours. ``set_selected_unit(layer, unit)`` shows one unit's own output instead
    (layer 0 = an input feature), in colours no class uses."""

    selectionChanged = Signal()

    def __init__(
        self, session: Session, controller: TrainingController, parent: QWidget | None = None
    ) -> None:
        super().__init__(session, controller, parent)
        self.setObjectName("decisionView")
        self.selected: tuple[int, int] | None = None
        self._ranged_for: object = None
        self.title = steady_label("decisionTitle", lines=2)
        self.output_button = QPushButton(self.tr("Show the output"))
        self.output_button.setObjectName("showOutputButton")
        self.output_button.setToolTip(
            self.tr("Show the network's output again instead of the unit chosen in the diagram")
        )
        self.output_button.clicked.connect(self.clear_selected_unit)
        self.output_button.setVisible(False)
        self.plot = make_plot("decisionPlot")
        self.class_map = Raster(self.plot)
        self.value_map = Raster(self.plot)
        self._lut = unit_lut()
        self.fit_curve = make_curve(self.plot, theme.current().fit_color, width=3)
        self.unit_curve = make_curve(self.plot, theme.current().highlight, width=2, dashed=True)
        self.class_curves: list[PathCurve] = []
        self.points = pg.ScatterPlotItem(size=7, pen=pg.mkPen(theme.current().point_outline))
        self.val_points = pg.ScatterPlotItem(size=7, brush=pg.mkBrush(None))
        self.plot.addItem(self.points)
        self.plot.addItem(self.val_points)
        self.no_plane = QLabel()
        self.no_plane.setObjectName("noPlaneLabel")
        self.no_plane.setWordWrap(True)
        self.no_plane.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.no_plane.setMargin(24)
        self.no_plane.hide()
        # the title on a line of its own (two lines of text need the width), the controls below
        controls = QHBoxLayout()
        controls.addWidget(self.output_button)
        controls.addStretch(1)
        self.options = DecisionOptions()
        self.options.changed.connect(self._options_changed)
        controls.addWidget(self.options)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(controls)
        self.plot_box = SquareBox(self.plot)  # a square plane: no empty bands beside it
        layout.addWidget(self.plot_box, 1)
        layout.addWidget(self.no_plane, 1)
        self.empty_state = EmptyState(
            self.plot,
            "decisionEmptyState",
            self.tr("Train the network to see its decision boundary take shape"),
        )
        self.show_until_trained(self.empty_state)
        bind(session.events, "data", self, self.load_data)
        self.load_data()

    # -- selection --------------------------------------------------------------------------
    def set_selected_unit(self, layer: int | None, unit: int | None = None) -> None:
        """Show unit ``unit`` (0-based) of layer ``layer`` (0 = input, L = output); None (or a
        unit that does not exist) goes back to the network's output."""
        self.selected = None if layer is None or unit is None else (int(layer), int(unit))
        self.output_button.setVisible(self.selected is not None)
        if self._pending is not None or self.snapshot is not None:
            self.mark_dirty(*self.PARTS)
        self.selectionChanged.emit()

    def clear_selected_unit(self) -> None:
        self.set_selected_unit(None)

    def model_changed(self) -> None:
        """A new model: keep the chosen unit only if the new network has it (as the diagram
        does)."""
        super().model_changed()
        self._ranged_for = None
        if self.selected is not None:
            layer, unit = self.selected
            dims = self.session.spec.layer_dims
            if not (0 <= layer < len(dims) and 0 <= unit < dims[layer]):
                self.clear_selected_unit()

    # -- data -------------------------------------------------------------------------------
    def load_data(self) -> None:
        """The training points (and hollow validation points), drawn once per data set."""
        prepared = self.session.prepared
        train, val = prepared.train, prepared.validation
        n0 = train.n_features
        task = train.task
        self._show_plane_or_why(n0, train.m)
        self.plot.setLabel("bottom", train.feature_names[0] if n0 else "")
        if n0 == 2:
            self.plot.setLabel("left", train.feature_names[1])
        elif n0 == 1:
            self.plot.setLabel("left", self.tr("label y") if task == "regression" else "ŷ")
        for dataset, item, filled in ((train, self.points, True), (val, self.val_points, False)):
            if n0 not in (1, 2) or dataset.m == 0:
                item.setData([], [])
                continue
            step = max(1, math.ceil(dataset.m / MAX_SCATTER))
            X = dataset.X[:, ::step]
            y = dataset.Y.reshape(-1)[::step]
            xs = X[0]
            ys = X[1] if n0 == 2 else y.astype(np.float64)
            if task == "regression":
                colors = [QColor(theme.current().regression_color)] * len(xs)
            else:
                palette = [QColor(c) for c in theme.current().class_colors]
                colors = [palette[int(k) % len(palette)] for k in y]
            if filled:
                item.setData(xs, ys, brush=[pg.mkBrush(c) for c in colors])
            else:
                item.setData(xs, ys, pen=[pg.mkPen(c, width=1.5) for c in colors])
        K = train.n_classes if task == "multiclass" else 0
        while len(self.class_curves) < K:
            self.class_curves.append(make_curve(self.plot, "#000000", width=2))
        for k, curve in enumerate(self.class_curves):
            recolor(curve, theme.current().class_color(k).name())
            curve.setData([], [])
        self.options.sync(task, n0, val.m)
        self.val_points.setVisible(self.options.show_validation)
        self._ranged_for = None

    def _options_changed(self) -> None:
        self.val_points.setVisible(self.options.show_validation)
        if self._pending is not None or self.snapshot is not None:
            self.mark_dirty(*self.PARTS)

    def restyle(self) -> None:
        t = theme.current()
        self._lut = unit_lut()
        recolor(self.fit_curve, t.fit_color)
        recolor(self.unit_curve, t.highlight)
        self.points.setPen(pg.mkPen(t.point_outline))
        self.load_data()  # the points in the new class colours
        if not self.controller.is_running:  # the class map in them too (a run keeps its own)
            self.controller.refresh_views()

    def _show_plane_or_why(self, n0: int, m: int) -> None:
        """The plot for one or two features; else a sentence saying why there is none."""
        drawable = n0 in (1, 2) and m > 0
        self.plot_box.setVisible(drawable)
        self.no_plane.setVisible(not drawable)
        if drawable:
            return
        self.title.setText(self.tr("No decision boundary to draw"))
        if m == 0:
            self.no_plane.setText(
                self.tr("There are no training samples: choose or import some data.")
            )
            return
        self.no_plane.setText(
            self.tr(
                "A decision boundary can be drawn over one input (a curve) or two (a plane). "
                "This data has n[0] = {n0} features, so the network's output depends on {n0} "
                "inputs at once and no flat picture shows it.\n\nThe Cost and Activations "
                "tabs follow training as usual; import data with one or two feature columns "
                "to see a boundary."
            ).format(n0=n0)
        )

    # -- drawing ----------------------------------------------------------------------------
    def draw(self, snapshot: ViewSnapshot) -> None:
        probe = snapshot.probe
        if self._ranged_for is not probe:
            self._ranged_for = probe
            x0, x1, y0, y1 = probe.extent
            # a unit of x₁ as long as a unit of x₂, so that a circle stays a circle at any size
            self.plot.setAspectLocked(probe.mode == "plane")
            self.plot_box.set_square(probe.mode == "plane")
            if probe.mode == "plane":
                self.plot.setRange(xRange=(x0, x1), yRange=(y0, y1), padding=0)
            elif probe.mode == "curve":
                self.plot.setRange(xRange=(x0, x1), yRange=(y0, y1), padding=0.02)
        if probe.mode == "plane":
            self._draw_plane(snapshot)
        elif probe.mode == "curve":
            self._draw_curve(snapshot)
        else:
            for item in (self.class_map, self.value_map):
                item.setVisible(False)
            self.fit_curve.setData([], [])
            self.unit_curve.setData([], [])
            self._show_plane_or_why(probe.X.shape[0], probe.X.shape[1])

    def _place(self, item: Raster, snapshot: ViewSnapshot) -> None:
        """Pixel (i, j) centred on the grid point (x_j, y_i)."""
        x0, x1, y0, y1 = snapshot.probe.extent
        gy, gx = snapshot.probe.grid_shape
        dx = (x1 - x0) / max(gx - 1, 1)
        dy = (y1 - y0) / max(gy - 1, 1)
        item.set_rect(x0 - dx / 2, y0 - dy / 2, x1 - x0 + dx, y1 - y0 + dy)

    def _draw_plane(self, snapshot: ViewSnapshot) -> None:
        self.fit_curve.setData([], [])
        self.unit_curve.setData([], [])
        unit = self._unit_values(snapshot)
        if unit is not None:
            values, levels, title = unit
            self._show_values(snapshot, values, levels)
            self.title.setText(title)
            return
        if snapshot.output_image is not None:
            self.value_map.setVisible(False)
            self.class_map.setVisible(True)
            image = snapshot.output_image
            lut = snapshot.probe.map_lut
            if self.options.discretize and snapshot.unit_maps and lut is not None:
                image = class_regions_image(snapshot.unit_maps[-1], lut)
            self.class_map.set_rgba(image)
            self._place(self.class_map, snapshot)
            self.title.setText(self._output_title(snapshot))
        elif snapshot.output_values is not None:
            self._show_values(snapshot, snapshot.output_values, snapshot.output_levels)
            self.title.setText(self.tr("Output ŷ over the input plane (regression)"))

    def _show_values(
        self, snapshot: ViewSnapshot, values: np.ndarray, levels: tuple[float, float]
    ) -> None:
        self.class_map.setVisible(False)
        self.value_map.setVisible(True)
        self.value_map.set_values(values, levels, self._lut)
        self._place(self.value_map, snapshot)

    def _class_names(self, snapshot: ViewSnapshot) -> list[str]:
        """The classes' names as the data panel shows them (one per class of the probe)."""
        names = shown_class_names(self.session.dataset)
        K = max(2, snapshot.probe.n_classes)
        if len(names) != K:
            names = [self.tr("class {k}").format(k=k) for k in range(K)]
        return names

    def _output_title(self, snapshot: ViewSnapshot) -> str:
        L = snapshot.L
        names = self._class_names(snapshot)
        if self.options.discretize:
            if snapshot.probe.task == "multiclass":
                text = self.tr("Output A[{L}] discretized: the region of each class ({classes})")
                return text.format(L=L, classes=class_swatches(names))
            return self.tr(
                "Output A[{L}] discretized: {one} where ŷ > 0.5, {zero} elsewhere"
            ).format(L=L, one=class_swatches(names[1:2]), zero=class_swatches(names[:1]))
        if snapshot.probe.task == "multiclass":
            return self.tr(
                "Output A[{L}]: each point takes the colour of its likeliest class ({classes}), "
                "paler where the network is unsure"
            ).format(L=L, classes=class_swatches(names))
        return self.tr(
            "Output A[{L}] = ŷ, the probability of {one}: the boundary ŷ = 0.5 is where "
            "{zero} turns into {one}"
        ).format(L=L, one=class_swatches(names[1:2]), zero=class_swatches(names[:1]))

    def _unit_name(
        self, layer: int, unit: int, L: int, snapshot: ViewSnapshot | None = None
    ) -> str:
        if layer == 0:
            return self.tr("input x{k}").format(k=subscript(unit + 1))
        if layer == L and snapshot is not None and snapshot.probe.task == "multiclass":
            names = self._class_names(snapshot)
            if unit < len(names):
                return self.tr("output unit {k}, the probability of class {name}").format(
                    k=unit + 1, name=names[unit]
                )
        where = (
            self.tr("output layer") if layer == L else self.tr("hidden layer {l}").format(l=layer)
        )
        return self.tr("unit {k} of the {where}, a[{l}]{sub}").format(
            k=unit + 1, where=where, l=layer, sub=subscript(unit + 1)
        )

    def _unit_values(
        self, snapshot: ViewSnapshot
    ) -> tuple[np.ndarray, tuple[float, float], str] | None:
        if self.selected is None:
            return None
        layer, unit = self.selected
        probe = snapshot.probe
        name = self._unit_name(layer, unit, snapshot.L, snapshot)
        if layer == 0 and probe.grid is not None and 0 <= unit < 2:
            gy, gx = probe.grid_shape
            values = probe.grid[unit].reshape(gy, gx)
            lo, hi = float(values.min()), float(values.max())
            top = max(abs(lo), abs(hi), 1e-6)
            return (
                values,
                (-top, top),
                self.tr("The value of {name} over the plane").format(name=name),
            )
        found = snapshot.unit_map(layer, unit)
        if found is None:
            return None
        values, levels = found
        act = snapshot.layers[layer - 1].activation
        title = self.tr(
            "Output of {name} ({act}) over the input plane: white is {mid}, purple above, "
            "teal below"
        ).format(name=name, act=act, mid=f"{(levels[0] + levels[1]) / 2:g}")
        return values, levels, title

    def _draw_curve(self, snapshot: ViewSnapshot) -> None:
        for item in (self.class_map, self.value_map):
            item.setVisible(False)
        x = snapshot.probe.curve_x
        out = snapshot.output_curve
        if x is None or out is None:
            return
        if out.shape[0] == 1:
            self.fit_curve.setData(x, out[0])
            for curve in self.class_curves:
                curve.setData([], [])
        else:
            self.fit_curve.setData([], [])
            for k, curve in enumerate(self.class_curves):
                if k < out.shape[0]:
                    curve.setData(x, out[k])
        if snapshot.probe.task == "regression":
            title = self.tr("The fitted curve ŷ(x) over the data")
        elif out.shape[0] == 1:
            names = self._class_names(snapshot)
            title = self.tr("The predicted probability of {one} over the input x").format(
                one=class_swatches(names[1:2])
            )
        else:
            title = self.tr("The predicted probability of each class over the input x: {classes}")
            title = title.format(classes=class_swatches(self._class_names(snapshot)))
        self.unit_curve.setData([], [])
        if self.selected is not None:
            layer, unit = self.selected
            values = snapshot.unit_curve(layer, unit) if layer >= 1 else None
            if values is not None:
                self.unit_curve.setData(x, values)
                y0, y1 = snapshot.probe.extent[2:]
                finite = values[np.isfinite(values)]
                if finite.size:
                    lo, hi = min(y0, float(finite.min())), max(y1, float(finite.max()))
                    current = self.plot.getViewBox().viewRange()[1]
                    set_range(self.plot, None, steady_range(current, lo, hi, fill=0.5))
                name = self._unit_name(layer, unit, snapshot.L, snapshot)
                title = self.tr("{title}; dashed: {name}").format(title=title, name=name)
        self.title.setText(title)
