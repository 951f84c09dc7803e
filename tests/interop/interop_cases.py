"""Networks for the interop tests: every activation, loss and precision, with and without the
standardisation and the input features."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from nnstudio.engine import Network, NetworkSpec
from nnstudio.interop import ExportPlan, plan_for

EXAMPLES = sorted(
    (Path(__file__).resolve().parents[2] / "resources" / "examples").glob("*.nnstudio")
)

# (hidden activations, output activation, outputs): every hidden activation, each output kind
SHAPES = [
    (("relu", "tanh"), "sigmoid", 1),
    (("sigmoid", "leaky_relu"), "softmax", 3),
    (("tanh", "linear"), "linear", 1),
    (("leaky_relu",), "linear", 2),
    (("relu",), "softmax", 4),
]


def make_plan(
    hidden: tuple[str, ...],
    output: str,
    n_out: int,
    dtype: str = "float64",
    standardize: bool = False,
    features: tuple[str, ...] | None = None,
    seed: int = 3,
    batch_norm: bool | tuple[bool, ...] = False,
    keep_prob: float | tuple[float, ...] = 1.0,
    hyperparameters: dict | None = None,
) -> ExportPlan:
    """A network with random (not trained, but far from zero) weights and its preparation.
    Layers with ``batch_norm`` get random γ, β and running μ, σ² (σ² > 0) and keep b at 0, as
    the engine does."""
    n_in = 2 if features is None else len(features)
    n_raw = 2 if features is not None else n_in
    dims = (n_in, *([5] * len(hidden)), n_out)
    spec = NetworkSpec(
        dims,
        (*hidden, output),
        init="he",
        seed=seed,
        dtype=dtype,
        batch_norm=batch_norm,
        keep_prob=keep_prob,
    )
    net = Network.from_spec(spec)
    rs = np.random.RandomState(seed)
    for name in net.parameter_names():
        net.params[name][...] = rs.randn(*net.params[name].shape)
    for l in net.norm_layers:
        net.params[f"b{l}"][...] = 0.0
        net.running[f"mean{l}"][...] = rs.randn(dims[l], 1) * 2.0
        net.running[f"var{l}"][...] = rs.uniform(0.2, 5.0, (dims[l], 1))
    scaling = None
    if standardize:
        scaling = (rs.randn(n_raw, 1), rs.uniform(0.5, 2.0, (n_raw, 1)))
    classes = [f"class {k}" for k in range(max(n_out, 2))] if output != "linear" else []
    return plan_for(net, scaling, features, ("first", "second"), classes, hyperparameters)


# (hidden activations, output activation, outputs, batch norm per hidden layer)
BATCH_NORM_SHAPES = [
    (("relu", "tanh"), "sigmoid", 1, (True, True)),
    (("sigmoid", "leaky_relu"), "softmax", 3, (False, True)),
    (("tanh",), "linear", 2, (True,)),
]


def save_batch_norm_model(folder: Path, example: Path) -> Path:
    """``example`` (an example model file) with batch norm on every hidden layer, keep_prob 0.8,
    random W, γ, β (b[l] 0 where normalised) and running statistics from one training pass over
    its data, saved in ``folder``; returns its path."""
    from nnstudio.files import load_model, save_model

    model = load_model(example)
    hidden = model.network.L - 1
    spec = model.network.spec.replace(batch_norm=(True,) * hidden, keep_prob=(0.8,) * hidden)
    net = Network.from_spec(spec)
    rs = np.random.RandomState(7)
    unused = {f"b{l}" for l in net.norm_layers}  # kept at 0 by the engine
    for name in sorted(set(net.parameter_names()) - unused):
        net.params[name][...] = rs.randn(*net.params[name].shape)
    net.forward(model.network_inputs(model.dataset.X), training=True)  # running statistics
    assert net.norm_layers and all((net.running[f"var{l}"] != 1).all() for l in net.norm_layers)
    return save_model(
        folder / f"{example.stem}-bn.nnstudio",
        net,
        dataset=model.dataset,
        hyperparameters=model.hyperparameters,
        standardizer=model.standardizer,
        input_features=model.input_features,
    )


def raw_inputs(plan: ExportPlan, m: int = 64, seed: int = 0) -> np.ndarray:
    """Raw X (n_in, m), one sample per column."""
    return np.random.RandomState(seed).randn(plan.n_inputs, m) * 2.0


def engine_output(plan: ExportPlan, X: np.ndarray) -> np.ndarray:
    """A[L] (n[L], m) as the engine computes it for raw X."""
    AL, _ = plan.network.forward(plan.network_inputs(X))
    return AL


def write_inputs_csv(path: Path, names: tuple[str, ...], X: np.ndarray) -> Path:
    """X (n, m) as a CSV file with a header row naming the n inputs, one sample per row."""
    lines = [",".join(names)]
    lines += [",".join(repr(float(v)) for v in column) for column in X.T]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def read_predictions(text: str) -> tuple[list[str], list[list[str]]]:
    """(header, rows) of the CSV ``nnstudio-cli predict`` prints."""
    rows = [line.split(",") for line in text.strip().splitlines()]
    return rows[0], rows[1:]


def assert_same_predictions(expected: str, got: str, tolerance: float) -> None:
    """The same header, the same classes (first column of a classifier) and numbers equal to
    ``tolerance`` (relative to values above 1)."""
    head, rows = read_predictions(expected)
    got_head, got_rows = read_predictions(got)
    assert got_head == head
    assert len(got_rows) == len(rows)
    classifier = head[0] == "prediction" and len(head) > 1 and head[1].startswith("p(")
    for want, have in zip(rows, got_rows, strict=True):
        numbers = slice(1, None) if classifier else slice(0, None)
        if classifier:
            assert have[0] == want[0]
        a = np.array([float(v) for v in want[numbers]])
        b = np.array([float(v) for v in have[numbers]])
        np.testing.assert_allclose(b, a, rtol=tolerance, atol=tolerance)
