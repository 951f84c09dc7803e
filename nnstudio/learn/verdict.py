"""The course's bias–variance verdict from the training error, the dev error and a human-level
error. Qt-free.

    avoidable bias = training error − human-level error   (the human level: a proxy for the
                                                            Bayes error, 0 when not given)
    variance       = dev error − training error

A gap counts as *high* when it reaches :data:`HIGH_GAP` (2 percentage points of error). The
situation is named from the two gaps (``"high_bias"``, ``"high_variance"``, ``"both"`` or
``"fine"``) and the course's next steps follow from it (its "basic recipe"): for high bias a
bigger network, training longer (or a better optimizer) or another architecture; for high
variance more data, regularisation (L2, dropout) or another architecture. With both, the
larger gap comes first (:attr:`Verdict.focus`).

A classifier's error is the share of samples it gets wrong, 1 − accuracy. A regression has no
error rate: its verdict compares the cost J (half mean squared error) instead, and a gap is
high when it reaches :data:`HIGH_COST_SHARE` of the cost the run started from (costs have the
units of y², so only a relative gap means the same on every data set). :func:`run_verdict`
reads the numbers of the last record of a run's history (what the cost and accuracy views
and Compare runs show); :func:`verdict_text` says it in the interface's language.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ..text import translate

HIGH_GAP = 0.02  # a gap of 2 percentage points of error or more is high
HIGH_COST_SHARE = 0.05  # regression: a cost gap of 5 % of the run's first cost or more
_ROUNDING = 1e-9  # 0.16 − 0.14 is 0.0199999…: such a gap still counts as 2 points

HIGH_BIAS, HIGH_VARIANCE, BOTH, FINE = "high_bias", "high_variance", "both", "fine"
SITUATIONS = (HIGH_BIAS, HIGH_VARIANCE, BOTH, FINE)

# the course's next steps, by what they treat
BIAS_STEPS = ("bigger_network", "train_longer", "other_architecture")
VARIANCE_STEPS = ("more_data", "regularise", "other_architecture")


@dataclass(frozen=True)
class Verdict:
    """The two gaps of a run and what they mean.

    ``measure`` is ``"error"`` (a classifier: errors are shares in [0, 1]) or ``"cost"`` (a
    regression: costs J); ``train``, ``dev`` and ``human`` are in that measure and
    ``threshold`` is the gap from which it counts as high, in the same units.
    """

    measure: str
    train: float
    dev: float
    human: float
    threshold: float

    @property
    def avoidable_bias(self) -> float:
        """Training error − human-level error."""
        return self.train - self.human

    @property
    def variance(self) -> float:
        """Dev error − training error."""
        return self.dev - self.train

    @property
    def high_bias(self) -> bool:
        return self.avoidable_bias >= self.threshold - _ROUNDING

    @property
    def high_variance(self) -> bool:
        return self.variance >= self.threshold - _ROUNDING

    @property
    def situation(self) -> str:
        """``"high_bias"``, ``"high_variance"``, ``"both"`` or ``"fine"``."""
        if self.high_bias and self.high_variance:
            return BOTH
        if self.high_bias:
            return HIGH_BIAS
        return HIGH_VARIANCE if self.high_variance else FINE

    @property
    def focus(self) -> str | None:
        """Which gap to work on first: ``"bias"`` or ``"variance"`` (the larger of the high
        ones), None when neither is high."""
        situation = self.situation
        if situation == FINE:
            return None
        if situation == BOTH:
            return "bias" if self.avoidable_bias >= self.variance else "variance"
        return "bias" if situation == HIGH_BIAS else "variance"

    @property
    def next_steps(self) -> tuple[str, ...]:
        """The course's next steps, for the gap in focus first (codes of :data:`BIAS_STEPS`
        and :data:`VARIANCE_STEPS`, each once); () when the verdict is fine."""
        groups = {"bias": BIAS_STEPS, "variance": VARIANCE_STEPS}
        focus = self.focus
        if focus is None:
            return ()
        order = [groups[focus]]
        if self.situation == BOTH:
            order.append(groups["variance" if focus == "bias" else "bias"])
        steps: list[str] = []
        for group in order:
            steps.extend(step for step in group if step not in steps)
        return tuple(steps)


def _finite(value: Any, name: str) -> float:
    number = float(value)
    if not math.isfinite(number):
        raise ValueError(f"{name} must be a finite number; got {value!r}")
    return number


def judge(
    train: float, dev: float, human: float = 0.0, *, measure: str = "error", scale: float = 1.0
) -> Verdict:
    """The verdict for these numbers. ``measure="error"``: error rates in [0, 1], a gap is
    high from :data:`HIGH_GAP`. ``measure="cost"``: costs J ≥ 0, high from
    :data:`HIGH_COST_SHARE` × ``scale`` (the cost the run started from). Raises ValueError for
    a number that is not finite, an error outside [0, 1] or a cost below 0."""
    train, dev, human = (
        _finite(v, n) for v, n in ((train, "train"), (dev, "dev"), (human, "human"))
    )
    if measure == "error":
        if not all(0.0 <= v <= 1.0 for v in (train, dev, human)):
            raise ValueError("error rates must lie between 0 and 1")
        return Verdict("error", train, dev, human, HIGH_GAP)
    if measure == "cost":
        scale = _finite(scale, "scale")
        if min(train, dev, human) < 0 or scale <= 0:
            raise ValueError("costs must be at least 0 and the scale above 0")
        return Verdict("cost", train, dev, human, HIGH_COST_SHARE * scale)
    raise ValueError(f"measure must be 'error' or 'cost'; got {measure!r}")


def _last_pair(
    history: Mapping[str, Sequence[Any]], train_key: str, dev_key: str
) -> tuple[float, float] | None:
    """The last (train, dev) values recorded together, or None."""
    pairs = zip(history.get(train_key, ()), history.get(dev_key, ()), strict=False)
    known = [
        (float(t), float(d))
        for t, d in pairs
        if t is not None and d is not None and math.isfinite(float(t)) and math.isfinite(float(d))
    ]
    return known[-1] if known else None


def run_verdict(history: Mapping[str, Sequence[Any]] | Any, human: float = 0.0) -> Verdict | None:
    """The verdict at the end of a run, from its history (a ``History``, its ``to_dict()`` or a
    kept run's ``history``): the last record with both a training and a dev accuracy (error
    = 1 − accuracy); for a run without accuracies (a regression), the last record with both
    costs, judged against the first recorded cost. ``human``: the human-level error (or cost).
    None when the run has no dev values (no dev set) or no records."""
    if hasattr(history, "to_dict"):
        history = history.to_dict()
    accuracies = _last_pair(history, "accuracy", "val_accuracy")
    if accuracies is not None:
        train_acc, dev_acc = accuracies
        return judge(1.0 - train_acc, 1.0 - dev_acc, human)
    if any(v is not None for v in history.get("accuracy", ())):
        return None  # a classifier without a dev set
    costs = _last_pair(history, "cost", "val_cost")
    first = next((float(c) for c in history.get("cost", ()) if c is not None), None)
    if costs is None or first is None or not math.isfinite(first) or first <= 0:
        return None
    return judge(costs[0], costs[1], human, measure="cost", scale=first)


@dataclass(frozen=True)
class VerdictText:
    """A verdict in words: ``title`` (the situation), ``gaps`` (the numbers and the rule) and
    ``advice`` (the course's next step)."""

    title: str
    gaps: str
    advice: str


def verdict_number(verdict: Verdict, value: float) -> str:
    """A number of the verdict as the learner reads it: errors in %, costs as numbers."""
    if verdict.measure == "error":
        return f"{100.0 * value:.1f} %"
    return f"{value:.4g}"


def situation_title(situation: str) -> str:
    titles = {
        HIGH_BIAS: translate("Verdict", "High bias (underfitting)"),
        HIGH_VARIANCE: translate("Verdict", "High variance (overfitting)"),
        BOTH: translate("Verdict", "High bias and high variance"),
        FINE: translate("Verdict", "Low bias and low variance"),
    }
    return titles[situation]


def verdict_text(verdict: Verdict) -> VerdictText:
    """The verdict's title, its gaps and the course's next step, in the interface's language."""
    if verdict.measure == "error":
        gaps = translate(
            "Verdict",
            "Avoidable bias = training error − human-level error = {bias}; variance = dev error "
            "− training error = {variance}. A gap of {limit} or more counts as high.",
        )
    else:
        gaps = translate(
            "Verdict",
            "A regression has no error rate, so the cost J is compared instead. Avoidable bias "
            "= training cost − human-level cost = {bias}; variance = dev cost − training cost = "
            "{variance}. A gap of {limit} (5 % of the cost the run started from) or more counts "
            "as high.",
        )
    gaps = gaps.format(
        bias=verdict_number(verdict, verdict.avoidable_bias),
        variance=verdict_number(verdict, verdict.variance),
        limit=verdict_number(verdict, verdict.threshold),
    )
    bias_advice = translate(
        "Verdict",
        "The network does not yet fit the data it learns from: try a bigger network (more "
        "units or layers), train longer (more epochs or a better optimizer such as Adam), or "
        "another architecture.",
    )
    variance_advice = translate(
        "Verdict",
        "The network does much better on its training data than on the dev set: try more "
        "training data, regularisation (a larger L2 λ, dropout), or another architecture.",
    )
    situation = verdict.situation
    if situation == FINE:
        advice = translate(
            "Verdict",
            "Both gaps are small. Evaluate on the test set once, to report how the network "
            "does on data that chose none of its settings.",
        )
    elif situation == BOTH:
        first, then = (
            (bias_advice, variance_advice)
            if verdict.focus == "bias"
            else (variance_advice, bias_advice)
        )
        advice = translate("Verdict", "Work on the larger gap first. {first} Then: {then}").format(
            first=first, then=then
        )
    else:
        advice = bias_advice if situation == HIGH_BIAS else variance_advice
    return VerdictText(situation_title(situation), gaps, advice)
