"""New events and their sources held back and written a few statements at a time.

An import stored each new event and each of its sources with a statement of its own, about 24 an
article. Inside a transaction each such statement opens a statement journal (the tables' triggers and
CHECK constraints make it one that may write several rows and may abort), and each statement journal
asks both search indexes (FTS5) to sync, whether they hold anything or not: on 1,000 generated
articles, two-fifths of the import's SQLite work. ``HeldRows`` keeps a document's new events and their
sources in memory and writes them in one multi-row INSERT per table (``bulk.insert_rows``): the same rows,
in the same order, under the same ids.

An event's id is known as it is held: the next id SQLite's AUTOINCREMENT would give (``next_ids``),
written explicitly. Sources are written without an id, in the order they were held, so they get the
ids SQLite gives them; the ids ``source`` returns are those. Whoever holds rows must ``flush`` before
anything reads the tables, and before any other write to them (``source`` does, for a source of an
event already stored).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .bulk import insert_rows, next_ids
from .records import dumps
from .tx import Tx


class HeldRows:
    """A document's new events and their sources, held until ``flush`` (see the module's doc)."""

    def __init__(self, tx: Tx) -> None:
        self.tx = tx
        self.events: list[dict[str, Any]] = []
        self.sources: list[dict[str, Any]] = []
        self.held: set[int] = set()  # events inserted through here (held or written since)
        self._next: list[int] | None = None  # the next event id, the next source id

    def _ids(self) -> list[int]:
        if self._next is None:
            self._next = list(next_ids(self.tx.conn))
        return self._next

    def event(self, row: Mapping[str, Any]) -> int:
        """Hold a new event (``Tx.insert_event`` without tags); its id."""
        ids = self._ids()
        eid = ids[0]
        ids[0] += 1
        now = self.tx.now
        data = {"id": eid, "created_at": now, "updated_at": now, **row}
        if isinstance(data.get("flags"), (list, tuple)):
            data["flags"] = dumps(sorted(set(data["flags"])))
        self.tx.before.events[eid] = None
        self.events.append(data)
        self.held.add(eid)
        return eid

    def source(self, event_id: int, row: Mapping[str, Any]) -> int:
        """Hold a source of an event held here; a source of any other event is written at once
        (``Tx.insert_source``, after what is held). Its id."""
        ids = self._ids()
        if event_id in self.held:
            sid = ids[1]
            ids[1] += 1
            self.sources.append({**row, "event_id": event_id})
            return sid
        self.flush()
        sid = self.tx.insert_source(event_id, row)
        ids[1] = sid + 1
        return sid

    def flush(self) -> None:
        """Write what is held: events first, as their sources name them."""
        if self.events:
            insert_rows(self.tx.conn, "events", self.events)
            self.events = []
        if self.sources:
            insert_rows(self.tx.conn, "sources", self.sources)
            self.sources = []
