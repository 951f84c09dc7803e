"""Model files (``*.nnstudio``): save, load, validate and upgrade. Never imports Qt.

``save_model(path, network, ...)`` writes atomically; ``load_model(path)`` returns a
:class:`ModelFile` or raises a :class:`ModelFileError` subclass with a message for the learner.
The format is described in ``docs/model-format.md``.
"""

from .errors import (
    CorruptFileError,
    FileAccessError,
    InvalidContentError,
    LimitExceededError,
    ModelFileError,
    NotAModelFileError,
    SaveError,
    UnsupportedVersionError,
)
from .example_list import EXAMPLES, Example
from .format import FILE_SUFFIX, FORMAT_NAME, FORMAT_VERSION, LIMITS, Limits, now_utc
from .load import ModelFile, load_model
from .migrations import MIGRATIONS
from .save import save_model

__all__ = [
    "EXAMPLES",
    "FILE_SUFFIX",
    "FORMAT_NAME",
    "FORMAT_VERSION",
    "LIMITS",
    "MIGRATIONS",
    "CorruptFileError",
    "Example",
    "FileAccessError",
    "InvalidContentError",
    "LimitExceededError",
    "Limits",
    "ModelFile",
    "ModelFileError",
    "NotAModelFileError",
    "SaveError",
    "UnsupportedVersionError",
    "load_model",
    "now_utc",
    "save_model",
]
