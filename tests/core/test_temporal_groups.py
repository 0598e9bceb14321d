"""Coordinated and ranged expressions come out as separate timexes sharing one group."""

from __future__ import annotations

import datetime as dt

from dateline.core.temporal import find_timexes

WED = dt.date(2024, 10, 16)


def parts(text: str):
    return [(t.text, t.value, t.group_role) for t in find_timexes(text, WED)], find_timexes(
        text, WED
    )


def test_coordinated_weekdays():
    got, found = parts("Defence ministers will meet on Thursday and Friday.")
    assert got == [("Thursday", "2024-10-17", "member"), ("Friday", "2024-10-18", "member")]
    assert found[0].group == found[1].group is not None


def test_day_range_inside_a_month():
    got, found = parts("The festival ran July 9-11, 2024, in Brussels.")
    assert [(v, r) for _, v, r in got] == [("2024-07-09", "start"), ("2024-07-11", "end")]
    assert found[0].group == found[1].group is not None
    assert found[0].text == "July 9"


def test_weekday_range():
    got, _found = parts("Talks will run from Monday to Wednesday next week.")
    texts = [(t, v, r) for t, v, r in got if t in ("Monday", "Wednesday")]
    assert texts == [("Monday", "2024-10-21", "start"), ("Wednesday", "2024-10-23", "end")]


def test_year_range_with_between():
    got, found = parts("Output fell between 2019 and 2021.")
    assert got == [("2019", "2019", "start"), ("2021", "2021", "end")]
    assert found[0].group == found[1].group is not None


def test_unrelated_neighbours_are_not_grouped():
    found = find_timexes("He left in 2019. On Friday, he returned.", WED)
    assert all(t.group is None for t in found)


def test_groups_are_distinct():
    found = find_timexes("They met Monday and Tuesday, and again in 2019 and 2020.", WED)
    groups = [t.group for t in found]
    assert groups[0] == groups[1] and groups[2] == groups[3] and groups[0] != groups[2]


def test_comma_separated_list_is_one_group():
    found = find_timexes("Ministers met Monday, Tuesday and Wednesday.", WED)
    assert [t.text for t in found] == ["Monday", "Tuesday", "Wednesday"]
    assert len({t.group for t in found}) == 1 and found[0].group is not None


def test_to_between_a_week_and_a_year_is_the_verbs_not_a_range():
    found = find_timexes("The opening was moved last week to late 2025.", WED)
    assert [(t.text, t.group) for t in found] == [("last week", None), ("late 2025", None)]
    # a range of unlike parts still holds with "from" or "through"
    found = find_timexes("Sales rose this year through August.", WED)
    assert [t.group_role for t in found] == ["start", "end"]
    found = find_timexes("He served from June 2019 to 2021.", WED)
    assert [t.group_role for t in found] == ["start", "end"]


def test_a_date_moved_from_one_day_to_another_is_two_dates_not_a_span():
    found = find_timexes("The vote was postponed from March 3 to March 10.", WED)
    assert [(t.text, t.group) for t in found] == [("March 3", None), ("March 10", None)]
