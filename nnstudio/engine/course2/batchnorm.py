"""Batch normalisation of a hidden layer's Z, as the course writes it.

For a hidden layer l with batch norm on, over the m columns (samples) of a batch::

    Z[l]      = W[l]·A[l-1]                          (n[l], m)   no b[l]: see below
    μ[l]      = (1/m) Σ_columns Z[l]                  (n[l], 1)
    σ²[l]     = (1/m) Σ_columns (Z[l] − μ[l])²        (n[l], 1)
    Z_norm[l] = (Z[l] − μ[l]) / √(σ²[l] + ε)         (n[l], m)
    Z̃[l]      = γ[l] ⊙ Z_norm[l] + β[l]              (n[l], m)   γ[l], β[l] (n[l], 1)
    A[l]      = g[l](Z̃[l])

γ[l] (starts at 1) and β[l] (starts at 0) are parameters, trained like W[l]. Subtracting μ[l]
cancels any constant added to Z[l], so b[l] would do nothing: where batch norm is on, b[l] is
kept in the parameters (so every layer has the same arrays) but stays 0 — it is not added and
its gradient db[l] is exactly 0 — and β[l] takes its place, as the course explains.

Training uses the batch's μ and σ². Prediction and evaluation, which may see one sample at a
time, use running averages kept while training: after each training batch
``running = MOMENTUM · running + (1 − MOMENTUM) · batch value`` for μ and σ², starting from
μ = 0 and σ² = 1. ε is :data:`EPSILON`.

Going back, with dZ̃ (per-sample gradients, as every dZ in the engine: J averages over m)::

    dγ[l] = (1/m) Σ_columns dZ̃ ⊙ Z_norm,   dβ[l] = (1/m) Σ_columns dZ̃
    dZ_norm = γ[l] ⊙ dZ̃
    dZ[l] = (dZ_norm − mean(dZ_norm) − Z_norm ⊙ mean(dZ_norm ⊙ Z_norm)) / √(σ² + ε)

(means over the columns): the batch's μ and σ² depend on every sample, which the last two terms
account for. With the running statistics (a forward pass that does not use the batch's), μ and
σ² are constants and dZ[l] = dZ_norm / √(σ² + ε).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

Array = np.ndarray

EPSILON = 1e-8
MOMENTUM = 0.9


def batch_norm_for_layers(batch_norm: bool | Sequence[bool], hidden: int) -> tuple[bool, ...]:
    """``batch_norm`` as one flag per hidden layer: a single bool is used for all of them."""
    if isinstance(batch_norm, (bool, np.bool_)):
        return (bool(batch_norm),) * hidden
    flags = tuple(bool(b) for b in batch_norm)
    return flags if flags else (False,) * hidden


def normalize(Z: Array, mean: Array, var: Array) -> Array:
    """Z_norm = (Z − μ) / √(σ² + ε), a new array."""
    return (Z - mean) / np.sqrt(var + EPSILON)


def batch_statistics(Z: Array) -> tuple[Array, Array]:
    """μ and σ² (each (n, 1)) of the columns of Z (n, m)."""
    mean = Z.mean(axis=1, keepdims=True)
    var = np.square(Z - mean).mean(axis=1, keepdims=True)
    return mean, var


def update_running(running: Array, batch_value: Array) -> None:
    """running ← MOMENTUM · running + (1 − MOMENTUM) · batch value, in place."""
    running *= MOMENTUM
    running += (1.0 - MOMENTUM) * batch_value


def batch_norm_backward(
    dZ_tilde: Array, Z_norm: Array, gamma: Array, var: Array, batch_stats: bool
) -> tuple[Array, Array, Array]:
    """dZ[l], dγ[l] and dβ[l] from dZ̃[l] (see the module's formulas)."""
    m = dZ_tilde.shape[1]
    dgamma = (dZ_tilde * Z_norm).sum(axis=1, keepdims=True) / m
    dbeta = dZ_tilde.sum(axis=1, keepdims=True) / m
    dZ_norm = dZ_tilde * gamma
    if batch_stats:
        dZ_norm = (
            dZ_norm
            - dZ_norm.mean(axis=1, keepdims=True)
            - Z_norm * (dZ_norm * Z_norm).mean(axis=1, keepdims=True)
        )
    return dZ_norm / np.sqrt(var + EPSILON), dgamma, dbeta


def batch_norm_forward(
    Z: Array,
    gamma: Array,
    beta: Array,
    running_mean: Array,
    running_var: Array,
    batch_stats: bool,
    update: bool,
) -> tuple[Array, Array, Array, Array]:
    """Z̃, Z_norm and the μ and σ² used: the batch's when ``batch_stats`` (then, when
    ``update``, also folded into the running averages in place), else the running ones."""
    if batch_stats:
        mean, var = batch_statistics(Z)
        if update:
            update_running(running_mean, mean)
            update_running(running_var, var)
    else:
        mean, var = running_mean, running_var
    Z_norm = normalize(Z, mean, var)
    return gamma * Z_norm + beta, Z_norm, mean, var


def forward_layer(
    cache: dict[str, Array],
    l: int,
    Z: Array,
    params: Mapping[str, Array],
    running: Mapping[str, Array],
    batch_stats: bool,
    training: bool,
) -> Array:
    """Z̃[l] of a normalised layer; puts Z_norm, Z̃ and the μ, σ² used into ``cache``
    ("mu{l}", "var{l}" for the batch's, "running_mean{l}", "running_var{l}" for the running
    averages, which a training pass with the batch's also updates)."""
    Z_tilde, cache[f"Znorm{l}"], mean, var = batch_norm_forward(
        Z,
        params[f"gamma{l}"],
        params[f"beta{l}"],
        running[f"mean{l}"],
        running[f"var{l}"],
        batch_stats,
        training,
    )
    prefix = "" if batch_stats else "running_"
    cache[f"{prefix}mu{l}" if batch_stats else f"running_mean{l}"] = mean
    cache[f"{prefix}var{l}"] = var
    cache[f"Ztilde{l}"] = Z_tilde
    return Z_tilde


def backward_layer(
    cache: Mapping[str, Array],
    grads: dict[str, Array],
    l: int,
    dZ_tilde: Array,
    params: Mapping[str, Array],
) -> Array:
    """dZ[l] of a normalised layer from dZ̃[l]; puts dZ̃, dγ and dβ into ``grads``."""
    grads[f"dZtilde{l}"] = dZ_tilde
    batch = f"mu{l}" in cache
    var = cache[f"var{l}"] if batch else cache[f"running_var{l}"]
    dZ, grads[f"dgamma{l}"], grads[f"dbeta{l}"] = batch_norm_backward(
        dZ_tilde, cache[f"Znorm{l}"], params[f"gamma{l}"], var, batch
    )
    return dZ
