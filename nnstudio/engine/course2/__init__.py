"""The ideas of the course's second part ("Improving deep neural networks") the engine adds to
the first: inverted dropout, learning-rate decay and batch normalisation.

NumPy and the standard library only. Each concept is one module; :class:`~..network.Network`,
the training step and the training loop call them, and a network that uses none of them
computes exactly what it did before.
"""

from .decay import LR_SCHEDULES, EpochRates, check_decay, decayed_learning_rate
from .dropout import apply_mask, check_keep_prob, draw_mask, keep_prob_for_layers

__all__ = [
    "LR_SCHEDULES",
    "EpochRates",
    "apply_mask",
    "check_decay",
    "check_keep_prob",
    "decayed_learning_rate",
    "draw_mask",
    "keep_prob_for_layers",
]
