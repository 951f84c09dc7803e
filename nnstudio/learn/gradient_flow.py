"""Gradient flow: how large ‖dW[l]‖ is in each layer l as training goes on.

Back propagation multiplies by W[l]ᵀ and by g′(Z[l]) once per layer on its way to layer 1. With
sigmoid (g′ ≤ 1/4) those factors shrink the gradient layer after layer, so the early layers of a
deep sigmoid network barely learn (vanishing gradients); large weights can make it grow instead
(exploding gradients). The training loop records ‖dW[l]‖ for l = 1..L with every record (and the
history and the model file keep them); this module turns those into per-layer series and gives a
plain diagnosis.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..engine import Network, TrainingConfig, TrainingData, train
from ..training_run import History

VANISHING_RATIO = 1e-2  # ‖dW[1]‖ / ‖dW[L]‖ below this: the early layers hardly move
EXPLODING_RATIO = 1e2
EXPLODING_NORM = 1e3
SMALL_NORM = 1e-4


@dataclass(frozen=True, eq=False)
class GradientFlow:
    """steps (k,) iterations; norms (k, L): ‖dW[l]‖ (column l − 1) at each, NaN if unknown."""

    steps: np.ndarray
    norms: np.ndarray

    @property
    def L(self) -> int:
        return int(self.norms.shape[1]) if self.norms.ndim == 2 else 0

    def __len__(self) -> int:
        return int(self.steps.shape[0])

    def layer(self, l: int) -> tuple[np.ndarray, np.ndarray]:
        """(iterations, ‖dW[l]‖) for layer l = 1..L, only where the norm is finite and > 0 (so
        the series can be drawn on a log scale)."""
        values = self.norms[:, l - 1]
        keep = np.isfinite(values) & (values > 0)
        return self.steps[keep], values[keep]

    def mean(self) -> np.ndarray:
        """The mean ‖dW[l]‖ over the recorded iterations, (L,) (NaN for a layer never seen)."""
        out = np.full(self.L, np.nan)
        for l in range(1, self.L + 1):
            _, values = self.layer(l)
            if values.size:
                out[l - 1] = float(values.mean())
        return out

    def last(self) -> np.ndarray:
        """The most recent ‖dW[l]‖ of every layer, (L,)."""
        return self.norms[-1].copy() if len(self) else np.full(self.L, np.nan)


def _rows(source: Any) -> tuple[list[int], list[Sequence[float]]]:
    if isinstance(source, Mapping):
        steps = list(source.get("step", []))
        if "grad_norms" in source:
            return steps, list(source["grad_norms"])
        norms = History.from_dict(source).grad_norms  # the model file's norm_dW1 … norm_dWL
        return steps, list(norms)
    if hasattr(source, "grad_norms") and hasattr(source, "step") and not np.isscalar(source.step):
        return list(source.step), list(source.grad_norms)
    if isinstance(source, Iterable):  # training reports: every record, with its norms
        records = [r for report in source for r in report.records if r.grad_norms]
        return [r.step for r in records], [r.grad_norms for r in records]
    raise TypeError("expected a History, a mapping with step and grad_norms, or reports")


def gradient_flow(source: Any) -> GradientFlow:
    """The norms of a ``History`` (its ``step`` and ``grad_norms``), of a mapping with
    ``step`` and ``grad_norms`` or with the model file's ``norm_dW1`` … series, or of the
    records of an iterable of ``TrainingReport`` s. Rows without norms are left out."""
    steps, norms = _rows(source)
    pairs = [(int(s), tuple(n)) for s, n in zip(steps, norms, strict=False) if n]
    L = max((len(n) for _, n in pairs), default=0)
    table = np.full((len(pairs), L), np.nan)
    for i, (_, row) in enumerate(pairs):
        table[i, : len(row)] = [v if v is not None else np.nan for v in row]
    return GradientFlow(np.array([s for s, _ in pairs], dtype=np.int64), table)


class FlowTable:
    """The ‖dW[l]‖ of a run as growing arrays, for a view that follows a ``History`` while it
    trains: :meth:`follow` converts only the records added since its last call, so keeping up
    costs the new records, not the whole run. ``flow()`` is the table as a GradientFlow: steps
    (n,), norms (n, L)."""

    def __init__(self) -> None:
        self.clear()

    def clear(self) -> None:
        """Hold nothing and follow no history."""
        self._steps = np.empty(0, dtype=np.int64)
        self._norms = np.empty((0, 0))
        self.n = 0
        self._source: History | None = None
        self._seen = 0  # records of _source converted ...
        self._seen_step = -1  # ... the last of them at this iteration

    def flow(self) -> GradientFlow:
        return GradientFlow(self._steps[: self.n], self._norms[: self.n])

    def load(self, flow: GradientFlow) -> None:
        """Hold ``flow`` (from any source :func:`gradient_flow` reads), following nothing."""
        self.clear()
        self._grow(len(flow), flow.L)
        self._steps[: len(flow)], self._norms[: len(flow)] = flow.steps, flow.norms
        self.n = len(flow)

    def follow(self, history: History) -> bool:
        """Catch up with ``history``: its new records only, or all of them when it is another
        history or was reduced or cleared since. True when the table changed."""
        total = len(history.step)
        kept = (
            history is self._source
            and self._seen <= total
            and (self._seen == 0 or history.step[self._seen - 1] == self._seen_step)
        )
        if kept and self._seen == total:
            return False
        start = self._seen if kept else 0
        if not kept:
            self.clear()
        self.add(history.step[start:], history.grad_norms[start:])
        self._source, self._seen = history, total
        self._seen_step = history.step[-1] if total else -1
        return True

    def add(self, steps: Sequence[int], norms: Sequence[Sequence[float | None]]) -> bool:
        """Append the records with norms at iterations after the last one held."""
        last = int(self._steps[self.n - 1]) if self.n else None
        rows = [
            (int(s), n)
            for s, n in zip(steps, norms, strict=False)
            if n and (last is None or s > last)
        ]
        if not rows:
            return False
        L = max(max(len(n) for _, n in rows), self._norms.shape[1] if self.n else 0)
        self._grow(self.n + len(rows), L)
        block = np.full((len(rows), L), np.nan)
        for i, (_, row) in enumerate(rows):
            block[i, : len(row)] = [np.nan if v is None else v for v in row]
        self._steps[self.n : self.n + len(rows)] = [s for s, _ in rows]
        self._norms[self.n : self.n + len(rows)] = block
        self.n += len(rows)
        return True

    def _grow(self, size: int, L: int) -> None:
        if size <= len(self._steps) and self._norms.shape[1] == L:
            return
        capacity = max(size, 2 * len(self._steps), 256)
        steps, norms = np.zeros(capacity, dtype=np.int64), np.full((capacity, L), np.nan)
        steps[: self.n] = self._steps[: self.n]
        width = min(L, self._norms.shape[1])
        norms[: self.n, :width] = self._norms[: self.n, :width]
        self._steps, self._norms = steps, norms


def layer_series(source: Any) -> dict[int, tuple[list[int], list[float]]]:
    """{l: (iterations, ‖dW[l]‖)} for l = 1..L, positive finite values only (log-scale ready)."""
    flow = gradient_flow(source)
    result = {}
    for l in range(1, flow.L + 1):
        steps, values = flow.layer(l)
        result[l] = ([int(s) for s in steps], [float(v) for v in values])
    return result


def diagnose(norms: Sequence[float]) -> tuple[str, float]:
    """What one row of ‖dW[1]‖ … ‖dW[L]‖ says, and ‖dW[1]‖ / (the largest later ‖dW[l]‖).

    "vanishing": layer 1 gets under 1/100 of the gradient of a later layer; "exploding": some
    norm is above 1000 or layer 1 gets over 100 times a later one's; "small": every norm is
    below 1e-4 (training has converged or stalled); "healthy"; "unknown" (no usable numbers).
    """
    values = [float(v) for v in norms]
    if len(values) >= 2 and any(math.isinf(v) for v in values):
        return "exploding", math.inf  # a gradient overflowed: the run diverged
    if len(values) < 2 or not all(math.isfinite(v) for v in values):
        return "unknown", math.nan
    first, later = values[0], max(values[1:])
    if later <= 0:
        return ("unknown", math.nan) if first <= 0 else ("exploding", math.inf)
    ratio = first / later
    if max(values) > EXPLODING_NORM or ratio > EXPLODING_RATIO:
        return "exploding", ratio
    if ratio < VANISHING_RATIO:
        return "vanishing", ratio
    if max(values) < SMALL_NORM:
        return "small", ratio
    return "healthy", ratio


def record_gradient_flow(
    net: Network,
    X: np.ndarray,
    Y: np.ndarray,
    steps: int = 300,
    learning_rate: float = 0.1,
    record_every: int = 10,
    optimizer: str = "gd",
) -> GradientFlow:
    """Train ``net`` in place with the engine for ``steps`` full-batch iterations and return
    the ‖dW[l]‖ it recorded every ``record_every`` iterations."""
    config = TrainingConfig(
        learning_rate=learning_rate,
        epochs=steps,
        optimizer=optimizer,
        record_every=record_every,
        report_every=record_every,
        copy_params=False,
    )
    return gradient_flow(list(train(net, TrainingData(X, Y), config)))


def compare_hidden_activations(
    activations: Sequence[str] = ("sigmoid", "relu"),
    depth: int = 6,
    units: int = 8,
    steps: int = 300,
    learning_rate: float = 0.1,
    init: str = "xavier",
    seed: int = 1,
    X: np.ndarray | None = None,
    Y: np.ndarray | None = None,
) -> dict[str, GradientFlow]:
    """Train the same deep network (``depth`` hidden layers of ``units`` units, a sigmoid
    output, the same initial weights scale and seed) once per hidden activation and return
    each run's gradient flow. The data default to the course's flower set."""
    if X is None or Y is None:
        from ..data import make_dataset

        data = make_dataset("flower")
        X, Y = data.X, data.Y
    dims = [X.shape[0], *([units] * depth), 1]
    result = {}
    for act in activations:
        net = Network(dims, [*([act] * depth), "sigmoid"], init=init, seed=seed)
        result[act] = record_gradient_flow(net, X, Y, steps, learning_rate)
    return result
