"""The example models shipped in ``resources/examples``: file name, title and the recipe that
trains each one. Data only (the standard library and :mod:`nnstudio.text`), so File ▸ Examples
and ``nnstudio-cli`` can list them without loading the program that builds them
(:mod:`nnstudio.files.examples`, run with ``python -m nnstudio.files.examples OUTDIR``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..text import translatable


@dataclass(frozen=True)
class Example:
    """One example: a network, a built-in data set and the settings that train it."""

    file_name: str
    title: str
    dataset: str
    dataset_params: dict[str, Any]
    layer_dims: tuple[int, ...]
    activations: tuple[str, ...]
    init: str
    seed: int
    learning_rate: float
    epochs: int
    optimizer: str = "gd"
    optimizer_options: dict[str, float] = field(default_factory=dict)
    batch_size: int = 0
    report_every: int = 10
    validation_share: float = 0.0
    standardize: bool = False
    compare_rates: tuple[float, ...] = ()  # other learning rates saved as comparison runs


EXAMPLES = (
    Example(
        "flower.nnstudio",
        translatable(
            "Examples",
            "The course's planar flower: one hidden layer of 4 tanh units, sigmoid output",
        ),
        "flower",
        {},
        (2, 4, 1),
        ("tanh", "sigmoid"),
        init="small",
        seed=2,
        learning_rate=1.2,
        epochs=10000,
        report_every=100,
        compare_rates=(0.1,),
    ),
    Example(
        "spiral-deep-relu.nnstudio",
        translatable(
            "Examples",
            "Three spiral arms need depth: three ReLU layers trained with Adam in mini-batches",
        ),
        "spiral",
        {"samples": 300, "classes": 3, "noise": 0.2},
        (2, 32, 32, 32, 3),
        ("relu", "relu", "relu", "softmax"),
        init="he",
        seed=1,
        learning_rate=0.005,
        epochs=800,
        optimizer="adam",
        batch_size=64,
        report_every=50,
        validation_share=0.2,
        standardize=True,
    ),
    Example(
        "blobs-softmax.nnstudio",
        translatable(
            "Examples",
            "Three clouds of points, one softmax unit per class, trained with momentum",
        ),
        "blobs",
        {"samples": 300, "classes": 3},
        (2, 8, 3),
        ("tanh", "softmax"),
        init="xavier",
        seed=1,
        learning_rate=0.1,
        epochs=1000,
        optimizer="momentum",
        optimizer_options={"beta": 0.9},
        report_every=10,
        validation_share=0.2,
        standardize=True,
    ),
    Example(
        "sine-regression.nnstudio",
        translatable(
            "Examples",
            "Regression: fit y = sin(x) with two tanh layers and a linear output",
        ),
        "sine",
        {"samples": 200},
        (1, 16, 16, 1),
        ("tanh", "tanh", "linear"),
        init="xavier",
        seed=3,
        learning_rate=0.01,
        epochs=2000,
        optimizer="rmsprop",
        batch_size=32,
        report_every=50,
        validation_share=0.2,
        standardize=True,
    ),
)
