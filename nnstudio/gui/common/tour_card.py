"""The card a guided tour shows its steps on, floating over a corner of the window.

:class:`TourCard` is a child widget (not a dialog), so the app around it stays usable: a counter
("WELCOME TOUR · 2 OF 6"), a title, a text, a highlighted line saying what to do, progress dots,
Back / Next (Finish on the last page) and a close button. Its colours come from the palette, so it
reads in a light and a dark theme; its height follows its texts at a fixed width.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QFrame,
    QGraphicsDropShadowEffect,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from .spotlight import ACCENT

PANEL_WIDTH = 390


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
        shadow = QGraphicsDropShadowEffect(self)
        shadow.setBlurRadius(28)
        shadow.setOffset(0, 6)
        shadow.setColor(QColor(0, 0, 0, 70))
        self.setGraphicsEffect(shadow)

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
