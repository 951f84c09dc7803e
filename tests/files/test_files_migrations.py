"""Older format versions are upgraded through the registered migration table."""

from __future__ import annotations

import io
import json
import zipfile
from typing import Any

import numpy as np
import pytest

from nnstudio.engine import Network
from nnstudio.files import (
    FORMAT_VERSION,
    MIGRATIONS,
    InvalidContentError,
    UnsupportedVersionError,
    load_model,
)
from nnstudio.files.archive import Archive
from nnstudio.files.migrations import oldest_readable


def _npy(array: np.ndarray) -> bytes:
    buffer = io.BytesIO()
    np.save(buffer, array, allow_pickle=False)
    return buffer.getvalue()


def _format_zero_file(path, net: Network):  # type: ignore[no-untyped-def]
    """An imagined first format: the spec under "architecture", weights under weights/,
    no timestamps and no array declarations."""
    spec = net.spec.to_dict()
    manifest = {"format": "nnstudio-model", "format_version": 0, "architecture": spec}
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("manifest.json", json.dumps(manifest))
        for name, value in net.params.items():
            zf.writestr(f"weights/{name}.npy", _npy(value))
    return path


def _zero_to_one(manifest: dict[str, Any], archive: Archive) -> dict[str, Any]:
    arrays = {}
    for name in sorted(archive.names()):
        if name.startswith("weights/"):
            new = "params/" + name.removeprefix("weights/")
            archive.put(new, archive.read(name))
            archive.remove(name)
            array = np.load(io.BytesIO(archive.read(new)), allow_pickle=False)
            arrays[new] = {"shape": list(array.shape), "dtype": array.dtype.name}
    return {
        "format": manifest["format"],
        "format_version": 1,
        "app_version": "0.0.1",
        "created": "2020-01-01T00:00:00Z",
        "modified": "2020-01-01T00:00:00Z",
        "network": manifest["architecture"],
        "arrays": arrays,
    }


def test_every_format_since_the_first_is_readable():
    assert FORMAT_VERSION == 3
    assert oldest_readable() == 1 == FORMAT_VERSION - len(MIGRATIONS)


def test_a_registered_migration_upgrades_an_old_file(tmp_path, monkeypatch):
    net = Network([3, 5, 2], ["relu", "softmax"], seed=4, dtype="float32")
    path = _format_zero_file(tmp_path / "old.nnstudio", net)
    with pytest.raises(UnsupportedVersionError, match="format 0"):
        load_model(path)
    monkeypatch.setitem(MIGRATIONS, 0, _zero_to_one)
    assert oldest_readable() == 0
    model = load_model(path)
    assert model.network == net
    assert model.format_version == 0
    assert model.app_version == "0.0.1"
    assert path.read_bytes() == _format_zero_file(tmp_path / "again.nnstudio", net).read_bytes()


def test_a_migration_that_meets_bad_old_content_is_an_invalid_file(tmp_path, monkeypatch):
    path = tmp_path / "old.nnstudio"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("manifest.json", json.dumps({"format": "nnstudio-model", "format_version": 0}))
    monkeypatch.setitem(MIGRATIONS, 0, _zero_to_one)
    with pytest.raises(InvalidContentError, match="upgraded from format 0"):
        load_model(path)


def test_migrated_content_is_validated_like_a_new_file(tmp_path, monkeypatch):
    net = Network([2, 1], ["sigmoid"])
    path = _format_zero_file(tmp_path / "old.nnstudio", net)

    def sloppy(manifest: dict[str, Any], archive: Archive) -> dict[str, Any]:
        upgraded = _zero_to_one(manifest, archive)
        upgraded["network"]["activations"] = ["nonsense"]
        return upgraded

    monkeypatch.setitem(MIGRATIONS, 0, sloppy)
    with pytest.raises(InvalidContentError, match="unknown activation"):
        load_model(path)
