"""A spin box that shows a number as it is: ``1.2``, ``0.001``, ``1e+300``, ``4294967295``.

QDoubleSpinBox shows a fixed count of decimals (``100.000000``), rounds away anything below them
and clamps a value to its range, so a learning rate of 1e300 read from a file would show as 100.
:class:`NumberBox` shows up to ``SIGNIFICANT`` significant digits without trailing zeros, keeps
every digit of the value, and its range is the whole range the model file allows.
A whole-number box (``whole=True``) holds integers up to 2⁵³ (a QSpinBox stops at 2³¹ − 1).
"""

from __future__ import annotations

import re
import sys

from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QAbstractSpinBox, QDoubleSpinBox, QWidget

SIGNIFICANT = 10  # enough for any value a learner types, few enough to hide 0.1 + 0.2 noise
MAX_DECIMALS = 323  # Qt's limit (DBL_MAX_10_EXP + DBL_DIG): no value is rounded away
LARGEST = sys.float_info.max
LARGEST_WHOLE = 2**53  # every integer up to here is exact in a double
_PARTIAL = re.compile(r"[+-]?(\d*[.,]?\d*)([eE][+-]?\d*)?")


class NumberBox(QDoubleSpinBox):
    """A QDoubleSpinBox showing ``%g``-style numbers (``whole``: integers, no decimals).

    ``value()`` is a float; connect ``valueChanged`` as for QDoubleSpinBox. Arrows step by a
    tenth of the value's order of magnitude (adaptive decimal steps), or by ``singleStep`` for
    whole numbers. Typing accepts a dot or comma as the decimal point and an exponent (``1e-4``).
    """

    def __init__(
        self,
        minimum: float = 0.0,
        maximum: float | None = None,
        *,
        whole: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._whole = whole
        self.setDecimals(0 if whole else MAX_DECIMALS)
        top = maximum if maximum is not None else (LARGEST_WHOLE if whole else LARGEST)
        self.setRange(minimum, top)
        if not whole:
            self.setStepType(QAbstractSpinBox.StepType.AdaptiveDecimalStepType)
        self.setKeyboardTracking(False)  # commit on Enter, arrows or leaving the box

    @property
    def whole(self) -> bool:
        return self._whole

    def textFromValue(self, value: float) -> str:
        if self._whole:
            return str(round(value))
        return f"{value:.{SIGNIFICANT}g}"

    def _number_text(self, text: str) -> str:
        body = text
        if self.prefix() and body.startswith(self.prefix()):
            body = body[len(self.prefix()) :]
        if self.suffix() and body.endswith(self.suffix()):
            body = body[: -len(self.suffix())]
        return body.strip().replace(",", ".")

    def valueFromText(self, text: str) -> float:
        body = self._number_text(text)
        if self.specialValueText() and text == self.specialValueText():
            return self.minimum()
        try:
            return float(body)
        except ValueError:
            return self.value()

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        if self.specialValueText() and text == self.specialValueText():
            return QValidator.State.Acceptable, text, pos
        body = self._number_text(text)
        if self._whole and any(c in body for c in ".eE"):
            return QValidator.State.Invalid, text, pos
        if not _PARTIAL.fullmatch(body):
            return QValidator.State.Invalid, text, pos
        try:
            value = float(body)
        except ValueError:
            return QValidator.State.Intermediate, text, pos  # "", "-", "1e", "."
        if self.minimum() <= value <= self.maximum():
            return QValidator.State.Acceptable, text, pos
        return QValidator.State.Intermediate, text, pos

    def fixup(self, text: str) -> str:
        return self.textFromValue(self.value())
