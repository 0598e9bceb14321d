from __future__ import annotations

import pytest

from dateline.core.datecheck import check_range, check_value


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("2024-10-16", "2024-10-16"),
        ("2024-10", "2024-10"),
        ("2024-q4", "2024-Q4"),
        ("2024-H2", "2024-H2"),
        ("2024", "2024"),
        ("202", "202"),
        ("2024-W42", "2024-W42"),
        ("2024-SU", "2024-SU"),
        ("2024-1-5", "2024-01-05"),
        ("16 Oct 2024", "2024-10-16"),
        ("October 16, 2024", "2024-10-16"),
        ("July 2024", "2024-07"),
        ("Q4 2024", "2024-Q4"),
        ("H1 2024", "2024-H1"),
        ("2020s", "202"),
        ("  2024-10-16 ", "2024-10-16"),
    ],
)
def test_accepted_values_are_normalised(typed, value):
    assert check_value(typed) == (value, "")


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("2024-02-30", "February 2024 has only 29 days."),
        ("2023-02-29", "February 2023 has only 28 days."),
        ("2024-13-01", "There is no month 13: months run from 01 to 12."),
        ("2024-13", "There is no month 13: months run from 01 to 12."),
        ("2024-Q5", "Quarters run from Q1 to Q4."),
        ("2024-H3", "A half year is H1 (Jan-Jun) or H2 (Jul-Dec)."),
        ("2024-W54", "2024 has only 52 ISO weeks."),
        ("31 Apr 2024", "April 2024 has only 30 days."),
        ("", "Enter a date, e.g. 2024-10-16."),
    ],
)
def test_impossible_dates_say_why(typed, reason):
    assert check_value(typed) == ("", reason)


def test_gibberish_shows_the_accepted_forms():
    value, reason = check_value("next tuesday-ish")
    assert value == ""
    assert reason.startswith("Not a date")
    assert "2024-Q4" in reason


def test_range_end_before_start():
    assert check_range("2024-10-17", "2024-10-18") == ""
    assert check_range("2024-10-17", None) == ""
    assert check_range("2024-10", "2024-10-31") == ""
    assert (
        check_range("2024-10-16", "2024-10-15")
        == "The end (Tue 15 Oct 2024) is before the start (Wed 16 Oct 2024)."
    )
