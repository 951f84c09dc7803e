"""The optimizer's state of the inspected layer, under the Matrices view's six arrays.

:class:`OptimizerStatePanel` shows what momentum, RMSprop and Adam keep between updates for
layer l (see :mod:`nnstudio.learn.optimizer_state`): v_dW[l] and v_db[l], s_dW[l] and s_db[l],
and Adam's bias-corrected v̂ and ŝ, each a :class:`~.heatmap.MatrixHeatmap` of its parameter's
shape. Gradient descent keeps nothing, and a run must have made an update first: the panel
says so in words instead.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from ...engine import OPTIMIZERS
from ...learn import S_HAT, V_HAT, LayerOptimizerState, layer_optimizer_state
from ...text import localized
from .heatmap import MatrixHeatmap, shape_text

#: the arrays in their places: the dW row first, then the db row; and their object names
KEYS = ("v_dW", "s_dW", f"{V_HAT}_dW", f"{S_HAT}_dW", "v_db", "s_db", f"{V_HAT}_db", f"{S_HAT}_db")
_SYMBOL_NAMES = {"v": "V", "s": "S", V_HAT: "VHat", S_HAT: "SHat"}
OBJECT_NAMES = {  # "v_dW" → inspectorVdWHeatmap, "v̂_db" → inspectorVHatdbHeatmap
    key: f"inspector{_SYMBOL_NAMES[key.split('_')[0]]}{key.split('_')[1]}Heatmap" for key in KEYS
}

DrawStep = tuple[MatrixHeatmap, tuple[str, np.ndarray | None, str]]


class OptimizerStatePanel(QWidget):
    """``show_state(optimizer, options, state, layer)`` shows the state ``state`` (an
    ``Optimizer.state_dict()``) keeps for layer ``layer`` and returns the heatmaps to draw."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("inspectorOptimizerState")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        self.title = QLabel(self)
        self.title.setObjectName("inspectorOptimizerTitle")
        self.title.setTextFormat(Qt.TextFormat.RichText)
        self.title.setWordWrap(True)
        self.title.setToolTip(
            self.tr(
                "The arrays the optimizer keeps between updates, as the last run left them: "
                "the next update starts from them. Each has the shape of its parameter."
            )
        )
        layout.addWidget(self.title)
        grid = QGridLayout()
        grid.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        layout.addLayout(grid)
        tips = {
            "v": self.tr(
                "v: the moving average of the gradients, v = β·v + (1 − β)·dW after every "
                "update. The step follows v instead of this iteration's gradient alone, so "
                "directions that keep changing sign cancel out."
            ),
            "s": self.tr(
                "s: the moving average of the squared gradients, s = β·s + (1 − β)·dW² (entry "
                "by entry). Entries with large recent gradients get smaller steps: the step "
                "is divided by √s + ε."
            ),
            V_HAT: self.tr(
                "v̂ = v / (1 − β₁ᵗ): v corrected for starting at 0, as the last update used it. "
                "Early on (small t) the correction is large; it fades as t grows."
            ),
            S_HAT: self.tr(
                "ŝ = s / (1 − β₂ᵗ): s corrected for starting at 0, as the last update used it."
            ),
        }
        self.heatmaps: dict[str, MatrixHeatmap] = {}
        for i, key in enumerate(KEYS):
            heatmap = MatrixHeatmap(self)
            heatmap.setObjectName(OBJECT_NAMES[key])
            heatmap.setToolTip(tips[key.split("_", 1)[0]] + "\n" + heatmap.toolTip())
            self.heatmaps[key] = heatmap
            grid.addWidget(heatmap, i // 4, i % 4, Qt.AlignmentFlag.AlignLeft)
        self.state: LayerOptimizerState | None = None

    def show_state(
        self,
        optimizer: str,
        options: Mapping[str, float],
        state: Mapping[str, Any] | None,
        layer: int,
    ) -> list[DrawStep]:
        """Show the state of ``optimizer`` for ``layer``; returns (heatmap, arguments of its
        ``set_array``) for each array to draw, for the caller to draw when it chooses."""
        kind = OPTIMIZERS.get(optimizer)
        name = localized(kind.label) if kind is not None else optimizer
        found = layer_optimizer_state(optimizer, options, state, layer)
        self.state = found
        if found is not None:
            self.title.setText(
                self.tr("<b>What {optimizer} keeps for layer {l}</b> after update t = {t}").format(
                    optimizer=name, l=layer, t=found.t
                )
            )
        elif optimizer == "gd":
            self.title.setText(
                self.tr(
                    "<b>Gradient descent keeps nothing between updates</b>: every step uses "
                    "this iteration's dW alone. Choose Momentum, RMSprop or Adam and train to "
                    "see the moving averages v and s they keep."
                )
            )
        else:
            self.title.setText(
                self.tr(
                    "<b>{optimizer} keeps moving averages between updates.</b> Train with it "
                    "to see them for layer {l}."
                ).format(optimizer=name, l=layer)
            )
        arrays = found.arrays if found is not None else {}
        steps: list[DrawStep] = []
        for key, heatmap in self.heatmaps.items():
            heatmap.setVisible(key in arrays)
            if key in arrays:
                symbol, gradient = key.split("_", 1)
                caption = f"<b>{symbol}<sub>{gradient}</sub><sup>[{layer}]</sup></b>"
                caption += f" {shape_text(arrays[key].shape)}"
                steps.append((heatmap, (f"{key}[{layer}]", arrays[key], caption)))
        return steps
