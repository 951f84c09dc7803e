"""Learn mode, free of Qt: one pass step by step, runs to compare, gradient flow, script export.

NumPy and the standard library only (plus the engine and data packages); the views in
``nnstudio.gui.learn_*`` draw what these modules compute.
"""

from .export_script import export_numpy_script, script_source
from .gradient_flow import (
    GradientFlow,
    compare_hidden_activations,
    diagnose,
    gradient_flow,
    layer_series,
    record_gradient_flow,
)
from .runs import Run, RunStore, describe_change, make_description
from .stepthrough import Step, build_steps

__all__ = [
    "GradientFlow",
    "Run",
    "RunStore",
    "Step",
    "build_steps",
    "compare_hidden_activations",
    "describe_change",
    "diagnose",
    "export_numpy_script",
    "gradient_flow",
    "layer_series",
    "make_description",
    "record_gradient_flow",
    "script_source",
]
