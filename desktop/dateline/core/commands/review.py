"""Commands of merge review: "not the same happening", and re-dating one source's reading."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from ..conflicts import conflict_flags
from ..errors import ValidationError
from ..store.tx import Tx
from .base import Command, date_fields

if TYPE_CHECKING:
    from ..store import Store


@dataclass
class DismissMerge(Command):
    """The analyst's "these two are not the same happening": the pair is never suggested again
    (until this is undone). Both events' histories record it."""

    event_a: int
    event_b: int
    ACTION: ClassVar[str] = "dismiss-merge"

    def label(self) -> str:
        return f"Dismiss merging events {self.event_a} and {self.event_b}"

    def prepare(self, store: Store) -> None:
        if self.event_a == self.event_b:
            raise ValidationError("Choose two different events.", field="event_ids")

    def run(self, tx: Tx, store: Store) -> str:
        tx.event_row(self.event_a)
        tx.event_row(self.event_b)
        a, b = tx.set_dismissed(self.event_a, self.event_b, True)
        return f"Events {a} and {b} will not be suggested for merging again"


@dataclass
class SetSourceValue(Command):
    """Re-date one source's reading (validated like SetDate). The event keeps its own date; its
    "date-conflict" flag follows whether its sources' readings now disagree."""

    source_id: int
    value: str
    end: str | None = None
    ACTION: ClassVar[str] = "set-source-value"

    def label(self) -> str:
        return f"Re-date source {self.source_id}"

    def prepare(self, store: Store) -> None:
        date_fields(self.value, self.end)

    def run(self, tx: Tx, store: Store) -> str:
        fields = date_fields(self.value, self.end)
        reading = fields["value"] + (f"/{fields['end_value']}" if fields["end_value"] else "")
        src = tx.source_row(self.source_id)
        event_id = src["event_id"]
        if src["value"] != reading:
            tx.update_source(self.source_id, value=reading)
        flags = conflict_flags(tx, event_id)
        if flags:
            tx.update_event(event_id, **flags)
        return f"Source {self.source_id} of event {event_id} now reads {reading}"
