"""Generate the example models shipped in ``resources/examples``.

    python -m nnstudio.files.examples OUTDIR

Each example is set up in a :class:`~nnstudio.session.Session` as a learner would set it up,
trained there from a fixed seed (a few seconds at most) and saved with its data set, settings,
complete history (with the gradient norms) and optimizer state, so a learner can open it and
continue.
The same program version writes the same bytes every time (the timestamps are fixed).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..engine import Network
from ..learn.runs import Run
from ..session import DataChoice, LayerSpec, Session
from ..session_files import save_session
from ..text import translatable

WRITTEN = datetime(2025, 1, 1, tzinfo=UTC)


@dataclass(frozen=True)
class Example:
    """One example: a network, a built-in data set and the settings that train it."""

    file_name: str
    title: str
    dataset: str
    dataset_params: dict[str, Any]
    layer_dims: tuple[int, ...]
    activations: tuple[str, ...]
    init: str
    seed: int
    learning_rate: float
    epochs: int
    optimizer: str = "gd"
    optimizer_options: dict[str, float] = field(default_factory=dict)
    batch_size: int = 0
    report_every: int = 10
    validation_share: float = 0.0
    standardize: bool = False
    compare_rates: tuple[float, ...] = ()  # other learning rates saved as comparison runs


EXAMPLES = (
    Example(
        "flower.nnstudio",
        translatable(
            "Examples",
            "The course's planar flower: one hidden layer of 4 tanh units, sigmoid output",
        ),
        "flower",
        {},
        (2, 4, 1),
        ("tanh", "sigmoid"),
        init="small",
        seed=2,
        learning_rate=1.2,
        epochs=10000,
        report_every=100,
        compare_rates=(0.1,),
    ),
    Example(
        "spiral-deep-relu.nnstudio",
        translatable(
            "Examples",
            "Three spiral arms need depth: three ReLU layers trained with Adam in mini-batches",
        ),
        "spiral",
        {"samples": 300, "classes": 3, "noise": 0.2},
        (2, 32, 32, 32, 3),
        ("relu", "relu", "relu", "softmax"),
        init="he",
        seed=1,
        learning_rate=0.005,
        epochs=800,
        optimizer="adam",
        batch_size=64,
        report_every=50,
        validation_share=0.2,
        standardize=True,
    ),
    Example(
        "blobs-softmax.nnstudio",
        translatable(
            "Examples",
            "Three clouds of points, one softmax unit per class, trained with momentum",
        ),
        "blobs",
        {"samples": 300, "classes": 3},
        (2, 8, 3),
        ("tanh", "softmax"),
        init="xavier",
        seed=1,
        learning_rate=0.1,
        epochs=1000,
        optimizer="momentum",
        optimizer_options={"beta": 0.9},
        report_every=10,
        validation_share=0.2,
        standardize=True,
    ),
    Example(
        "sine-regression.nnstudio",
        translatable(
            "Examples",
            "Regression: fit y = sin(x) with two tanh layers and a linear output",
        ),
        "sine",
        {"samples": 200},
        (1, 16, 16, 1),
        ("tanh", "tanh", "linear"),
        init="xavier",
        seed=3,
        learning_rate=0.01,
        epochs=2000,
        optimizer="rmsprop",
        batch_size=32,
        report_every=50,
        validation_share=0.2,
        standardize=True,
    ),
)


def _description(example: Example, net: Network, rate: float) -> dict[str, Any]:
    spec = net.spec
    return {
        "layer_dims": list(spec.layer_dims),
        "activations": list(spec.activations),
        "init": spec.init,
        "seed": spec.seed,
        "dtype": spec.dtype,
        "l2": spec.l2,
        "learning_rate": rate,
        "optimizer": example.optimizer,
        "batch_size": example.batch_size,
        "dataset": example.dataset,
        "epochs": example.epochs,
    }


def example_session(example: Example) -> Session:
    """A session set up as a learner would for ``example``: its data, split and scaling, its
    hidden layers, initialisation and training settings, with fresh initial weights."""
    session = Session()
    session.set_data(
        DataChoice(
            example.dataset,
            dict(example.dataset_params),
            example.validation_share,
            example.standardize,
            0,
        )
    )
    dims, acts = example.layer_dims, example.activations
    session.set_hidden_layers(
        [LayerSpec(units, act) for units, act in zip(dims[1:-1], acts[:-1], strict=True)]
    )
    session.set_initialization(example.init, example.seed)
    session.set_settings(
        learning_rate=example.learning_rate,
        epochs=example.epochs,
        batch_size=example.batch_size,
        optimizer=example.optimizer,
        optimizer_options=dict(example.optimizer_options),
        report_every=example.report_every,
    )
    return session


def build(example: Example, folder: Path) -> Path:
    """Train ``example`` from its seed and save it in ``folder``; return the file's path.

    Each run is the session's (:meth:`Session.train_here`): the same config, optimizer and
    history the window makes, every record included. The other learning rates are kept as
    comparison runs, the example's own rate last."""
    session = example_session(example)
    runs: list[dict[str, Any]] = []
    for rate in (*example.compare_rates, example.learning_rate):
        session.reset_weights()  # every run starts from the seed's weights
        session.set_settings(learning_rate=rate)
        session.train_here()
        run = Run(
            f"learning rate {rate:g}",
            session.history.to_dict(),
            _description(example, session.network, rate),
        )
        runs.append(run.to_dict())
    session.file_info = {
        "created": WRITTEN,
        "extra": {"title": example.title},
        "runs": runs if len(runs) > 1 else [],
    }
    return save_session(session, folder / example.file_name, modified=WRITTEN)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m nnstudio.files.examples", description="Train and save the example models."
    )
    parser.add_argument("outdir", type=Path, help="folder to write the .nnstudio files into")
    args = parser.parse_args(argv)
    args.outdir.mkdir(parents=True, exist_ok=True)
    for example in EXAMPLES:
        started = time.perf_counter()
        path = build(example, args.outdir)
        seconds = time.perf_counter() - started
        print(f"{path.name}: {seconds:.1f} s, {path.stat().st_size:,} bytes", file=sys.stdout)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
