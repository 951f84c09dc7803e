"""Optimizers behind one interface: ``update(params, grads)`` changes params in place.

``params`` maps ``W1, b1, …`` to arrays; ``grads`` maps ``dW1, db1, …`` to arrays of the same
shapes. Each optimizer keeps its state (velocities, squared averages, step count) in plain
arrays that :meth:`Optimizer.state_dict` exposes, so a model file can continue a run exactly.
The registry :data:`OPTIMIZERS` is keyed by the names the model file stores.
"""

from __future__ import annotations

from typing import ClassVar

import numpy as np

Array = np.ndarray


class Optimizer:
    name: ClassVar[str] = ""
    title: ClassVar[str] = ""
    hyperparameter_names: ClassVar[tuple[str, ...]] = ()

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

    def _update_one(self, name: str, value: Array, grad: Array) -> None:
        value -= self.learning_rate * grad


class Momentum(Optimizer):
    """v ← β v + (1 − β) dW;  W ← W − α v."""

    name = "momentum"
    title = "momentum"
    hyperparameter_names = ("beta",)

    def __init__(self, learning_rate: float = 0.01, beta: float = 0.9) -> None:
        super().__init__(learning_rate)
        self.beta = float(beta)

    def _update_one(self, name: str, value: Array, grad: Array) -> None:
        v = self._slot(f"v_{name}", value)
        v *= self.beta
        v += (1.0 - self.beta) * grad
        value -= self.learning_rate * v


class RMSprop(Optimizer):
    """s ← β s + (1 − β) dW²;  W ← W − α dW / (√s + ε)."""

    name = "rmsprop"
    title = "RMSprop"
    hyperparameter_names = ("beta", "epsilon")

    def __init__(
        self, learning_rate: float = 0.001, beta: float = 0.9, epsilon: float = 1e-8
    ) -> None:
        super().__init__(learning_rate)
        self.beta = float(beta)
        self.epsilon = float(epsilon)

    def _update_one(self, name: str, value: Array, grad: Array) -> None:
        s = self._slot(f"s_{name}", value)
        s *= self.beta
        s += (1.0 - self.beta) * grad * grad
        value -= self.learning_rate * grad / (np.sqrt(s) + self.epsilon)


class Adam(Optimizer):
    """Momentum and RMSprop together, bias-corrected by 1 − βᵗ."""

    name = "adam"
    title = "Adam"
    hyperparameter_names = ("beta1", "beta2", "epsilon")

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


OPTIMIZERS: dict[str, type[Optimizer]] = {
    cls.name: cls for cls in (GradientDescent, Momentum, RMSprop, Adam)
}


def make_optimizer(name: str, learning_rate: float, **hyperparameters: float) -> Optimizer:
    try:
        cls = OPTIMIZERS[name]
    except KeyError:
        known = ", ".join(OPTIMIZERS)
        raise ValueError(f"unknown optimizer {name!r}; choose one of: {known}") from None
    return cls(learning_rate, **hyperparameters)
