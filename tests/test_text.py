"""nnstudio.text: translatable messages of the Qt-free packages, without Qt."""

from __future__ import annotations

import copy
import pickle
import re

import pytest

from nnstudio.data import BUILTIN_DATASETS, CsvError, load_csv, make_dataset
from nnstudio.engine import NetworkSpec, SpecError
from nnstudio.text import Text, count, localized, set_translator, translatable, translate


@pytest.fixture
def shouting():
    """A translator that upper-cases every source text but its {fields}, and records what it
    was asked."""
    asked: list[tuple[str, str]] = []

    def upper(context: str, source: str) -> str:
        asked.append((context, source))
        parts = re.split(r"(\{[^{}]*\})", source)
        return "".join(p if p.startswith("{") else p.upper() for p in parts)

    set_translator(upper)
    yield asked
    set_translator(None)


def test_without_a_translator_the_source_is_the_text() -> None:
    assert translate("Ctx", "row {row} is empty").format(row=3) == "row 3 is empty"
    title = translatable("Ctx", "Circles")
    assert isinstance(title, str) and title == "Circles" and localized(title) == "Circles"
    assert localized(42) == "42"


def test_a_translator_translates_templates_not_values(shouting) -> None:
    assert translate("Ctx", "row {row} of {name}").format(row=3, name="iris") == "ROW 3 OF iris"
    assert shouting == [("Ctx", "row {row} of {name}")]
    set_translator(lambda context, source: "")  # no translation: the source
    assert translate("Ctx", "same") == "same"


def test_a_marked_constant_stays_english_until_shown(shouting) -> None:
    title = BUILTIN_DATASETS["circles"].title
    assert isinstance(title, Text) and title.context == "BuiltinData"
    assert str(title) == "Circles"
    assert localized(title) == "CIRCLES"


def test_a_translation_naming_a_wrong_field_falls_back_to_the_source() -> None:
    set_translator(lambda context, source: "第 {line} 行")  # the code gives "row"
    try:
        assert translate("Ctx", "row {row}").format(row=3) == "row 3"
    finally:
        set_translator(None)


def test_text_survives_copy_and_pickle() -> None:
    title = translatable("Ctx", "Moons")
    for twin in (copy.copy(title), copy.deepcopy(title), pickle.loads(pickle.dumps(title))):
        assert twin == "Moons" and twin.context == "Ctx" and twin.source == "Moons"


def test_errors_of_the_qt_free_packages_are_made_in_the_current_language(
    shouting, tmp_path
) -> None:
    with pytest.raises(SpecError, match="LAYER 1 HAS 0 UNITS"):
        NetworkSpec((2, 0, 1), ("tanh", "sigmoid"))
    path = tmp_path / "empty.csv"
    path.write_text("")
    with pytest.raises(CsvError, match=r"^empty\.csv IS EMPTY; CHOOSE A CSV FILE"):
        load_csv(path)  # the file name is a value: it stays as it is


def test_counts_say_one_thing_and_two_things() -> None:
    assert count(1, "{n} feature", "{n} features") == "1 feature"
    assert count(2, "{n} feature", "{n} features") == "2 features"
    assert count(0, "{n} feature", "{n} features") == "0 features"
    assert make_dataset("sine").summary() == "sine: 200 samples, 1 feature, regression"
    assert make_dataset("flower").summary() == "flower: 400 samples, 2 features, 2 classes"


def test_a_data_set_summary_is_made_in_the_current_language(shouting) -> None:
    assert make_dataset("sine").summary() == "sine: 200 SAMPLES, 1 FEATURE, REGRESSION"
