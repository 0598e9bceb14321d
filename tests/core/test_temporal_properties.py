"""Property tests: any text, with or without a publication date, gives valid sorted spans and no crash."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings

from dateline.core.model import Timex, TimexType
from dateline.core.temporal import find_timexes
from dateline.core.temporal.grammar import scan, scan_exhaustive
from support.texts import published as _published
from support.texts import texts as _texts


def _check(text: str, found: list[Timex]) -> None:
    previous = -1
    for t in found:
        assert 0 <= t.start < t.end <= len(text)
        assert text[t.start : t.end] == t.text
        assert t.start >= previous
        previous = t.start
        assert isinstance(t.type, TimexType) and t.value
        assert 0.0 <= t.confidence <= 1.0
        if t.earliest is not None:
            assert t.latest is not None and t.earliest <= t.latest


@settings(max_examples=150, deadline=None)
@given(text=_texts, published=_published)
def test_never_crashes_and_spans_are_valid(text, published):
    _check(text, find_timexes(text, published))


@settings(max_examples=60, deadline=None)
@given(text=_texts)
def test_start_word_gate_finds_what_an_exhaustive_scan_finds(text):
    fast = [(h.rule, h.start, h.end) for h in scan(text)]
    slow = [(h.rule, h.start, h.end) for h in scan_exhaustive(text)]
    assert fast == slow


def test_extreme_publication_dates_do_not_crash():
    text = (
        "Yesterday, last year, next month, two centuries ago, in 2024 and on Friday the next day."
    )
    for published in (dt.date.min, dt.date.max, dt.date(1, 1, 3), dt.date(9999, 12, 30)):
        _check(text, find_timexes(text, published))


def test_empty_and_non_text_inputs():
    assert find_timexes("", None) == []
    assert find_timexes(" \n\t ", dt.date(2024, 1, 1)) == []
