"""One pass of gradient descent cut into the steps a learner reads in the course.

:func:`build_steps` runs the engine once — ``net.forward``, ``net.cost``, ``net.backward`` and
``update`` on a copy — and slices what it computed into :class:`Step` s: for l = 1..L the linear
step Z[l] = W[l]·A[l-1] + b[l] and the activation A[l] = g[l](Z[l]); the cost J; for l = L..1
dZ[l], dW[l] = (1/m) dZ[l]·A[l-1]ᵀ, db[l] = (1/m) Σ dZ[l] and dA[l-1] = W[l]ᵀ·dZ[l]; and for
l = 1..L the update W[l] := W[l] − α dW[l], b[l] := b[l] − α db[l]. Every array a step holds is a
read-only copy of the engine's own, so what the learner sees is exactly what training computes.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import NamedTuple

import numpy as np

from ..engine import Network, get_activation, get_loss
from ..text import localized, translatable, translate

Array = np.ndarray

FORWARD, COST, BACKWARD, UPDATE = "forward", "cost", "backward", "update"
KINDS = (FORWARD, COST, BACKWARD, UPDATE)

SHAPE_COLOR = "#6a6a6a"

# g[l] as the course writes it, and g′ in terms of z and a = g(z).
G_NAMES = {
    "sigmoid": "σ",
    "tanh": "tanh",
    "relu": "ReLU",
    "leaky_relu": "LeakyReLU",
    "linear": "",
    "softmax": "softmax",
}
G_PRIME = {
    "sigmoid": "σ′(z) = a (1 − a)",
    "tanh": "tanh′(z) = 1 − a²",
    "relu": translatable("StepThrough", "ReLU′(z) = 1 where z > 0, else 0"),
    "leaky_relu": translatable("StepThrough", "LeakyReLU′(z) = 1 where z > 0, else 0.01"),
    "linear": "g′(z) = 1",
    "softmax": translatable("StepThrough", "the softmax Jacobian"),
}


def _sentences(first: str, second: str) -> str:
    """Two sentences of an explanation, joined as the language joins sentences."""
    return translate("StepThrough", "{first} {second}").format(first=first, second=second)


@dataclass(frozen=True, eq=False)
class Step:
    """One step of the pass.

    kind: "forward", "cost", "backward" or "update". layer: the layer l it belongs to (the cost
    belongs to the output layer L). formula_text: plain Unicode, e.g.
    ``Z[2] (1, 400) = W[2] (1, 4) · A[1] (4, 400) + b[2] (1, 1)``; formula_html: the same with
    the layer as a superscript (``Z<sup>[2]</sup>``). arrays: name → read-only copy, inputs
    first and ``result_name`` last. value: the cost J for the cost step, else None.
    """

    kind: str
    layer: int
    title: str
    formula_text: str
    formula_html: str
    arrays: Mapping[str, Array]
    result_name: str
    explanation: str = ""
    value: float | None = None
    index: int = field(default=0)

    @property
    def result(self) -> Array:
        return self.arrays[self.result_name]


class _F(NamedTuple):
    """A piece of a formula in both renderings."""

    text: str
    html: str


def _shape(shape: tuple[int, ...]) -> _F:
    text = "(" + ", ".join(str(n) for n in shape) + ")"
    return _F(" " + text, f' <span style="color:{SHAPE_COLOR};">{text}</span>')


def _sym(base: str, layer: int | None = None, shape: tuple[int, ...] | None = None) -> _F:
    """``W[2]`` / ``W<sup>[2]</sup>``, with a trailing ᵀ in ``base`` kept after the superscript."""
    transpose = base.endswith("ᵀ")
    core = base[:-1] if transpose else base
    text = core + (f"[{layer}]" if layer is not None else "") + ("ᵀ" if transpose else "")
    markup = html.escape(core) + (f"<sup>[{layer}]</sup>" if layer is not None else "")
    markup += "ᵀ" if transpose else ""
    piece = _F(text, f"<i>{markup}</i>" if core not in ("J",) else markup)
    return _cat(piece, _shape(shape)) if shape is not None else piece


def _cat(*parts: _F | str) -> _F:
    text = "".join(p.text if isinstance(p, _F) else p for p in parts)
    markup = "".join(p.html if isinstance(p, _F) else html.escape(p) for p in parts)
    return _F(text, markup)


def _g_of(activation: str, argument: _F, layer: int) -> _F:
    name = G_NAMES[activation]
    if not name:
        return argument  # a linear layer: A = Z
    return _cat(name, "(", argument, ")")


def _number(value: float) -> str:
    return f"{value:.6g}"


class _Arrays:
    """Read-only copies of the engine's arrays, one copy per array however many steps show it."""

    def __init__(self) -> None:
        self._copies: dict[str, Array] = {}

    def __call__(self, key: str, array: Array) -> Array:
        if key not in self._copies:
            copy = np.array(array, copy=True)
            copy.setflags(write=False)
            self._copies[key] = copy
        return self._copies[key]


def build_steps(net: Network, X: Array, Y: Array, learning_rate: float) -> list[Step]:
    """The steps of one forward pass, the cost, back propagation and a gradient-descent update.

    X (n0, m) and Y (n[L], m) (or class labels for a softmax output) as the engine takes them.
    ``net`` is left unchanged: the update is applied to a copy.
    """
    X = net.as_input(X)
    Y = net.as_labels(Y)
    AL, cache = net.forward(X)
    cost = net.cost(AL, Y)
    grads = net.backward(Y, cache, need_input_grad=False)
    after = net.copy()
    after.update(grads, learning_rate)

    keep = _Arrays()
    L, m, dims = net.L, X.shape[1], net.layer_dims

    def A(l: int) -> tuple[str, Array]:
        return f"A[{l}]", keep(f"A{l}", cache[f"A{l}"])

    def Z(l: int) -> tuple[str, Array]:
        return f"Z[{l}]", keep(f"Z{l}", cache[f"Z{l}"])

    def param(name: str, l: int) -> tuple[str, Array]:
        return f"{name}[{l}]", keep(f"{name}{l}", net.params[f"{name}{l}"])

    def grad(name: str, l: int) -> tuple[str, Array]:
        return f"{name}[{l}]", keep(name + str(l), grads[f"{name}{l}"])

    steps: list[Step] = []

    def add(
        kind: str,
        layer: int,
        title: str,
        formula: _F,
        arrays: list[tuple[str, Array]],
        explanation: str,
        value: float | None = None,
        result: str | None = None,
    ) -> None:
        ordered = MappingProxyType(dict(arrays))
        steps.append(
            Step(
                kind,
                layer,
                title,
                formula.text,
                formula.html,
                ordered,
                result or arrays[-1][0],
                explanation,
                value,
                len(steps),
            )
        )

    # -- forward ---------------------------------------------------------------------------------
    for l in range(1, L + 1):
        n, n_prev = dims[l], dims[l - 1]
        act = net.activations[l - 1]
        formula = _cat(
            _sym("Z", l, (n, m)),
            " = ",
            _sym("W", l, (n, n_prev)),
            " · ",
            _sym("A", l - 1, (n_prev, m)),
            " + ",
            _sym("b", l, (n, 1)),
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
        add(
            FORWARD,
            l,
            f"Forward, layer {l}: linear step",
            formula,
            [param("W", l), A(l - 1), param("b", l), Z(l)],
            explanation,
        )
        formula = _cat(_sym("A", l, (n, m)), " = ", _g_of(act, _sym("Z", l), l))
        formula_note = get_activation(act).formula
        if act == "softmax":
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
        add(
            FORWARD,
            l,
            f"Forward, layer {l}: activation {act}",
            formula,
            [Z(l), A(l)],
            explanation,
        )

    # -- cost -----------------------------------------------------------------------------------
    loss = get_loss(net.loss)
    AL_sym, Y_sym = _sym("A", L), _sym("Y")
    if loss.name == "binary_cross_entropy":
        body = _cat(
            "−(1/m) Σ [",
            Y_sym,
            " log ",
            AL_sym,
            " + (1 − ",
            Y_sym,
            ") log(1 − ",
            AL_sym,
            ")]",
        )
    elif loss.name == "categorical_cross_entropy":
        body = _cat("−(1/m) Σ Σ ", Y_sym, " log ", AL_sym)
    else:
        body = _cat("(1/m) Σ ½ (", AL_sym, " − ", Y_sym, ")²")
    if net.l2:
        body = _cat(body, " + (λ/2m) Σ‖", _sym("W", None), "‖²")
    formula = _cat(_sym("J"), " = ", body, f" = {_number(cost)}")
    add(
        COST,
        L,
        "Cost",
        formula,
        [A(L), ("Y", keep("Y", Y)), ("J", keep("J", np.array([[cost]])))],
        (
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
        ).format(loss=localized(loss.title), m=m, l2=net.l2),
        value=cost,
    )

    # -- backward -------------------------------------------------------------------------------
    for l in range(L, 0, -1):
        n, n_prev = dims[l], dims[l - 1]
        act = net.activations[l - 1]
        dZ = grad("dZ", l)
        if l == L and loss.paired_activation == act:
            formula = _cat(_sym("dZ", l, (n, m)), " = ", _sym("A", l), " − ", _sym("Y"))
            arrays = [A(l), ("Y", keep("Y", Y)), dZ]
            explanation = translate(
                "StepThrough",
                "For a {act} output with {loss} the derivatives simplify: the error of each "
                "output is just prediction minus label.",
            ).format(act=act, loss=localized(loss.title))
        else:
            formula = _cat(
                _sym("dZ", l, (n, m)),
                " = ",
                _sym("dA", l, (n, m)),
                " ⊙ ",
                _g_prime(l),
                "(",
                _sym("Z", l),
                ")",
            )
            arrays = [grad("dA", l), Z(l), dZ]
            explanation = translate(
                "StepThrough",
                "⊙ multiplies entry by entry, so dZ[{l}] has the shape of Z[{l}]. Here {prime}.",
            ).format(l=l, prime=localized(G_PRIME[act]))
        add(BACKWARD, l, f"Backward, layer {l}: dZ[{l}]", formula, arrays, explanation)

        parts: list[_F | str] = [
            _sym("dW", l, (n, n_prev)),
            " = (1/m) ",
            _sym("dZ", l, (n, m)),
            " · ",
            _sym("Aᵀ", l - 1, (m, n_prev)),
        ]
        arrays = [dZ, A(l - 1)]
        if net.l2:
            parts += [" + (λ/m) ", _sym("W", l)]
            arrays.append(param("W", l))
        add(
            BACKWARD,
            l,
            f"Backward, layer {l}: dW[{l}]",
            _cat(*parts),
            [*arrays, grad("dW", l)],
            translate(
                "StepThrough",
                "({n}, {m}) · ({m}, {p}) = ({n}, {p}), the shape of W[{l}]: the product adds up "
                "the m = {m} samples, and 1/m turns the sum into an average.",
            ).format(n=n, m=m, p=n_prev, l=l),
        )
        add(
            BACKWARD,
            l,
            f"Backward, layer {l}: db[{l}]",
            _cat(_sym("db", l, (n, 1)), " = (1/m) Σ ", _sym("dZ", l, (n, m))),
            [dZ, grad("db", l)],
            translate(
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
                _cat(
                    _sym("dA", l - 1, (n_prev, m)),
                    " = ",
                    _sym("Wᵀ", l, (n_prev, n)),
                    " · ",
                    _sym("dZ", l, (n, m)),
                ),
                [param("W", l), dZ, grad("dA", l - 1)],
                translate(
                    "StepThrough",
                    "The error flows back through the same weights: W[{l}]ᵀ ({p}, {n}) times "
                    "dZ[{l}] ({n}, {m}) gives one gradient per unit of layer {q} and sample.",
                ).format(l=l, p=n_prev, n=n, m=m, q=l - 1),
            )

    # -- update ---------------------------------------------------------------------------------
    for l in range(1, L + 1):
        n, n_prev = dims[l], dims[l - 1]
        formula = _cat(
            _sym("W", l, (n, n_prev)),
            " := ",
            _sym("W", l),
            " − α ",
            _sym("dW", l),
            ",   ",
            _sym("b", l, (n, 1)),
            " := ",
            _sym("b", l),
            " − α ",
            _sym("db", l),
            f",   α = {learning_rate:g}",
        )
        add(
            UPDATE,
            l,
            f"Update, layer {l}",
            formula,
            [
                param("W", l),
                grad("dW", l),
                (f"new W[{l}]", keep(f"new W{l}", after.params[f"W{l}"])),
                param("b", l),
                grad("db", l),
                (f"new b[{l}]", keep(f"new b{l}", after.params[f"b{l}"])),
            ],
            translate(
                "StepThrough",
                "Gradient descent moves every parameter a small step against its gradient; the "
                "learning rate α = {lr:g} sets the step size.",
            ).format(lr=learning_rate),
            result=f"new W[{l}]",
        )
    return steps


def _g_prime(l: int) -> _F:
    return _F(f"g′[{l}]", f"<i>g′<sup>[{l}]</sup></i>")
