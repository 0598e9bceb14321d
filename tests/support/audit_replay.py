"""Checks that a project's audit trail tells its events' story exactly.

Starting from the events as they were at some audit row (``views``), replaying every later event audit
row, in order, must give the events as they are stored now; and each row's "before" must be what the
replay holds at that point. The view of an event is what its audit rows record: every column but the
bookkeeping ones (version, timestamps, machine keys), its flags, tags and sources (id, document, date
text, value). A write that changed an event without its audit row (or an audit row whose write was
lost) breaks the chain.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

QUIET = {
    "version",
    "updated_at",
    "created_at",
    "machine_key",
    "merged_from",
    "extractor_version",
    "search_pending",
    "quotes",  # the sources' quotes gathered for search (m010), kept by triggers, not audited
}

View = dict[str, Any]


def _connect(db: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    return conn


def views(db: Path) -> tuple[int, dict[int, View]]:
    """(last audit id, every event's view) read in one transaction."""
    conn = _connect(db)
    try:
        conn.execute("BEGIN")
        last = conn.execute("SELECT coalesce(max(id), 0) FROM audit").fetchone()[0]
        tags: dict[int, list[str]] = {}
        for r in conn.execute("SELECT event_id, tag FROM event_tags ORDER BY event_id, tag"):
            tags.setdefault(r[0], []).append(r[1])
        sources: dict[int, list[View]] = {}
        for s in conn.execute(
            "SELECT id, event_id, document_id, timex_text, value FROM sources ORDER BY id"
        ):
            sources.setdefault(s["event_id"], []).append(
                {"id": s["id"], "document": s["document_id"], "text": s["timex_text"],
                 "value": s["value"]}
            )  # fmt: skip
        out: dict[int, View] = {}
        for row in conn.execute("SELECT * FROM events ORDER BY id"):
            view = {k: v for k, v in dict(row).items() if k not in QUIET}
            view["flags"] = json.loads(view["flags"] or "[]")
            view["end"] = view.pop("end_value")
            view["tags"] = tags.get(row["id"], [])
            view["sources"] = sources.get(row["id"], [])
            out[row["id"]] = json.loads(json.dumps(view))
        conn.execute("COMMIT")
        return last, out
    finally:
        conn.close()


def replay(db: Path, since: int, start: dict[int, View]) -> tuple[dict[int, View], list[str]]:
    """The views after replaying the event audit rows after ``since`` over ``start``, and every
    place a row's "before" did not match what the replay held."""
    state = {eid: json.loads(json.dumps(v)) for eid, v in start.items()}
    problems: list[str] = []
    conn = _connect(db)
    try:
        rows = conn.execute(
            "SELECT id, action, entity_id, before, after FROM audit "
            "WHERE entity = 'event' AND id > ? ORDER BY id",
            (since,),
        ).fetchall()
    finally:
        conn.close()
    for row in rows:
        eid, before, after = row["entity_id"], json.loads(row["before"]), json.loads(row["after"])
        where = f"audit {row['id']} ({row['action']} event {eid})"
        if set(before) | set(after) <= {"not_same_as"}:
            continue  # a dismissed (or restored) merge suggestion: no column of the event
        if not before:
            if eid in state:
                problems.append(f"{where}: created, but it already existed")
            state[eid] = after
            continue
        current = state.get(eid)
        if current is None:
            problems.append(f"{where}: the event does not exist at that point")
            continue
        if not after:
            if before != current:
                problems.append(f"{where}: removed, but its last image differs")
            del state[eid]
            continue
        for key, value in before.items():
            if key != "sources" and current.get(key) != value:
                problems.append(f"{where}: {key} was {current.get(key)!r}, the row says {value!r}")
        for key, value in after.items():
            if key == "sources":
                kept = {s["id"]: s for s in current["sources"]}
                for s in before.get("sources") or []:
                    if kept.pop(s["id"], None) != s:
                        problems.append(f"{where}: source {s['id']} was not as the row says")
                for s in value:
                    kept[s["id"]] = s
                current["sources"] = [kept[i] for i in sorted(kept)]
            else:
                current[key] = value
    return state, problems


def check(db: Path, since: int, start: dict[int, View]) -> list[str]:
    """Every way the audit trail after ``since`` fails to tell how ``start`` became the stored
    events (empty when it tells it exactly)."""
    replayed, problems = replay(db, since, start)
    _, stored = views(db)
    for eid in sorted(set(replayed) | set(stored)):
        a, b = replayed.get(eid), stored.get(eid)
        if a != b:
            if a is None or b is None:
                problems.append(f"event {eid}: {'stored' if a is None else 'replayed'} only")
            else:
                keys = sorted(k for k in set(a) | set(b) if a.get(k) != b.get(k))
                problems.append(f"event {eid}: the audit gives other {', '.join(keys)}")
    return problems
