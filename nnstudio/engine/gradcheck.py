"""Gradient check: back propagation against central differences of the cost.

For every parameter θ, the numerical gradient is (J(θ + ε) − J(θ − ε)) / 2ε. The relative
difference ‖g_backprop − g_numeric‖ / (‖g_backprop‖ + ‖g_numeric‖) is reported overall and per
layer; below 1e-7 in float64 the two agree.

The default ε is 1e-5 rather than the course's 1e-7: the rounding error of J (about 1e-16·J)
divided by 2ε grows as ε shrinks, while the truncation error shrinks only as ε². With 1e-5 both
stay near 1e-11, so the check stays below 1e-7 even for the small gradients of deep sigmoid chains.

As in the course, the check runs with dropout off (a mask drawn anew at every evaluation of J would
make the numerical gradient meaningless): :attr:`GradientCheck.dropout_off` says when the network
has dropout that the check left out. Layers with batch normalisation are checked as they train:
with the batch's μ and σ² (which depend on every parameter below them), and γ[l], β[l] count as
parameters of layer l.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .network import Array, Network


@dataclass(frozen=True)
class GradientCheck:
    difference: float  # over all parameters
    per_layer: dict[int, float]  # layer l → difference over W[l] and b[l]
    epsilon: float
    dropout_off: bool = False  # the network drops units in training; the check ran without

    def passed(self, threshold: float = 1e-7) -> bool:
        return self.difference < threshold

    def verdict(self, threshold: float = 1e-7) -> str:
        if self.difference < threshold:
            text = "Back propagation is correct: it agrees with the numerical gradient."
        elif self.difference < 1e-4:
            text = "Close, but not exact: check any non-smooth activation near z = 0."
        else:
            text = "Back propagation disagrees with the numerical gradient: there is a bug."
        if self.dropout_off:
            text += " (Checked with dropout off, as the course does.)"
        return text


def _relative_difference(a: Array, b: Array) -> float:
    denominator = np.linalg.norm(a) + np.linalg.norm(b)
    return float(np.linalg.norm(a - b) / denominator) if denominator > 0 else 0.0


def gradient_check(net: Network, X: Array, Y: Array, epsilon: float = 1e-5) -> GradientCheck:
    """Compare ``net.backward`` with central differences on (X, Y). ``net`` is left unchanged.
    Dropout is off throughout (forward passes without ``training``); batch normalisation uses
    the batch's statistics, and the running averages are left as they are."""
    X = net.as_input(X)
    Y = net.as_labels(Y)
    stats = net.spec.uses_batch_norm
    _AL, cache = net.forward(X, batch_stats=stats)
    grads = net.backward(Y, cache)
    analytic: dict[str, Array] = {}
    numeric: dict[str, Array] = {}
    for name, value in net.params.items():
        analytic[name] = grads[f"d{name}"].astype(np.float64)
        approx = np.zeros(value.shape, dtype=np.float64)
        flat = value.reshape(-1)
        for i in range(flat.size):
            original = flat[i]
            flat[i] = original + epsilon
            plus = net.cost(net.forward(X, batch_stats=stats)[0], Y)
            flat[i] = original - epsilon
            minus = net.cost(net.forward(X, batch_stats=stats)[0], Y)
            flat[i] = original
            approx.reshape(-1)[i] = (plus - minus) / (2 * epsilon)
        numeric[name] = approx
    per_layer = {}
    for l in range(1, net.L + 1):
        names = [k for k in ("W", "b", "gamma", "beta") if f"{k}{l}" in analytic]
        a = np.concatenate([analytic[f"{k}{l}"].ravel() for k in names])
        n = np.concatenate([numeric[f"{k}{l}"].ravel() for k in names])
        per_layer[l] = _relative_difference(a, n)
    all_a = np.concatenate([v.ravel() for v in analytic.values()])
    all_n = np.concatenate([v.ravel() for v in numeric.values()])
    difference = _relative_difference(all_a, all_n)
    return GradientCheck(difference, per_layer, epsilon, net.spec.uses_dropout)
