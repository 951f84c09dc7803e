"""Learn mode, free of Qt: one pass step by step, runs to compare, gradient flow, script export.

NumPy and the standard library only (plus the engine and data packages); the views in
``nnstudio.gui.learn`` and ``nnstudio.gui.views`` draw what these modules compute
(``view_data``: the arrays of the live views).
"""

from .advice import diagnosis_text, divergence_text
from .diagnosis import diagnose_run
from .export_script import export_numpy_script, mean_std, script_source
from .gradient_flow import (
    FlowTable,
    GradientFlow,
    compare_hidden_activations,
    diagnose,
    gradient_flow,
    layer_series,
    record_gradient_flow,
)
from .optimizer_state import S_HAT, V_HAT, LayerOptimizerState, layer_optimizer_state
from .runs import Run, RunStore, describe_change, make_description, setting_phrase
from .stepthrough import Step, build_steps
from .stepthrough_notation import name_html
from .verdict import Verdict, VerdictText, judge, run_verdict, verdict_number, verdict_text
from .view_data import (
    BOUNDED_LEVELS,
    LayerView,
    ViewProbe,
    ViewSnapshot,
    class_regions_image,
    compute_views,
    grid_size_for,
    make_probe,
)

__all__ = [
    "BOUNDED_LEVELS",
    "S_HAT",
    "V_HAT",
    "FlowTable",
    "GradientFlow",
    "LayerOptimizerState",
    "LayerView",
    "Run",
    "RunStore",
    "Step",
    "Verdict",
    "VerdictText",
    "ViewProbe",
    "ViewSnapshot",
    "build_steps",
    "class_regions_image",
    "compare_hidden_activations",
    "compute_views",
    "describe_change",
    "diagnose",
    "diagnose_run",
    "diagnosis_text",
    "divergence_text",
    "export_numpy_script",
    "gradient_flow",
    "grid_size_for",
    "judge",
    "layer_optimizer_state",
    "layer_series",
    "make_description",
    "make_probe",
    "mean_std",
    "name_html",
    "record_gradient_flow",
    "run_verdict",
    "script_source",
    "setting_phrase",
    "verdict_number",
    "verdict_text",
]
