"""The training panel's controls for the second course's settings: learning-rate decay and the
initialisation choices (each with what it does, in the course's notation)."""

from .decay import DecayControls
from .initialization import InitializationCombo

__all__ = ["DecayControls", "InitializationCombo"]
