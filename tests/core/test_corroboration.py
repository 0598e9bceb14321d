from __future__ import annotations

import datetime as dt

from dateline.core.conflicts import readings_conflict
from dateline.core.corroboration import (
    conflicting_readings,
    has_conflict,
    independent_documents,
    reading_range,
    suggested_credibility,
)
from dateline.core.model import EventRecord, Granularity, SourceRecord, Status


def event(*sources: tuple[int, str]) -> EventRecord:
    srcs = tuple(
        SourceRecord(
            id=i,
            event_id=1,
            document_id=doc,
            sentence_start=0,
            sentence_end=10,
            timex_start=0,
            timex_end=3,
            quote="q",
            value=value,
        )
        for i, (doc, value) in enumerate(sources)
    )
    return EventRecord(
        id=1,
        title="t",
        value="2024-10-16",
        end=None,
        granularity=Granularity.DAY,
        earliest=dt.date(2024, 10, 16),
        latest=dt.date(2024, 10, 16),
        status=Status.PROPOSED,
        confidence=0.9,
        sources=srcs,
    )


def test_corroboration_counts_independent_articles_and_suggests_a_grade():
    assert independent_documents(event((1, "2024-10-16"), (1, "2024-10-16"))) == 1
    assert suggested_credibility(event((1, "2024-10-16"))) == 3
    assert suggested_credibility(event((1, "2024-10-16"), (2, "2024-10-16"))) == 2
    assert suggested_credibility(event((1, "x"), (2, "x"), (3, "x"))) == 1


def test_containing_readings_agree_and_different_days_conflict():
    assert not has_conflict(event((1, "2024-10-16"), (2, "2024-10"), (3, "2024")))
    ev = event((1, "2024-10-16"), (2, "2024-10-17"))
    assert has_conflict(ev)
    assert {r.value for r in conflicting_readings(ev)} == {"2024-10-16", "2024-10-17"}


def test_a_range_covers_every_reading():
    ev = event((1, "2024-10-16"), (2, "2024-10-17/2024-10-18"))
    assert reading_range(conflicting_readings(ev)) == ("2024-10-16", "2024-10-18")


def test_the_readings_shown_side_by_side_are_the_ones_that_flag_the_event():
    # one decision: the stored date-conflict flag and the panel's disagreeing readings never differ
    cases = [
        [(1, "2024-10-16"), (2, "2024-10"), (3, "2024-10-17")],  # the month agrees with both days
        [(1, "2024-10-17/2024-10-18"), (2, "2024-10-17"), (3, "2024-10")],  # a range holds its day
        [(1, "2024-10-16"), (2, "XXXX-10"), (3, "")],  # an unresolved reading contradicts nothing
        [(1, "2024-10-16/2024-10-17"), (2, "2024-10-17/2024-10-18")],  # overlapping is not agreeing
    ]
    shown = [sorted(r.source.id for r in conflicting_readings(event(*c))) for c in cases]
    assert shown == [[0, 2], [], [], [0, 1]]
    assert [readings_conflict([v for _, v in c]) for c in cases] == [True, False, False, True]
