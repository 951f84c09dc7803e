"""Learn mode's widgets: step-through, the matrix inspector and its heatmap, gradient flow,
compare runs, the bias–variance verdict, tuning, the gradient check dialog and the guide, and the
way out (PyTorch and ONNX exports, opening ONNX networks). They draw what
``nnstudio.learn`` computes. Modules here may import ``nnstudio.gui.common`` and the
Qt-free packages; they never import the builder, training, views or window rooms (the
window wires them to the rest).
"""

from .gradcheck import GradientCheckDialog
from .gradflow import GradientFlowView
from .guide import show_guide
from .inspector import MatrixInspector
from .moving_on import ONNX_SUFFIX, open_onnx, save_onnx_dialog, save_pytorch_dialog
from .runs import CompareRunsView
from .stepthrough import StepThroughView, session_source
from .tuning import TuningView
from .verdict import BiasVariancePanel

__all__ = [
    "ONNX_SUFFIX",
    "BiasVariancePanel",
    "CompareRunsView",
    "GradientCheckDialog",
    "GradientFlowView",
    "MatrixInspector",
    "StepThroughView",
    "TuningView",
    "open_onnx",
    "save_onnx_dialog",
    "save_pytorch_dialog",
    "session_source",
    "show_guide",
]
