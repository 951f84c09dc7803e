"""What the status of a training run shows: its progress, its speed, and why it failed (the
sentences come from :mod:`nnstudio.learn.advice`, translated)."""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication

from ...engine import RUNNING, Record, TrainingReport
from ...learn import diagnose_run, diagnosis_text
from ...learn import divergence_text as divergence_text
from ...session import Session


def format_percent(value: float | None) -> str:
    if value is None or not math.isfinite(value):
        return "—"
    return f"{100.0 * value:.1f} %"


def status_text(step: int, record: Record | None, classifies: bool = True) -> str:
    """One line for the status bar: "Iteration 1200 · cost 0.2871 · train 90.5 % · val —"."""
    if record is None:
        return QCoreApplication.translate("TrainingStatus", "Iteration {step}").format(step=step)
    cost = f"{record.cost:.4g}" if math.isfinite(record.cost) else str(record.cost)
    if not classifies:
        val = "—" if record.val_cost is None else f"{record.val_cost:.4g}"
        return QCoreApplication.translate(
            "TrainingStatus", "Iteration {step} · cost {cost} · dev cost {val}"
        ).format(step=step, cost=cost, val=val)
    return QCoreApplication.translate(
        "TrainingStatus", "Iteration {step} · cost {cost} · train {train} · dev {val}"
    ).format(
        step=step,
        cost=cost,
        train=format_percent(record.accuracy),
        val=format_percent(record.val_accuracy),
    )


def diagnosis_of(session: Session, start_step: int = 0) -> str:
    """Why the run of ``session`` that started at iteration ``start_step`` and just finished did
    not learn and what to try ("" when it learned): the diagnosis of its records, weights and
    training data, in the interface's language."""
    history, data = session.history, session.training_data()
    found = diagnose_run(
        session.network,
        data.X,
        data.Y,
        history.step,
        history.cost,
        history.accuracy,
        session.settings.learning_rate,
        session.settings.optimizer,
        session.data_choice.standardize,
        start_step,
    )
    return "" if found is None else diagnosis_text(found, session.init)


def smoothed_rate(
    rate: float, mark: tuple[int, float] | None, report: TrainingReport
) -> tuple[float, tuple[int, float] | None]:
    """Iterations per second, smoothed: ``rate`` updated with ``report``, ``mark`` being the step
    and elapsed time of the previous running report. Returns the new rate and mark (the mark is
    None once the run no longer runs: a pause must not count as slow iterations)."""
    now = report.elapsed
    if report.status != RUNNING:
        return rate, None
    if mark is not None:
        step, at = mark
        if now > at and report.step > step:
            current = (report.step - step) / (now - at)
            rate = current if rate <= 0 else 0.7 * rate + 0.3 * current
    return rate, (report.step, now)
