"""Settings that learn each built-in data set from a fresh start.

Choosing a built-in data set proposes its :class:`Preset`: the hidden layers, the initialisation
and its seed, the optimizer with its learning rate, the epochs and the batch size. Every preset
is trained headless by the test suite (``tests/data/test_data_presets.py``): with these settings
the network learns its data set and does not diverge, with each optimizer at the rate
:func:`proposed_learning_rate` gives for it.

Plain data (names as the model file stores them: ``"tanh"``, ``"he"``, ``"adam"``), so this module
needs neither the engine nor Qt.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

#: the usual learning rates of the adaptive optimizers (Adam's and RMSprop's steps are scaled by
#: the recent gradient size, so one rate suits most data)
USUAL_LEARNING_RATES: Mapping[str, float] = {"rmsprop": 0.01, "adam": 0.01}
#: gradient descent (and momentum) on data without a preset, coming from an adaptive optimizer
DEFAULT_GD_LEARNING_RATE = 0.1
GRADIENT_DESCENT = ("gd", "momentum")  # the optimizers whose step is α times the (averaged) dW


@dataclass(frozen=True)
class Preset:
    """A network and hyperparameters for one built-in data set (with its default parameters).

    ``hidden`` lists (units n[l], activation g[l]) for the hidden layers l = 1..L-1; the input
    and output layers follow the data. ``rates`` holds the learning rate for each optimizer
    (the preset's own ``optimizer`` uses ``rates[optimizer]``). ``batch_size`` 0 is the full
    batch.
    """

    hidden: tuple[tuple[int, str], ...]
    init: str
    seed: int
    optimizer: str
    rates: Mapping[str, float]
    epochs: int
    batch_size: int = 0
    l2: float = 0.0
    optimizer_options: Mapping[str, float] = field(default_factory=dict)
    l1: float = 0.0  # λ₁ of L1 regularisation (no preset uses it yet)

    @property
    def learning_rate(self) -> float:
        """The learning rate α of the preset's own optimizer."""
        return self.rates[self.optimizer]


def _rates(gd: float, momentum: float | None = None) -> dict[str, float]:
    return {"gd": gd, "momentum": gd if momentum is None else momentum, **USUAL_LEARNING_RATES}


PRESETS: dict[str, Preset] = {
    # the course's planar network: 4 tanh units, W × 0.01, seed 2, α = 1.2, 10,000 iterations
    "flower": Preset(((4, "tanh"),), "small", 2, "gd", _rates(1.2, 0.5), 10000),
    "circles": Preset(((8, "tanh"),), "xavier", 1, "gd", _rates(1.2), 3000),
    "moons": Preset(((8, "tanh"),), "xavier", 1, "gd", _rates(1.2), 2000),
    "xor": Preset(((8, "tanh"),), "xavier", 1, "gd", _rates(1.2), 3000),
    "spiral": Preset(((32, "relu"), (32, "relu")), "he", 1, "adam", _rates(0.5), 1000),
    "blobs": Preset(((8, "tanh"),), "xavier", 1, "gd", _rates(1.2), 1000),
    # a linear output with squared error has no squashing: α = 1.2 diverges within 100 steps
    "sine": Preset(((16, "tanh"),), "xavier", 1, "adam", _rates(0.1), 2000),
}


def proposed_learning_rate(
    optimizer: str, dataset: str | None, current_optimizer: str, current_rate: float
) -> float:
    """The learning rate α to propose when the learner switches to ``optimizer``.

    On a built-in data set ``dataset``: its preset's rate for that optimizer. Otherwise
    (imported data): Adam's and RMSprop's usual rate; for gradient descent and momentum the
    current rate if it already was one of them, else DEFAULT_GD_LEARNING_RATE.
    """
    preset = PRESETS.get(dataset or "")
    if preset is not None and optimizer in preset.rates:
        return preset.rates[optimizer]
    if optimizer in GRADIENT_DESCENT:
        return current_rate if current_optimizer in GRADIENT_DESCENT else DEFAULT_GD_LEARNING_RATE
    return USUAL_LEARNING_RATES.get(optimizer, current_rate)
