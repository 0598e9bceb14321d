"""Rows of the project database to the shared value types, and back.

A document is stored from the engine's ``Article`` (``document_row``) and read back as a
``DocumentRecord`` (``document_record``), whose ``article()`` is that article again: why there are three
shapes of one article is told in ``model.Article``.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from ..model import (
    Article,
    AuditEntry,
    DocumentRecord,
    EventRecord,
    Granularity,
    SourceRecord,
    Status,
    TimexRecord,
)

Row = Mapping[str, Any]

EVENT_COLUMNS = (
    "id, title, value, end_value, granularity, earliest, latest, status, confidence, origin, "
    "description, notes, location, actors, reliability, credibility, flags, version, created_at, "
    "updated_at"
)
SOURCE_COLUMNS = (
    "s.id, s.event_id, s.document_id, s.sentence_start, s.sentence_end, s.timex_start, s.timex_end, "
    "s.quote, s.timex_text, s.value, s.rule, s.origin, s.extractor_version, s.match_terms, "
    "s.basis, s.joined, d.title AS document_title, d.copy_of"
)
DOCUMENT_COLUMNS = (
    "id, content_hash, title, text, published, published_source, source, url, author, language, "
    "path, imported_at, format, encoding"
)


def iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day is not None else None


def day(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def now_utc() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="microseconds")


def dumps(value: object) -> str:
    return _ENCODE(value)


# ``json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)``, without making an encoder
# every call (an import writes a few a document)
_ENCODE = json.JSONEncoder(ensure_ascii=False, sort_keys=True, default=str).encode


def json_list(text: str | None) -> tuple[str, ...]:
    if not text:
        return ()
    return tuple(json.loads(text))


def granularity(text: str | None) -> Granularity:
    try:
        return Granularity(text or "unknown")
    except ValueError:
        return Granularity.UNKNOWN


def source_record(r: Row) -> SourceRecord:
    return SourceRecord(
        id=r["id"],
        event_id=r["event_id"],
        document_id=r["document_id"],
        sentence_start=r["sentence_start"],
        sentence_end=r["sentence_end"],
        timex_start=r["timex_start"],
        timex_end=r["timex_end"],
        quote=r["quote"],
        timex_text=r["timex_text"],
        value=r["value"],
        rule=r["rule"],
        origin=r["origin"],
        extractor_version=r["extractor_version"],
        document_title=r["document_title"] or "",
        match_terms=json_list(r["match_terms"]),
        basis=r["basis"] or "",
        joined=r["joined"] or "",
        copy_of=r["copy_of"],
    )


def event_record(
    r: Row, tags: Sequence[str] = (), sources: Sequence[SourceRecord] = ()
) -> EventRecord:
    return EventRecord(
        id=r["id"],
        title=r["title"],
        value=r["value"],
        end=r["end_value"],
        granularity=granularity(r["granularity"]),
        earliest=day(r["earliest"]),
        latest=day(r["latest"]),
        status=Status(r["status"]),
        confidence=r["confidence"],
        origin=r["origin"],
        description=r["description"],
        tags=tuple(sorted(tags)),
        notes=r["notes"],
        location=r["location"],
        actors=r["actors"],
        reliability=r["reliability"],
        credibility=r["credibility"],
        flags=json_list(r["flags"]),
        version=r["version"],
        created_at=r["created_at"],
        updated_at=r["updated_at"],
        sources=tuple(sources),
    )


def document_record(r: Row) -> DocumentRecord:
    return DocumentRecord(
        id=r["id"],
        content_hash=r["content_hash"],
        title=r["title"],
        text=r["text"],
        published=day(r["published"]),
        published_source=r["published_source"],
        source=r["source"],
        url=r["url"],
        author=r["author"],
        language=r["language"],
        path=r["path"],
        imported_at=r["imported_at"],
        format=r["format"],
        encoding=r["encoding"],
    )


def document_row(a: Article, content_hash: str, extractor_version: str) -> dict[str, Any]:
    """The ``documents`` row of an article being imported (``Tx.insert_document`` stamps its time);
    ``document_record(...).article()`` gives the article back."""
    return {
        "content_hash": content_hash,
        "title": a.title,
        "text": a.text,
        "published": iso(a.published),
        "published_source": a.published_source,
        "source": a.source,
        "url": a.url,
        "author": a.author,
        "language": a.language,
        "path": a.path,
        "format": a.format,
        "encoding": a.encoding,
        "extractor_version": extractor_version,
    }


def timex_record(r: Row, reviewed: bool = True) -> TimexRecord:
    value = (r["reviewed_value"] or r["value"]) if reviewed else r["value"]
    return TimexRecord(
        id=r["id"],
        document_id=r["document_id"],
        start=r["start"],
        end=r["end"],
        text=r["text"],
        type=r["type"],
        value=value,
        granularity=r["granularity"],
        anchor=r["anchor"],
        rule=r["rule"],
        confidence=r["confidence"],
        earliest=day(r["earliest"]),
        latest=day(r["latest"]),
        explanation=r["explanation"] or "",
        alternatives=json_list(r["alternatives"]),
    )


def audit_entry(r: Row) -> AuditEntry:
    return AuditEntry(
        id=r["id"],
        at=r["at"],
        who=r["who"],
        action=r["action"],
        entity=r["entity"],
        entity_id=r["entity_id"],
        before=json.loads(r["before"] or "{}"),
        after=json.loads(r["after"] or "{}"),
    )


def chunks(ids: Sequence[int], size: int = 900) -> Iterable[Sequence[int]]:
    for i in range(0, len(ids), size):
        yield ids[i : i + size]


def placeholders(n: int) -> str:
    return ",".join("?" * n)


def fetch_events(conn: sqlite3.Connection, ids: Sequence[int]) -> dict[int, EventRecord]:
    """Rows, tags and sources of ``ids`` in three batched queries per 900 ids."""
    out: dict[int, EventRecord] = {}
    for part in chunks(list(ids)):
        marks = placeholders(len(part))
        rows = conn.execute(
            f"SELECT {EVENT_COLUMNS} FROM events WHERE id IN ({marks})", part
        ).fetchall()
        tags: dict[int, list[str]] = {}
        for eid, tag in conn.execute(
            f"SELECT event_id, tag FROM event_tags WHERE event_id IN ({marks})", part
        ):
            tags.setdefault(eid, []).append(tag)
        sources: dict[int, list[SourceRecord]] = {}
        for r in conn.execute(
            f"SELECT {SOURCE_COLUMNS} FROM sources s JOIN documents d ON d.id = s.document_id "
            f"WHERE s.event_id IN ({marks}) ORDER BY s.document_id, s.sentence_start, s.id",
            part,
        ):
            sources.setdefault(r["event_id"], []).append(source_record(r))
        for r in rows:
            out[r["id"]] = event_record(r, tags.get(r["id"], ()), sources.get(r["id"], ()))
    return out


def terms_json(terms: Sequence[str]) -> str:
    """A JSON list column (match terms, alternatives): compact, so imports encode little.

    Words need no escaping, so most lists are joined directly; the text is ``json.dumps``' own.
    """
    if not terms:
        return "[]"
    if _NO_ESCAPES.match("".join(terms)):  # the terms, not the quotes that will join them
        return '["' + '","'.join(terms) + '"]'
    return json.dumps(list(terms), ensure_ascii=False, separators=(",", ":"))


# What json.dumps(ensure_ascii=False) leaves as it is: anything but quotes, backslashes, controls.
_NO_ESCAPES = re.compile(r'[^"\\\x00-\x1f]*\Z')
