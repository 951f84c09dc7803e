"""The optimizer's state of one layer in the course's names: v_dW[l], s_dW[l] and v̂, ŝ.

Momentum keeps a moving average of the gradients, v_dW = β·v_dW + (1 − β)·dW; RMSprop a moving
average of their squares, s_dW = β·s_dW + (1 − β)·dW²; Adam keeps both and corrects their start
at zero, v̂_dW = v_dW / (1 − β₁ᵗ) and ŝ_dW = s_dW / (1 − β₂ᵗ). The same for db. Every array has
the shape of its parameter: v_dW[l] and s_dW[l] are (n[l], n[l-1]), v_db[l] and s_db[l] are
(n[l], 1). Gradient descent keeps nothing.

The arrays are the ones a run left (the engine's ``Optimizer.state_dict()``, which the session
and the model file keep so that the next run continues from them): v and s after update t, and
v̂, ŝ as update t formed them, with the optimizer's current β₁, β₂.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..engine import OPTIMIZERS, make_optimizer
from ..engine.optimizers import CORRECTION, SQUARES, VELOCITY
from ..training_run import optimizer_state_fits

V_HAT, S_HAT = "v\u0302", "\u015d"  # v̂ (v and a combining circumflex), ŝ


@dataclass(frozen=True, eq=False)
class LayerOptimizerState:
    """``optimizer`` (its registry name) after ``t`` updates; ``arrays`` maps the course's names
    ("v_dW", "v_db", "s_dW", "s_db", "v̂_dW", …) to arrays of the parameter's shape."""

    optimizer: str
    t: int
    arrays: dict[str, np.ndarray]


def layer_optimizer_state(
    optimizer: str,
    options: Mapping[str, float],
    state: Mapping[str, Any] | None,
    layer: int,
) -> LayerOptimizerState | None:
    """The state ``state`` (an ``Optimizer.state_dict()``) holds for layer l = ``layer`` of
    ``optimizer`` with ``options`` (β, β₁, β₂ …; the usual values where absent); None for
    gradient descent, before the first update, or when the state belongs to another optimizer
    (the learner switched optimizer since the run)."""
    if optimizer not in OPTIMIZERS or not optimizer_state_fits(state, optimizer):
        return None
    assert state is not None
    kind = OPTIMIZERS[optimizer]
    t = int(state.get("t", 0) or 0)
    slots = state.get("slots") or {}
    if t < 1 or not (VELOCITY in kind.phases or SQUARES in kind.phases):
        return None
    known = {k: float(v) for k, v in options.items() if k in kind.hyperparameter_names}
    hyper = make_optimizer(optimizer, 0.01, **known).hyperparameters()
    arrays: dict[str, np.ndarray] = {}
    for param in ("W", "b"):
        v = slots.get(f"v_{param}{layer}")
        s = slots.get(f"s_{param}{layer}")
        if VELOCITY in kind.phases and v is not None:
            arrays[f"v_d{param}"] = np.asarray(v)
        if SQUARES in kind.phases and s is not None:
            arrays[f"s_d{param}"] = np.asarray(s)
        if CORRECTION in kind.phases and v is not None and s is not None:
            arrays[f"{V_HAT}_d{param}"] = np.asarray(v) / (1.0 - hyper["beta1"] ** t)
            arrays[f"{S_HAT}_d{param}"] = np.asarray(s) / (1.0 - hyper["beta2"] ** t)
    return LayerOptimizerState(optimizer, t, arrays) if arrays else None
