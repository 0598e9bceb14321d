"""Date labels: precision-true wording, in English whatever the process locale."""

from __future__ import annotations

import calendar
import datetime as dt
import re

import pytest

from dateline.core import timevalue
from dateline.core.span import Span
from dateline.core.temporal import find_timexes
from dateline.core.timeline.scale import TimeScale, to_time
from dateline.core.timeline.ticks import compute_ticks


@pytest.mark.parametrize(
    ("value", "end", "expected"),
    [
        ("2024-10-16", None, "Wed 16 Oct 2024"),
        ("2024-10-17", "2024-10-18", "Thu 17 - Fri 18 Oct 2024"),
        ("2024-07", None, "Jul 2024"),
        ("2024-H1", None, "H1 2024"),
        ("2024-10-16T10:00", None, "Wed 16 Oct 2024 10:00"),
        ("PAST_REF", None, "in the past"),
    ],
)
def test_labels_say_the_value_at_its_own_precision(value, end, expected):
    assert timevalue.label(value, end) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2007-02-28TAF", "Wed 28 Feb 2007, afternoon"),
        ("2024-10-16TNI", "Wed 16 Oct 2024, night"),
        ("2024-10-16T24", "Wed 16 Oct 2024, midnight"),
        ("2024-10-16T10", "Wed 16 Oct 2024 10:00"),
        ("2010-W03-WE", "weekend of 23-24 Jan 2010"),
        ("2009-W05-WE", "weekend of 31 Jan - 1 Feb 2009"),
        ("2010-W03", "Week 3 2010"),
        ("199", "1990s"),
        ("19", "20th century"),
        ("2024-SU", "Summer 2024"),
        ("P2Y6M", "2 years 6 months"),
        ("PT1M30S", "1 minute 30 seconds"),
        ("P1W", "1 week"),
        ("PXY", "years"),
        ("XXXX-10", "October, year unknown"),
        ("XXXX-10-16", "16 October, year unknown"),
        ("XXXX-WXX-3TNI", "a Wednesday night, date unknown"),
        ("XXXX-XX-XXTMO", "a morning, date unknown"),
        ("XXXX-WXX-WE", "a weekend, date unknown"),
        ("XXXX-Q3", "Q3, year unknown"),
        ("XXXX-XX-XX", "date unknown"),
        ("XXX", "decade unknown"),
        ("FUTURE_REF", "in the future"),
    ],
)
def test_labels_read_as_english_for_every_value_the_engine_writes(value, expected):
    assert timevalue.label(value) == expected


def test_no_label_of_an_engine_value_shows_its_notation():
    """Every value the engine gives the seeds and a sample of its rules, labelled, has no code in it."""
    text = (
        "On Friday morning, and this weekend, in the 1990s, for two and a half years, in Q3 and "
        "the second half, every Tuesday night, in the fall, late Wednesday afternoon, at 3 p.m."
    )
    found = [t for pub in (dt.date(2010, 1, 20), None) for t in find_timexes(text, pub)]
    notation = re.compile(r"\d{4}-|X{2}|\bT[A-Z]{2}\b|\b(?:MO|AF|EV|NI|WE)\b|\bP\d|\bPX")
    for t in found:
        shown = timevalue.label(t.value)
        assert not notation.search(shown), (t.value, shown)
        assert not notation.search(t.explanation.split("->")[-1]), t.explanation


@pytest.fixture
def french_calendar_names(monkeypatch):
    """What ``calendar`` answers under a French LC_TIME (this machine may not have that locale)."""
    monkeypatch.setattr(calendar, "month_abbr", ["", "janv.", "févr.", "mars", "avr.", "mai", "juin",
                        "juil.", "août", "sept.", "oct.", "nov.", "déc."])  # fmt: skip
    monkeypatch.setattr(calendar, "month_name", ["", "janvier", "février", "mars", "avril", "mai",
                        "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"])  # fmt: skip
    monkeypatch.setattr(
        calendar, "day_abbr", ["lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim."]
    )


def test_labels_and_ticks_stay_english_under_another_locale(french_calendar_names):
    # Labels end up in stored titles and exports: one import must not read "mer. 16 oct. 2024".
    assert timevalue.label("2024-10-16") == "Wed 16 Oct 2024"
    assert timevalue.label("2024-07") == "Jul 2024"
    start = to_time(dt.date(2024, 1, 1))
    year = compute_ticks(TimeScale.fitting(start, start + 366, 1100))
    assert [t.label for t in year.minor[:2]] == ["January", "February"]
    week = compute_ticks(TimeScale.fitting(start, start + 7, 1100))
    assert week.minor[0].label == "Mon 1"
    assert "Jan 2024" in week.major[0].label


def test_a_weekend_covers_its_saturday_and_sunday():
    # ISO week 41 of 2008 runs Mon 6 - Sun 12 Oct
    assert timevalue.interval("2008-W41-WE") == (
        dt.date(2008, 10, 11),
        dt.date(2008, 10, 12),
        timevalue.Granularity.WEEK,
    )
    week, month, weekend = (Span.of(v) for v in ("2008-W41", "2008-10", "2008-W41-WE"))
    assert week and month and weekend
    assert week.contains(weekend) and month.contains(weekend)
    assert timevalue.sort_key("2008-W41-WE") < timevalue.sort_key("2008-10-13")


def test_every_month_and_weekday_name_the_calendar_knows_is_read_and_written_alike():
    # one table: the engine reads, labels write and typed dates accept the names it holds
    from dateline.core.calendar_words import MONTH_ABBR, MONTH_NAMES, MONTHS, WEEKDAYS
    from dateline.core.typed_dates import parse_day

    for word, month in MONTHS.items():
        shortened = word.capitalize() not in MONTH_NAMES  # "Sept", also written "Sept."
        for written in {
            word.capitalize(),
            word.capitalize() + "." if shortened else word.capitalize(),
        }:
            text = f"The talks resumed on {written} 5, 2024 in Geneva."
            found = [t.value for t in find_timexes(text, dt.date(2024, 12, 1))]
            assert found == [f"2024-{month:02d}-05"], text
            assert timevalue.label(found[0], weekday=False) == f"5 {MONTH_ABBR[month]} 2024"
    for word, weekday in WEEKDAYS.items():
        day = dt.date(2024, 10, 14) + dt.timedelta(days=weekday)  # Monday 14 Oct, then its week
        assert parse_day(f"{word} {day.day} Oct 2024").day == day, word
