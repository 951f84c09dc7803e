"""Export a trained network as a standalone, readable NumPy script plus its weights.

:func:`export_numpy_script` writes ``model.py`` and, next to it, ``model.npz`` holding
``W1, b1, …, WL, bL`` (and the standardiser's ``mean`` and ``std`` when given). The script needs
nothing but NumPy; its ``forward(X)`` is the forward pass in the course's notation, one line
per formula, with the same operations in the same order as the engine, so ``predict(X)`` returns
exactly what ``Network.predict`` returns. Run as ``python model.py data.csv`` it prints one
prediction per row. Each activation's function is the ``source`` of its entry in the engine's
registry (:data:`nnstudio.engine.activations.ACTIVATIONS`).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from ..data import FEATURES, RAW_INPUTS, check_features, feature_labels
from ..engine import BATCH_NORM_EPSILON, Network, get_activation
from ..text import translate

PREDICT_CODE = {
    "sigmoid": (
        "    # one sigmoid output: the probability of class 1; predict 1 when it is above 0.5\n"
        "    return (AL > 0.5).astype(np.int64)\n"
    ),
    "softmax": (
        "    # softmax: one probability per class (row); predict the most probable class\n"
        "    return AL.argmax(axis=0).reshape(1, -1)\n"
    ),
    "linear": "    # a linear output is the predicted value itself\n    return AL\n",
}


def _shape(*dims: object) -> str:
    return "(" + ", ".join(str(d) for d in dims) + ")"


def script_source(
    net: Network,
    weights_name: str,
    standardized: bool = False,
    class_names: Sequence[str] | None = None,
    features: Sequence[str] | None = None,
) -> str:
    """The text of the script for ``net``; it reads its weights from ``weights_name`` (a file
    name in the script's folder). ``features``: the keys of the input features (made from two
    inputs) the network is fed, or None for the inputs as they are."""
    keys = None if features is None else check_features(features)
    out = net.activations[-1]
    if out not in PREDICT_CODE:
        raise ValueError(
            translate(
                "ExportScript", "a {name!r} output layer cannot be exported to a script yet"
            ).format(name=out)
        )
    dims, L = net.layer_dims, net.L
    acts = ", ".join(net.activations)
    lines: list[str] = []
    add = lines.append
    add("#!/usr/bin/env python3")
    add(f'"""A {L}-layer neural network exported from NN Studio.')
    add("")
    add(f"Layer sizes n[0], …, n[{L}] = {list(dims)}; activations g[1], …, g[{L}] = {acts}.")
    add(f"Loss used in training: {net.loss}. Precision: {net.spec.dtype}.")
    add("")
    add("Notation of the deeplearning.ai course, one sample per column:")
    add("    A[0] = X                      (n[0], m)")
    add("    Z[l] = W[l]·A[l-1] + b[l]     (n[l], m)   W[l] (n[l], n[l-1]), b[l] (n[l], 1)")
    add("    A[l] = g[l](Z[l])             (n[l], m)")
    add(f"    Ŷ = A[{L}]")
    if net.spec.uses_dropout:
        keep = ", ".join(f"{k:g}" for k in net.keep_prob)
        add(f"Dropout (keep_prob {keep} for layers 1..{L - 1}) acts only while training: a")
        add("prediction uses every unit, so it appears nowhere below.")
    add(f"The parameters W1, b1, …, W{L}, b{L} are read from {weights_name} next to this file.")
    add("")
    add("Usage:")
    add("    python this_script.py data.csv   prints one prediction per row (sample) of data.csv")
    add("    predict(X), forward(X)           X of shape (n[0], m): one sample per column")
    add("Needs only NumPy.")
    add('"""')
    add("")
    add("import csv")
    add("import sys")
    add("from pathlib import Path")
    add("")
    add("import numpy as np")
    add("")
    add(f"DTYPE = np.{net.spec.dtype}")
    add(f"WEIGHTS_FILE = Path(__file__).with_name({weights_name!r})")
    add(f"N_INPUTS = {dims[0] if keys is None else RAW_INPUTS}")
    names = list(class_names) if class_names is not None else None
    add(f"CLASS_NAMES = {names!r}")
    add("")
    add("with np.load(WEIGHTS_FILE, allow_pickle=False) as _saved:")
    norm = net.norm_layers
    for l in range(1, L + 1):
        add(f'    W{l} = _saved["W{l}"]  # W[{l}] {_shape(dims[l], dims[l - 1])}')
        add(f'    b{l} = _saved["b{l}"]  # b[{l}] {_shape(dims[l], 1)}')
        if l in norm:  # γ, β and the running μ, σ² of batch normalisation, each (n[l], 1)
            for name in (f"gamma{l}", f"beta{l}", f"running_mean{l}", f"running_var{l}"):
                add(f'    {name} = _saved["{name}"]  # {_shape(dims[l], 1)}')
    if standardized:
        add('    MEAN = _saved["mean"]  # μ (n[0], 1): feature means of the training data')
        add('    STD = _saved["std"]  # σ (n[0], 1): their standard deviations')
    add("")
    add("")
    for act in dict.fromkeys(net.activations):
        add(get_activation(act).source)
        add("")
    add("def as_input(X):")
    add('    """X as an (n[0], m) array: one sample per column."""')
    add("    X = np.asarray(X)")
    add("    if X.ndim == 1:")
    add("        X = X.reshape(N_INPUTS, -1)")
    add("    if X.shape[0] != N_INPUTS:")
    add('        raise ValueError(f"X must have shape ({N_INPUTS}, m), one sample per column")')
    add("    return X")
    add("")
    add("")
    if keys is not None:
        labels = ", ".join(feature_labels(keys))
        add("def input_features(X):")
        add(f'    """The network\'s inputs made from x1, x2 (the rows of X): {labels}."""')
        add("    X = np.asarray(X, dtype=np.float64)")
        add("    x1, x2 = X[0], X[1]")
        add("    return np.stack([" + ", ".join(FEATURES[k].source for k in keys) + "])")
        add("")
        add("")
    if standardized:
        add("def standardize(X):")
        add('    """x ← (x − μ) / σ, the scaling the network was trained with."""')
        add("    return (np.asarray(X, dtype=np.float64) - MEAN) / STD")
        add("")
        add("")
    add("def forward(X):")
    raw = "raw features; they are standardised first" if standardized else "features"
    n_in = dims[0] if keys is None else RAW_INPUTS
    add(f'    """Ŷ = A[{L}] {_shape(dims[L], "m")} for X {_shape(n_in, "m")} ({raw})."""')
    inputs = "standardize(as_input(X))" if standardized else "as_input(X)"
    if keys is not None:
        inputs = f"input_features({inputs})"
        add(f"    # A[0] {_shape(dims[0], 'm')}: the input features made from X")
    add(f"    A0 = np.asarray({inputs}, dtype=DTYPE)")
    for l in range(1, L + 1):
        n, n_prev = dims[l], dims[l - 1]
        act = net.activations[l - 1]
        add(f"    # layer {l}: Z[{l}] = W[{l}]·A[{l - 1}] + b[{l}]")
        add(
            f"    #   {_shape(n, 'm')} = {_shape(n, n_prev)}·{_shape(n_prev, 'm')} + {_shape(n, 1)}"
        )
        if l in norm:  # batch normalisation with the running averages (b[l] is not used)
            add(f"    Z{l} = W{l} @ A{l - 1}  # batch norm: no b[{l}]")
            eps = repr(BATCH_NORM_EPSILON)
            add(f"    Z{l}_norm = (Z{l} - running_mean{l}) / np.sqrt(running_var{l} + {eps})")
            add(f"    Z{l}_tilde = gamma{l} * Z{l}_norm + beta{l}")
            add(f"    A{l} = {act}(Z{l}_tilde)  # A[{l}] = g[{l}](Z̃[{l}]), g[{l}] = {act}")
            continue
        add(f"    Z{l} = W{l} @ A{l - 1} + b{l}")
        add(f"    A{l} = {act}(Z{l})  # A[{l}] = g[{l}](Z[{l}]), g[{l}] = {act}")
    add(f"    return A{L}")
    add("")
    add("")
    add("def predict(X):")
    if out == "linear":
        add(f'    """Predicted values {_shape(dims[L], "m")} for X {_shape(n_in, "m")}."""')
    else:
        add(f'    """Predicted classes (1, m), as integers, for X {_shape(n_in, "m")}."""')
    add("    AL = forward(X)")
    lines.extend(PREDICT_CODE[out].rstrip("\n").split("\n"))
    add("")
    add("")
    add(MAIN_CODE)
    return "\n".join(lines)


MAIN_CODE = '''def read_csv(path):
    """The first N_INPUTS numbers of every row of a CSV file as X (n[0], m); a first row that
    is not numeric (a header) is skipped."""
    rows = []
    with open(path, newline="", encoding="utf-8-sig") as stream:
        for number, row in enumerate(csv.reader(stream)):
            if not row or not "".join(row).strip():
                continue
            try:
                values = [float(cell) for cell in row[:N_INPUTS]]
            except ValueError:
                if number == 0 and not rows:
                    continue  # a header
                raise ValueError(f"row {number + 1} of {path} holds something not a number")
            if len(values) < N_INPUTS:
                raise ValueError(f"row {number + 1} of {path} has fewer than {N_INPUTS} numbers")
            rows.append(values)
    return np.ascontiguousarray(np.array(rows, dtype=np.float64).reshape(-1, N_INPUTS).T)


def main(argv):
    if len(argv) != 2:
        print(f"usage: python {Path(argv[0]).name} data.csv", file=sys.stderr)
        return 2
    predictions = predict(read_csv(argv[1]))
    for column in predictions.T:
        if predictions.dtype.kind == "i":
            k = int(column[0])
            print(f"{k}\\t{CLASS_NAMES[k]}" if CLASS_NAMES else k)
        else:
            print("\\t".join(f"{value:.10g}" for value in column))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
'''


def mean_std(standardizer: Any) -> tuple[np.ndarray, np.ndarray] | None:
    """(μ, σ) as float64 (n0, 1) from a Standardizer or a (mean, std) pair; None if identity."""
    if standardizer is None:
        return None
    if isinstance(standardizer, tuple):
        mean, std = standardizer
    else:
        if not getattr(standardizer, "fitted", True) or getattr(standardizer, "is_identity", False):
            return None
        mean, std = standardizer.mean, standardizer.std
    return (
        np.asarray(mean, dtype=np.float64).reshape(-1, 1),
        np.asarray(std, dtype=np.float64).reshape(-1, 1),
    )


def export_numpy_script(
    net: Network,
    path_py: str | os.PathLike[str],
    standardizer: Any = None,
    class_names: Sequence[str] | None = None,
    features: Sequence[str] | None = None,
) -> tuple[Path, Path]:
    """Write the script to ``path_py`` and the weights to the same name with ``.npz``.

    standardizer: a fitted ``nnstudio.data.Standardizer`` or a (μ, σ) pair of (n0, 1) arrays
    that the network's inputs were scaled with; the script then applies it to raw inputs.
    features: the keys of the input features the network is fed (``nnstudio.data.FEATURES``),
    made in the script from the two (scaled) inputs; None when it is fed the inputs themselves.
    Returns (script path, weights path).
    """
    script = Path(path_py)
    if script.suffix != ".py":
        script = script.with_name(script.name + ".py")
    weights = script.with_suffix(".npz")
    scaling = mean_std(standardizer)
    n_in = net.layer_dims[0] if features is None else RAW_INPUTS
    if features is not None and len(features) != net.layer_dims[0]:
        raise ValueError(f"{len(features)} input features for {net.layer_dims[0]} network inputs")
    if scaling is not None and scaling[0].shape != (n_in, 1):
        raise ValueError(
            f"the standardiser has {scaling[0].shape[0]} features but the network {n_in} inputs"
        )
    text = script_source(net, weights.name, scaling is not None, class_names, features)
    arrays = {name: net.params[name] for name in net.parameter_names()}
    arrays |= {f"running_{name}": value for name, value in net.running.items()}
    if scaling is not None:
        arrays["mean"], arrays["std"] = scaling
    with open(weights, "wb") as stream:
        np.savez(stream, **arrays)  # type: ignore[arg-type]
    script.write_text(text, encoding="utf-8")
    return script, weights
