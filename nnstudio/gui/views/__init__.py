"""The live views drawn while a network trains: the cost curve, the activations, the decision
boundary, their shared base (``live_view_base``) and the helpers that keep their axes steady
(``live_views``). A view reads the arrays ``nnstudio.learn.view_data`` computes and the
training controller hands over. Modules here may import ``nnstudio.gui.common``,
``nnstudio.gui.builder``, ``nnstudio.gui.training`` and the Qt-free packages; never learn or
window.
"""

from .activations_view import ActivationsView
from .cost_view import CostView
from .decision_view import DecisionView
from .live_view_base import LiveView

__all__ = ["ActivationsView", "CostView", "DecisionView", "LiveView"]
