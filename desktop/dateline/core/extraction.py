"""Headless extraction: files in, proposed timeline out (what ``dateline extract`` prints).

The JSON shape made here is the base of every later export; keep its keys stable.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from . import timevalue
from .engine import analyse_together
from .errors import ImportFailed, InputError
from .model import Article, ProposedEvent, Timex


@dataclass(frozen=True, slots=True)
class ExtractedDocument:
    article: Article
    timexes: tuple[Timex, ...]


@dataclass(frozen=True, slots=True)
class ExtractionResult:
    documents: tuple[ExtractedDocument, ...]
    events: tuple[ProposedEvent, ...]
    failed: tuple[tuple[str, str], ...] = ()  # (path, reason) of files that could not be read


def _document_id(path: Path, index: int, taken: set[str]) -> str:
    """A readable id: the file name, made unique when two files share it."""
    base = path.name if "#" not in str(path) else f"{path.name}"
    ident = base
    n = 2
    while ident in taken:
        ident = f"{base}~{n}"
        n += 1
    taken.add(ident)
    return ident


def read_documents(
    paths: Sequence[str | Path], published: dt.date | None = None
) -> tuple[list[Article], list[tuple[str, str]]]:
    """Read article files (folders walked) into Articles; bad files are returned with their reason."""
    from .readers import iter_article_files, read_articles

    articles: list[Article] = []
    failed: list[tuple[str, str]] = []
    taken: set[str] = set()
    for path in iter_article_files(paths):
        try:
            parsed = read_articles(path, published=published)
        except ImportFailed as exc:
            failed.append((exc.path, exc.reason))
            continue
        for item in parsed:
            articles.append(item.article(_document_id(Path(item.path), len(articles), taken)))
    return articles, failed


def extract(
    articles: Sequence[Article],
    progress: Callable[[int, int, str], None] | None = None,
) -> ExtractionResult:
    """The articles' timexes and the events they propose together (one event per happening
    however many articles report it).

    An article longer than ``pieces.LONG`` is read as an import reads it, a piece at a time
    (``ingest.pieces``), so a book-length file costs time linear in its length; its events are its
    pieces' proposals, which are not grouped with other articles' (an import joins them when it
    stores them).
    """
    from .ingest import pieces

    long = {a.id: a for a in articles if len(a.text) > pieces.LONG}
    found, events = analyse_together([a for a in articles if a.id not in long], progress)
    timexes = {a.id: t for a, t in found}
    for n, article in enumerate(long.values()):
        if progress:
            progress(len(articles) - len(long) + n, len(articles), article.path or article.id)
        reading = pieces.read(article)
        timexes[article.id] = reading.timexes
        events.extend(reading.proposals)
    if long:
        events.sort(
            key=lambda e: (
                timevalue.sort_key(e.value, e.end),
                e.sources[0].document,
                e.sources[0].start,
            )
        )
    docs = tuple(ExtractedDocument(a, timexes[a.id]) for a in articles)
    return ExtractionResult(docs, tuple(events))


def extract_files(
    paths: Sequence[str | Path], published: dt.date | None = None
) -> ExtractionResult:
    articles, failed = read_documents(paths, published)
    if not articles:
        if failed:
            path, reason = failed[0]
            raise InputError(f"{path}: {reason}")
        raise InputError("no article files found in " + ", ".join(str(p) for p in paths))
    result = extract(articles)
    return ExtractionResult(result.documents, result.events, tuple(failed))


def _iso(d: dt.date | None) -> str | None:
    return d.isoformat() if d else None


def timex_json(document: str, t: Timex) -> dict[str, object]:
    anchor = t.anchor.value if t.anchor_start is None else f"{t.anchor.value}:{t.anchor_start}"
    return {
        "document": document,
        "start": t.start,
        "end": t.end,
        "text": t.text,
        "type": t.type.value,
        "value": t.value,
        "granularity": t.granularity.value,
        "earliest": _iso(t.earliest),
        "latest": _iso(t.latest),
        "anchor": anchor,
        "needs_anchor": t.needs_anchor,
        "rule": t.rule,
        "confidence": t.confidence,
        "explanation": t.explanation,
    }


def event_json(e: ProposedEvent) -> dict[str, object]:
    return {
        "id": e.id,
        "title": e.title,
        "value": e.value,
        "end": e.end,
        "granularity": e.granularity.value,
        "earliest": _iso(e.earliest),
        "latest": _iso(e.latest),
        "label": timevalue.label(e.value, e.end),
        "confidence": e.confidence,
        "sources": [
            {
                "document": s.document,
                "start": s.start,
                "end": s.end,
                "text": s.text,
                "sentence": s.sentence,
                "sentence_start": s.sentence_start,
                "sentence_end": s.sentence_end,
                "rule": s.rule,
                "value": s.value,
                "confidence": s.confidence,
                "basis": s.basis,
                "joined": s.joined,
            }
            for s in e.sources
        ],
    }


def to_json(result: ExtractionResult) -> dict[str, object]:
    return {
        "documents": [
            {
                "id": d.article.id,
                "path": d.article.path,
                "title": d.article.title,
                "published": _iso(d.article.published),
                "published_source": d.article.published_source,
            }
            for d in result.documents
        ],
        "events": [event_json(e) for e in result.events],
        "timexes": [timex_json(d.article.id, t) for d in result.documents for t in d.timexes],
        "failed": [{"path": p, "reason": r} for p, r in result.failed],
    }
