"""The merge-suggestion sweep finds exactly the pairs a comparison of every two events would."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.core.happening.profile import of_record
from dateline.core.happening.same import Verdict, compare
from dateline.core.ingest.suggestions import sweep
from dateline.core.model import EventRecord, Granularity, SourceRecord, Status

# A skewed vocabulary: a few words nearly every event carries, many rare ones.
COMMON = ["brussels", "signed", "minister", "talk"]
RARE = [f"w{i}" for i in range(40)]
DAY0 = dt.date(2024, 1, 1)


def every_pair(events):
    """The reference: every two live events compared, the pairs with evidence kept."""
    live = [e for e in events if e.status != Status.REJECTED and e.earliest and e.latest]
    profiles = {e.id: of_record(e) for e in live}
    out = []
    for j, e in enumerate(live):
        for a in live[:j]:
            ev = compare(profiles[a.id], profiles[e.id])
            if ev.verdict >= Verdict.SUGGEST:
                out.append((min(a.id, e.id), max(a.id, e.id), round(ev.score, 3)))
    out.sort(key=lambda t: (-t[2], t[0], t[1]))
    return out


@st.composite
def event(draw, eid):
    start = draw(st.integers(0, 40))
    length = draw(st.sampled_from([0, 0, 0, 1, 6, 30, 90]))
    terms = draw(st.sets(st.sampled_from(COMMON), max_size=4)) | draw(
        st.sets(st.sampled_from(RARE), max_size=5)
    )
    extra = []
    if draw(st.integers(0, 5)) == 0:
        extra.append("@" + draw(st.sampled_from(["rutte", "blinken"])))
    if draw(st.booleans()):
        extra.append("#" + draw(st.sampled_from(["summit", "meeting", "visit"])))
    if draw(st.booleans()):
        extra.append("!" + draw(st.sampled_from(["nato", "steve_jobs", "jobs", "apple_corps"])))
    if draw(st.booleans()):
        extra.append("^" + draw(st.sampled_from(["introduce", "resign", "meet"])))
    a = DAY0 + dt.timedelta(days=start)
    b = a + dt.timedelta(days=length)
    value = a.isoformat() if length == 0 else f"{a.isoformat()}/{b.isoformat()}"
    source = SourceRecord(
        id=eid,
        event_id=eid,
        document_id=eid % 7,
        sentence_start=eid * 100,
        sentence_end=eid * 100 + 50,
        timex_start=eid * 100 + 5,
        timex_end=eid * 100 + 9,
        quote="",
        match_terms=tuple(sorted(terms)) + tuple(extra),
        basis=draw(st.sampled_from(["", "", "the article's news, dated by its publication date"])),
    )
    status = draw(
        st.sampled_from([Status.PROPOSED, Status.PROPOSED, Status.ACCEPTED, Status.REJECTED])
    )
    return EventRecord(
        id=eid,
        title="",
        value=value.split("/")[0],
        end=value.split("/")[1] if "/" in value else None,
        granularity=Granularity.DAY,
        earliest=a,
        latest=b,
        status=status,
        confidence=0.5,
        sources=(source,),
    )


@st.composite
def stores(draw):
    n = draw(st.integers(0, 60))
    return [draw(event(i + 1)) for i in range(n)]


@pytest.mark.slow
@settings(max_examples=100, deadline=None)
@given(stores())
def test_sweep_finds_exactly_the_pairs_a_full_comparison_scores(events):
    assert sweep(events) == every_pair(events)


def test_sweep_on_the_seeds_matches_a_full_comparison(tmp_path, seeds_dir):
    from dateline.core.ingest import import_paths
    from dateline.core.store import Store

    store = Store.open(tmp_path / "p.db")
    import_paths(store, [seeds_dir])
    events = store.events(store.event_ids())
    store.close()
    assert sweep(events) == every_pair(events)
