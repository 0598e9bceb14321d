"""Commands on documents: the publication date that relative dates hang on."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from ..store.tx import Tx
from .base import Command, plural

if TYPE_CHECKING:
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
    ACTION: ClassVar[str] = "set-published"

    def label(self) -> str:
        when = self.published.isoformat() if self.published else "unknown"
        return f"Set publication date of document {self.document_id} to {when}"

    def run(self, tx: Tx, store: Store) -> str:
        tx.update_document(
            self.document_id,
            published=self.published.isoformat() if self.published else None,
            published_source="analyst" if self.published else "unknown",
        )
        from ..ingest import Ingest

        result = Ingest(store).reanchor(tx, self.document_id)
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
