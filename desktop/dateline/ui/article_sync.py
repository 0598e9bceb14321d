"""Keeps the article view on the document and sentence of the selected event.

What the view needs for a document — its timexes and the review status behind each timex span — is
read on a reader task and cached per document until a write touches the store; the span to show is
remembered and applied once the document is on screen, so selecting an event never waits on SQL.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from ..core.model import DocumentRecord, TimexRecord
from ..core.store import EventFilter, Store
from .article_view import ArticleView
from .tasks import TaskContext, TaskRunner

Span = tuple[int, int]
# A document with more events than this shows its timexes without per-status colours: reading every
# event of it would cost seconds for a synthetic or machine-generated file.
MAX_STATUS_EVENTS = 2000
_RANK = {"accepted": 3, "edited": 3, "proposed": 2, "rejected": 1}


def status_by_span(store: Store, document_id: int) -> dict[Span, str]:
    """The strongest review status of the events sourced on each timex span of a document."""
    ids = store.event_ids(EventFilter(document_id=document_id), "document")
    if len(ids) > MAX_STATUS_EVENTS:
        return {}
    out: dict[Span, str] = {}
    for ev in store.events(ids):
        for s in ev.sources:
            if s.document_id != document_id or s.timex_start is None or s.timex_end is None:
                continue
            key = (s.timex_start, s.timex_end)
            st = str(ev.status)
            if _RANK.get(st, 0) > _RANK.get(out.get(key, ""), 0):
                out[key] = st
    return out


class ArticleSync(QObject):
    shown = Signal(int)  # document id now on screen with its span

    def __init__(
        self, view: ArticleView, runner: TaskRunner, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.view = view
        self.runner = runner
        self._cache: dict[int, tuple[list[TimexRecord], dict[Span, str]]] = {}
        self._wanted: tuple[DocumentRecord, Span | None, Span | None] | None = None
        self._loading: set[int] = set()
        self._generation = 0
        self._shown_spans: dict[Span, str] | None = None

    def invalidate(self) -> None:
        """Forget cached statuses (after a write); the shown document is refreshed in place."""
        self._cache.clear()
        self._generation += 1
        if self._wanted is not None:
            self._load(self._wanted[0].id)

    def update_document(self, doc: DocumentRecord) -> None:
        """A new version of a document (its publication date set): the article's header follows."""
        if self._wanted is None or self._wanted[0].id != doc.id or self._wanted[0] == doc:
            return
        _old, sentence, timex = self._wanted
        self._wanted = (doc, sentence, timex)
        if doc.id in self._cache:
            timexes, spans = self._cache[doc.id]
            self.view.show_document(doc, timexes, spans)

    def shown_document(self) -> DocumentRecord | None:
        return self._wanted[0] if self._wanted is not None else None

    def show(
        self, doc: DocumentRecord, sentence: Span | None = None, timex: Span | None = None
    ) -> None:
        self._wanted = (doc, sentence, timex)
        if doc.id in self._cache:
            self._apply()
        else:
            self._load(doc.id)

    def _load(self, document_id: int) -> None:
        if document_id in self._loading:
            return
        self._loading.add(document_id)
        gen = self._generation

        def body(ctx: TaskContext) -> tuple[list[TimexRecord], dict[Span, str]]:
            return ctx.store.timexes(document_id), status_by_span(ctx.store, document_id)

        def done(result: tuple[list[TimexRecord], dict[Span, str]]) -> None:
            self._loading.discard(document_id)
            if gen != self._generation:
                self._load(document_id)  # a write landed meanwhile: read again
                return
            self._cache[document_id] = result
            if self._wanted is not None and self._wanted[0].id == document_id:
                self._apply()

        def failed(exc: BaseException) -> None:
            self._loading.discard(document_id)

        self.runner.run(body, name="article", on_done=done, on_error=failed)

    def _apply(self) -> None:
        assert self._wanted is not None
        doc, sentence, timex = self._wanted
        timexes, spans = self._cache[doc.id]
        if self.view.current_document_id() != doc.id or self._shown_spans is not spans:
            self.view.show_document(doc, timexes, spans)
            self._shown_spans = spans
        if sentence is not None:
            self.view.show_span(sentence, timex)
        self.shown.emit(doc.id)
