"""The training panel's regularisation strengths: L2 λ (``l2SpinBox``) and L1 λ₁
(``l1SpinBox``), side by side in its form.

The course's L2 term: J + λ/(2m)·Σ_l ‖W[l]‖²_F, so dW[l] gains λ/m·W[l]. The L1 term, written
the same way: J + λ₁/m·Σ_l Σ|W[l]| (no ½), so dW[l] gains λ₁/m·sign(W[l]) with sign(0) = 0.
Both leave the biases b[l] alone. An edit is one undo step (``SettingsEdits``); a running run
takes the new value at its next update.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ..builder import NumberBox
from .settings_edits import SettingsEdits


class RegularizationBoxes:
    """The two strength boxes, wired to ``edits``; the panel lays them out and keeps them in
    step with the session."""

    def __init__(self, edits: SettingsEdits) -> None:
        self.l2 = NumberBox(0.0)
        self.l2.setObjectName("l2SpinBox")
        self.l2.setToolTip(
            QCoreApplication.translate(
                "TrainingPanel",
                "λ of L2 regularisation: the cost gains λ/(2m)·Σ‖W[l]‖², which keeps the weights "
                "small and the boundary smooth. 0 turns it off.",
            )
        )
        self.l2.valueChanged.connect(edits.set_l2)
        self.l1 = NumberBox(0.0)
        self.l1.setObjectName("l1SpinBox")
        self.l1.setToolTip(
            QCoreApplication.translate(
                "TrainingPanel",
                "λ₁ of L1 regularisation: the cost gains λ₁/m·Σ|W[l]| (no ½, unlike L2), so each "
                "update moves every weight by λ₁/m·α towards zero (sign(W), with sign(0) = 0). "
                "Weights that matter little end up at zero. 0 turns it off.",
            )
        )
        self.l1.valueChanged.connect(edits.set_l1)
