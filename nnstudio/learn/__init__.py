"""Learn mode, free of Qt: one pass step by step, runs to compare, gradient flow, script export.

NumPy and the standard library only (plus the engine and data packages); the views in
``nnstudio.gui.learn_*`` draw what these modules compute.
"""

from .export_script import export_numpy_script, script_source
from .runs import Run, RunStore, describe_change, make_description
from .stepthrough import Step, build_steps

__all__ = [
    "Run",
    "RunStore",
    "Step",
    "build_steps",
    "describe_change",
    "export_numpy_script",
    "make_description",
    "script_source",
]
