"""Property tests: any text, with or without a publication date, gives valid sorted spans and no crash."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.core.model import Timex, TimexType
from dateline.core.temporal import find_timexes
from dateline.core.temporal.grammar import scan, scan_exhaustive

WORDS = (
    "on in the last next this early late mid Monday Friday May March July Dec. 7, 1998 2024 1990s '90s "
    "a year ago two weeks later the next day today now soon recently quarter third first half of fiscal "
    "10 a.m. noon every week daily €40 $20.9 billion 40 troops km and or to - between from , . ; \n "
    "other than of least more at up dozens minute hour year-ago yearend FY98 additional straight "
    "Valentine's Day New Year's Christmas winter fall season weekend 5th 'the company' ago century"
).split(" ")
_fragments = st.lists(st.sampled_from(WORDS) | st.text(max_size=6), max_size=40).map(" ".join)
_weird = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",))
    | st.sampled_from(["\u00a0", "\u2009", "\t", "\r", "\n", "\u2028", "\ufeff"]),
    max_size=120,
)
_texts = _fragments | _weird | st.tuples(_fragments, _weird).map("".join)
_published = st.none() | st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31))


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
