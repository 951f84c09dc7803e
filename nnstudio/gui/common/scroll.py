"""Panels that scroll rather than force the window's minimum size up.

A dock's content asks for the room its controls need; on a small screen, or at 200 % scaling
(a 1920 × 1080 screen is 960 × 540 logical pixels), the sum of those asks is more than the screen
has, and the window would be cut off. In a scroll area a panel keeps its natural size when there
is room and scrolls when there is not, so that nothing is cut off.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QVBoxLayout, QWidget


class _MinimumLayout(QVBoxLayout):
    """A layout that does not report a height for its width. A scroll area asks a content with
    height-for-width (any word-wrapped label) for its *preferred* height, so a plot's large
    preferred size would make the panel scroll with room to spare; without it, the area scrolls
    only below the content's minimum size."""

    def hasHeightForWidth(self) -> bool:
        return False


def scrollable(content: QWidget, name: str) -> QScrollArea:
    """``content`` in a frameless scroll area called ``name`` that resizes it to fit."""
    area = QScrollArea()
    area.setObjectName(name)
    holder = QWidget()
    layout = _MinimumLayout(holder)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(content)
    area.setWidget(holder)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
    area.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
    return area
