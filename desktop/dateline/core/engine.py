"""The engine's one entry point: articles in, temporal expressions and proposed events out.

Pure: no store, no files. Extraction (``dateline extract``) analyses a set of articles together, so
reports of one happening in several of them become one proposed event; the import analyses each new
article alone and leaves matching against what is stored to ``core.ingest``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from .model import Article, ProposedEvent, Timex


@dataclass(frozen=True, slots=True)
class Analysis:
    article: Article
    timexes: tuple[Timex, ...]
    proposals: tuple[ProposedEvent, ...]


def find_timexes(article: Article) -> tuple[Timex, ...]:
    from .temporal import find_timexes as find

    return tuple(find(article.text, article.published, article.language))


def analyse(article: Article, timexes: Sequence[Timex] | None = None) -> Analysis:
    """``article``'s timexes (found unless given) and the events they propose on their own."""
    from .proposals import propose_events

    found = tuple(timexes) if timexes is not None else find_timexes(article)
    return Analysis(article, found, tuple(propose_events([article], {article.id: found})))


def for_document(proposals: Sequence[ProposedEvent], document: str) -> tuple[ProposedEvent, ...]:
    """``proposals`` of an article analysed before it had a document id, as if analysed under
    ``document``: the id is what tells two reports of one sentence apart when matching."""
    return tuple(
        replace(p, sources=tuple(replace(s, document=document) for s in p.sources))
        for p in proposals
    )


def analyse_together(
    articles: Sequence[Article], progress: Callable[[int, int, str], None] | None = None
) -> tuple[list[tuple[Article, tuple[Timex, ...]]], list[ProposedEvent]]:
    """Every article's timexes, and the events of all of them together (one event per happening
    however many articles report it)."""
    from .proposals import propose_events

    found: list[tuple[Article, tuple[Timex, ...]]] = []
    for i, article in enumerate(articles):
        if progress:
            progress(i, len(articles), article.path or article.id)
        found.append((article, find_timexes(article)))
    events = propose_events(articles, {a.id: t for a, t in found})
    return found, events


def propose(articles: Sequence[Article]) -> list[ProposedEvent]:
    """The events ``articles`` propose together (``analyse_together`` without the timexes)."""
    return analyse_together(articles)[1]
