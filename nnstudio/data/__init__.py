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
from .edit import EDITED, add_point, is_edited, original_name, original_source, remove_point
from .features import (
    DEFAULT_FEATURES,
    FEATURES,
    RAW_INPUTS,
    FeatureError,
    InputFeature,
    check_features,
    feature_labels,
    in_order,
    map_features,
)
from .presets import PRESETS, Preset, proposed_learning_rate
from .split import PreparedData, Standardizer, prepare, scaled, split, split_three

__all__ = [
    "BUILTIN_DATASETS",
    "CLASS_NAME",
    "DEFAULT_FEATURES",
    "DELIMITER_NAMES",
    "EDITED",
    "FEATURES",
    "MAX_CLASSES",
    "MAX_SAMPLES",
    "MAX_SEED",
    "MIN_CLASSES",
    "MIN_SAMPLES",
    "PRESETS",
    "RAW_INPUTS",
    "TASKS",
    "BuiltinSpec",
    "CsvError",
    "CsvPreview",
    "Dataset",
    "FeatureError",
    "InputFeature",
    "PreparedData",
    "Preset",
    "Standardizer",
    "add_point",
    "blobs",
    "builtin_from_source",
    "check_features",
    "circles",
    "feature_labels",
    "flower",
    "in_order",
    "is_edited",
    "load_csv",
    "make_dataset",
    "map_features",
    "moons",
    "original_name",
    "original_source",
    "prepare",
    "proposed_learning_rate",
    "read_csv_preview",
    "remove_point",
    "scaled",
    "sine",
    "spiral",
    "split",
    "split_three",
    "xor",
]
