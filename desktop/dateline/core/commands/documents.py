"""Commands on documents: the publication date that relative dates hang on."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, ClassVar

from ..errors import NotFound
from ..store.tx import Tx
from .base import Command, plural

if TYPE_CHECKING:
    from ..ingest.service import ReadAhead
    from ..store import Store


@dataclass
class SetPublished(Command):
    """Set (or clear) a document's publication date and re-anchor its relative dates.

    The events of the document nobody touched are read again as an import with that date would read
    them (``Ingest.reanchor``); other proposed events follow the new reading; events the analyst
    accepted or edited keep their date and get the "anchor-changed" flag, the new reading being on
    their source (``SourceRecord.value``).
    """

    document_id: int
    published: dt.date | None
    _ahead: ReadAhead | None = field(default=None, init=False, repr=False, compare=False)
    ACTION: ClassVar[str] = "set-published"

    def label(self) -> str:
        when = self.published.isoformat() if self.published else "unknown"
        return f"Set publication date of document {self.document_id} to {when}"

    def prepare(self, store: Store) -> None:
        """Read the document with its new date now, before the write lock: a long one takes
        seconds, which an edit in another process would otherwise wait through."""
        if self._snapshots is not None:
            return  # a redo puts the rows back; nothing is read
        from ..ingest import Ingest

        try:
            doc = store.document(self.document_id)
        except NotFound:
            return  # ``run`` says so
        dated = replace(doc, published=self.published, published_source=self._source())
        self._ahead = Ingest(store).read_ahead(dated.article())

    def _source(self) -> str:
        return "analyst" if self.published else "unknown"

    def run(self, tx: Tx, store: Store) -> str:
        tx.update_document(
            self.document_id,
            published=self.published.isoformat() if self.published else None,
            published_source=self._source(),
        )
        from ..ingest import Ingest

        ahead, self._ahead = self._ahead, None
        result = Ingest(store).reanchor(tx, self.document_id, ahead)
        parts = [self.label().replace("Set", "Set the", 1)]
        if result.redated:
            parts.append(f"{plural(len(result.redated), 'event')} re-dated")
        if result.removed:
            parts.append(
                f"{plural(len(result.removed), 'untouched event')} read again with it: "
                f"{plural(len(result.added), 'event')} proposed"
            )
        elif result.added:
            parts.append(f"{plural(len(result.added), 'new event')} proposed")
        if result.attached:
            parts.append(f"{plural(len(result.attached), 'event')} of other articles joined")
        if result.flagged:
            parts.append(f"{plural(len(result.flagged), 'reviewed event')} flagged for review")
        return "; ".join(parts)
