"""The card a guided tour shows its steps on, floating over a corner of the window.

:class:`TourCard` is a child widget (not a dialog), so the app around it stays usable: a counter
("WELCOME TOUR · 2 OF 6"), a title, a text, a highlighted line saying what to do, progress dots,
Back / Next (Finish on the last page) and a close button. Its colours come from the palette, so it
reads in a light and a dark theme; its height follows its texts at a fixed width. Its soft
shadow is a :class:`CardShadow` beneath it: a picture drawn once per size, where a blur effect
would blur again each time anything under the card repaints (a live plot while training).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QHideEvent,
    QMoveEvent,
    QPainter,
    QPaintEvent,
    QPixmap,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from .spotlight import ACCENT

PANEL_WIDTH = 390
SHADOW_REACH = 14  # px the shadow spreads around the card
SHADOW_DROP = 6  # px the shadow sits lower than the card
SHADOW_ALPHA = 70  # its darkest, next to the card (of 255)
CARD_RADIUS = 12.0


class CardShadow(QWidget):
    """A soft shadow under a card: rounded rectangles growing by a pixel each, every one a
    little more transparent, drawn once into a picture for the card's size."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("welcomeShadow")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._picture = QPixmap()
        self._picture_size = QSize()

    def follow(self, card: QWidget) -> None:
        """Sit under ``card``, around its geometry."""
        reach = SHADOW_REACH
        self.setGeometry(card.geometry().adjusted(-reach, -reach + SHADOW_DROP, reach, reach))

    def _draw_picture(self) -> None:
        ratio = self.devicePixelRatioF()
        picture = QPixmap(self.size() * ratio)
        picture.setDevicePixelRatio(ratio)
        picture.fill(Qt.GlobalColor.transparent)
        painter = QPainter(picture)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        card = QRectF(self.rect()).adjusted(
            SHADOW_REACH, SHADOW_REACH, -SHADOW_REACH, -SHADOW_REACH
        )
        for spread in range(SHADOW_REACH, -1, -1):
            # layers pile up towards the card: its edge gets them all, the rim only one
            painter.setBrush(QColor(0, 0, 0, max(1, SHADOW_ALPHA // SHADOW_REACH)))
            radius = CARD_RADIUS + spread
            painter.drawRoundedRect(card.adjusted(-spread, -spread, spread, spread), radius, radius)
        painter.end()
        self._picture, self._picture_size = picture, self.size()

    def paintEvent(self, event: QPaintEvent) -> None:
        if self._picture_size != self.size() or self._picture.isNull():
            self._draw_picture()
        painter = QPainter(self)
        painter.drawPixmap(0, 0, self._picture)
        painter.end()


class TourCard(QFrame):
    """The card of a guided tour: step counter, title, text, what to do, progress dots,
    Back / Next and a close button (object names ``welcome…``)."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("welcomePanel")
        self.setFixedWidth(PANEL_WIDTH)
        self.setStyleSheet(
            "QFrame#welcomePanel { background: palette(base); border: 1px solid palette(mid); "
            "border-radius: 12px; }"
            "QLabel { background: transparent; border: none; }"
            f"QLabel#welcomeCounter {{ color: {ACCENT.name()}; font-weight: bold; }}"
            "QLabel#welcomeBody, QLabel#welcomeTitle { color: palette(text); }"
            "QLabel#welcomeTodo { color: #174ea6; background: #e8f0fe; border-radius: 8px; "
            "padding: 8px 10px; }"
            f"QPushButton#welcomeNextButton {{ background: {ACCENT.name()}; color: white; "
            "border: none; border-radius: 6px; padding: 6px 18px; font-weight: bold; }"
            "QPushButton#welcomeNextButton:hover { background: #1666cc; }"
            "QPushButton#welcomeBackButton { border: 1px solid palette(mid); border-radius: 6px; "
            "padding: 6px 14px; background: palette(button); color: palette(button-text); }"
            "QPushButton#welcomeBackButton:disabled { color: palette(mid); }"
            "QToolButton#welcomeCloseButton { border: none; color: palette(text); "
            "font-size: 15px; }"
            f"QToolButton#welcomeCloseButton:hover {{ color: {ACCENT.name()}; }}"
        )
        self.shadow = CardShadow(parent)
        self.shadow.hide()

        self.counter = QLabel()
        self.counter.setObjectName("welcomeCounter")
        self.close_button = QToolButton()
        self.close_button.setObjectName("welcomeCloseButton")
        self.close_button.setText("✕")
        self.close_button.setAutoRaise(True)
        self.close_button.setToolTip(
            QCoreApplication.translate(
                "WelcomeTour", "Close the tour (Esc). Help ▸ Welcome tour opens it again."
            )
        )
        self.title = QLabel()
        self.title.setObjectName("welcomeTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.body = QLabel()
        self.body.setObjectName("welcomeBody")
        self.body.setWordWrap(True)
        self.body.setTextFormat(Qt.TextFormat.RichText)
        self.todo = QLabel()
        self.todo.setObjectName("welcomeTodo")
        self.todo.setWordWrap(True)
        self.dots = QLabel()
        self.dots.setObjectName("welcomeDots")
        self.dots.setTextFormat(Qt.TextFormat.RichText)
        self.back_button = QPushButton(QCoreApplication.translate("WelcomeTour", "Back"))
        self.back_button.setObjectName("welcomeBackButton")
        self.next_button = QPushButton(QCoreApplication.translate("WelcomeTour", "Next"))
        self.next_button.setObjectName("welcomeNextButton")
        self.next_button.setDefault(True)
        for button in (self.back_button, self.next_button):
            button.setCursor(Qt.CursorShape.PointingHandCursor)

        header = QHBoxLayout()
        header.addWidget(self.counter, 1)
        header.addWidget(self.close_button)
        footer = QHBoxLayout()
        footer.addWidget(self.dots, 1)
        footer.addWidget(self.back_button)
        footer.addWidget(self.next_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 14, 16, 16)
        layout.setSpacing(10)
        layout.addLayout(header)
        layout.addWidget(self.title)
        layout.addWidget(self.body)
        layout.addWidget(self.todo)
        layout.addSpacing(4)
        layout.addLayout(footer)

    def bring_to_front(self) -> None:
        """Raise the card over the window's other children, its shadow just under it."""
        self.raise_()
        self.shadow.stackUnder(self)

    def moveEvent(self, event: QMoveEvent) -> None:
        super().moveEvent(event)
        self.shadow.follow(self)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.shadow.follow(self)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.shadow.follow(self)
        self.shadow.show()
        self.shadow.stackUnder(self)

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self.shadow.hide()

    def show_page(self, title: str, body: str, todo: str, index: int, count: int) -> None:
        """Show page ``index`` of ``count``: its title, its text (rich text) and what to do."""
        self.counter.setText(
            QCoreApplication.translate("WelcomeTour", "WELCOME TOUR · {i} OF {n}").format(
                i=index + 1, n=count
            )
        )
        self.title.setText(title)
        self.body.setText(body)
        self.todo.setText(todo)
        self.dots.setText(
            " ".join(
                f"<span style='color:{ACCENT.name() if i == index else '#c5ccd4'}'>●</span>"
                for i in range(count)
            )
        )
        self.back_button.setEnabled(index > 0)
        self.next_button.setText(
            QCoreApplication.translate("WelcomeTour", "Finish")
            if index == count - 1
            else QCoreApplication.translate("WelcomeTour", "Next")
        )
        self.fit_height()

    def fit_height(self) -> None:
        """As tall as the texts need at the card's width (after the style sheet applies)."""
        for widget in (self, *self.findChildren(QWidget)):
            widget.ensurePolished()
        layout = self.layout()
        if layout is None:
            return
        layout.invalidate()
        self.setFixedHeight(layout.totalHeightForWidth(PANEL_WIDTH))
