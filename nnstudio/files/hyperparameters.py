"""Checks of the ``hyperparameters`` field (the training settings) and of ``network.keep_prob``.

Format 3 added dropout's ``keep_prob`` to ``network`` and learning-rate decay and the mini-batch
shuffling convention to ``hyperparameters``. Each failure is an
:class:`~.errors.InvalidContentError` naming the field.
"""

from __future__ import annotations

from typing import Any

from ..engine import LR_SCHEDULES, OPTIMIZERS, SHUFFLES, HyperparameterError, check_decay
from ..text import translate
from .jsonvalues import (
    JSON,
    check_json,
    invalid,
    need_bool,
    need_dict,
    need_int,
    need_list,
    need_number,
    need_str,
)

MAX_SEED = 2**32 - 1  # the largest seed of a RandomState


def check_keep_prob_field(value: JSON, hidden: int) -> tuple[float, ...]:
    """``network.keep_prob``: one number in (0, 1] per hidden layer (the spec checks the range
    and the count again, with its own message)."""
    items = need_list(value, "network.keep_prob", max(hidden, 0))
    return tuple(
        need_number(k, f"network.keep_prob[{i}]", 0.0, 1.0, lo_open=True)
        for i, k in enumerate(items)
    )


def check_batch_norm_field(value: JSON, hidden: int) -> tuple[bool, ...]:
    """``network.batch_norm``: true or false per hidden layer."""
    items = need_list(value, "network.batch_norm", max(hidden, 0))
    return tuple(need_bool(b, f"network.batch_norm[{i}]") for i, b in enumerate(items))


def check_course2_hyperparameters(d: dict[str, Any], where: str) -> None:
    """``decay_schedule``, ``decay_rate``, ``decay_interval`` and ``shuffle``, where present."""
    if "shuffle" in d:
        need_str(d["shuffle"], where + "shuffle", 100)
        if d["shuffle"] not in SHUFFLES:
            raise invalid(
                where + "shuffle",
                translate("ModelFile", "is {name!r}; known: {known}").format(
                    name=d["shuffle"], known=", ".join(SHUFFLES)
                ),
            )
    schedule = d.get("decay_schedule", "none")
    if "decay_schedule" in d:
        need_str(schedule, where + "decay_schedule", 100)
        if schedule not in LR_SCHEDULES:
            raise invalid(
                where + "decay_schedule",
                translate("ModelFile", "is {name!r}; known: {known}").format(
                    name=schedule, known=", ".join(LR_SCHEDULES)
                ),
            )
    rate = need_number(d.get("decay_rate", 0.0), where + "decay_rate", 0.0)
    interval = need_int(d.get("decay_interval", 1000), where + "decay_interval", 1, 2**40)
    problem = check_decay(str(schedule), rate, interval)
    if problem:
        raise invalid(where + "decay_rate", problem)


def check_hyperparameters(value: JSON) -> dict[str, Any]:
    """Any JSON object; the keys the trainer reads must have usable values."""
    d = need_dict(check_json(value, "hyperparameters"), "hyperparameters")
    w = "hyperparameters."
    if "learning_rate" in d:
        need_number(d["learning_rate"], w + "learning_rate", 0.0, lo_open=True)
    for key in ("epochs", "batch_size"):
        if key in d:
            need_int(d[key], w + key, 0, 2**40)
    if "report_every" in d:
        need_int(d["report_every"], w + "report_every", 1, 2**40)
    for key in ("shuffle_seed", "split_seed"):
        if key in d:
            need_int(d[key], w + key, 0, MAX_SEED)
    for key, high in (("validation_share", 1.0), ("test_share", 1.0), ("human_level_error", None)):
        if key in d:  # test_share, human_level_error (a share, or a cost): not in older files
            need_number(d[key], w + key, 0.0, high, hi_open=high is not None)
    if float(d.get("validation_share", 0.0)) + float(d.get("test_share", 0.0)) >= 1.0:
        raise invalid(
            w + "test_share",
            translate(
                "ModelFile", "and validation_share add up to 1 or more: no training data is left"
            ),
        )
    if "standardize" in d:
        need_bool(d["standardize"], w + "standardize")
    check_course2_hyperparameters(d, w)
    optimizer = d.get("optimizer")
    if optimizer is not None:
        need_str(optimizer, w + "optimizer", 100)
        if optimizer not in OPTIMIZERS:
            raise invalid(
                w + "optimizer",
                translate("ModelFile", "is {name!r}; known: {known}").format(
                    name=optimizer, known=", ".join(OPTIMIZERS)
                ),
            )
    options = need_dict(d.get("optimizer_options", {}), w + "optimizer_options")
    allowed = OPTIMIZERS[optimizer].hyperparameter_names if optimizer else None
    for key, option in options.items():
        if allowed is not None and key not in allowed:
            raise invalid(
                w + "optimizer_options",
                translate("ModelFile", "has {key!r}, which {name} does not use").format(
                    key=key, name=optimizer
                ),
            )
        need_number(option, f"{w}optimizer_options.{key}")
        if optimizer:  # the engine's range for the option (0 ≤ β < 1, ε > 0, …)
            try:
                OPTIMIZERS[optimizer].ranges[key].check(option)
            except HyperparameterError as exc:
                raise invalid(f"{w}optimizer_options.{key}", exc.reason) from exc
    return d
