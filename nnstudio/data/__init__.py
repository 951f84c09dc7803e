"""Data for NN Studio: built-in data sets, CSV import, the Dataset, splits and scaling.

NumPy and the standard library only; nothing here imports Qt. Samples are columns:
X (n0, m), Y (1, m).
"""

from .builtin import (
    BUILTIN_DATASETS,
    CLASS_NAME,
    MAX_CLASSES,
    MAX_SAMPLES,
    MAX_SEED,
    MIN_CLASSES,
    MIN_SAMPLES,
    BuiltinSpec,
    blobs,
    builtin_from_source,
    circles,
    flower,
    make_dataset,
    moons,
    sine,
    spiral,
    xor,
)
from .csv_import import DELIMITER_NAMES, CsvError, CsvPreview, load_csv, read_csv_preview
from .dataset import TASKS, Dataset
from .presets import PRESETS, Preset, proposed_learning_rate
from .split import PreparedData, Standardizer, prepare, split

__all__ = [
    "BUILTIN_DATASETS",
    "CLASS_NAME",
    "DELIMITER_NAMES",
    "MAX_CLASSES",
    "MAX_SAMPLES",
    "MAX_SEED",
    "MIN_CLASSES",
    "MIN_SAMPLES",
    "PRESETS",
    "TASKS",
    "BuiltinSpec",
    "CsvError",
    "CsvPreview",
    "Dataset",
    "PreparedData",
    "Preset",
    "Standardizer",
    "blobs",
    "builtin_from_source",
    "circles",
    "flower",
    "load_csv",
    "make_dataset",
    "moons",
    "prepare",
    "proposed_learning_rate",
    "read_csv_preview",
    "sine",
    "spiral",
    "split",
    "xor",
]
