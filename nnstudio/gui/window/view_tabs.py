"""The central views as a grouped list beside one page at a time.

Eight views do not fit in one row of tabs beside the docks of a 1280-pixel-wide window, and a tab
hidden behind scroll arrows is a view a learner never finds. :class:`ViewTabs` is a
:class:`QTabWidget` (so every caller keeps ``addTab``, ``setCurrentWidget``, ``tabText`` …) whose
tab bar is hidden; :class:`ViewList` beside it lists every view under a group heading ("Build",
"Train", "Understand"), all visible at once. Arrow keys move between views, Ctrl+PgDown and
Ctrl+PgUp go to the next and previous view from anywhere in the window, and View ▸ Go to lists
each view with Ctrl+1 … Ctrl+9.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QSizePolicy,
    QTabWidget,
    QWidget,
)

TAB_ROLE = Qt.ItemDataRole.UserRole  # a view's tab index; None on a group heading


class ViewTabs(QTabWidget):
    """The views, one shown at a time; the tab bar is hidden in favour of :attr:`navigator`.

    Each view belongs to a group, given to :meth:`add_view` (``addTab`` puts a view in the group
    of the view added before it). ``viewsChanged`` is emitted when a view is added or removed,
    or its title changes."""

    viewsChanged = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("viewTabs")
        self.setDocumentMode(True)
        self.tabBar().hide()
        self._groups: dict[QWidget, str] = {}
        self._last_group = ""
        self.navigator = ViewList(self)

    def add_view(self, widget: QWidget, title: str, tip: str, group: str) -> int:
        """Add ``widget`` as a view called ``title`` under ``group``; returns its index."""
        self._last_group = group
        self._groups[widget] = group
        index = self.addTab(widget, title)
        self.setTabToolTip(index, tip)
        return index

    def group_of(self, index: int) -> str:
        widget = self.widget(index)
        return self._groups.get(widget, self._last_group) if widget is not None else ""

    def setTabText(self, index: int, text: str) -> None:
        super().setTabText(index, text)
        self.viewsChanged.emit()

    def setTabToolTip(self, index: int, tip: str) -> None:
        super().setTabToolTip(index, tip)
        self.viewsChanged.emit()

    def tabInserted(self, index: int) -> None:
        super().tabInserted(index)
        widget = self.widget(index)
        if widget is not None:
            self._groups.setdefault(widget, self._last_group)
        self.viewsChanged.emit()

    def tabRemoved(self, index: int) -> None:
        super().tabRemoved(index)
        self.viewsChanged.emit()

    def ordered_indexes(self) -> list[int]:
        """The tab indexes in the order the list shows them: group by group, each group in the
        order of its first view, the views of a group in the order they were added."""
        groups: list[str] = []
        for index in range(self.count()):
            group = self.group_of(index)
            if group not in groups:
                groups.append(group)
        return [i for g in groups for i in range(self.count()) if self.group_of(i) == g]

    def go_to_neighbour(self, step: int) -> None:
        """Show the next (``step`` 1) or previous (−1) view in the list's order, wrapping."""
        order = self.ordered_indexes()
        if not order:
            return
        at = order.index(self.currentIndex()) if self.currentIndex() in order else 0
        self.setCurrentIndex(order[(at + step) % len(order)])


class ViewList(QListWidget):
    """Every view of a :class:`ViewTabs` under its group heading; the current row is the view
    shown. Headings are disabled rows, so the arrow keys step over them."""

    def __init__(self, tabs: ViewTabs) -> None:
        super().__init__()
        self.setObjectName("viewList")
        self.tabs = tabs
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)
        self.setSpacing(1)
        self.setAutoFillBackground(False)
        self.viewport().setAutoFillBackground(False)
        self._filling = False
        tabs.viewsChanged.connect(self.refill)
        tabs.currentChanged.connect(self._show_current)
        self.currentItemChanged.connect(self._item_chosen)
        self.refill()

    def refill(self) -> None:
        """List the views again (a view was added, removed or renamed)."""
        self._filling = True
        self.clear()
        group = None
        for index in self.tabs.ordered_indexes():
            if self.tabs.group_of(index) != group:
                group = self.tabs.group_of(index)
                heading = QListWidgetItem(group)
                heading.setFlags(Qt.ItemFlag.NoItemFlags)
                font = heading.font()
                font.setBold(True)
                heading.setFont(font)
                heading.setData(TAB_ROLE, None)
                self.addItem(heading)
            item = QListWidgetItem(self.tabs.tabText(index).replace("&", ""))
            item.setToolTip(self.tabs.tabToolTip(index))
            item.setData(TAB_ROLE, index)
            item.setData(Qt.ItemDataRole.AccessibleDescriptionRole, self.tabs.tabToolTip(index))
            self.addItem(item)
        self._filling = False
        self._show_current(self.tabs.currentIndex())
        self.updateGeometry()

    def item_for(self, index: int) -> QListWidgetItem | None:
        for row in range(self.count()):
            item = self.item(row)
            if item.data(TAB_ROLE) == index:
                return item
        return None

    def _show_current(self, index: int) -> None:
        item = self.item_for(index)
        if item is not None and item is not self.currentItem():
            self._filling = True
            self.setCurrentItem(item)
            self._filling = False

    def _item_chosen(self, item: QListWidgetItem | None, _previous: object) -> None:
        if self._filling or item is None or item.data(TAB_ROLE) is None:
            return
        self.tabs.setCurrentIndex(int(item.data(TAB_ROLE)))

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        width = self.sizeHintForColumn(0) + 2 * self.frameWidth() + 16
        return QSize(max(width, 96), hint.height())


class ViewArea(QWidget):
    """The view list and the page it shows, side by side: the main window's central widget."""

    def __init__(self, tabs: ViewTabs, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("viewArea")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        separator = QFrame()
        separator.setFrameShape(QFrame.Shape.VLine)
        separator.setFrameShadow(QFrame.Shadow.Sunken)
        layout.addWidget(tabs.navigator)
        layout.addWidget(separator)
        layout.addWidget(tabs, 1)


class GoToMenu(QMenu):
    """View ▸ Go to: one checkable action per view (Ctrl+1 … Ctrl+9 in the list's order), then
    Next view (Ctrl+PgDown) and Previous view (Ctrl+PgUp)."""

    def __init__(self, tabs: ViewTabs, title: str, parent: QWidget) -> None:
        super().__init__(title, parent)
        self.setObjectName("goToMenu")
        self.tabs = tabs
        self.next_action = QAction(self.tr("&Next view"), parent)
        self.next_action.setObjectName("nextViewAction")
        self.next_action.setShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_PageDown))
        self.next_action.triggered.connect(lambda: tabs.go_to_neighbour(1))
        self.previous_action = QAction(self.tr("&Previous view"), parent)
        self.previous_action.setObjectName("previousViewAction")
        self.previous_action.setShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_PageUp))
        self.previous_action.triggered.connect(lambda: tabs.go_to_neighbour(-1))
        parent.addAction(self.next_action)
        parent.addAction(self.previous_action)
        self._group = QActionGroup(self)
        self._view_actions: list[QAction] = []
        tabs.viewsChanged.connect(self.refill)
        tabs.currentChanged.connect(self._check_current)
        self.refill()

    def refill(self) -> None:
        window = self.parentWidget()
        for action in self._view_actions:
            self._group.removeAction(action)
            if window is not None:
                window.removeAction(action)
            action.deleteLater()
        self.clear()
        self._view_actions = []
        for number, index in enumerate(self.tabs.ordered_indexes(), start=1):
            action = QAction(self.tabs.tabText(index), self)
            action.setCheckable(True)
            action.setObjectName(f"goToView{number}Action")
            action.setStatusTip(self.tabs.tabToolTip(index))
            if number <= 9:
                action.setShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key(Qt.Key.Key_0 + number)))
                if window is not None:
                    window.addAction(action)  # the shortcut works while the menu is closed
            action.triggered.connect(lambda _c=False, i=index: self.tabs.setCurrentIndex(i))
            self._group.addAction(action)
            self._view_actions.append(action)
            self.addAction(action)
        self.addSeparator()
        self.addAction(self.next_action)
        self.addAction(self.previous_action)
        self._check_current(self.tabs.currentIndex())

    def _check_current(self, index: int) -> None:
        order = self.tabs.ordered_indexes()
        if index in order and order.index(index) < len(self._view_actions):
            self._view_actions[order.index(index)].setChecked(True)
