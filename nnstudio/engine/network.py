"""A fully-connected network in the course's notation.

Shapes (m samples, one per column):
    X = A0 (n0, m) · W{l} (n[l], n[l-1]) · b{l} (n[l], 1) · Z{l}, A{l} (n[l], m) · Y (n[L], m)

``forward`` and ``backward`` return fresh arrays that stay valid after later calls. ``cost`` and
``backward`` refuse labels that do not fit the output with a
:class:`~.checks.TrainingDataError` (see :func:`~.checks.check_labels`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

from .activations import get_activation
from .checks import TrainingDataError, check_labels
from .course2.batchnorm import backward_layer, forward_layer
from .course2.dropout import apply_mask, draw_mask
from .initializers import initialize_parameters
from .layout import ParameterLayout
from .losses import get_loss
from .spec import NetworkSpec, ShapeRow

Array = np.ndarray


class Network:
    """Parameters ``W1, b1, …, WL, bL`` in :attr:`params`, plus forward, backward and update.

    :attr:`params` is a plain dict whose entries may be replaced. Its arrays are views into one
    contiguous buffer (see :mod:`.layout`) so that training can update them all at once;
    training packs replaced entries back into such a buffer, keeping their values.

    ``keep_prob`` (one value per hidden layer, or one float for all; 1 means off) is inverted
    dropout's keep probability (see :mod:`.course2.dropout`); it acts only in
    ``forward(X, training=True)``. Its masks are drawn from :attr:`rng`, a
    ``numpy.random.RandomState(seed)`` of the network's own, unless a forward pass is given
    another generator.

    ``batch_norm`` (one bool per hidden layer, or one for all) turns on batch normalisation
    (see :mod:`.course2.batchnorm`): such a layer has ``gamma{l}`` and ``beta{l}`` (n[l], 1) in
    :attr:`params`, keeps b[l] at 0, and :attr:`running` holds its running averages
    ``"mean{l}"`` and ``"var{l}"`` (n[l], 1) for prediction and evaluation.
    """

    def __init__(
        self,
        layer_dims: Sequence[int],
        activations: Sequence[str],
        init: str = "xavier",
        seed: int = 1,
        dtype: str = "float64",
        loss: str | None = None,
        l2: float = 0.0,
        params: dict[str, Array] | None = None,
        l1: float = 0.0,
        keep_prob: float | Sequence[float] = 1.0,
        batch_norm: bool | Sequence[bool] = False,
        running: Mapping[str, Array] | None = None,
    ) -> None:
        self.spec = NetworkSpec(
            tuple(layer_dims),
            tuple(activations),
            loss or "",
            init,
            int(seed),
            str(dtype),
            float(l2),
            float(l1),
            keep_prob,  # type: ignore[arg-type]  # (the spec makes it one float per layer)
            batch_norm,  # type: ignore[arg-type]  # (… and one bool per layer)
        )
        #: the generator of the dropout masks when a training forward pass is given none
        self.rng = np.random.RandomState(self.spec.seed)
        self.params: dict[str, Array] = (
            initialize_parameters(self.spec.layer_dims, init, seed, dtype, self.norm_layers)
            if params is None
            else {k: np.asarray(v, dtype=self.dtype) for k, v in params.items()}
        )
        self._check_params()
        self._pack_params()
        #: batch normalisation's running μ and σ² per normalised layer: "mean{l}", "var{l}"
        self.running: dict[str, Array] = self._fresh_running()
        if running is not None:
            for key, value in running.items():
                self.running[key][...] = value  # (KeyError for an unknown key)

    @classmethod
    def from_spec(
        cls,
        spec: NetworkSpec,
        params: dict[str, Array] | None = None,
        running: Mapping[str, Array] | None = None,
    ) -> Network:
        return cls(
            spec.layer_dims,
            spec.activations,
            spec.init,
            spec.seed,
            spec.dtype,
            spec.loss,
            spec.l2,
            params,
            spec.l1,
            spec.keep_prob,
            spec.batch_norm,
            running,
        )

    # -- basic facts -----------------------------------------------------------------------
    @property
    def layer_dims(self) -> tuple[int, ...]:
        return self.spec.layer_dims

    @property
    def activations(self) -> tuple[str, ...]:
        return self.spec.activations

    @property
    def loss(self) -> str:
        return self.spec.loss

    @property
    def L(self) -> int:
        return self.spec.L

    @property
    def dtype(self) -> np.dtype:
        return np.dtype(self.spec.dtype)

    @property
    def l2(self) -> float:
        return self.spec.l2

    @l2.setter
    def l2(self, value: float) -> None:
        self.spec = self.spec.replace(l2=float(value))

    @property
    def l1(self) -> float:
        return self.spec.l1

    @l1.setter
    def l1(self, value: float) -> None:
        self.spec = self.spec.replace(l1=float(value))

    @property
    def keep_prob(self) -> tuple[float, ...]:
        """Dropout's keep probability per hidden layer l = 1..L−1 (1: that layer keeps all)."""
        return self.spec.keep_prob

    @property
    def norm_layers(self) -> tuple[int, ...]:
        """The hidden layers l with batch normalisation."""
        return self.spec.batch_norm_layers()

    def _fresh_running(self) -> dict[str, Array]:
        running = {}
        for l in self.norm_layers:
            running[f"mean{l}"] = np.zeros((self.layer_dims[l], 1), dtype=self.dtype)
            running[f"var{l}"] = np.ones((self.layer_dims[l], 1), dtype=self.dtype)
        return running

    def shape_table(self, m: int) -> list[ShapeRow]:
        return self.spec.shape_table(m)

    def parameter_names(self) -> list[str]:
        """W1, b1, [gamma1, beta1,] W2, b2, … in the order of :attr:`params`."""
        return list(ParameterLayout(self.layer_dims, self.norm_layers).names)

    def copy(self) -> Network:
        params = {k: v.copy() for k, v in self.params.items()}
        return Network.from_spec(self.spec, params, {k: v.copy() for k, v in self.running.items()})

    def take_weights(self, params: Mapping[str, Array], stats: Mapping[str, Array] | None) -> None:
        """Copy ``params`` (and batch norm's running averages ``stats``) into this network."""
        for name, value in params.items():
            self.params[name] = np.array(value, copy=True)
        for name, value in (stats or {}).items():
            self.running[name][...] = value

    def reinitialize(self) -> None:
        """Draw the initial weights again from the spec's seed (same seed → same weights)."""
        self.params = initialize_parameters(
            self.layer_dims, self.spec.init, self.spec.seed, self.spec.dtype, self.norm_layers
        )
        self.rng = np.random.RandomState(self.spec.seed)
        self.running = self._fresh_running()
        self._pack_params()

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Network):
            return NotImplemented
        return (
            self.spec == other.spec
            and self.params.keys() == other.params.keys()
            and all(
                self.params[k].dtype == other.params[k].dtype
                and np.array_equal(self.params[k], other.params[k])
                for k in self.params
            )
            and self.running.keys() == other.running.keys()
            and all(np.array_equal(v, other.running[k]) for k, v in self.running.items())
        )

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        acts = ", ".join(self.activations)
        return f"Network({list(self.layer_dims)}, [{acts}], loss={self.loss}, {self.spec.dtype})"

    def _pack_params(self) -> None:
        """Copy the parameters into one contiguous buffer (the dict keeps views of it)."""
        layout = ParameterLayout(self.layer_dims, self.norm_layers)
        _flat, self.params = layout.pack(self.params, self.dtype)

    def _check_params(self) -> None:
        expected = {}
        for l in range(1, self.L + 1):
            expected[f"W{l}"] = (self.layer_dims[l], self.layer_dims[l - 1])
            expected[f"b{l}"] = (self.layer_dims[l], 1)
            if l in self.norm_layers:
                expected[f"gamma{l}"] = expected[f"beta{l}"] = (self.layer_dims[l], 1)
        if set(self.params) != set(expected):
            raise ValueError(f"parameters must be exactly {sorted(expected)}")
        for name, shape in expected.items():
            if self.params[name].shape != shape:
                raise ValueError(f"{name} must have shape {shape}, got {self.params[name].shape}")

    # -- data preparation --------------------------------------------------------------------
    def as_input(self, X: Array) -> Array:
        """X as an (n0, m) array of the network's dtype (no copy when it already is one)."""
        X = np.asarray(X)
        if X.ndim == 1:
            X = X.reshape(self.layer_dims[0], -1)
        if X.ndim != 2 or X.shape[0] != self.layer_dims[0]:
            raise TrainingDataError(
                f"X must have shape (n0, m) = ({self.layer_dims[0]}, m), got {X.shape}; "
                "samples go in columns",
                "X",
            )
        return np.asarray(X, dtype=self.dtype)

    def as_labels(self, Y: Array) -> Array:
        """Y as (n[L], m) in the network's dtype; integer class labels → one-hot for softmax."""
        labels = self._class_indices(Y)
        if labels is not None:
            onehot = np.zeros((self.layer_dims[-1], labels.size), dtype=self.dtype)
            onehot[labels, np.arange(labels.size)] = 1
            return onehot
        Y = np.asarray(Y)
        n_out = self.layer_dims[-1]
        if Y.ndim == 1:
            Y = Y.reshape(n_out, -1)
        if Y.ndim != 2 or Y.shape[0] != n_out:
            raise TrainingDataError(
                f"Y must have shape (n[L], m) = ({n_out}, m), got {Y.shape}", "Y"
            )
        return np.asarray(Y, dtype=self.dtype)

    def _class_indices(self, Y: Array) -> Array | None:
        """The class indices (m,) when ``as_labels`` would one-hot ``Y``, else None."""
        Y = np.asarray(Y)
        n_out = self.layer_dims[-1]
        if self.activations[-1] == "softmax" and (Y.ndim == 1 or Y.shape[0] == 1) and n_out > 1:
            labels = Y.reshape(-1).astype(np.int64)
            if labels.size and (
                labels.min() < 0 or labels.max() >= n_out or not np.array_equal(labels, Y.ravel())
            ):
                raise TrainingDataError(f"class labels must be whole numbers 0..{n_out - 1}", "Y")
            return labels
        return None

    # -- forward, cost, backward, update ------------------------------------------------------
    def forward(
        self,
        X: Array,
        training: bool = False,
        rng: np.random.RandomState | None = None,
        masks: Mapping[str, Array] | None = None,
        batch_stats: bool | None = None,
    ) -> tuple[Array, dict[str, Array]]:
        """Return A[L] (n[L], m) and the cache {"A0": X, "Z1", "A1", …, "ZL", "AL"}.

        With ``training=True`` inverted dropout acts: for each hidden layer l whose keep_prob
        is below 1, in order, ``D[l] = rng.rand(n[l], m) < keep_prob[l]`` and
        ``A[l] = A[l] * D[l] / keep_prob[l]``; the cache then also holds the mask ``"D{l}"``
        (bools, (n[l], m)) and ``"gZ{l}"``, g(Z[l]) before the mask, which g′ needs going
        back. ``rng`` defaults to :attr:`rng`; ``masks`` (``{"D1": …}``) replays given masks
        instead of drawing. Without ``training`` (prediction, evaluation, gradient check) no
        unit is dropped.

        A layer with batch normalisation has Z[l] = W[l]·A[l-1] (no b[l]), and the cache also
        holds ``"Znorm{l}"`` and ``"Ztilde{l}"`` (A[l] = g(Z̃[l])) with the μ and σ² used:
        ``"mu{l}"``, ``"var{l}"`` for the batch's (``batch_stats``, by default when training;
        training also updates :attr:`running`) or ``"running_mean{l}"``, ``"running_var{l}"``
        for the running averages (prediction, evaluation)."""
        A = self.as_input(X)
        cache = {"A0": A}
        keep = self.keep_prob if training else ()
        use_batch = training if batch_stats is None else batch_stats
        for l in range(1, self.L + 1):
            Z = self.params[f"W{l}"] @ A
            if l in self.norm_layers:  # Z̃[l] = γ[l] ⊙ Z_norm[l] + β[l]; A[l] = g(Z̃[l])
                Zt = forward_layer(cache, l, Z, self.params, self.running, use_batch, training)
                A = get_activation(self.activations[l - 1]).forward(Zt)
            else:
                Z += self.params[f"b{l}"]
                A = get_activation(self.activations[l - 1]).forward(Z)
            cache[f"Z{l}"] = Z
            if l < self.L and l <= len(keep) and keep[l - 1] < 1.0:
                if masks is not None:
                    D = np.asarray(masks[f"D{l}"], dtype=bool)
                else:
                    D = draw_mask(
                        self.rng if rng is None else rng, keep[l - 1], np.empty(A.shape, bool)
                    )
                cache[f"D{l}"] = D
                cache[f"gZ{l}"] = A
                A = apply_mask(A, D, keep[l - 1])
            cache[f"A{l}"] = A
        return A, cache

    def l2_cost(self, m: int) -> float:
        """The L2 term λ/(2m)·Σ_l ‖W[l]‖²_F (0.0 when λ = 0)."""
        if not self.l2:
            return 0.0
        total = sum(float(np.sum(np.square(self.params[f"W{l}"]))) for l in range(1, self.L + 1))
        return self.l2 / (2 * m) * total

    def l1_cost(self, m: int) -> float:
        """The L1 term λ₁/m·Σ_l Σ|W[l]| (0.0 when λ₁ = 0)."""
        if not self.l1:
            return 0.0
        total = sum(float(np.sum(np.abs(self.params[f"W{l}"]))) for l in range(1, self.L + 1))
        return self.l1 / m * total

    def penalty_cost(self, m: int) -> float:
        """The regularisation term of the cost: L2 term + L1 term (the biases b[l] are free)."""
        return self.l2_cost(m) + self.l1_cost(m)

    def cost(self, AL: Array, Y: Array) -> float:
        """J = (1/m) Σ L(ŷ, y) + λ/(2m) Σ‖W[l]‖² + λ₁/m Σ|W[l]| as a Python float."""
        check_labels(self, Y, AL.shape[1])
        Y = self.as_labels(Y)
        return get_loss(self.loss).cost(AL, Y) + self.penalty_cost(AL.shape[1])

    def output_dZ(self, AL: Array, Y: Array, ZL: Array) -> tuple[Array, Array]:
        """dA[L] and dZ[L]; for the matched pairs dZ[L] = A[L] − Y."""
        loss = get_loss(self.loss)
        dAL = loss.output_gradient(AL, Y)
        if loss.paired_activation == self.activations[-1]:
            dZL = AL - Y
        else:
            dZL = get_activation(self.activations[-1]).backward(dAL, ZL, AL)
        return dAL, dZL

    def backward(
        self, Y: Array, cache: dict[str, Array], need_input_grad: bool = False
    ) -> dict[str, Array]:
        """Gradients dW{l}, db{l}, dZ{l} for l = 1..L and dA{l} for l = 1..L.

        dA0 (the gradient with respect to X) is added only when ``need_input_grad`` is set.
        dW[l] = (1/m) dZ[l]·A[l-1]ᵀ (+ λ/m W[l]) (+ λ₁/m sign(W[l]), with sign(0) = 0),
        db[l] = (1/m) Σ_columns dZ[l],
        dA[l-1] = W[l]ᵀ·dZ[l], dZ[l] = dA[l] ⊙ g′(Z[l]).
        When the cache holds a dropout mask D[l] (a training forward pass), the same units are
        dropped going back: dA[l] = W[l+1]ᵀ·dZ[l+1] * D[l] / keep_prob[l]; A[l-1] is the
        cached (masked) activation and g′ is taken at g(Z[l]) before the mask.
        A layer with batch normalisation gets dZ̃[l] = dA[l] ⊙ g′(Z̃[l]), then dγ[l], dβ[l] and
        dZ[l] through the normalisation (:func:`.course2.batchnorm.batch_norm_backward`; the
        grads also hold ``"dZtilde{l}"``), and db[l] = 0.
        """
        L = self.L
        AL = cache[f"A{L}"]
        m = AL.shape[1]
        check_labels(self, Y, m)
        Y = self.as_labels(Y)
        dA, dZ = self.output_dZ(AL, Y, cache[f"Z{L}"])
        grads: dict[str, Array] = {f"dA{L}": dA}
        for l in range(L, 0, -1):
            W = self.params[f"W{l}"]
            grads[f"dZ{l}"] = dZ
            dW = (dZ @ cache[f"A{l - 1}"].T) / m
            if self.l2:
                dW += (self.l2 / m) * W
            if self.l1:
                dW += (self.l1 / m) * np.sign(W)
            grads[f"dW{l}"] = dW
            if l in self.norm_layers:
                grads[f"db{l}"] = np.zeros_like(self.params[f"b{l}"])  # b[l] is not used
            else:
                grads[f"db{l}"] = dZ.sum(axis=1, keepdims=True) / m
            if l > 1 or need_input_grad:
                dA = W.T @ dZ
                D = cache.get(f"D{l - 1}") if l > 1 else None
                if D is not None:
                    dA = apply_mask(dA, D, self.keep_prob[l - 2])
                grads[f"dA{l - 1}"] = dA
            if l > 1:
                act = get_activation(self.activations[l - 2])
                A_before = cache.get(f"gZ{l - 1}", cache[f"A{l - 1}"])
                if l - 1 in self.norm_layers:  # dZ̃ first, then through the normalisation
                    dZ_tilde = act.backward(dA, cache[f"Ztilde{l - 1}"], A_before)
                    dZ = backward_layer(cache, grads, l - 1, dZ_tilde, self.params)
                else:
                    dZ = act.backward(dA, cache[f"Z{l - 1}"], A_before)
        return grads

    def update(self, grads: dict[str, Array], learning_rate: float) -> None:
        """One plain gradient-descent step: W[l] −= α dW[l], b[l] −= α db[l] (in place)."""
        for name, value in self.params.items():
            value -= learning_rate * grads[f"d{name}"]

    # -- using the network ------------------------------------------------------------------
    def predict(self, X: Array) -> Array:
        """Classes as a (1, m) int array (threshold 0.5 for sigmoid, argmax for softmax),
        or the output values (n[L], m) for a linear output."""
        AL, _ = self.forward(X)
        return self.classes_from_output(AL)

    def classes_from_output(self, AL: Array) -> Array:
        out = self.activations[-1]
        if out == "softmax":
            return AL.argmax(axis=0).reshape(1, -1)
        if out == "sigmoid":
            return (AL > 0.5).astype(np.int64)
        return AL

    def accuracy(self, X: Array, Y: Array) -> float | None:
        """Fraction of correct classes, or None for a regression (linear) output."""
        AL, _ = self.forward(X)
        return output_accuracy(self, AL, Y)


def output_accuracy(net: Network, AL: Array, Y: Array) -> float | None:
    """Accuracy of the output AL (n[L], m) against labels Y; None for regression."""
    out = net.activations[-1]
    if out == "linear":
        return None
    predicted = net.classes_from_output(AL).reshape(-1)
    Y = np.asarray(Y)
    if out == "softmax":
        truth = Y.argmax(axis=0) if Y.ndim == 2 and Y.shape[0] > 1 else Y.reshape(-1)
    else:
        truth = (Y.reshape(-1) > 0.5).astype(np.int64)
    return float(np.mean(predicted == truth)) if truth.size else None
