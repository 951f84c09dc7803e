"""The decision view's two display choices: hard class regions and the validation points.

Both are preferences of the view, not part of a model: QSettings remember them
(``views/discretize``, ``views/show_validation``) and a model file never holds them.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings, Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QWidget

DISCRETIZE_KEY = "views/discretize"
SHOW_VALIDATION_KEY = "views/show_validation"


class DecisionOptions(QWidget):
    """``discretizeCheck``: colour each point of the plane by its predicted class only;
    ``showValidationCheck``: draw the hollow validation points. ``changed`` follows either."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("decisionOptions")
        settings = QSettings()
        self.discretize_check = QCheckBox(self.tr("Discretize"))
        self.discretize_check.setObjectName("discretizeCheck")
        self.discretize_check.setChecked(bool(settings.value(DISCRETIZE_KEY, False, type=bool)))
        self.validation_check = QCheckBox(self.tr("Dev set points"))
        self.validation_check.setObjectName("showValidationCheck")
        self.validation_check.setChecked(bool(settings.value(SHOW_VALIDATION_KEY, True, type=bool)))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.discretize_check)
        layout.addWidget(self.validation_check)
        self.discretize_check.toggled.connect(self._discretize_toggled)
        self.validation_check.toggled.connect(self._validation_toggled)
        self.sync("binary", 2, 0)

    @property
    def discretize(self) -> bool:
        return self.discretize_check.isEnabled() and self.discretize_check.isChecked()

    @property
    def show_validation(self) -> bool:
        return self.validation_check.isChecked()

    def sync(self, task: str, n_features: int, validation_m: int) -> None:
        """Enable each choice where it means something, with a tooltip that says why not."""
        check = self.discretize_check
        if task == "regression":
            check.setEnabled(False)
            check.setToolTip(
                self.tr(
                    "A regression predicts a number, not a class: there are no class regions "
                    "to show."
                )
            )
        elif n_features != 2:
            check.setEnabled(False)
            check.setToolTip(self.tr("Class regions are drawn over a plane of two inputs."))
        else:
            check.setEnabled(True)
            check.setToolTip(
                self.tr(
                    "Colour each point of the plane by the class the network predicts there "
                    "(ŷ > 0.5, or the likeliest class), without the paler shades of doubt: "
                    "the regions and the boundary between them."
                )
            )
        shown = self.validation_check
        shown.setEnabled(validation_m > 0)
        if validation_m > 0:
            shown.setToolTip(
                self.tr(
                    "Show the dev set (hollow points): those samples are not trained on, "
                    "so they show how well the boundary generalises."
                )
            )
        else:
            shown.setToolTip(
                self.tr(
                    "There is no dev set: hold some samples back with Dev set in the Data panel."
                )
            )

    def _discretize_toggled(self, checked: bool) -> None:
        QSettings().setValue(DISCRETIZE_KEY, checked)
        self.changed.emit()

    def _validation_toggled(self, checked: bool) -> None:
        QSettings().setValue(SHOW_VALIDATION_KEY, checked)
        self.changed.emit()
