"""What the side panels show for the current event: the editor, its provenance (sources with the
stored timexes that explain them, its history), its merge suggestions, and its source in the article.

Reads here are small and run on the GUI thread's store (one event, its history); timexes come from
the :class:`.TimexCache`, article data from the :class:`.ArticleSync`, both off the GUI thread.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QObject, Qt, Signal, Slot

from ..core.model import DocumentRecord, EventRecord
from ..core.store import Store
from .article_sync import ArticleSync
from .article_view import ArticleView
from .event_editor import EventEditor
from .event_table import EventTableModel
from .merge_review import MergeReviewController
from .provenance_panel import ProvenancePanel
from .timex_cache import TimexCache


class EventDetails(QObject):
    """Fills the editor, provenance, merge bar and article for one event id."""

    event_shown = Signal(int)  # the panels show this event

    def __init__(
        self,
        store: Store,
        model: EventTableModel,
        editor: EventEditor,
        provenance: ProvenancePanel,
        article: ArticleView,
        article_sync: ArticleSync,
        timexes: TimexCache,
        merge_review: MergeReviewController,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.model = model
        self.editor = editor
        self.provenance = provenance
        self.article = article
        self.article_sync = article_sync
        self.timexes = timexes
        self.merge_review = merge_review
        self.documents: Mapping[int, DocumentRecord] = {}
        self.shown: int | None = None
        self._stopped = False
        timexes.arrived.connect(self._timexes_arrived)
        provenance.source_activated.connect(self.show_source)

    def stop(self) -> None:
        self._stopped = True

    def set_documents(self, documents: Mapping[int, DocumentRecord]) -> None:
        """New document records (a publication date set): provenance and article follow."""
        changed = documents != self.documents
        self.documents = documents
        if not changed:
            return
        wanted = self.article_sync.shown_document()
        if wanted is not None and wanted.id in documents:
            self.article_sync.update_document(documents[wanted.id])
        self.refresh_provenance()

    def show_event(self, event_id: int | None, *, force: bool = False) -> None:
        if event_id == self.shown and not force:
            return
        self.shown = event_id
        if event_id is None:
            self.editor.set_event(None)
            self.provenance.set_event(None, self.documents, [])
            self.merge_review.show_event(None)
            return
        row = self.model.row_of(event_id)
        ev = self.model.record(row) if row >= 0 else None
        if ev is None:
            try:
                ev = self.store.event(event_id)
            except Exception:  # gone since the list was read: show nothing
                self.editor.set_event(None)
                return
        self.editor.set_event(ev)
        self.refresh_provenance(ev)
        self.merge_review.show_event(event_id)
        if ev.sources:
            shown = self.article.current_document_id()
            src = next((s for s in ev.sources if s.document_id == shown), ev.sources[0])
            self._show_source_record(
                src.document_id,
                src.sentence_start,
                src.sentence_end,
                src.timex_start,
                src.timex_end,
            )
        self.event_shown.emit(event_id)

    def refresh_provenance(self, ev: EventRecord | None = None) -> None:
        if ev is None:
            if self.shown is None:
                return
            ev = self.model.cached(self.shown) or self.store.event(self.shown)
        history = self.store.history(ev.id)
        self.provenance.set_event(ev, self.documents, history, self.timexes.timexes_for(ev))

    @Slot(object)
    def _timexes_arrived(self, documents: set[int]) -> None:
        shown = self.provenance.shown_event()
        if self._stopped or shown is None:
            return
        if {s.document_id for s in shown.sources} & documents:
            self.refresh_provenance()

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
        """A source in the article, sentence shaded, with the keyboard there."""
        self._show_source_record(document_id, s0, s1, t0, t1)
        self.article.setFocus(Qt.FocusReason.OtherFocusReason)

    def open_source(self, event_id: int | None) -> None:
        """Enter on an event: its first source in the article."""
        ev = self.model.record(self.model.row_of(event_id)) if event_id is not None else None
        if ev is None or not ev.sources:
            return
        src = ev.sources[0]
        t0 = -1 if src.timex_start is None else src.timex_start
        t1 = -1 if src.timex_end is None else src.timex_end
        self.show_source(src.document_id, src.sentence_start, src.sentence_end, t0, t1)
