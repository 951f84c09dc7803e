"""What the status of a training run shows: its progress, its speed and why it diverged."""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication

from ..engine import Record, TrainingReport


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
            "TrainingStatus", "Iteration {step} · cost {cost} · validation cost {val}"
        ).format(step=step, cost=cost, val=val)
    return QCoreApplication.translate(
        "TrainingStatus", "Iteration {step} · cost {cost} · train {train} · val {val}"
    ).format(
        step=step,
        cost=cost,
        train=format_percent(record.accuracy),
        val=format_percent(record.val_accuracy),
    )


def divergence_text(step: int, layers: tuple[int, ...], learning_rate: float) -> str:
    """What happened and what to try, for a learner (translatable)."""
    if layers:
        where = ", ".join(
            QCoreApplication.translate("TrainingStatus", "layer {l} (dW{l})").format(l=layer)
            for layer in layers
        )
    else:
        where = QCoreApplication.translate("TrainingStatus", "the output")
    return QCoreApplication.translate(
        "TrainingStatus",
        "Training diverged at iteration {step}: the cost became infinite or NaN, and the "
        "gradients of {where} blew up first. The learning rate {lr:g} is too large for this "
        "network. Try a learning rate about 10× smaller ({smaller:g}), another initialisation "
        "(xavier or he), or the Adam optimizer. The last finite weights were kept.",
    ).format(step=step, where=where, lr=learning_rate, smaller=learning_rate / 10)


def smoothed_rate(
    rate: float, mark: tuple[int, float] | None, report: TrainingReport
) -> tuple[float, tuple[int, float] | None]:
    """Iterations per second, smoothed: ``rate`` updated with ``report``, ``mark`` being the step
    and elapsed time of the previous running report. Returns the new rate and mark (the mark is
    None once the run no longer runs: a pause must not count as slow iterations)."""
    now = report.elapsed
    if report.status != "running":
        return rate, None
    if mark is not None:
        step, at = mark
        if now > at and report.step > step:
            current = (report.step - step) / (now - at)
            rate = current if rate <= 0 else 0.7 * rate + 0.3 * current
    return rate, (report.step, now)
