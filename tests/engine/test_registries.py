"""Every registry entry is complete: one entry carries everything about an activation, a loss
or an optimizer, and its fused form computes exactly what its reference form computes.

The checkers return the parts an entry lacks (or gets wrong); the tests run them over the real
registries and over copies broken on purpose, which they must reject.
"""

import dataclasses
import string

import numpy as np
import pytest

from nnstudio.engine.activations import ACTIVATIONS, Activation
from nnstudio.engine.fast_step import uses_fused_update
from nnstudio.engine.layout import ParameterLayout
from nnstudio.engine.losses import LOSSES, Loss
from nnstudio.engine.optimizers import (
    APPLY,
    CORRECTION,
    OPTIMIZERS,
    SQUARES,
    VELOCITY,
    GradientDescent,
    Optimizer,
)
from nnstudio.text import Text

STEP_FIELDS = {"dW", "v", "s", "v_hat", "s_hat"}


def fields(template):
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def activation_problems(key: str, act: Activation) -> list[str]:
    """The parts ``act`` lacks, and the places its fused form or source differ from forward."""
    problems = []
    if act.name != key:
        problems.append(f"name {act.name!r} is not its key {key!r}")
    if (act.derivative is None) == (act.jacobian_backward is None):
        problems.append("needs exactly one of derivative and jacobian_backward")
    for part in ("forward", "fused_forward", "fused_backward"):
        if not callable(getattr(act, part)):
            problems.append(f"no {part}")
    for part in ("formula", "derivative_text", "source"):
        if not getattr(act, part):
            problems.append(f"no {part}")
    if not isinstance(act.symbol, str) or (not act.symbol and act.forward(np.ones((1, 1))) != 1):
        problems.append("no symbol (only g(z) = z may leave it empty)")
    if problems:
        return problems
    # the fused form and the exported source against the reference, in float64
    rng = np.random.RandomState(7)
    Z = rng.randn(4, 6) * 3
    Z += 0.1 * np.sign(Z)  # no z sits on a kink
    dA = rng.randn(4, 6)
    A = act.forward(Z)
    s, mask, row = np.empty_like(Z), np.empty(Z.shape, bool), np.empty((1, 6))
    fused = Z.copy()
    for function, args in act.fused_forward(fused, s, row, np.zeros_like(Z)):
        function(*args)
    if not np.array_equal(fused, A):
        problems.append("fused_forward differs from forward")
    D = dA.copy()
    for function, args in act.fused_backward(D, A, s, mask, row):
        function(*args)
    if not np.array_equal(D, act.backward(dA, Z, A)):
        problems.append("fused_backward differs from backward")
    namespace = {"np": np}
    exec(act.source, namespace)
    exported = namespace.get(key)
    if not callable(exported) or not np.array_equal(exported(Z), A):
        problems.append(f"source does not define {key}(Z) equal to forward")
    return problems


def loss_problems(key: str, loss: Loss) -> list[str]:
    """The parts ``loss`` lacks, and whether its fused cost equals its cost."""
    problems = []
    if loss.name != key:
        problems.append(f"name {loss.name!r} is not its key {key!r}")
    for part in ("cost", "output_gradient", "fused_cost"):
        if not callable(getattr(loss, part)):
            problems.append(f"no {part}")
    if loss.paired_activation not in ACTIVATIONS:
        problems.append(f"pairs with the unknown activation {loss.paired_activation!r}")
    if not loss.title:
        problems.append("no title")
    if not loss.formula or fields(loss.formula) != {"A", "Y"}:
        problems.append("no formula in {A} and {Y}")
    if problems:
        return problems
    rng = np.random.RandomState(3)
    AL = ACTIVATIONS[loss.paired_activation].forward(rng.randn(3, 7))
    Y = np.eye(3)[:, rng.randint(0, 3, 7)]
    p, s = np.empty_like(AL), np.empty_like(AL)
    if loss.fused_cost(AL, Y, p, s) != loss.cost(AL, Y):
        problems.append("fused_cost differs from cost")
    return problems


def optimizer_problems(key: str, cls: type[Optimizer]) -> list[str]:
    """The parts optimizer ``cls`` lacks, and whether its fused update equals its update on a
    few steps (float64, identical parameters and state)."""
    problems = []
    if cls.name != key:
        problems.append(f"name {cls.name!r} is not its key {key!r}")
    if not cls.title:
        problems.append("no title")
    if not isinstance(cls.label, Text) or not cls.label:
        problems.append("no translatable label")
    if set(cls.ranges) != set(cls.hyperparameter_names):
        problems.append("ranges do not cover exactly its hyperparameters")
    order = (VELOCITY, SQUARES, CORRECTION, APPLY)
    if (
        not cls.phases
        or cls.phases[-1] != APPLY
        or list(cls.phases)
        != sorted(cls.phases, key=lambda phase: order.index(phase) if phase in order else -1)
    ):
        problems.append("phases must be in order and end with the step")
    if not cls.step or not fields(cls.step) <= STEP_FIELDS:
        problems.append("no step formula")
    if not cls.explanation:
        problems.append("no explanation")
    if cls._update_one is Optimizer._update_one:
        problems.append("no update rule (_update_one)")
    if not uses_fused_update(cls()):
        problems.append("no fused update of its own")
    if problems:
        return problems
    layout, rng = ParameterLayout([3, 5, 2]), np.random.RandomState(11)
    params = {
        name: rng.randn(*view.shape) for name, view in layout.views(rng.randn(layout.size)).items()
    }
    reference, opt = cls(0.05), cls(0.05)
    flat, views = layout.pack(params, np.dtype(np.float64))
    state = opt._fused_state(layout, np.dtype(np.float64))
    scratch = tuple(np.empty(layout.size) for _ in range(cls.fused_scratch))
    for _ in range(4):
        g = rng.randn(layout.size)
        reference.update(params, {f"d{k}": v.copy() for k, v in layout.views(g).items()})
        opt._fused_update(flat, g, state, scratch)
    if any(not np.array_equal(views[k], params[k]) for k in layout.names):
        problems.append("fused update differs from update")
    if sorted(opt.slots) != sorted(reference.slots) or any(
        not np.array_equal(opt.slots[k], v) for k, v in reference.slots.items()
    ):
        problems.append("fused update keeps other state than update")
    return problems


@pytest.mark.parametrize("name", list(ACTIVATIONS))
def test_every_activation_entry_is_complete(name):
    assert activation_problems(name, ACTIVATIONS[name]) == []


@pytest.mark.parametrize("name", list(LOSSES))
def test_every_loss_entry_is_complete(name):
    assert loss_problems(name, LOSSES[name]) == []


@pytest.mark.parametrize("name", list(OPTIMIZERS))
def test_every_optimizer_entry_is_complete(name):
    assert optimizer_problems(name, OPTIMIZERS[name]) == []


RELU_SOURCE = ACTIVATIONS["relu"].source


@pytest.mark.parametrize(
    ("name", "change", "problem"),
    [
        ("tanh", {"source": ""}, "no source"),
        ("tanh", {"derivative_text": ""}, "no derivative_text"),
        ("tanh", {"formula": ""}, "no formula"),
        ("tanh", {"symbol": ""}, "no symbol"),
        ("tanh", {"fused_forward": None}, "no fused_forward"),
        ("tanh", {"jacobian_backward": ACTIVATIONS["softmax"].jacobian_backward}, "exactly one"),
        ("tanh", {"fused_backward": ACTIVATIONS["sigmoid"].fused_backward}, "fused_backward"),
        ("tanh", {"fused_forward": ACTIVATIONS["relu"].fused_forward}, "fused_forward differs"),
        ("relu", {"source": RELU_SOURCE.replace("0.0", "1e-9")}, "source does not"),
        ("relu", {"source": RELU_SOURCE.replace("def relu", "def g")}, "source does not"),
    ],
)
def test_an_activation_entry_broken_on_purpose_is_rejected(name, change, problem):
    registry = dict(ACTIVATIONS)  # a copy: the real registry stays as it is
    registry[name] = dataclasses.replace(registry[name], **change)
    problems = activation_problems(name, registry[name])
    assert any(problem in p for p in problems), problems
    assert activation_problems(name, ACTIVATIONS[name]) == []


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        ({"formula": ""}, "no formula"),
        ({"formula": "(1/m) Σ ½ ({A} − y)²"}, "no formula"),
        ({"title": ""}, "no title"),
        ({"paired_activation": "softplus"}, "unknown activation"),
        ({"fused_cost": LOSSES["binary_cross_entropy"].fused_cost}, "fused_cost differs"),
    ],
)
def test_a_loss_entry_broken_on_purpose_is_rejected(change, problem):
    broken = dataclasses.replace(LOSSES["mse"], **change)
    assert any(problem in p for p in loss_problems("mse", broken))


def test_an_optimizer_entry_broken_on_purpose_is_rejected():
    class NoText(GradientDescent):
        explanation = ""
        step = ""
        label = "Gradient descent"  # shown, but never translated

    class OffByOne(GradientDescent):
        def _update_one(self, name, value, grad):
            value -= self.learning_rate * grad

        def _fused_update(self, p, g, state, scratch):
            self.t += 1
            np.subtract(p, self.learning_rate * g * (1 + 1e-15), out=p)
            return 1.0

    class NoFusedForm(GradientDescent):
        def _update_one(self, name, value, grad):
            value -= self.learning_rate * grad

    class Unordered(GradientDescent):
        phases = (APPLY, VELOCITY)

    assert set(optimizer_problems("gd", NoText)) == {
        "no step formula",
        "no explanation",
        "no translatable label",
    }
    assert optimizer_problems("gd", OffByOne) == ["fused update differs from update"]
    assert optimizer_problems("gd", NoFusedForm) == ["no fused update of its own"]
    assert optimizer_problems("gd", Unordered) == ["phases must be in order and end with the step"]
    assert optimizer_problems("adam", OPTIMIZERS["gd"]) == ["name 'gd' is not its key 'adam'"]
