"""The bias–variance verdict: the course's examples, its thresholds, regression, and real runs
of the engine that underfit and overfit."""

from __future__ import annotations

import pytest

from nnstudio.learn import judge, run_verdict, verdict_text
from nnstudio.learn.verdict import BIAS_STEPS, HIGH_GAP, VARIANCE_STEPS, situation_title
from nnstudio.session import DataChoice, LayerSpec, Session


# -- the course's worked examples (errors as shares) -------------------------------------------
@pytest.mark.parametrize(
    "train, dev, human, situation, focus",
    [
        (0.01, 0.11, 0.0, "high_variance", "variance"),  # fits the training set, not dev
        (0.15, 0.16, 0.0, "high_bias", "bias"),  # underfits, generalises as badly
        (0.15, 0.30, 0.0, "both", "bias"),  # both gaps high (15 points each): bias first
        (0.15, 0.35, 0.0, "both", "variance"),  # the larger gap first
        (0.005, 0.01, 0.0, "fine", None),
        (0.08, 0.10, 0.01, "both", "bias"),  # human 1 %: focus on the 7 points of bias
        (0.08, 0.10, 0.075, "high_variance", "variance"),  # human 7.5 %: only variance left
        (0.15, 0.16, 0.14, "fine", None),  # a hard task: 15 % is close to the human level
    ],
)
def test_the_course_examples_get_the_course_verdicts(train, dev, human, situation, focus):
    verdict = judge(train, dev, human)
    assert verdict.situation == situation and verdict.focus == focus
    assert verdict.avoidable_bias == pytest.approx(train - human)
    assert verdict.variance == pytest.approx(dev - train)


def test_a_gap_counts_as_high_from_two_points_despite_rounding():
    assert HIGH_GAP == 0.02
    assert judge(0.14, 0.16).high_variance  # 0.16 − 0.14 is 0.0199999… in floats
    assert not judge(0.14, 0.159).high_variance
    assert judge(0.02, 0.02).high_bias and not judge(0.019, 0.019).high_bias


def test_next_steps_follow_the_basic_recipe_larger_gap_first():
    assert judge(0.2, 0.21).next_steps == BIAS_STEPS
    assert judge(0.0, 0.2).next_steps == VARIANCE_STEPS
    both = judge(0.1, 0.4).next_steps  # variance 30 points, bias 10
    assert both[:3] == VARIANCE_STEPS and set(both) == set(BIAS_STEPS) | set(VARIANCE_STEPS)
    assert judge(0.01, 0.015).next_steps == ()


def test_the_text_names_the_situation_the_gaps_and_the_step():
    text = verdict_text(judge(0.10, 0.40))
    assert text.title == "High bias and high variance"
    assert "10.0 %" in text.gaps and "30.0 %" in text.gaps and "2.0 %" in text.gaps
    assert text.advice.startswith("Work on the larger gap first.")
    assert text.advice.index("more training data") < text.advice.index("bigger network")
    assert "test set" in verdict_text(judge(0.01, 0.012)).advice
    for situation in ("high_bias", "high_variance", "both", "fine"):
        assert situation_title(situation)


@pytest.mark.parametrize("bad", [(-0.1, 0.1, 0.0), (0.1, 1.2, 0.0), (float("nan"), 0.1, 0.0)])
def test_impossible_errors_are_refused(bad):
    with pytest.raises(ValueError):
        judge(*bad)


# -- regression: the cost instead of an error rate --------------------------------------------
def test_a_regression_is_judged_on_its_cost_relative_to_its_first_cost():
    verdict = run_verdict({"step": [0, 10], "cost": [2.0, 0.5], "val_cost": [2.1, 0.52]})
    assert verdict is not None and verdict.measure == "cost"
    assert verdict.threshold == pytest.approx(0.1)  # 5 % of the first cost, 2.0
    assert verdict.situation == "high_bias"  # 0.5 of cost left, little gap to dev
    text = verdict_text(verdict)
    assert "cost J is compared instead" in text.gaps and "0.5" in text.gaps
    fitted = run_verdict({"step": [0, 10], "cost": [2.0, 0.01], "val_cost": [2.1, 0.6]})
    assert fitted is not None and fitted.situation == "high_variance"


def test_no_verdict_without_a_dev_set():
    assert run_verdict({"step": [10], "cost": [0.3], "val_cost": [None]}) is None
    history = {"step": [10], "cost": [0.3], "accuracy": [0.9], "val_accuracy": [None]}
    assert run_verdict(history) is None
    assert run_verdict({}) is None


def test_the_last_record_with_both_values_counts():
    history = {
        "step": [10, 20, 30],
        "cost": [0.6, 0.4, None],
        "accuracy": [0.6, 0.99, None],
        "val_accuracy": [0.6, 0.80, None],
    }
    verdict = run_verdict(history, human=0.005)
    assert verdict is not None
    assert (verdict.train, verdict.dev, verdict.human) == pytest.approx((0.01, 0.2, 0.005))


# -- real runs of the engine ----------------------------------------------------------------------
def test_logistic_regression_on_the_flower_underfits():
    """The course's first model: no hidden layer draws one straight line through the petals."""
    session = Session()
    session.set_data(DataChoice("flower", {}, 0.2, False, 1))
    session.set_hidden_layers(())
    session.set_settings(learning_rate=1.2, epochs=1000, report_every=100)
    session.train_here()
    verdict = run_verdict(session.history)
    assert verdict is not None and verdict.situation == "high_bias"
    assert verdict.train > 0.3 and abs(verdict.variance) < HIGH_GAP


def test_a_big_network_on_few_noisy_points_overfits():
    session = Session()
    session.set_data(DataChoice("moons", {"samples": 60, "noise": 0.35}, 0.5, True, 1))
    session.set_hidden_layers((LayerSpec(50, "relu"), LayerSpec(50, "relu")))
    session.set_initialization("he", 1)
    session.set_settings(optimizer="adam", learning_rate=0.01, epochs=1500, report_every=100)
    session.train_here()
    verdict = run_verdict(session.history)
    assert verdict is not None and verdict.situation == "high_variance"
    assert verdict.train == 0.0 and verdict.dev >= 0.1


def test_a_fitting_network_on_plenty_of_clean_data_is_fine():
    session = Session()
    session.set_data(DataChoice("moons", {"samples": 400, "noise": 0.05}, 0.25, True, 1))
    session.set_hidden_layers((LayerSpec(8, "tanh"),))
    session.set_initialization("xavier", 1)
    session.set_settings(optimizer="adam", learning_rate=0.05, epochs=600, report_every=100)
    session.train_here()
    verdict = run_verdict(session.history)
    assert verdict is not None and verdict.situation == "fine"
