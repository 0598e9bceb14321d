"""The main window's chrome: menus and toolbar actions that are not review (undo and redo with their
texts, find, views, review order), saved geometry and splitters, database switching and help."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import shiboken6
from PySide6.QtCore import QObject, Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QTableView,
    QWidget,
)

from . import actions as actions_mod
from . import file_dialogs
from .actions import Actions
from .event_list import EventList
from .filter_bar import FilterBar
from .jobs import JobsController
from .settings import Settings
from .shortcut_sheet import ShortcutSheet
from .undo import EditSession

OPEN_WINDOWS: set[QMainWindow] = (
    set()
)  # windows opened from File > Open, owned by no Python variable
UNDO_TEXT_EMS = 11  # the toolbar's Undo/Redo text is elided to this width
_Window = TypeVar("_Window", bound=QMainWindow)


class WindowChrome(QObject):
    """Wires the window-level actions of one main window and keeps its state across sessions."""

    def __init__(
        self,
        window: QMainWindow,
        actions: Actions,
        settings: Settings,
        db_path: Path,
        *,
        update_title: Callable[[], None],
        open_database: Callable[[str], object],
    ) -> None:
        super().__init__(window)
        self.window = window
        self.actions = actions
        self.settings = settings
        self._db_path = db_path
        self._update_title = update_title
        self._open_database = open_database
        self._events: EventList | None = None

    def wire(
        self,
        events: EventList,
        session: EditSession,
        filter_bar: FilterBar,
        table: QTableView,
        jobs: JobsController,
    ) -> None:
        a = self.actions
        self._events = events
        stack = session.stack
        a.undo.triggered.connect(stack.undo)
        a.redo.triggered.connect(stack.redo)
        stack.canUndoChanged.connect(a.undo.setEnabled)
        stack.canRedoChanged.connect(a.redo.setEnabled)
        stack.undoTextChanged.connect(self._undo_text)
        stack.redoTextChanged.connect(self._redo_text)
        stack.cleanChanged.connect(self._title)
        stack.indexChanged.connect(self._title)
        a.undo.setEnabled(False)
        a.redo.setEnabled(False)
        a.find.triggered.connect(filter_bar.focus_search)
        self._table = table
        a.select_all.triggered.connect(self._select_all)
        a.view_table.triggered.connect(events.show_table)
        a.view_timeline.triggered.connect(events.show_timeline)
        events.views.currentChanged.connect(self._view_changed)
        for act in (a.order_date, a.order_document, a.order_doubt):
            act.triggered.connect(functools.partial(events.set_order, str(act.data())))
        events.order_changed.connect(filter_bar.set_order)
        self.show_order(events.order)
        a.open_db.triggered.connect(self.open_database_dialog)
        a.new_db.triggered.connect(self.new_database_dialog)
        a.quit.triggered.connect(self.window.close)
        a.shortcuts.triggered.connect(self.show_shortcuts)
        a.about.triggered.connect(self.show_about)
        if a.recent_menu is not None:
            a.recent_menu.aboutToShow.connect(self._fill_recent)
        self._undo_text("")
        self._redo_text("")

    def _alive(self) -> bool:
        # The undo stack signals while the window is being destroyed: nothing to show then.
        window = getattr(self, "window", None)  # gone when Python collects a dying window
        return window is not None and shiboken6.isValid(window)

    @Slot()
    def _select_all(self) -> None:
        """Ctrl+A selects all in the list that has the keyboard (documents), else every event."""
        focus = QApplication.focusWidget()
        if isinstance(focus, QAbstractItemView) and focus is not self._table:
            focus.selectAll()
        else:
            self._table.selectAll()

    @Slot()
    def _title(self, *_: object) -> None:
        if self._alive():
            self._update_title()

    # ---- order and views ----
    @Slot(str)
    def show_order(self, order: str) -> None:
        a = self.actions
        for act in (a.order_date, a.order_document, a.order_doubt):
            act.setChecked(act.data() == order)

    @Slot(int)
    def _view_changed(self, index: int) -> None:
        assert self._events is not None
        is_timeline = self._events.views.widget(index) is self._events.timeline
        self.actions.view_timeline.setChecked(is_timeline)
        self.actions.view_table.setChecked(not is_timeline)

    # ---- undo and redo ----
    def _text_width(self) -> int:
        return self.window.fontMetrics().horizontalAdvance("M") * UNDO_TEXT_EMS

    @Slot(str)
    def _undo_text(self, text: str) -> None:
        if self._alive():
            actions_mod.show_undo_text(self.actions.undo, "Undo", text, self._text_width())

    @Slot(str)
    def _redo_text(self, text: str) -> None:
        if self._alive():
            actions_mod.show_undo_text(self.actions.redo, "Redo", text, self._text_width())

    # ---- state ----
    def _splitters(self) -> list[QSplitter]:
        return [s for s in self.window.findChildren(QSplitter) if s.objectName().endswith("_split")]

    def restore_state(self) -> None:
        s = self.settings
        if (g := s.geometry()) is not None:
            self.window.restoreGeometry(g)
        if (st := s.window_state()) is not None:
            self.window.restoreState(st)
        for split in self._splitters():
            if (data := s.splitter(split.objectName())) is not None:
                split.restoreState(data)
        if s.view() == "timeline" and self._events is not None:
            self._events.views.setCurrentWidget(self._events.timeline)

    def save_state(self) -> None:
        s = self.settings
        s.set_geometry(self.window.saveGeometry())
        s.set_window_state(self.window.saveState())
        for split in self._splitters():
            s.set_splitter(split.objectName(), split.saveState())
        if self._events is not None:
            s.set_review_order(self._events.order)
            s.set_view("timeline" if self._events.timeline_shown() else "table")
        s.sync()

    # ---- databases ----
    @Slot()
    def open_database_dialog(self) -> None:
        path = file_dialogs.open_file_name(
            self.window,
            "Open a Dateline database",
            str(self._db_path.parent),
            "Dateline database (*.db);;All files (*)",
        )
        if path:
            self._open(path)

    @Slot()
    def new_database_dialog(self) -> None:
        path = file_dialogs.save_file_name(
            self.window,
            "New Dateline database",
            str(self._db_path.parent / "timeline.db"),
            "Dateline database (*.db)",
        )
        if path:
            self._open(path)

    def _open(self, path: str) -> None:
        self._open_database(path)

    def replace_window(self, win: _Window) -> _Window:
        """Show ``win`` (a new window on another database) and close this one."""
        # A top-level window without a Python owner would be collected: keep it until destroyed.
        OPEN_WINDOWS.add(win)
        win.destroyed.connect(functools.partial(OPEN_WINDOWS.discard, win))
        win.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        win.show()
        self.window.close()
        return win

    @Slot()
    def _fill_recent(self) -> None:
        menu = self.actions.recent_menu
        if menu is None:
            return
        menu.clear()
        for p in self.settings.recent_dbs():
            act = menu.addAction(str(p))
            act.setData(str(p))
            act.setEnabled(p.exists() and p.resolve() != self._db_path.resolve())
            act.triggered.connect(functools.partial(self._open, str(p)))
        if menu.isEmpty():
            menu.addAction("(none)").setEnabled(False)

    # ---- help ----
    @Slot()
    def show_shortcuts(self) -> ShortcutSheet:
        sheet = ShortcutSheet(self.actions.all(), self.window)
        sheet.setObjectName("shortcut_sheet")
        sheet.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        sheet.open()
        return sheet

    @Slot()
    def show_about(self) -> None:
        from .. import __version__

        parent: QWidget = self.window
        QMessageBox.about(
            parent,
            "About Dateline",
            f"<b>Dateline {__version__}</b><p>Finds the dates in news articles, proposes sourced "
            f"timeline events and keeps an audit trail of every review decision.</p>"
            f"<p>Database: {self._db_path}<br>Python {sys.version.split()[0]}</p>",
        )
