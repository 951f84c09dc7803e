"""One pass of gradient descent cut into the steps a learner reads in the course.

:func:`build_steps` runs the engine once — ``net.forward``, ``net.cost``, ``net.backward`` and
``update`` on a copy — and slices what it computed into :class:`Step` s: for l = 1..L the linear
step Z[l] = W[l]·A[l-1] + b[l] and the activation A[l] = g[l](Z[l]); the cost J; for l = L..1
dZ[l], dW[l] = (1/m) dZ[l]·A[l-1]ᵀ, db[l] = (1/m) Σ dZ[l] and dA[l-1] = W[l]ᵀ·dZ[l]; and for
l = 1..L the update W[l] := W[l] − α dW[l], b[l] := b[l] − α db[l]. Every array a step holds is a
read-only copy of the engine's own, so what the learner sees is exactly what training computes.
"""

from __future__ import annotations

import numpy as np

from ..engine import Network, get_activation, get_loss
from ..engine.optimizers import GradientDescent, Optimizer
from ..text import localized, translate
from .stepthrough_course2 import (
    add_batch_norm_backward,
    add_batch_norm_forward,
    add_dropout_backward,
    add_dropout_forward,
    training_pass,
)
from .stepthrough_notation import (
    BACKWARD,
    COST,
    FORWARD,
    KINDS,
    UPDATE,
    Array,
    Arrays,
    Formula,
    Step,
    StepList,
    cat,
    fill,
    number,
    sym,
)
from .stepthrough_update import add_update_steps, private_copy

__all__ = ["BACKWARD", "COST", "FORWARD", "KINDS", "UPDATE", "Step", "build_steps"]


def _sentences(first: str, second: str) -> str:
    """Two sentences of an explanation, joined as the language joins sentences."""
    return translate("StepThrough", "{first} {second}").format(first=first, second=second)


def _g_of(activation: str, argument: Formula, layer: int) -> Formula:
    name = get_activation(activation).symbol
    if not name:
        return argument  # a linear layer: A = Z
    return cat(name, "(", argument, ")")


def build_steps(
    net: Network,
    X: Array,
    Y: Array,
    learning_rate: float | None = None,
    optimizer: Optimizer | None = None,
    rng: np.random.RandomState | None = None,
) -> list[Step]:
    """The steps of one forward pass, the cost, back propagation and the update.

    X (n0, m) and Y (n[L], m) (or class labels for a softmax output) as the engine takes them.
    The update is the one ``optimizer`` (gradient descent, momentum, RMSprop or Adam, in the
    state an earlier run left it) would make next; without one it is gradient descent with
    ``learning_rate``, which also replaces the optimizer's rate when both are given, as a run's
    rate does. Dropout masks are drawn from a copy of ``rng`` (default ``net.rng``). ``net``
    and ``optimizer`` are left unchanged: the update is applied to copies. For the pass a run's
    next iteration makes, take X, Y, ``optimizer`` and ``rng`` from
    :func:`~nnstudio.engine.next_iteration`.
    """
    if optimizer is None:
        if learning_rate is None:
            raise ValueError("build_steps needs a learning rate or an optimizer")
        optimizer = GradientDescent(learning_rate)
    optimizer = private_copy(optimizer, learning_rate)
    X = net.as_input(X)
    Y = net.as_labels(Y)
    AL, cache = training_pass(net, X, rng)  # the masks and batch statistics training would use
    cost = net.cost(AL, Y)
    grads = net.backward(Y, cache, need_input_grad=False)

    keep = Arrays()
    L, m, dims = net.L, X.shape[1], net.layer_dims

    def A(l: int, before_mask: bool = False) -> tuple[str, Array]:
        if before_mask and f"gZ{l}" in cache:  # g(Z[l]), before dropout's mask
            return f"A[{l}]", keep(f"gZ{l}", cache[f"gZ{l}"])
        return f"A[{l}]", keep(f"A{l}", cache[f"A{l}"])

    def Z(l: int) -> tuple[str, Array]:
        return f"Z[{l}]", keep(f"Z{l}", cache[f"Z{l}"])

    def param(name: str, l: int) -> tuple[str, Array]:
        return f"{name}[{l}]", keep(f"{name}{l}", net.params[f"{name}{l}"])

    def grad(name: str, l: int) -> tuple[str, Array]:
        return f"{name}[{l}]", keep(name + str(l), grads[f"{name}{l}"])

    def dA_result(l: int) -> tuple[str, Array]:
        """dA[l-1] = W[l]ᵀ·dZ[l]; before dropout's mask when layer l-1 has one."""
        if f"D{l - 1}" not in cache:
            return grad("dA", l - 1)
        product = net.params[f"W{l}"].T @ grads[f"dZ{l}"]
        return f"Wᵀ[{l}]·dZ[{l}]", keep(f"WTdZ{l}", product)

    step_list = StepList()
    add = step_list.add

    # -- forward ---------------------------------------------------------------------------------
    for l in range(1, L + 1):
        n, n_prev = dims[l], dims[l - 1]
        act, normed = net.activations[l - 1], l in net.norm_layers
        formula = cat(
            sym("Z", l, (n, m)),
            " = ",
            sym("W", l, (n, n_prev)),
            " · ",
            sym("A", l - 1, (n_prev, m)),
            *(() if normed else (" + ", sym("b", l, (n, 1)))),
        )
        explanation = translate(
            "StepThrough",
            "W[{l}] ({n}, {p}) times A[{q}] ({p}, {m}) gives ({n}, {m}): one column per sample. "
            "W[{l}] and b[{l}] have no m — every sample uses the same parameters — and b[{l}] "
            "({n}, 1) is added to each of the {m} columns (broadcasting).",
        ).format(l=l, q=l - 1, n=n, p=n_prev, m=m)
        if l == 1:
            explanation = _sentences(
                explanation,
                translate("StepThrough", "A[0] is the input X, one sample per column."),
            )
        if normed:
            explanation = translate(
                "StepThrough",
                "W[{l}] ({n}, {p}) times A[{q}] ({p}, {m}) gives ({n}, {m}). With batch norm "
                "b[{l}] is left out: subtracting the mean would cancel it, and β[{l}] takes "
                "its place.",
            ).format(l=l, q=l - 1, n=n, p=n_prev, m=m)
        linear = [param("W", l), A(l - 1), *([] if normed else [param("b", l)]), Z(l)]
        add(FORWARD, l, f"Forward, layer {l}: linear step", formula, linear, explanation)
        if normed:
            add_batch_norm_forward(add, keep, net, cache, l)
        z_in = sym("Z̃", l) if normed else sym("Z", l)
        formula = cat(sym("A", l, (n, m)), " = ", _g_of(act, z_in, l))
        formula_note = get_activation(act).formula
        if not get_activation(act).elementwise:
            explanation = translate(
                "StepThrough",
                "g[{l}] = {act} ({note}) acts on every entry of Z[{l}] on its own (softmax: on "
                "every column), so A[{l}] has the shape of Z[{l}].",
            )
        else:
            explanation = translate(
                "StepThrough",
                "g[{l}] = {act} ({note}) acts on every entry of Z[{l}] on its own, so A[{l}] has "
                "the shape of Z[{l}].",
            )
        explanation = explanation.format(l=l, act=act, note=formula_note)
        if l == L:
            explanation = _sentences(
                explanation,
                translate("StepThrough", "A[{L}] is the prediction Ŷ.").format(L=L),
            )
        z_array = (f"Z̃[{l}]", keep(f"Ztilde{l}", cache[f"Ztilde{l}"])) if normed else Z(l)
        add(FORWARD, l, f"Forward, layer {l}: activation {act}", formula,
            [z_array, A(l, before_mask=True)], explanation)  # fmt: skip
        if f"D{l}" in cache:
            add_dropout_forward(add, keep, net, cache, l)

    # -- cost -----------------------------------------------------------------------------------
    loss = get_loss(net.loss)
    AL_sym, Y_sym = sym("A", L), sym("Y")
    body = fill(loss.formula, A=AL_sym, Y=Y_sym)
    if net.l2:
        body = cat(body, " + (λ/2m) Σ‖", sym("W", None), "‖²")
    if net.l1:
        body = cat(body, " + (λ₁/m) Σ|", sym("W", None), "|")
    formula = cat(sym("J"), " = ", body, f" = {number(cost)}")
    explanation = (
        translate(
            "StepThrough",
            "The {loss} averaged over the m = {m} samples, plus the L2 penalty with "
            "λ = {l2:g}. Back propagation computes how J changes with every parameter.",
        )
        if net.l2
        else translate(
            "StepThrough",
            "The {loss} averaged over the m = {m} samples. Back propagation computes how J "
            "changes with every parameter.",
        )
    ).format(loss=localized(loss.title), m=m, l2=net.l2)
    if net.l1:
        explanation = _sentences(
            explanation,
            translate(
                "StepThrough",
                "L1 regularisation adds (λ₁/m) Σ|W| with λ₁ = {l1:g}: the absolute values of "
                "all the weights, summed.",
            ).format(l1=net.l1),
        )
    add(
        COST,
        L,
        "Cost",
        formula,
        [A(L), ("Y", keep("Y", Y)), ("J", keep("J", np.array([[cost]])))],
        explanation,
        value=cost,
    )

    # -- backward -------------------------------------------------------------------------------
    for l in range(L, 0, -1):
        n, n_prev = dims[l], dims[l - 1]
        act, normed = net.activations[l - 1], l in net.norm_layers
        dZ = grad("dZ", l)
        z_name = "Z̃" if normed else "Z"  # with batch norm g acted on Z̃[l]
        if l == L and loss.paired_activation == act:
            formula = cat(sym("dZ", l, (n, m)), " = ", sym("A", l), " − ", sym("Y"))
            arrays = [A(l), ("Y", keep("Y", Y)), dZ]
            explanation = translate(
                "StepThrough",
                "For a {act} output with {loss} the derivatives simplify: the error of each "
                "output is just prediction minus label.",
            ).format(act=act, loss=localized(loss.title))
        else:
            if normed:
                dZ = f"dZ̃[{l}]", keep(f"dZtilde{l}", grads[f"dZtilde{l}"])
            formula = cat(
                sym(f"d{z_name}", l, (n, m)),
                " = ",
                sym("dA", l, (n, m)),
                " ⊙ ",
                _g_prime(l),
                "(",
                sym(z_name, l),
                ")",
            )
            g = get_activation(act)
            z_cached = cache[f"Ztilde{l}" if normed else f"Z{l}"]
            if g.derivative is not None:  # elementwise: g′(Z[l]) has the shape of Z[l]
                slope = g.derivative(z_cached, cache.get(f"gZ{l}", cache[f"A{l}"]))
                slope_name = f"g′[{l}]({z_name}[{l}])"
                arrays = [grad("dA", l), (slope_name, keep(f"gprime{l}", slope)), dZ]
            else:  # softmax: dA[l] times its Jacobian, which is no array of Z's shape
                arrays = [grad("dA", l), Z(l), dZ]
            explanation = translate(
                "StepThrough",
                "⊙ multiplies entry by entry, so dZ[{l}] has the shape of Z[{l}]. Here {prime}.",
            ).format(l=l, prime=localized(get_activation(act).derivative_text))
        add(BACKWARD, l, f"Backward, layer {l}: {dZ[0]}", formula, arrays, explanation)
        if normed:
            add_batch_norm_backward(add, keep, net, cache, grads, l)
            dZ = grad("dZ", l)

        parts: list[Formula | str] = [
            sym("dW", l, (n, n_prev)),
            " = (1/m) ",
            sym("dZ", l, (n, m)),
            " · ",
            sym("Aᵀ", l - 1, (m, n_prev)),
        ]
        arrays = [dZ, A(l - 1)]
        explanation = translate(
            "StepThrough",
            "({n}, {m}) · ({m}, {p}) = ({n}, {p}), the shape of W[{l}]: the product adds up "
            "the m = {m} samples, and 1/m turns the sum into an average.",
        ).format(n=n, m=m, p=n_prev, l=l)
        constants: dict[str, float] = {}
        if net.l2 or net.l1:
            arrays.append(param("W", l))
        if net.l2:
            constants["λ"] = net.l2
            parts += [" + (λ/m)·", sym("W", l, (n, n_prev))]
            explanation = _sentences(
                explanation,
                translate(
                    "StepThrough",
                    "L2 regularisation adds (λ/m)·W[{l}] with λ = {l2:g}: the derivative of the "
                    "penalty (λ/2m) Σ‖W‖² in the cost. It pulls every weight a little towards "
                    "zero at each update (weight decay).",
                ).format(l=l, l2=net.l2),
            )
        if net.l1:
            constants["λ₁"] = net.l1
            parts += [" + (λ₁/m)·sign(", sym("W", l, (n, n_prev)), ")"]
            explanation = _sentences(
                explanation,
                translate(
                    "StepThrough",
                    "L1 regularisation adds (λ₁/m)·sign(W[{l}]) with λ₁ = {l1:g}: the derivative "
                    "of (λ₁/m) Σ|W| (sign(0) = 0). It moves every weight by the same small step "
                    "towards zero, so weights that matter little end up at zero.",
                ).format(l=l, l1=net.l1),
            )
        if constants:
            shown = ",  ".join(f"{name} = {value:g}" for name, value in constants.items())
            parts.append(f",   {shown},  m = {m}")
            constants["m"] = m
        add(
            BACKWARD,
            l,
            f"Backward, layer {l}: dW[{l}]",
            cat(*parts),
            [*arrays, grad("dW", l)],
            explanation,
            constants=constants,
        )
        add(
            BACKWARD,
            l,
            f"Backward, layer {l}: db[{l}]",
            cat(sym("db", l, (n, 1)), " = 0")
            if normed
            else cat(sym("db", l, (n, 1)), " = (1/m) Σ ", sym("dZ", l, (n, m))),
            [dZ, grad("db", l)],
            translate(
                "StepThrough",
                "With batch norm b[{l}] is not used (β[{l}] does its job), so db[{l}] is 0 and "
                "b[{l}] stays 0.",
            ).format(l=l)
            if normed
            else translate(
                "StepThrough",
                "Σ adds each row of dZ[{l}] over its {m} columns (numpy: "
                "np.sum(dZ, axis=1, keepdims=True)), giving the shape of b[{l}].",
            ).format(l=l, m=m),
        )
        if l > 1:
            add(
                BACKWARD,
                l,
                f"Backward, layer {l}: dA[{l - 1}]",
                cat(
                    sym("dA", l - 1, (n_prev, m)),
                    " = ",
                    sym("Wᵀ", l, (n_prev, n)),
                    " · ",
                    sym("dZ", l, (n, m)),
                ),
                [param("W", l), dZ, dA_result(l)],
                translate(
                    "StepThrough",
                    "The error flows back through the same weights: W[{l}]ᵀ ({p}, {n}) times "
                    "dZ[{l}] ({n}, {m}) gives one gradient per unit of layer {q} and sample.",
                ).format(l=l, p=n_prev, n=n, m=m, q=l - 1),
            )
            if f"D{l - 1}" in cache:
                add_dropout_backward(add, keep, net, cache, grads, l - 1)

    # -- update ---------------------------------------------------------------------------------
    add_update_steps(step_list, net, grads, optimizer, keep)
    return step_list.steps


def _g_prime(l: int) -> Formula:
    return Formula(f"g′[{l}]", f"<i>g′<sup>[{l}]</sup></i>")
