"""Two date expressions of one sentence that date one happening make one event, not two."""

from __future__ import annotations

import datetime as dt

from dateline.core.engine import find_timexes, propose
from dateline.core.model import Article

MON = dt.date(2007, 7, 9)


def events(text: str, published: dt.date = MON):
    return propose([Article(id="a", text=text, published=published)])


def test_a_time_restated_in_brackets_in_another_zone_is_one_event():
    text = "The probe lifted off at 12:30 EST (16:30 UTC) from Cape Canaveral on Sunday."
    assert len(find_timexes(Article(id="a", text=text, published=MON))) >= 3
    (ev,) = events(text)
    assert ev.value == "2007-07-08T12:30"  # the time the sentence states first
    assert [s.text for s in ev.sources] == ["12:30 EST"]
    assert "UTC" not in ev.title and "Sunday" not in ev.title
    assert ev.title == "Probe lifted off from Cape Canaveral"


def test_a_weekday_and_its_calendar_date_in_brackets_are_one_event():
    (ev,) = events("The shuttle landed in California on Sunday (7/8/07).")
    assert ev.value == "2007-07-08"
    assert ev.title == "Shuttle landed in California"


def test_a_day_and_a_time_on_it_are_one_event_dated_by_the_time():
    text = "The new bridge opened to traffic on Tuesday in Rotterdam at 10:15 a.m."
    (ev,) = events(text)
    assert ev.value == "2007-07-03T10:15"
    assert ev.title == "New bridge opened to traffic in Rotterdam"


def test_one_event_for_four_dates_of_one_take_off():
    (ev,) = events("Take-off was at 12:30 EST (16:30 UTC) on Sunday (7/8/07).")
    assert ev.value == "2007-07-08T12:30"
    assert ev.title.startswith("Take-off was at 12:30")  # the date is what the clause says


def test_dates_of_different_happenings_in_one_sentence_stay_apart():
    found = {e.value: e.title for e in events("Sales tripled in 2004 and doubled in 2005.")}
    assert found == {"2004": "Sales tripled", "2005": "Sales doubled"}


def test_two_mentions_of_one_year_in_one_clause_are_not_joined():
    text = (
        "The minister said the fleet will reach its target in 2007, a goal that was set earlier "
        "this year at the Oslo summit."
    )
    assert len([e for e in events(text) if e.value == "2007"]) == 2


def test_two_clock_times_of_one_day_are_two_happenings():
    text = "The exchange opened at 9:30 on Monday and closed early at 13:00 on Monday."
    assert sorted(e.value for e in events(text)) == ["2007-07-09T09:30", "2007-07-09T13:00"]
