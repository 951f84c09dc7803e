"""A network as a readable PyTorch script plus its weights in a pickle-free ``.npz`` file.

:func:`export_pytorch_script` writes ``OUT.py`` and ``OUT.npz`` (``W1, b1, …, WL, bL`` in the
course's shapes, and ``mean``/``std`` when the inputs are standardised). The script builds the
layers as an ``nn.Sequential`` in the course's order, with each layer's shapes in comments,
loads the weights with ``numpy.load(…, allow_pickle=False)`` and ``torch.from_numpy``, prepares
raw inputs as NN Studio does (standardisation, then the input features) and, run as
``python OUT.py DATA.csv``, prints the CSV ``nnstudio-cli predict`` prints. Its
``continue_training`` is a short loop with the loss and the optimizer the model was trained with.
"""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np

from ..data import FEATURES, feature_labels
from ..engine import BATCH_NORM_EPSILON as BN_EPSILON
from .layers import BATCH_NORM_MOMENTUM as BN_MOMENTUM
from .layers import ExportPlan
from .pytorch_text import (
    LOSS_CODE,
    MAIN_CODE,
    TORCH_ACTIVATIONS,
    batch_order_code,
    decay_code,
    optimizer_code,
    predictions_code,
)


def pytorch_source(plan: ExportPlan, weights_name: str) -> str:
    """The text of the script; it reads its weights from ``weights_name`` beside it."""
    net = plan.network
    dims, L = net.layer_dims, net.L
    for act in net.activations:
        if act not in TORCH_ACTIVATIONS:
            raise ValueError(f"the activation {act!r} has no PyTorch module")
    if net.loss not in LOSS_CODE:
        raise ValueError(f"the loss {net.loss!r} has no PyTorch form")
    lines: list[str] = []
    add = lines.append
    add("#!/usr/bin/env python3")
    add(f'"""A {L}-layer neural network exported from NN Studio, as PyTorch.')
    add("")
    add(
        f"Layer sizes n[0], …, n[{L}] = {list(dims)}; activations g[1], …, g[{L}] = "
        f"{', '.join(net.activations)}."
    )
    add(f"Loss: {net.loss}. Precision: {net.spec.dtype}.")
    add("")
    add("The course writes one sample per column: A[0] = X (n[0], m), Z[l] = W[l]·A[l-1] + b[l],")
    add("A[l] = g[l](Z[l]). PyTorch puts one sample per row, so its tensors are the transposes")
    add("(m, n[l]); nn.Linear(n[l-1], n[l]) keeps W[l] as its weight in the course's shape")
    add("(n[l], n[l-1]) and b[l] as its bias (n[l],), and computes Z[l]ᵀ = A[l-1]ᵀ·W[l]ᵀ + b[l]ᵀ.")
    norm_layers = [layer.index for layer in plan.layers() if layer.batch_norm]
    if norm_layers:
        kept, new = f"{BN_MOMENTUM!r}", f"{1.0 - BN_MOMENTUM:.6g}"
        add("")
        numbers = ", ".join(map(str, norm_layers))
        add(f"Batch normalisation on layer(s) {numbers}: Z[l] = W[l]·A[l-1] without b[l],")
        add("Z̃[l] = γ[l] ⊙ (Z[l] − μ) / √(σ² + ε) + β[l], A[l] = g[l](Z̃[l]): an nn.BatchNorm1d")
        add("between nn.Linear and g[l]. Training normalises with the batch's μ")
        add("and σ², prediction with the running averages NN Studio kept, which it updates as")
        add(f"running = {kept}·running + {new}·batch value. PyTorch writes that as")
        add(f"running = (1 − momentum)·running + momentum·batch value: momentum = {new}.")
        add("(PyTorch folds the unbiased m/(m − 1)·σ² into running_var where NN Studio folds")
        add("σ², so the running variances drift apart a little when training further here;")
        add("W, γ and β train the same.)")
    drops = [layer for layer in plan.layers() if layer.keep_prob < 1.0]
    if drops:
        add("")
        add("Inverted dropout while training, with keep_prob[l] =")
        add(", ".join(f"{layer.keep_prob!r} (layer {layer.index})" for layer in drops) + ":")
        add("nn.Dropout(p = 1 − keep_prob) after g[l] zeroes units at random and scales the")
        add("kept ones by 1/keep_prob, as NN Studio does (with its own random numbers);")
        add("network.train(False) turns it off for predictions.")
    add("")
    add(f"The parameters are read from {weights_name} beside this file (plain NumPy arrays).")
    add("")
    add("Usage:")
    add("    python this_script.py data.csv   prints the predictions as CSV, one row per sample,")
    add("                                     as nnstudio-cli predict prints them")
    add("    predict(X)                       X (m, n_inputs) raw inputs, one sample per row")
    add("    continue_training(X, Y)          trains further with the loss and optimizer used")
    add('"""')
    add("")
    add("import csv")
    add("import sys")
    add("from pathlib import Path")
    add("")
    add("import numpy as np")
    add("import torch")
    add("from torch import nn")
    add("")
    add(f"DTYPE = torch.{net.spec.dtype}")
    add(f"WEIGHTS_FILE = Path(__file__).with_name({weights_name!r})")
    add("# the raw inputs: the columns of a CSV file, in this order")
    add(f"INPUT_NAMES = {list(plan.input_names)!r}")
    add(f"OUTPUT_NAMES = {plan.output_names()!r}")
    add(f"OUTPUT_KIND = {plan.output_kind!r}")
    add("")
    add("")
    add("def build_network():")
    add('    """The layers in the course\'s order: layer l is nn.Linear (W[l], b[l]) then g[l]."""')
    add("    return nn.Sequential(")
    for layer in plan.layers():
        add(f"        # layer {layer.index}: {layer.shape_comment()}")
        l = layer.index
        if layer.batch_norm:
            add(
                f"        nn.Linear({layer.inputs}, {layer.units}, bias=False),"
                f"  # W[{l}] {layer.W_shape}; batch norm replaces b[{l}] with β[{l}]"
            )
            add(
                f"        nn.BatchNorm1d({layer.units}, eps={BN_EPSILON!r}, "
                f"momentum={1.0 - BN_MOMENTUM:.6g}),  # γ[{l}], β[{l}] ({layer.units},)"
            )
        else:
            add(
                f"        nn.Linear({layer.inputs}, {layer.units}),"
                f"  # W[{l}] {layer.W_shape}, b[{l}] ({layer.units},)"
            )
        module = TORCH_ACTIVATIONS[layer.activation]
        if module:
            add(f"        {module},  # g[{l}] = {layer.activation}")
        else:
            add(f"        # g[{l}] = linear: A[{l}] = Z[{l}]")
        if layer.keep_prob < 1.0:
            add(
                f"        nn.Dropout(p={1.0 - layer.keep_prob:.6g}),"
                f"  # inverted dropout, keep_prob[{l}] = {layer.keep_prob!r} (training only)"
            )
    add("    )")
    add("")
    add("")
    add("network = build_network().to(DTYPE)")
    add("LINEAR_LAYERS = [module for module in network if isinstance(module, nn.Linear)]")
    norms = [layer.index for layer in plan.layers() if layer.batch_norm]
    if norms:
        add("# the layers l with batch normalisation, and their nn.BatchNorm1d modules")
        add(f"NORM_LAYER_NUMBERS = {norms!r}")
        add("NORM_LAYERS = [module for module in network if isinstance(module, nn.BatchNorm1d)]")
    add("with np.load(WEIGHTS_FILE, allow_pickle=False) as saved:")
    add("    with torch.no_grad():")
    add("        for l, linear in enumerate(LINEAR_LAYERS, start=1):")
    add('            linear.weight.copy_(torch.from_numpy(saved[f"W{l}"]))  # W[l] (n[l], n[l-1])')
    add("            if linear.bias is not None:")
    add('                linear.bias.copy_(torch.from_numpy(saved[f"b{l}"].reshape(-1)))  # b[l]')
    if norms:
        add("        for l, norm in zip(NORM_LAYER_NUMBERS, NORM_LAYERS):")
        add('            gamma, beta = saved[f"gamma{l}"], saved[f"beta{l}"]  # γ[l], β[l]')
        add("            # the running μ[l] and σ²[l] (n[l], 1) that prediction normalises with")
        add('            mean, var = saved[f"running_mean{l}"], saved[f"running_var{l}"]')
        add("            norm.weight.copy_(torch.from_numpy(gamma.reshape(-1)))")
        add("            norm.bias.copy_(torch.from_numpy(beta.reshape(-1)))")
        add("            norm.running_mean.copy_(torch.from_numpy(mean.reshape(-1)))")
        add("            norm.running_var.copy_(torch.from_numpy(var.reshape(-1)))")
    if plan.standardized:
        add('    MEAN = saved["mean"].reshape(-1)  # μ: the training inputs\' means')
        add('    STD = saved["std"].reshape(-1)  # σ: their standard deviations')
    if norms or net.spec.uses_dropout:
        add("network.train(False)  # inference mode: no dropout, batch norm's running μ and σ²")
    else:
        add("network.train(False)  # inference mode (there is no dropout or batch norm to switch)")
    add("")
    add("")
    add("def prepare(X):")
    add('    """A[0]ᵀ (m, n[0]) for raw inputs X (m, n_inputs), as NN Studio prepares them."""')
    add("    A0 = np.asarray(X, dtype=np.float64)")
    if plan.standardized:
        add("    A0 = (A0 - MEAN) / STD  # standardised: x ← (x − μ) / σ")
    if plan.features is not None:
        labels = ", ".join(feature_labels(plan.features))
        add(f"    # the input features made from the two inputs: {labels}")
        add("    x1, x2 = A0[:, 0], A0[:, 1]")
        sources = ", ".join(FEATURES[key].source for key in plan.features)
        add(f"    A0 = np.stack([{sources}], axis=1)")
    add(f"    return torch.from_numpy(np.ascontiguousarray(A0)).to(DTYPE)  # (m, {dims[0]})")
    add("")
    add("")
    add("def forward(X):")
    add(f'    """Ŷ = A[{L}]ᵀ (m, {dims[-1]}) for raw inputs X (m, {plan.n_inputs})."""')
    add("    with torch.no_grad():")
    add("        return network(prepare(X)).numpy()")
    add("")
    add("")
    lines.extend(predictions_code(plan.output_kind).rstrip("\n").split("\n"))
    add("")
    add("")
    add(LOSS_CODE[net.loss].rstrip("\n"))
    add("")
    add("")
    lines.extend(training_code(plan).rstrip("\n").split("\n"))
    add("")
    add("")
    add(MAIN_CODE.rstrip("\n"))
    add("")
    return "\n".join(lines)


def training_code(plan: ExportPlan) -> str:
    """``continue_training``: the loss, the L2/L1 terms and the optimizer the model used."""
    net, hp = plan.network, plan.hyperparameters or {}
    epochs = int(hp.get("epochs", 100) or 100)
    batch = int(hp.get("batch_size", 0) or 0)
    labels = {
        "binary": "0/1 labels (m,)",
        "multiclass": "class indices (m,)",
        "regression": f"target values (m, {net.layer_dims[-1]})",
    }[plan.output_kind]
    penalty = []
    if net.l2:
        penalty.append(
            f"        J = J + {net.l2!r} / (2 * m) * sum((linear.weight ** 2).sum() "
            "for linear in LINEAR_LAYERS)  # L2: λ/(2m)·Σ‖W[l]‖²"
        )
    if net.l1:
        penalty.append(
            f"        J = J + {net.l1!r} / m * sum(linear.weight.abs().sum() "
            "for linear in LINEAR_LAYERS)  # L1: λ₁/m·Σ|W[l]|"
        )
    decay = decay_code(hp)
    body = [
        batch_order_code(hp),
        "",
        *([decay, ""] if decay else []),
        "# the learning rate each epoch of continue_training used (PyTorch's lr: for momentum",
        "# that is α·(1 − β), see the optimizer)",
        "LEARNING_RATES = []",
        "",
        "",
        f"def continue_training(X, Y, epochs={epochs}, batch_size={batch}):",
        '    """Train the network further in PyTorch, as NN Studio trained it.',
        "",
        f"    X: raw inputs (m, {plan.n_inputs}), one sample per row; Y: {labels}.",
        "    batch_size 0 takes all m samples in every update; smaller mini-batches take the",
        "    samples in batch_order(epoch, m). Returns the last cost J.",
        "    Afterwards predict(X) uses the trained weights; save them with e.g.",
        '    np.savez(WEIGHTS_FILE, **{f"W{l}": linear.weight.detach().numpy() for …}).',
        *(
            [
                "    (and γ, β, the running μ, σ² from NORM_LAYERS as gamma{l}, beta{l},",
                "    running_mean{l}, running_var{l}). PyTorch refuses to batch-normalise a",
                "    mini-batch of one sample: choose a batch_size that leaves none over.",
            ]
            if plan.spec.uses_batch_norm
            else []
        ),
        '    """',
        "    A0 = prepare(X)",
        "    Y = labels_tensor(Y)",
        "    m_all = A0.shape[0]",
        optimizer_code(str(hp.get("optimizer", "gd")), hp),
        *(
            ["    schedule = torch.optim.lr_scheduler.LambdaLR(optimizer, rate_factor)"]
            if decay
            else []
        ),
        "    network.train(True)  # dropout on, batch norm with each batch's μ and σ²",
        "    J = torch.zeros(())",
        "    for epoch in range(epochs):",
        '        LEARNING_RATES.append(optimizer.param_groups[0]["lr"])',
        "        if not batch_size or batch_size >= m_all:",
        "            batches = [torch.arange(m_all)]  # one batch of all m samples",
        "        else:",
        "            batches = batch_order(epoch, m_all).split(batch_size)",
        "        for batch in batches:",
        "            optimizer.zero_grad()",
        "            AL = network(A0[batch])",
        "            J = cost(AL, Y[batch])",
        *(["            m = AL.shape[0]"] if penalty else []),
        *["    " + line for line in penalty],
        "            J.backward()  # dW[l], db[l] (and dγ[l], dβ[l]) into each parameter's .grad",
        "            optimizer.step()",
        *(["        schedule.step()  # the rate of the next epoch"] if decay else []),
        "    network.train(False)",
        "    return float(J)",
    ]
    return "\n".join(body) + "\n"


def export_pytorch_script(plan: ExportPlan, path_py: str | os.PathLike[str]) -> tuple[Path, Path]:
    """Write the script to ``path_py`` (``.py`` added when missing) and the weights to the same
    name with ``.npz``. Returns (script path, weights path)."""
    script = Path(path_py)
    if script.suffix != ".py":
        script = script.with_name(script.name + ".py")
    weights = script.with_suffix(".npz")
    text = pytorch_source(plan, weights.name)
    arrays = dict(plan.parameters())
    arrays.update(plan.running_statistics())
    if plan.mean is not None and plan.std is not None:
        arrays["mean"], arrays["std"] = plan.mean, plan.std
    with open(weights, "wb") as stream:
        np.savez(stream, **arrays)  # type: ignore[arg-type]
    script.write_text(text, encoding="utf-8")
    return script, weights
