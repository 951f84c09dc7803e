"""Learn mode, free of Qt: one pass step by step, runs to compare, gradient flow, script export.

NumPy and the standard library only (plus the engine and data packages); the views in
``nnstudio.gui.learn_*`` draw what these modules compute.
"""

from .export_script import export_numpy_script, script_source
from .stepthrough import Step, build_steps

__all__ = ["Step", "build_steps", "export_numpy_script", "script_source"]
