"""Checks a training run's arguments before its first step, and the memory it will need.

:func:`check_training` refuses, with a :class:`TrainingDataError` that says what is wrong and what
to do: no samples (m = 0); X that is not (n0, m) or holds NaN or infinity; Y whose columns do not
match X's or whose values the loss cannot use (0 or 1 for binary cross-entropy, a class index
0…K−1 or a one-hot column for a softmax output, finite numbers for a linear one). Then it refuses
a run whose :func:`estimate_training_memory` exceeds :func:`available_memory` with a
:class:`NotEnoughMemoryError` that gives both and a batch size that fits. The learning rate and
the optimizer's options are checked by :func:`~.optimizers.make_optimizer`.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from ..text import translate
from .optimizers import OPTIMIZERS

if TYPE_CHECKING:
    from .network import Network
    from .progress import TrainingConfig, TrainingData

Array = np.ndarray
MEMINFO = Path("/proc/meminfo")


class TrainingDataError(ValueError):
    """Data a network cannot train on. ``array`` is "X", "Y", "X_val" or "Y_val"; ``sample``
    the 0-based column (sample) at fault, when one is."""

    def __init__(self, message: str, array: str = "", sample: int | None = None) -> None:
        super().__init__(message)
        self.array = array
        self.sample = sample


class NotEnoughMemoryError(ValueError):
    """A run that needs more memory than the machine has available: ``estimate`` (bytes, in
    parts), ``available`` (bytes) and ``batch_size``, the largest power-of-two mini-batch that
    fits (None when even one sample would not)."""

    def __init__(
        self, message: str, estimate: MemoryEstimate, available: int, batch_size: int | None
    ) -> None:
        super().__init__(message)
        self.estimate = estimate
        self.available = available
        self.batch_size = batch_size


# -- the data ---------------------------------------------------------------------------------
def _numeric(array: Array, name: str) -> None:
    if array.dtype.kind not in "biuf":
        raise TrainingDataError(
            translate("TrainingDataError", "{name} must hold numbers, not {kind} values").format(
                name=name, kind=array.dtype
            ),
            name,
        )


def _first_bad(bad: Array) -> tuple[int, int]:
    """(row, column) of the first True of a 2-D mask."""
    row, column = np.unravel_index(int(np.argmax(bad)), bad.shape)
    return int(row), int(column)


def _all_finite(X: Array) -> bool:
    """True when every value of X is a finite number, without an array of X's size: Σ X is
    finite exactly when every value is, unless the sum overflows (then value by value)."""
    with np.errstate(over="ignore", invalid="ignore"):
        total = np.add.reduce(X, axis=None)
    return bool(np.isfinite(total)) or bool(np.isfinite(X).all())


def check_input(net: Network, X: Array, name: str = "X") -> Array:
    """X as the network's (n0, m) input (``net.as_input``), all of it finite."""
    X = np.asarray(X)
    _numeric(X, name)
    n0 = net.layer_dims[0]
    if X.ndim not in (1, 2) or (X.ndim == 2 and X.shape[0] != n0) or X.size % n0:
        raise TrainingDataError(
            translate(
                "TrainingDataError",
                "{name} has shape {shape}, but the input layer has n[0] = {n0} units: {name} "
                "must be (n0, m) = ({n0}, m), one sample per column",
            ).format(name=name, shape=X.shape, n0=n0),
            name,
        )
    X = net.as_input(X)
    if not _all_finite(X):
        bad = ~np.isfinite(X)
        row, column = _first_bad(bad)
        raise TrainingDataError(
            translate(
                "TrainingDataError",
                "{name} holds {count} values that are not finite numbers (NaN or infinity), the "
                "first in row {row}, sample {sample}; fill in or remove those samples before "
                "training",
            ).format(name=name, count=int(bad.sum()), row=row + 1, sample=column + 1),
            name,
            column,
        )
    return X


def check_labels(net: Network, Y: Array, m: int, name: str = "Y") -> None:
    """Y fits ``net``'s output for m samples: a class index (1, m) or one-hot (K, m) for a
    softmax output, (n[L], m) otherwise, with values the loss can use."""
    Y = np.asarray(Y)
    _numeric(Y, name)
    n_out, out = net.layer_dims[-1], net.activations[-1]
    indices = out == "softmax" and n_out > 1 and (Y.ndim == 1 or (Y.ndim == 2 and Y.shape[0] == 1))
    rows = 1 if indices else n_out
    columns = Y.size // rows if Y.ndim == 1 and Y.size % rows == 0 else None
    columns = Y.shape[1] if Y.ndim == 2 and Y.shape[0] == rows else columns
    if columns is None:
        raise TrainingDataError(
            translate(
                "TrainingDataError",
                "{name} has shape {shape}; the output layer has n[L] = {n} units, so {name} must "
                "be (n[L], m) = ({n}, m)",
            ).format(name=name, shape=Y.shape, n=n_out),
            name,
        )
    if columns != m:
        raise TrainingDataError(
            translate(
                "TrainingDataError",
                "{name} has {labels} columns but X has {m}; every sample (column of X) needs "
                "exactly one label (column of {name})",
            ).format(name=name, labels=columns, m=m),
            name,
        )
    values = Y.reshape(rows, m)
    bad = ~np.isfinite(values)
    if bad.any():
        row, column = _first_bad(bad)
        raise TrainingDataError(
            translate(
                "TrainingDataError",
                "{name} holds a label that is not a finite number (NaN or infinity) for sample "
                "{sample}; fill in or remove the samples without a label",
            ).format(name=name, sample=column + 1),
            name,
            column,
        )
    if indices:
        bad = (values != np.round(values)) | (values < 0) | (values >= n_out)
        template = translate(
            "TrainingDataError",
            "{name} gives sample {sample} the class {value:g}; the softmax output has {K} units, "
            "so each label must be a class index 0, 1, …, {last}",
        )
    elif net.loss == "categorical_cross_entropy":
        bad = ((values != 0) & (values != 1)) | (values.sum(axis=0, keepdims=True) != 1)
        template = translate(
            "TrainingDataError",
            "column {sample} of {name} holds {value:g}, but is not one-hot: categorical "
            "cross-entropy needs one 1 and zeros elsewhere in each column (or a class index "
            "0, 1, …, {last} per sample)",
        )
    elif net.loss == "binary_cross_entropy":
        bad = (values != 0) & (values != 1)
        template = translate(
            "TrainingDataError",
            "{name} gives sample {sample} the label {value:g}; binary cross-entropy (a sigmoid "
            "output) needs labels 0 or 1: number the two classes 0 and 1",
        )
    else:
        return
    if bad.any():
        row, column = _first_bad(bad)
        message = template.format(
            name=name, sample=column + 1, value=float(values[row, column]), K=n_out, last=n_out - 1
        )
        raise TrainingDataError(message, name, column)


def check_training(
    net: Network, data: TrainingData, config: TrainingConfig, available: int | None = None
) -> None:
    """Refuse a run of ``train(net, data, config)`` that could not work: see the module's
    docstring. ``available`` is the memory in bytes (None: :func:`available_memory`)."""
    X = data.inputs(net)  # checked by check_input once per data and dtype
    m = X.shape[1]
    if m == 0:
        raise TrainingDataError(
            translate(
                "TrainingDataError",
                "there are no training samples (m = 0); choose or import a data set first",
            ),
            "X",
        )
    check_labels(net, data.Y, m)
    m_val = 0
    if data.X_val is not None and data.Y_val is not None:
        X_val = check_input(net, data.X_val, "X_val")
        m_val = X_val.shape[1]
        if m_val:
            check_labels(net, data.Y_val, m_val, "Y_val")
    check_memory(net, m, config.batch_size, config.optimizer, m_val, available)


# -- memory -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class MemoryEstimate:
    """Bytes a training run holds at its peak, by what holds them.

    ``parameters``: W[l], b[l], the checkpoint kept to undo a divergence and a report's copy;
    ``gradients``: dW[l], db[l]; ``optimizer_state``: v and s slots (and their checkpoint), the
    optimizer's scratch vectors; ``step``: the training step's arrays for one batch of w samples
    (A[l] and dZ[l] (n[l], w) of every layer, scratch of the widest layer; for a layer with
    dropout its mask D[l] and the dropped A[l]·D[l]/keep_prob, for a normalised one Z_norm[l]
    and its scratch); ``record``: the forward and backward pass that measures a record, Z[l],
    A[l], dZ[l], dA[l] (n[l], r) (and Z_norm, Z̃, dZ̃ of a normalised layer), over all m
    samples in full batch (the run's last record) or a batch of w (and the validation set's
    forward pass); ``data``: X and Y in the network's dtype (and the gathered batch)."""

    parameters: int
    gradients: int
    optimizer_state: int
    step: int
    record: int
    data: int

    @property
    def total(self) -> int:
        return (
            self.parameters + self.gradients + self.optimizer_state + self.step + self.record
        ) + self.data


def estimate_training_memory(
    layer_dims: tuple[int, ...] | list[int],
    m: int,
    batch_size: int = 0,
    optimizer: str = "gd",
    dtype: str = "float64",
    m_val: int = 0,
    dropout_units: int = 0,
    norm_units: int = 0,
) -> MemoryEstimate:
    """The memory :func:`~.training.train` needs for a network [n0, …, nL] on m samples in
    batches of ``batch_size`` (0 or ≥ m: full batch), in ``dtype``, with ``dropout_units``
    units in layers with dropout and ``norm_units`` in layers with batch normalisation. A
    paused mini-batch run also measures all m samples once (as ``record`` does in full batch)."""
    b = np.dtype(dtype).itemsize
    dims = [int(n) for n in layer_dims]
    # W[l], b[l]; γ[l], β[l] and the running μ, σ² of each normalised layer
    P = sum(dims[l] * (dims[l - 1] + 1) for l in range(1, len(dims))) + 2 * norm_units
    units, widest = sum(dims[1:]), max(dims[1:])
    full = batch_size <= 0 or batch_size >= m
    w = m if full else batch_size
    cls = OPTIMIZERS.get(optimizer)
    vectors = 0 if cls is None else 2 * len(cls.fused_slots) + cls.fused_scratch
    step = (2 * units + 2 * widest + dims[-1]) * w * b + widest * w  # + the bool mask
    step += dropout_units * w * (b + 1) + 2 * norm_units * w * b  # D[l] (bool), A·D; Z_norm
    record = 4 * units * (m if full else w) * b + 2 * units * m_val * b
    record += 3 * norm_units * (m if full else w) * b  # Z_norm, Z̃ and dZ̃ of normalised layers
    data = (dims[0] + dims[-1]) * (m + m_val) * b + (0 if full else dims[0] * w * b)
    return MemoryEstimate(3 * P * b, P * b, vectors * P * b, step, record, data)


def available_memory() -> int | None:
    """Bytes the machine can give a new allocation without swapping: MemAvailable from
    /proc/meminfo, else the free physical pages (os.sysconf); None when neither is known."""
    try:
        for line in MEMINFO.read_text().splitlines():
            if line.startswith("MemAvailable:"):
                return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    try:
        return int(os.sysconf("SC_AVPHYS_PAGES")) * int(os.sysconf("SC_PAGE_SIZE"))
    except (AttributeError, ValueError, OSError):
        return None


def suggest_batch_size(
    layer_dims: tuple[int, ...],
    m: int,
    optimizer: str,
    dtype: str,
    m_val: int,
    available: int,
    dropout_units: int = 0,
    norm_units: int = 0,
) -> int | None:
    """The largest power-of-two mini-batch (< m) whose run fits in ``available`` bytes."""
    w = 1
    while w * 2 < m:
        w *= 2
    while w >= 1:
        need = estimate_training_memory(
            layer_dims, m, w, optimizer, dtype, m_val, dropout_units, norm_units
        ).total
        if need <= available:
            return w
        w //= 2
    return None


def _size(n: int) -> str:
    return f"{n / 1e9:.1f} GB" if n >= 1e9 else f"{n / 1e6:.0f} MB"


def check_memory(
    net: Network,
    m: int,
    batch_size: int = 0,
    optimizer: str = "gd",
    m_val: int = 0,
    available: int | None = None,
) -> MemoryEstimate:
    """The run's :class:`MemoryEstimate`; a :class:`NotEnoughMemoryError` when it exceeds
    ``available`` bytes (None: :func:`available_memory`; unknown: no check)."""
    dims, dtype = net.layer_dims, net.spec.dtype
    course2 = (
        sum(n for n, keep in zip(dims[1:], net.keep_prob, strict=False) if keep < 1.0),
        sum(dims[l] for l in net.norm_layers),
    )
    estimate = estimate_training_memory(dims, m, batch_size, optimizer, dtype, m_val, *course2)
    if available is None:
        available = available_memory()
    if available is None or estimate.total <= available:
        return estimate
    w = suggest_batch_size(dims, m, optimizer, dtype, m_val, available, *course2)
    if w is None:
        advice = translate(
            "TrainingDataError",
            "Use fewer or smaller layers, or fewer samples: even a batch of one sample would not "
            "fit.",
        )
    else:
        advice = translate(
            "TrainingDataError",
            "Train in mini-batches of {batch} samples (batch size {batch}) or fewer, or use "
            "fewer or smaller layers.",
        ).format(batch=w)
    message = translate(
        "TrainingDataError",
        "Training this network on {m} samples needs about {need} of memory, but only {free} is "
        "available. {advice}",
    ).format(m=m, need=_size(estimate.total), free=_size(available), advice=advice)
    raise NotEnoughMemoryError(message, estimate, available, w)
