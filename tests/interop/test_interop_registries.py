"""Every activation, loss and optimizer the app has can be exported: adding one to the engine's
registries without its PyTorch and ONNX forms fails here."""

from __future__ import annotations

import pytest

from nnstudio.engine import ACTIVATIONS, LOSSES, OPTIMIZERS
from nnstudio.interop.onnx_export import ONNX_ACTIVATIONS
from nnstudio.interop.pytorch_text import LOSS_CODE, TORCH_ACTIVATIONS, optimizer_code


def test_every_activation_has_a_pytorch_module_and_an_onnx_operator():
    assert set(TORCH_ACTIVATIONS) == set(ACTIVATIONS)
    assert set(ONNX_ACTIVATIONS) == set(ACTIVATIONS)


def test_every_loss_has_a_pytorch_cost():
    assert set(LOSS_CODE) == set(LOSSES)
    for code in LOSS_CODE.values():
        assert "def cost(AL, Y):" in code and "def labels_tensor(Y):" in code


@pytest.mark.parametrize("name", sorted(OPTIMIZERS))
def test_every_optimizer_has_a_pytorch_optimizer(name):
    code = optimizer_code(name, {"learning_rate": 0.01})
    assert "optimizer = torch.optim." in code


def test_an_unknown_optimizer_is_refused():
    with pytest.raises(ValueError):
        optimizer_code("lbfgs", {})


def test_every_learning_rate_schedule_has_a_pytorch_factor():
    from nnstudio.engine import LR_SCHEDULES
    from nnstudio.interop.pytorch_text import DECAY_FACTOR_CODE

    assert set(DECAY_FACTOR_CODE) | {"none"} == set(LR_SCHEDULES)


def test_the_exports_use_the_engines_batch_norm_momentum():
    from nnstudio.engine.course2 import batchnorm
    from nnstudio.interop.layers import BATCH_NORM_MOMENTUM

    assert BATCH_NORM_MOMENTUM == batchnorm.MOMENTUM
