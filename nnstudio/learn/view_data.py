"""The arrays the live views draw, computed from a parameter snapshot with NumPy alone.

The training worker calls :func:`compute_views` in its own thread for every report it passes on,
so the GUI thread only hands finished arrays to pyqtgraph. Nothing here imports Qt.

Shapes (b probe samples, G = gy·gx grid points, c curve points, n[l] units of layer l):
    probe.X (n0, b) · heatmap A[l] (n[l], h) for the first h ≤ 64 probe columns ·
    plane grid (2, G) · unit_maps[l-1] (n[l], gy, gx) · curve_x (c,) · unit_curves[l-1] (n[l], c)

A :class:`ViewProbe` holds the fixed inputs (chosen once per data set); a :class:`ViewSnapshot`
holds what the network computes on them for one set of parameters. Both are immutable.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..data import DEFAULT_FEATURES, map_features
from ..engine import BATCH_NORM_EPSILON, NetworkSpec, get_activation

Array = np.ndarray
RGB = tuple[int, int, int]

GRID_SIZE = 80  # points per side of the decision plane
MIN_GRID_SIZE = 24
GRID_BUDGET = 20_000_000  # grid points × parameters: the plane costs at most this many multiplies
PROBE_SAMPLES = 512  # samples for the histograms and the dead / saturated statistics
HEATMAP_SAMPLES = 64  # columns of the activation heatmap
HIST_BINS = 30
CURVE_POINTS = 200
PADDING = 0.1  # share of the data's range added on each side of the plane or curve
SATURATED = 0.99  # |tanh| above this, or a sigmoid output within 0.01 of 0 or 1

# Fixed value ranges make a histogram comparable from one frame to the next.
BOUNDED_LEVELS = {"sigmoid": (0.0, 1.0), "softmax": (0.0, 1.0), "tanh": (-1.0, 1.0)}

DEFAULT_CLASS_COLORS: tuple[RGB, ...] = (
    (214, 39, 40),
    (31, 119, 180),
    (44, 160, 44),
    (255, 127, 14),
    (148, 103, 189),
    (140, 86, 75),
    (227, 119, 194),
    (127, 127, 127),
    (188, 189, 34),
    (23, 190, 207),
)
MAP_STRENGTH = 0.6  # how far a confident region's colour goes from white towards its class


def _readonly(array: Array) -> Array:
    array.setflags(write=False)
    return array


@dataclass(frozen=True, eq=False)
class ViewProbe:
    """The fixed inputs the views evaluate the network on.

    X (n0, b): probe samples, ordered by label so the heatmap shows the classes side by side;
    labels (b,) their labels; heatmap_columns (h,) the probe columns the heatmap shows.
    mode: "plane" (two inputs: a gy × gx grid over ``extent`` = (x_min, x_max, y_min, y_max)),
    "curve" (one input: ``curve_x`` (c,) over ``extent`` = (x_min, x_max, y_min, y_max) where the
    y range is the labels'), or "none" (more inputs: no input-space view).
    features: the input features made from the two inputs (``nnstudio.data.map_features``):
    the samples and the plane stay in (x₁, x₂); ``inputs`` is what the network is fed.
    """

    task: str
    n_classes: int
    X: Array
    labels: Array
    heatmap_columns: Array
    mode: str
    extent: tuple[float, float, float, float]
    grid: Array | None = None  # (2, G)
    grid_shape: tuple[int, int] = (0, 0)  # (gy, gx)
    curve_x: Array | None = None  # (c,)
    class_colors: tuple[RGB, ...] = DEFAULT_CLASS_COLORS
    inputs: Array | None = None  # (n0, b + G or b + c): every column one forward pass needs
    map_lut: Array | None = None  # colour table of the class map (see class_map_lut)
    features: tuple[str, ...] = DEFAULT_FEATURES

    def __post_init__(self) -> None:
        classes = max(2, self.n_classes)
        object.__setattr__(self, "map_lut", class_map_lut(self.class_colors, classes))
        parts = [self.X]
        if self.grid is not None:
            parts.append(self.grid)
        if self.curve_x is not None:
            parts.append(self.curve_x.reshape(1, -1))
        joined = np.concatenate(parts, axis=1) if len(parts) > 1 else self.X
        joined = map_features(joined, self.features)  # (n[0], b + G): the network's inputs
        object.__setattr__(self, "inputs", _readonly(np.ascontiguousarray(joined)))


def _padded(low: float, high: float) -> tuple[float, float]:
    span = high - low
    pad = PADDING * span if span > 0 else 0.5
    return low - pad, high + pad


def grid_size_for(spec: NetworkSpec, wanted: int = GRID_SIZE) -> int:
    """Points per side of the plane so that one pass costs at most GRID_BUDGET multiplies."""
    params = sum(a * b for a, b in zip(spec.layer_dims[1:], spec.layer_dims[:-1], strict=True))
    side = int(np.sqrt(GRID_BUDGET / max(params, 1)))
    return int(min(wanted, max(MIN_GRID_SIZE, side)))


def make_probe(
    X: Array,
    Y: Array,
    task: str,
    n_classes: int = 0,
    grid_size: int = GRID_SIZE,
    samples: int = PROBE_SAMPLES,
    heatmap_samples: int = HEATMAP_SAMPLES,
    class_colors: Sequence[RGB] = DEFAULT_CLASS_COLORS,
    features: Sequence[str] = DEFAULT_FEATURES,
) -> ViewProbe:
    """Choose the probe samples (evenly spread over the data sorted by label) and the plane or
    curve for training inputs X (n0, m) and labels Y (1, m); with two inputs, ``features`` are
    those the network is fed (see :class:`ViewProbe`)."""
    X = np.asarray(X, dtype=np.float64)
    labels = np.asarray(Y).reshape(-1)
    n0, m = X.shape
    order = np.argsort(labels, kind="stable")
    take = order[np.unique(np.linspace(0, m - 1, min(samples, m)).round().astype(np.int64))]
    take = take if m else np.zeros(0, dtype=np.int64)
    probe_X = _readonly(np.ascontiguousarray(X[:, take]))
    probe_labels = _readonly(labels[take].copy())
    b = probe_X.shape[1]
    heat = np.unique(np.linspace(0, b - 1, min(heatmap_samples, b)).round().astype(np.int64))
    heat = _readonly(heat if b else np.zeros(0, dtype=np.int64))
    colors = tuple(tuple(int(v) for v in c[:3]) for c in class_colors) or DEFAULT_CLASS_COLORS
    common: dict[str, Any] = {
        "task": task,
        "n_classes": int(n_classes),
        "X": probe_X,
        "labels": probe_labels,
        "heatmap_columns": heat,
        "class_colors": colors,
        "features": tuple(features),
    }
    if m == 0 or n0 not in (1, 2):
        return ViewProbe(mode="none", extent=(0.0, 1.0, 0.0, 1.0), **common)
    x0, x1 = _padded(float(X[0].min()), float(X[0].max()))
    if n0 == 1:
        y_values = labels.astype(np.float64)
        y0, y1 = _padded(float(y_values.min()), float(y_values.max()))
        curve = _readonly(np.linspace(x0, x1, CURVE_POINTS))
        return ViewProbe(mode="curve", extent=(x0, x1, y0, y1), curve_x=curve, **common)
    y0, y1 = _padded(float(X[1].min()), float(X[1].max()))
    # a square of the plane: drawn with x₁ and x₂ at the same scale, it fills a square plot
    half = max(x1 - x0, y1 - y0) / 2
    (x0, x1), (y0, y1) = ((c - half, c + half) for c in ((x0 + x1) / 2, (y0 + y1) / 2))
    n = max(2, int(grid_size))
    xs, ys = np.linspace(x0, x1, n), np.linspace(y0, y1, n)
    gx, gy = np.meshgrid(xs, ys)  # row i is y = ys[i]: image rows follow y
    grid = _readonly(np.vstack([gx.reshape(-1), gy.reshape(-1)]))
    return ViewProbe(mode="plane", extent=(x0, x1, y0, y1), grid=grid, grid_shape=(n, n), **common)


@dataclass(frozen=True, eq=False)
class LayerView:
    """What layer l computes on the probe samples.

    heatmap (n[l], h): A[l] for the heatmap columns · levels: the range of the values (fixed
    for sigmoid, tanh and softmax) · heat_levels: the heatmap's colour range (symmetric around 0
    for unbounded functions, so an inactive relu is the middle of a diverging map) ·
    hist_counts (HIST_BINS,), hist_edges (HIST_BINS + 1,): histogram of every value of A[l] on
    the probe · dead_units: relu units that output 0 for every probe sample (relu layers only,
    else None) · saturated_fraction: share of the values in a flat part of sigmoid or tanh.
    """

    layer: int
    activation: str
    units: int
    heatmap: Array
    levels: tuple[float, float]
    hist_counts: Array
    hist_edges: Array
    heat_levels: tuple[float, float] = (0.0, 1.0)
    dead_units: tuple[int, ...] | None = None
    saturated_fraction: float | None = None

    @property
    def dead_fraction(self) -> float | None:
        return None if self.dead_units is None else len(self.dead_units) / max(self.units, 1)


@dataclass(frozen=True, eq=False)
class ViewSnapshot:
    """Everything the live views draw for one set of parameters (after ``step`` updates).

    plane mode: ``output_image`` (gy, gx, 4) uint8 RGBA for a classifier, or ``output_values``
    (gy, gx) with ``output_levels`` for a regression; ``unit_maps[l-1]`` (n[l], gy, gx) and
    ``unit_levels[l-1]`` (n[l], 2). curve mode: ``output_curve`` (n[L], c) over ``probe.curve_x``
    and ``unit_curves[l-1]`` (n[l], c).
    """

    step: int
    probe: ViewProbe
    layers: tuple[LayerView, ...]
    output_image: Array | None = None
    output_values: Array | None = None
    output_levels: tuple[float, float] = (0.0, 1.0)
    unit_maps: tuple[Array, ...] = ()
    unit_levels: tuple[Array, ...] = ()
    output_curve: Array | None = None
    unit_curves: tuple[Array, ...] = ()

    @property
    def mode(self) -> str:
        return self.probe.mode

    @property
    def L(self) -> int:
        return len(self.layers)

    @property
    def dead_relu_fraction(self) -> float | None:
        """Dead units over all relu layers, or None when no layer uses relu."""
        relu = [view for view in self.layers if view.dead_units is not None]
        if not relu:
            return None
        return sum(len(v.dead_units or ()) for v in relu) / max(sum(v.units for v in relu), 1)

    def unit_map(self, layer: int, unit: int) -> tuple[Array, tuple[float, float]] | None:
        """The output of unit ``unit`` (0-based) of layer ``layer`` (1..L) over the plane, with
        its colour range; None when there is no plane or no such unit."""
        if not self.unit_maps or not 1 <= layer <= len(self.unit_maps):
            return None
        maps = self.unit_maps[layer - 1]
        if not 0 <= unit < maps.shape[0]:
            return None
        lo, hi = self.unit_levels[layer - 1][unit]
        return maps[unit], (float(lo), float(hi))

    def unit_curve(self, layer: int, unit: int) -> Array | None:
        """The output of one unit over ``probe.curve_x`` (curve mode), or None."""
        if not self.unit_curves or not 1 <= layer <= len(self.unit_curves):
            return None
        curves = self.unit_curves[layer - 1]
        return curves[unit] if 0 <= unit < curves.shape[0] else None


def forward_all(
    params: Mapping[str, Array],
    activations: Sequence[str],
    X: Array,
    running: Mapping[str, Array] | None = None,
) -> list[Array]:
    """A[1] … A[L] for inputs X (n0, k): Z[l] = W[l]·A[l-1] + b[l], A[l] = g[l](Z[l]), as
    ``Network.forward`` predicts. A layer with batch normalisation (``gamma{l}`` in ``params``)
    uses the running averages ``running["mean{l}"]``, ``running["var{l}"]``:
    A[l] = g[l](γ[l] ⊙ (Z[l] − μ) / √(σ² + ε) + β[l]) with Z[l] = W[l]·A[l-1]."""
    outputs: list[Array] = []
    A = X
    for l, name in enumerate(activations, start=1):
        Z = params[f"W{l}"] @ A
        if f"gamma{l}" in params and running is not None:
            Z_norm = (Z - running[f"mean{l}"]) / np.sqrt(running[f"var{l}"] + BATCH_NORM_EPSILON)
            Z = params[f"gamma{l}"] * Z_norm + params[f"beta{l}"]
        else:
            Z += params[f"b{l}"]
        A = get_activation(name).forward(Z)
        outputs.append(A)
    return outputs


def _finite_range(values: Array) -> tuple[float, float]:
    finite = values[np.isfinite(values)]
    if finite.size == 0:
        return 0.0, 1.0
    lo, hi = float(finite.min()), float(finite.max())
    if hi - lo < 1e-12:
        lo, hi = lo - 0.5, hi + 0.5
    return lo, hi


def _levels(activation: str, values: Array) -> tuple[float, float]:
    if activation in BOUNDED_LEVELS:
        return BOUNDED_LEVELS[activation]
    lo, hi = _finite_range(values)
    if activation == "relu":
        return 0.0, max(hi, 1e-6)
    top = max(abs(lo), abs(hi), 1e-6)
    return -top, top


def _unit_levels(activation: str, maps: Array) -> Array:
    """(n, 2) colour range per unit map (n, ...): fixed for bounded functions, else symmetric
    around 0 (so 0, where a relu is off, is the middle of a diverging colour map)."""
    n = maps.shape[0]
    if activation in BOUNDED_LEVELS:
        return _readonly(np.tile(np.array(BOUNDED_LEVELS[activation], dtype=np.float64), (n, 1)))
    flat = np.where(np.isfinite(maps), maps, 0.0).reshape(n, -1)
    top = np.maximum(np.abs(flat).max(axis=1), 1e-6)
    return _readonly(np.stack([-top, top], axis=1))


def _layer_view(layer: int, activation: str, A: Array, heat_columns: Array) -> LayerView:
    levels = _levels(activation, A)
    finite = A[np.isfinite(A)]
    counts, edges = np.histogram(finite, bins=HIST_BINS, range=levels)
    dead = None
    if activation == "relu":
        dead = tuple(int(u) for u in np.flatnonzero(~(A > 0).any(axis=1))) if A.size else ()
    saturated = None
    if A.size and activation == "sigmoid":
        saturated = float(np.mean((A < 1 - SATURATED) | (A > SATURATED)))
    elif A.size and activation == "tanh":
        saturated = float(np.mean(np.abs(A) > SATURATED))
    return LayerView(
        layer=layer,
        activation=activation,
        units=int(A.shape[0]),
        heatmap=_readonly(np.ascontiguousarray(A[:, heat_columns], dtype=np.float32)),
        levels=levels,
        hist_counts=_readonly(counts),
        hist_edges=_readonly(edges),
        heat_levels=levels if activation in BOUNDED_LEVELS else (-max(levels), max(levels)),
        dead_units=dead,
        saturated_fraction=saturated,
    )


LEVELS = 64  # confidence steps of the class map's colour table


def class_map_lut(colors: Sequence[RGB], classes: int) -> Array:
    """(classes · LEVELS, 4) uint8 RGBA: entry k·LEVELS + i is class k at confidence i/(LEVELS-1),
    going from white (undecided) towards the class colour."""
    white = np.array([255.0, 255.0, 255.0])
    palette = np.array([colors[k % len(colors)] for k in range(classes)], dtype=np.float64)
    strength = MAP_STRENGTH * np.linspace(0.0, 1.0, LEVELS)
    rgb = white + (palette[:, None, :] - white) * strength[None, :, None]
    lut = np.empty((classes * LEVELS, 4), dtype=np.uint8)
    lut[:, :3] = np.clip(np.rint(rgb.reshape(-1, 3)), 0, 255)
    lut[:, 3] = 255
    return _readonly(lut)


def class_map_image(probabilities: Array, lut: Array) -> Array:
    """RGBA uint8 (gy, gx, 4) of a classifier's output over the plane, through ``lut`` from
    :func:`class_map_lut`.

    probabilities: (1, gy, gx) the probability of class 1 (sigmoid), or (K, gy, gx) per class
    (softmax). A point goes from white (undecided) towards the colour of its likelier class.
    """
    if probabilities.shape[0] == 1:
        p = np.nan_to_num(probabilities[0], nan=0.5)
        # confidence |2p − 1| in LEVELS steps; class 1 when p > 0.5
        level = np.abs(p * (2.0 * (LEVELS - 1)) - (LEVELS - 1))
        index = np.minimum(level, LEVELS - 1).astype(np.intp)
        index[p > 0.5] += LEVELS
    else:
        P = np.nan_to_num(probabilities, nan=0.0)
        K = P.shape[0]
        winner = P.argmax(axis=0)
        top = np.take_along_axis(P, winner[None], axis=0)[0]
        level = (top - 1.0 / K) * ((LEVELS - 1) / (1.0 - 1.0 / K))
        index = np.clip(level, 0, LEVELS - 1).astype(np.intp)
        index += winner * LEVELS
    return _readonly(lut[index])


def class_regions_image(probabilities: Array, lut: Array) -> Array:
    """Like :func:`class_map_image`, but every point takes its predicted class's full colour
    (ŷ > 0.5 for a sigmoid, the argmax for a softmax): hard regions, no shades of doubt."""
    if probabilities.shape[0] == 1:
        winner = (np.nan_to_num(probabilities[0], nan=0.5) > 0.5).astype(np.intp)
    else:
        winner = np.nan_to_num(probabilities, nan=0.0).argmax(axis=0)
    return _readonly(lut[winner * LEVELS + (LEVELS - 1)])


def compute_views(
    params: Mapping[str, Array],
    spec: NetworkSpec,
    probe: ViewProbe,
    step: int = 0,
    running: Mapping[str, Array] | None = None,
) -> ViewSnapshot:
    """The :class:`ViewSnapshot` of ``params`` (W1, b1, … as in the engine) on ``probe``;
    ``running``: batch normalisation's running averages (``Network.running``), if any.

    One forward pass over the probe samples and the plane (or curve) together; every unit's
    output over the plane is kept, so a selected unit's map is a slice.
    """
    assert probe.inputs is not None and probe.map_lut is not None  # set by __post_init__
    with np.errstate(all="ignore"):  # huge weights may overflow; the views show what is finite
        outputs = forward_all(params, spec.activations, probe.inputs, running)
    b = probe.X.shape[1]
    with np.errstate(all="ignore"):
        layers = tuple(
            _layer_view(l, name, A[:, :b], probe.heatmap_columns)
            for l, (name, A) in enumerate(zip(spec.activations, outputs, strict=True), start=1)
        )
    output_activation = spec.activations[-1]
    if probe.mode == "plane":
        gy, gx = probe.grid_shape
        maps = tuple(_readonly(A[:, b:].reshape(A.shape[0], gy, gx)) for A in outputs)
        with np.errstate(all="ignore"):
            levels = tuple(
                _unit_levels(name, M) for name, M in zip(spec.activations, maps, strict=True)
            )
        out = maps[-1]
        if output_activation == "linear":
            lo, hi = _output_levels(probe, out[0])
            return ViewSnapshot(step, probe, layers, None, out[0], (lo, hi), maps, levels, None, ())
        return ViewSnapshot(
            step,
            probe,
            layers,
            output_image=class_map_image(out, probe.map_lut),
            unit_maps=maps,
            unit_levels=levels,
        )
    if probe.mode == "curve":
        curves = tuple(_readonly(A[:, b:]) for A in outputs)
        return ViewSnapshot(step, probe, layers, output_curve=curves[-1], unit_curves=curves)
    return ViewSnapshot(step, probe, layers)


def _output_levels(probe: ViewProbe, values: Array) -> tuple[float, float]:
    """Colour range of a regression's output over the plane: the labels' range."""
    labels = probe.labels.astype(np.float64)
    if labels.size:
        return _finite_range(labels)
    return _finite_range(values)
