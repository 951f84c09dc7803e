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
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..engine import Network
from ..learn import Run
from ..session import DataChoice, LayerSpec, Session
from ..session_files import save_session
from .example_list import EXAMPLES as EXAMPLES
from .example_list import Example as Example

WRITTEN = datetime(2025, 1, 1, tzinfo=UTC)


def _description(example: Example, net: Network, rate: float) -> dict[str, Any]:
    spec = net.spec
    return {
        "layer_dims": list(spec.layer_dims),
        "activations": list(spec.activations),
        "init": spec.init,
        "seed": spec.seed,
        "dtype": spec.dtype,
        "l2": spec.l2,
        "l1": spec.l1,
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
    }
    session.runs.load_list(runs if len(runs) > 1 else [])
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
