"""The NumPy engine: network, activations, losses, optimizers, training loop, gradient check.

NumPy and the standard library only; nothing here imports Qt.
"""

from .activations import ACTIVATIONS, HIDDEN_ACTIVATIONS, LEAKY_SLOPE, get_activation
from .checks import (
    MemoryEstimate,
    NotEnoughMemoryError,
    TrainingDataError,
    available_memory,
    check_training,
    estimate_training_memory,
)
from .course2 import LR_SCHEDULES, check_decay, decayed_learning_rate
from .course2.batchnorm import EPSILON as BATCH_NORM_EPSILON
from .gradcheck import GradientCheck, gradient_check
from .initializers import INITIALIZERS, initialize_parameters
from .layout import ParameterLayout
from .losses import LOSSES, default_loss, get_loss
from .network import Network, output_accuracy
from .next_iteration import NextIteration, next_iteration
from .optimizers import (
    OPTIMIZERS,
    HyperparameterError,
    Optimizer,
    check_optimizer_settings,
    make_optimizer,
)
from .progress import (
    COST_ROSE,
    DIVERGED,
    FINISHED,
    LIVE_SETTINGS,
    NONFINITE,
    PAUSED,
    RUNNING,
    SHUFFLES,
    STOPPED,
    Divergence,
    LiveSetting,
    Record,
    SettingChange,
    TrainingConfig,
    TrainingControl,
    TrainingData,
    TrainingReport,
)
from .spec import MAX_UNITS, NetworkSpec, ShapeRow, SpecError, shape_table
from .training import evaluate, train

__all__ = [
    "ACTIVATIONS",
    "BATCH_NORM_EPSILON",
    "COST_ROSE",
    "DIVERGED",
    "FINISHED",
    "HIDDEN_ACTIVATIONS",
    "INITIALIZERS",
    "LEAKY_SLOPE",
    "LIVE_SETTINGS",
    "LOSSES",
    "LR_SCHEDULES",
    "MAX_UNITS",
    "NONFINITE",
    "OPTIMIZERS",
    "PAUSED",
    "RUNNING",
    "SHUFFLES",
    "STOPPED",
    "Divergence",
    "GradientCheck",
    "HyperparameterError",
    "LiveSetting",
    "MemoryEstimate",
    "Network",
    "NetworkSpec",
    "NextIteration",
    "NotEnoughMemoryError",
    "Optimizer",
    "ParameterLayout",
    "Record",
    "SettingChange",
    "ShapeRow",
    "SpecError",
    "TrainingConfig",
    "TrainingControl",
    "TrainingData",
    "TrainingDataError",
    "TrainingReport",
    "available_memory",
    "check_decay",
    "check_optimizer_settings",
    "check_training",
    "decayed_learning_rate",
    "default_loss",
    "estimate_training_memory",
    "evaluate",
    "get_activation",
    "get_loss",
    "gradient_check",
    "initialize_parameters",
    "make_optimizer",
    "next_iteration",
    "output_accuracy",
    "shape_table",
    "train",
]
