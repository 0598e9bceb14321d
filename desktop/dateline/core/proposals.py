"""Turn articles into proposed timeline events, one event per happening.

Each article is read for reports of happenings (``happening.reading``): clauses a date dates, and
clauses that tell the article's news without a date of their own. Reports of one happening, in one
article or several, are then grouped (``happening.cluster``) on the evidence ``happening.same`` accepts,
and each group becomes one proposed event: the most precise date its reports state, the most
informative title, a confidence that estimates how likely that date is right.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence

from . import timevalue
from .happening.cluster import Group, cluster
from .happening.profile import Profile
from .happening.reading import Candidate, read_article
from .happening.same import Evidence
from .happening.wording import flaw, tidy
from .model import Article, Granularity, ProposedEvent, SourceRef, Timex

AGREEING_REPORT = 0.05  # each further article reporting the same date adds this to the confidence
MOST_SURE = 0.97


def candidates_for(
    articles: Sequence[Article], timexes: Mapping[str, Sequence[Timex]]
) -> list[Candidate]:
    out: list[Candidate] = []
    for article in articles:
        out.extend(read_article(article, timexes.get(article.id, ()), len(out)))
    return out


def propose_events(
    articles: Sequence[Article], timexes: Mapping[str, Sequence[Timex]]
) -> list[ProposedEvent]:
    """Candidate timeline events for ``articles`` given each one's timexes (by article id), in date
    order (unresolved last). ``engine`` finds the timexes and calls this."""
    return [event for event, _ in proposed(articles, timexes)]


def proposed(
    articles: Sequence[Article], timexes: Mapping[str, Sequence[Timex]]
) -> list[tuple[ProposedEvent, Profile | None]]:
    """``propose_events``, each event with its ``profile.of_proposal`` when clustering already has
    it (an event of one report, on that report's dates: most events), else None. Matching needs
    the profile of every event an import stores: this saves working most of them out again."""
    cands = candidates_for(articles, timexes)
    groups = cluster([c.profile for c in cands], _order(cands))
    events = [_with_profile(_to_event(cands, g), cands, g) for g in groups]
    events.sort(
        key=lambda pair: (
            timevalue.sort_key(pair[0].value, pair[0].end),
            pair[0].sources[0].document,
            pair[0].sources[0].start,
        )
    )
    return events


def _with_profile(
    event: ProposedEvent, cands: Sequence[Candidate], group: Group
) -> tuple[ProposedEvent, Profile | None]:
    """``event`` and its one report's profile, which is ``profile.of_proposal(event)``: the same
    terms, sentence and dates, dated by the story exactly when its basis says so
    (``profile.dated_by_story``), stated exactly when it has no basis."""
    if len(group.members) != 1:
        return event, None
    c = cands[group.members[0]]
    return event, c.profile if event.end == c.end_value else None


def _order(cands: Sequence[Candidate]) -> list[int]:
    """Dates the text states first, finest first; then inferred ones: a stated date leads its group."""

    def key(i: int) -> tuple[int, int, int]:
        span = cands[i].profile.span
        return (not cands[i].explicit, span.width if span else 10**9, i)

    return sorted(range(len(cands)), key=key)


def title_quality(
    title: str, span: tuple[int, int] | None, speech: bool, order: int = 0
) -> tuple[int, int, int, int, int]:
    """Sort key of a candidate title, best first: statements (they name who said what), then a
    title without a flaw (``wording.flaw``: a fragment, a pronoun for a subject, a cut), then a
    readable length, then the most precise date, then the earliest reported."""
    words = len(title.split())
    readable = 2 if 4 <= words <= 14 else 1 if words >= 2 else 0
    width = (span[1] - span[0]) if span else 10**9
    return (-int(speech and ":" in title), flaw(title), -readable, width, order)


def _title_for(members: Sequence[Candidate]) -> str:
    """The most informative title among the reports (``title_quality``); never empty."""

    def quality(c: Candidate) -> tuple[int, int, int, int, int]:
        span = c.profile.span
        days = (span.first, span.last) if span else None
        return title_quality(c.frame.title, days, c.frame.speech, c.order)

    # most events have one report: no title to weigh against another
    best = members[0] if len(members) == 1 else min(members, key=quality)
    return best.frame.title or _words_of(best)


def _words_of(c: Candidate) -> str:
    """A title for a report that has none: its sentence, shortened."""
    return tidy(c.sentence.text) or c.sentence.text.strip() or c.reading


def _event_id(members: Sequence[Candidate]) -> str:
    first = min(members, key=lambda c: c.order)
    key = f"{first.document}:{first.start}:{first.end}"
    return "ev-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


def _source(c: Candidate, evidence: Evidence | None, texts: Sequence[str] = ()) -> SourceRef:
    """``texts``: the sentences of the event's reports, in which an explanation finds the words
    the reports share."""
    s = c.sentence
    return SourceRef(
        document=c.document,
        start=c.start,
        end=c.end,
        text=s.text[c.start - s.start : min(c.end, s.end) - s.start],
        sentence=s.text,
        sentence_start=s.start,
        sentence_end=s.end,
        rule=c.rule,
        value=c.reading,
        confidence=c.confidence,
        terms=c.terms,
        basis=c.basis,
        joined=evidence.explain(texts or (s.text,)) if evidence is not None else "",
    )


def _date_of(members: Sequence[Candidate]) -> Candidate:
    """The report whose date the event takes: the finest date the text states, else the finest
    inferred one."""

    def width(c: Candidate) -> int:
        span = c.profile.span
        return span.width if span else 10**9

    stated = [c for c in members if c.explicit]
    return min(stated or members, key=lambda c: (width(c), c.order))


def _to_event(cands: Sequence[Candidate], group: Group) -> ProposedEvent:
    if len(group.members) == 1:
        members = [cands[group.members[0]]]  # most events have one report: nothing to order
    else:
        members = sorted((cands[i] for i in group.members), key=lambda c: c.order)
    best = _date_of(members)
    value, end = best.value, best.end_value
    earliest, latest = timevalue.span(value, end)
    if end and earliest and latest and latest < earliest:  # "from Monday to 1000": no range
        end = None
        earliest, latest = timevalue.span(value)
    granularity = timevalue.granularity_of(value) if earliest else Granularity.UNKNOWN
    confidence = _confidence(members, best)
    if earliest is None:
        confidence *= 0.5
    texts = [c.sentence.text for c in members]
    sources = tuple(
        _source(c, group.evidence.get(i), texts) for i, c in _indexed(group, cands, members)
    )
    terms = set().union(*(s.terms for s in sources))
    return ProposedEvent(
        id=_event_id(members),
        title=_title_for(members),
        value=value,
        end=end,
        granularity=granularity,
        earliest=earliest,
        latest=latest,
        confidence=round(confidence, 3),
        sources=sources,
        key_terms=tuple(sorted(terms)),
    )


def _indexed(
    group: Group, cands: Sequence[Candidate], members: Sequence[Candidate]
) -> list[tuple[int, Candidate]]:
    if len(members) == 1:
        return [(group.members[0], members[0])]
    position = {id(cands[i]): i for i in group.members}
    return [(position[id(c)], c) for c in members]


def _confidence(members: Sequence[Candidate], best: Candidate) -> float:
    """How likely the event's date is right: its best report's, raised a little by each further
    article that reports a date agreeing with it."""
    documents = {c.document for c in members}
    base = max(c.confidence for c in members if c.reading == best.reading or c is best)
    return min(MOST_SURE, base + AGREEING_REPORT * (min(len(documents), 4) - 1))
