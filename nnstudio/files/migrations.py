"""Reading files written in older format versions.

:data:`MIGRATIONS` maps a format version v to a function that turns a version-v file into a
version v+1 file: it receives the parsed manifest (a dict it may change) and the
:class:`~nnstudio.files.archive.Archive` (whose members it may ``read``, ``put`` or
``remove`` in memory) and returns the new manifest. A file of version v < FORMAT_VERSION is
upgraded step by step v → v+1 → … → FORMAT_VERSION and then validated like a new file. A
version with no registered step cannot be read. Format 1 is the first published format.

Format 2 (:func:`to_format_2`) adds ``input_features``: the features of two inputs a network
is fed (x₁², sin x₁, …), and ``network.l1``, the strength λ₁ of L1 regularisation.
Format 3 (:func:`to_format_3`) adds the course's second part: ``network.keep_prob`` (inverted
dropout, one value per hidden layer), ``network.batch_norm`` (one flag per hidden layer, with the
γ, β parameters and running averages it brings) and, in ``hyperparameters``, learning-rate
decay (``decay_schedule``, ``decay_rate``, ``decay_interval``) and ``shuffle``, the way
mini-batches are drawn. A format 2 file keeps every unit (keep_prob 1), normalises nothing, has
no decay and was trained with ``shuffle`` "one_generator", which its further runs keep using,
so they stay reproducible.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..text import translate
from .archive import Archive
from .errors import InvalidContentError, ModelFileError, NotAModelFileError, UnsupportedVersionError
from .format import FORMAT_NAME, FORMAT_VERSION
from .jsonvalues import need_int

Migration = Callable[[dict[str, Any], Archive], dict[str, Any]]


def to_format_2(manifest: dict[str, Any], archive: Archive) -> dict[str, Any]:
    """Format 1 → 2: a file from before input features fed the network its data's features as
    they are (``input_features`` null), and one from before L1 regularisation had λ₁ = 0."""
    manifest.setdefault("input_features", None)
    if isinstance(manifest.get("network"), dict):  # (a missing network is refused later)
        manifest["network"].setdefault("l1", 0.0)
    return manifest


def to_format_3(manifest: dict[str, Any], archive: Archive) -> dict[str, Any]:
    """Format 2 → 3: no dropout, no learning-rate decay, and the single-generator shuffling
    that NN Studio used before the course's re-seeding per epoch."""
    network = manifest.get("network")
    if isinstance(network, dict) and isinstance(network.get("layer_dims"), list):
        hidden = max(0, len(network["layer_dims"]) - 2)
        network.setdefault("keep_prob", [1.0] * hidden)
        network.setdefault("batch_norm", [False] * hidden)
    hyperparameters = manifest.get("hyperparameters")
    if isinstance(hyperparameters, dict):
        hyperparameters.setdefault("shuffle", "one_generator")
        hyperparameters.setdefault("decay_schedule", "none")
    return manifest


MIGRATIONS: dict[int, Migration] = {1: to_format_2, 2: to_format_3}


def file_version(manifest: dict[str, Any]) -> int:
    """The manifest's format version, after checking that it is an NN Studio model at all."""
    if manifest.get("format") != FORMAT_NAME:
        raise NotAModelFileError(
            translate(
                "ModelFile",
                "this is not an NN Studio model: its manifest says format {got!r}, not {wanted!r}",
            ).format(got=str(manifest.get("format"))[:80], wanted=FORMAT_NAME)
        )
    version = need_int(manifest.get("format_version"), "format_version", 0)
    if version > FORMAT_VERSION:
        raise UnsupportedVersionError(
            translate(
                "ModelFile",
                "this file was made by a newer NN Studio (format {version}); this version reads "
                "up to format {newest} — update NN Studio to open it",
            ).format(version=version, newest=FORMAT_VERSION)
        )
    return version


def oldest_readable() -> int:
    """The lowest format version that can still be upgraded to the current one."""
    version = FORMAT_VERSION
    while version - 1 in MIGRATIONS:
        version -= 1
    return version


def migrate(manifest: dict[str, Any], archive: Archive, version: int) -> dict[str, Any]:
    """Upgrade a manifest (and, in memory, the archive's members) from ``version`` to current."""
    if version < oldest_readable():
        raise UnsupportedVersionError(
            translate(
                "ModelFile",
                "this file uses model format {version}, from an early NN Studio; this version "
                "reads formats {oldest} to {newest} and cannot upgrade it",
            ).format(version=version, oldest=oldest_readable(), newest=FORMAT_VERSION)
        )
    while version < FORMAT_VERSION:
        step = MIGRATIONS[version]
        try:
            manifest = step(manifest, archive)
        except ModelFileError:
            raise
        except Exception as exc:  # a migration meets damaged old content
            raise InvalidContentError(
                translate(
                    "ModelFile",
                    "the file could not be upgraded from format {version} to {next}: {reason}",
                ).format(version=version, next=version + 1, reason=exc)
            ) from exc
        if not isinstance(manifest, dict):
            raise InvalidContentError(
                translate("ModelFile", "upgrading from format {version} gave no manifest").format(
                    version=version
                )
            )
        version += 1
        manifest["format_version"] = version
    return manifest
