"""What is read can be written again, and what cannot be written is refused with a named error.

Hostile values a model file's format allows on its face: text that is not valid Unicode, whole
numbers far beyond any field's range, keys megabytes long, file names no file system takes,
dates beyond the zip format's, things that are not regular files.
"""

from __future__ import annotations

import json
import os
import sys
import threading
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nnstudio.data import Dataset
from nnstudio.engine import Network
from nnstudio.files import load_model, save_model
from nnstudio.files.errors import (
    FileAccessError,
    InvalidContentError,
    ModelFileError,
    SaveError,
)

NET = Network([2, 3, 1], ["tanh", "sigmoid"], seed=1)
TEMP = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def base_file(folder: Path) -> Path:
    data = Dataset(
        X=np.arange(8.0).reshape(2, 4),
        Y=np.array([[0, 1, 0, 1]]),
        task="binary",
        feature_names=("x1", "x2"),
        class_names=("no", "yes"),
        name="table",
        source={"kind": "csv", "file_name": "table.csv", "label_column": "y"},
    )
    path = folder / "base.nnstudio"
    if not path.exists():
        save_model(path, NET, dataset=data, hyperparameters={"epochs": 10}, extra={"note": "n"})
    return path


def rewritten(src: Path, dst: Path, edit) -> Path:  # type: ignore[no-untyped-def]
    """A copy of ``src`` whose manifest text went through ``edit``."""
    with zipfile.ZipFile(src) as z:
        members = {name: z.read(name) for name in z.namelist()}
    members["manifest.json"] = edit(members["manifest.json"].decode()).encode()
    with zipfile.ZipFile(dst, "w") as z:
        for name, data in members.items():
            z.writestr(name, data)
    return dst


# the text fields of a manifest, as (text to replace, replacement with {} for the hostile text)
TEXT_FIELDS = {
    "dataset.name": ('"name": "table"', '"name": "{}"'),
    "dataset.feature_names[1]": ('"x2"', '"{}"'),
    "dataset.class_names[0]": ('"no"', '"{}"'),
    "dataset.source.file_name": ('"table.csv"', '"{}"'),
    "extra.note": ('"note": "n"', '"note": "{}"'),
}


@TEMP
@given(
    field=st.sampled_from(sorted(TEXT_FIELDS)),
    code=st.integers(0xD800, 0xDFFF),
    before=st.text(st.characters(categories=["L", "N"], codec="ascii"), max_size=5),
)
def test_text_that_is_not_unicode_is_refused_at_load_naming_its_field(
    tmp_path_factory, field, code, before
):
    folder = tmp_path_factory.mktemp("surrogates")
    old, new = TEXT_FIELDS[field]
    hostile = new.format(f"{before}\\u{code:04x}")
    path = rewritten(base_file(folder), folder / "s.nnstudio", lambda t: t.replace(old, hostile, 1))
    with pytest.raises(InvalidContentError, match="not valid Unicode") as caught:
        load_model(path)
    assert str(caught.value).startswith(field)


def test_a_pair_of_surrogate_escapes_is_a_character_and_loads(tmp_path):
    path = rewritten(
        base_file(tmp_path),
        tmp_path / "pair.nnstudio",
        lambda t: t.replace('"note": "n"', '"note": "\\ud83d\\ude00"'),
    )
    assert load_model(path).extra["note"] == "😀"


@TEMP
@given(
    where=st.sampled_from(["extra", "hyperparameters", "key"]),
    code=st.integers(0xD800, 0xDFFF),
)
def test_saving_text_that_is_not_unicode_is_a_named_refusal(tmp_path_factory, where, code):
    folder = tmp_path_factory.mktemp("save")
    text = f"a{chr(code)}b"
    kwargs = {
        "extra": {"extra": {"note": text}},
        "hyperparameters": {"hyperparameters": {"optimizer": text}},
        "key": {"extra": {text: 1}},
    }[where]
    with pytest.raises(InvalidContentError, match="not valid Unicode"):
        save_model(folder / "m.nnstudio", NET, **kwargs)
    assert list(folder.iterdir()) == []


def test_a_csv_file_name_that_is_not_utf8_is_stored_cleaned(tmp_path):
    stem = os.fsdecode(b"caf\xe9")  # Latin-1 bytes in a file name: a surrogate in Python
    data = Dataset(
        X=np.zeros((2, 2)),
        Y=np.array([[0, 1]]),
        task="binary",
        feature_names=("a", "b"),
        class_names=("0", "1"),
        name=stem,
        source={"kind": "csv", "file_name": stem + ".csv", "label_column": "y"},
    )
    path = save_model(tmp_path / "m.nnstudio", NET, dataset=data)
    loaded = load_model(path).dataset
    assert loaded is not None
    assert loaded.name == "caf\ufffd" and loaded.source["file_name"] == "caf\ufffd.csv"
    save_model(path, NET, dataset=loaded)  # and it is written back as it was read


# whole numbers beyond every field's range
INT_FIELDS = {
    "hyperparameters.epochs": ('"epochs": 10', '"epochs": {}'),
    "network.seed": ('"seed": 1', '"seed": {}'),
    "extra.note": ('"note": "n"', '"note": {}'),
    "dataset.m": ('"m": 4', '"m": {}'),
}


@TEMP
@given(
    field=st.sampled_from(sorted(INT_FIELDS)),
    digits=st.one_of(st.integers(20, 400), st.integers(4200, 9000)),
    sign=st.sampled_from(["", "-"]),
)
def test_huge_whole_numbers_name_their_field_in_a_short_message(
    tmp_path_factory, field, digits, sign
):
    folder = tmp_path_factory.mktemp("huge")
    old, new = INT_FIELDS[field]
    number = sign + "9" * digits
    path = rewritten(
        base_file(folder), folder / "h.nnstudio", lambda t: t.replace(old, new.format(number), 1)
    )
    with pytest.raises(InvalidContentError) as caught:
        load_model(path)
    message = str(caught.value)
    assert message.startswith(field) and f"{digits:,} digits" in message
    assert len(message) < 200


@TEMP
@given(
    place=st.sampled_from(["hyperparameters", "extra", "history", "learning_rate"]),
    exponent=st.integers(19, 5000),
)
def test_saving_a_huge_whole_number_is_a_named_refusal(tmp_path_factory, place, exponent):
    folder = tmp_path_factory.mktemp("savehuge")
    huge = 10**exponent
    kwargs = {
        "hyperparameters": {"hyperparameters": {"epochs": huge}},
        "extra": {"extra": {"count": [1, huge]}},
        "history": {"history": {"step": [0, huge]}},
        "learning_rate": {"hyperparameters": {"learning_rate": huge}},
    }[place]
    with pytest.raises(InvalidContentError, match="digits") as caught:
        save_model(folder / "m.nnstudio", NET, **kwargs)
    assert len(str(caught.value)) < 200
    assert list(folder.iterdir()) == []


def test_a_megabyte_key_is_quoted_in_a_few_characters(tmp_path):
    key = "k" * 1_000_000
    path = rewritten(
        base_file(tmp_path),
        tmp_path / "key.nnstudio",
        lambda t: t.replace('"extra": {', '"' + key + '": 1, "extra": {', 1),
    )
    with pytest.raises(InvalidContentError, match="unknown field") as caught:
        load_model(path)
    assert "1,000,000 characters" in str(caught.value) and len(str(caught.value)) < 300


def test_any_message_quotes_at_most_a_short_part_of_the_file(tmp_path):
    name = "x" * 50_000
    path = rewritten(
        base_file(tmp_path),
        tmp_path / "act.nnstudio",
        lambda t: t.replace('"tanh"', json.dumps(name), 1),
    )
    with pytest.raises(ModelFileError) as caught:
        load_model(path)
    assert len(str(caught.value)) <= 600


# -- what save_model raises ------------------------------------------------------------------------
def test_a_nul_in_the_path_is_a_save_error(tmp_path):
    with pytest.raises(SaveError, match="NUL"):
        save_model(tmp_path / "a\0b.nnstudio", NET)
    with pytest.raises(SaveError, match="no file name"):
        save_model("", NET)


def test_a_date_beyond_the_zip_formats_is_saved_and_read_back(tmp_path):
    moment = datetime(2200, 1, 2, 3, 4, 5, tzinfo=UTC)
    path = save_model(tmp_path / "m.nnstudio", NET, modified=moment, created=moment)
    assert load_model(path).modified == moment


@pytest.mark.parametrize("name", ["a" * 245 + ".nnstudio", "é" * 118 + ".nnstudio"])
def test_the_longest_names_the_file_system_takes_can_be_saved(tmp_path, name):
    assert len(os.fsencode(name)) <= 255
    path = save_model(tmp_path / name, NET)
    assert load_model(path).network == NET
    assert [p.name for p in tmp_path.iterdir()] == [name]


# -- only regular files are read -------------------------------------------------------------------
def test_a_folder_is_named_as_a_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(FileAccessError, match=r"cannot read \.: it is a folder"):
        load_model(".")
    with pytest.raises(FileAccessError, match="it is a folder"):
        load_model(tmp_path)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_named_pipe_is_refused_at_once_instead_of_waiting_for_a_writer(tmp_path):
    fifo = tmp_path / "pipe.nnstudio"
    os.mkfifo(fifo)
    outcome: list[BaseException] = []
    done = threading.Event()

    def read() -> None:
        try:
            load_model(fifo)
        except BaseException as exc:  # handed to the test
            outcome.append(exc)
        done.set()

    threading.Thread(target=read, daemon=True).start()
    if not done.wait(timeout=10):
        with open(fifo, "wb"):  # release the blocked reader before failing
            pass
        pytest.fail("reading a named pipe waited for a writer")
    assert isinstance(outcome[0], FileAccessError) and "not a regular file" in str(outcome[0])


@pytest.mark.skipif(sys.platform == "win32", reason="no /dev/zero")
def test_a_device_is_not_read():
    with pytest.raises(FileAccessError, match="not a regular file"):
        load_model("/dev/zero")


@pytest.mark.parametrize(
    ("steps", "message"),
    [
        ("[0, null]", "must be a whole number"),
        ("[0, 10.5]", "must be a whole number"),
        ("[10, 5]", "the iterations must increase"),
        ("[-1]", "must lie in"),
    ],
)
def test_history_iterations_are_whole_and_increasing(tmp_path, steps, message):
    def with_steps(text: str) -> str:
        return text.replace('"history": {}', '"history": {"step": ' + steps + "}", 1)

    path = rewritten(base_file(tmp_path), tmp_path / "steps.nnstudio", with_steps)
    with pytest.raises(InvalidContentError, match=message) as caught:
        load_model(path)
    assert str(caught.value).startswith("history.step[")
    with pytest.raises(InvalidContentError, match=message):
        save_model(tmp_path / "again.nnstudio", NET, history={"step": json.loads(steps)})
