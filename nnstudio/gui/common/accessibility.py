"""What a screen reader and a keyboard need from a finished window.

:func:`describe_for_assistive_technology` walks a window's widgets once they are built and

- names every control that has no accessible name yet: a label placed just before it becomes
  its buddy (Qt then names the control after the label, and the label's mnemonic moves the
  focus to it); a plot is named after its title or axes; an item view or plot without a label
  after the box, dock or view it sits in;
- describes every control whose tool tip is rich text with the tip's plain text (Qt reads a
  plain tip itself), and keeps that description in step when the tip changes later;
- orders Tab through a main window's parts as a learner reads them: the left docks, the
  central views, then the right and bottom docks;
- makes the status bar speak: its accessible name is the message shown, and each new message
  is announced.
"""

from __future__ import annotations

import re
from itertools import pairwise

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QAccessible, QAccessibleEvent, QTextDocumentFragment
from PySide6.QtGui import Qt as GuiQt  # (Qt.mightBeRichText lives in QtGui)
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QDockWidget,
    QGroupBox,
    QLabel,
    QLayout,
    QMainWindow,
    QProgressBar,
    QStackedWidget,
    QStatusBar,
    QTabWidget,
    QWidget,
)

DESCRIBED = "accessibleDescriptionFromToolTip"  # property: the description this module set
MAX_LABEL = 40  # a longer label is a sentence about the control, not its name


def plain_text(text: str) -> str:
    """A tool tip's text without markup ("<b>W</b><sup>[1]</sup>" → "W[1]" keeps the letters)."""
    if GuiQt.mightBeRichText(text):
        return QTextDocumentFragment.fromHtml(text).toPlainText().strip()
    return text


def accessible_name(widget: QWidget) -> str:
    """The name a screen reader announces for ``widget`` ("" when it has none)."""
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name) if interface is not None else ""


def is_control(widget: QWidget) -> bool:
    """Whether the learner can Tab to ``widget`` (a focus proxy's owner stands for it)."""
    return bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus) and widget.focusProxy() is None


class AccessibilityKeeper(QObject):
    """Keeps the descriptions of a window's controls in step with their tool tips and the
    status bar's name with its message; made by :func:`describe_for_assistive_technology`."""

    def __init__(self, root: QWidget) -> None:
        super().__init__(root)
        self.root = root
        self.status_bar: QStatusBar | None = None

    # -- the walk -------------------------------------------------------------------------------
    def describe_tree(self) -> None:
        for widget in [self.root, *self.root.findChildren(QWidget)]:
            self.describe(widget)

    def describe(self, widget: QWidget) -> None:
        if widget.toolTip() or is_control(widget):
            widget.installEventFilter(self)
        self.describe_from_tool_tip(widget)
        self.name_symbol_buttons(widget)
        if (is_control(widget) or isinstance(widget, QProgressBar)) and not accessible_name(widget):
            self.find_name(widget)

    def describe_from_tool_tip(self, widget: QWidget) -> None:
        """A rich-text tip becomes a plain description; a plain tip Qt reads as it is, so a
        description set here earlier is cleared (one set by the widget itself is kept)."""
        mine = widget.property(DESCRIBED)
        ours = not widget.accessibleDescription() or widget.accessibleDescription() == mine
        if not ours:
            return
        tip = widget.toolTip()
        text = plain_text(tip) if GuiQt.mightBeRichText(tip) else ""
        widget.setAccessibleDescription(text)
        widget.setProperty(DESCRIBED, text)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTipChange and isinstance(watched, QWidget):
            self.describe_from_tool_tip(watched)
        return False

    # -- names ----------------------------------------------------------------------------------
    def find_name(self, widget: QWidget) -> None:
        label = label_before(widget)
        if label is not None:
            label.setBuddy(widget)  # Qt names the widget after its buddy label
            if accessible_name(widget):
                return
        name = plot_name(widget)
        if not name and isinstance(widget, QProgressBar) and container_title(widget):
            name = QCoreApplication.translate("Accessibility", "{where} progress").format(
                where=container_title(widget)
            )
        if not name and isinstance(widget, (QAbstractItemView, QAbstractScrollArea)):
            name = container_title(widget)
        if name:
            widget.setAccessibleName(name)

    def name_symbol_buttons(self, widget: QWidget) -> None:
        """A button showing only a symbol ("✕") is named after its tool tip's first sentence."""
        if not isinstance(widget, QAbstractButton) or widget.accessibleName():
            return
        if any(ch.isalnum() for ch in widget.text()) or not widget.toolTip():
            return
        tip = plain_text(widget.toolTip())
        widget.setAccessibleName(re.split(r"(?<=[.!?])\s|\s\(", tip, maxsplit=1)[0].rstrip("."))

    # -- the status bar -------------------------------------------------------------------------
    def follow_status_bar(self, bar: QStatusBar) -> None:
        self.status_bar = bar
        bar.messageChanged.connect(self.announce)
        self.announce(bar.currentMessage())

    def announce(self, message: str) -> None:
        """Name the status bar after ``message`` and ask a screen reader to read it out."""
        bar = self.status_bar
        if bar is None:
            return
        bar.setAccessibleName(
            message or QCoreApplication.translate("Accessibility", "Status bar")
        )  # (QWidget sends NameChanged)
        if message:
            QAccessible.updateAccessibility(QAccessibleEvent(bar, QAccessible.Event.Alert))


# -- where a name comes from ----------------------------------------------------------------------
def label_before(widget: QWidget) -> QLabel | None:
    """A short label without a buddy placed just before ``widget`` in its parent's layout."""
    parent = widget.parentWidget()
    layout = parent.layout() if parent is not None else None
    found = _find_in_layout(layout, widget) if layout is not None else None
    if found is None:
        return None
    owner, index = found
    for before in range(index - 1, -1, -1):
        item = owner.itemAt(before)
        candidate = item.widget() if item is not None else None
        if candidate is None:
            continue
        if (
            isinstance(candidate, QLabel)
            and candidate.buddy() is None
            and 0 < len(plain_text(candidate.text())) <= MAX_LABEL
        ):
            return candidate
        return None
    return None


def _find_in_layout(layout: QLayout, widget: QWidget) -> tuple[QLayout, int] | None:
    for index in range(layout.count()):
        item = layout.itemAt(index)
        if item is None:
            continue
        if item.widget() is widget:
            return layout, index
        inner = item.layout()
        if inner is not None:
            found = _find_in_layout(inner, widget)
            if found is not None:
                return found
    return None


def plot_name(widget: QWidget) -> str:
    """A pyqtgraph plot's title, or "<left axis> against <bottom axis>"; "" for others."""
    get_item = getattr(widget, "getPlotItem", None)
    if get_item is None:
        return ""
    item = get_item()
    title = plain_text(item.titleLabel.text or "")
    if title:
        return title
    left = plain_text(item.getAxis("left").labelText or "")
    bottom = plain_text(item.getAxis("bottom").labelText or "")
    if left and bottom:
        return QCoreApplication.translate("Accessibility", "{y} against {x}").format(
            y=left, x=bottom
        )
    where = container_title(widget)
    if where:
        return QCoreApplication.translate("Accessibility", "{where} plot").format(where=where)
    return QCoreApplication.translate("Accessibility", "Plot")


def container_title(widget: QWidget) -> str:
    """The title of the nearest box, view tab or dock ``widget`` sits in ("" if none)."""
    child, parent = widget, widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QGroupBox) and parent.title():
            return plain_text(parent.title()).replace("&", "")
        tabs = parent.parentWidget() if isinstance(parent, QStackedWidget) else None
        if isinstance(tabs, QTabWidget) and tabs.indexOf(child) >= 0:
            return tabs.tabText(tabs.indexOf(child)).replace("&", "")
        if isinstance(parent, QDockWidget):
            return parent.windowTitle().replace("&", "")
        child, parent = parent, parent.parentWidget()
    return ""


# -- Tab order -------------------------------------------------------------------------------------
def order_tabs(window: QMainWindow) -> list[QWidget]:
    """Chain Tab through ``window``: the left docks (top to bottom), the central widget, then
    the right, bottom and top docks; inside each part the order stays as it was. Returns the
    chained controls."""
    areas = (
        Qt.DockWidgetArea.LeftDockWidgetArea,
        None,  # the central widget
        Qt.DockWidgetArea.RightDockWidgetArea,
        Qt.DockWidgetArea.BottomDockWidgetArea,
        Qt.DockWidgetArea.TopDockWidgetArea,
    )
    docks = window.findChildren(QDockWidget)
    parts: list[QWidget] = []
    for area in areas:
        if area is None:
            central = window.centralWidget()
            parts += [central] if central is not None else []
            continue
        placed = [
            d for d in docks if d.parentWidget() is window and window.dockWidgetArea(d) == area
        ]
        parts += sorted(placed, key=lambda d: (d.geometry().y(), d.geometry().x()))
    chain = _focus_chain(window)
    ordered = [w for part in parts for w in chain if part is w or part.isAncestorOf(w)]
    for first, second in pairwise(ordered):
        QWidget.setTabOrder(first, second)
    return ordered


def _focus_chain(window: QWidget) -> list[QWidget]:
    """The controls of ``window`` in the current focus chain, starting after the window."""
    chain: list[QWidget] = []
    widget = window.nextInFocusChain()
    while widget is not None and widget is not window and widget not in chain:
        if is_control(widget):
            chain.append(widget)
        widget = widget.nextInFocusChain()
    return chain


def describe_for_assistive_technology(window: QWidget) -> AccessibilityKeeper:
    """Name, describe and order ``window``'s controls and make its status bar speak (see the
    module). Call it once the window's parts are all in place; returns the keeper, a child of
    ``window``."""
    keeper = AccessibilityKeeper(window)
    keeper.describe_tree()
    if isinstance(window, QMainWindow):
        order_tabs(window)
        keeper.follow_status_bar(window.statusBar())
    return keeper
