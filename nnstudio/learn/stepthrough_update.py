"""The update at the end of a step-through pass, as the run's own optimizer makes it.

Gradient descent is one step per layer, W[l] := W[l] − α·dW[l] and b[l] := b[l] − α·db[l].
Momentum first updates its moving average v_dW = β·v_dW + (1 − β)·dW, then W := W − α·v_dW.
RMSprop keeps s_dW = β·s_dW + (1 − β)·dW² (dW² squares every entry) and takes
W := W − α·dW / (√s_dW + ε). Adam keeps both (β₁ for v, β₂ for s), corrects their start at zero,
v̂_dW = v_dW / (1 − β₁ᵗ) and ŝ_dW = s_dW / (1 − β₂ᵗ), and takes W := W − α·v̂_dW / (√ŝ_dW + ε).
b[l] is updated the same way with db[l], and so are γ[l] and β[l] with dγ[l] and dβ[l] on a layer
with batch normalisation. Every array v, s, v̂, ŝ has the shape of its parameter.

The new parameters and the new v and s are the engine's own: a copy of the optimizer, in the
state the run left it (step count t, v, s), performs ``update`` on a copy of the parameters.
v̂ and ŝ are the products the engine forms on the way (``v · 1/(1 − β₁ᵗ)``, ``s · 1/(1 − β₂ᵗ)``).
"""

from __future__ import annotations

import string

import numpy as np

from ..engine import Network
from ..engine.optimizers import APPLY, CORRECTION, SQUARES, VELOCITY, Optimizer
from ..text import localized, translate
from .stepthrough_notation import (
    UPDATE,
    Array,
    Arrays,
    Formula,
    StepList,
    cat,
    fill,
    lines,
    state_sym,
    sym,
)

PHASES = (VELOCITY, SQUARES, CORRECTION, APPLY)
V_HAT, S_HAT = "v\u0302", "\u015d"  # v̂ (v and a combining circumflex), ŝ
SHOWN = {"W": "W", "b": "b", "gamma": "γ", "beta": "β"}  # the parameters as the course writes them


def private_copy(optimizer: Optimizer, learning_rate: float | None = None) -> Optimizer:
    """A new optimizer of the same kind, hyperparameters and state (t, v, s), so that using it
    leaves ``optimizer`` as it was. ``learning_rate`` replaces its rate, as a run's does."""
    hyper = optimizer.hyperparameters()
    rate = hyper.pop("learning_rate")
    copy = type(optimizer)(rate if learning_rate is None else learning_rate, **hyper)
    copy.load_state_dict(optimizer.state_dict())
    return copy


def _constants(values: dict[str, float]) -> Formula:
    return cat(",  ".join(f"{k} = {v:g}" for k, v in values.items()))


def add_update_steps(
    steps: StepList,
    net: Network,
    grads: dict[str, Array],
    optimizer: Optimizer,
    keep: Arrays,
) -> Network:
    """Add the update steps of layers 1..L to ``steps`` and return the updated copy of ``net``.

    ``grads`` are the engine's dW{l}, db{l}; ``optimizer`` is in the state before this iteration
    and is not changed.
    """
    engine = private_copy(optimizer)
    after = net.copy()
    engine.update(after.params, grads)
    kind, name, t = type(optimizer), optimizer.name, engine.t
    hyper = engine.hyperparameters()
    lr = hyper["learning_rate"]
    first, second = ("beta1", "beta2") if "beta1" in kind.ranges else ("beta", "beta")
    beta1, beta2 = hyper.get(first, 0.0), hyper.get(second, 0.0)
    eps = hyper.get("epsilon", 0.0)
    b1_sym = kind.ranges[first].symbol if first in kind.ranges else "β"
    b2_sym = kind.ranges[second].symbol if second in kind.ranges else "β"
    corrected = CORRECTION in kind.phases
    v_scale = 1.0 / (1.0 - beta1**t) if corrected else 1.0
    s_scale = 1.0 / (1.0 - beta2**t) if corrected else 1.0
    dims = net.layer_dims

    def old(letter: str, p: str, l: int) -> tuple[str, Array]:
        key, value = f"{letter}_{p}{l}", net.params[f"{p}{l}"]
        slot = optimizer.slots.get(key)
        if slot is None or slot.shape != value.shape or slot.dtype != value.dtype:
            slot = np.zeros_like(value)  # where the optimizer starts it (Optimizer._slot)
        return f"{letter}_d{SHOWN[p]}[{l}]", keep(key, slot)

    def new(letter: str, p: str, l: int) -> tuple[str, Array]:
        key = f"{letter}_{p}{l}"
        return f"new {letter}_d{SHOWN[p]}[{l}]", keep(f"new {key}", engine.slots[key])

    def hat(letter: str, p: str, l: int) -> tuple[str, Array]:
        key = f"{letter}_{p}{l}"
        scale = v_scale if letter == "v" else s_scale
        shown = V_HAT if letter == "v" else S_HAT
        return f"{shown}_d{SHOWN[p]}[{l}]", keep(f"{shown}_{p}{l}", engine.slots[key] * scale)

    def param(p: str, l: int) -> tuple[str, Array]:
        return f"{SHOWN[p]}[{l}]", keep(f"{p}{l}", net.params[f"{p}{l}"])

    def grad(p: str, l: int) -> tuple[str, Array]:
        return f"d{SHOWN[p]}[{l}]", keep(f"d{p}{l}", grads[f"d{p}{l}"])

    def result(p: str, l: int) -> tuple[str, Array]:
        return f"new {SHOWN[p]}[{l}]", keep(f"new {p}{l}", after.params[f"{p}{l}"])

    # the arrays the step W := W − … names, in the order its formula names them
    step_fields = [field for _, field, _, _ in string.Formatter().parse(kind.step) if field]
    getters = {
        "dW": grad,
        "v": lambda p, l: new("v", p, l),
        "s": lambda p, l: new("s", p, l),
        "v_hat": lambda p, l: hat("v", p, l),
        "s_hat": lambda p, l: hat("s", p, l),
    }

    def inputs(p: str, l: int) -> list[tuple[str, Array]]:
        """What W := W − … uses besides W."""
        return [getters[field](p, l) for field in step_fields]

    for l in range(1, net.L + 1):
        shapes = {"W": (dims[l], dims[l - 1]), "b": (dims[l], 1)}
        # the parameters layer l trains: W, b, and γ, β where it normalises its Z
        names = tuple(p for p in ("W", "b", "gamma", "beta") if f"{p}{l}" in net.params)
        shapes |= {p: (dims[l], 1) for p in names if p not in shapes}

        def average(
            letter: str, beta: str, p: str, *, squared: bool, l: int = l, shapes: dict = shapes
        ) -> Formula:
            return cat(
                state_sym(letter, SHOWN[p], l, shapes[p]),
                f" = {beta}·",
                state_sym(letter, SHOWN[p], l),
                f" + (1 − {beta})·",
                sym(f"d{SHOWN[p]}", l),
                "²" if squared else "",
            )

        def step_of(p: str, l: int = l) -> Formula:
            return fill(
                kind.step,
                dW=sym(f"d{SHOWN[p]}", l),
                v=state_sym("v", SHOWN[p], l),
                s=state_sym("s", SHOWN[p], l),
                v_hat=state_sym(V_HAT, SHOWN[p], l),
                s_hat=state_sym(S_HAT, SHOWN[p], l),
            )

        for phase in kind.phases:
            constants: dict[str, float]
            if phase == VELOCITY:
                constants = {b1_sym: beta1}
                formula = lines(
                    *(average("v", b1_sym, p, squared=False) for p in names),
                    _constants(constants),
                )
                groups = [[old("v", p, l), grad(p, l), new("v", p, l)] for p in names]
                explanation = translate(
                    "StepThrough",
                    "v_dW[{l}] is a moving average of the gradients: it keeps {beta} = {value:g} "
                    "of the previous v and adds (1 − {beta}) of this iteration's dW[{l}], which "
                    "smooths the steps. It has the shape of W[{l}] and started at zero; this is "
                    "iteration t = {t}. v_db[{l}] does the same for b[{l}].",
                ).format(l=l, beta=b1_sym, value=beta1, t=t)
                title = f"Update, layer {l}: v"
            elif phase == SQUARES:
                constants = {b2_sym: beta2}
                formula = lines(
                    *(average("s", b2_sym, p, squared=True) for p in names),
                    _constants(constants),
                )
                groups = [[old("s", p, l), grad(p, l), new("s", p, l)] for p in names]
                explanation = translate(
                    "StepThrough",
                    "s_dW[{l}] is a moving average of the squared gradients (dW[{l}]² squares "
                    "every entry on its own), with {beta} = {value:g}: it is large where the "
                    "gradient has been large. It has the shape of W[{l}] and started at zero; "
                    "this is iteration t = {t}.",
                ).format(l=l, beta=b2_sym, value=beta2, t=t)
                title = f"Update, layer {l}: s"
            elif phase == CORRECTION:
                c1, c2 = 1.0 - beta1**t, 1.0 - beta2**t
                constants = {"t": t, "1 − β₁ᵗ": c1, "1 − β₂ᵗ": c2}
                parts = [
                    cat(
                        state_sym(letter, SHOWN[p], l, shapes[p]),
                        " = ",
                        state_sym(base, SHOWN[p], l),
                        f" / (1 − {beta}ᵗ)",
                    )
                    for p in names
                    for letter, base, beta in ((V_HAT, "v", "β₁"), (S_HAT, "s", "β₂"))
                ]
                formula = lines(*parts, _constants(constants))
                groups = [
                    [new("v", p, l), hat("v", p, l), new("s", p, l), hat("s", p, l)] for p in names
                ]
                explanation = translate(
                    "StepThrough",
                    "v and s start at zero, so in the first iterations their averages are too "
                    "small. Adam divides them by 1 − βᵗ: at t = {t}, 1 − β₁ᵗ = {c1:.4g} and "
                    "1 − β₂ᵗ = {c2:.4g}. As t grows both approach 1 and the correction fades.",
                ).format(t=t, c1=c1, c2=c2)
                title = f"Update, layer {l}: bias correction"
            else:
                constants = {"α": lr} | ({"ε": eps} if "ε" in kind.step else {})
                formula = lines(
                    *(
                        cat(
                            sym(SHOWN[p], l, shapes[p]), " := ", sym(SHOWN[p], l), " − ", step_of(p)
                        )
                        for p in names
                    ),
                    _constants(constants),
                )
                groups = [[param(p, l), *inputs(p, l), result(p, l)] for p in names]
                explanation = localized(kind.explanation).format(lr=lr, eps=eps)
                title = f"Update, layer {l}"
            arrays = [entry for group in groups for entry in group]
            outputs = [group[-1][0] for group in groups]
            if phase == CORRECTION:
                outputs = [group[i][0] for group in groups for i in (1, 3)]
            steps.add(
                UPDATE,
                l,
                title,
                formula,
                arrays,
                explanation,
                result=outputs[0],
                optimizer=name,
                phase=phase,
                constants=constants,
                columns=len(groups[0]),
                outputs=tuple(outputs),
            )
    return after
