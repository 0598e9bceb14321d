"""Turn dated sentences into proposed timeline events, one event per happening.

Every DATE/TIME mention yields a candidate (the clause it dates, its key terms, whether it dates a
statement). Candidates describing the same happening, in one article or several, are then clustered:
statements by the same speaker on the same day are one event (a press conference reported five ways);
other candidates join when their dates are compatible (equal, or one containing the other) and their key
terms overlap enough, weighted so that words every sentence shares ("NATO", "Ukraine") count for little.
"""

from __future__ import annotations

import functools
import hashlib
import itertools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from . import timevalue
from .eventtext import Frame, analyse, idf_weights, overlap, sentence_speaker
from .model import Article, Granularity, ProposedEvent, Sentence, SourceRef, Timex, TimexType
from .sentences import SentenceIndex, split_sentences

# Same date: a modest overlap of distinctive terms is enough. A coarser date containing a finer one
# ("earlier this year" vs "in July") needs stronger evidence.
SAME_DATE_THRESHOLD = 0.30
CONTAINED_THRESHOLD = 0.40
_PERIOD_OF = re.compile(r"\b(?:rest|remainder|balance)\s+of\s+(?:the\s+)?$", re.IGNORECASE)
_UNDATED_VALUES = {"PRESENT_REF", "PAST_REF", "FUTURE_REF"}


@dataclass(slots=True)
class Candidate:
    document: str
    timex: Timex
    end_timex: Timex | None  # last part of a coordinated/ranged expression
    sentence_start: int
    sentence_end: int
    sentence: str
    frame: Frame
    order: int  # position in the run, for stable output
    # Read for every pair the clustering compares, so worked out once.
    value: str = field(init=False)
    end: str | None = field(init=False)
    span: tuple[int, int] | None = field(init=False)  # first and last day (ordinals) covered

    def __post_init__(self) -> None:
        self.value = self.timex.value
        self.end = self.end_timex.value if self.end_timex is not None else None
        self.span = _span_days(self.value, self.end)


@functools.lru_cache(maxsize=4096)
def _span_days(value: str, end: str | None) -> tuple[int, int] | None:
    a, b = timevalue.span(value, end)
    return (a.toordinal(), b.toordinal()) if a and b else None


@dataclass(slots=True)
class _Cluster:
    members: list[Candidate] = field(default_factory=list)
    sentences: set[tuple[str, int]] = field(default_factory=set)  # (document, sentence_start)

    def add(self, c: Candidate) -> None:
        self.members.append(c)
        self.sentences.add((c.document, c.sentence_start))


def _candidates(article: Article, timexes: Sequence[Timex], start_order: int) -> list[Candidate]:
    sentences = split_sentences(article.text)
    index = SentenceIndex(sentences)
    by_group: dict[int, list[Timex]] = {}
    for t in timexes:
        if t.group is not None:
            by_group.setdefault(t.group, []).append(t)
    out: list[Candidate] = []
    last_speaker = _LastSpeaker(sentences)
    order = start_order
    for t in timexes:
        if t.type not in (TimexType.DATE, TimexType.TIME) or t.value in _UNDATED_VALUES:
            continue
        end_timex = None
        if t.group is not None and _is_range(by_group[t.group]):
            parts = by_group[t.group]
            if t is not parts[0]:
                continue  # a range is proposed once, from its first part
            end_timex = parts[-1]
        if _PERIOD_OF.search(article.text, max(0, t.start - 30), t.start):
            continue  # "for the rest of the year": a stretch of time, not a dated happening
        sent_i = index.index_of(t.start)
        s = index.at(t.start)
        if s is None:
            continue
        last_speaker.upto = max(last_speaker.upto, sent_i - 1)
        rel_end = (end_timex.end if end_timex else t.end) - s.start
        frame = analyse(s.text, t.start - s.start, rel_end, last_speaker, s.is_headline)
        out.append(Candidate(article.id, t, end_timex, s.start, s.end, s.text, frame, order))
        order += 1
    return out


class _LastSpeaker:
    """Who spoke last in sentences ``0..upto`` ("... he said" refers back to them), for ``analyse``.

    Finding them reads every earlier sentence and few dated statements need them, so the sentences are
    read only when asked, and each once.
    """

    def __init__(self, sentences: Sequence[Sentence]) -> None:
        self.sentences = sentences
        self.upto = -1
        self._read = -1
        self._speaker = ""

    def __call__(self) -> str:
        for k in range(self._read + 1, self.upto + 1):
            who = sentence_speaker(self.sentences[k].text)
            if who:
                self._speaker = who
        self._read = max(self._read, self.upto)
        return self._speaker


def _is_range(parts: Sequence[Timex]) -> bool:
    """A ranged expression ("July 9-11", "from Monday to Wednesday") or a coordination of adjacent
    periods ("Thursday and Friday") is one span; "in 2019 and 2021" is two dates."""
    if len(parts) < 2:
        return False
    if any(p.group_role in ("start", "end") for p in parts):
        return True
    for a, b in itertools.pairwise(parts):
        if a.latest is None or b.earliest is None or (b.earliest - a.latest).days != 1:
            return False
    return True


def _compatible(a: Candidate, b: Candidate) -> tuple[bool, bool]:
    """(compatible, same) for two candidates' date readings."""
    if a.value == b.value and a.end == b.end:
        return True, True
    sa, sb = a.span, b.span
    if sa is None or sb is None:
        return False, False
    contains = (sa[0] <= sb[0] and sb[1] <= sa[1]) or (sb[0] <= sa[0] and sa[1] <= sb[1])
    return contains, sa == sb


def _score(a: Candidate, b: Candidate, weights: dict[str, float]) -> float:
    """How strongly two candidates describe the same happening; 0 when they cannot."""
    if a.document == b.document and a.sentence_start == b.sentence_start:
        return 0.0  # two dates in one sentence date two things
    ok, same = _compatible(a, b)
    if not ok:
        return 0.0
    fa, fb = a.frame, b.frame
    if fa.speech or fb.speech:
        if fa.speech and fb.speech and same and fa.speaker and fa.speaker == fb.speaker:
            return 1.0
        return 0.0
    if fa.event_noun and fb.event_noun and fa.event_noun != fb.event_noun:
        return 0.0
    sim = overlap(fa.terms, fb.terms, weights)
    if fa.event_noun and fa.event_noun == fb.event_noun:
        sim += 0.25
    threshold = SAME_DATE_THRESHOLD if same else CONTAINED_THRESHOLD
    return sim if sim >= threshold else 0.0


def cluster_candidates(candidates: Sequence[Candidate]) -> list[list[Candidate]]:
    """Group candidates that report the same happening. Finest dates seed clusters first, so a coarse
    mention ("earlier this year") joins the precise one ("in July") rather than the reverse."""
    weights = idf_weights(c.frame.terms for c in candidates)

    def precision(c: Candidate) -> tuple[int, int]:
        span = c.span
        return ((span[1] - span[0]) if span else 10**9, c.order)

    clusters: list[_Cluster] = []
    for c in sorted(candidates, key=precision):
        best, best_score = None, 0.0
        sentence = (c.document, c.sentence_start)
        for cl in clusters:
            if sentence in cl.sentences:
                continue
            score = max(_score(c, m, weights) for m in cl.members)
            if score > best_score:
                best, best_score = cl, score
        if best is None:
            best = _Cluster()
            clusters.append(best)
        best.add(c)
    groups = [sorted(cl.members, key=lambda m: m.order) for cl in clusters]
    return sorted(groups, key=lambda g: g[0].order)


def title_quality(
    title: str, span: tuple[int, int] | None, speech: bool, order: int = 0
) -> tuple[int, int, int, int]:
    """Sort key of a candidate title, best first: statements (they name who said what), then a
    readable length, then the most precise date, then the earliest reported."""
    words = len(title.split())
    complete = not title.endswith("…")
    readable = 2 if 6 <= words <= 14 and complete else 1 if words >= 3 and complete else 0
    width = (span[1] - span[0]) if span else 10**9
    return (-int(speech and ":" in title), -readable, width, order)


def _title_for(members: Sequence[Candidate]) -> str:
    """The most informative title among the sources (``title_quality``)."""

    def quality(c: Candidate) -> tuple[int, int, int, int]:
        return title_quality(c.frame.title, c.span, c.frame.speech, c.order)

    return min(members, key=quality).frame.title


def _match_terms(frame: Frame) -> tuple[str, ...]:
    terms = set(frame.terms)
    if frame.speech and frame.speaker:
        terms.add("@" + frame.speaker.lower())
    if frame.event_noun:
        terms.add("#" + frame.event_noun)
    return tuple(sorted(terms))


def _event_id(members: Sequence[Candidate]) -> str:
    first = members[0]
    key = f"{first.document}:{first.timex.start}:{first.timex.end}"
    return "ev-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


def _source(m: Candidate) -> SourceRef:
    start, end = m.timex.start, (m.end_timex or m.timex).end
    return SourceRef(
        document=m.document,
        start=start,
        end=end,
        text=m.sentence[start - m.sentence_start : end - m.sentence_start],
        sentence=m.sentence,
        sentence_start=m.sentence_start,
        sentence_end=m.sentence_end,
        rule=m.timex.rule,
        value=m.value if m.end is None else f"{m.value}/{m.end}",
        confidence=m.timex.confidence,
        terms=_match_terms(m.frame),
    )


def _to_event(members: Sequence[Candidate]) -> ProposedEvent:
    best = min(members, key=lambda c: (c.span or (0, 10**9))[1] - (c.span or (0, 0))[0])
    value, end = best.value, best.end
    earliest, latest = timevalue.span(value, end)
    granularity = timevalue.granularity_of(value) if earliest else Granularity.UNKNOWN
    documents = {m.document for m in members}
    base = sum(m.timex.confidence for m in members) / len(members)
    # Independent reports raise confidence; an unresolved date lowers it.
    confidence = min(0.99, base * (0.85 + 0.1 * min(len(documents), 3)))
    if earliest is None:
        confidence *= 0.5
    sources = tuple(map(_source, members))
    # Each source's terms carry its markers for matching against stored events later (see
    # core.merging): "@speaker" and "#event-noun".
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


def candidates_for(
    articles: Sequence[Article], timexes: Mapping[str, Sequence[Timex]]
) -> list[Candidate]:
    out: list[Candidate] = []
    for article in articles:
        out.extend(_candidates(article, timexes.get(article.id, ()), len(out)))
    return out


def propose_events(
    articles: Sequence[Article], timexes: Mapping[str, Sequence[Timex]]
) -> list[ProposedEvent]:
    """Candidate timeline events for ``articles`` given each one's timexes (by article id), in date
    order (unresolved last). ``engine`` finds the timexes and calls this."""
    groups = cluster_candidates(candidates_for(articles, timexes))
    events = [_to_event(g) for g in groups]
    events.sort(
        key=lambda e: (
            timevalue.sort_key(e.value, e.end),
            e.sources[0].document,
            e.sources[0].start,
        )
    )
    return events
