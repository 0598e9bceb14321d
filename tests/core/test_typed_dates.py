"""Typed publication dates: what the field shows is what is stored, or a reason is given."""

from __future__ import annotations

import datetime as dt

import pytest

from dateline.core.datecheck import check_value
from dateline.core.typed_dates import (
    date_line,
    field_text,
    guess_published,
    parse_day,
    reading_agrees,
    reading_label,
    split_reading,
)

MAR27 = dt.date(2008, 3, 27)


@pytest.mark.parametrize(
    "text",
    [
        "Thu 27 Mar 2008",
        "Thursday, 27 March 2008",
        "2008-03-27",
        "2008/03/27",
        "20080327",
        "27 Mar 2008",
        "27 Mar. 2008",
        "27th of March 2008",
        "27-Mar-2008",
        "March 27, 2008",
        "Mar 27 2008",
        "Thu, Mar 27, 2008",
        "thursday march 27th, 2008",
        "27/03/2008",
        "27.03.2008",
        "  27   Mar   2008  ",
        "2008-03-27T10:15:00Z",
        "Thu, 27 Mar 2008 10:15:00 +0000",
    ],
)
def test_the_forms_people_type_name_the_day(text):
    got = parse_day(text)
    assert got.day == MAR27, got.problem
    assert got.label() == "Thu 27 Mar 2008"


def test_the_day_never_moves_to_another_month():
    # The defect: "Thu 27 Mar 2008" was stored as 2008-12-27.
    assert parse_day("Thu 27 Mar 2008").day == MAR27
    assert parse_day("Fri 27 Mar 2008").day is None


def test_numeric_dates_follow_the_stated_convention():
    assert parse_day("05/06/2008", day_first=True).day == dt.date(2008, 6, 5)
    assert parse_day("05/06/2008", day_first=False).day == dt.date(2008, 5, 6)
    assert parse_day("03/27/2008", day_first=False).day == MAR27
    refused = parse_day("03/27/2008", day_first=True)
    assert refused.day is None and "day first" in refused.problem


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("", "Type a date"),
        ("Fri 27 Mar 2008", "is a Thursday, not a Friday"),
        ("31 Feb 2008", "has no day 31"),
        ("2008-13-01", "no month 13"),
        ("27/03/08", "year in full"),
        ("March 2008", "add the day"),
        ("2008-03", "add the day"),
        ("27 Marsh 2008", "'Marsh' is not a month"),
        ("soon", "Not a date"),
        ("Thu 27 Mar", "Not a date"),
    ],
)
def test_what_cannot_be_read_for_certain_is_refused_with_a_reason(text, why):
    got = parse_day(text)
    assert got.day is None and not got.ok
    assert why in got.problem


def test_a_date_line_under_the_headline_is_found():
    text = "Boeing rolls out the 787\n\nMarch 01, 2008\n\nEVERETT - Boeing said on Monday ..."
    assert date_line(text) == (dt.date(2008, 3, 1), "March 01, 2008")


def test_a_date_further_down_or_inside_a_sentence_is_not_a_date_line():
    body = "\n".join(f"Paragraph {i} of the story." for i in range(10))
    assert date_line(f"Headline\n{body}\nMarch 01, 2008") is None
    assert date_line("Headline\nOn March 01, 2008 the plant opened.") is None
    assert date_line("Headline\n05/06/2008\nText") is None, "either order reads a day"
    assert date_line("Headline\n25/06/2008\nText") == (dt.date(2008, 6, 25), "25/06/2008")


def test_the_guess_prefers_the_date_line_then_the_first_full_date():
    text = "Title\nMarch 01, 2008\nOn 5 March 2008 it flew."
    found = [(30, "5 March 2008", "2008-03-05", "absolute")]
    guess = guess_published(text, found)
    assert guess is not None and guess.day == dt.date(2008, 3, 1) and "date line" in guess.why
    no_line = "Title\nIt flew on Tuesday. On 5 March 2008 it landed."
    found = [
        (20, "Tuesday", "2008-03-04", "published"),
        (40, "March", "2008-03", "absolute"),
        (33, "5 March 2008", "2008-03-05", "absolute"),
    ]
    guess = guess_published(no_line, found)
    assert guess is not None and guess.day == dt.date(2008, 3, 5)
    assert "5 March 2008" in guess.why
    assert guess_published("Title\nNothing dated here.", []) is None


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("199", "1990s"),
        ("XXXX-XX", ""),
        ("PRESENT_REF", ""),
        ("", ""),
        ("2024-10-16", "2024-10-16"),
        ("2024-Q4", "2024-Q4"),
        ("2024", "2024"),
    ],
)
def test_the_date_field_never_shows_a_raw_internal_value(value, shown):
    assert field_text(value) == shown
    if shown:
        assert check_value(shown)[0] == value, "the field reads back to the stored value"


def test_a_ranged_reading_is_compared_as_days_not_as_text():
    assert split_reading("2007-08/2007-09") == ("2007-08", "2007-09")
    assert split_reading("2007-08") == ("2007-08", None)
    assert reading_label("2007-08/2007-09") == "Aug 2007 - Sep 2007"
    assert reading_agrees("2007-08/2007-09", "2007-08", "2007-09")
    assert reading_agrees("2007-08-15", "2007-08", "2007-09")
    assert reading_agrees("2007", "2007-08", "2007-09")
    assert not reading_agrees("2007-10", "2007-08", "2007-09")
    assert reading_agrees("2007-08/2007-09", "2007-08-15", None), "one contains the other"
    assert not reading_agrees("2007-08/2007-09", "2007-10-15", None)
    assert reading_agrees("XXXX-XX", "2007-08", None), "unresolved contradicts nothing"
