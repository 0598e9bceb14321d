"""One write transaction: primitive writes that record before-images, and the audit rows they imply.

Every change to an event goes through ``Tx.touch_event`` first, which keeps the event's full image
(row, tags, sources) as it was and bumps its version once. At the end the images before and after give
field-level audit rows, the ``Change`` the views refresh from, and the two snapshots a command needs to
revert or redo itself exactly.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..errors import ConflictError, NotFound
from . import pending
from .bulk import insert_rows, insert_values
from .records import dumps, json_list, now_utc, placeholders

Image = dict[str, Any]

# Columns that change on every write or are internal bookkeeping: left out of audit diffs.
_QUIET = {
    "version",
    "updated_at",
    "created_at",
    "machine_key",
    "merged_from",
    "extractor_version",
    "search_pending",
    "quotes",  # the sources' quotes gathered for search (m010): audited as sources
}
_DOC_META = (
    "title",
    "published",
    "published_source",
    "source",
    "url",
    "author",
    "language",
    "path",
    "extractor_version",
)
_KEY_COLUMNS = ("key", "document_id")  # fingerprint_keys


@dataclass
class Snapshot:
    """Full images of the events and documents one command touched (None = did not exist)."""

    events: dict[int, Image | None] = field(default_factory=dict)
    documents: dict[int, Image | None] = field(default_factory=dict)
    # (event_a, event_b) with a < b -> the merge_dismissals row, None = not dismissed
    dismissals: dict[tuple[int, int], Image | None] = field(default_factory=dict)


def _columns(conn: sqlite3.Connection, table: str) -> tuple[str, ...]:
    return tuple(r[1] for r in conn.execute(f"PRAGMA table_info({table})"))


def event_image(conn: sqlite3.Connection, event_id: int) -> Image | None:
    row = conn.execute("SELECT * FROM events WHERE id = ?", (event_id,)).fetchone()
    if row is None:
        return None
    tags = [
        r[0]
        for r in conn.execute(
            "SELECT tag FROM event_tags WHERE event_id = ? ORDER BY tag", (event_id,)
        )
    ]
    sources = [
        dict(r)
        for r in conn.execute("SELECT * FROM sources WHERE event_id = ? ORDER BY id", (event_id,))
    ]
    return {"row": dict(row), "tags": tags, "sources": sources}


def document_image(conn: sqlite3.Connection, document_id: int) -> Image | None:
    row = conn.execute(
        f"SELECT id, {', '.join(_DOC_META)} FROM documents WHERE id = ?", (document_id,)
    ).fetchone()
    if row is None:
        return None
    timexes = [
        dict(r)
        for r in conn.execute(
            "SELECT * FROM timexes WHERE document_id = ? ORDER BY id", (document_id,)
        )
    ]
    return {"row": dict(row), "timexes": timexes}


def dismissal_image(conn: sqlite3.Connection, pair: tuple[int, int]) -> Image | None:
    row = conn.execute(
        "SELECT event_a, event_b, at, who FROM merge_dismissals WHERE event_a = ? AND event_b = ?",
        pair,
    ).fetchone()
    return None if row is None else dict(row)


def take_snapshot(
    conn: sqlite3.Connection,
    events: Iterable[int],
    documents: Iterable[int],
    dismissals: Iterable[tuple[int, int]] = (),
) -> Snapshot:
    return Snapshot(
        events={e: event_image(conn, e) for e in events},
        documents={d: document_image(conn, d) for d in documents},
        dismissals={p: dismissal_image(conn, p) for p in dismissals},
    )


def _insert(conn: sqlite3.Connection, table: str, row: Mapping[str, Any]) -> int:
    cols = tuple(row)
    sql = _INSERT_SQL.get((table, cols))
    if sql is None:
        sql = f"INSERT INTO {table} ({', '.join(map(_q, cols))}) VALUES ({placeholders(len(cols))})"
        if len(_INSERT_SQL) < 256:  # an import repeats a handful of column sets
            _INSERT_SQL[(table, cols)] = sql
    return int(conn.execute(sql, tuple(row.values())).lastrowid or 0)


_INSERT_SQL: dict[tuple[str, tuple[str, ...]], str] = {}


def _q(col: str) -> str:
    return f'"{col}"'


def restore(conn: sqlite3.Connection, snap: Snapshot) -> None:
    """Make the touched rows exactly what ``snap`` holds (ids included)."""
    ids = list(snap.events)
    for eid in ids:
        conn.execute("DELETE FROM events WHERE id = ?", (eid,))
    source_ids = [s["id"] for img in snap.events.values() if img for s in img["sources"]]
    if source_ids:
        conn.execute(
            f"DELETE FROM sources WHERE id IN ({placeholders(len(source_ids))})", source_ids
        )
    for img in snap.events.values():
        if img is None:
            continue
        _insert(conn, "events", img["row"])
        eid = img["row"]["id"]
        conn.executemany(
            "INSERT INTO event_tags (event_id, tag) VALUES (?, ?)", [(eid, t) for t in img["tags"]]
        )
        for s in img["sources"]:
            _insert(conn, "sources", s)
    for did, dimg in snap.documents.items():
        if dimg is None:
            continue
        row = {k: v for k, v in dimg["row"].items() if k != "id"}
        conn.execute(
            f"UPDATE documents SET {', '.join(f'{_q(k)} = ?' for k in row)} WHERE id = ?",
            [*row.values(), did],
        )
        conn.execute("DELETE FROM timexes WHERE document_id = ?", (did,))
        for t in dimg["timexes"]:
            _insert(conn, "timexes", t)
    for pair, pimg in snap.dismissals.items():
        conn.execute("DELETE FROM merge_dismissals WHERE event_a = ? AND event_b = ?", pair)
        if pimg is not None:
            _insert(conn, "merge_dismissals", pimg)


def verify(conn: sqlite3.Connection, expected: Snapshot, what: str) -> None:
    """Raise ConflictError unless the touched rows are still as ``expected`` left them."""
    for eid, img in expected.events.items():
        row = conn.execute("SELECT version FROM events WHERE id = ?", (eid,)).fetchone()
        want = None if img is None else img["row"]["version"]
        have = None if row is None else row[0]
        if want != have:
            raise ConflictError(
                f"Cannot {what}: event {eid} was changed since (by another edit or import)."
            )
    for did, dimg in expected.documents.items():
        cur = document_image(conn, did)
        if (cur or {}).get("row") != (dimg or {}).get("row"):
            raise ConflictError(f"Cannot {what}: document {did} was changed since.")
    for pair, pimg in expected.dismissals.items():
        if dismissal_image(conn, pair) != pimg:
            raise ConflictError(
                f"Cannot {what}: the merge suggestion for events {pair[0]} and {pair[1]} "
                "was changed since."
            )


def _event_view(img: Image | None) -> dict[str, Any]:
    if img is None:
        return {}
    view = {k: v for k, v in img["row"].items() if k not in _QUIET}
    view["flags"] = list(json_list(view.get("flags")))
    view["end"] = view.pop("end_value", None)
    view["tags"] = list(img["tags"])
    view["sources"] = [
        {"id": s["id"], "document": s["document_id"], "text": s["timex_text"], "value": s["value"]}
        for s in img["sources"]
    ]
    return view


def _document_view(img: Image | None) -> dict[str, Any]:
    if img is None:
        return {}
    view = {k: v for k, v in img["row"].items() if k not in _QUIET}
    view["timexes"] = [
        [t["start"], t["text"], t["reviewed_value"] or t["value"]] for t in img["timexes"]
    ]
    return view


def field_diff(
    before: dict[str, Any], after: dict[str, Any]
) -> tuple[dict[str, Any], dict[str, Any]]:
    if not before or not after:
        return before, after
    keys = [k for k in after if before.get(k) != after.get(k)]
    b = {k: before.get(k) for k in keys}
    a = {k: after[k] for k in keys}
    if "sources" in keys:
        # Only the sources that went, came or changed: an event can have hundreds.
        old = {s["id"]: s for s in before.get("sources") or []}
        new = {s["id"]: s for s in after.get("sources") or []}
        b["sources"] = [s for i, s in old.items() if new.get(i) != s]
        a["sources"] = [s for i, s in new.items() if old.get(i) != s]
    return b, a


class Tx:
    """The writes of one transaction; ``Store.transaction()`` makes one."""

    def __init__(self, conn: sqlite3.Connection, who: str, *, deferred: bool = False) -> None:
        self.conn = conn
        self.who = who
        # inside a run (``Store.begin_run``): new documents' and events' search rows are written as
        # the run commits (``store.pending``)
        self.deferred = deferred
        self.now = now_utc()
        self.before = Snapshot()

    # ---- tracking ----
    def touch_event(self, event_id: int) -> None:
        if event_id in self.before.events:
            return
        img = event_image(self.conn, event_id)
        if img is None:
            raise NotFound(f"There is no event {event_id}.")
        self.before.events[event_id] = img
        self.conn.execute(
            "UPDATE events SET version = version + 1, updated_at = ? WHERE id = ?",
            (self.now, event_id),
        )

    def touch_document(self, document_id: int) -> None:
        if document_id in self.before.documents:
            return
        img = document_image(self.conn, document_id)
        if img is None:
            raise NotFound(f"There is no document {document_id}.")
        self.before.documents[document_id] = img

    def after(self) -> Snapshot:
        return take_snapshot(
            self.conn, self.before.events, self.before.documents, self.before.dismissals
        )

    # ---- merge dismissals ----
    def set_dismissed(self, event_a: int, event_b: int, dismissed: bool) -> tuple[int, int]:
        """Record (or drop) "these two are not the same happening"; the pair is stored a < b."""
        pair = (min(event_a, event_b), max(event_a, event_b))
        if pair not in self.before.dismissals:
            self.before.dismissals[pair] = dismissal_image(self.conn, pair)
        self.conn.execute("DELETE FROM merge_dismissals WHERE event_a = ? AND event_b = ?", pair)
        if dismissed:
            self.conn.execute(
                "INSERT INTO merge_dismissals (event_a, event_b, at, who) VALUES (?, ?, ?, ?)",
                (*pair, self.now, self.who),
            )
        return pair

    # ---- events ----
    def insert_event(self, row: Mapping[str, Any], tags: Sequence[str] = ()) -> int:
        data = {"created_at": self.now, "updated_at": self.now, **row}
        if isinstance(data.get("flags"), (list, tuple)):
            data["flags"] = dumps(sorted(set(data["flags"])))
        eid = _insert(self.conn, "events", data)
        self.before.events[eid] = None
        if tags:
            self.conn.executemany(
                "INSERT OR IGNORE INTO event_tags (event_id, tag) VALUES (?, ?)",
                [(eid, t) for t in tags],
            )
        return eid

    def update_event(self, event_id: int, **values: Any) -> None:
        self.touch_event(event_id)
        if "flags" in values and isinstance(values["flags"], (list, tuple, set, frozenset)):
            values["flags"] = dumps(sorted(set(values["flags"])))
        if values:
            self.conn.execute(
                f"UPDATE events SET {', '.join(f'{_q(k)} = ?' for k in values)} WHERE id = ?",
                [*values.values(), event_id],
            )

    def event_row(self, event_id: int) -> sqlite3.Row:
        row = self.conn.execute("SELECT * FROM events WHERE id = ?", (event_id,)).fetchone()
        if row is None:
            raise NotFound(f"There is no event {event_id}.")
        return row

    def index_pending_events(self, first_id: int) -> None:
        """Put the events inserted with ``search_pending`` (schema m007), ids ``first_id`` on, into
        the search index. One statement, in rowid order: FTS5 flushes its pending rows to a new
        segment whenever a statement that writes it begins inside a transaction, so one UPDATE per
        event (as with executemany) wrote and then merged a segment per event. The caller inserted
        every pending event from ``first_id`` on, so the range holds them and no other. Their
        ``quotes`` are gathered here too: their sources' inserts left them alone (schema m013)."""
        if self.deferred:
            return  # the run writes them as it commits
        pending.index_events(self.conn, first_id - 1)

    def set_tags(self, event_id: int, tags: Iterable[str]) -> None:
        self.touch_event(event_id)
        self.conn.execute("DELETE FROM event_tags WHERE event_id = ?", (event_id,))
        self.conn.executemany(
            "INSERT OR IGNORE INTO event_tags (event_id, tag) VALUES (?, ?)",
            [(event_id, t) for t in tags],
        )

    def delete_event(self, event_id: int) -> None:
        self.touch_event(event_id)
        self.conn.execute("DELETE FROM events WHERE id = ?", (event_id,))

    # ---- sources ----
    def insert_source(self, event_id: int, row: Mapping[str, Any]) -> int:
        self.touch_event(event_id)
        return _insert(self.conn, "sources", {**row, "event_id": event_id})

    def source_row(self, source_id: int) -> sqlite3.Row:
        row = self.conn.execute("SELECT * FROM sources WHERE id = ?", (source_id,)).fetchone()
        if row is None:
            raise NotFound(f"There is no source {source_id}.")
        return row

    def move_source(self, source_id: int, event_id: int) -> None:
        old = self.source_row(source_id)["event_id"]
        self.touch_event(old)
        self.touch_event(event_id)
        self.conn.execute("UPDATE sources SET event_id = ? WHERE id = ?", (event_id, source_id))

    def update_source(self, source_id: int, **values: Any) -> None:
        self.touch_event(self.source_row(source_id)["event_id"])
        self.conn.execute(
            f"UPDATE sources SET {', '.join(f'{_q(k)} = ?' for k in values)} WHERE id = ?",
            [*values.values(), source_id],
        )

    def delete_source(self, source_id: int) -> None:
        self.touch_event(self.source_row(source_id)["event_id"])
        self.conn.execute("DELETE FROM sources WHERE id = ?", (source_id,))

    # ---- documents ----
    def insert_document(self, row: Mapping[str, Any]) -> int:
        """A new document (an import): its row as given, stamped with this transaction's time (in a
        run, marked for its search row to be written as the run commits)."""
        pending = {"search_pending": 1} if self.deferred else {}
        return _insert(self.conn, "documents", {**row, "imported_at": self.now, **pending})

    def update_document(self, document_id: int, **values: Any) -> None:
        self.touch_document(document_id)
        self.conn.execute(
            f"UPDATE documents SET {', '.join(f'{_q(k)} = ?' for k in values)} WHERE id = ?",
            [*values.values(), document_id],
        )

    def set_copy_of(self, document_id: int, original_id: int) -> None:
        """Link a document to the stored original it copies (bookkeeping the caller audits)."""
        self.conn.execute(
            "UPDATE documents SET copy_of = ? WHERE id = ?", (original_id, document_id)
        )

    def set_extractor_version(self, document_id: int, version: str) -> None:
        """Which engine last read the document: bookkeeping, kept out of its before-image and audit."""
        self.conn.execute(
            "UPDATE documents SET extractor_version = ? WHERE id = ?", (version, document_id)
        )

    def record_fingerprint(self, document_id: int, fingerprint: bytes, keys: Iterable[int]) -> None:
        """Store a document's fingerprint and index its sketch keys (``ingest.copies``)."""
        self.conn.execute(
            "INSERT OR REPLACE INTO document_fingerprints (document_id, fingerprint) VALUES (?, ?)",
            (document_id, fingerprint),
        )
        rows = [(k, document_id) for k in keys]
        insert_values(self.conn, "fingerprint_keys", _KEY_COLUMNS, rows, "INSERT OR IGNORE")

    def replace_timexes(self, document_id: int, rows: Sequence[Mapping[str, Any]]) -> None:
        current = [
            {k: v for k, v in dict(r).items() if k not in ("id", "document_id")}
            for r in self.conn.execute(
                "SELECT * FROM timexes WHERE document_id = ? ORDER BY id", (document_id,)
            )
        ]
        if current == [dict(r) for r in rows]:
            return  # same reading: keep the ids that exports and the GUI already hold
        self.touch_document(document_id)
        self.conn.execute("DELETE FROM timexes WHERE document_id = ?", (document_id,))
        self.insert_timexes(document_id, rows)

    def insert_timexes(self, document_id: int, rows: Sequence[Mapping[str, Any]]) -> None:
        """Add timexes to a document that has none (one this transaction inserted)."""
        insert_rows(self.conn, "timexes", [{**r, "document_id": document_id} for r in rows])

    def insert_timex_values(
        self, document_id: int, columns: tuple[str, ...], values: Sequence[Sequence[Any]]
    ) -> None:
        """``insert_timexes`` of rows given as their values in ``columns`` order."""
        rows = [(document_id, *v) for v in values]
        insert_values(self.conn, "timexes", ("document_id", *columns), rows)

    # ---- audit ----
    def audit(
        self,
        action: str,
        entity: str,
        entity_id: int,
        before: Mapping[str, Any],
        after: Mapping[str, Any],
    ) -> None:
        self.conn.execute(
            "INSERT INTO audit (at, who, action, entity, entity_id, before, after) VALUES (?,?,?,?,?,?,?)",
            (self.now, self.who, action, entity, entity_id, dumps(before), dumps(after)),
        )


def audit_diff(
    tx: Tx, action: str, before: Snapshot, after: Snapshot, *, skip_created: bool = False
) -> dict[str, set[int]]:
    """Write one audit row per changed entity; return the ids that changed, by kind."""
    changed: dict[str, set[int]] = {
        "updated": set(),
        "added": set(),
        "removed": set(),
        "documents": set(),
    }
    for eid in sorted(set(before.events) | set(after.events)):
        b, a = _event_view(before.events.get(eid)), _event_view(after.events.get(eid))
        if b == a:
            continue
        if not b:
            changed["added"].add(eid)
        elif not a:
            changed["removed"].add(eid)
        else:
            changed["updated"].add(eid)
        for img in (before.events.get(eid), after.events.get(eid)):
            if img:
                changed["documents"].update(s["document_id"] for s in img["sources"])
        if skip_created and not b:
            continue
        db, da = field_diff(b, a)
        tx.audit(action, "event", eid, db, da)
    for did in sorted(set(before.documents) | set(after.documents)):
        b, a = _document_view(before.documents.get(did)), _document_view(after.documents.get(did))
        if b == a:
            continue
        changed["documents"].add(did)
        db, da = field_diff(b, a)
        tx.audit(action, "document", did, db, da)
    for pair in sorted(set(before.dismissals) | set(after.dismissals)):
        was, now = before.dismissals.get(pair) is not None, after.dismissals.get(pair) is not None
        if was == now:
            continue
        # One row on each event so either event's history shows the analyst's judgement.
        for eid, other in (pair, pair[::-1]):
            changed["updated"].add(eid)
            tx.audit(
                action,
                "event",
                eid,
                {"not_same_as": other} if was else {},
                {"not_same_as": other} if now else {},
            )
    return changed
