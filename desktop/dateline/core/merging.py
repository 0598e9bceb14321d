"""Same happening, different reports: matching new proposals to stored events, and merge suggestions.

The rules are those of ``proposals`` (statements by one speaker on one day are one event; otherwise
compatible dates plus overlapping key terms), applied to stored events, whose frames are rebuilt from
their sources' sentences.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from math import fsum

from . import timevalue
from .eventtext import analyse, idf_weights, key_terms
from .model import EventRecord, ProposedEvent, Status

SAME_DATE_THRESHOLD = 0.30
CONTAINED_THRESHOLD = 0.40


@dataclass(frozen=True, slots=True)
class Profile:
    """What matching needs to know about an event, stored or proposed."""

    value: str
    end: str | None
    speakers: frozenset[str]
    speech: bool
    event_nouns: frozenset[str]
    terms: frozenset[str]
    sentences: frozenset[tuple[str, int]]  # (document, sentence start) of every source
    # The days covered, as ordinals: parsed once here, since scoring asks for it per pair.
    days: tuple[int, int] | None = field(default=None, init=False, compare=False)

    def __post_init__(self) -> None:
        a, b = timevalue.span(self.value, self.end)
        object.__setattr__(self, "days", (a.toordinal(), b.toordinal()) if a and b else None)

    def span(self) -> tuple[int, int] | None:
        return self.days

    def keys(self) -> frozenset[str]:
        """What two profiles must share for ``score`` to be above 0: speakers of statements
        ("@name"), otherwise key terms and event nouns ("#noun")."""
        if self.speech:
            return frozenset("@" + s for s in self.speakers)
        return self.terms | frozenset("#" + n for n in self.event_nouns)


def profile_of_proposal(event: ProposedEvent) -> Profile:
    speakers = frozenset(t[1:] for t in event.key_terms if t.startswith("@"))
    nouns = frozenset(t[1:] for t in event.key_terms if t.startswith("#"))
    terms = frozenset(t for t in event.key_terms if t[0] not in "@#")
    return Profile(
        event.value,
        event.end,
        speakers,
        "statement" in terms,
        nouns,
        terms,
        frozenset((s.document, s.sentence_start) for s in event.sources),
    )


def profile_of_record(event: EventRecord) -> Profile:
    speakers: set[str] = set()
    nouns: set[str] = set()
    terms: set[str] = set(key_terms(event.title))
    speech = False
    for s in event.sources:
        if s.match_terms:
            # Stored with the article's context at extraction time: no re-analysis, speakers kept.
            for t in s.match_terms:
                if t.startswith("@"):
                    speakers.add(t[1:])
                    speech = True
                elif t.startswith("#"):
                    nouns.add(t[1:])
                else:
                    terms.add(t)
            continue
        if s.timex_start is None or s.timex_end is None:
            terms |= key_terms(s.quote)
            continue
        frame = analyse(s.quote, s.timex_start - s.sentence_start, s.timex_end - s.sentence_start)
        terms |= frame.terms
        if frame.speech:
            speech = True
            if frame.speaker:
                speakers.add(frame.speaker.lower())
        if frame.event_noun:
            nouns.add(frame.event_noun)
    speech = speech or "statement" in terms
    if ":" in event.title and not speech:
        # "Rutte: ..." titles mark statements even when the sources' context was lost.
        who = event.title.split(":", 1)[0].strip()
        if who and " " not in who:
            speech = True
            speakers.add(who.lower())
    if speech:
        terms.add("statement")
    return Profile(
        event.value,
        event.end,
        frozenset(speakers),
        speech,
        frozenset(nouns),
        frozenset(terms),
        frozenset((str(s.document_id), s.sentence_start) for s in event.sources),
    )


def score(a: Profile, b: Profile, weights: dict[str, float] | None = None) -> float:
    """How strongly two profiles describe one happening, 0 when they cannot.

    Terms weigh ``weights[t]`` (1.0 when absent or without weights): the overlap coefficient of
    ``eventtext.overlap``.
    """
    w = weights or {}
    get = w.get
    return _score_with_totals(
        a, b, w, fsum(get(t, 1.0) for t in a.terms), fsum(get(t, 1.0) for t in b.terms)
    )


def _score_with_totals(
    a: Profile, b: Profile, weights: dict[str, float], wa: float, wb: float
) -> float:
    """``score`` with both sides' term-weight totals already summed (the sweep's hot loop)."""
    if a.sentences & b.sentences:
        return 0.0  # two dates in one sentence date two things
    sa, sb = a.days, b.days
    if sa is None or sb is None:
        return 0.0
    same = sa == sb
    if not same and not (
        (sa[0] <= sb[0] and sb[1] <= sa[1]) or (sb[0] <= sa[0] and sa[1] <= sb[1])
    ):
        return 0.0
    if a.speech or b.speech:
        return 1.0 if a.speech and b.speech and same and a.speakers & b.speakers else 0.0
    if a.event_nouns and b.event_nouns and not a.event_nouns & b.event_nouns:
        return 0.0
    sim = 0.0
    if a.terms and b.terms:
        low = min(wa, wb)
        w = weights.get
        sim = fsum(w(t, 1.0) for t in a.terms & b.terms) / low if low > 0 else 0.0
    if a.event_nouns & b.event_nouns:
        sim += 0.25
    threshold = SAME_DATE_THRESHOLD if same else CONTAINED_THRESHOLD
    return min(sim, 1.0) if sim >= threshold else 0.0


def find_match(event: ProposedEvent, candidates: Sequence[EventRecord]) -> EventRecord | None:
    """The stored event (still proposed) that ``event`` reports again, if any: the best-scoring one."""
    if not candidates:
        return None
    mine = profile_of_proposal(event)
    open_ = [c for c in candidates if c.status == Status.PROPOSED]
    profiles = [profile_of_record(c) for c in open_]
    weights = idf_weights([mine.terms, *(p.terms for p in profiles)])
    best, best_score = None, 0.0
    for record, prof in zip(open_, profiles, strict=True):
        s = score(mine, prof, weights)
        if s > best_score:
            best, best_score = record, s
    return best


def merge_suggestions(events: Sequence[EventRecord]) -> list[tuple[int, int, float]]:
    """Pairs of events that look like one happening: (id_a, id_b, score), best first.

    Rejected events are left out. A sweep over date intervals visits each event against those whose
    dates it overlaps; within those, only pairs that can score are scored (``_Blocks``).
    """
    live = [e for e in events if e.status != Status.REJECTED and e.earliest and e.latest]
    live.sort(key=lambda e: (e.earliest, e.latest))
    profiles = {e.id: profile_of_record(e) for e in live}
    weights = idf_weights(p.terms for p in profiles.values())
    # Each profile's total term weight, summed once as ``overlap`` sums it (fsum: the same float
    # whatever order the set iterates in).
    w = weights.get
    totals = {eid: fsum(w(t, 1.0) for t in p.terms) for eid, p in profiles.items()}
    blocks = _Blocks(weights)
    out: list[tuple[int, int, float]] = []
    active: list[tuple[object, int, int]] = []  # (latest, order, id): a heap, soonest to end first
    for n, e in enumerate(live):
        while active and active[0][0] < e.earliest:  # type: ignore[operator]
            blocks.remove(heapq.heappop(active)[2])
        mine = profiles[e.id]
        for aid in sorted(blocks.candidates(mine, totals[e.id])):
            s = _score_with_totals(profiles[aid], mine, weights, totals[aid], totals[e.id])
            if s > 0:
                out.append((aid, e.id, round(s, 3)))
        blocks.add(e.id, mine, totals[e.id])
        heapq.heappush(active, (e.latest, n, e.id))
    out.sort(key=lambda t: (-t[2], t[0], t[1]))
    return out


# The lowest score threshold: a pair of statements or with shared event nouns aside, two events can
# score only if the weight of their shared terms reaches this share of the lighter one's total.
_MIN_SHARE = min(SAME_DATE_THRESHOLD, CONTAINED_THRESHOLD) - 1e-6


class _Blocks:
    """Inverted indexes of the events a sweep holds open, to find the pairs that can score.

    Statements score only with statements of a shared speaker; other events only when they share an
    event noun, or when their shared terms weigh at least ``_MIN_SHARE`` of the lighter event's terms.
    That share is reached only if the lighter event's *prefix* (its rarest terms, up to where the
    rest weighs less than the share) holds a shared term, so each event is indexed by all its terms
    and by its prefix, and probes with its prefix and with all its terms. Frequent words then stay
    out of almost every lookup, and the result is exactly the pairs the full comparison would score.
    """

    def __init__(self, weights: dict[str, float]) -> None:
        self.weight = weights
        self.terms: dict[str, set[int]] = {}
        self.prefixes: dict[str, set[int]] = {}
        self.nouns: dict[str, set[int]] = {}
        self.speakers: dict[str, set[int]] = {}
        self.held: dict[int, tuple[Profile, tuple[str, ...]]] = {}

    def _prefix(self, prof: Profile, total: float) -> tuple[str, ...]:
        w = self.weight
        ranked = sorted(prof.terms, key=lambda t: (-w.get(t, 1.0), t))
        rest = total
        out = []
        for t in ranked:
            if rest < _MIN_SHARE * total:
                break
            out.append(t)
            rest -= w.get(t, 1.0)
        return tuple(out)

    def candidates(self, prof: Profile, total: float) -> set[int]:
        found: set[int] = set()
        if prof.speech:
            for s in prof.speakers:
                found |= self.speakers.get(s, set())
            return found
        for n in prof.event_nouns:
            found |= self.nouns.get(n, set())
        for t in self._prefix(prof, total):
            found |= self.terms.get(t, set())
        for t in prof.terms:
            found |= self.prefixes.get(t, set())
        return found

    def add(self, eid: int, prof: Profile, total: float) -> None:
        prefix = self._prefix(prof, total) if not prof.speech else ()
        self.held[eid] = (prof, prefix)
        for key, index in self._keys(prof, prefix):
            index.setdefault(key, set()).add(eid)

    def remove(self, eid: int) -> None:
        prof, prefix = self.held.pop(eid)
        for key, index in self._keys(prof, prefix):
            index[key].discard(eid)

    def _keys(
        self, prof: Profile, prefix: tuple[str, ...]
    ) -> Iterable[tuple[str, dict[str, set[int]]]]:
        if prof.speech:
            yield from ((s, self.speakers) for s in prof.speakers)
            return
        yield from ((n, self.nouns) for n in prof.event_nouns)
        yield from ((t, self.terms) for t in prof.terms)
        yield from ((t, self.prefixes) for t in prefix)


def suggestions_for(event_id: int, suggestions: Iterable[tuple[int, int, float]]) -> list[int]:
    """Events suggested for merging with ``event_id``, best first."""
    out = []
    for a, b, _ in suggestions:
        if a == event_id:
            out.append(b)
        elif b == event_id:
            out.append(a)
    return out
