"""Optimizers behind one interface: ``update(params, grads)`` changes params in place.

``params`` maps ``W1, b1, …`` to arrays; ``grads`` maps ``dW1, db1, …`` to arrays of the same
shapes. Each optimizer keeps its state (velocities, squared averages, step count) in plain
arrays that :meth:`Optimizer.state_dict` exposes, so a model file can continue a run exactly.
The registry :data:`OPTIMIZERS` is keyed by the names the model file stores; each entry
declares the valid range of its hyperparameters (:attr:`Optimizer.ranges`, plus the learning
rate's :data:`LEARNING_RATE`), and :func:`make_optimizer` refuses a value outside its range with
a :class:`HyperparameterError` that names the field (β = 1 would divide by 1 − βᵗ = 0).

Training uses a second, fused form of the same update (``_fused_update``): it works on the whole
flat parameter vector of :mod:`.layout` at once, with the state slots packed the same way and
scratch buffers allocated once, and performs the same arithmetic in the same order (the registry
tests run both for every entry and require identical float64 results).

Each entry also carries what the step-through shows of its update: the phases it computes
(:attr:`Optimizer.phases`), the step W := W − … as a formula template (:attr:`Optimizer.step`)
and a sentence on what it does (:attr:`Optimizer.explanation`).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import ClassVar

import numpy as np

from ..text import translatable, translate
from .layout import ParameterLayout

Array = np.ndarray


class HyperparameterError(ValueError):
    """A hyperparameter outside its valid range; ``field`` names it ("beta1", "learning_rate")."""

    def __init__(self, message: str, field: str, reason: str = "") -> None:
        super().__init__(message)
        self.field = field
        self.reason = reason or message  # the message without the field's name


@dataclass(frozen=True)
class Range:
    """The valid values of one hyperparameter: finite numbers from ``low`` to ``high``, each
    bound included unless ``*_open``; None means unbounded on that side. ``symbol`` is the
    course's letter for it, ``usual`` a value to suggest."""

    field: str
    symbol: str
    low: float | None
    high: float | None = None
    low_open: bool = False
    high_open: bool = False
    usual: float | None = None

    def text(self) -> str:
        """The range as a learner reads it, e.g. "0 ≤ β < 1" or "α > 0"."""
        left = "" if self.low is None else f"{self.low:g} {'<' if self.low_open else '≤'} "
        right = "" if self.high is None else f" {'<' if self.high_open else '≤'} {self.high:g}"
        if self.low is not None and self.high is None:
            return f"{self.symbol} {'>' if self.low_open else '≥'} {self.low:g}"
        return f"{left}{self.symbol}{right}"

    def contains(self, value: float) -> bool:
        if not math.isfinite(value):
            return False
        if self.low is not None and (value <= self.low if self.low_open else value < self.low):
            return False
        return self.high is None or (value < self.high if self.high_open else value <= self.high)

    def check(self, value: object) -> float:
        """``value`` as a float, or a :class:`HyperparameterError` naming this field."""
        number = math.nan
        if not isinstance(value, bool) and isinstance(value, (int, float, np.number)):
            number = float(value)
        if self.contains(number):
            return number
        usual = (
            ""
            if self.usual is None
            else translate("HyperparameterError", " ({usual:g} is usual)").format(usual=self.usual)
        )
        reason = translate(
            "HyperparameterError", "is {value!r}; it must be a finite number with {range}{usual}"
        ).format(value=value, range=self.text(), usual=usual)
        message = translate("HyperparameterError", "{symbol} ({field}) {reason}").format(
            symbol=self.symbol, field=self.field, reason=reason
        )
        raise HyperparameterError(message, self.field, reason)


#: α, for every optimizer: a positive finite step size
LEARNING_RATE = Range("learning_rate", "α", 0.0, low_open=True, usual=0.01)
#: λ, the L2 strength of the network's cost (kept in its spec, checked by it)
L2_STRENGTH = Range("l2", "λ", 0.0)
#: λ₁, the L1 strength of the network's cost (λ₁/m·Σ|W[l]|; kept in its spec, checked by it)
L1_STRENGTH = Range("l1", "λ₁", 0.0)

#: the parts of an update the step-through shows, in the order they are computed: the moving
#: average v of the gradients, the moving average s of their squares, the bias correction of
#: both, and the step itself
VELOCITY, SQUARES, CORRECTION, APPLY = "velocity", "squares", "correction", "apply"


class Optimizer:
    name: ClassVar[str] = ""
    title: ClassVar[str] = ""
    #: the name the interface shows (a :func:`~nnstudio.text.translatable` text; show it with
    #: :func:`~nnstudio.text.localized`)
    label: ClassVar[str] = ""
    hyperparameter_names: ClassVar[tuple[str, ...]] = ()
    #: the valid range of each of ``hyperparameter_names``
    ranges: ClassVar[Mapping[str, Range]] = {}
    #: the parts of the update, in order (from VELOCITY, SQUARES, CORRECTION, APPLY)
    phases: ClassVar[tuple[str, ...]] = (APPLY,)
    #: the step subtracted from a parameter in plain notation; ``{dW}`` is its gradient, ``{v}``,
    #: ``{s}`` the moving averages and ``{v_hat}``, ``{s_hat}`` their bias-corrected values
    step: ClassVar[str] = ""
    #: what the step does, with ``{lr}`` for α and ``{eps}`` for ε (translatable)
    explanation: ClassVar[str] = ""

    def __init__(self, learning_rate: float = 0.01) -> None:
        self.learning_rate = float(learning_rate)
        self.t = 0
        self.slots: dict[str, Array] = {}

    def update(self, params: dict[str, Array], grads: dict[str, Array]) -> None:
        self.t += 1
        for name, value in params.items():
            self._update_one(name, value, grads[f"d{name}"])

    def _update_one(self, name: str, value: Array, grad: Array) -> None:
        raise NotImplementedError

    def _slot(self, key: str, like: Array) -> Array:
        slot = self.slots.get(key)
        if slot is None or slot.shape != like.shape or slot.dtype != like.dtype:
            slot = np.zeros_like(like)
            self.slots[key] = slot
        return slot

    # -- the fused form used by training ---------------------------------------------------------
    #: state slots the fused update keeps, as key prefixes ("v" → "v_W1", "v_b1", …)
    fused_slots: ClassVar[tuple[str, ...]] = ()
    #: whether ``_fused_update`` exists (subclasses that only define ``_update_one`` fall back
    #: to ``update`` with a dict of gradient views)
    fused: ClassVar[bool] = False
    #: how many scratch vectors (each the size of the parameter vector) the fused update uses
    fused_scratch: ClassVar[int] = 0

    def _fused_state(self, layout: ParameterLayout, dtype: np.dtype) -> tuple[Array, ...]:
        """Flat state buffers, one per ``fused_slots`` prefix; :attr:`slots` keeps views of them.

        Existing slots of the right shape and dtype keep their values; others start at zero
        (as ``_slot`` does). Calling again is cheap while the views are still in place.
        """
        cached = getattr(self, "_fused_cache", None)
        if cached is not None and cached[0] is layout and cached[1] == dtype:
            flats, views = cached[2], cached[3]
            if all(self.slots.get(key) is view for key, view in views):
                return flats
        flats_list: list[Array] = []
        bound: list[tuple[str, Array]] = []
        for prefix in self.fused_slots:
            flat = np.zeros(layout.size, dtype=dtype)
            for name, view in layout.views(flat).items():
                key = f"{prefix}_{name}"
                old = self.slots.get(key)
                if old is not None and old.shape == view.shape and old.dtype == view.dtype:
                    view[...] = old
                self.slots[key] = view
                bound.append((key, view))
            flats_list.append(flat)
        flats = tuple(flats_list)
        self._fused_cache = (layout, dtype, flats, tuple(bound))
        return flats

    def _fused_update(
        self, p: Array, g: Array, state: tuple[Array, ...], scratch: tuple[Array, ...]
    ) -> float:
        """One step on the flat parameters ``p`` with the flat gradient ``g``, using the
        ``fused_scratch`` vectors in ``scratch``. Returns k where ``g`` now holds k·gradient
        (1: left as it was)."""
        raise NotImplementedError

    def hyperparameters(self) -> dict[str, float]:
        return {"learning_rate": self.learning_rate} | {
            k: float(getattr(self, k)) for k in self.hyperparameter_names
        }

    def state_dict(self) -> dict[str, object]:
        """{"t": steps taken, "slots": {"v_W1": array, …}} (arrays are copies)."""
        return {"t": self.t, "slots": {k: v.copy() for k, v in self.slots.items()}}

    def load_state_dict(self, state: dict[str, object]) -> None:
        self.t = int(state.get("t", 0))  # type: ignore[call-overload]
        slots = state.get("slots", {})
        assert isinstance(slots, dict)
        self.slots = {str(k): np.array(v) for k, v in slots.items()}


class GradientDescent(Optimizer):
    """W ← W − α dW."""

    name = "gd"
    title = "gradient descent"
    label = translatable("TrainingPanel", "Gradient descent")
    step = "α·{dW}"
    explanation = translatable(
        "StepThrough",
        "Gradient descent moves every parameter a small step against its gradient; the "
        "learning rate α = {lr:g} sets the step size.",
    )

    fused = True

    def _update_one(self, name: str, value: Array, grad: Array) -> None:
        value -= self.learning_rate * grad

    def _fused_update(
        self, p: Array, g: Array, state: tuple[Array, ...], scratch: tuple[Array, ...]
    ) -> float:
        self.t += 1
        lr = self.learning_rate
        if lr == 0 or not math.isfinite(lr):  # α·g would lose g: keep it
            np.subtract(p, lr * g, out=p)
            return 1.0
        np.multiply(g, lr, out=g)  # α·dW in place of dW: no scratch vector needed
        np.subtract(p, g, out=p)
        return lr


class Momentum(Optimizer):
    """v ← β v + (1 − β) dW;  W ← W − α v."""

    name = "momentum"
    title = "momentum"
    label = translatable("TrainingPanel", "Momentum")
    hyperparameter_names = ("beta",)
    ranges: ClassVar[Mapping[str, Range]] = {
        "beta": Range("beta", "β", 0.0, 1.0, high_open=True, usual=0.9),
    }
    phases = (VELOCITY, APPLY)
    step = "α·{v}"
    explanation = translatable(
        "StepThrough",
        "Momentum moves every parameter against the averaged gradient v instead of this "
        "iteration's gradient alone; the learning rate α = {lr:g} sets the step size.",
    )

    def __init__(self, learning_rate: float = 0.01, beta: float = 0.9) -> None:
        super().__init__(learning_rate)
        self.beta = float(beta)

    fused = True
    fused_slots = ("v",)
    fused_scratch = 1

    def _update_one(self, name: str, value: Array, grad: Array) -> None:
        v = self._slot(f"v_{name}", value)
        v *= self.beta
        v += (1.0 - self.beta) * grad
        value -= self.learning_rate * v

    def _fused_update(
        self, p: Array, g: Array, state: tuple[Array, ...], scratch: tuple[Array, ...]
    ) -> float:
        self.t += 1
        (v,), (s,) = state, scratch
        v *= self.beta
        np.multiply(g, 1.0 - self.beta, out=s)
        v += s
        np.multiply(v, self.learning_rate, out=s)
        np.subtract(p, s, out=p)
        return 1.0


class RMSprop(Optimizer):
    """s ← β s + (1 − β) dW²;  W ← W − α dW / (√s + ε)."""

    name = "rmsprop"
    title = "RMSprop"
    label = translatable("TrainingPanel", "RMSprop")
    hyperparameter_names = ("beta", "epsilon")
    ranges: ClassVar[Mapping[str, Range]] = {
        "beta": Range("beta", "β", 0.0, 1.0, high_open=True, usual=0.9),
        "epsilon": Range("epsilon", "ε", 0.0, low_open=True, usual=1e-8),
    }
    phases = (SQUARES, APPLY)
    step = "α·{dW} / (√{s} + ε)"
    explanation = translatable(
        "StepThrough",
        "RMSprop divides each entry's step by √s + ε: entries whose gradients have been large "
        "take smaller steps, small ones larger steps. α = {lr:g}; ε = {eps:g} keeps the "
        "division safe.",
    )

    def __init__(
        self, learning_rate: float = 0.001, beta: float = 0.9, epsilon: float = 1e-8
    ) -> None:
        super().__init__(learning_rate)
        self.beta = float(beta)
        self.epsilon = float(epsilon)

    fused = True
    fused_slots = ("s",)
    fused_scratch = 2

    def _update_one(self, name: str, value: Array, grad: Array) -> None:
        s = self._slot(f"s_{name}", value)
        s *= self.beta
        s += (1.0 - self.beta) * grad * grad
        value -= self.learning_rate * grad / (np.sqrt(s) + self.epsilon)

    def _fused_update(
        self, p: Array, g: Array, state: tuple[Array, ...], scratch: tuple[Array, ...]
    ) -> float:
        self.t += 1
        (sq,), (s, t) = state, scratch
        sq *= self.beta
        np.multiply(g, 1.0 - self.beta, out=s)
        s *= g
        sq += s
        np.sqrt(sq, out=s)
        s += self.epsilon
        np.multiply(g, self.learning_rate, out=t)
        np.divide(t, s, out=t)
        np.subtract(p, t, out=p)
        return 1.0


class Adam(Optimizer):
    """Momentum and RMSprop together, bias-corrected by 1 − βᵗ."""

    name = "adam"
    title = "Adam"
    label = translatable("TrainingPanel", "Adam")
    hyperparameter_names = ("beta1", "beta2", "epsilon")
    ranges: ClassVar[Mapping[str, Range]] = {
        "beta1": Range("beta1", "β₁", 0.0, 1.0, high_open=True, usual=0.9),
        "beta2": Range("beta2", "β₂", 0.0, 1.0, high_open=True, usual=0.999),
        "epsilon": Range("epsilon", "ε", 0.0, low_open=True, usual=1e-8),
    }
    phases = (VELOCITY, SQUARES, CORRECTION, APPLY)
    step = "α·{v_hat} / (√{s_hat} + ε)"
    explanation = translatable(
        "StepThrough",
        "Adam steps along the corrected average of the gradients, divided entry by entry by "
        "the square root of the corrected average of their squares (the size of recent "
        "gradients) plus ε. α = {lr:g}; ε = {eps:g} keeps the division safe.",
    )

    def __init__(
        self,
        learning_rate: float = 0.001,
        beta1: float = 0.9,
        beta2: float = 0.999,
        epsilon: float = 1e-8,
    ) -> None:
        super().__init__(learning_rate)
        self.beta1 = float(beta1)
        self.beta2 = float(beta2)
        self.epsilon = float(epsilon)

    def _update_one(self, name: str, value: Array, grad: Array) -> None:
        v = self._slot(f"v_{name}", value)
        s = self._slot(f"s_{name}", value)
        v *= self.beta1
        v += (1.0 - self.beta1) * grad
        s *= self.beta2
        s += (1.0 - self.beta2) * grad * grad
        v_hat_scale = 1.0 / (1.0 - self.beta1**self.t)
        s_hat_scale = 1.0 / (1.0 - self.beta2**self.t)
        value -= (self.learning_rate * v_hat_scale) * v / (np.sqrt(s * s_hat_scale) + self.epsilon)

    fused = True
    fused_slots = ("v", "s")
    fused_scratch = 2

    def _fused_update(
        self, p: Array, g: Array, state: tuple[Array, ...], scratch: tuple[Array, ...]
    ) -> float:
        self.t += 1
        (v, sq), (s, t) = state, scratch
        v *= self.beta1
        np.multiply(g, 1.0 - self.beta1, out=s)
        v += s
        sq *= self.beta2
        np.multiply(g, 1.0 - self.beta2, out=s)
        s *= g
        sq += s
        v_hat_scale = 1.0 / (1.0 - self.beta1**self.t)
        s_hat_scale = 1.0 / (1.0 - self.beta2**self.t)
        np.multiply(sq, s_hat_scale, out=s)
        np.sqrt(s, out=s)
        s += self.epsilon
        np.multiply(v, self.learning_rate * v_hat_scale, out=t)
        np.divide(t, s, out=t)
        np.subtract(p, t, out=p)
        return 1.0


OPTIMIZERS: dict[str, type[Optimizer]] = {
    cls.name: cls for cls in (GradientDescent, Momentum, RMSprop, Adam)
}


def check_optimizer_settings(
    name: str, learning_rate: object, options: Mapping[str, object]
) -> dict[str, float]:
    """The options of optimizer ``name`` as floats, after checking that the optimizer exists,
    that every option is one it uses and that every value (and the learning rate) lies in its
    range. Raises ValueError for an unknown optimizer, :class:`HyperparameterError` otherwise."""
    try:
        cls = OPTIMIZERS[name]
    except KeyError:
        known = ", ".join(OPTIMIZERS)
        raise ValueError(f"unknown optimizer {name!r}; choose one of: {known}") from None
    LEARNING_RATE.check(learning_rate)
    checked: dict[str, float] = {}
    for key, value in options.items():
        if key not in cls.ranges:
            uses = ", ".join(cls.hyperparameter_names) or "—"
            reason = translate(
                "HyperparameterError", "is not an option of {name}; it uses: {uses}"
            ).format(name=cls.title, uses=uses)
            raise HyperparameterError(f"{key} {reason}", key, reason)
        checked[key] = cls.ranges[key].check(value)
    return checked


def make_optimizer(name: str, learning_rate: float, **hyperparameters: float) -> Optimizer:
    """Optimizer ``name`` with these settings; refuses values outside their ranges
    (:func:`check_optimizer_settings`)."""
    options = check_optimizer_settings(name, learning_rate, hyperparameters)
    return OPTIMIZERS[name](float(learning_rate), **options)
