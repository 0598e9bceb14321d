"""The shortcut sheet (F1 / ?): every command and its keys, grouped by menu, with a filter box that
works as a small command palette: type, arrow to a command, Enter runs it."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, Slot
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

GROUP_PROPERTY = "shortcut_group"  # set on an action to group it without a menu
_NAVIGATION_KEYS = {
    Qt.Key.Key_Up,
    Qt.Key.Key_Down,
    Qt.Key.Key_PageUp,
    Qt.Key.Key_PageDown,
}


def plain_text(action: QAction) -> str:
    """An action's text without mnemonics ("&Accept" -> "Accept", "Q&&A" -> "Q&A")."""
    return action.text().replace("&&", "\0").replace("&", "").replace("\0", "&")


def group_of(action: QAction) -> str:
    explicit = action.property(GROUP_PROPERTY)
    if explicit:
        return str(explicit)
    for obj in action.associatedObjects():
        if isinstance(obj, QMenu) and obj.title():
            return obj.title().replace("&&", "\0").replace("&", "").replace("\0", "&")
    return "Other"


def shortcut_text(action: QAction) -> str:
    return ", ".join(
        s.toString(QKeySequence.SequenceFormat.NativeText)
        for s in action.shortcuts()
        if not s.isEmpty()
    )


class ShortcutSheet(QDialog):
    """Lists ``actions`` by group; Enter or a double click runs the highlighted one."""

    ACTION_ROLE = Qt.ItemDataRole.UserRole + 1

    def __init__(self, actions: Sequence[QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard Shortcuts")
        self._actions: list[QAction] = []

        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText("Type to find a command; Enter runs it")
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setAccessibleName("Filter commands")
        self.filter_edit.textChanged.connect(self.apply_filter)
        self.filter_edit.installEventFilter(self)

        self.tree = QTreeWidget(self)
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels(["Command", "Shortcut"])
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setAccessibleName("Commands and their shortcuts")
        self.tree.itemActivated.connect(self._run_item)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)

        self.empty_label = QLabel("No command matches.", self)
        self.empty_label.setVisible(False)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.empty_label)
        layout.addWidget(buttons)

        self._fill(actions)
        self.apply_filter("")
        fm = self.fontMetrics()
        self.tree.setIndentation(fm.averageCharWidth() * 2)
        self.resize(fm.averageCharWidth() * 72, fm.lineSpacing() * 30)
        self.filter_edit.setFocus()

    def _fill(self, actions: Sequence[QAction]) -> None:
        groups: dict[str, QTreeWidgetItem] = {}
        bold = self.tree.font()
        bold.setBold(True)
        for action in actions:
            if action.isSeparator() or not plain_text(action).strip():
                continue
            name = group_of(action)
            group = groups.get(name)
            if group is None:
                group = QTreeWidgetItem(self.tree, [name, ""])
                group.setFont(0, bold)
                group.setFlags(Qt.ItemFlag.ItemIsEnabled)
                group.setFirstColumnSpanned(True)
                groups[name] = group
            item = QTreeWidgetItem(group, [plain_text(action), shortcut_text(action)])
            item.setData(0, self.ACTION_ROLE, len(self._actions))
            tip = action.statusTip() or action.toolTip()
            if tip and tip != plain_text(action):
                item.setToolTip(0, tip)
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if not action.isEnabled():
                item.setDisabled(True)
            self._actions.append(action)
        self.tree.expandAll()

    def action_for(self, item: QTreeWidgetItem | None) -> QAction | None:
        if item is None:
            return None
        i = item.data(0, self.ACTION_ROLE)
        return self._actions[int(i)] if i is not None else None

    def _groups(self) -> list[QTreeWidgetItem]:
        top = (self.tree.topLevelItem(g) for g in range(self.tree.topLevelItemCount()))
        return [group for group in top if group is not None]

    def visible_commands(self) -> list[str]:
        """The commands the filter leaves, in display order (what the user sees)."""
        return [
            item.text(0)
            for group in self._groups()
            for item in _children(group)
            if not item.isHidden()
        ]

    @Slot(str)
    def apply_filter(self, text: str) -> None:
        words = text.casefold().split()
        first: QTreeWidgetItem | None = None
        for group in self._groups():
            shown = 0
            for item in _children(group):
                hay = f"{item.text(0)} {item.text(1)} {group.text(0)}".casefold()
                match = all(w in hay for w in words)
                item.setHidden(not match)
                if match:
                    shown += 1
                    if first is None and not item.isDisabled():
                        first = item
            group.setHidden(shown == 0)
        self.empty_label.setVisible(first is None and bool(words))
        if first is not None:
            self.tree.setCurrentItem(first)
            self.tree.scrollToItem(first)
        else:
            self.tree.setCurrentIndex(QModelIndex())  # no current item

    def run_current(self) -> bool:
        """Close the sheet and trigger the highlighted command; False when there is none."""
        return self._run_item(self.tree.currentItem())

    @Slot(QTreeWidgetItem)
    def _run_item(self, item: QTreeWidgetItem | None, _column: int = 0) -> bool:
        action = self.action_for(item)
        if action is None or not action.isEnabled():
            return False
        self.accept()  # first: a command that opens a dialog should not open it over this one
        action.trigger()
        return True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.filter_edit and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in _NAVIGATION_KEYS:
                self._move(Qt.Key(event.key()))
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.run_current()
                return True
        return super().eventFilter(watched, event)

    def _move(self, key: Qt.Key) -> None:
        """Arrows in the filter box move through the visible, enabled commands."""
        items = [
            item
            for group in self._groups()
            for item in _children(group)
            if not item.isHidden() and not item.isDisabled()
        ]
        if not items:
            return
        current = self.tree.currentItem()
        i = items.index(current) if current in items else -1
        step = {
            Qt.Key.Key_Up: -1,
            Qt.Key.Key_Down: 1,
            Qt.Key.Key_PageUp: -10,
            Qt.Key.Key_PageDown: 10,
        }[key]
        target = items[max(0, min(len(items) - 1, i + step))]
        self.tree.setCurrentItem(target)
        self.tree.scrollToItem(target)


def _children(item: QTreeWidgetItem) -> list[QTreeWidgetItem]:
    kids = (item.child(c) for c in range(item.childCount()))
    return [kid for kid in kids if kid is not None]
