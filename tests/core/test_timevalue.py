"""Date labels: precision-true wording, in English whatever the process locale."""

from __future__ import annotations

import calendar
import datetime as dt

import pytest

from dateline.core import timevalue
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
    assert timevalue.contains("2008-W41", "2008-W41-WE")
    assert timevalue.contains("2008-10", "2008-W41-WE")
    assert timevalue.sort_key("2008-W41-WE") < timevalue.sort_key("2008-10-13")
