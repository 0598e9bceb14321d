"""Weekdays and month names read by the tense of their clause, and the clause tense detector itself."""

from __future__ import annotations

import datetime as dt

import pytest

from dateline.core.temporal import find_timexes
from dateline.core.temporal.tense import clause_tense

WED = dt.date(2024, 10, 16)


def value_of(text: str, span: str, published: dt.date = WED) -> str:
    for t in find_timexes(text, published):
        if t.text == span:
            return t.value
    raise AssertionError(f"{span!r} not found in {[t.text for t in find_timexes(text, published)]}")


@pytest.mark.parametrize(
    ("sentence", "span", "value"),
    [
        (
            "Rutte said Wednesday that aid is on track.",
            "Wednesday",
            "2024-10-16",
        ),  # same day as publication
        (
            "The ministers will meet Thursday.",
            "Thursday",
            "2024-10-17",
        ),  # future -> coming Thursday
        ("The ministers met Thursday.", "Thursday", "2024-10-10"),  # past -> most recent Thursday
        ("The ministers met last Thursday.", "last Thursday", "2024-10-10"),
        ("The ministers meet next Monday.", "next Monday", "2024-10-21"),
        ("The talks ended Monday.", "Monday", "2024-10-14"),
        ("Talks are scheduled to resume Monday.", "Monday", "2024-10-21"),
        ("He is due to arrive Saturday.", "Saturday", "2024-10-19"),
        ("She told reporters on Tuesday that it was over.", "Tuesday", "2024-10-15"),
        ("ahead of his visit to Brussels Thursday", "Thursday", "2024-10-17"),
        ("The court upheld Monday's ruling.", "Monday", "2024-10-14"),
    ],
)
def test_weekday_by_tense(sentence, span, value):
    assert value_of(sentence, span) == value


def test_weekday_tense_is_recorded_and_explained():
    t = next(t for t in find_timexes("Ministers will meet Thursday.", WED) if t.text == "Thursday")
    assert t.tense == "future"
    assert "future-tense" in t.explanation and "Thu 17 Oct 2024" in t.explanation
    assert t.alternatives == ("2024-10-10",)


@pytest.mark.parametrize(
    ("sentence", "span", "published", "value"),
    [
        ("The summit was held in July.", "July", WED, "2024-07"),
        ("Elections will be held in March.", "March", WED, "2025-03"),
        ("Prices rose in December.", "December", dt.date(2024, 2, 10), "2023-12"),
        ("The dividend will be paid Dec. 7.", "Dec. 7", dt.date(1989, 10, 30), "1989-12-07"),
        ("The company was founded in January.", "January", dt.date(1989, 11, 2), "1989-01"),
    ],
)
def test_month_year_by_tense_and_nearness(sentence, span, published, value):
    assert value_of(sentence, span, published) == value


@pytest.mark.parametrize(
    ("sentence", "tense"),
    [
        ("Officials said Friday", "past"),
        ("The ministers will meet on Friday", "future"),
        ("The plan, which was presented Friday", "past"),
        ("He is expected to arrive Friday", "future"),
        ("Friday", ""),
    ],
)
def test_clause_tense(sentence, tense):
    at = sentence.index("Friday")
    assert clause_tense(sentence, at, at + 6) == tense


def test_tense_does_not_leak_across_sentences():
    text = "The talks failed. Ministers meet again Friday."
    at = text.index("Friday")
    assert clause_tense(text, at, at + 6) != "past"


def test_the_ended_of_a_period_sets_no_tense():
    october = dt.date(2008, 10, 24)
    found = {
        t.text: t.value
        for t in find_timexes(
            "The carmaker will report results for the three months ended Dec. 31 on Jan. 22.",
            october,
        )
    }
    assert found["Dec. 31"] == "2008-12-31"
    found = {
        t.text: t.value
        for t in find_timexes("Profit fell in the quarter ended Sept. 30, the bank said.", october)
    }
    assert found["Sept. 30"] == "2008-09-30"


def test_irregular_pasts_of_business_news_are_past():
    october = dt.date(2008, 10, 24)
    text = "Toyota, which overtook GM in the first quarter, expects to sell more cars this year."
    found = {t.text: t.value for t in find_timexes(text, october)}
    assert found["the first quarter"] == "2008-Q1"
