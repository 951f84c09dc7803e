"""The pieces of text the PyTorch script is made of: one entry per activation, loss, optimizer
and kind of output, keyed by the strings the model file stores (see :mod:`.pytorch_script`)."""

from __future__ import annotations

from typing import Any

from ..engine import LEAKY_SLOPE, make_optimizer

#: activation key → the PyTorch module after nn.Linear ("" for linear: A[l] = Z[l])
TORCH_ACTIVATIONS = {
    "sigmoid": "nn.Sigmoid()",
    "tanh": "nn.Tanh()",
    "relu": "nn.ReLU()",
    "leaky_relu": f"nn.LeakyReLU({LEAKY_SLOPE!r})",
    "softmax": "nn.Softmax(dim=1)",  # over the units of each row (sample)
    "linear": "",
}

#: loss key → ``labels_tensor`` (Y as the network's output) and ``cost`` (J without penalties)
LOSS_CODE = {
    "binary_cross_entropy": '''def labels_tensor(Y):
    """0/1 labels (m,) as rows (m, 1) like the network's output."""
    Y = np.asarray(Y, dtype=np.float64)
    return torch.from_numpy(Y.reshape(Y.shape[0], -1)).to(DTYPE)


def cost(AL, Y):
    """Binary cross-entropy J = −(1/m) Σ [y log ŷ + (1 − y) log(1 − ŷ)], ŷ kept off 0 and 1."""
    eps = torch.finfo(DTYPE).eps
    p = AL.clamp(eps, 1.0 - eps)
    return -(Y * torch.log(p) + (1.0 - Y) * torch.log1p(-p)).sum() / AL.shape[0]
''',
    "categorical_cross_entropy": '''def labels_tensor(Y):
    """Class indices (m,) as one-hot rows (m, K) like the network's output."""
    Y = torch.as_tensor(np.asarray(Y).reshape(-1).astype(np.int64))
    return nn.functional.one_hot(Y, len(OUTPUT_NAMES)).to(DTYPE)


def cost(AL, Y):
    """Categorical cross-entropy J = −(1/m) Σ Σ y log ŷ."""
    eps = torch.finfo(DTYPE).eps
    return -(Y * torch.log(AL.clamp_min(eps))).sum() / AL.shape[0]
''',
    "mse": '''def labels_tensor(Y):
    """Target values as rows (m, n[L]) like the network's output."""
    Y = np.asarray(Y, dtype=np.float64)
    return torch.from_numpy(Y.reshape(Y.shape[0], -1)).to(DTYPE)


def cost(AL, Y):
    """Half mean squared error J = (1/m) Σ ½‖ŷ − y‖²."""
    return 0.5 * ((AL - Y) ** 2).sum() / AL.shape[0]
''',
}

#: output kind → ``predict`` and ``prediction_rows`` (the CSV of ``nnstudio-cli predict``)
PREDICTIONS_CODE = {
    "binary": '''def predict(X):
    """The predicted class of each sample (m,): 1 where p(class 1) > 0.5."""
    return (forward(X)[:, 0] > 0.5).astype(np.int64)


def prediction_rows(Y_hat):
    """The rows nnstudio-cli predict prints: the class and p(class 1)."""
    yield ["prediction", f"p({OUTPUT_NAMES[1]})"]
    for p in Y_hat[:, 0]:
        yield [OUTPUT_NAMES[int(p > 0.5)], f"{p:.6g}"]
''',
    "multiclass": '''def predict(X):
    """The predicted class of each sample (m,): the most probable one."""
    return forward(X).argmax(axis=1)


def prediction_rows(Y_hat):
    """The rows nnstudio-cli predict prints: the class and every class's probability."""
    yield ["prediction", *[f"p({name})" for name in OUTPUT_NAMES]]
    for row in Y_hat:
        yield [OUTPUT_NAMES[int(np.argmax(row))], *[f"{p:.6g}" for p in row]]
''',
    "regression": '''def predict(X):
    """The predicted values (m, n[L])."""
    return forward(X)


def prediction_rows(Y_hat):
    """The rows nnstudio-cli predict prints: the values themselves."""
    n = Y_hat.shape[1]
    yield ["prediction"] if n == 1 else [f"prediction {k + 1}" for k in range(n)]
    for row in Y_hat:
        yield [f"{value:.10g}" for value in row]
''',
}


def predictions_code(kind: str) -> str:
    return PREDICTIONS_CODE[kind]


def optimizer_code(name: str, hyperparameters: dict[str, Any]) -> str:
    """The line(s), indented for a function body, that make the optimizer the model used."""
    rate = float(hyperparameters.get("learning_rate", 0.01) or 0.01)
    optimizer: Any = make_optimizer(
        name, rate, **dict(hyperparameters.get("optimizer_options") or {})
    )
    params = f"network.parameters(), lr={rate!r}"
    if name == "momentum":
        scaled = rate * (1.0 - optimizer.beta)
        return (
            "    # momentum: v ← β v + (1 − β) dW, W ← W − α v. PyTorch's SGD keeps u ← β u + dW\n"
            "    # (starting from u = dW), which is v / (1 − β): so its rate is α (1 − β)\n"
            f"    optimizer = torch.optim.SGD(network.parameters(), lr={scaled!r}, "
            f"momentum={optimizer.beta!r})"
        )
    if name == "rmsprop":
        return (
            "    # RMSprop: s ← β s + (1 − β) dW², W ← W − α dW / (√s + ε)\n"
            f"    optimizer = torch.optim.RMSprop({params}, alpha={optimizer.beta!r}, "
            f"eps={optimizer.epsilon!r})"
        )
    if name == "adam":
        return (
            "    # Adam: momentum and RMSprop, both bias-corrected by 1 − βᵗ\n"
            f"    optimizer = torch.optim.Adam({params}, "
            f"betas=({optimizer.beta1!r}, {optimizer.beta2!r}), eps={optimizer.epsilon!r})"
        )
    if name == "gd":
        return f"    optimizer = torch.optim.SGD({params})  # gradient descent: W ← W − α dW"
    raise ValueError(f"the optimizer {name!r} has no PyTorch form")


MAIN_CODE = '''def read_inputs(path):
    """The raw inputs X (m, n_inputs) of a CSV file, one sample per row: the columns named
    INPUT_NAMES when a header row names them, else the first columns in order."""
    with open(path, newline="", encoding="utf-8-sig") as stream:
        lines = [line for line in stream.read().splitlines() if line.strip()]
    delimiter = max([",", ";", "\\t"], key=lines[0].count) if lines else ","

    def number(cell):
        return float(cell.replace(",", ".") if delimiter != "," else cell)

    rows = list(csv.reader(lines, delimiter=delimiter))
    columns = list(range(len(INPUT_NAMES)))
    try:
        [number(cell) for cell in rows[0]]
    except (ValueError, IndexError):  # a header row
        folded = [cell.strip().casefold() for cell in rows[0]] if rows else []
        wanted = [name.strip().casefold() for name in INPUT_NAMES]
        if all(name in folded for name in wanted):
            columns = [folded.index(name) for name in wanted]
        elif len(folded) != len(INPUT_NAMES):
            raise SystemExit(f"{path}: needs the columns {', '.join(INPUT_NAMES)}")
        rows = rows[1:]
    X = np.array([[number(row[c]) for c in columns] for row in rows], dtype=np.float64)
    return X.reshape(-1, len(INPUT_NAMES))


def main(argv):
    if len(argv) != 2:
        print(f"usage: python {Path(argv[0]).name} data.csv", file=sys.stderr)
        return 2
    writer = csv.writer(sys.stdout, lineterminator="\\n")
    writer.writerows(prediction_rows(forward(read_inputs(argv[1]))))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
'''


#: decay schedule key → the body of ``rate_factor(epoch)``, α / α₀ for the epoch (from 0)
DECAY_FACTOR_CODE = {
    "inverse": "# α = α₀ / (1 + decay_rate · e)\n    return 1.0 / (1.0 + DECAY_RATE * e)",
    "scheduled": (
        "# α = α₀ / (1 + decay_rate · ⌊e / interval⌋): it drops every DECAY_INTERVAL epochs\n"
        "    return 1.0 / (1.0 + DECAY_RATE * (e // DECAY_INTERVAL))"
    ),
    "exponential": "# α = α₀ · decay_rate^e\n    return DECAY_RATE**e",
}


def decay_code(hyperparameters: dict[str, Any]) -> str:
    """The learning-rate decay of ``continue_training`` (module level): the constants and
    ``rate_factor``; "" when the model used none."""
    schedule = str(hyperparameters.get("decay_schedule", "none") or "none")
    if schedule == "none":
        return ""
    if schedule not in DECAY_FACTOR_CODE:
        raise ValueError(f"the learning-rate schedule {schedule!r} has no PyTorch form")
    rate = float(hyperparameters.get("decay_rate", 0.0) or 0.0)
    interval = int(hyperparameters.get("decay_interval", 1000) or 1000)
    return (
        f"# learning-rate decay ({schedule}), as NN Studio: epoch 0 trains with α₀, epoch e + 1\n"
        "# with the rate after epoch e; torch.optim.lr_scheduler.LambdaLR stepped after each\n"
        "# epoch multiplies α₀ by rate_factor(epoch)\n"
        f"DECAY_RATE = {rate!r}\n"
        f"DECAY_INTERVAL = {interval!r}\n"
        "\n"
        "\n"
        "def rate_factor(epoch):\n"
        '    """α / α₀ for the epoch (from 0) of continue_training."""\n'
        "    if epoch == 0:\n"
        "        return 1.0\n"
        "    e = epoch - 1  # the epochs done before the last update\n"
        f"    {DECAY_FACTOR_CODE[schedule]}\n"
    )


def batch_order_code(hyperparameters: dict[str, Any]) -> str:
    """``batch_order(epoch, m)``: the order of the samples in each epoch, as NN Studio draws it."""
    seed = int(hyperparameters.get("shuffle_seed", 0) or 0)
    if str(hyperparameters.get("shuffle", "seed_per_epoch")) == "one_generator":
        return (
            f"SHUFFLE = np.random.RandomState({seed!r})\n"
            "\n"
            "\n"
            "def batch_order(epoch, m):\n"
            '    """The samples of an epoch in the order its mini-batches take them: the next\n'
            '    permutation of one NumPy generator, as NN Studio draws it."""\n'
            "    return torch.from_numpy(SHUFFLE.permutation(m))\n"
        )
    return (
        f"SHUFFLE_SEED = {seed!r}\n"
        "\n"
        "\n"
        "def batch_order(epoch, m):\n"
        '    """The samples of an epoch in the order its mini-batches take them: as the course\n'
        '    and NN Studio, a permutation drawn with the seed SHUFFLE_SEED + epoch."""\n'
        "    generator = np.random.RandomState((SHUFFLE_SEED + epoch) % 2**32)\n"
        "    return torch.from_numpy(generator.permutation(m))\n"
    )
