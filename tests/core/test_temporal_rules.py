"""One behaviour per rule family of the temporal grammar, seen from an article published Wed 16 Oct 2024."""

from __future__ import annotations

import datetime as dt

import pytest

from dateline.core.model import Anchor, Granularity, TimexType
from dateline.core.temporal import find_timexes

PUB = dt.date(2024, 10, 16)  # a Wednesday


def only(text: str, published: dt.date | None = PUB):
    found = find_timexes(text, published)
    assert len(found) == 1, [(t.text, t.value) for t in found]
    return found[0]


def texts(text: str, published: dt.date | None = PUB) -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in find_timexes(text, published)]


@pytest.mark.parametrize(
    ("sentence", "span", "value"),
    [
        ("The treaty was signed on 16 October 2024 in Paris.", "16 October 2024", "2024-10-16"),
        ("It was signed Aug. 7, 1998, in Nairobi.", "Aug. 7, 1998", "1998-08-07"),
        ("The report, dated 2023-03-05, was leaked.", "2023-03-05", "2023-03-05"),
        ("Filed 10/03/2021 by the clerk.", "10/03/2021", "2021-10-03"),
        ("The summit was held in July 1997.", "July 1997", "1997-07"),
        ("Prices peaked in 1989.", "1989", "1989"),
        ("Growth slowed in the 1990s.", "the 1990s", "199"),
        ("Nothing like it since the nineties.", "the nineties", "199"),
        ("The worst war of the 20th century.", "the 20th century", "19"),
        ("Profit rose in the third quarter of 2023.", "the third quarter of 2023", "2023-Q3"),
        ("Results for fiscal 1989 were weak.", "fiscal 1989", "1989"),
        ("The deal closes on Christmas Day, 2025.", "Christmas Day, 2025", "2025-12-25"),
        ("They met in the winter of 1994.", "the winter of 1994", "1994-WI"),
        ("The plant opened in mid-1996.", "mid-1996", "1996"),
        ("Exports dropped in the first half of 2024.", "first half of 2024", "2024-H1"),
    ],
)
def test_absolute_dates(sentence, span, value):
    t = only(sentence)
    assert (t.text, t.value) == (span, value)
    assert t.anchor is Anchor.ABSOLUTE
    assert sentence[t.start : t.end] == span


def test_month_keeps_month_granularity_and_never_invents_a_day():
    t = only("The summit in July set the target.")
    assert t.value == "2024-07"
    assert t.granularity is Granularity.MONTH
    assert (t.earliest, t.latest) == (dt.date(2024, 7, 1), dt.date(2024, 7, 31))


@pytest.mark.parametrize(
    ("sentence", "span", "value"),
    [
        ("He arrived yesterday.", "yesterday", "2024-10-15"),
        ("The vote is tomorrow.", "tomorrow", "2024-10-17"),
        ("I can announce today that aid is coming.", "today", "2024-10-16"),
        ("The hub will be operational next month.", "next month", "2024-11"),
        ("Sales fell last year.", "last year", "2023"),
        ("The target was set earlier this year.", "earlier this year", "2024"),
        ("The plant closed two years ago.", "two years ago", "2022"),
        ("Talks resume next week.", "next week", "2024-W43"),
        ("The firm reported a loss for the latest quarter.", "the latest quarter", "2024-Q3"),
        ("Rain is expected this summer... no, last summer.", "last summer", "2024-SU"),
    ],
)
def test_relative_to_publication(sentence, span, value):
    found = {t.text: t for t in find_timexes(sentence, PUB)}
    assert span in found, list(found)
    assert found[span].value == value
    assert found[span].anchor is Anchor.PUBLISHED


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("For now, the bid remains in limbo.", "PRESENT_REF"),
        ("The alliance is currently divided.", "PRESENT_REF"),
        ("Tensions have risen recently.", "PAST_REF"),
        ("Such attacks happened in the past.", "PAST_REF"),
        ("Membership may come in the future.", "FUTURE_REF"),
        ("A decision is expected soon.", "FUTURE_REF"),
    ],
)
def test_vague_references(sentence, value):
    t = only(sentence)
    assert t.value == value
    assert t.earliest is None and t.granularity is Granularity.UNKNOWN


@pytest.mark.parametrize(
    ("sentence", "span", "typ", "value"),
    [
        ("The war has lasted two years.", "two years", TimexType.DURATION, "P2Y"),
        ("He was held for three days.", "three days", TimexType.DURATION, "P3D"),
        ("The flight took five hours.", "five hours", TimexType.DURATION, "PT5H"),
        ("Refugees lived in camps for 2 1/2 years.", "2 1/2 years", TimexType.DURATION, "P2Y6M"),
        ("Sales rose in the past two months.", "the past two months", TimexType.DURATION, "P2M"),
        ("They have fought for years.", "years", TimexType.DURATION, "PXY"),
        ("The board meets every week.", "every week", TimexType.SET, "P1W"),
        ("The paper is published weekly.", "weekly", TimexType.SET, "P1W"),
        ("It saves $500 million a year.", "a year", TimexType.SET, "P1Y"),
        ("Ministers meet each Thursday.", "each Thursday", TimexType.SET, "XXXX-WXX-4"),
    ],
)
def test_durations_and_sets_are_not_dates(sentence, span, typ, value):
    found = {t.text: t for t in find_timexes(sentence, PUB)}
    assert span in found, list(found)
    t = found[span]
    assert (t.type, t.value) == (typ, value)
    assert t.earliest is None


def test_clock_time_with_weekday():
    t = only("The vote is at 10 a.m. Wednesday.")
    assert (t.text, t.type, t.value) == ("10 a.m. Wednesday", TimexType.TIME, "2024-10-16T10:00")
    assert t.granularity is Granularity.MINUTE


def test_part_of_day():
    t = only("Officials met this morning.")
    assert (t.type, t.value) == (TimexType.TIME, "2024-10-16TMO")


@pytest.mark.parametrize(
    "sentence",
    [
        "NATO will deliver €40 billion to Ukraine.",
        "Allies pledged €20.9 billion and $1998 in fees.",
        "The army sent 2000 troops and 1500 tanks.",
        "The road is 2024 km long.",
        "Revenue hit 40 billion.",
        "We may see more aid, the former minister said.",
        "Thousands of protesters march through the capital.",
        "He will march on the capital.",
        "The population reached 1,998,000.",
    ],
)
def test_non_dates_do_not_fire(sentence):
    assert find_timexes(sentence, PUB) == []


def test_may_the_month_still_fires_in_date_context():
    assert texts("The law passed in May.") == [("May", "2024-05")]
    assert texts("Elections are due May 5, 2025.") == [("May 5, 2025", "2025-05-05")]


def test_year_needs_date_context_outside_modern_range():
    assert texts("The castle fell in 1066.") == [("1066", "1066")]
    assert texts("He counted 1066 sheep.") == []


def test_extents_exclude_leading_preposition():
    for t in find_timexes("It happened on Wednesday, in July, during 2023 and since 1990.", PUB):
        assert not t.text.lower().startswith(("on ", "in ", "during ", "since "))


def test_mention_anchored_expressions():
    text = "The ceasefire began on March 3, 2022. Two weeks later, fighting resumed. The next day, talks broke down."
    found = {t.text: t for t in find_timexes(text, PUB)}
    later = found["Two weeks later"]
    assert later.anchor is Anchor.MENTION and later.anchor_start == text.index("March 3")
    assert later.value == "2022-03-17"
    # the next day after the day just told of, counted or not: a narrative goes on from it
    nxt = found["The next day"]
    assert nxt.anchor is Anchor.MENTION and nxt.value == "2022-03-18"


def test_dateparser_fallback_normalizes_dotted_dates():
    t = only("The contract was signed on 16.10.2023 in Kyiv.")
    assert t.value == "2023-10-16"
    assert t.rule == "numeric_date"


def test_every_timex_explains_itself_and_has_a_rule():
    for t in find_timexes(
        "Rutte said Wednesday the hub opens next month after two years of work.", PUB
    ):
        assert t.rule and t.explanation and 0 < t.confidence <= 1
        assert t.text in t.explanation


def test_mention_explanation_names_the_anchor():
    text = "The ceasefire began on March 3, 2022. Two weeks later, fighting resumed."
    later = next(t for t in find_timexes(text, PUB) if t.text == "Two weeks later")
    assert "'March 3, 2022'" in later.explanation and "17 Mar 2022" in later.explanation


def test_counted_four_digit_numbers_are_not_years():
    assert texts("Police said about 2000 demonstrators gathered.") == []
    assert texts("Results for 1998 improved.") == [("1998", "1998")]


def test_labels_are_not_years():
    assert texts("Windows 2000 ran in Room 2012 on Flight 1549.") == []


def test_two_digit_year_range():
    found = find_timexes("The 2024-25 season opens soon.", PUB)
    years = [(t.text, t.value, t.group_role) for t in found if t.rule == "year_range"]
    assert years == [("2024", "2024", "start"), ("25", "2025", "end")]
    assert found[0].group == found[1].group is not None


def test_a_weekday_with_a_part_of_the_day_is_a_time_like_this_morning():
    found = {
        t.text: (t.type, t.value)
        for t in find_timexes(
            "The vote was held Tuesday evening; the count began this morning.", PUB
        )
    }
    assert found == {
        "Tuesday evening": (TimexType.TIME, "2024-10-15TEV"),
        "this morning": (TimexType.TIME, "2024-10-16TMO"),
    }
    assert find_timexes("The vote was held Tuesday.", PUB)[0].type is TimexType.DATE


def test_a_weekday_part_in_the_plural_is_a_weekly_time():
    found = {t.text: (t.type, t.value) for t in find_timexes("The show airs Tuesday nights.", PUB)}
    assert found == {"Tuesday nights": (TimexType.SET, "XXXX-WXX-2TNI")}
    found = {t.text: t.value for t in find_timexes("They meet every Sunday morning.", PUB)}
    assert found == {"every Sunday morning": "XXXX-WXX-7TMO"}
