"""The main window: documents on the left, the event table (or timeline) over the article in the
centre, merge suggestions and the provenance panel over the editor on the right.

The window owns one Store on the GUI thread for small reads (a block of rows, one event's history),
a TaskRunner for everything slow or writing, and an EditSession (undo stack) whose commands run on
the runner's writer. Review keys live in :mod:`.review`, merge suggestions and source re-dating in
:mod:`.merge_review`; import, export and databases in :mod:`.jobs`.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QMainWindow,
)

from ..core import commands as cmds
from ..core.model import DocumentRecord, EventRecord
from ..core.store import EventFilter, Store
from . import actions as actions_mod
from . import icons
from .event_table import COLUMN_ORDERS, COLUMNS, TITLE
from .jobs import JobsMixin
from .merge_review import MergeReviewMixin
from .review import ReviewMixin
from .settings import Settings
from .tasks import TaskRunner
from .undo import EditSession
from .window_layout import LayoutMixin

log = logging.getLogger(__name__)


class MainWindow(LayoutMixin, MergeReviewMixin, ReviewMixin, JobsMixin, QMainWindow):
    """One window over one database file."""

    ids_loaded = Signal()  # the table holds the ids of the current filter and order
    documents_loaded = Signal()
    event_shown = Signal(int)  # the panels show this event

    def __init__(
        self,
        db_path: str | Path,
        settings: Settings | None = None,
        *,
        offer_seeds: bool = True,
        restore_state: bool = True,
    ) -> None:
        super().__init__()
        self.db_path = Path(db_path)
        self.settings = settings or Settings()
        self.offer_seeds = offer_seeds
        self.store = Store.open(self.db_path)
        self.runner = TaskRunner(self.db_path, self)
        self.session = EditSession(self.runner, self)
        self.session.error_parent = self
        self.documents: dict[int, DocumentRecord] = {}
        self.counts: dict[int, dict[str, int]] = {}
        self.tags: list[str] = []
        self.to_review = 0
        self.order = self.settings.review_order()
        self.filter = EventFilter()
        self._query_gen = 0
        self._docs_gen = 0
        self._loading_ids = False
        self._pending_select: int | None = None
        self._shown_event: int | None = None
        self._timeline_events: dict[int, EventRecord] = {}
        self._closing = False
        self.ready = False
        self._init_review()
        self._init_merge_review()
        self._init_jobs()

        self.setWindowIcon(icons.app_icon())
        self.setAcceptDrops(True)
        self._build()
        self.actions_ = actions_mod.build_actions(self)
        self._connect()
        self._update_title()
        if restore_state:
            self._restore_state()
        self.settings.add_recent_db(self.db_path)
        self.reload()
        self.reload_documents()

    def _connect(self) -> None:
        a = self.actions_
        self.model.sort_requested.connect(self._sort_requested)
        self.table.horizontalHeader().sortIndicatorChanged.connect(self._sort_indicator_changed)
        self.table.selectionModel().currentRowChanged.connect(self._current_row_changed)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.activated.connect(self._row_activated)
        self.table.addAction(a.open_source)
        self.views.addActions(a.review_keys())
        self.article.addActions(a.review_keys())
        self.filter_bar.filter_changed.connect(self._filter_changed)
        self.filter_bar.order_changed.connect(self.set_order)
        self.documents_panel.document_selected.connect(self._document_selected)
        self.documents_panel.published_edit_requested.connect(self.edit_published)
        self.article.create_event_requested.connect(self.create_event_from_span)
        self.editor.edit_requested.connect(self.apply_editor_changes)
        self.provenance.source_activated.connect(self.show_source)
        self.timeline.event_selected.connect(self.select_event)
        self.timeline.event_activated.connect(self._timeline_activated)
        self.views.currentChanged.connect(self._view_changed)
        self.session.changed.connect(self._store_changed)
        self.session.write_failed.connect(self._write_failed)
        self.session.stack.cleanChanged.connect(self._update_title)
        self.session.stack.indexChanged.connect(self._undo_index_changed)
        self.cancel_button.clicked.connect(self.cancel_job)
        self._connect_review_actions()
        self._connect_merge_review()
        self._connect_job_actions()
        for act in (a.order_date, a.order_document, a.order_doubt):
            act.setChecked(act.data() == self.order)
        self._show_sort_indicator(self.order)

    # ---- state ----
    def _restore_state(self) -> None:
        s = self.settings
        if (g := s.geometry()) is not None:
            self.restoreGeometry(g)
        if (st := s.window_state()) is not None:
            self.restoreState(st)
        for split in (self.main_split, self.centre_split, self.right_split):
            if (data := s.splitter(split.objectName())) is not None:
                split.restoreState(data)
        if s.view() == "timeline":
            self.views.setCurrentWidget(self.timeline)

    def save_state(self) -> None:
        s = self.settings
        s.set_geometry(self.saveGeometry())
        s.set_window_state(self.saveState())
        for split in (self.main_split, self.centre_split, self.right_split):
            s.set_splitter(split.objectName(), split.saveState())
        s.set_review_order(self.order)
        s.set_view("timeline" if self.views.currentWidget() is self.timeline else "table")
        s.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.shutdown()
        super().closeEvent(event)

    def shutdown(self) -> None:
        """Save state, finish queued writes, release the database (idempotent)."""
        if self._closing:
            return
        self._closing = True
        self.save_state()
        self.filter_bar.stop()
        self._count_timer.stop()
        self.statusBar().clearMessage()  # stops the message's timeout timer
        self.runner.shutdown()
        self.store.close()

    def _update_title(self, *_: Any) -> None:
        self.setWindowTitle(f"{self.db_path.name}[*] — Dateline")
        self.setWindowModified(not self.session.stack.isClean())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange and hasattr(self, "actions_"):
            actions_mod.refresh_icons(self.actions_, self)
        super().changeEvent(event)

    # ---- loading ----
    def reload(self, select: int | None = None) -> None:
        """Re-run the current filter and order in SQL (off the GUI thread) and swap the ids in."""
        self._query_gen += 1
        gen = self._query_gen
        flt, order = self.filter, self.order
        if select is None:
            select = self.current_event_id()
        self._pending_select = select
        self._loading_ids = True

        def query(ctx: Any) -> list[int]:
            return ctx.store.event_ids(flt, order)

        self.runner.run(query, name="event_ids", on_done=lambda ids: self._ids_arrived(gen, ids))

    def _ids_arrived(self, gen: int, ids: list[int]) -> None:
        if gen != self._query_gen or self._closing:
            return  # a newer filter is on its way
        select = self._pending_select
        self.model.set_ids(ids)
        self._loading_ids = False
        row = self.model.row_of(select) if select is not None else -1
        if row < 0 and ids:
            row = 0
        if row >= 0:
            self.select_row(row)
        else:
            self._show_event(None)
        if not self.ready:
            self.ready = True
            focus = self.focusWidget()
            if (
                focus is None
                or focus is self.documents_panel
                or self.documents_panel.isAncestorOf(focus)
            ):
                self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        self._update_counts()
        self._refresh_timeline()
        self.ids_loaded.emit()

    def reload_documents(self, *, full: bool = True) -> None:
        """Re-read the documents panel: everything (``full``), or only counts and tags, which is
        what an edit of events can change."""
        self._docs_gen += 1
        gen = self._docs_gen

        def query(ctx: Any) -> tuple[Any, ...]:
            s = ctx.store
            to_review = s.count_events(EventFilter(statuses=("proposed",)))
            return (s.documents() if full else None), s.document_counts(), s.tags(), to_review

        self.runner.run(
            query, name="documents", on_done=lambda res: self._documents_arrived(gen, res)
        )

    def _documents_arrived(self, gen: int, res: tuple[Any, ...]) -> None:
        if gen != self._docs_gen or self._closing:
            return
        docs, counts, tags, self.to_review = res
        changed = docs is not None and {d.id: d for d in docs} != self.documents
        if docs is not None:
            self.documents = {d.id: d for d in docs}
        self.counts = counts
        self.tags = list(tags)
        self.documents_panel.set_documents(list(self.documents.values()), counts)
        if changed:
            self.filter_bar.set_documents(list(self.documents.values()))
        self.filter_bar.set_tags(self.tags)
        self.editor.set_tag_completions(self.tags)
        self._update_counts()
        self.schedule_suggestion_count()  # documents are re-read after every write and import
        if changed:
            self._refresh_provenance()
        self.documents_loaded.emit()
        if not self.documents:
            self.maybe_offer_seeds()

    def _update_counts(self) -> None:
        total, docs, proposed = self.model.rowCount(), len(self.documents), self.to_review
        text = f"{total:,} event{'s' if total != 1 else ''} shown · {docs} document{'s' if docs != 1 else ''}"
        if proposed:
            text += f" · {proposed:,} to review"
        self.counts_label.setText(text + self.suggestion_text())

    def _refresh_timeline(self) -> None:
        """Load the events of the table into the timeline (a reader task), when it is shown."""
        if self.views.currentWidget() is not self.timeline:
            return
        ids = self.model.ids()

        def fetch(ctx: Any) -> list[EventRecord]:
            return ctx.store.events(ids)

        gen = self._query_gen
        self.runner.run(
            fetch, name="timeline events", on_done=lambda evs: self._timeline_arrived(gen, evs)
        )

    def _timeline_arrived(self, gen: int, events: list[EventRecord]) -> None:
        if gen != self._query_gen or self._closing:
            return
        self._timeline_events = {e.id: e for e in events}
        self.timeline.set_events(events, list(self.documents.values()))
        self.timeline.select_event(self.current_event_id())

    def _update_timeline(self, updated: Any) -> None:
        """After an edit, swap only the touched events (a few rows) into the timeline's list."""
        if not self._timeline_events:
            self._refresh_timeline()
            return
        for ev in self.store.events([i for i in updated if i in self._timeline_events]):
            self._timeline_events[ev.id] = ev
        self.timeline.set_events(
            list(self._timeline_events.values()), list(self.documents.values())
        )
        self.timeline.select_event(self.current_event_id())

    @Slot(int)
    def _view_changed(self, index: int) -> None:
        is_timeline = self.views.widget(index) is self.timeline
        self.actions_.view_timeline.setChecked(is_timeline)
        self.actions_.view_table.setChecked(not is_timeline)
        if is_timeline:
            self.timeline.select_event(self.current_event_id())
            self._refresh_timeline()

    # ---- filter and order ----
    @Slot(object)
    def _filter_changed(self, flt: EventFilter) -> None:
        self.filter = flt
        if flt.document_id is not None:
            self.documents_panel.select_document(flt.document_id)
        self.reload()

    @Slot(str)
    def set_order(self, order: str) -> None:
        if order == self.order and not self._loading_ids:
            return
        self.order = order
        self.filter_bar.set_order(order)
        for act in (
            self.actions_.order_date,
            self.actions_.order_document,
            self.actions_.order_doubt,
        ):
            act.setChecked(act.data() == order)
        self._show_sort_indicator(order)
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

    @Slot(int)
    def _document_selected(self, document_id: int) -> None:
        # Shows the article only: filtering by document is the filter bar's job, so focus moving
        # through the panel never hides events.
        doc = self.documents.get(document_id)
        if doc is not None:
            self._show_document(doc)

    # ---- selection ----
    def current_event_id(self) -> int | None:
        idx = self.table.currentIndex()
        return self.model.event_id(idx.row()) if idx.isValid() else None

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

    @Slot(QModelIndex, QModelIndex)
    def _current_row_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        eid = self.model.event_id(current.row()) if current.isValid() else None
        self._show_event(eid)
        if eid is not None:
            # also while the timeline tab is hidden, so it shows the same event when it comes back
            self.timeline.select_event(eid)

    @Slot()
    def _selection_changed(self, *_: Any) -> None:
        n = len(self.table.selectionModel().selectedRows())
        if n > 1:
            self.statusBar().showMessage(
                f"{n} events selected: A, X and T act on all of them", 4000
            )

    def _show_event(self, event_id: int | None, *, force: bool = False) -> None:
        if event_id == self._shown_event and not force:
            return
        self._shown_event = event_id
        if event_id is None:
            self.editor.set_event(None)
            self.provenance.set_event(None, self.documents, [])
            self.refresh_suggestions()
            return
        row = self.model.row_of(event_id)
        ev = self.model.event(row) if row >= 0 else None
        if ev is None:
            try:
                ev = self.store.event(event_id)
            except Exception:  # gone since the list was read: show nothing
                self.editor.set_event(None)
                return
        self.editor.set_event(ev)
        self._refresh_provenance(ev)
        self.refresh_suggestions()
        if ev.sources:
            src = ev.sources[0]
            shown = self.article.current_document_id()
            for s in ev.sources:
                if s.document_id == shown:
                    src = s
                    break
            self._show_source_record(
                src.document_id,
                src.sentence_start,
                src.sentence_end,
                src.timex_start,
                src.timex_end,
            )
        self.event_shown.emit(event_id)

    def _refresh_provenance(self, ev: EventRecord | None = None) -> None:
        if ev is None:
            if self._shown_event is None:
                return
            ev = self.model.cached(self._shown_event) or self.store.event(self._shown_event)
        self.provenance.set_event(
            ev, self.documents, self.store.history(ev.id), self.timexes_for(ev)
        )

    def _show_document(self, doc: DocumentRecord) -> None:
        self.article_sync.show(doc)

    def _show_source_record(
        self, document_id: int, s0: int, s1: int, t0: int | None, t1: int | None
    ) -> None:
        doc = self.documents.get(document_id)
        if doc is None:
            try:
                doc = self.store.document(document_id)
            except Exception:  # gone since the event was read: nothing to show
                return
        timex = (t0, t1) if t0 is not None and t1 is not None and t0 >= 0 else None
        self.article_sync.show(doc, (s0, s1), timex)

    @Slot(int, int, int, int, int)
    def show_source(self, document_id: int, s0: int, s1: int, t0: int, t1: int) -> None:
        self._show_source_record(document_id, s0, s1, t0, t1)
        self.article.setFocus(Qt.FocusReason.OtherFocusReason)

    @Slot(QModelIndex)
    def _row_activated(self, index: QModelIndex) -> None:
        self.open_source()

    @Slot(int)
    def _timeline_activated(self, event_id: int) -> None:
        self.select_event(event_id)
        self.open_source()

    # ---- after writes ----
    @Slot(object, object, str)
    def _store_changed(self, change: Any, core: Any, direction: str) -> None:
        if self._closing:
            return
        if direction == "revert" and change.updated and not (change.added or change.removed):
            # an undo takes the analyst back to what it restored
            rows = [r for r in map(self.model.row_of, change.updated) if r >= 0]
            if rows and self.table.currentIndex().row() not in rows:
                self.select_row(min(rows))
        if change.message:
            self.statusBar().showMessage(change.message, 5000)
        self.article_sync.invalidate()
        self.model.refresh(change.updated)
        self._decided.difference_update(change.updated)
        if change.added or change.removed:
            self.reload(select=self._after_change_select(change, core))
        elif self.views.currentWidget() is self.timeline:
            self._update_timeline(change.updated)
        self.reload_documents(full=isinstance(core, cmds.SetPublished))
        if isinstance(core, cmds.SetPublished):
            self.forget_timexes()  # re-anchored: the explanations changed
        # Only the event that changed is re-shown: re-filling the editor of another event would
        # throw away what the analyst is typing into it.
        if self._shown_event is not None and self._shown_event in change.events:
            self._show_event(self._shown_event, force=True)
        else:
            self.refresh_suggestions()

    def _after_change_select(self, change: Any, core: Any) -> int | None:
        """A new event made by the analyst is selected; otherwise the selection stays, or moves to
        what the removed event became (a merge keeps the first event)."""
        if isinstance(core, cmds.CreateEvent) and change.added:
            return min(change.added)
        cur = self.current_event_id()
        if cur is not None and cur not in change.removed:
            return cur
        for group in (change.updated, change.added):
            if group:
                return min(group)
        return None

    @Slot(str)
    def _write_failed(self, message: str) -> None:
        self._decided.clear()
        self.statusBar().showMessage(message, 8000)
        self.model.invalidate()

    @Slot(int)
    def _undo_index_changed(self, _index: int) -> None:
        self._update_title()

    # ---- drag and drop ----
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if _local_paths(event.mimeData().urls()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: Any) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = _local_paths(event.mimeData().urls())
        if paths:
            event.acceptProposedAction()
            QTimer.singleShot(0, lambda: self.start_import(paths))


def _local_paths(urls: Sequence[Any]) -> list[str]:
    return [u.toLocalFile() for u in urls if u.isLocalFile() and u.toLocalFile()]


__all__ = ["COLUMNS", "MainWindow"]
