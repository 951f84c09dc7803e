"""The training step: forward, backward and update in buffers allocated once.

:class:`TrainingStep` computes what ``Network.forward``, ``Network.backward`` and the optimizer's
``update`` compute — the same operations in the same order, so float64 results are identical —
without allocating anything per step. ``Network.forward`` / ``backward`` stay the readable
reference; the tests compare the two. What the step leaves out is what training never reads:

- the cache dict, dA[0] = W[1]ᵀ·dZ[1] (a full extra product with the input) and dA[L];
- Z[l] as a separate array: A[l] = g(Z[l]) overwrites Z[l] in place, because every derivative
  the engine offers can be written with A[l] alone (relu and leaky relu: A > 0 exactly where
  Z > 0; tanh: 1 − A²; sigmoid: A(1 − A); linear: 1). Each activation's in-place operations
  are its registry entry's ``fused_forward`` / ``fused_backward`` (:mod:`.activations`), and
  each loss's cost is its entry's ``fused_cost`` (:mod:`.losses`);
- per-layer divisions and per-parameter loops: W1 … WL, b1 … bL are views of one flat vector
  (see :mod:`.layout`) and so are their gradients, so the finiteness check, the L2 and L1
  terms and the optimizer's update are one call each over all layers; the 1/m is one division
  of that vector, or, for a power-of-two batch, an exact scaling of dZ[L] alone that every
  gradient inherits.

Shapes, for a batch of w samples: A[l], dZ[l] (n[l], w), C-contiguous; every product is written
straight into its buffer with ``np.dot(…, out)``. Mini-batches are gathered with
``take(…, out=…)`` from X's sample-major rows (X.T, copied once only if X is not stored that
way): a batch is w contiguous rows rather than w scattered columns.

The work of one step is listed once per batch width as a plan — a list of
``(function, arguments)`` pairs over those buffers, written by the small builders at the end of
this module — so that a step is a loop of NumPy calls with nothing else in between (for the
course's 2-4-1 network the NumPy calls themselves take only a few microseconds each).
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import numpy as np

from .activations import Op, get_activation
from .course2.dropout import draw_mask
from .layout import ParameterLayout
from .losses import get_loss
from .optimizers import Optimizer

if TYPE_CHECKING:
    from collections.abc import Callable

    from .network import Network

Array = np.ndarray

_add_reduce = np.add.reduce
_dot = np.dot


def uses_fused_update(opt: Optimizer) -> bool:
    """True when ``opt`` has a fused update that does exactly what its ``update`` does."""
    cls = type(opt)
    if not getattr(cls, "fused", False) or cls.update is not Optimizer.update:
        return False

    def owner(attr: str) -> type:
        return next(c for c in cls.__mro__ if attr in vars(c))

    return owner("_update_one") is owner("_fused_update")


class _Buffers:
    """The arrays for one batch width w: views of storage sized for the widest batch."""

    def __init__(self, step: TrainingStep, w: int) -> None:
        dims = step.layer_dims
        L = len(dims) - 1
        self.w = w

        def view(flat: Array, rows: int) -> Array:
            return flat[: rows * w].reshape(rows, w)

        # index 0 is a placeholder: A[0] is the batch X, and dA[0] is never computed
        self.A = [step._A[0]] + [view(step._A[l], dims[l]) for l in range(1, L + 1)]
        self.dZ = [step._dZ[0]] + [view(step._dZ[l], dims[l]) for l in range(1, L + 1)]
        # scratch (n[l], w) for layer l ≥ 1 (one storage, shared: a layer's use ends with it)
        self.scratch = [step._scratch[:0]] + [view(step._scratch, n) for n in dims[1:]]
        self.mask = [step._mask[:0]] + [view(step._mask, n) for n in dims[1:]]
        # inverted dropout (layers with keep_prob < 1 only): the mask D[l] and A[l]·D[l]/keep_prob
        self.D = {l: view(flat, dims[l]) for l, flat in step._D.items()}
        self.A_dropped = {l: view(flat, dims[l]) for l, flat in step._A_dropped.items()}
        zeros = step._zeros
        self.zeros = [zeros] + [view(zeros, n) if zeros.size else zeros for n in dims[1:]]
        self.row = step._row[:w].reshape(1, w)
        self.X = step._Xb[: w * dims[0]].reshape(-1, dims[0])  # the gathered batch (w, n0)
        self.XT = self.X.T  # … as A[0] (n0, w)
        self.Y = view(step._Yb, dims[-1])
        self.labels = step._labels[:w]
        self.predicted = step._predicted[:w]
        self.hits = step._hits[: dims[-1] * w].reshape(dims[-1], w)
        self.truth = step._truth[: dims[-1] * w].reshape(dims[-1], w)
        self.plan: list[Op] | None = None  # built on first use (it depends on X for full batch)
        # the plan cut before each matrix product, so that a stop request is seen between them
        self.segments: list[list[Op]] = []


class TrainingStep:
    """One training iteration on a batch, for ``net`` and ``optimizer``, allocation-free.

    Use: ``load_batch`` (or ``use_full_batch``), ``compute()`` (forward, backward, and True when
    every gradient is finite), optionally ``cost()`` / ``accuracy()`` of that batch (parameters
    before the update), then ``apply()`` (the optimizer's update). Whenever code outside the
    training loop may have touched the network or the optimizer, call ``rebind()``.
    """

    def __init__(
        self, net: Network, optimizer: Optimizer, max_width: int, batched: bool = False
    ) -> None:
        self.net = net
        self.opt = optimizer
        self.layer_dims = dims = net.layer_dims
        self.L = net.L
        self.dtype = dtype = net.dtype
        self.layout = ParameterLayout(dims)
        self.acts = net.activations
        self.act_entries = tuple(get_activation(name) for name in self.acts)
        loss = self.loss = get_loss(net.loss)
        self.paired = loss.paired_activation == self.acts[-1]
        self.fused = uses_fused_update(optimizer)
        size = self.layout.size
        self.grad = np.zeros(size, dtype=dtype)  # dW1 … dWL, db1 … dbL
        self.grad_views = self.layout.views(self.grad)
        count = optimizer.fused_scratch if self.fused else 0
        self._scratch_vectors = tuple(np.empty(size, dtype=dtype) for _ in range(count))
        self._penalty_scratch = np.empty(0, dtype=dtype)  # made when the L2 or L1 term is needed
        self._grad_scale = 1.0  # the gradient buffer holds this × the gradient
        w = max(1, int(max_width))
        self.max_width = w
        nothing = np.empty(0, dtype=dtype)
        self._A = [nothing] + [np.empty(n * w, dtype=dtype) for n in dims[1:]]
        self._dZ = [nothing] + [np.empty(n * w, dtype=dtype) for n in dims[1:]]
        widest = max(dims[1:])
        self._scratch = np.empty(widest * w, dtype=dtype)
        self._mask = np.empty(widest * w, dtype=bool)
        # max(Z, 0) runs about twice as fast against an array of zeros as against the scalar
        zeros = any(act.fused_zeros for act in self.act_entries)
        self._zeros = np.zeros(widest * w if zeros else 0, dtype=dtype)
        self._row = np.empty(w, dtype=dtype)
        # the gathered mini-batch (w, n0), sample-major; only needed when training on batches
        self._Xb = np.empty(dims[0] * w if batched else 0, dtype=dtype)
        # inverted dropout: hidden layer l → its keep_prob, where it is below 1
        self.keep = {l: k for l, k in enumerate(net.keep_prob, start=1) if k < 1.0}
        self._D = {l: np.empty(dims[l] * w, dtype=bool) for l in self.keep}
        self._A_dropped = {l: np.empty(dims[l] * w, dtype=dtype) for l in self.keep}
        self._rng = net.rng
        self._Yb = np.empty(dims[-1] * w, dtype=dtype)
        self._labels = np.empty(w, dtype=np.intp)
        self._classes = np.arange(dims[-1], dtype=np.intp).reshape(-1, 1)
        self._have_labels = False  # buf.labels holds the batch's class indices
        self._predicted = np.empty(w, dtype=np.intp)
        self._hits = np.empty(dims[-1] * w, dtype=bool)
        self._truth = np.empty(dims[-1] * w, dtype=bool)
        self._buffers: dict[int, _Buffers] = {}
        self.buf: _Buffers | None = None
        self.interrupted = False  # the last compute() stopped early at a stop request
        self.X: Array = nothing
        self.Y: Array = self._Yb
        self._params_dict: dict[str, Array] | None = None
        self._param_views: tuple[tuple[str, Array], ...] = ()
        self._l2, self._l1 = net.l2, net.l1
        self.rebind()

    # -- binding to the network's and optimizer's arrays --------------------------------------
    def rebind(self) -> None:
        """Make sure ``net.params`` (and the optimizer's slots) are views of flat buffers.

        Cheap when nothing changed; otherwise copies the current values into a flat buffer and
        replaces the dict entries with views of it (the values stay as they were)."""
        net, layout = self.net, self.layout
        params = net.params
        if (
            params is not self._params_dict
            or any(params.get(name) is not view for name, view in self._param_views)
            or (net.l2, net.l1) != (self._l2, self._l1)
            or net.rng is not self._rng
        ):
            flat = layout.packed_buffer(params, self.dtype)
            if flat is None:
                flat, views = layout.pack(params, self.dtype)
                params.update(views)
            self.params = flat
            self._params_dict = params
            self._param_views = tuple((name, params[name]) for name in layout.names)
            self._l2, self._l1 = net.l2, net.l1
            self._rng = net.rng
            for buf in self._buffers.values():
                buf.plan = None  # the plans hold the old arrays
        self.state = self.opt._fused_state(layout, self.dtype) if self.fused else ()

    # -- batches --------------------------------------------------------------------------------
    def _buffers_for(self, w: int) -> _Buffers:
        buf = self._buffers.get(w)
        if buf is None:
            if w > self.max_width:
                raise ValueError(f"a batch of {w} exceeds the {self.max_width} prepared for")
            buf = self._buffers[w] = _Buffers(self, w)
        return buf

    def use_full_batch(self, X: Array, Y: Array) -> None:
        """Train on all of X (n0, m), Y (n[L], m), used in place (never copied per step)."""
        self.buf = self._buffers_for(X.shape[1])
        self.buf.plan = None
        self.X, self.Y = X, Y
        self._have_labels = False

    def load_batch(
        self, X_rows: Array, Y: Array | None, index: Array, labels: Array | None = None
    ) -> None:
        """Gather the samples ``index`` of the sample-major X_rows (m, n0) and of Y (n[L], m)
        into the batch buffers (the step must have been made with ``batched=True``).

        For a softmax output, ``labels`` (m,) — the class indices — may stand in for Y: the
        batch's one-hot columns are then made from them, and no one-hot Y of the whole data
        set is needed."""
        buf = self.buf = self._buffers_for(index.shape[0])
        if buf.A[0] is not buf.XT:
            buf.plan = None
        # mode="clip" lets take write straight into out (the indices are valid anyway)
        X_rows.take(index, 0, buf.X, "clip")
        if labels is None:
            assert Y is not None
            Y.take(index, 1, buf.Y, "clip")
        else:
            labels.take(index, 0, buf.labels, "clip")
            np.equal(self._classes, buf.labels, out=buf.Y)  # Y[k, j] = 1 if label j is k
        self._have_labels = labels is not None
        self.X, self.Y = buf.XT, buf.Y

    # -- forward and backward -------------------------------------------------------------------
    def compute(self, stop: Callable[[], bool] | None = None) -> bool:
        """Forward and backward on the loaded batch; True when every gradient is finite
        (False may also mean Σ dW² overflowed: confirm with the reference computation).

        Afterwards :attr:`output` is A[L] and :attr:`grad` holds dW1 … dWL, db1 … dbL.
        ``stop`` is asked before each matrix product (one per layer forward, two backward): when
        it answers True the step ends there, :attr:`interrupted` is set, False is returned and
        the gradient buffers hold nothing usable. The parameters are never touched here."""
        buf = self.buf
        assert buf is not None
        plan = buf.plan
        if plan is None:
            plan = buf.plan = self._plan(buf)
        self.interrupted = False
        if stop is None:
            for function, args in plan:
                function(*args)
        else:
            for segment in buf.segments:
                if stop():
                    self.interrupted = True
                    return False
                for function, args in segment:
                    function(*args)
        self._grad_scale = 1.0
        # Σ g² is finite exactly when every g is, unless it overflows; that rare false alarm
        # is settled by the caller with the reference computation
        grad = self.grad
        return math.isfinite(_dot(grad, grad))

    def _plan(self, buf: _Buffers) -> list[Op]:
        """The operations of one step, in the order ``Network.forward``/``backward`` do them."""
        L, acts = self.L, self.act_entries
        A, dZ, s, mask = buf.A, buf.dZ, buf.scratch, buf.mask
        A[0] = self.X
        params = self._params_dict
        assert params is not None
        # lists indexed by l = 1..L (index 0 unused)
        W = [self.params] + [params[f"W{l}"] for l in range(1, L + 1)]
        b = [self.params] + [params[f"b{l}"] for l in range(1, L + 1)]
        gW = [self.grad] + [self.grad_views[f"W{l}"] for l in range(1, L + 1)]
        gb = [self.grad] + [self.grad_views[f"b{l}"] for l in range(1, L + 1)]
        ops: list[Op] = []
        # what layer l + 1 reads: A[l], or with dropout A[l]·D[l]/keep_prob[l] (A[l] keeps
        # g(Z[l]) before the mask, which g′ needs going back)
        inp = list(A)
        for l in range(1, L + 1):  # Z[l] = W[l]·A[l-1] + b[l];  A[l] = g(Z[l]) over Z[l]
            ops.append((np.dot, (W[l], inp[l - 1], A[l])))
            ops.append((np.add, (A[l], b[l], A[l])))
            ops += acts[l - 1].fused_forward(A[l], s[l], buf.row, buf.zeros[l])
            if l in self.keep:  # D[l] = rand(n[l], w) < keep_prob; A[l] * D[l] / keep_prob
                D, dropped, k = buf.D[l], buf.A_dropped[l], self.keep[l]
                ops.append((draw_mask, (self._rng, k, D)))
                ops.append((np.multiply, (A[l], D, dropped)))
                ops.append((np.divide, (dropped, k, dropped)))
                inp[l] = dropped
        # dZ[L] = A[L] − Y for the matched pairs; for mse, dA[L] = A[L] − Y times g'
        ops.append((np.subtract, (A[L], self.Y, dZ[L])))
        if not self.paired:
            ops += acts[-1].fused_backward(dZ[L], A[L], s[L], mask[L], buf.row)
        # The 1/m of every gradient. When m is a power of two, dZ[L]·(1/m) is exact and so
        # is every product and sum after it: all of dW[l], db[l] come out exactly as the
        # reference's (…)/m, for the price of scaling dZ[L] only. Otherwise one division of
        # the whole gradient vector at the end, as the reference divides.
        w = buf.w
        power_of_two = w > 0 and w & (w - 1) == 0
        if power_of_two:
            ops.append((np.multiply, (dZ[L], 1.0 / w, dZ[L])))
        for l in range(L, 0, -1):  # dW[l] = dZ[l]·A[l-1]ᵀ, db[l] = Σ dZ[l]
            ops.append((np.dot, (dZ[l], inp[l - 1].T, gW[l])))
            ops.append((_add_reduce, (dZ[l], 1, None, gb[l], True)))
            if l > 1:  # dA[l-1] = W[l]ᵀ·dZ[l], then dZ[l-1] = dA[l-1] ⊙ g'(Z[l-1])
                ops.append((np.dot, (W[l].T, dZ[l], dZ[l - 1])))
                if l - 1 in self.keep:  # the same units dropped: dA[l-1] * D / keep_prob
                    ops.append((np.multiply, (dZ[l - 1], buf.D[l - 1], dZ[l - 1])))
                    ops.append((np.divide, (dZ[l - 1], self.keep[l - 1], dZ[l - 1])))
                ops += acts[l - 2].fused_backward(
                    dZ[l - 1], A[l - 1], s[l - 1], mask[l - 1], buf.row
                )
        if not power_of_two:
            ops.append((np.divide, (self.grad, w, self.grad)))
        n = self.layout.weight_size
        if (self._l2 or self._l1) and self._penalty_scratch.size != n:
            self._penalty_scratch = np.empty(n, dtype=self.dtype)
        weights, dweights, tmp = self.params[:n], self.grad[:n], self._penalty_scratch
        if self._l2:  # dW[l] += λ/m · W[l], for all layers at once
            ops.append((np.multiply, (weights, self._l2 / buf.w, tmp)))
            ops.append((np.add, (dweights, tmp, dweights)))
        if self._l1:  # then dW[l] += λ₁/m · sign(W[l]) (sign(0) = 0), as the reference does
            ops.append((np.sign, (weights, tmp)))
            ops.append((np.multiply, (tmp, self._l1 / buf.w, tmp)))
            ops.append((np.add, (dweights, tmp, dweights)))
        # cut before each product (the first segment holds the first): a stop is seen between
        products = [i for i, (function, _) in enumerate(ops) if function is np.dot]
        cuts = [*products[1:], len(ops)]
        buf.segments = [ops[a:b] for a, b in zip([0, *cuts[:-1]], cuts, strict=True)]
        return ops

    def masks(self) -> dict[str, Array]:
        """The dropout masks {"D1": …} of the last ``compute`` (views: valid until the next)."""
        assert self.buf is not None
        return {f"D{l}": D for l, D in self.buf.D.items()}

    @property
    def output(self) -> Array:
        """A[L] (n[L], w) of the last ``compute``."""
        assert self.buf is not None
        return self.buf.A[self.L]

    def apply(self) -> None:
        """The optimizer's update with the computed gradients (parameters change in place)."""
        if self.fused:
            self._grad_scale = self.opt._fused_update(
                self.params, self.grad, self.state, self._scratch_vectors
            )
        else:
            self.opt.update(self.net.params, self.gradients())

    def gradients(self) -> dict[str, Array]:
        """{"dW1": …, "db1": …} of the last ``compute``: views of the gradient buffer until
        ``apply`` (which may scale it in place) or the next ``compute``."""
        return {f"d{k}": v for k, v in self.grad_views.items()}

    def grad_norms(self) -> tuple[float, ...]:
        """‖dW[l]‖ for l = 1..L from the last ``compute`` (also after ``apply``)."""
        views, k = self.grad_views, abs(self._grad_scale)
        with np.errstate(over="ignore", invalid="ignore"):  # huge or non-finite: inf or nan
            return tuple(float(np.linalg.norm(views[f"W{l}"])) / k for l in range(1, self.L + 1))

    # -- the batch's cost and accuracy (parameters before the update) ----------------------------
    def cost(self) -> float:
        """J of the loaded batch, computed as ``Network.cost`` computes it."""
        return self.cost_terms()[0]

    def cost_terms(self) -> tuple[float, float]:
        """J of the loaded batch and its regularisation term (``Network.penalty_cost``), so the
        data term is J minus the second."""
        buf = self.buf
        assert buf is not None
        L, w = self.L, buf.w
        # dZ[L] is free: the backward pass is done with it
        value = self.loss.fused_cost(buf.A[L], self.Y, buf.dZ[L], buf.scratch[L])
        penalty = self.net.penalty_cost(w)
        return value + penalty, penalty

    def accuracy(self) -> float | None:
        """Fraction of correct classes in the batch, computed as ``output_accuracy`` does."""
        buf = self.buf
        assert buf is not None
        out = self.acts[-1]
        AL = buf.A[self.L]
        if out == "softmax":
            np.argmax(AL, axis=0, out=buf.predicted)
            if not self._have_labels:  # else they are the gathered class indices already
                np.argmax(self.Y, axis=0, out=buf.labels)
            hits = buf.hits[0]
            np.equal(buf.predicted, buf.labels, out=hits)
            return np.count_nonzero(hits) / buf.w
        if out == "sigmoid":
            np.greater(AL, 0.5, out=buf.hits)
            np.greater(self.Y, 0.5, out=buf.truth)
            np.equal(buf.hits, buf.truth, out=buf.hits)
            return np.count_nonzero(buf.hits) / buf.hits.size
        return None
