"""Which stored event a new report tells again: the one ``happening.same`` would merge it with.

An import asks this for every proposal it stores (``integrate.fold_in``). With a ``MatchIndex`` (an
import) the candidates come from memory; otherwise (re-extraction, re-anchoring of one document) from
SQL. Either way a candidate is a proposed event whose dates contain or lie within the proposal's and
that shares a key with it, at most the ``CANDIDATE_LIMIT`` most recent; the proposal joins the one with
the strongest MERGE evidence, and the evidence is kept on its sources (``SourceRef.joined``).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol

from ..happening import profile as profiles
from ..happening.cluster import MEMBERS_CHECKED
from ..happening.profile import Profile
from ..happening.same import COPY_WORDS, SOME_RATIO, Evidence, Verdict, compare, related
from ..model import ProposedEvent, Status
from ..store.queries import overlapping_ids_sql

if TYPE_CHECKING:
    from ..store import Store
    from .matchindex import MatchIndex

PROFILE_CACHE_SIZE = 30_000  # least recently used profiles are dropped beyond this
CANDIDATE_LIMIT = 100  # most recent candidate events considered per proposal


class MatchContext(Protocol):
    """What matching reads of the ingest service (``service.Ingest``): its store, and the profiles of
    stored events it keeps between calls, by (event id, version)."""

    @property
    def store(self) -> Store: ...

    @property
    def profiles(self) -> OrderedDict[tuple[int, int], Profile]: ...


def match_stored(
    ingest: MatchContext,
    p: ProposedEvent,
    exclude: Sequence[int] = (),
    index: MatchIndex | None = None,
    mine: Profile | None = None,
) -> tuple[int, Evidence] | None:
    """The stored proposed event ``p`` reports again, with the evidence; None when there is none.
    ``mine``: ``p``'s profile, when the caller has it."""
    mine = mine if mine is not None else profiles.of_proposal(p)
    if mine.span is None:
        return None  # an unresolved date is never one happening with anything
    skip = set(exclude)
    found = index.candidates(ingest.store.conn, mine) if index is not None else None
    if index is not None and found is not None:
        # the most recent ``CANDIDATE_LIMIT`` with a profile: on a large store most candidates
        # had theirs looked up only to be cut off; every id the index holds has a profile, so
        # looking further is seldom needed
        profs = index.profiles
        ids = sorted(found - skip, reverse=True)
        kept = [
            (eid, prof) for eid in ids[:CANDIDATE_LIMIT] if (prof := profs.get(eid)) is not None
        ]
        if len(kept) < CANDIDATE_LIMIT < len(ids):
            kept = [(eid, prof) for eid in ids if (prof := profs.get(eid)) is not None]
            kept = kept[:CANDIDATE_LIMIT]
    else:
        kept = _from_sql(ingest, mine, skip)[:CANDIDATE_LIMIT]
    return _best(mine, kept)


def _best(mine: Profile, kept: Sequence[tuple[int, Profile]]) -> tuple[int, Evidence] | None:
    best: tuple[int, Evidence] | None = None
    rank: tuple[float, bool, int] | None = None
    # Candidates ``compare(mine, prof, matching=True)`` is sure to pass over, told from the tests it
    # makes first, written out (most candidates stop there; asked here, without a call, they cost a
    # third as much): no kind in common and too few words for a copy, or too small a share of words
    # even at best. Statements are weighed by ``compare`` alone.
    open_ = not mine.speech
    actions, nouns, content = mine.actions, mine.nouns, mine.content
    words, names = len(content), len(mine.name_words)
    num, den = SOME_RATIO.numerator, SOME_RATIO.denominator
    for eid, prof in kept:
        if open_ and not prof.speech:
            both = len(content & prof.content)
            if (
                both < COPY_WORDS
                and actions.isdisjoint(prof.actions)
                and nouns.isdisjoint(prof.nouns)
            ):
                continue
            fewest = min(words, len(prof.content)) - names - len(prof.name_words)
            if both * den < num * fewest:
                continue
        ev = compare(mine, prof, matching=True)
        if ev.verdict != Verdict.MERGE:
            continue
        if open_ and not all(related(mine, q) for q in profiles.parts(prof, MEMBERS_CHECKED)):
            continue  # it would join the event through one of its reports (``cluster``)
        mine_rank = (ev.score, prof.stated, -eid)  # then a stated date, then the oldest event
        if rank is None or mine_rank > rank:
            best, rank = (eid, ev), mine_rank
    return best


def _overlapping(store: Store, mine: Profile) -> list[tuple[int, int]]:
    """(id, version) of the most recent proposed events overlapping ``mine``'s dates."""
    assert mine.span is not None
    sql, params = overlapping_ids_sql(
        mine.span.start, mine.span.end, (Status.PROPOSED.value,), limit=CANDIDATE_LIMIT
    )
    rows = store.conn.execute(sql, params).fetchall()
    return sorted(((r[0], r[1]) for r in rows), reverse=True)[:CANDIDATE_LIMIT]


def _from_sql(ingest: MatchContext, mine: Profile, skip: set[int]) -> list[tuple[int, Profile]]:
    """Candidates read from SQL, their profiles cached per (id, version)."""
    store, cache = ingest.store, ingest.profiles
    keys = [k for k in _overlapping(store, mine) if k[0] not in skip]
    missing = [eid for eid, v in keys if (eid, v) not in cache]
    for k in keys:
        if k in cache:
            cache.move_to_end(k)
    while cache and len(cache) + len(missing) > PROFILE_CACHE_SIZE:
        cache.popitem(last=False)
    for record in store.events(missing):
        cache[(record.id, record.version)] = profiles.of_record(record)
    mine_keys = mine.match_keys()
    return [
        (eid, cache[(eid, v)])
        for eid, v in keys
        if (eid, v) in cache and not mine_keys.isdisjoint(cache[(eid, v)].match_keys())
    ]
