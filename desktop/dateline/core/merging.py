"""Same happening, different reports: matching new proposals to stored events, and merge suggestions.

The rules are those of ``proposals`` (statements by one speaker on one day are one event; otherwise
compatible dates plus overlapping key terms), applied to stored events, whose frames are rebuilt from
their sources' sentences.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from . import timevalue
from .eventtext import analyse, idf_weights, key_terms, overlap
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
    """How strongly two profiles describe one happening, 0 when they cannot."""
    if a.sentences & b.sentences:
        return 0.0  # two dates in one sentence date two things
    sa, sb = a.span(), b.span()
    if sa is None or sb is None:
        return 0.0
    same = sa == sb
    if not same and not (
        (sa[0] <= sb[0] and sb[1] <= sa[1]) or (sb[0] <= sa[0] and sa[1] <= sb[1])
    ):
        return 0.0
    if a.speech or b.speech:
        if a.speech and b.speech and same and a.speakers & b.speakers:
            return 1.0
        return 0.0
    if a.event_nouns and b.event_nouns and not a.event_nouns & b.event_nouns:
        return 0.0
    sim = overlap(a.terms, b.terms, weights)
    if a.event_nouns & b.event_nouns:
        sim += 0.25
    threshold = SAME_DATE_THRESHOLD if same else CONTAINED_THRESHOLD
    return min(sim, 1.0) if sim >= threshold else 0.0


def _score_with_totals(
    a: Profile, b: Profile, weights: dict[str, float], wa: float, wb: float
) -> float:
    """``score`` with both sides' term-weight totals already summed (the sweep's hot loop)."""
    if a.sentences & b.sentences:
        return 0.0
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
        sim = sum(w(t, 1.0) for t in a.terms & b.terms) / low if low > 0 else 0.0
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

    Rejected events are left out. A sweep over date intervals keeps this near-linear for large stores.
    """
    live = [e for e in events if e.status != Status.REJECTED and e.earliest and e.latest]
    live.sort(key=lambda e: (e.earliest, e.latest))
    profiles = {e.id: profile_of_record(e) for e in live}
    weights = idf_weights(p.terms for p in profiles.values())
    keys = {eid: p.keys() for eid, p in profiles.items()}
    # Each profile's total term weight, summed once as ``overlap`` sums it (same order, same float).
    w = weights.get
    totals = {eid: sum(w(t, 1.0) for t in p.terms) for eid, p in profiles.items()}
    out: list[tuple[int, int, float]] = []
    active: list[EventRecord] = []
    for e in live:
        active = [a for a in active if a.latest >= e.earliest]  # type: ignore[operator]
        mine, my_keys = profiles[e.id], keys[e.id]
        for a in active:
            if my_keys.isdisjoint(keys[a.id]):
                continue  # nothing shared: score is 0
            s = _score_with_totals(profiles[a.id], mine, weights, totals[a.id], totals[e.id])
            if s > 0:
                out.append((a.id, e.id, round(s, 3)))
        active.append(e)
    out.sort(key=lambda t: (-t[2], t[0], t[1]))
    return out


def suggestions_for(event_id: int, suggestions: Iterable[tuple[int, int, float]]) -> list[int]:
    """Events suggested for merging with ``event_id``, best first."""
    out = []
    for a, b, _ in suggestions:
        if a == event_id:
            out.append(b)
        elif b == event_id:
            out.append(a)
    return out
