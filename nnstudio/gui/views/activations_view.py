"""The activations view: per layer, a heatmap of A[l] and a histogram of its values."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSplitter, QVBoxLayout, QWidget

from ...engine import ACTIVATIONS
from ...learn import BOUNDED_LEVELS, LayerView, ViewSnapshot
from ...session import Session
from ..builder import shown_class_names
from ..common import theme
from ..common.empty_state import EmptyState
from ..common.plot_items import (
    TRAIN_COLOR,
    Raster,
    make_curve,
    make_plot,
    recolor,
    set_range,
    steady_label,
    steady_range,
    unit_colormap,
    unit_lut,
)
from ..training import TrainingController
from .live_view_base import LiveView

MAX_UNIT_TICKS = 16  # labelled rows of the heatmap's unit axis


def unit_ticks(units: int, names: list[str] | None = None) -> list[tuple[int, str]]:
    """Ticks (row k, text) of the heatmap's unit axis: whole unit numbers 1..units, at most
    MAX_UNIT_TICKS of them; ``names`` (one per unit: a softmax output's classes) label every
    row instead."""
    if names is not None and len(names) == units:
        return [(k + 1, name) for k, name in enumerate(names)]
    step = max(1, -(-units // MAX_UNIT_TICKS))
    return [(k, str(k)) for k in range(1, units + 1, step)]


class ActivationsView(LiveView):
    """Per layer: a heatmap of A[l] (units × a fixed batch of samples sorted by label) and a
    histogram of its values, with the share of saturated values and of dead relu units. The
    unit axis counts whole units; a softmax output's rows are named after their classes."""

    PARTS = ("heatmap", "histogram")

    def __init__(
        self, session: Session, controller: TrainingController, parent: QWidget | None = None
    ) -> None:
        super().__init__(session, controller, parent)
        self.setObjectName("activationsView")
        self.layer_combo = QComboBox()
        self.layer_combo.setObjectName("activationLayerCombo")
        self.layer_combo.setToolTip(self.tr("The layer l whose activations A[l] are shown"))
        self.layer_combo.currentIndexChanged.connect(self._layer_chosen)

        self.heatmap_plot = make_plot("activationHeatmap")
        self.heatmap_plot.setLabel("bottom", self.tr("sample (a fixed batch, sorted by label)"))
        self.heatmap_plot.setLabel("left", self.tr("unit"))
        self.heatmap_plot.invertY(True)
        self.heatmap = Raster(self.heatmap_plot)
        self._lut = unit_lut()
        self.heatmap_bar = pg.ColorBarItem(
            values=(-1.0, 1.0), colorMap=unit_colormap(), interactive=False, width=12
        )
        self.heatmap_plot.getPlotItem().layout.addItem(self.heatmap_bar, 2, 5)

        self.histogram_plot = make_plot("activationHistogram")
        self.histogram_plot.setLabel("left", self.tr("count"))
        # an outline only: filling the area under it costs more than the rest of the frame
        self.histogram_curve = make_curve(self.histogram_plot, TRAIN_COLOR)

        self.stats_label = steady_label("activationStatsLabel", lines=2)
        self.dead_label = steady_label("deadReluLabel", lines=2)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Layer:")))
        top.addWidget(self.layer_combo, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.heatmap_plot)
        splitter.addWidget(self.histogram_plot)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        self.empty_state = EmptyState(
            self.heatmap_plot,
            "activationsEmptyState",
            self.tr(
                "These are the activations of the starting weights: train the network to see "
                "them change"
            ),
        )
        self.show_until_trained(self.empty_state)
        layout.addWidget(self.stats_label)
        layout.addWidget(self.dead_label)
        self._layers_key: tuple[str, ...] = ()
        self._heat_shape: tuple[int, ...] = ()
        self._heat_top: float | None = None
        self._bar_levels: tuple[float, float] | None = None
        self._hist_x: tuple[float, float] | None = None
        self._hist_y: tuple[float, float] | None = None
        self._histogram_label = ""
        self._ticks: list[tuple[int, str]] = []

    @property
    def layer(self) -> int:
        """The layer shown (1..L)."""
        return max(1, self.layer_combo.currentIndex() + 1)

    def select_layer(self, layer: int) -> None:
        if 1 <= layer <= self.layer_combo.count():
            self.layer_combo.setCurrentIndex(layer - 1)

    def restyle(self) -> None:
        self._lut = unit_lut()
        self.heatmap_bar.setColorMap(unit_colormap())
        recolor(self.histogram_curve, theme.current().train_color)

    def model_changed(self) -> None:
        """Forget the previous model's layers and ranges."""
        super().model_changed()
        self._layers_key, self._heat_shape, self._heat_top = (), (), None
        self._bar_levels = self._hist_x = self._hist_y = None

    def _layer_chosen(self) -> None:
        self._heat_top = None
        self._hist_x = self._hist_y = None
        if self.snapshot is not None:
            self.draw(self.snapshot)

    def _sync_layers(self, snapshot: ViewSnapshot) -> None:
        key = tuple(f"{v.activation}:{v.units}" for v in snapshot.layers)
        if key == self._layers_key:
            return
        self._layers_key = key
        self._heat_top, self._heat_shape = None, ()
        self._hist_x = self._hist_y = None
        current = self.layer_combo.currentIndex()
        self.layer_combo.blockSignals(True)
        self.layer_combo.clear()
        L = len(snapshot.layers)
        for v in snapshot.layers:
            kind = self.tr("output") if v.layer == L else self.tr("hidden")
            self.layer_combo.addItem(
                self.tr("Layer {l} ({kind}): {n} {act} units, A[{l}] is ({n}, m)").format(
                    l=v.layer, kind=kind, n=v.units, act=v.activation
                )
            )
        self.layer_combo.setCurrentIndex(min(max(current, 0), L - 1))
        self.layer_combo.blockSignals(False)

    def _current(self, snapshot: ViewSnapshot) -> LayerView | None:
        if not snapshot.layers:
            return None
        self._sync_layers(snapshot)
        return snapshot.layers[min(self.layer, len(snapshot.layers)) - 1]

    def draw_part(self, part: str) -> None:
        snapshot = self.snapshot
        view = None if snapshot is None else self._current(snapshot)
        if snapshot is None or view is None:
            return
        if part == "heatmap":
            self._draw_heatmap(view)
        else:
            self._draw_histogram(view)
            self._draw_dead(snapshot)

    def draw(self, snapshot: ViewSnapshot) -> None:
        view = self._current(snapshot)
        if view is not None:
            self._draw_heatmap(view)
            self._draw_histogram(view)
            self._draw_dead(snapshot)

    def _draw_dead(self, snapshot: ViewSnapshot) -> None:
        relu = [v for v in snapshot.layers if v.dead_units is not None]
        if relu:
            parts = [
                self.tr("layer {l}: {dead} of {n}").format(
                    l=v.layer, dead=len(v.dead_units or ()), n=v.units
                )
                for v in relu
            ]
            fraction = snapshot.dead_relu_fraction or 0.0
            self.dead_label.show_text(
                self.tr("Dead relu units (0 for every sample): {share:.0f} % — {parts}").format(
                    share=100 * fraction, parts=", ".join(parts)
                ),
                now=not self.controller.is_running,
            )
        else:
            self.dead_label.show_text(self.tr("No relu layer, so no dead relu units."), now=True)

    def _draw_heatmap(self, view: LayerView) -> None:
        heat = view.heatmap
        if not heat.size:
            return
        self._label_units(view)
        levels = self._steady_heat_levels(view)
        self.heatmap.set_values(heat, levels, self._lut)
        if heat.shape != self._heat_shape:
            self._heat_shape = heat.shape
            # unit k (1-based) is the row centred on y = k
            self.heatmap.set_rect(0, 0.5, heat.shape[1], heat.shape[0])
            set_range(self.heatmap_plot, (0, heat.shape[1]), (0.5, heat.shape[0] + 0.5))
        if levels != self._bar_levels:
            self._bar_levels = levels
            self.heatmap_bar.setLevels(levels)

    def _label_units(self, view: LayerView) -> None:
        snapshot = self.snapshot
        names = None
        if (
            snapshot is not None
            and view.layer == snapshot.L
            and snapshot.probe.task == "multiclass"
            and not ACTIVATIONS[view.activation].elementwise
        ):  # softmax: one unit per class
            names = shown_class_names(self.session.dataset)
        ticks = unit_ticks(view.units, names)
        if ticks != self._ticks:
            self._ticks = ticks
            self.heatmap_plot.getAxis("left").setTicks([ticks])

    def _draw_histogram(self, view: LayerView) -> None:
        edges, counts = view.hist_edges, view.hist_counts
        self.histogram_curve.setSteps(edges, counts)
        lo, hi = float(edges[0]), float(edges[-1])
        if view.activation in BOUNDED_LEVELS:
            x = (lo, hi) if self._hist_x != (lo, hi) else None
        else:
            x = steady_range(self._hist_x, lo, hi, fill=0.6, pad=0.0)
        top = float(counts.max()) if counts.size else 1.0
        y = steady_range(self._hist_y, 0.0, max(top, 1.0), fill=0.6, pad=0.0)
        if y is not None:
            y = (0.0, y[1] * 1.1)
        self._hist_x = x or self._hist_x
        self._hist_y = y or self._hist_y
        set_range(self.histogram_plot, x, y)
        label = self.tr("value of A[{l}] ({act})").format(l=view.layer, act=view.activation)
        if label != self._histogram_label:
            self._histogram_label = label
            self.histogram_plot.setLabel("bottom", label)
        self.stats_label.show_text(self._stats(view), now=not self.controller.is_running)

    def _steady_heat_levels(self, view: LayerView) -> tuple[float, float]:
        """Bounded functions keep their fixed range; otherwise the symmetric range changes only
        when the values outgrow it or shrink below half of it."""
        if view.activation in BOUNDED_LEVELS:
            return view.heat_levels
        top = max(abs(view.heat_levels[0]), abs(view.heat_levels[1]))
        current = self._heat_top
        if current is None or top > current or top < 0.5 * current:
            current = self._heat_top = top * 1.1
        return (-current, current)

    def _stats(self, view: LayerView) -> str:
        values = self.tr("{n} units × {b} samples").format(
            n=view.units, b=int(view.hist_counts.sum()) // max(view.units, 1)
        )
        if view.saturated_fraction is not None:
            return self.tr(
                "{values}; {share:.0f} % of the values sit in a flat end of {act}, where its "
                "slope g′(z) is nearly 0 and learning slows down."
            ).format(values=values, share=100 * view.saturated_fraction, act=view.activation)
        if view.dead_units:
            return self.tr(
                "{values}; {dead} of {n} units output 0 for every sample: a dead relu gets no "
                "gradient and stops learning."
            ).format(values=values, dead=len(view.dead_units), n=view.units)
        if view.dead_units is not None:
            return self.tr(
                "{values}; every unit is positive for some sample, so none is dead."
            ).format(values=values)
        return values
