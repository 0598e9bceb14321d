"""Import matching drops candidates that cannot reach the threshold before weighing their terms.

The drop must never change which stored event a proposal joins: checked here against scoring every
candidate, for every proposed event of a store built from generated articles.
"""

from __future__ import annotations

from itertools import chain

from store_helpers import generated_articles

from dateline.core.ingest import import_paths
from dateline.core.ingest.matchindex import MatchIndex
from dateline.core.ingest.matching import _CANDIDATE_LIMIT, _best_of_kept, _match_indexed
from dateline.core.merging import profile_of_record
from dateline.core.model import Status
from dateline.core.store import Store
from dateline.core.store.light import light_events


def _score_every_candidate(mine, span, found, index):
    """The matching rule without the drop: the most recent candidates, all weighed and scored."""
    kept = []
    for eid in sorted(found, reverse=True):
        prof, span_b = index.profile(eid)
        if not mine.sentences & prof.sentences:
            kept.append((eid, prof, span_b))
            if len(kept) == _CANDIDATE_LIMIT:
                break
    kept.reverse()
    terms = chain(mine.terms, chain.from_iterable(p.terms for _, p, _ in kept))
    return _best_of_kept(mine, span, kept, index.weights(mine, span, terms))


def test_dropping_hopeless_candidates_never_changes_the_match(tmp_path):
    folder = generated_articles(tmp_path / "articles", 400)
    with Store.open(tmp_path / "p.db") as store:
        import_paths(store, [folder])
        index = MatchIndex()
        records = [r for r in light_events(store.conn, None) if r.status == Status.PROPOSED]
        compared = matched = 0
        for rec in records:
            mine = profile_of_record(rec)
            span = mine.span()
            if span is None:
                continue
            found = index.candidates(store.conn, mine, span)
            assert found is not None
            found.discard(rec.id)
            expected = _score_every_candidate(mine, span, found, index)
            assert _match_indexed(mine, span, found, index) == expected, rec.id
            compared += 1
            matched += expected is not None
    assert compared > 3000 and matched > 800  # both outcomes are well represented
