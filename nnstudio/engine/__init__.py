"""The NumPy engine: network, activations, losses, optimizers, training loop, gradient check.

NumPy and the standard library only; nothing here imports Qt.
"""

from .activations import ACTIVATIONS, HIDDEN_ACTIVATIONS, get_activation
from .gradcheck import GradientCheck, gradient_check
from .initializers import INITIALIZERS, initialize_parameters
from .losses import LOSSES, default_loss, get_loss
from .network import Network, output_accuracy
from .optimizers import OPTIMIZERS, Optimizer, make_optimizer
from .spec import MAX_UNITS, NetworkSpec, ShapeRow, SpecError, shape_table
from .training import (
    COST_ROSE,
    NONFINITE,
    Divergence,
    Record,
    TrainingConfig,
    TrainingControl,
    TrainingData,
    TrainingReport,
    evaluate,
    measure,
    train,
)

__all__ = [
    "ACTIVATIONS",
    "COST_ROSE",
    "HIDDEN_ACTIVATIONS",
    "INITIALIZERS",
    "LOSSES",
    "MAX_UNITS",
    "NONFINITE",
    "OPTIMIZERS",
    "Divergence",
    "GradientCheck",
    "Network",
    "NetworkSpec",
    "Optimizer",
    "Record",
    "ShapeRow",
    "SpecError",
    "TrainingConfig",
    "TrainingControl",
    "TrainingData",
    "TrainingReport",
    "default_loss",
    "evaluate",
    "get_activation",
    "get_loss",
    "gradient_check",
    "initialize_parameters",
    "make_optimizer",
    "measure",
    "output_accuracy",
    "shape_table",
    "train",
]
