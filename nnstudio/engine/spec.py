"""The network specification and its dimension table.

A :class:`NetworkSpec` is what a learner builds: ``layer_dims = [n0, n1, …, nL]`` and one
activation per layer l = 1..L. Input and output do not count as layers, so
``[2, 4, 1]`` is a 2-layer network. :func:`shape_table` is the single source of every shape
the application shows.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from ..text import translate
from .activations import ACTIVATIONS
from .course2.batchnorm import batch_norm_for_layers
from .course2.dropout import check_keep_prob, keep_prob_for_layers
from .initializers import INITIALIZERS
from .losses import DEFAULT_LOSS_FOR_OUTPUT, LOSSES, default_loss
from .optimizers import L1_STRENGTH, L2_STRENGTH

Shape = tuple[int, ...]
MAX_UNITS = 1024
DTYPES = ("float64", "float32")


class SpecError(ValueError):
    """A network that cannot be built or trained as specified; the message says what to change."""


@dataclass(frozen=True)
class NetworkSpec:
    layer_dims: tuple[int, ...]
    activations: tuple[str, ...]
    loss: str = ""
    init: str = "xavier"
    seed: int = 1
    dtype: str = "float64"
    l2: float = 0.0
    l1: float = 0.0  # λ₁ of L1 regularisation: the cost gains λ₁/m·Σ|W[l]|
    # inverted dropout's keep probability per hidden layer l = 1..L−1 (1: off); a single
    # number means that value for every hidden layer, () means 1 everywhere
    keep_prob: tuple[float, ...] = ()
    # batch normalisation on (True) or off per hidden layer l = 1..L−1 (see course2.batchnorm);
    # a single bool means that for every hidden layer, () means off everywhere
    batch_norm: tuple[bool, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "layer_dims", tuple(int(n) for n in self.layer_dims))
        object.__setattr__(self, "activations", tuple(self.activations))
        hidden = max(0, len(self.layer_dims) - 2)
        object.__setattr__(self, "keep_prob", keep_prob_for_layers(self.keep_prob, hidden))
        object.__setattr__(self, "batch_norm", batch_norm_for_layers(self.batch_norm, hidden))
        if not self.loss and self.activations and self.activations[-1] in DEFAULT_LOSS_FOR_OUTPUT:
            object.__setattr__(self, "loss", default_loss(self.activations[-1]))
        validate_spec(self)

    @property
    def L(self) -> int:
        """Number of layers (input not counted)."""
        return len(self.layer_dims) - 1

    @property
    def uses_dropout(self) -> bool:
        """True when some hidden layer drops units while training (keep_prob < 1)."""
        return any(k < 1.0 for k in self.keep_prob)

    @property
    def uses_batch_norm(self) -> bool:
        """True when some hidden layer normalises its Z (batch normalisation)."""
        return any(self.batch_norm)

    def batch_norm_layers(self) -> tuple[int, ...]:
        """The layers l (1..L−1) with batch normalisation on."""
        return tuple(l for l, on in enumerate(self.batch_norm, start=1) if on)

    def replace(self, **changes: object) -> NetworkSpec:
        """A copy with ``changes``. New ``layer_dims`` without a new ``keep_prob`` (or
        ``batch_norm``) keep the values of the hidden layers that remain (by position) and 1
        (off) for added ones."""
        values = {
            "layer_dims": self.layer_dims,
            "activations": self.activations,
            "loss": self.loss,
            "init": self.init,
            "seed": self.seed,
            "dtype": self.dtype,
            "l2": self.l2,
            "l1": self.l1,
            "keep_prob": self.keep_prob,
            "batch_norm": self.batch_norm,
        }
        if "activations" in changes and "loss" not in changes:
            values["loss"] = ""
        if "layer_dims" in changes and "keep_prob" not in changes:
            hidden = max(0, len(changes["layer_dims"]) - 2)  # type: ignore[arg-type]
            values["keep_prob"] = (self.keep_prob + (1.0,) * hidden)[:hidden]
        if "layer_dims" in changes and "batch_norm" not in changes:
            hidden = max(0, len(changes["layer_dims"]) - 2)  # type: ignore[arg-type]
            values["batch_norm"] = (self.batch_norm + (False,) * hidden)[:hidden]
        values.update(changes)
        return NetworkSpec(**values)  # type: ignore[arg-type]

    def to_dict(self) -> dict[str, object]:
        return {
            "layer_dims": list(self.layer_dims),
            "activations": list(self.activations),
            "loss": self.loss,
            "init": self.init,
            "seed": self.seed,
            "dtype": self.dtype,
            "l2": self.l2,
            "l1": self.l1,
            "keep_prob": list(self.keep_prob),
            "batch_norm": list(self.batch_norm),
        }

    def shape_table(self, m: int) -> list[ShapeRow]:
        return shape_table(self.layer_dims, self.activations, m, self.keep_prob, self.batch_norm)

    def parameter_count(self) -> int:
        """W[l] and b[l] of every layer, and γ[l], β[l] where batch norm is on."""
        dims = self.layer_dims
        plain = sum(dims[l] * dims[l - 1] + dims[l] for l in range(1, len(dims)))
        return plain + sum(2 * dims[l] for l in self.batch_norm_layers())


def validate_spec(spec: NetworkSpec) -> None:
    dims, acts = spec.layer_dims, spec.activations
    if len(dims) < 2:
        raise SpecError(
            translate(
                "SpecError", "a network needs an input size and at least one layer (the output)"
            )
        )
    if len(acts) != len(dims) - 1:
        raise SpecError(
            translate("SpecError", "{L} layers need {L} activations, got {got}").format(
                L=len(dims) - 1, got=len(acts)
            )
        )
    for l, n in enumerate(dims):
        if n < 1:
            raise SpecError(
                translate(
                    "SpecError", "layer {l} has {n} units; every layer needs at least one unit"
                ).format(l=l, n=n)
            )
        if l > 0 and n > MAX_UNITS:
            raise SpecError(
                translate(
                    "SpecError", "layer {l} has {n} units; the most a layer can have is {max}"
                ).format(l=l, n=n, max=MAX_UNITS)
            )
    for l, name in enumerate(acts, start=1):
        if name not in ACTIVATIONS:
            raise SpecError(
                translate("SpecError", "layer {l}: unknown activation {name!r}").format(
                    l=l, name=name
                )
            )
        if ACTIVATIONS[name].output_only and l != len(acts):
            raise SpecError(
                translate(
                    "SpecError", "layer {l}: {name} can only be used in the output layer"
                ).format(l=l, name=name)
            )
    out_act, n_out = acts[-1], dims[-1]
    if out_act == "softmax" and n_out < 2:
        raise SpecError(
            translate("SpecError", "a softmax output needs at least two units, one per class")
        )
    if not spec.loss:
        default_loss(out_act)  # raises, saying which outputs can be trained
    if spec.loss not in LOSSES:
        raise SpecError(translate("SpecError", "unknown loss {name!r}").format(name=spec.loss))
    if spec.loss == "binary_cross_entropy" and out_act != "sigmoid":
        raise SpecError(
            translate(
                "SpecError",
                "binary cross-entropy needs a sigmoid output (probabilities in 0..1)",
            )
        )
    if spec.loss == "categorical_cross_entropy" and (out_act != "softmax" or n_out < 2):
        raise SpecError(
            translate(
                "SpecError",
                "categorical cross-entropy needs a softmax output with one unit per class (K ≥ 2)",
            )
        )
    if spec.init not in INITIALIZERS:
        raise SpecError(
            translate("SpecError", "unknown initialisation {name!r}; choose one of {known}").format(
                name=spec.init, known=list(INITIALIZERS)
            )
        )
    if spec.dtype not in DTYPES:
        raise SpecError(
            translate("SpecError", "precision must be float64 or float32, not {dtype!r}").format(
                dtype=spec.dtype
            )
        )
    if spec.l2 < 0:
        raise SpecError(translate("SpecError", "the L2 strength λ cannot be negative"))
    if not L2_STRENGTH.contains(spec.l2):
        raise SpecError(
            translate("SpecError", "the L2 strength λ must be a finite number, not {value}").format(
                value=spec.l2
            )
        )
    problem = check_keep_prob(spec.keep_prob, max(0, len(dims) - 2))
    if problem:
        raise SpecError(problem)
    if len(spec.batch_norm) != max(0, len(dims) - 2):
        raise SpecError(
            translate(
                "SpecError", "batch_norm needs one value per hidden layer ({hidden}), got {got}"
            ).format(hidden=max(0, len(dims) - 2), got=len(spec.batch_norm))
        )
    if spec.l1 < 0:
        raise SpecError(translate("SpecError", "the L1 strength λ₁ cannot be negative"))
    if not L1_STRENGTH.contains(spec.l1):
        raise SpecError(
            translate(
                "SpecError", "the L1 strength λ₁ must be a finite number, not {value}"
            ).format(value=spec.l1)
        )


@dataclass(frozen=True)
class ShapeRow:
    """One row of the dimension table.

    ``name`` is ``"X"``, ``"1"`` … ``"L"`` or ``"Y"``. Array shapes are ``None`` where the
    row has no such array (X has no W). Gradient shapes equal the shapes of their arrays.
    ``D`` is the dropout mask's shape (n[l], m) in a hidden layer that drops units
    (``keep_prob`` < 1), else None. ``gamma`` and ``beta`` are the shapes (n[l], 1) of γ[l] and
    β[l] in a layer with batch normalisation (their gradients are ``"dgamma"``, ``"dbeta"``;
    Z_norm[l] and Z̃[l] have the shape of Z), else None.
    """

    name: str
    layer: int | None
    units: int
    activation: str
    W: Shape | None = None
    b: Shape | None = None
    Z: Shape | None = None
    A: Shape | None = None
    parameters: int = 0
    gradients: dict[str, Shape] = field(default_factory=dict)
    D: Shape | None = None
    keep_prob: float = 1.0
    gamma: Shape | None = None
    beta: Shape | None = None


def shape_table(
    layer_dims: Sequence[int],
    activations: Sequence[str],
    m: int,
    keep_prob: Sequence[float] = (),
    batch_norm: Sequence[bool] = (),
) -> list[ShapeRow]:
    """Rows X (= A[0], (n0, m)), layers 1..L with W (n[l], n[l-1]), b (n[l], 1),
    Z and A (n[l], m), the dropout mask D (n[l], m) where keep_prob[l] < 1, their parameter
    counts, and Y (n[L], m)."""
    dims = list(layer_dims)
    keep = tuple(keep_prob) + (1.0,) * len(dims)
    norm = tuple(batch_norm) + (False,) * len(dims)
    rows = [ShapeRow("X", 0, dims[0], "input", A=(dims[0], m))]
    for l in range(1, len(dims)):
        W, b, Z = (dims[l], dims[l - 1]), (dims[l], 1), (dims[l], m)
        gradients: dict[str, Shape] = {"dW": W, "db": b, "dZ": Z, "dA": Z}
        if norm[l - 1]:
            gradients |= {"dgamma": b, "dbeta": b}
        rows.append(
            ShapeRow(
                name=str(l),
                layer=l,
                units=dims[l],
                activation=activations[l - 1],
                W=W,
                b=b,
                Z=Z,
                A=Z,
                parameters=dims[l] * dims[l - 1] + dims[l] * (3 if norm[l - 1] else 1),
                gradients=gradients,
                D=Z if keep[l - 1] < 1.0 else None,
                keep_prob=keep[l - 1],
                gamma=b if norm[l - 1] else None,
                beta=b if norm[l - 1] else None,
            )
        )
    rows.append(ShapeRow("Y", None, dims[-1], "labels", A=(dims[-1], m)))
    return rows
