"""The training step of a network with batch normalisation: the readable computation itself.

:class:`ReadableStep` offers what the training loop uses of
:class:`~nnstudio.engine.fast_step.TrainingStep` (load a batch, compute, cost, accuracy,
apply, gradient norms), done with ``Network.forward(X, training=True)``, ``Network.backward``
and the optimizer's ``update``. Batch normalisation's per-batch statistics and running
averages are not part of the allocation-free step, so a network that normalises trains through
this one; a network that does not keeps the fast step unchanged.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from ..network import Network
    from ..optimizers import Optimizer

Array = np.ndarray


class ReadableStep:
    """One training iteration of ``net`` with ``optimizer`` on a batch (see the module)."""

    def __init__(self, net: Network, optimizer: Optimizer) -> None:
        self.net = net
        self.opt = optimizer
        self.X: Array = np.empty((net.layer_dims[0], 0), dtype=net.dtype)
        self.Y: Array = np.empty((net.layer_dims[-1], 0), dtype=net.dtype)
        self.interrupted = False
        self._AL: Array | None = None
        self._cache: dict[str, Array] = {}
        self._grads: dict[str, Array] = {}
        self._classes = np.arange(net.layer_dims[-1]).reshape(-1, 1)

    def rebind(self) -> None:
        """Nothing to bind: every step reads the network's current arrays."""

    def use_full_batch(self, X: Array, Y: Array) -> None:
        self.X, self.Y = X, Y

    def load_batch(
        self, X_rows: Array, Y: Array | None, index: Array, labels: Array | None = None
    ) -> None:
        """The samples ``index`` of the sample-major X_rows (m, n0) and of Y (or of the class
        indices ``labels``, one-hot here)."""
        self.X = np.ascontiguousarray(X_rows[index].T)
        if labels is None:
            assert Y is not None
            self.Y = Y[:, index]
        else:
            self.Y = (self._classes == labels[index]).astype(self.net.dtype)

    def compute(self, stop: Callable[[], bool] | None = None) -> bool:
        """Forward (training: dropout, the batch's statistics, running averages updated) and
        backward; True when every gradient is finite."""
        self.interrupted = bool(stop is not None and stop())
        if self.interrupted:
            return False
        self._AL, self._cache = self.net.forward(self.X, training=True)
        self._grads = self.net.backward(self.Y, self._cache)
        return all(np.isfinite(self._grads[f"d{k}"]).all() for k in self.net.params)

    def masks(self) -> dict[str, Array]:
        return {k: v for k, v in self._cache.items() if k.startswith("D")}

    @property
    def output(self) -> Array:
        assert self._AL is not None
        return self._AL

    def gradients(self) -> dict[str, Array]:
        return {f"d{k}": self._grads[f"d{k}"] for k in self.net.params}

    def apply(self) -> None:
        self.opt.update(self.net.params, self.gradients())

    def grad_norms(self) -> tuple[float, ...]:
        with np.errstate(over="ignore", invalid="ignore"):
            return tuple(
                float(np.linalg.norm(self._grads[f"dW{l}"])) for l in range(1, self.net.L + 1)
            )

    def cost_terms(self) -> tuple[float, float]:
        penalty = self.net.penalty_cost(self.X.shape[1])
        return self.net.cost(self.output, self.Y), penalty

    def cost(self) -> float:
        return self.cost_terms()[0]

    def accuracy(self) -> float | None:
        from ..network import output_accuracy

        return output_accuracy(self.net, self.output, self.Y)
