"""Which stored event a new proposal reports again.

An import asks this for every proposal it stores (``ingest.integrate``). With a ``MatchIndex`` armed
(an import, ``Ingest``) the candidates come from memory; otherwise (re-extraction, re-anchoring of
one document) from SQL. Either way a candidate must be a proposed event whose dates contain or lie
within the proposal's and that could score with it (``merging.score``'s necessary conditions), and the
best-scoring one wins.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from itertools import chain
from math import fsum
from typing import TYPE_CHECKING, Any

from ..model import ProposedEvent, Status
from ..store.queries import overlapping_ids_sql

if TYPE_CHECKING:
    from ..store import Store
    from .matchindex import MatchIndex
    from .service import Ingest


_PROFILE_CACHE_SIZE = 30_000  # least recently used profiles are dropped beyond this
_CANDIDATE_LIMIT = 100  # most recent candidate events considered per proposal


def _may_match(mine: Any, span_a: tuple[int, int], other: Any, sb: tuple[int, int] | None) -> bool:
    """False only when ``merging.score`` is certainly 0: its necessary conditions, cheaply."""
    if sb is None or mine.sentences & other.sentences:
        return False
    sa = span_a
    if not ((sa[0] <= sb[0] and sb[1] <= sa[1]) or (sb[0] <= sa[0] and sa[1] <= sb[1])):
        return False
    if mine.speech or other.speech:
        return bool(mine.speech and other.speech and sa == sb and mine.speakers & other.speakers)
    return bool(mine.terms & other.terms or mine.event_nouns & other.event_nouns)


def _overlapping(store: Store, p: ProposedEvent) -> list[tuple[int, int]]:
    """(id, version) of the most recent proposed events overlapping ``p``, at most _CANDIDATE_LIMIT."""
    assert p.earliest is not None and p.latest is not None
    sql, params = overlapping_ids_sql(
        p.earliest, p.latest, (Status.PROPOSED.value,), limit=_CANDIDATE_LIMIT
    )
    rows = store.conn.execute(sql, params).fetchall()
    return sorted(((r[0], r[1]) for r in rows), reverse=True)[:_CANDIDATE_LIMIT]


def match_stored(
    ingest: Ingest,
    p: ProposedEvent,
    exclude: Sequence[int] = (),
    index: MatchIndex | None = None,
) -> int | None:
    """The stored proposed event ``p`` reports again: ``merging.find_match`` over the candidates.

    During an import (an import passes its ``MatchIndex``) the candidates are the
    _CANDIDATE_LIMIT most recent stored proposed events that could score with ``p`` and share a key
    that is not too common in their year, found in memory, and terms are weighted by how rare they
    are among that year's proposed events. Elsewhere (re-extraction, re-anchoring of one document)
    they come from SQL: those that could score among the _CANDIDATE_LIMIT most recent overlapping
    ``p``, with profiles cached per (id, version), weighted among themselves (``find_match``).
    ``tests/core/test_importing.py`` checks both paths against ``merging.score``.
    """
    from ..merging import profile_of_proposal, profile_of_record

    if p.earliest is None or p.latest is None:
        return None  # an unresolved date never scores in merging.score
    mine = profile_of_proposal(p)
    span_a = mine.span()
    if span_a is None:
        return None
    skip = set(exclude)
    store = ingest.store
    found = index.candidates(store.conn, mine, span_a) if index is not None else None
    if index is not None and found is not None:
        return _match_indexed(mine, span_a, found - skip, index)
    cache = ingest.profiles
    keys = [k for k in _overlapping(store, p) if k[0] not in skip]
    missing = [eid for eid, v in keys if (eid, v) not in cache]
    for k in keys:
        if k in cache:
            cache.move_to_end(k)
    while cache and len(cache) + len(missing) > _PROFILE_CACHE_SIZE:
        cache.popitem(last=False)
    for record in store.events(missing):
        prof = profile_of_record(record)
        cache[(record.id, record.version)] = (prof, prof.span())
    kept = [
        (k[0], cache[k][0])
        for k in sorted(keys)
        if k in cache and _may_match(mine, span_a, cache[k][0], cache[k][1])
    ]
    return _best(mine, kept)


def _match_indexed(mine: Any, span_a: tuple[int, int], found: set[int], index: Any) -> int | None:
    """``match_stored`` over the index's candidates ``found``.

    The index already holds ``_may_match``'s span, speech and shared-key conditions. Like the SQL
    path, only the _CANDIDATE_LIMIT most recent candidates (not reporting one of ``mine``'s
    sentences) are scored.

    Before their terms are weighed, candidates that certainly score 0 are dropped. A candidate's
    similarity is the weight of the shared terms over the lighter side's weight. The shared terms
    are the proposal's, so their weights are known; every other term of the candidate weighs at
    least ``index.least_weight``. That bounds its weight from below and the similarity from above: a
    candidate sharing one name among many words cannot reach the threshold, and its terms need no
    weights. The rest is scored as before, so the pick is the same.
    """
    from ..merging import CONTAINED_THRESHOLD, SAME_DATE_THRESHOLD

    if not found:
        return None
    profiles = index.profiles
    sentences = mine.sentences
    ids = sorted(found, reverse=True)
    if mine.speech:  # every candidate scores 1.0 (same speaker, same day): the oldest kept wins
        kept_ids = [e for e in ids if not sentences & profiles[e][0].sentences]
        return kept_ids[:_CANDIDATE_LIMIT][-1] if kept_ids else None
    a = mine.terms
    w = index.weights(mine, span_a, a).__getitem__
    wa = fsum(map(w, a))
    least = index.least_weight(span_a) * (1.0 - 1e-9)  # below any rounding of a real weight
    nouns = mine.event_nouns
    seen = 0
    kept = []
    for eid in ids:
        prof, span_b = profiles[eid]
        if sentences & prof.sentences:
            continue
        if seen == _CANDIDATE_LIMIT:
            break
        seen += 1
        bonus = 0.0
        if nouns and prof.event_nouns:
            if nouns.isdisjoint(prof.event_nouns):
                continue  # different happenings: _best_of_kept skips it
            bonus = 0.25
        b = prof.terms
        shared = a & b
        if len(shared) > 1:
            w_shared = fsum(map(w, shared))
        else:
            w_shared = w(next(iter(shared))) if shared else 0.0
        low = min(wa, w_shared + (len(b) - len(shared)) * least)
        bound = (w_shared / low if low > 0 else 0.0) + bonus
        if bound >= (SAME_DATE_THRESHOLD if span_a == span_b else CONTAINED_THRESHOLD) - 1e-9:
            kept.append((eid, prof, span_b))
    kept.reverse()
    terms = chain(a, chain.from_iterable(prof.terms for _, prof, _ in kept))
    return _best_of_kept(mine, span_a, kept, index.weights(mine, span_a, terms))


def _best_of_kept(
    mine: Any,
    span_a: tuple[int, int],
    kept: Sequence[tuple[int, Any, tuple[int, int]]],
    weights: dict[str, float] | None = None,
) -> int | None:
    """``_best`` for candidates that passed ``_may_match``, without what that already settled.

    The arithmetic is ``merging.score``'s and ``eventtext.overlap``'s (so the same
    floats): the proposal's own weight sum is taken once instead of once per candidate, and spans
    are not recomputed. ``tests/core/test_importing.py`` checks it picks what ``_best`` picks.
    """
    from ..merging import CONTAINED_THRESHOLD, SAME_DATE_THRESHOLD

    if not kept:
        return None
    if weights is None:
        df: Counter[str] = Counter(mine.terms)
        df.update(chain.from_iterable(prof.terms for _, prof, _ in kept))
        n = len(kept) + 1
        weights = {t: math.log(1.0 + n / c) for t, c in df.items()}
    # Every term is in ``weights``, so overlap's ``w(t, 1.0)`` is a plain lookup. fsum, as in
    # overlap: a plain sum over a set would depend on the process's string hashing.
    w = weights.__getitem__
    a = mine.terms
    wa = fsum(map(w, a))
    nouns = mine.event_nouns
    best, best_score = None, 0.0
    for eid, prof, span_b in kept:
        if mine.speech:  # _may_match let it through: same speaker, same day
            sc = 1.0
        else:
            shared_nouns = nouns & prof.event_nouns
            if nouns and prof.event_nouns and not shared_nouns:
                continue
            b = prof.terms
            sim = 0.0
            if a and b:
                sb = fsum(map(w, b))
                low = min(wa, sb)
                sim = fsum(map(w, a & b)) / low if low > 0 else 0.0
            if shared_nouns:
                sim += 0.25
            threshold = SAME_DATE_THRESHOLD if span_a == span_b else CONTAINED_THRESHOLD
            sc = min(sim, 1.0) if sim >= threshold else 0.0
        if sc > best_score:
            best, best_score = eid, sc
    return best


def _best(mine: Any, kept: Sequence[tuple[int, Any]]) -> int | None:
    """``merging.find_match``'s scoring loop over (id, profile) candidates."""
    from ..eventtext import idf_weights
    from ..merging import score

    if not kept:
        return None
    weights = idf_weights([mine.terms, *(prof.terms for _, prof in kept)])
    best, best_score = None, 0.0
    for eid, prof in kept:
        sc = score(mine, prof, weights)
        if sc > best_score:
            best, best_score = eid, sc
    return best


def match_candidates(store: Store, p: ProposedEvent, exclude: Sequence[int] = ()) -> list[Any]:
    """The candidate records ``match_stored`` scores, in the same order (for checking it)."""
    from ..merging import profile_of_proposal, profile_of_record

    if p.earliest is None or p.latest is None:
        return []
    mine = profile_of_proposal(p)
    span_a = mine.span()
    ids = sorted(k[0] for k in _overlapping(store, p) if k[0] not in set(exclude))
    return [
        r
        for r in store.events(ids)
        if span_a and _may_match(mine, span_a, (pr := profile_of_record(r)), pr.span())
    ]
