"""Learn mode's widgets: step-through, the matrix inspector and its heatmap, gradient flow,
compare runs, the bias–variance verdict, tuning, the gradient check dialog and the guide. They draw
what ``nnstudio.learn`` computes. Modules here may import ``nnstudio.gui.common`` and the
Qt-free packages; they never import the builder, training, views or window rooms (the window
wires them to the rest).
"""

from .gradcheck import GradientCheckDialog
from .gradflow import GradientFlowView
from .guide import show_guide
from .inspector import MatrixInspector
from .runs import CompareRunsView
from .stepthrough import StepThroughView, session_source
from .tuning import TuningView
from .verdict import BiasVariancePanel

__all__ = [
    "BiasVariancePanel",
    "CompareRunsView",
    "GradientCheckDialog",
    "GradientFlowView",
    "MatrixInspector",
    "StepThroughView",
    "TuningView",
    "session_source",
    "show_guide",
]
