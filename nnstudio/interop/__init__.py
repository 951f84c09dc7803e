"""The way out of NN Studio and back in: a network as a PyTorch script or an ONNX model, and
an ONNX chain of fully-connected layers opened as a model. Qt-free; ``onnx`` is optional (the
``[export]`` extra) and imported only when an ONNX file is written or read.
"""

from .imported import with_data
from .layers import ExportPlan, Layer, plan_for, plan_from_model
from .onnx_export import build_onnx, export_onnx
from .onnx_import import model_from_onnx, read_onnx
from .onnx_support import (
    INSTALL_HINT,
    OnnxImportError,
    OnnxMissingError,
    onnx_available,
    require_onnx,
)
from .pytorch_script import export_pytorch_script, pytorch_source

__all__ = [
    "INSTALL_HINT",
    "ExportPlan",
    "Layer",
    "OnnxImportError",
    "OnnxMissingError",
    "build_onnx",
    "export_onnx",
    "export_pytorch_script",
    "model_from_onnx",
    "onnx_available",
    "plan_for",
    "plan_from_model",
    "pytorch_source",
    "read_onnx",
    "require_onnx",
    "with_data",
]
