"""The main window: documents on the left, the event table (or timeline) over the article in the
centre, merge suggestions and the provenance panel over the editor on the right.

The window owns one Store on the GUI thread for small reads (a block of rows, one event's history),
a TaskRunner for everything slow or writing, and an EditSession (undo stack) whose commands run on
the runner's writer. It builds its widgets (:mod:`.window_layout`) and controllers and wires them:
:class:`.EventList` (filter, order, selection), :class:`.ReviewController` (review keys),
:class:`.MergeReviewController` (merge suggestions, re-dating), :class:`.JobsController` (import,
export), :class:`.PublicationDates` (F2). The side panels, the documents and what follows a write
stay here.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QEvent, QModelIndex, Qt, QTimer, QUrl, Signal, Slot
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QMainWindow

from ..core import commands as cmds
from ..core.ingest import ImportReport
from ..core.model import DocumentRecord
from ..core.search_words import query_words
from ..core.store import EventFilter, Store
from . import actions as actions_mod
from . import collector, icons
from .article_sync import ArticleSync
from .event_details import EventDetails
from .event_list import EventList
from .event_table import COLUMNS
from .jobs import JobsController
from .merge_review import MergeReviewController
from .published_dates import PublicationDates
from .review import ReviewController
from .settings import Settings
from .tasks import TaskContext, TaskRunner
from .timex_cache import TimexCache
from .undo import READ_ONLY_MESSAGE, EditSession
from .window_chrome import WindowChrome
from .window_layout import WindowParts, build_parts

log = logging.getLogger(__name__)

DocumentCounts = dict[int, dict[str, int]]  # {document id: {status: events}}

# What a read-only project cannot do; reading, searching, exporting and undo-free moves still work.
WRITE_ACTIONS = (
    "accept", "reject", "tag", "merge", "split", "delete", "undo", "redo", "import_files",
    "import_folder", "load_seeds", "set_published", "create_event", "apply_edit", "revert_edit",
)  # fmt: skip


def _store_opener(readonly: bool) -> Callable[[Path], Store]:
    return functools.partial(Store.open, readonly=True) if readonly else Store.open


class MainWindow(QMainWindow):
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
        readonly: bool = False,
    ) -> None:
        super().__init__()
        app = QApplication.instance()
        if app is not None:
            collector.install(app)  # cycles are collected on this thread, never in a worker
        self.db_path = Path(db_path)
        self.settings = settings or Settings()
        self.store = Store.open(self.db_path, readonly=readonly)
        self.readonly = bool(self.store.readonly)
        self.runner = TaskRunner(self.db_path, self, store_opener=_store_opener(self.readonly))
        self.session = EditSession(self.runner, self, error_parent=self, readonly=self.readonly)
        self.documents: dict[int, DocumentRecord] = {}
        self.counts: DocumentCounts = {}
        self.tags: list[str] = []
        self.to_review = 0
        self._docs_gen = 0
        self._closing = False
        self.ready = False
        self.setWindowIcon(icons.app_icon())
        self.setAcceptDrops(not self.readonly)

        self._take_parts(build_parts(self, self.store.events))
        self.actions_ = actions_mod.build_actions(self)

        order = self.settings.review_order()
        self.events = EventList(
            self.runner, self.model, self.table, self.views, self.timeline, self.store.events,
            order, self,
        )  # fmt: skip
        self.filter_bar.set_order(order)
        self.review = ReviewController(self.session, self.events, self.editor, self.tag_bar, self)
        self.merge_review = MergeReviewController(
            self.runner, self.session, self.events, self.merge_bar, self.provenance, self, self
        )
        self.jobs = JobsController(
            self.runner, self.settings, self.db_path, self, self.progress, self.cancel_button,
            current_filter=lambda: self.events.filter, count_events=self.store.count_events,
            shown_count=self.model.rowCount, offer_seeds=offer_seeds, readonly=self.readonly,
            parent=self,
        )  # fmt: skip
        self.dates = PublicationDates(self.session, self.store, self.settings, self, self)
        self.timexes = TimexCache(self.runner, self)
        self.article_sync = ArticleSync(self.article, self.runner, self)
        self.details = EventDetails(
            self.store, self.model, self.editor, self.provenance, self.article,
            self.article_sync, self.timexes, self.merge_review, self,
        )  # fmt: skip
        self.chrome = WindowChrome(
            self,
            self.actions_,
            self.settings,
            self.db_path,
            update_title=self._update_title,
            open_database=self.open_database,
        )
        self._wire()
        if self.readonly:
            self._enter_read_only()
        self._update_title()
        if restore_state:
            self.chrome.restore_state()
        self.settings.add_recent_db(self.db_path)
        self.events.reload()
        self.reload_documents()

    def _take_parts(self, parts: WindowParts) -> None:
        self.documents_panel, self.filter_bar = parts.documents_panel, parts.filter_bar
        self.model, self.table, self.views = parts.model, parts.table, parts.views
        self.timeline, self.tag_bar, self.article = parts.timeline, parts.tag_bar, parts.article
        self.editor, self.provenance, self.merge_bar = (
            parts.editor,
            parts.provenance,
            parts.merge_bar,
        )
        self.main_split, self.centre_split = parts.main_split, parts.centre_split
        self.right_split, self.counts_label = parts.right_split, parts.counts_label
        self.progress, self.cancel_button = parts.progress, parts.cancel_button
        self.title_delegate, self.mode_label = parts.title_delegate, parts.mode_label

    def _wire(self) -> None:
        a = self.actions_
        selection = self.table.selectionModel()
        selection.currentRowChanged.connect(self._current_row_changed)
        selection.selectionChanged.connect(self._selection_changed)
        self.table.activated.connect(self._row_activated)
        self.table.addAction(a.open_source)
        self.views.addActions(a.review_keys())
        self.article.addActions(a.review_keys())
        self.filter_bar.filter_changed.connect(self._filter_changed)
        self.filter_bar.order_changed.connect(self.events.set_order)
        self.events.order_changed.connect(self.chrome.show_order)
        self.events.ids_loaded.connect(self._ids_loaded)
        self.documents_panel.document_selected.connect(self._document_selected)
        self.documents_panel.published_edit_requested.connect(self._published_edit_requested)
        self.documents_panel.use_date_action(a.set_published)
        a.set_published.triggered.connect(self.edit_published_dates)
        a.open_source.triggered.connect(self.open_source)
        self.article.create_event_requested.connect(self.review.create_event_from_span)
        self.article.timex_clicked.connect(self.merge_review.show_event_of_timex)
        self.details.event_shown.connect(self.event_shown)
        self.timeline.event_selected.connect(self.events.select_event)
        self.timeline.event_activated.connect(self._timeline_activated)
        self.session.changed.connect(self._store_changed)
        self.session.write_failed.connect(self._write_failed)
        self.session.write_refused.connect(self._post)
        self.review.connect_actions(a)
        self.merge_review.connect_actions(a)
        self.jobs.connect_actions(a)
        self.chrome.wire(self.events, self.session, self.filter_bar, self.table, self.jobs)
        for controller in (self.review, self.merge_review, self.jobs, self.dates):
            controller.message_posted.connect(self._post)
        self.merge_review.count_changed.connect(self._update_counts)
        self.jobs.imported.connect(self._imported)
        actions_mod.add_view_actions(
            a,
            "Revie&w",
            {
                "create_event": self.article.create_action,
                "next_date": self.article.next_date_action,
                "previous_date": self.article.previous_date_action,
                "apply_edit": self.editor.apply_action,
                "revert_edit": self.editor.revert_action,
            },
        )
        names = ("fit_to_filter", "show_all_dates", "export_timeline_image")  # the timeline's own
        actions_mod.add_view_actions(
            a, "V&iew", dict(zip(names, self.timeline.timeline_actions(), strict=True))
        )

    def _enter_read_only(self) -> None:
        """Reading, searching and exporting work; every edit is disabled and the status bar says so."""
        for name in WRITE_ACTIONS:
            self.actions_.by_name[name].setEnabled(False)
        self.editor.set_read_only(True)
        self.article.set_read_only(True)
        self.merge_bar.set_read_only(True)
        self.provenance.set_read_only(True)
        self.mode_label.setText("Read-only")
        self.mode_label.setToolTip(READ_ONLY_MESSAGE)
        self.mode_label.show()
        self.statusBar().showMessage(READ_ONLY_MESSAGE, 10000)

    # ---- the window ----
    def closeEvent(self, event: QCloseEvent) -> None:
        self.shutdown()
        super().closeEvent(event)

    def shutdown(self) -> None:
        """Save state, finish queued writes, release the database (idempotent)."""
        if self._closing:
            return
        self._closing = True
        self.session.stack.blockSignals(True)  # nothing it says reaches a closed window
        self.chrome.save_state()
        self.filter_bar.stop()
        self.events.stop()
        self.merge_review.stop()
        self.timexes.stop()
        self.details.stop()
        self.statusBar().clearMessage()  # stops the message's timeout timer
        self.runner.shutdown()
        self.store.close()

    @Slot()
    def _update_title(self) -> None:
        # Every change is in the database the moment it lands: the title has no unsaved marker.
        # windowModified still tells that this session changed the project (the undo stack is
        # away from where it opened).
        mode = " (read-only)" if self.readonly else ""
        self.setWindowTitle(f"{self.db_path.name}{mode} — Dateline")
        self.setWindowModified(not self.session.stack.isClean())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange and hasattr(self, "actions_"):
            actions_mod.refresh_icons(self.actions_, self)
        super().changeEvent(event)

    @Slot(str)
    @Slot(str, int)
    def _post(self, text: str, msecs: int = 5000) -> None:
        self.statusBar().showMessage(text, msecs)

    # ---- loading ----
    def reload(self, select: int | None = None) -> None:
        """Re-read the events of the current filter (and keep ``select`` selected)."""
        self.events.reload(select)

    @Slot()
    def _ids_loaded(self) -> None:
        if self.events.current_event_id() is None:
            self._show_event(None)
        if not self.ready:
            self.ready = True
            focus = self.focusWidget()
            if focus is None or self.documents_panel.isAncestorOf(focus):
                self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        self._update_counts()
        self.ids_loaded.emit()

    def reload_documents(self, *, full: bool = True) -> None:
        """Re-read the documents panel: all (``full``), or the counts and tags an edit can change."""
        self._docs_gen += 1
        gen = self._docs_gen

        def query(
            ctx: TaskContext,
        ) -> tuple[list[DocumentRecord] | None, DocumentCounts, list[str], int]:
            s = ctx.store
            to_review = s.count_events(EventFilter(statuses=("proposed",)))
            return (s.documents() if full else None), s.document_counts(), list(s.tags()), to_review

        self.runner.run(
            query, name="documents", on_done=lambda res: self._documents_arrived(gen, *res)
        )

    def _documents_arrived(
        self,
        gen: int,
        docs: list[DocumentRecord] | None,
        counts: DocumentCounts,
        tags: list[str],
        to_review: int,
    ) -> None:
        if gen != self._docs_gen or self._closing:
            return
        changed = docs is not None and {d.id: d for d in docs} != self.documents
        if docs is not None:
            self.documents = {d.id: d for d in docs}
        self.counts, self.tags, self.to_review = counts, tags, to_review
        self.documents_panel.set_documents(list(self.documents.values()), counts)
        self.events.set_documents(self.documents.values())
        self.details.set_documents(dict(self.documents))
        if changed:
            self.filter_bar.set_documents(list(self.documents.values()))
        self.filter_bar.set_tags(self.tags)
        self.editor.set_tag_completions(self.tags)
        self.tag_bar.set_completions(self.tags)
        self._update_counts()
        self.merge_review.schedule_count(self.stored_events())  # after every write and import
        self.documents_loaded.emit()
        if not self.documents:
            self.jobs.maybe_offer_seeds()

    def stored_events(self) -> int:
        return sum(sum(c.values()) for c in self.counts.values())

    @Slot()
    def _update_counts(self) -> None:
        total, docs, proposed = self.model.rowCount(), len(self.documents), self.to_review
        text = f"{total:,} event{'s' if total != 1 else ''} shown · {docs} document{'s' if docs != 1 else ''}"
        if proposed:
            text += f" · {proposed:,} to review"
        self.counts_label.setText(text + self.merge_review.suggestion_text())

    @Slot(object)
    def _imported(self, _report: ImportReport | None) -> None:
        """However an import ended, show what the database holds now."""
        if self._closing:
            return
        self.model.invalidate()
        self.article_sync.invalidate()
        self.timexes.forget()
        self.events.reload()
        self.reload_documents()

    # ---- filter ----
    @Slot(object)
    def _filter_changed(self, flt: EventFilter) -> None:
        if flt.document_id is not None:
            self.documents_panel.select_document(flt.document_id)
        words = query_words(flt.text)
        self.title_delegate.set_words(words)
        self.article.set_search_words(words)
        self.events.set_filter(flt)

    @Slot(int)
    def _document_selected(self, document_id: int) -> None:
        # Shows the article only: filtering by document is the filter bar's job, so focus moving
        # through the panel never hides events.
        doc = self.documents.get(document_id)
        if doc is not None:
            self.article_sync.show(doc)

    # ---- publication dates ----
    @Slot()
    def edit_published_dates(self) -> None:
        """F2: the documents selected in the panel when it has the keyboard, else the article's."""
        panel = self.documents_panel
        focus = self.focusWidget()
        ids = panel.selected_document_ids()
        if not (focus is not None and panel.isAncestorOf(focus)) or not ids:
            shown = self.article.current_document_id()
            ids = [shown] if shown is not None else ids
        self.dates.edit([self.documents[i] for i in ids if i in self.documents])

    @Slot(int)
    def _published_edit_requested(self, document_id: int) -> None:
        """A click on a document's date: that document, or all selected ones if it is among them."""
        ids = self.documents_panel.selected_document_ids()
        if document_id not in ids:
            ids = [document_id]
        self.dates.edit([self.documents[i] for i in ids if i in self.documents])

    # ---- selection ----
    def current_event_id(self) -> int | None:
        return self.events.current_event_id()

    def selected_event_ids(self) -> list[int]:
        return self.events.selected_event_ids()

    def select_row(self, row: int) -> None:
        self.events.select_row(row)

    @Slot(int)
    def select_event(self, event_id: int) -> None:
        self.events.select_event(event_id)

    @Slot(QModelIndex, QModelIndex)
    def _current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        eid = self.model.event_id(current.row()) if current.isValid() else None
        self._show_event(eid)
        if eid is not None:
            # also while the timeline tab is hidden, so it shows the same event when it comes back
            self.timeline.select_event(eid)

    @Slot()
    def _selection_changed(self, *_: object) -> None:
        n = len(self.table.selectionModel().selectedRows())
        if n > 1:
            self._post(f"{n} events selected: A, X and T act on all of them", 4000)

    def _show_event(self, event_id: int | None, *, force: bool = False) -> None:
        self.details.show_event(event_id, force=force)

    @Slot()
    def open_source(self) -> None:
        self.details.open_source(self.events.current_event_id())

    @Slot(QModelIndex)
    def _row_activated(self, _index: QModelIndex) -> None:
        self.open_source()

    @Slot(int)
    def _timeline_activated(self, event_id: int) -> None:
        self.events.select_event(event_id)
        self.open_source()

    # ---- after writes ----
    @Slot(object, object, str)
    def _store_changed(self, change: cmds.Change, core: cmds.Command, direction: str) -> None:
        if self._closing:
            return
        if direction == "revert" and change.updated and not (change.added or change.removed):
            # an undo takes the analyst back to what it restored
            rows = [r for r in map(self.model.row_of, change.updated) if r >= 0]
            if rows and self.events.current_row() not in rows:
                self.events.select_row(min(rows))
        if change.message:
            self._post(change.message, 5000)
        self.article_sync.invalidate()
        self.model.refresh(change.updated)
        self.review.written(change.updated)
        published = isinstance(core, cmds.SetPublished)
        if change.added or change.removed:
            self.events.reload(select=self._after_change_select(change, core))
        else:
            self.events.update_timeline(change.updated)
        self.reload_documents(full=published)
        if published:
            self.timexes.forget()  # re-anchored: the explanations changed
        # Only the event that changed is re-shown: re-filling the editor of another event would
        # throw away what the analyst is typing into it.
        if self.details.shown is not None and self.details.shown in change.events:
            self._show_event(self.details.shown, force=True)
        else:
            self.merge_review.refresh()

    def _after_change_select(self, change: cmds.Change, core: cmds.Command) -> int | None:
        """A new event made by the analyst is selected; otherwise the selection stays, or moves to
        what the removed event became (a merge keeps the first event)."""
        if isinstance(core, cmds.CreateEvent) and change.added:
            return min(change.added)
        cur = self.events.current_event_id()
        if cur is not None and cur not in change.removed:
            return cur
        for group in (change.updated, change.added):
            if group:
                return min(group)
        return None

    @Slot(str)
    def _write_failed(self, message: str) -> None:
        self.review.write_failed()
        self._post(message, 8000)
        self.model.invalidate()

    # ---- databases ----
    def open_database(self, path: str | Path) -> MainWindow:
        """Open another database in a new window and close this one (state is saved on close)."""
        win = MainWindow(Path(path), self.settings, offer_seeds=self.jobs.offer_seeds)
        return self.chrome.replace_window(win)

    # ---- drag and drop ----
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if not self.readonly and _local_paths(event.mimeData().urls()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = _local_paths(event.mimeData().urls())
        if paths:
            event.acceptProposedAction()
            QTimer.singleShot(0, lambda: self.jobs.start_import(paths))


def _local_paths(urls: Sequence[QUrl]) -> list[str]:
    return [u.toLocalFile() for u in urls if u.isLocalFile() and u.toLocalFile()]


__all__ = ["COLUMNS", "MainWindow"]
