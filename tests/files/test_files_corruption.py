"""Whatever bytes a file holds, loading raises a specific ModelFileError or succeeds."""

from __future__ import annotations

import io
import json
import os
import pickle
import struct
import time
import zipfile
import zlib
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nnstudio.data import make_dataset
from nnstudio.engine import Network, make_optimizer
from nnstudio.files import (
    FORMAT_VERSION,
    LIMITS,
    CorruptFileError,
    FileAccessError,
    InvalidContentError,
    LimitExceededError,
    ModelFileError,
    NotAModelFileError,
    UnsupportedVersionError,
    load_model,
    save_model,
)

Members = dict[str, bytes]


# -- building good and bad files ------------------------------------------------------------------
def make_good(path: Path, compress: bool = True) -> Path:
    """A small model with embedded data, an Adam state, a standardizer and a history."""
    data = make_dataset("flower", samples=40).subset(np.arange(0, 40, 2))
    net = Network([2, 3, 1], ["tanh", "sigmoid"], seed=5)
    opt = make_optimizer("adam", 0.01)
    grads = {f"d{k}": np.ones_like(v) for k, v in net.params.items()}
    opt.update(net.params, grads)
    save_model(
        path,
        net,
        dataset=data,
        history={"step": [1, 2], "cost": [0.7, 0.6]},
        hyperparameters={"learning_rate": 0.01, "optimizer": "adam"},
        optimizer_state=opt.state_dict(),
        standardizer=(np.zeros((2, 1)), np.ones((2, 1))),
    )
    if not compress:
        manifest, members = unpack(path)
        pack(path, manifest, members, method=zipfile.ZIP_STORED)
    return path


def unpack(path: Path) -> tuple[dict, Members]:
    with zipfile.ZipFile(path) as zf:
        members = {name: zf.read(name) for name in zf.namelist()}
    return json.loads(members.pop("manifest.json")), members


def pack(
    path: Path,
    manifest: dict | bytes,
    members: Members,
    method: int = zipfile.ZIP_DEFLATED,
) -> Path:
    raw = manifest if isinstance(manifest, bytes) else json.dumps(manifest).encode()
    with zipfile.ZipFile(path, "w", compression=method) as zf:
        zf.writestr("manifest.json", raw)
        for name, data in members.items():
            zf.writestr(name, data)
    return path


def npy(array: np.ndarray) -> bytes:
    buffer = io.BytesIO()
    np.save(buffer, array, allow_pickle=True)
    return buffer.getvalue()


def raw_zip(entries: list[tuple[str, bytes, int, int]]) -> bytes:
    """A zip built by hand from (name, deflated data, crc, declared uncompressed size)."""
    out, central = bytearray(), bytearray()
    for name, data, crc, size in entries:
        encoded = name.encode()
        offset = len(out)
        out += (
            struct.pack(
                "<4sHHHHHIIIHH",
                b"PK\x03\x04",
                20,
                0,
                8,
                0,
                33,
                crc,
                len(data),
                size,
                len(encoded),
                0,
            )
            + encoded
            + data
        )
        central += (
            struct.pack(
                "<4sHHHHHHIIIHHHHHII",
                b"PK\x01\x02",
                20,
                20,
                0,
                8,
                0,
                33,
                crc,
                len(data),
                size,
                len(encoded),
                0,
                0,
                0,
                0,
                0,
                offset,
            )
            + encoded
        )
    end = struct.pack(
        "<4sHHHHIIH", b"PK\x05\x06", 0, 0, len(entries), len(entries), len(central), len(out), 0
    )
    return bytes(out + central + end)


def deflate(data: bytes) -> bytes:
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    return compressor.compress(data) + compressor.flush()


@pytest.fixture(scope="module")
def good_bytes(tmp_path_factory) -> bytes:
    return make_good(tmp_path_factory.mktemp("good") / "good.nnstudio").read_bytes()


@pytest.fixture(scope="module")
def stored_bytes(tmp_path_factory) -> bytes:
    return make_good(tmp_path_factory.mktemp("stored") / "s.nnstudio", compress=False).read_bytes()


def load_bytes(tmp_path: Path, data: bytes):  # type: ignore[no-untyped-def]
    path = tmp_path / "x.nnstudio"
    path.write_bytes(data)
    return load_model(path)


def assert_refused(error: ModelFileError) -> None:
    """A refusal that a specific check made, with a message, not the last-resort wrapper."""
    assert str(error) and "unexpected" not in str(error), repr(error.__cause__)


# -- what the file is -----------------------------------------------------------------------------
def test_the_good_file_loads(tmp_path, good_bytes, stored_bytes):
    assert load_bytes(tmp_path, good_bytes).network.layer_dims == (2, 3, 1)
    assert load_bytes(tmp_path, stored_bytes).optimizer_state["t"] == 1


def test_empty_file(tmp_path):
    with pytest.raises(NotAModelFileError, match="empty"):
        load_bytes(tmp_path, b"")


@pytest.mark.parametrize("data", [b"hello, world\n", b"\x89PNG\r\n\x1a\n" + bytes(100), b"P"])
def test_not_a_zip(tmp_path, data):
    with pytest.raises(NotAModelFileError, match="not an NN Studio model"):
        load_bytes(tmp_path, data)


def test_zip_without_manifest(tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        zf.writestr("readme.txt", "hi")
    with pytest.raises(NotAModelFileError, match=r"no manifest\.json"):
        load_bytes(tmp_path, buffer.getvalue())


def test_another_format(tmp_path, good_bytes):
    manifest, members = unpack(_write(tmp_path, good_bytes))
    manifest["format"] = "something-else"
    with pytest.raises(NotAModelFileError, match="something-else"):
        load_model(pack(tmp_path / "b.nnstudio", manifest, members))


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(FileAccessError, match="cannot read"):
        load_model(tmp_path / "nowhere.nnstudio")
    with pytest.raises(FileAccessError):
        load_model(tmp_path)


def _write(tmp_path: Path, data: bytes) -> Path:
    path = tmp_path / "good.nnstudio"
    path.write_bytes(data)
    return path


# -- damage ---------------------------------------------------------------------------------------
def test_truncation_at_many_offsets(tmp_path, good_bytes):
    offsets = sorted(
        {*range(4, len(good_bytes), max(1, len(good_bytes) // 60)), len(good_bytes) - 1}
    )
    for n in offsets:
        with pytest.raises(CorruptFileError) as info:
            load_bytes(tmp_path, good_bytes[:n])
        assert_refused(info.value)
    for n in (1, 2, 3):
        with pytest.raises(NotAModelFileError):
            load_bytes(tmp_path, good_bytes[:n])


FLIPS = st.lists(st.tuples(st.integers(0, 10**6), st.integers(1, 255)), min_size=1, max_size=4)
FUZZ = settings(
    max_examples=200,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)


def _flip(data: bytes, flips: list[tuple[int, int]]) -> bytes:
    damaged = bytearray(data)
    for position, mask in flips:
        damaged[position % len(damaged)] ^= mask
    return bytes(damaged)


def _load_or_refuse(tmp_path: Path, data: bytes) -> None:
    try:
        model = load_bytes(tmp_path, data)
    except ModelFileError as error:
        assert_refused(error)
    else:
        assert np.isfinite(model.network.params["W1"]).all()


@FUZZ
@given(flips=FLIPS)
def test_random_byte_flips_of_a_compressed_file(tmp_path, good_bytes, flips):
    _load_or_refuse(tmp_path, _flip(good_bytes, flips))


@FUZZ
@given(flips=FLIPS, cut=st.integers(0, 10**6))
def test_random_byte_flips_of_an_uncompressed_file(tmp_path, stored_bytes, flips, cut):
    damaged = _flip(stored_bytes, flips)
    _load_or_refuse(tmp_path, damaged)
    _load_or_refuse(tmp_path, damaged[: cut % len(damaged)])


@settings(max_examples=60, deadline=None, database=None)
@given(st.binary(max_size=300))
def test_arbitrary_bytes_after_a_zip_signature(tmp_path_factory, tail):
    path = tmp_path_factory.mktemp("fuzz") / "x.nnstudio"
    path.write_bytes(b"PK\x03\x04" + tail)
    with pytest.raises(ModelFileError) as info:
        load_model(path)
    assert_refused(info.value)


# -- members --------------------------------------------------------------------------------------
@pytest.fixture
def parts(tmp_path, good_bytes) -> tuple[dict, Members]:
    return unpack(_write(tmp_path, good_bytes))


def _load_parts(tmp_path: Path, manifest: dict | bytes, members: Members):  # type: ignore[no-untyped-def]
    return load_model(pack(tmp_path / "bad.nnstudio", manifest, members))


def test_missing_member(tmp_path, parts):
    manifest, members = parts
    del members["params/b1.npy"]
    with pytest.raises(CorruptFileError, match=r"params/b1\.npy is missing"):
        _load_parts(tmp_path, manifest, members)


def test_extra_member(tmp_path, parts):
    manifest, members = parts
    members["params/W9.npy"] = npy(np.zeros((2, 2)))
    with pytest.raises(InvalidContentError, match="does not declare"):
        _load_parts(tmp_path, manifest, members)


def test_extra_declared_array(tmp_path, parts):
    manifest, members = parts
    manifest["arrays"]["params/W9.npy"] = {"shape": [2, 2], "dtype": "float64"}
    members["params/W9.npy"] = npy(np.zeros((2, 2)))
    with pytest.raises(InvalidContentError, match="nothing in the manifest uses"):
        _load_parts(tmp_path, manifest, members)


def test_duplicate_member(tmp_path, parts):
    manifest, members = parts
    path = pack(tmp_path / "dup.nnstudio", manifest, members)
    with pytest.warns(UserWarning, match="Duplicate name"), zipfile.ZipFile(path, "a") as zf:
        zf.writestr("params/W1.npy", members["params/W1.npy"])
    with pytest.raises(CorruptFileError, match="two parts"):
        load_model(path)


def test_member_with_wrong_shape(tmp_path, parts):
    manifest, members = parts
    members["params/W1.npy"] = npy(np.zeros((3, 3)))
    with pytest.raises(InvalidContentError, match=r"shape \(3, 3\)"):
        _load_parts(tmp_path, manifest, members)
    members["params/W1.npy"] = npy(np.zeros((3, 2, 1, 1, 1, 1, 1, 1)))
    with pytest.raises(InvalidContentError, match="shape"):
        _load_parts(tmp_path, manifest, members)


def test_declared_shape_that_does_not_fit_the_network(tmp_path, parts):
    manifest, members = parts
    manifest["arrays"]["params/W1.npy"]["shape"] = [4, 2]
    members["params/W1.npy"] = npy(np.zeros((4, 2)))
    with pytest.raises(InvalidContentError, match=r"it must be \[3, 2\]"):
        _load_parts(tmp_path, manifest, members)


@pytest.mark.parametrize("dtype", ["float32", "int64", ">f8", "complex128", "float16"])
def test_member_with_wrong_dtype(tmp_path, parts, dtype):
    manifest, members = parts
    members["params/W1.npy"] = npy(np.zeros((3, 2), dtype=dtype))
    with pytest.raises(InvalidContentError, match="W1"):
        _load_parts(tmp_path, manifest, members)


@pytest.mark.parametrize("dtype", ["float16", "object", "<U3", 7])
def test_declared_dtype_not_allowed(tmp_path, parts, dtype):
    manifest, members = parts
    manifest["arrays"]["params/W1.npy"]["dtype"] = dtype
    with pytest.raises(InvalidContentError, match="dtype"):
        _load_parts(tmp_path, manifest, members)


class _Trap:
    """Unpickling this would create a folder: proof that a pickle ran."""

    def __init__(self, marker: str) -> None:
        self.marker = marker

    def __reduce__(self):  # type: ignore[no-untyped-def]
        return (os.mkdir, (self.marker,))


def test_object_array_is_refused_without_unpickling(tmp_path, parts):
    manifest, members = parts
    marker = tmp_path / "pickle-ran"
    trap = np.empty((3, 2), dtype=object)
    trap[:] = _Trap(str(marker))
    members["params/W1.npy"] = npy(trap)
    assert pickle.dumps(trap)  # the payload really is a pickle
    with pytest.raises(InvalidContentError, match="Python objects"):
        _load_parts(tmp_path, manifest, members)
    manifest["arrays"]["params/W1.npy"]["dtype"] = "object"
    with pytest.raises(InvalidContentError, match="dtype"):
        _load_parts(tmp_path, manifest, members)
    assert not marker.exists()


@pytest.mark.parametrize("bad", [np.nan, np.inf, -np.inf])
def test_non_finite_weights(tmp_path, parts, bad):
    manifest, members = parts
    W = np.zeros((3, 2))
    W[1, 1] = bad
    members["params/W1.npy"] = npy(W)
    with pytest.raises(InvalidContentError, match="NaN or infinite"):
        _load_parts(tmp_path, manifest, members)


def test_non_finite_optimizer_slot(tmp_path, parts):
    manifest, members = parts
    members["optimizer/v_W1.npy"] = npy(np.full((3, 2), np.nan))
    with pytest.raises(InvalidContentError, match="v_W1"):
        _load_parts(tmp_path, manifest, members)


def test_damaged_npy_header_and_short_data(tmp_path, parts):
    manifest, members = parts
    good = members["params/W1.npy"]
    members["params/W1.npy"] = good[:8] + b"garbage!" + good[16:]
    with pytest.raises(ModelFileError):
        _load_parts(tmp_path, manifest, members)
    members["params/W1.npy"] = good[:-8]
    with pytest.raises(CorruptFileError, match="wrong length"):
        _load_parts(tmp_path, manifest, members)
    members["params/W1.npy"] = b"\x93NUMPY\x03\x00" + good[8:]
    with pytest.raises(ModelFileError, match="W1"):
        _load_parts(tmp_path, manifest, members)


def test_labels_out_of_range_and_checksum(tmp_path, parts):
    manifest, members = parts
    labels = np.zeros((1, 20), dtype=np.int64)
    labels[0, 3] = 2
    good_Y = members["data/Y.npy"]
    members["data/Y.npy"] = npy(labels)
    with pytest.raises(InvalidContentError, match=r"outside 0\.\.1"):
        _load_parts(tmp_path, manifest, members)
    members["data/Y.npy"] = npy(np.zeros((1, 20), dtype=np.int64))
    with pytest.raises(CorruptFileError, match="checksum"):
        _load_parts(tmp_path, manifest, members)
    members["data/Y.npy"] = good_Y
    members["standardizer/std.npy"] = npy(np.zeros((2, 1)))
    with pytest.raises(InvalidContentError, match="positive"):
        _load_parts(tmp_path, manifest, members)


def test_unsupported_compression_and_encryption(tmp_path, parts):
    manifest, members = parts
    with pytest.raises(InvalidContentError, match="compression method"):
        load_model(pack(tmp_path / "b.nnstudio", manifest, members, zipfile.ZIP_BZIP2))
    data = bytearray(pack(tmp_path / "e.nnstudio", manifest, members).read_bytes())
    at = data.find(b"PK\x01\x02")
    data[at + 8] |= 1  # the "encrypted" flag of the first member in the directory
    with pytest.raises(InvalidContentError, match="encrypted"):
        load_bytes(tmp_path, bytes(data))


# -- the manifest ---------------------------------------------------------------------------------
def test_future_version(tmp_path, parts):
    manifest, members = parts
    manifest["format_version"] = FORMAT_VERSION + 1
    with pytest.raises(UnsupportedVersionError) as info:
        _load_parts(tmp_path, manifest, members)
    message = str(info.value)
    assert (
        f"newer NN Studio (format {FORMAT_VERSION + 1})" in message
        and "update NN Studio" in message
    )


@pytest.mark.parametrize(
    "raw, error",
    [
        (b"{not json", CorruptFileError),
        (b"\xff\xfe{}", CorruptFileError),
        (b'{"a": NaN}', CorruptFileError),
        (b'{"a": 1, "a": 2}', CorruptFileError),
        (b"[1, 2]", NotAModelFileError),
        (b"[" * 100_000 + b"]" * 100_000, ModelFileError),
        (b'{"format": "nnstudio-model", "format_version": "1"}', InvalidContentError),
        (b'{"format": "nnstudio-model", "format_version": 1e400}', InvalidContentError),
        (b'{"format": "nnstudio-model", "format_version": 1}', InvalidContentError),
    ],
)
def test_bad_manifest_text(tmp_path, parts, raw, error):
    _, members = parts
    with pytest.raises(error) as info:
        _load_parts(tmp_path, raw, members)
    assert_refused(info.value)


def _edit(manifest: dict, dotted: str, value: object) -> None:
    *path, last = dotted.split(".")
    target = manifest
    for key in path:
        target = target[int(key)] if isinstance(target, list) else target[key]
    if value is _DELETE:
        del target[last]
    else:
        target[last] = value


_DELETE = object()


@pytest.mark.parametrize(
    "field, value, match",
    [
        ("network.activations", ["tanh", "bogus"], "unknown activation"),
        ("network.activations", ["softmax", "sigmoid"], "only be used in the output"),
        ("network.layer_dims", [2, 0, 1], "must lie in"),
        ("network.layer_dims", [2, 3.5, 1], "whole number"),
        ("network.layer_dims", [2, True, 1], "whole number"),
        ("network.dtype", "float16", "precision"),
        ("network.l2", -1, "must be ≥ 0"),
        ("network.seed", -1, "must lie in"),
        ("network.loss", "categorical_cross_entropy", "cannot be built"),
        ("network.extra_field", 1, "unknown field"),
        ("network.init", _DELETE, "lacks 'init'"),
        ("surprise", {}, "unknown field 'surprise'"),
        ("created", "yesterday", "date and time"),
        ("app_version", "", "must not be empty"),
        ("history.cost", [0.5, "x"], r"history\.cost\[1\] must be a number"),
        ("history.cost", [0.5, True], "must be a number"),
        ("history.cost", 0.5, "must be a list"),
        ("runs", [{"name": "a", "visible": 1, "history": {}}], "true or false"),
        ("runs", [{"name": "a", "history": {}}], "lacks 'visible'"),
        ("hyperparameters.optimizer", "sgd2", "known: gd"),
        ("hyperparameters.optimizer", ["adam"], "must be text"),
        ("hyperparameters.optimizer_options", {"momentum": 0.9}, "adam does not use"),
        ("hyperparameters.epochs", -3, "must lie in"),
        ("hyperparameters.learning_rate", 0, "must be > 0"),
        ("dataset.task", "clustering", "must be one of"),
        ("dataset.n_features", 3, "n\\[0\\] = 2"),
        ("dataset.class_names", ["a", "b", "c"], "does not fit a binary"),
        ("dataset.sha256", "abc", "hexadecimal"),
        ("optimizer_state.slots", ["v_W7"], "not a slot"),
        ("optimizer_state.t", -1, "must lie in"),
        ("standardizer.kind", "min-max", "z-score"),
        ("extra", [], "must be an object"),
        ("arrays.params/W1\\.npy", None, "must be an object"),
    ],
)
def test_invalid_manifest_fields(tmp_path, parts, field, value, match):
    manifest, members = parts
    if field.startswith("arrays."):
        manifest["arrays"]["params/W1.npy"] = value
    else:
        _edit(manifest, field, value)
    with pytest.raises(InvalidContentError, match=match):
        _load_parts(tmp_path, manifest, members)


def test_deeply_nested_extra(tmp_path, parts):
    manifest, members = parts
    nested: object = 1
    for _ in range(40):
        nested = [nested]
    manifest["extra"] = {"deep": nested}
    with pytest.raises(InvalidContentError, match="nested more than"):
        _load_parts(tmp_path, manifest, members)


# -- limits ---------------------------------------------------------------------------------------
def test_manifest_over_the_limit(tmp_path, parts):
    manifest, members = parts
    raw = json.dumps(manifest).encode()
    padded = raw[:-1] + b" " * LIMITS.manifest_bytes + b"}"
    started = time.perf_counter()
    with pytest.raises(LimitExceededError, match=r"manifest\.json"):
        _load_parts(tmp_path, padded, members)
    assert time.perf_counter() - started < 1.0


def test_too_many_members(tmp_path, parts):
    manifest, members = parts
    for i in range(LIMITS.members):
        members[f"junk/{i}"] = b""
    with pytest.raises(LimitExceededError, match="parts"):
        _load_parts(tmp_path, manifest, members)


def test_zip_bomb_is_refused_from_the_directory(tmp_path):
    payload = deflate(bytes(1 << 20))  # 1 MiB of zeros in about a kilobyte
    crc = zlib.crc32(bytes(1 << 20))
    member = raw_zip([("params/W1.npy", payload, crc, LIMITS.member_bytes + 1)])
    total = raw_zip([(f"params/x{i}.npy", payload, crc, LIMITS.member_bytes) for i in range(5)])
    manifest_bomb = raw_zip([("manifest.json", payload, crc, 0xFFFFFFFF)])
    for data, match in [(member, "W1"), (total, "unpacks to"), (manifest_bomb, "manifest")]:
        assert len(data) < 20_000
        started = time.perf_counter()
        with pytest.raises(LimitExceededError, match=match):
            load_bytes(tmp_path, data)
        assert time.perf_counter() - started < 0.5


def test_member_that_unpacks_to_more_than_it_declares(tmp_path, parts):
    """A directory that lies about the size: reading stops at the declared size."""
    manifest, members = parts
    raw = json.dumps(manifest).encode()
    zeros = bytes(64 << 20)
    entries = [("manifest.json", deflate(raw), zlib.crc32(raw), len(raw))]
    for name, data in members.items():
        body = zeros if name == "params/W1.npy" else data
        entries.append((name, deflate(body), zlib.crc32(body), len(data)))
    started = time.perf_counter()
    with pytest.raises(CorruptFileError, match="W1"):
        load_bytes(tmp_path, raw_zip(entries))
    assert time.perf_counter() - started < 0.5


def test_declared_arrays_too_large(tmp_path, parts):
    manifest, members = parts
    manifest["dataset"]["m"] = 2**30
    with pytest.raises(LimitExceededError, match="larger than a model file may hold"):
        _load_parts(tmp_path, manifest, members)
    manifest, members = parts
    manifest["arrays"]["params/W1.npy"]["shape"] = [2**20, 2**20]
    with pytest.raises(LimitExceededError, match="MiB"):
        _load_parts(tmp_path, manifest, members)


def test_member_larger_than_its_declared_array(tmp_path, parts):
    manifest, members = parts
    members["params/b1.npy"] = members["params/b1.npy"] + bytes(LIMITS.npy_header + 100)
    with pytest.raises(InvalidContentError, match="larger than"):
        _load_parts(tmp_path, manifest, members)


JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(2**70), 2**70)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.sampled_from(["", "float64", "int64", "builtin", "z-score", "adam", "v_W1", "tanh"]),
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(st.sampled_from(["shape", "dtype", "t", "slots", "kind", "name"]), inner)
    ),
    max_leaves=8,
)


def _field_paths(value: object, prefix: tuple = ()) -> list[tuple]:
    found = [prefix] if prefix else []
    if isinstance(value, dict):
        for key, item in value.items():
            found += _field_paths(item, (*prefix, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            found += _field_paths(item, (*prefix, i))
    return found


@FUZZ
@given(data=st.data(), value=JSON_VALUES, delete=st.booleans())
def test_any_manifest_field_replaced_by_any_json(tmp_path, good_bytes, data, value, delete):
    manifest, members = unpack(_write(tmp_path, good_bytes))
    where = data.draw(st.sampled_from(_field_paths(manifest)))
    target = manifest
    for key in where[:-1]:
        target = target[key]
    if delete and isinstance(target, dict):
        del target[where[-1]]
    else:
        target[where[-1]] = value
    _load_or_refuse(tmp_path, pack(tmp_path / "fuzzed.nnstudio", manifest, members).read_bytes())


@FUZZ
@given(data=st.data(), flips=FLIPS)
def test_byte_flips_inside_members_that_pass_the_zip_checks(tmp_path, good_bytes, data, flips):
    manifest, members = unpack(_write(tmp_path, good_bytes))
    raw = json.dumps(manifest).encode()
    name = data.draw(st.sampled_from(["manifest.json", *members]))
    if name == "manifest.json":
        raw = _flip(raw, flips)
    else:
        members[name] = _flip(members[name], flips)
    _load_or_refuse(tmp_path, pack(tmp_path / "fuzzed.nnstudio", raw, members).read_bytes())


def test_an_unforeseen_failure_is_still_a_model_file_error(tmp_path, good_bytes, monkeypatch):
    import nnstudio.files.load as load_module

    def broken(*args: object) -> None:
        raise AttributeError("a bug")

    monkeypatch.setattr(load_module, "check_array_values", broken)
    with pytest.raises(CorruptFileError, match="unexpected AttributeError") as info:
        load_bytes(tmp_path, good_bytes)
    assert isinstance(info.value.__cause__, AttributeError)
