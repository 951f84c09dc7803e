"""The errors a model file can raise.

Every problem with a file on disk ends in one subclass of :class:`ModelFileError`, whose
message tells a learner what happened and what to do. Nothing else escapes
:func:`nnstudio.files.load_model`, whatever bytes the file holds.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..text import translate

QUOTE_CHARS = 60  # characters of a file's own text an error message quotes at most
MESSAGE_CHARS = 600  # a longer message keeps its start and its end


def quote(value: object, limit: int = QUOTE_CHARS) -> str:
    """``repr`` of ``value``'s text, cut to ``limit`` characters with its length said: a
    message never echoes a file's hostile content (a 7 MB key) whole."""
    text = value if isinstance(value, str) else str(value)
    if len(text) <= limit:
        return repr(text)
    return translate("ModelFile", "{start} … ({n} characters)").format(
        start=repr(text[:limit]), n=f"{len(text):,}"
    )


def _short(message: str) -> str:
    if len(message) <= MESSAGE_CHARS:
        return message
    head, tail = MESSAGE_CHARS * 2 // 3, MESSAGE_CHARS // 4
    return f"{message[:head]} … {message[-tail:]}"


class ModelFileError(Exception):
    """A model file that cannot be read or written; ``str(error)`` is the learner's message.

    ``path`` is the file concerned, when known. A message longer than ``MESSAGE_CHARS`` keeps
    its start and end only.
    """

    def __init__(self, message: str, path: str | os.PathLike[str] | None = None) -> None:
        message = _short(message)
        super().__init__(message)
        self.message = message
        self.path: Path | None = Path(path) if path is not None else None

    def __str__(self) -> str:
        return self.message


class FileAccessError(ModelFileError):
    """The file could not be opened or read at all (missing, no permission, a folder …)."""


class NotAModelFileError(ModelFileError):
    """The file is not an NN Studio model (empty, not a zip archive, no manifest, other format)."""


class CorruptFileError(ModelFileError):
    """The file looks like a model but is damaged: truncated, bit-flipped, unreadable parts."""


class UnsupportedVersionError(ModelFileError):
    """The file's format version is newer than this program reads, or too old to upgrade."""


class LimitExceededError(ModelFileError):
    """Something in the file is larger than a model file may be (see ``format.LIMITS``)."""


class InvalidContentError(ModelFileError):
    """The file is readable but what it says is wrong: a bad field, shape, dtype or value."""


class SaveError(ModelFileError):
    """Writing a model file failed (disk full, no permission …); any older file is untouched."""


ERROR_CLASSES: tuple[type[ModelFileError], ...] = (
    FileAccessError,
    NotAModelFileError,
    CorruptFileError,
    UnsupportedVersionError,
    LimitExceededError,
    InvalidContentError,
    SaveError,
)
