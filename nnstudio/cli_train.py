"""``nnstudio-cli train``: continue training a model file without losing what was learnt.

Ctrl+C (SIGINT) asks the run to stop: it ends after the current update (or between two layers of
a long one), saves the weights and the history so far — the stopped run's records, the last at
the iteration where it stopped — and exits with status 130. A second Ctrl+C quits at once
without saving (the file on disk is untouched). SIGTERM quits at once in the same way, with
status 143; a save it interrupts leaves no temporary file (:func:`~nnstudio.files.save_model`
removes it). When the model cannot be saved where asked, the trained model is saved beside the
input model instead, saying so; nothing is tried silently. Never imports Qt.
"""

from __future__ import annotations

import argparse
import math
import os
import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from types import FrameType
from typing import TextIO

import numpy as np

from .data import Dataset, split_three
from .engine import DIVERGED, FINISHED, RUNNING, STOPPED, Record, TrainingControl, TrainingReport
from .files import ModelFile, ModelFileError, load_model
from .learn.advice import divergence_text
from .session import Session
from .session_files import save_session, session_from_model

PROGRAM = "nnstudio-cli"
PROGRESS_LINES = 10
INTERRUPTED = 130  # 128 + SIGINT, as shells report a program Ctrl+C ended
TERMINATED = 143  # 128 + SIGTERM


class CliError(Exception):
    """A problem with what the user asked for; printed as one line, exit status 2."""


class Terminated(SystemExit):
    """SIGTERM arrived: leave at once (cleaning up on the way out), status 143."""


def splits(model: ModelFile) -> tuple[Dataset, Dataset]:
    """(train, validation) as the application made them: the stored share and seed, then the
    stored standardizer applied to both."""
    data = model.dataset
    if data is None:
        raise CliError("this model has no data set stored, so there is nothing to train on")
    hp = model.hyperparameters
    try:
        train_set, val_set, _test_set = split_three(  # the test set is never trained on
            data,
            float(hp.get("validation_share", 0.0)),
            float(hp.get("test_share", 0.0)),
            int(hp.get("split_seed", 0)),
        )
    except ValueError as exc:
        raise CliError(f"the stored data split cannot be made: {exc}") from exc
    scaler = model.standardizer
    if scaler is not None:
        train_set = train_set.replace_arrays(scaler.transform(train_set.X), train_set.Y)
        val_set = val_set.replace_arrays(scaler.transform(val_set.X), val_set.Y)
    return train_set, val_set


def output_path(text: str) -> str:
    """``--out``'s argument: a file name, never empty."""
    if not text.strip():
        raise argparse.ArgumentTypeError("needs a file name (it was empty)")
    if "\0" in text:
        raise argparse.ArgumentTypeError("a file name cannot hold a NUL character")
    return text


class Output:
    """Progress lines to ``out``; when the reader has gone (a closed pipe, ``| head``) the
    lines are dropped and training goes on to its save."""

    def __init__(self, out: TextIO) -> None:
        self.out = out
        self.closed = False

    def line(self, text: str) -> None:
        if self.closed:
            return
        try:
            print(text, file=self.out, flush=True)
        except BrokenPipeError:
            self.closed = True
            _silence(self.out)


def _silence(out: TextIO) -> None:
    """Point a closed pipe's descriptor at /dev/null, so that Python's flush at exit does not
    complain about it."""
    try:
        fd = out.fileno()
    except (OSError, ValueError, AttributeError):
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, fd)
    os.close(devnull)


@contextmanager
def interrupts(control: TrainingControl) -> Iterator[None]:
    """While training: the first Ctrl+C stops the run after its current update, the second
    raises KeyboardInterrupt; SIGTERM raises :class:`Terminated`. Outside the main thread
    (where Python allows no handlers) nothing changes."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def on_interrupt(signum: int, frame: FrameType | None) -> None:
        if control.stop_requested:
            raise KeyboardInterrupt
        control.stop()
        print(
            f"{PROGRAM}: stopping after this update and saving; press Ctrl+C again to quit "
            "without saving",
            file=sys.stderr,
            flush=True,
        )

    previous = signal.signal(signal.SIGINT, on_interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


@contextmanager
def terminate_cleanly() -> Iterator[None]:
    """SIGTERM raises :class:`Terminated` (so a save in progress removes its temporary file)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def on_terminate(signum: int, frame: FrameType | None) -> None:
        raise Terminated(TERMINATED)

    previous = signal.signal(signal.SIGTERM, on_terminate)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _check_writable(target: Path) -> None:
    """Refuse before training a target that certainly cannot be written."""
    folder = target.parent if str(target.parent) else Path(".")
    try:
        if target.is_dir():
            raise CliError(f"{target} is a folder; give a file name for --out")
        if not folder.is_dir():
            raise CliError(f"cannot save to {target}: the folder {folder} does not exist")
    except OSError as exc:  # a name too long, a loop of links …
        raise CliError(f"cannot save to {target}: {exc.strerror or exc}") from exc
    if not os.access(folder, os.W_OK | os.X_OK) and not os.access(target, os.W_OK):
        raise CliError(f"cannot save to {target}: the folder {folder} is not writable")


def _fallback(model: Path, target: Path) -> Path:
    """A new file beside the input model for a trained model that could not go to ``target``."""
    stem = model.stem
    for k in range(1, 1000):
        suffix = "-trained" if k == 1 else f"-trained-{k}"
        candidate = model.with_name(f"{stem}{suffix}{model.suffix or '.nnstudio'}")
        if candidate != target and not candidate.exists():
            return candidate
    return model.with_name(f"{stem}-trained-{os.getpid()}.nnstudio")


def save_trained(session: Session, model: Path, target: Path, out: Output) -> bool:
    """Save to ``target``; if that fails, say why and save beside ``model`` instead, saying so.
    True when the model went to ``target``."""
    try:
        saved = save_session(session, target)
    except ModelFileError as exc:
        print(f"{PROGRAM}: could not save to {target}: {exc}", file=sys.stderr)
        other = _fallback(model, target)
        try:
            saved = save_session(session, other)
        except ModelFileError as again:
            print(
                f"{PROGRAM}: could not save beside {model.name} either ({again}); the training "
                "is lost",
                file=sys.stderr,
            )
            return False
        print(f"{PROGRAM}: saved the trained model to {saved} instead", file=sys.stderr)
        return False
    out.line(f"saved {saved}")
    return True


def cmd_train(args: argparse.Namespace, out: TextIO) -> int:
    """Exit status: 0 saved, 1 diverged (the last finite weights saved), 130 interrupted and
    saved, 2 not saved where asked (then saved beside the input model when possible)."""
    model_path = Path(args.model)
    target = Path(args.out) if args.out else model_path
    model = load_model(model_path)
    train_set, _ = splits(model)  # a model without data cannot train: say so first
    hp = model.hyperparameters
    if args.learning_rate is None and hp.get("learning_rate") is None:
        raise CliError("the model stores no learning rate; give one with --learning-rate")
    if args.epochs is None and hp.get("epochs") is None:
        raise CliError("the model stores no number of epochs; give one with --epochs")
    _check_writable(target)
    session = session_from_model(model, model_path)
    changes: dict[str, object] = {}
    if args.learning_rate is not None:
        changes["learning_rate"] = float(args.learning_rate)
    if args.batch_size is not None:
        changes["batch_size"] = int(args.batch_size)
    if changes:
        session.set_settings(**changes)
    # the run the window would make, its data, labels and memory checked (ValueError: why not)
    plan = session.plan_run(args.epochs, copy_params=False)
    config, start, total = plan.config, plan.start_step, plan.total_steps()
    lines = Output(out)
    every = max(1, math.ceil(total / PROGRESS_LINES))
    plan = replace(plan, config=replace(config, report_every=every))  # pacing only
    last: TrainingReport | None = None
    latest: Record | None = None
    control = TrainingControl()
    decay = (
        f" with {config.decay_schedule} decay, rate {config.decay_rate:g}"
        if config.decay_schedule != "none"
        else ""
    )
    with interrupts(control), np.errstate(all="ignore"):  # divergence is reported below
        lines.line(
            f"training {session.network!r} on {train_set.m} samples for {config.epochs} epochs "
            f"({config.optimizer}, learning rate {config.learning_rate:g}{decay}), "
            f"starting at iteration {start}"
        )
        for report in plan.run(session.network, control):
            session.apply_report(report)  # every record goes into the history
            last, latest = report, _measured(report) or latest
            lines.line(progress(report, latest, bool(decay)))
    stopped = last is not None and last.status == STOPPED
    if last is not None and stopped:
        print(
            f"{PROGRAM}: interrupted at iteration {last.step} of {last.total_steps}; saving the "
            "training so far",
            file=sys.stderr,
        )
    if not save_trained(session, model_path, target, lines):
        return 2
    if stopped:
        return INTERRUPTED
    if last is not None and last.status == DIVERGED and last.divergence is not None:
        print(f"{PROGRAM}: {divergence_text(last.divergence)}", file=sys.stderr)
        return 1
    return 0


def _measured(report: TrainingReport) -> Record | None:
    """The report's latest record but the one a stop in the middle of a step leaves (its cost
    not measured)."""
    for record in reversed(report.records):
        if not (math.isnan(record.cost) and not record.grad_norms and record.accuracy is None):
            return record
    return None


def progress(report: TrainingReport, record: Record | None, show_rate: bool = False) -> str:
    """One progress line: the report's iteration and the latest record's numbers (with the
    learning rate in use when ``show_rate``, e.g. under learning-rate decay)."""
    text = f"  iteration {report.step:>7}/{report.total_steps}"
    if record is not None:
        text += f"  cost {record.cost:.6f}"
        if show_rate and record.learning_rate is not None:
            text += f"  learning rate {record.learning_rate:.6g}"
        if record.accuracy is not None:
            text += f"  accuracy {record.accuracy:.4f}"
        if record.val_cost is not None:
            text += f"  validation cost {record.val_cost:.6f}"
        if record.val_accuracy is not None:
            text += f"  validation accuracy {record.val_accuracy:.4f}"
    return text if report.status in (RUNNING, FINISHED) else f"{text}  ({report.status})"
