"""Saving is atomic: a failure at any moment leaves the previous file exactly as it was."""

from __future__ import annotations

import os
import stat
import sys
from datetime import UTC, datetime

import numpy as np
import pytest

import nnstudio.files.save as save_module
from nnstudio.engine import Network
from nnstudio.files import LimitExceededError, Limits, SaveError, load_model, save_model


@pytest.fixture
def existing(tmp_path):
    path = tmp_path / "model.nnstudio"
    save_model(path, Network([2, 4, 1], ["tanh", "sigmoid"], seed=1), history={"cost": [0.7]})
    return path


def _changed_network() -> Network:
    return Network([2, 8, 8, 1], ["relu", "relu", "sigmoid"], seed=9)


def _only(folder) -> list[str]:  # type: ignore[no-untyped-def]
    return sorted(p.name for p in folder.iterdir())


def test_failure_in_the_middle_of_writing_keeps_the_old_file(existing, monkeypatch):
    before = existing.read_bytes()
    real, calls = save_module.npy_bytes, []

    def fail_on_third(array: np.ndarray) -> bytes:
        calls.append(array.shape)
        if len(calls) == 3:
            raise RuntimeError("simulated crash while writing")
        return real(array)

    monkeypatch.setattr(save_module, "npy_bytes", fail_on_third)
    with pytest.raises(RuntimeError, match="simulated crash"):
        save_model(existing, _changed_network())
    assert len(calls) == 3
    assert existing.read_bytes() == before
    assert _only(existing.parent) == ["model.nnstudio"]


@pytest.mark.parametrize("where", ["fsync", "replace"])
def test_disk_errors_become_save_errors_and_keep_the_old_file(existing, monkeypatch, where):
    before = existing.read_bytes()

    def refuse(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(save_module.os, where, refuse)
    with pytest.raises(SaveError, match="No space left on device") as info:
        save_model(existing, _changed_network())
    monkeypatch.undo()
    assert info.value.path == existing
    assert existing.read_bytes() == before
    assert _only(existing.parent) == ["model.nnstudio"]
    assert load_model(existing).history == {"cost": [0.7]}


def test_interrupt_during_writing_removes_the_temporary_file(existing, monkeypatch):
    before = existing.read_bytes()

    def interrupt(*args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(save_module, "write_zip", interrupt)
    with pytest.raises(KeyboardInterrupt):
        save_model(existing, _changed_network())
    assert existing.read_bytes() == before
    assert _only(existing.parent) == ["model.nnstudio"]


def test_successful_save_replaces_the_file(existing):
    save_model(existing, _changed_network())
    assert load_model(existing).network == _changed_network()
    assert _only(existing.parent) == ["model.nnstudio"]


def test_missing_folder_is_a_save_error(tmp_path):
    with pytest.raises(SaveError, match="could not save"):
        save_model(tmp_path / "no" / "such" / "m.nnstudio", Network([1, 1], ["linear"]))


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_permissions_are_kept_and_new_files_are_readable(existing, tmp_path):
    os.chmod(existing, 0o600)
    save_model(existing, _changed_network())
    assert stat.S_IMODE(existing.stat().st_mode) == 0o600
    fresh = save_model(tmp_path / "new.nnstudio", _changed_network())
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o644


@pytest.mark.skipif(sys.platform == "win32", reason="symbolic links need privileges")
def test_saving_through_a_link_writes_the_linked_file(existing, tmp_path):
    link = tmp_path / "link.nnstudio"
    link.symlink_to(existing)
    save_model(link, _changed_network())
    assert link.is_symlink()
    assert load_model(existing).network == _changed_network()


def test_resaving_keeps_the_creation_time(existing):
    first = load_model(existing)
    save_model(existing, first.network, created=first.created)
    again = load_model(existing)
    assert again.created == first.created
    assert again.modified is not None and first.modified is not None
    assert again.modified >= first.modified
    assert again.created is not None and again.created.tzinfo == UTC
    assert again.created <= datetime.now(UTC)


def test_a_manifest_over_the_limit_is_refused_before_writing(existing, monkeypatch):
    before = existing.read_bytes()
    monkeypatch.setattr(save_module, "LIMITS", Limits(manifest_bytes=4000))
    with pytest.raises(LimitExceededError, match="delete some comparison runs"):
        save_model(existing, _changed_network(), history={"cost": [0.5] * 1000})
    assert existing.read_bytes() == before
    assert _only(existing.parent) == ["model.nnstudio"]
