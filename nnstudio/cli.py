"""``nnstudio-cli``: look at, continue training and use model files without the window.

    nnstudio-cli info MODEL.nnstudio
    nnstudio-cli train MODEL.nnstudio [--epochs N] [--learning-rate X] [--out OTHER.nnstudio]
    nnstudio-cli predict MODEL.nnstudio DATA.csv > predictions.csv
    nnstudio-cli examples [NAME -o PATH]
    nnstudio-cli export MODEL.nnstudio --format pytorch|onnx|numpy -o OUT

Exit status: 0 on success, 1 when training diverged (the last finite weights are still saved),
2 for any error, which is printed to stderr as one line (never a traceback), 130 after Ctrl+C
(``train`` first saves what was learnt so far), 141 when the reader of the output went away
(``| head``), 143 after SIGTERM. Never imports Qt.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import math
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

import numpy as np

from . import __version__
from .cli_examples import add_examples_command
from .cli_export import add_export_command
from .cli_train import (
    INTERRUPTED,
    PROGRAM,
    CliError,
    Terminated,
    cmd_train,
    output_path,
    splits,
    terminate_cleanly,
)
from .data import RAW_INPUTS, CsvError, feature_labels, read_csv_preview
from .engine import HyperparameterError, NotEnoughMemoryError, SpecError, TrainingDataError
from .files import ModelFile, ModelFileError, load_model
from .files.archive import display_name

MAX_PREDICT_ROWS = 1_000_000
BROKEN_PIPE = 141  # 128 + SIGPIPE, as shells report a program whose reader went away


# -- info -----------------------------------------------------------------------------------------
def cmd_info(args: argparse.Namespace, out: TextIO) -> int:
    model = load_model(args.model)
    spec = model.network.spec
    print(
        f"{Path(args.model).name}: NN Studio model, format {model.format_version}, "
        f"written by NN Studio {model.app_version}",
        file=out,
    )
    print(f"created {_when(model.created)}, last saved {_when(model.modified)}", file=out)
    arrows = " → ".join(spec.activations)
    print(
        f"network: {spec.L}-layer, layer_dims {list(spec.layer_dims)} ({arrows}), "
        f"loss {spec.loss}, {spec.dtype}, init {spec.init} (seed {spec.seed}), "
        f"L2 λ = {spec.l2:g}, L1 λ₁ = {spec.l1:g}, {spec.parameter_count()} parameters",
        file=out,
    )
    if spec.uses_dropout:
        print(f"dropout (training only): keep_prob {list(spec.keep_prob)}", file=out)
    if spec.uses_batch_norm:
        print(f"batch normalisation: layers {list(spec.batch_norm_layers())}", file=out)
    print(f"data: {_describe_data(model)}", file=out)
    print(f"training: {_describe_training(model)}", file=out)
    m = _training_m(model)
    print(f"\ndimensions (m = {m} training samples):", file=out)
    _print_table(_shape_rows(model, m), out)
    print(file=out)
    for line in _history_lines(model.history):
        print(line, file=out)
    if model.runs:
        names = ", ".join(str(run["name"]) for run in model.runs)
        print(f"comparison runs ({len(model.runs)}): {names}", file=out)
    for warning in model.warnings:
        print(f"warning: {warning}", file=out)
    return 0


def _when(moment: Any) -> str:
    return moment.strftime("%Y-%m-%d %H:%M UTC") if moment is not None else "unknown"


def _describe_data(model: ModelFile) -> str:
    data = model.dataset
    if data is None:
        return "none stored"
    kind = data.source.get("kind")
    where = "built-in, re-generated" if kind == "builtin" else "stored in the file"
    if kind == "csv":
        where = f"imported from {data.source.get('file_name')}, stored in the file"
    scaled = "; inputs standardised" if model.standardizer is not None else ""
    if model.input_features is not None:
        scaled += f"; network inputs {', '.join(feature_labels(model.input_features))}"
    return f"{data.summary()} ({where}){scaled}"


def _describe_training(model: ModelFile) -> str:
    hp = model.hyperparameters
    if not hp:
        return "no settings stored"
    parts = [f"{k} {v}" for k, v in hp.items() if not isinstance(v, dict | list)]
    options = hp.get("optimizer_options") or {}
    parts += [f"{k} {v}" for k, v in options.items()]
    if model.optimizer_state is not None:
        parts.append(f"optimizer step t = {model.optimizer_state['t']}")
    return ", ".join(parts)


def _shape_rows(model: ModelFile, m: int) -> list[list[str]]:
    rows = [["layer", "units", "activation", "W", "b", "Z, A", "parameters"]]
    for row in model.network.shape_table(m):
        rows.append(
            [
                row.name,
                str(row.units),
                row.activation,
                _shape(row.W),
                _shape(row.b),
                _shape(row.A),
                str(row.parameters) if row.layer else "",
            ]
        )
    return rows


def _shape(shape: tuple[int, ...] | None) -> str:
    return "" if shape is None else "(" + ", ".join(str(n) for n in shape) + ")"


def _print_table(rows: list[list[str]], out: TextIO) -> None:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    for row in rows:
        print(
            "  " + "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip(),
            file=out,
        )


def _history_lines(history: dict[str, list[Any]]) -> list[str]:
    steps = [s for s in history.get("step", []) if s is not None]
    if not any(history.values()):
        return ["history: none yet"]
    points = max(len(v) for v in history.values())
    head = f"history: {points} report{'s' if points != 1 else ''}"
    if steps:
        head += f", iterations {steps[0]:g} … {steps[-1]:g}"
    lines = [head]
    for name, series in history.items():
        values = [v for v in series if v is not None]
        if name == "step" or not values:
            continue
        best = min(values) if "cost" in name else max(values)
        which = "lowest" if "cost" in name else "highest"
        lines.append(f"  {name:<14} {values[0]:.4g} → {values[-1]:.4g}  ({which} {best:.4g})")
    return lines


def _training_m(model: ModelFile) -> int:
    if model.dataset is None:
        return 1
    try:
        return splits(model)[0].m
    except CliError:
        return model.dataset.m


# -- predict --------------------------------------------------------------------------------------
def cmd_predict(args: argparse.Namespace, out: TextIO) -> int:
    model = load_model(args.model)
    X = _read_inputs(Path(args.data), model)
    net = model.network
    AL, _ = net.forward(model.network_inputs(X))  # standardised, then the input features
    writer = csv.writer(out, lineterminator="\n")
    out_act = net.activations[-1]
    classes = list(model.dataset.class_names) if model.dataset is not None else []
    n = AL.shape[0]
    K = n if out_act == "softmax" else 2
    names = classes if len(classes) == K else [str(k) for k in range(K)]
    if out_act == "softmax":
        writer.writerow(["prediction", *[f"p({name})" for name in names]])
        for column in AL.T:
            best = int(np.argmax(column))
            writer.writerow([names[best], *[f"{p:.6g}" for p in column]])
    elif out_act == "sigmoid" and n == 1:
        writer.writerow(["prediction", f"p({names[1]})"])
        for p in AL.reshape(-1):
            writer.writerow([names[int(p > 0.5)], f"{p:.6g}"])
    else:  # regression (or several independent outputs): the values themselves
        writer.writerow(["prediction"] if n == 1 else [f"prediction {k + 1}" for k in range(n)])
        for column in AL.T:
            writer.writerow([f"{v:.10g}" for v in column])
    return 0


def _read_inputs(path: Path, model: ModelFile) -> np.ndarray:
    """X (n, m) from a CSV file, one sample per row, columns matched to the model's features
    (n = n[0], or the 2 inputs the input features are made from)."""
    n0 = model.network.layer_dims[0] if model.input_features is None else RAW_INPUTS
    table = read_csv_preview(path, max_rows=MAX_PREDICT_ROWS + 1)
    if len(table.rows) > MAX_PREDICT_ROWS:
        raise CliError(
            f"{path.name} has more than {MAX_PREDICT_ROWS:,} rows (the most predict reads); "
            "split it up"
        )
    features = list(model.dataset.feature_names) if model.dataset is not None else []
    if table.has_header and features:
        folded = [h.strip().casefold() for h in table.header]
        missing = [f for f in features if f.strip().casefold() not in folded]
        if missing:
            raise CliError(
                f"{path.name} has no column {missing[0]!r}; the model needs the columns "
                f"{', '.join(features)}"
            )
        columns = [folded.index(f.strip().casefold()) for f in features]
    elif table.n_columns == n0:
        columns = list(range(n0))
    else:
        expected = f" ({', '.join(features)})" if features else ""
        raise CliError(
            f"{path.name} has {table.n_columns} columns but the model takes {n0} inputs"
            f"{expected}; give one column per input, with a header row naming them"
        )
    comma = table.delimiter != ","
    first_row = 2 if table.has_header else 1
    X = np.empty((n0, len(table.rows)))
    for i, row in enumerate(table.rows):
        for j, c in enumerate(columns):
            text = row[c].replace(",", ".") if comma else row[c]
            try:
                X[j, i] = float(text)
            except (ValueError, IndexError):
                X[j, i] = math.nan
            if not math.isfinite(X[j, i]):
                raise CliError(
                    f"{path.name}, row {first_row + i}, column {table.header[c]!r}: "
                    f"{text!r} is not a number"
                )
    return X


# -- the command line -----------------------------------------------------------------------------
def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROGRAM,
        description="Inspect, train and use NN Studio model files (*.nnstudio).",
        epilog="Exit status: 0 done; 1 training diverged (the last finite weights saved); 2 an "
        "error (one line on stderr); 130 Ctrl+C (train first saves the training so far; a "
        "second Ctrl+C quits without saving); 141 the output's reader went away; 143 SIGTERM.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    info = commands.add_parser("info", help="describe a model: network, dimensions, history")
    info.add_argument("model", metavar="MODEL", help="a .nnstudio file")
    info.set_defaults(run=cmd_info)
    tr = commands.add_parser("train", help="continue training a model with its stored settings")
    tr.add_argument("model", metavar="MODEL", help="a .nnstudio file with a data set")
    tr.add_argument("--epochs", type=_whole, help="epochs to train (default: the stored number)")
    tr.add_argument("--learning-rate", type=_positive, help="learning rate α (default: stored)")
    tr.add_argument(
        "--batch-size", type=_whole, help="samples per update, 0 for all (default: stored)"
    )
    tr.add_argument(
        "--out", metavar="FILE", type=output_path, help="save here instead of over MODEL"
    )
    tr.set_defaults(run=cmd_train)
    pr = commands.add_parser("predict", help="predict for the rows of a CSV file (CSV to stdout)")
    pr.add_argument("model", metavar="MODEL", help="a .nnstudio file")
    pr.add_argument("data", metavar="DATA.csv", help="one sample per row, a header naming inputs")
    pr.set_defaults(run=cmd_predict)
    add_examples_command(commands)
    add_export_command(commands)
    return parser


def _whole(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 0:
        raise argparse.ArgumentTypeError("must be 0 or more")
    return value


def _positive(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if not (math.isfinite(value) and value > 0):
        raise argparse.ArgumentTypeError("must be a number above 0, e.g. 0.01")
    return value


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; return the exit status: 0 ok, 1 training diverged, 2 an error (one
    line on stderr, never a traceback), 130 interrupted by Ctrl+C (train: after saving the
    training so far), 141 the reader of the output went away, 143 terminated (SIGTERM)."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, --version, or a usage error already printed
        return int(exc.code) if isinstance(exc.code, int) else 2
    try:
        with terminate_cleanly():
            return int(args.run(args, sys.stdout))
    except ModelFileError as exc:
        where = display_name(exc.path) if exc.path is not None else args.model
        _error(f"{where}: {exc}")
    except (CliError, CsvError) as exc:
        _error(str(exc))
    except HyperparameterError as exc:
        _error(f"the training settings cannot be used: {exc}")
    except TrainingDataError as exc:
        _error(f"the data cannot be trained on: {exc}")
    except NotEnoughMemoryError as exc:
        _error(f"{exc} (nnstudio-cli train --batch-size N sets the batch size)")
    except SpecError as exc:
        _error(f"the network cannot be built: {exc}")
    except MemoryError:
        _error("there is not enough memory for this; try a smaller file or fewer rows")
    except BrokenPipeError:
        _quiet_stdout()
        return BROKEN_PIPE
    except KeyboardInterrupt:
        _error("interrupted; nothing was saved")
        return INTERRUPTED
    except Terminated as exc:
        _error("terminated; nothing was saved")
        return int(exc.code) if isinstance(exc.code, int) else 143
    except Exception as exc:  # a bug: still one line, with what to report
        _error(f"unexpected {type(exc).__name__}: {exc} (please report this)")
    return 2


def _error(text: str) -> None:
    with contextlib.suppress(BrokenPipeError, ValueError):
        print(f"{PROGRAM}: {text}", file=sys.stderr)


def _quiet_stdout() -> None:
    """After the reader of stdout went away: send what is still buffered to /dev/null."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass
    finally:
        os.close(devnull)


if __name__ == "__main__":
    raise SystemExit(main())
