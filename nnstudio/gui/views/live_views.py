"""Live views of training: the cost curve, the activations and the decision boundary.

Every view draws what :class:`~nnstudio.gui.training.TrainingController` hands it: reports
(``reportReceived``) and finished arrays (``viewsChanged``, a :class:`~nnstudio.learn.ViewSnapshot`
computed in the training thread). Plot items are created once and updated with ``setData`` /
``setImage``; the controller emits at most 30 updates a second, and a view that is hidden (a
tab in the background) keeps only the latest snapshot and draws it when it is shown.

The views live in their own modules (:mod:`.cost_view`, :mod:`.activations_view`,
:mod:`.decision_view`, on :mod:`.live_view_base` and :mod:`nnstudio.gui.common.plot_items`);
this module gathers them under their historical names.
"""

from __future__ import annotations

from ..common.plot_items import (
    TRAIN_COLOR,
    VAL_COLOR,
    PathCurve,
    Raster,
    SteadyLabel,
    diverging_colormap,
    diverging_lut,
    make_curve,
    steady_label,
    steady_range,
    unit_colormap,
    unit_lut,
)
from .activations_view import ActivationsView
from .cost_view import MAX_POINTS, CostView
from .decision_view import MAX_SCATTER, DecisionView

__all__ = [
    "MAX_POINTS",
    "MAX_SCATTER",
    "TRAIN_COLOR",
    "VAL_COLOR",
    "ActivationsView",
    "CostView",
    "DecisionView",
    "PathCurve",
    "Raster",
    "SteadyLabel",
    "diverging_colormap",
    "diverging_lut",
    "make_curve",
    "steady_label",
    "steady_range",
    "unit_colormap",
    "unit_lut",
]
