"""The pieces the step-through is written with: :class:`Step`, formulas in plain text and HTML,
and read-only copies of the engine's arrays.

A formula is built from :class:`Formula` pieces that carry both renderings at once, so the text a
test reads and the markup the view shows never disagree: ``W[2] (1, 4)`` in text is
``<i>W<sup>[2]</sup></i> (1, 4)`` in HTML, the shape in grey.
"""

from __future__ import annotations

import html
import re
import string
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import NamedTuple

import numpy as np

Array = np.ndarray

FORWARD, COST, BACKWARD, UPDATE = "forward", "cost", "backward", "update"
KINDS = (FORWARD, COST, BACKWARD, UPDATE)

SHAPE_COLOR = "#6a6a6a"

_EMPTY: Mapping[str, float] = MappingProxyType({})


@dataclass(frozen=True, eq=False)
class Step:
    """One step of the pass.

    kind: "forward", "cost", "backward" or "update". layer: the layer l it belongs to (the cost
    belongs to the output layer L). formula_text: plain Unicode, e.g.
    ``Z[2] (1, 400) = W[2] (1, 4) · A[1] (4, 400) + b[2] (1, 1)``; formula_html: the same with
    the layer as a superscript (``Z<sup>[2]</sup>``). arrays: name → read-only copy, inputs
    first and ``result_name`` last. value: the cost J for the cost step, else None.

    Update steps also say which optimizer made them (``optimizer``: "gd", "momentum", "rmsprop",
    "adam") and which part of its update they are (``phase``: "velocity" v = β·v + (1 − β)·dW,
    "squares" s = β·s + (1 − β)·dW², "correction" v̂ = v/(1 − β₁ᵗ), ŝ = s/(1 − β₂ᵗ), or "apply"
    W := W − …); ``constants`` holds the numbers the formula uses (α, β, β₁, β₂, ε, t, λ, m) and
    ``columns`` how many arrays make one row when they are drawn (0: all in one row);
    ``outputs`` the arrays the step computes when there are several (else ``result_name``).
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
    optimizer: str = ""
    phase: str = ""
    constants: Mapping[str, float] = field(default_factory=lambda: _EMPTY)
    columns: int = 0
    outputs: tuple[str, ...] = ()

    @property
    def result(self) -> Array:
        return self.arrays[self.result_name]

    @property
    def explanation_html(self) -> str:
        """The explanation in HTML, its names written as the formula writes them (v_dW[1] with
        dW[1] as a subscript)."""
        return text_html(self.explanation)

    @property
    def results(self) -> tuple[str, ...]:
        """The names of the arrays this step computes."""
        return self.outputs or (self.result_name,)


class Formula(NamedTuple):
    """A piece of a formula in both renderings."""

    text: str
    html: str


def shape_piece(shape: tuple[int, ...]) -> Formula:
    text = "(" + ", ".join(str(n) for n in shape) + ")"
    return Formula(" " + text, f' <span style="color:{SHAPE_COLOR};">{text}</span>')


def sym(base: str, layer: int | None = None, shape: tuple[int, ...] | None = None) -> Formula:
    """``W[2]`` / ``W<sup>[2]</sup>``, with a trailing ᵀ in ``base`` kept after the superscript."""
    transpose = base.endswith("ᵀ")
    core = base[:-1] if transpose else base
    text = core + (f"[{layer}]" if layer is not None else "") + ("ᵀ" if transpose else "")
    markup = html.escape(core) + (f"<sup>[{layer}]</sup>" if layer is not None else "")
    markup += "ᵀ" if transpose else ""
    piece = Formula(text, f"<i>{markup}</i>" if core not in ("J",) else markup)
    return cat(piece, shape_piece(shape)) if shape is not None else piece


def state_sym(letter: str, param: str, layer: int, shape: tuple[int, ...] | None = None) -> Formula:
    """An optimizer's moving average as the course writes it: ``v_dW[2]`` in text,
    v with the subscript dW<sup>[2]</sup> in HTML. ``letter`` is "v", "s", "v̂" or "ŝ"."""
    text = f"{letter}_d{param}[{layer}]"
    markup = f"<i>{html.escape(letter)}</i><sub><i>d{param}</i><sup>[{layer}]</sup></sub>"
    piece = Formula(text, markup)
    return cat(piece, shape_piece(shape)) if shape is not None else piece


def cat(*parts: Formula | str) -> Formula:
    text = "".join(p.text if isinstance(p, Formula) else p for p in parts)
    markup = "".join(p.html if isinstance(p, Formula) else html.escape(p) for p in parts)
    return Formula(text, markup)


def fill(template: str, **pieces: Formula) -> Formula:
    """A plain-notation template with ``{name}`` fields filled by formula pieces, in both
    renderings: ``fill("({A} − {Y})²", A=sym("A", 2), Y=sym("Y"))``."""
    parts: list[Formula | str] = []
    for literal, name, _spec, _conversion in string.Formatter().parse(template):
        parts.append(literal)
        if name is not None:
            parts.append(pieces[name])
    return cat(*parts)


def lines(*parts: Formula) -> Formula:
    """Formulas one after the other: separated by commas in text, one per line in HTML."""
    return Formula(",   ".join(p.text for p in parts), "<br>".join(p.html for p in parts))


def number(value: float) -> str:
    return f"{value:.6g}"


def name_html(name: str) -> str:
    """An array's name as Step.arrays spells it, in HTML: "new W[2]" → "new W<sup>[2]</sup>",
    "v̂_dW[1]" → "v̂<sub>dW<sup>[1]</sup></sub>", "g′[1](Z[1])" → "g′<sup>[1]</sup>(Z<sup>[1]</sup>)",
    "Y" → "Y"."""
    if "(" in name or name.count("[") > 1:  # "g′[1](Z[1])": each layer index a superscript
        return re.sub(r"\[(\d+)\]", r"<sup>[\1]</sup>", html.escape(name))
    if "[" not in name or not name.endswith("]"):
        return html.escape(name)
    base, layer = name[:-1].split("[", 1)
    if "_" in base:
        head, sub = base.split("_", 1)
        return f"{html.escape(head)}<sub>{html.escape(sub)}<sup>[{layer}]</sup></sub>"
    return f"{html.escape(base)}<sup>[{layer}]</sup>"


_INDEXED = re.compile(r"[^\s\[\](),;:·=+−]+\[\d+\]")


def text_html(text: str) -> str:
    """Prose that names arrays (an explanation), in HTML with every name written as the
    formulas write it: "v_dW[1] averages dW[1]" → "v<sub>dW<sup>[1]</sup></sub> averages
    dW<sup>[1]</sup>"."""
    return _INDEXED.sub(lambda match: name_html(html.unescape(match[0])), html.escape(text))


class Arrays:
    """Read-only copies of the engine's arrays, one copy per array however many steps show it."""

    def __init__(self) -> None:
        self._copies: dict[str, Array] = {}

    def __call__(self, key: str, array: Array) -> Array:
        if key not in self._copies:
            copy = np.array(array, copy=True)
            copy.setflags(write=False)
            self._copies[key] = copy
        return self._copies[key]


class StepList:
    """The steps of a pass, numbered in the order they are added."""

    def __init__(self) -> None:
        self.steps: list[Step] = []

    def add(
        self,
        kind: str,
        layer: int,
        title: str,
        formula: Formula,
        arrays: list[tuple[str, Array]],
        explanation: str,
        value: float | None = None,
        result: str | None = None,
        *,
        optimizer: str = "",
        phase: str = "",
        constants: Mapping[str, float] | None = None,
        columns: int = 0,
        outputs: tuple[str, ...] = (),
    ) -> None:
        self.steps.append(
            Step(
                kind,
                layer,
                title,
                formula.text,
                formula.html,
                MappingProxyType(dict(arrays)),
                result or arrays[-1][0],
                explanation,
                value,
                len(self.steps),
                optimizer,
                phase,
                MappingProxyType(dict(constants)) if constants else _EMPTY,
                columns,
                outputs,
            )
        )
