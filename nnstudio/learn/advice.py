"""The sentences that tell a learner why a run failed and what the course suggests.

The engine and :mod:`.diagnosis` return facts (a :class:`~nnstudio.engine.Divergence`, a
:class:`~.diagnosis.Diagnosis`); here they become text, in the interface's language through
:func:`nnstudio.text.translate` (Qt's translator in the app, English on the command line). The
window and ``nnstudio-cli`` both show what these functions compose.
"""

from __future__ import annotations

import math

from ..engine import COST_ROSE, OPTIMIZERS, Divergence
from ..text import localized, translate
from .diagnosis import ADAPTIVE, Diagnosis, Finding, smaller_rate, usual_learning_rate

SCALED_INITS = ("xavier", "he")


def optimizer_name(key: str) -> str:
    entry = OPTIMIZERS.get(key)
    return localized(entry.label) if entry is not None else key


def _percent(value: float | None) -> str:
    if value is None or not math.isfinite(value):
        return "—"
    return f"{100.0 * value:.1f} %"


def divergence_text(d: Divergence) -> str:
    """What happened, why, and what to try, for a run that diverged; the advice fits the run
    (no Adam for an Adam run, no Xavier or He for a run that already uses one)."""
    parts = [_what_diverged(d)]
    usual = usual_learning_rate(d.optimizer)
    suggested = smaller_rate(d.optimizer, d.learning_rate)
    if d.optimizer in ADAPTIVE and suggested == usual:
        parts.append(
            translate(
                "Advice",
                "{optimizer} moves every weight by about the learning rate at each step, so "
                "{lr:g} is far too large. Try its usual learning rate, {suggested:g}.",
            ).format(optimizer=optimizer_name(d.optimizer), lr=d.learning_rate, suggested=suggested)
        )
    else:
        parts.append(
            translate(
                "Advice",
                "The learning rate {lr:g} is too large for this network. Try a learning rate "
                "about 10× smaller ({suggested:g}).",
            ).format(lr=d.learning_rate, suggested=suggested)
        )
    if d.init and d.init not in SCALED_INITS:
        parts.append(
            translate(
                "Advice",
                "Initial weights scaled to the layer sizes (Xavier or He) may also help.",
            )
        )
    if d.optimizer not in ADAPTIVE:
        parts.append(
            translate(
                "Advice", "The Adam optimizer, which scales each weight's step, may also help."
            )
        )
    if d.kind == COST_ROSE:
        parts.append(
            translate("Advice", "The weights were left as they were when training stopped.")
        )
    else:
        parts.append(translate("Advice", "The last finite weights were kept."))
    return " ".join(parts)


def _what_diverged(d: Divergence) -> str:
    if d.kind == COST_ROSE:
        layer = d.layers[0] if d.layers else 1
        return translate(
            "Advice",
            "Training diverged at iteration {step}: the cost rose from {first:.4g} to {last:.4g} "
            "and stayed there, and the weights of layer {layer} (W{layer}) grew the most.",
        ).format(step=d.step, first=d.first_cost, last=d.last_cost, layer=layer)
    if d.layers:
        where = ", ".join(
            translate("Advice", "layer {l} (dW{l})").format(l=layer) for layer in d.layers
        )
    else:
        where = translate("Advice", "the output")
    return translate(
        "Advice",
        "Training diverged at iteration {step}: the gradients of {where} became infinite or "
        "NaN first.",
    ).format(step=d.step, where=where)


def diagnosis_text(d: Diagnosis, init: str = "", limit: int = 2) -> str:
    """What the run showed and at most ``limit`` likely causes with the course's remedies;
    ``init`` is the network's initialisation (a remedy it already uses is not suggested)."""
    parts = [_symptom(d)]
    causes = [_cause(f, init) for f in d.findings[:limit]]
    if causes:
        parts.extend(causes)
    else:
        parts.append(
            translate(
                "Advice",
                "Try more hidden units or layers, another learning rate, or standardised inputs.",
            )
        )
    return " ".join(parts)


def _symptom(d: Diagnosis) -> str:
    if d.flat and d.at_chance:
        return translate(
            "Advice",
            "The network did not learn: in {iterations} iterations the cost went only from "
            "{first:.4g} to {last:.4g}, and the training accuracy ({accuracy}) is no better "
            "than always answering the most common class ({chance}).",
        ).format(
            iterations=d.iterations,
            first=d.first_cost,
            last=d.last_cost,
            accuracy=_percent(d.accuracy),
            chance=_percent(d.chance),
        )
    if d.flat:
        return translate(
            "Advice",
            "The network did not learn: in {iterations} iterations the cost went only from "
            "{first:.4g} to {last:.4g}.",
        ).format(iterations=d.iterations, first=d.first_cost, last=d.last_cost)
    return translate(
        "Advice",
        "The network did not learn to tell the classes apart: its training accuracy "
        "({accuracy}) is no better than always answering the most common class ({chance}).",
    ).format(accuracy=_percent(d.accuracy), chance=_percent(d.chance))


def _cause(f: Finding, init: str) -> str:
    if f.code == "blown_up":
        return translate(
            "Advice",
            "This run started from weights an earlier run had blown up: their cost was "
            "{start:.4g}, against {initial:.4g} for fresh initial weights, and no learning rate "
            "brings them back quickly. Click Reset weights to start again from fresh initial "
            "weights.",
        ).format(start=f["start_cost"], initial=f["initial_cost"])
    if f.code == "symmetric":
        return translate(
            "Advice",
            "All {units} units of layer {layer} have the same weights, so they compute the same "
            "thing and receive the same gradient. Initialise the weights randomly (Xavier, or He "
            "for ReLU).",
        ).format(units=f["units"], layer=f["layer"])
    if f.code == "no_hidden_layer":
        return translate(
            "Advice",
            "Without a hidden layer the network can only draw a straight boundary (logistic "
            "regression). Add a hidden layer.",
        )
    if f.code == "dead_relu":
        if f["units"] == 1:
            template = translate(
                "Advice",
                "The only ReLU unit of layer {layer} is dead: it outputs 0 for every sample, so "
                "no gradient reaches its weights.",
            )
        else:
            template = translate(
                "Advice",
                "{dead} of the {units} ReLU units of layer {layer} are dead: they output 0 for "
                "every sample, so no gradient reaches their weights.",
            )
        text = template.format(dead=f["dead"], units=f["units"], layer=f["layer"])
        if init == "he":
            remedy = translate("Advice", "Try a smaller learning rate.")
        else:
            remedy = translate("Advice", "Try a smaller learning rate and He initialisation.")
        return f"{text} {remedy}"
    if f.code == "saturated":
        if f["units"] == 1:
            template = translate(
                "Advice",
                "The only {activation} unit of layer {layer} is saturated: its slope g′(Z) is "
                "nearly 0 for almost every sample, so its gradient vanishes.",
            )
        else:
            template = translate(
                "Advice",
                "{saturated} of the {units} {activation} units of layer {layer} are saturated: "
                "their slope g′(Z) is nearly 0 for almost every sample, so their gradients "
                "vanish.",
            )
        text = template.format(
            saturated=f["saturated"], units=f["units"], activation=f["activation"], layer=f["layer"]
        )
        remedy = translate(
            "Advice",
            "Try a smaller learning rate, or ReLU units with He initialisation.",
        )
        return f"{text} {remedy}"
    if f.code == "unscaled_inputs":
        return translate(
            "Advice",
            "The input features have very different scales (standard deviations from "
            "{smallest:.3g} to {largest:.3g}) and are not standardised. Standardise the inputs "
            "(mean 0 and variance 1 for every feature).",
        ).format(smallest=f["smallest"], largest=f["largest"])
    if f.code == "vanishing":
        return translate(
            "Advice",
            "The gradient of layer 1 is only {ratio:.2g} times that of a later layer: through "
            "{hidden} {activation} hidden layers it vanishes on the way back. Try fewer layers, "
            "or ReLU units with He initialisation.",
        ).format(ratio=f["ratio"], hidden=f["hidden"], activation=f["activation"])
    if f.code == "oscillating":
        return translate(
            "Advice",
            "The cost went up between {share} of the records: the learning rate {lr:g} makes it "
            "jump around the minimum. Try a smaller learning rate, e.g. {suggested:g}.",
        ).format(share=_percent(float(f["share"])), lr=f["learning_rate"], suggested=f["suggested"])
    if f.code == "rate_too_small":
        return translate(
            "Advice",
            "The cost is still falling, slowly: the learning rate {lr:g} is small for this "
            "network. Try a larger learning rate, e.g. {suggested:g}, or more iterations.",
        ).format(lr=f["learning_rate"], suggested=f["suggested"])
    return f.code
