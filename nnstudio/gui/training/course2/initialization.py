"""The initialisation choice (``initCombo``): the engine's initializers, each named with its
scale and with a tooltip that says what it does to learning (zeros cannot break the symmetry,
large saturates sigmoid and tanh units, He and Xavier keep the activations' spread)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QComboBox, QWidget

from ....engine import INITIALIZERS


def initializer_tooltips() -> dict[str, str]:
    """Why each initialisation helps or fails, in the course's terms."""
    return {
        "small": QCoreApplication.translate(
            "TrainingPanel",
            "W[l] = randn(n[l], n[l-1]) · 0.01: small random weights break the symmetry; in a "
            "deep network the activations shrink layer by layer.",
        ),
        "xavier": QCoreApplication.translate(
            "TrainingPanel",
            "W[l] = randn(n[l], n[l-1]) · √(1/n[l-1]): keeps the spread of Z[l] near 1, suited "
            "to tanh.",
        ),
        "he": QCoreApplication.translate(
            "TrainingPanel",
            "W[l] = randn(n[l], n[l-1]) · √(2/n[l-1]): the course's choice for ReLU layers; "
            "the spread of the activations neither vanishes nor explodes.",
        ),
        "zeros": QCoreApplication.translate(
            "TrainingPanel",
            "W[l] = 0: every unit of a layer computes the same thing and gets the same "
            "gradient, so the symmetry is never broken and the layer acts as one unit.",
        ),
        "large": QCoreApplication.translate(
            "TrainingPanel",
            "W[l] = randn(n[l], n[l-1]) · 10: Z[l] becomes huge, so sigmoid and tanh saturate "
            "near 0 or 1 where g′(Z) ≈ 0; the gradients vanish, the first cost is very high "
            "and learning crawls.",
        ),
    }


class InitializationCombo(QComboBox):
    """The initializers of the registry, keyed by the names the model file stores."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("initCombo")
        # its longest entry would set the dock's (and so the window's) minimum width: the
        # closed box may shorten it, the open list shows every entry whole
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(12)
        names = {
            "small": QCoreApplication.translate("TrainingPanel", "small (× 0.01)"),
            "xavier": QCoreApplication.translate("TrainingPanel", "Xavier (× √(1/n[l-1]))"),
            "he": QCoreApplication.translate("TrainingPanel", "He (× √(2/n[l-1]))"),
            "zeros": QCoreApplication.translate("TrainingPanel", "zeros (symmetric: fails)"),
            "large": QCoreApplication.translate("TrainingPanel", "large (× 10: saturates)"),
        }
        tips = initializer_tooltips()
        for key in INITIALIZERS:
            self.addItem(names.get(key, key), key)
            self.setItemData(self.count() - 1, tips.get(key, ""), Qt.ItemDataRole.ToolTipRole)
        self.setToolTip(
            QCoreApplication.translate(
                "TrainingPanel",
                "How W[l] starts: random numbers times a scale (b[l] starts at 0). Zeros make "
                "every unit of a layer identical, so they never learn different features; "
                "large weights (× 10) saturate sigmoid and tanh so the gradients vanish. "
                "Changing it draws new weights.",
            )
        )
