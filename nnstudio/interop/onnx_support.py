"""The optional ``onnx`` package, and the names the exported graph and its reader share.

NN Studio itself never needs ``onnx``: it is the ``[export]`` extra
(``pip install "nnstudio[export]"``). :func:`require_onnx` imports it or raises
:class:`OnnxMissingError`, whose message says how to install it.
"""

from __future__ import annotations

from types import ModuleType

from ..text import translate

OPSET = 17
IR_VERSION = 8  # the IR version that goes with opset 17: the widest range of runtimes read it
INPUT_NAME = "X"
OUTPUT_NAME = "Y_hat"
BATCH = "m"  # the symbolic batch dimension: the number of samples
PRODUCER = "NN Studio"
# metadata_props keys: what a graph cannot say in its nodes
META_FEATURES = "nnstudio.input_features"
META_INPUT_NAMES = "nnstudio.input_names"
META_CLASS_NAMES = "nnstudio.class_names"
META_LOSS = "nnstudio.loss"
INSTALL_HINT = 'pip install "nnstudio[export]"'


class OnnxMissingError(RuntimeError):
    """The ``onnx`` package is not installed."""


class OnnxImportError(ValueError):
    """An ONNX file NN Studio cannot open; the message names what is wrong."""


def require_onnx() -> ModuleType:
    """The ``onnx`` module, or OnnxMissingError saying how to install it."""
    try:
        import onnx
    except ImportError:
        raise OnnxMissingError(
            translate(
                "Onnx",
                "ONNX files need the onnx package, which is not installed; install it with "
                "{command} and start NN Studio again",
            ).format(command=INSTALL_HINT)
        ) from None
    return onnx


def onnx_available() -> bool:
    try:
        require_onnx()
    except OnnxMissingError:
        return False
    return True
