"""Without a publication date relative expressions are still found but left unresolved, never set to today."""

from __future__ import annotations

import datetime as dt

import pytest

from dateline.core.model import Anchor
from dateline.core.temporal import find_timexes

TEXT = (
    "Rutte said Wednesday the hub opens next month. Allies met in July and again last year. "
    "I can announce today that, for now, aid is flowing; it was agreed two weeks ago and talks resume soon. "
    "The treaty of 16 October 2024 stands."
)


@pytest.fixture(scope="module")
def found():
    return {t.text: t for t in find_timexes(TEXT, None)}


@pytest.mark.parametrize(
    ("span", "value"),
    [
        ("Wednesday", "XXXX-WXX-3"),
        ("next month", "XXXX-XX"),
        ("July", "XXXX-07"),
        ("last year", "XXXX"),
        ("today", "XXXX-XX-XX"),
        ("two weeks ago", "XXXX-WXX"),
        ("now", "PRESENT_REF"),
        ("soon", "FUTURE_REF"),
    ],
)
def test_relative_expressions_are_found_and_left_unresolved(found, span, value):
    t = found[span]
    assert t.value == value
    assert t.anchor is Anchor.NONE and t.needs_anchor
    assert t.earliest is None


def test_absolute_dates_still_resolve(found):
    t = found["16 October 2024"]
    assert t.value == "2024-10-16" and t.anchor is Anchor.ABSOLUTE and not t.needs_anchor


def test_nothing_is_anchored_to_the_clock(found):
    today = dt.date.today()
    for t in found.values():
        if t.anchor is not Anchor.ABSOLUTE:
            assert t.earliest is None
        assert str(today) not in t.value


def test_published_datetime_is_accepted():
    a = find_timexes("He left yesterday.", dt.datetime(2024, 10, 16, 9, 30))
    assert a[0].value == "2024-10-15"
