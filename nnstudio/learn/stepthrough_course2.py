"""The second course's steps in the step-through: inverted dropout and batch normalisation.

Going forward, a hidden layer l with keep_prob[l] < 1 gets, after its activation, the mask step
D[l] = (rand(n[l], m) < keep_prob) and the step A[l] = A[l] ⊙ D[l] / keep_prob; going back,
dA[l] = dA[l] ⊙ D[l] / keep_prob. A layer with batch normalisation gets, between its linear
step (Z[l] = W[l]·A[l-1], no b[l]) and its activation (A[l] = g(Z̃[l])), the steps μ and σ²,
Z_norm = (Z − μ)/√(σ² + ε) and Z̃ = γ ⊙ Z_norm + β; going back dZ̃[l] = dA[l] ⊙ g′(Z̃[l]),
dγ[l] and dβ[l], and dZ[l] through the normalisation. Every array is the engine's own: the
masks are those of the engine's training forward pass (see :func:`training_pass`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import numpy as np

from ..engine import Network
from ..text import translate
from .stepthrough_notation import (
    BACKWARD,
    FORWARD,
    Array,
    Arrays,
    Formula,
    StepList,
    cat,
    shape_piece,
    sym,
)

Named = tuple[str, Array]
EPSILON_TEXT = "ε"


def z_norm(l: int, shape: tuple[int, ...] | None = None) -> Formula:
    """``Z_norm[l]`` in text, Z with the subscript norm and the superscript [l] in HTML."""
    piece = Formula(f"Z_norm[{l}]", f"<i>Z</i><sub>norm</sub><sup>[{l}]</sup>")
    return cat(piece, shape_piece(shape)) if shape is not None else piece


def training_pass(
    net: Network, X: Array, rng: np.random.RandomState | None = None
) -> tuple[Array, dict[str, Array]]:
    """A[L] and the cache of the forward pass the next training step makes: ``net``'s own
    forward with ``training=True`` on a copy (batch norm's running averages stay as they are)
    and a generator in the state of ``rng`` (default ``net.rng``; see
    :func:`~nnstudio.engine.next_iteration`), so the dropout masks are the ones training would
    draw next and neither generator moves."""
    work = net.copy()
    draw = np.random.RandomState()
    draw.set_state((net.rng if rng is None else rng).get_state())
    return work.forward(X, training=True, rng=draw)


def add_batch_norm_forward(
    add: Callable[..., None], keep: Arrays, net: Network, cache: Mapping[str, Array], l: int
) -> None:
    """The steps μ, σ²; Z_norm; Z̃ of normalised layer l (the batch's statistics)."""
    n, m = net.layer_dims[l], cache["A0"].shape[1]
    Z = f"Z[{l}]", keep(f"Z{l}", cache[f"Z{l}"])
    mu = f"μ[{l}]", keep(f"mu{l}", cache[f"mu{l}"])
    var = f"σ²[{l}]", keep(f"var{l}", cache[f"var{l}"])
    norm = f"Z_norm[{l}]", keep(f"Znorm{l}", cache[f"Znorm{l}"])
    tilde = f"Z̃[{l}]", keep(f"Ztilde{l}", cache[f"Ztilde{l}"])
    gamma = f"γ[{l}]", keep(f"gamma{l}", net.params[f"gamma{l}"])
    beta = f"β[{l}]", keep(f"beta{l}", net.params[f"beta{l}"])
    formula = cat(
        sym("μ", l, (n, 1)),
        " = (1/m) Σ ",
        sym("Z", l, (n, m)),
        ",   ",
        sym("σ²", l, (n, 1)),
        " = (1/m) Σ (",
        sym("Z", l),
        " − ",
        sym("μ", l),
        ")²",
    )
    text = translate(
        "StepThrough",
        "Batch norm: the mean μ[{l}] and the variance σ²[{l}] of each unit over the m = {m} "
        "samples of the batch (sums along the rows), one number per unit: ({n}, 1).",
    ).format(l=l, m=m, n=n)
    add(FORWARD, l, f"Forward, layer {l}: batch statistics", formula, [Z, mu, var], text,
        phase="batch_norm", outputs=(mu[0], var[0]))  # fmt: skip
    formula = cat(
        z_norm(l, (n, m)), " = (", sym("Z", l), " − ", sym("μ", l), ") / √(",
        sym("σ²", l), f" + {EPSILON_TEXT})",
    )  # fmt: skip
    text = translate(
        "StepThrough",
        "Each unit's values now have mean 0 and variance 1 over the batch; ε keeps the "
        "division safe when σ² is 0.",
    )
    add(FORWARD, l, f"Forward, layer {l}: normalise", formula, [Z, mu, var, norm], text,
        phase="batch_norm")  # fmt: skip
    formula = cat(
        sym("Z̃", l, (n, m)), " = ", sym("γ", l, (n, 1)), " ⊙ ", z_norm(l), " + ",
        sym("β", l, (n, 1)),
    )  # fmt: skip
    text = translate(
        "StepThrough",
        "γ[{l}] and β[{l}] are learned like W: they give each unit the mean and spread that "
        "suit it. β[{l}] takes the place of b[{l}], which the subtraction of μ would cancel.",
    ).format(l=l)
    add(FORWARD, l, f"Forward, layer {l}: scale and shift", formula, [gamma, norm, beta, tilde],
        text, phase="batch_norm")  # fmt: skip


def add_dropout_forward(
    add: Callable[..., None], keep: Arrays, net: Network, cache: Mapping[str, Array], l: int
) -> None:
    """The mask step D[l] and the step A[l] = A[l] ⊙ D[l] / keep_prob of hidden layer l."""
    n, m, k = net.layer_dims[l], cache["A0"].shape[1], net.keep_prob[l - 1]
    D = f"D[{l}]", keep(f"D{l}", cache[f"D{l}"])
    formula = cat(sym("D", l, (n, m)), f" = (rand({n}, {m}) < keep_prob),   keep_prob = {k:g}")
    text = translate(
        "StepThrough",
        "Dropout draws a mask of the shape of A[{l}]: each unit of each sample is kept (True) "
        "with probability keep_prob = {k:g}, so a different thinned network trains on every "
        "iteration.",
    ).format(l=l, k=k)
    add(FORWARD, l, f"Forward, layer {l}: dropout mask", formula, [D], text, phase="dropout",
        constants={"keep_prob": k})  # fmt: skip
    before = f"g[{l}](Z[{l}])", keep(f"gZ{l}", cache[f"gZ{l}"])
    formula = cat(sym("A", l, (n, m)), " = ", sym("A", l), " ⊙ ", sym("D", l), " / keep_prob")
    text = translate(
        "StepThrough",
        "The dropped units become 0 and the kept ones are divided by keep_prob = {k:g}, so the "
        "expected value of A[{l}] stays the same (inverted dropout): prediction needs no "
        "change.",
    ).format(l=l, k=k)
    add(FORWARD, l, f"Forward, layer {l}: apply dropout", formula,
        [before, D, (f"A[{l}]", keep(f"A{l}", cache[f"A{l}"]))], text, phase="dropout",
        constants={"keep_prob": k})  # fmt: skip


def add_dropout_backward(
    add: Callable[..., None],
    keep: Arrays,
    net: Network,
    cache: Mapping[str, Array],
    grads: Mapping[str, Array],
    l: int,
) -> None:
    """dA[l] (from W[l+1]ᵀ·dZ[l+1]) then dA[l] = dA[l] ⊙ D[l] / keep_prob, for hidden layer
    l with a mask."""
    n, m, k = net.layer_dims[l], cache["A0"].shape[1], net.keep_prob[l - 1]
    product = net.params[f"W{l + 1}"].T @ grads[f"dZ{l + 1}"]
    before = f"Wᵀ[{l + 1}]·dZ[{l + 1}]", keep(f"WTdZ{l + 1}", product)
    D = f"D[{l}]", keep(f"D{l}", cache[f"D{l}"])
    dA = f"dA[{l}]", keep(f"dA{l}", grads[f"dA{l}"])
    formula = cat(sym("dA", l, (n, m)), " = ", sym("dA", l), " ⊙ ", sym("D", l), " / keep_prob")
    text = translate(
        "StepThrough",
        "Back propagation drops the same units as the forward pass, with the same mask D[{l}], "
        "and scales the kept ones by 1/keep_prob = 1/{k:g}: a dropped unit gets no gradient.",
    ).format(l=l, k=k)
    add(BACKWARD, l + 1, f"Backward, layer {l + 1}: dropout on dA[{l}]", formula,
        [before, D, dA], text, phase="dropout", constants={"keep_prob": k})  # fmt: skip


def add_batch_norm_backward(
    add: Callable[..., None],
    keep: Arrays,
    net: Network,
    cache: Mapping[str, Array],
    grads: Mapping[str, Array],
    l: int,
) -> None:
    """dγ[l], dβ[l] and dZ[l] of normalised layer l from dZ̃[l]."""
    n, m = net.layer_dims[l], cache["A0"].shape[1]
    dtilde = f"dZ̃[{l}]", keep(f"dZtilde{l}", grads[f"dZtilde{l}"])
    norm = f"Z_norm[{l}]", keep(f"Znorm{l}", cache[f"Znorm{l}"])
    dgamma = f"dγ[{l}]", keep(f"dgamma{l}", grads[f"dgamma{l}"])
    dbeta = f"dβ[{l}]", keep(f"dbeta{l}", grads[f"dbeta{l}"])
    formula = cat(
        sym("dγ", l, (n, 1)), " = (1/m) Σ ", sym("dZ̃", l), " ⊙ ", z_norm(l), ",   ",
        sym("dβ", l, (n, 1)), " = (1/m) Σ ", sym("dZ̃", l, (n, m)),
    )  # fmt: skip
    text = translate(
        "StepThrough",
        "γ[{l}] multiplies Z_norm[{l}] and β[{l}] is added, so their gradients are the rows "
        "of dZ̃[{l}] ⊙ Z_norm[{l}] and of dZ̃[{l}], averaged over the m = {m} samples.",
    ).format(l=l, m=m)
    add(BACKWARD, l, f"Backward, layer {l}: dγ[{l}], dβ[{l}]", formula,
        [dtilde, norm, dgamma, dbeta], text, phase="batch_norm",
        outputs=(dgamma[0], dbeta[0]))  # fmt: skip
    gamma = f"γ[{l}]", keep(f"gamma{l}", net.params[f"gamma{l}"])
    var = f"σ²[{l}]", keep(f"var{l}", cache[f"var{l}"])
    dZ = f"dZ[{l}]", keep(f"dZ{l}", grads[f"dZ{l}"])
    formula = cat(
        sym("dZ", l, (n, m)), " = (d − mean(d) − ", z_norm(l), " ⊙ mean(d ⊙ ",
        z_norm(l), ")) / √(", sym("σ²", l), f" + {EPSILON_TEXT}),   d = ", sym("γ", l),
        " ⊙ ", sym("dZ̃", l),
    )  # fmt: skip
    text = translate(
        "StepThrough",
        "Every sample's Z[{l}] moved μ and σ² of the batch, so the gradient reaching Z[{l}] "
        "loses its mean and its part along Z_norm[{l}] (means along the rows) before the "
        "division by √(σ² + ε).",
    ).format(l=l)
    add(BACKWARD, l, f"Backward, layer {l}: dZ[{l}]", formula, [gamma, dtilde, norm, var, dZ],
        text, phase="batch_norm")  # fmt: skip


__all__ = [
    "StepList",
    "add_batch_norm_backward",
    "add_batch_norm_forward",
    "add_dropout_backward",
    "add_dropout_forward",
    "training_pass",
]
