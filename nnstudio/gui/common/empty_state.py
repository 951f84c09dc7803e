"""A sentence in the middle of a view that has nothing to show yet, saying what to do next.

:class:`EmptyState` floats over its host widget (a plot, a scroll area, a whole view), centred,
on a rounded card in the palette's base colour (so it reads over a faint picture too, in a light
or a dark theme), and lets the mouse through to the host. The view decides when it is empty
and calls :meth:`EmptyState.show_when`.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QLabel, QWidget

CARD_STYLE = (
    "QLabel#{name} {{ color: palette(text); background: palette(base); "
    "border: 1px solid palette(midlight); border-radius: 10px; padding: 14px {pad}px; }}"
)
MAX_WIDTH = 420  # pixels: a sentence wider than this wraps
PAD_X = 20  # pixels between the card's border and its text, left and right
MARGIN = 16  # the card keeps this far from the host's edges
UNBOUNDED = 16_777_215  # QWIDGETSIZE_MAX


class EmptyState(QLabel):
    """A centred sentence over ``host``; hidden until :meth:`show_when` says the host is
    empty. ``shown`` tells whether the view asked for it (whether or not it is on screen)."""

    def __init__(self, host: QWidget, name: str, text: str = "") -> None:
        super().__init__(text, host)
        self.setObjectName(name)
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setStyleSheet(CARD_STYLE.format(name=name, pad=PAD_X))
        font = self.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.setFont(font)
        self.hide()
        host.installEventFilter(self)

    @property
    def shown(self) -> bool:
        return not self.isHidden()

    def show_when(self, empty: bool, text: str | None = None) -> None:
        """Show the sentence (``text``, when given) while ``empty``; hide it otherwise."""
        if text is not None and text != self.text():
            self.setText(text)
            if empty:
                self._place()
        if empty == self.shown:
            return
        self.setVisible(empty)
        if empty:
            self._place()
            self.raise_()

    def setText(self, text: str) -> None:
        super().setText(text)
        if self.shown:
            self._place()

    def _place(self) -> None:
        host = self.parentWidget()
        if host is None:
            return
        self.ensurePolished()  # the style sheet's padding counts
        natural = self.fontMetrics().horizontalAdvance(self.text()) + 2 * (PAD_X + 1) + 4
        width = max(120, min(natural, MAX_WIDTH, host.width() - 2 * MARGIN))
        # (a fixed size from an earlier placing would bound heightForWidth)
        self.setMinimumSize(0, 0)
        self.setMaximumSize(UNBOUNDED, UNBOUNDED)
        height = self.heightForWidth(width)
        height = height if height > 0 else self.sizeHint().height()
        self.setFixedSize(width, height)
        self.move((host.width() - width) // 2, max(0, (host.height() - height) // 2))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        placing = (QEvent.Type.Resize, QEvent.Type.Show)
        if watched is self.parentWidget() and event.type() in placing and self.shown:
            self._place()
        return False
