"""L1 λ₁ and the history's regularisation term ("penalty") in the model file (format 2), and
files from before them (format 1: λ₁ = 0, no penalty series)."""

from __future__ import annotations

import json
import zipfile

import pytest
from nnstudio.resources import resource_path

from nnstudio.files import InvalidContentError, load_model, save_model
from nnstudio.session import LayerSpec, Session
from nnstudio.session_files import load_session, save_session


def regularised_session() -> Session:
    session = Session()
    session.set_hidden_layers((LayerSpec(5, "tanh"),))
    session.set_l2(0.05)
    session.set_l1(0.02)
    session.set_settings(epochs=60, report_every=10)
    session.train_here()
    return session


def test_l1_and_the_penalty_series_round_trip(tmp_path):
    session = regularised_session()
    h = session.history
    assert len(h) > 3
    assert all(p is not None and 0.0 < p < c for p, c in zip(h.penalty, h.cost, strict=True))
    path = save_session(session, tmp_path / "reg.nnstudio")
    with zipfile.ZipFile(path) as zf:
        manifest = json.loads(zf.read("manifest.json"))
    assert manifest["format_version"] == 3
    assert manifest["network"]["l1"] == 0.02
    assert manifest["history"]["penalty"] == h.penalty
    again = load_session(path)
    assert (again.l1, again.l2) == (0.02, 0.05)
    assert (again.network.l1, again.network.l2) == (0.02, 0.05)
    assert again.history.penalty == h.penalty
    assert again.history == h


def test_a_format_1_file_opens_with_l1_zero_and_no_penalty():
    path = resource_path("examples", "flower.nnstudio")
    with zipfile.ZipFile(path) as zf:
        manifest = json.loads(zf.read("manifest.json"))
    assert manifest["format_version"] == 1 and "l1" not in manifest["network"]
    assert load_model(path).network.spec.l1 == 0.0
    session = load_session(path)
    assert session.l1 == 0.0 and session.network.l1 == 0.0
    assert session.history.penalty == [None] * len(session.history)
    assert "penalty" not in session.history.to_dict()  # nothing invented on saving again


def test_a_format_2_network_without_l1_is_refused(tmp_path):
    session = Session()
    path = save_session(session, tmp_path / "a.nnstudio")
    with zipfile.ZipFile(path) as zf:
        members = {name: zf.read(name) for name in zf.namelist()}
    manifest = json.loads(members["manifest.json"])
    del manifest["network"]["l1"]
    members["manifest.json"] = json.dumps(manifest).encode()
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    with pytest.raises(InvalidContentError, match="l1"):
        load_model(path)


def test_a_negative_penalty_is_refused_naming_the_point(tmp_path):
    session = Session()
    history = {"step": [0, 10], "cost": [0.7, 0.6], "penalty": [0.1, -0.2]}
    with pytest.raises(InvalidContentError, match=r"history\.penalty\[1\]"):
        save_model(tmp_path / "bad.nnstudio", session.network, history=history)
