"""The list of events the window shows: the filter and order run in SQL on a reader, the ids swapped
into the table model, the selection kept across reloads, and the timeline fed the same events.

Controllers that act on "the selected events" (review, merge review) are given this object.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from PySide6.QtCore import QItemSelectionModel, QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QAbstractItemView, QTableView, QTabWidget

from ..core.model import DocumentRecord, EventRecord
from ..core.store import EventFilter
from .event_table import COLUMN_ORDERS, TITLE, EventTableModel
from .tasks import TaskContext, TaskRunner
from .timeline_view import TimelineView

Fetch = Callable[[Sequence[int]], Sequence[EventRecord]]


class EventList(QObject):
    """Filter, order, ids and selection of the event table (and the timeline showing the same)."""

    ids_loaded = Signal()  # the table holds the ids of the current filter and order
    order_changed = Signal(str)

    def __init__(
        self,
        runner: TaskRunner,
        model: EventTableModel,
        table: QTableView,
        views: QTabWidget,
        timeline: TimelineView,
        fetch: Fetch,
        order: str,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.runner = runner
        self.model = model
        self.table = table
        self.views = views
        self.timeline = timeline
        self._fetch = fetch
        self.order = order
        self.filter = EventFilter()
        self.loading = False
        self._gen = 0
        self._pending_select: int | None = None
        self._documents: list[DocumentRecord] = []
        self._timeline_events: dict[int, EventRecord] = {}
        self._stopped = False
        model.sort_requested.connect(self._sort_requested)
        table.horizontalHeader().sortIndicatorChanged.connect(self._sort_indicator_changed)
        views.currentChanged.connect(self._view_changed)
        self._show_sort_indicator(order)

    def stop(self) -> None:
        """The window is closing: results still on their way are dropped."""
        self._stopped = True

    def set_documents(self, documents: Iterable[DocumentRecord]) -> None:
        self._documents = list(documents)

    # ---- loading ----
    def reload(self, select: int | None = None) -> None:
        """Re-run the current filter and order in SQL (off the GUI thread) and swap the ids in."""
        self._gen += 1
        gen, flt, order = self._gen, self.filter, self.order
        self._pending_select = self.current_event_id() if select is None else select
        self.loading = True

        def query(ctx: TaskContext) -> list[int]:
            return list(ctx.store.event_ids(flt, order))

        self.runner.run(query, name="event_ids", on_done=lambda ids: self._ids_arrived(gen, ids))

    def _ids_arrived(self, gen: int, ids: list[int]) -> None:
        if gen != self._gen or self._stopped:
            return  # a newer filter is on its way
        select = self._pending_select
        self.model.set_ids(ids)
        self.loading = False
        row = self.model.row_of(select) if select is not None else -1
        if row < 0 and ids:
            row = 0
        if row >= 0:
            self.select_row(row)
        self.refresh_timeline()
        self.ids_loaded.emit()

    # ---- filter and order ----
    @Slot(object)
    def set_filter(self, flt: EventFilter) -> None:
        self.filter = flt
        self.reload()

    @Slot(str)
    def set_order(self, order: str) -> None:
        if order == self.order and not self.loading:
            return
        self.order = order
        self._show_sort_indicator(order)
        self.order_changed.emit(order)
        self.reload()

    def _show_sort_indicator(self, order: str) -> None:
        """The header arrow follows the order, and disappears for orders that are not a column."""
        key = order.lstrip("-")
        column = next((c for c, k in COLUMN_ORDERS.items() if k == key), -1)
        header = self.table.horizontalHeader()
        header.blockSignals(True)
        desc = (
            Qt.SortOrder.DescendingOrder if order.startswith("-") else Qt.SortOrder.AscendingOrder
        )
        header.setSortIndicator(column, desc)
        header.blockSignals(False)

    @Slot(str)
    def _sort_requested(self, order: str) -> None:
        self.order = order
        self.reload()

    @Slot(int, Qt.SortOrder)
    def _sort_indicator_changed(self, column: int, order: Qt.SortOrder) -> None:
        self.model.sort(column, order)

    # ---- selection ----
    def current_event_id(self) -> int | None:
        idx = self.table.currentIndex()
        return self.model.event_id(idx.row()) if idx.isValid() else None

    def current_row(self) -> int:
        idx = self.table.currentIndex()
        return idx.row() if idx.isValid() else -1

    def selected_event_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        ids = [eid for r in rows if (eid := self.model.event_id(r)) is not None]
        if not ids and (cur := self.current_event_id()) is not None:
            ids = [cur]
        return ids

    def select_row(self, row: int) -> None:
        if not (0 <= row < self.model.rowCount()):
            return
        idx = self.model.index(row, TITLE)
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
            | QItemSelectionModel.SelectionFlag.Current
        )
        self.table.selectionModel().setCurrentIndex(idx, flags)
        self.table.scrollTo(idx, QAbstractItemView.ScrollHint.EnsureVisible)

    @Slot(int)
    def select_event(self, event_id: int) -> None:
        row = self.model.row_of(event_id)
        if row >= 0:
            self.select_row(row)

    def step(self, delta: int) -> None:
        """J / K: the next or previous row, and the keyboard back on the list."""
        target = min(max(0, self.current_row() + delta), self.model.rowCount() - 1)
        if target >= 0:
            self.select_row(target)
        self.focus_list()

    @Slot()
    def focus_list(self) -> None:
        """The keyboard back on the events: the table, or the timeline when it is shown."""
        if self.views.currentWidget() is self.timeline:
            self.timeline.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    @Slot()
    def show_table(self) -> None:
        self.views.setCurrentIndex(0)
        self.table.setFocus()

    @Slot()
    def show_timeline(self) -> None:
        self.views.setCurrentWidget(self.timeline)
        self.timeline.setFocus()

    def timeline_shown(self) -> bool:
        return self.views.currentWidget() is self.timeline

    # ---- the timeline ----
    def refresh_timeline(self) -> None:
        """Load the events of the table into the timeline (a reader task), when it is shown."""
        if not self.timeline_shown():
            return
        ids, gen = self.model.ids(), self._gen

        def fetch(ctx: TaskContext) -> list[EventRecord]:
            return list(ctx.store.events(ids))

        self.runner.run(
            fetch, name="timeline events", on_done=lambda evs: self._timeline_arrived(gen, evs)
        )

    def _timeline_arrived(self, gen: int, events: list[EventRecord]) -> None:
        if gen != self._gen or self._stopped:
            return
        self._timeline_events = {e.id: e for e in events}
        self.timeline.set_events(events, self._documents)
        self.timeline.select_event(self.current_event_id())

    def update_timeline(self, updated: Iterable[int]) -> None:
        """After an edit, swap only the touched events (a few rows) into the timeline's list."""
        if not self.timeline_shown():
            return
        if not self._timeline_events:
            self.refresh_timeline()
            return
        for ev in self._fetch([i for i in updated if i in self._timeline_events]):
            self._timeline_events[ev.id] = ev
        self.timeline.set_events(list(self._timeline_events.values()), self._documents)
        self.timeline.select_event(self.current_event_id())

    def timeline_event_count(self) -> int:
        return len(self._timeline_events)

    @Slot(int)
    def _view_changed(self, index: int) -> None:
        if self.views.widget(index) is self.timeline:
            self.timeline.select_event(self.current_event_id())
            self.refresh_timeline()
