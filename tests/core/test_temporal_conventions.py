"""TimeML / TempEval-3 reading conventions the engine follows, one test per rule.

Results reports ("a year earlier", "the quarter", "the 1988 period"), plans seen from after them, weeks named
by a day or a holiday. Articles are published Wed 16 Oct 2024 unless a test says otherwise.
"""

from __future__ import annotations

import datetime as dt

from dateline.core.model import Anchor, TimexType
from dateline.core.temporal import find_timexes

PUB = dt.date(2024, 10, 16)  # a Wednesday


def values(text: str, published: dt.date = PUB) -> dict[str, str]:
    return {t.text: t.value for t in find_timexes(text, published)}


def test_a_year_earlier_is_not_counted_from_a_year_ago():
    # both name the same comparison period; chaining them would land two years back
    found = values(
        "Profit was $5 million a year ago. Sales were $9 million, against $8 million a year earlier."
    )
    assert found["a year ago"] == "2023"
    assert found["a year earlier"] == "2023"


def test_year_earlier_adjective_after_a_quarter_is_that_quarter_last_year():
    found = values(
        "The company posted a third-quarter loss of $35 million, compared with year-earlier profit "
        "of $3.8 million."
    )
    assert found["third-quarter"] == "2024-Q3"
    assert found["year-earlier"] == "2023-Q3"


def test_year_earlier_after_the_nine_months_is_last_year():
    found = values(
        "The company posted a third-quarter loss. For the nine months, net was $306 million, "
        "compared with year-earlier net of $195 million."
    )
    assert found["year-earlier"] == "2023"


def test_a_year_earlier_after_the_nine_months_is_last_year():
    found = values(
        "Net rose in the third quarter. For the nine months, net was $9 million, up from $8 million "
        "a year earlier."
    )
    assert found["a year earlier"] == "2023"


def test_the_quarter_refers_to_the_quarter_the_report_names_first():
    text = (
        "Sun earned $5 million in the fiscal first quarter. Sales for the quarter rose 39%. "
        "In the 2023 period, it earned $20 million. Sun shipped 28,000 systems in the latest period."
    )
    found = {t.text: t for t in find_timexes(text, PUB)}
    assert found["the fiscal first quarter"].value == "2024-Q1"
    assert found["the quarter"].value == "2024-Q1"
    assert found["the quarter"].anchor is Anchor.MENTION
    assert found["the quarter"].anchor_start == text.index("the fiscal first quarter")
    assert found["the 2023 period"].value == "2023-Q1"
    assert found["the latest period"].value == "2024-Q1"


def test_the_year_earlier_period_is_the_named_quarter_a_year_back():
    found = values(
        "Net rose to $108 million in the third quarter. The comparison was helped by charges taken "
        "in the year-earlier period."
    )
    assert found["the year-earlier period"] == "2023-Q3"


def test_the_latest_quarter_without_a_named_quarter_is_the_one_just_ended():
    assert values("The firm reported a loss for the latest quarter.")["the latest quarter"] == (
        "2024-Q3"
    )


def test_a_restated_quarter_is_a_base_for_a_year_ago():
    # "the quarter" only restates the fiscal first quarter, so it still anchors the comparison
    found = values(
        "Sun earned $5 million in the fiscal first quarter. New loans were $6.6 million in the quarter "
        "compared with $361.8 million a year ago."
    )
    assert found["the quarter"] == "2024-Q1"
    assert found["a year ago"] == "2023-Q1"


def test_a_plan_seen_from_after_it_is_past():
    found = values("The offer had been scheduled to expire at midnight Friday.")
    assert found["midnight Friday"] == "2024-10-11T24"
    found = values("It had been due to expire Friday evening.")
    assert found["Friday evening"] == "2024-10-11TEV"


def test_planned_is_a_past_verb_and_plans_a_noun():
    assert (
        values("On Friday, the government planned to pay the families.")["Friday"] == "2024-10-11"
    )
    assert values("On Friday, when she set aside vacation plans, the talks resumed.")["Friday"] == (
        "2024-10-11"
    )


def test_the_week_of_a_day_is_that_iso_week():
    t = next(
        t
        for t in find_timexes("The hearing will be held the week of November 4.", PUB)
        if "week" in t.text
    )
    assert (t.text, t.value, t.type) == ("the week of November 4", "2024-W45", TimexType.DATE)


def test_a_holiday_week_is_the_week_holding_the_holiday():
    # Easter 2000 was Sunday 23 April, six days after publication: the nearest Easter, not 1999's
    found = values("Protesters prayed as Easter week began.", dt.date(2000, 4, 17))
    assert found["Easter week"] == "2000-W16"


def test_a_bare_holiday_is_its_nearest_occurrence():
    assert values("Talks stalled before Christmas.", dt.date(2025, 1, 5))["Christmas"] == (
        "2024-12-25"
    )
    assert values("Shops expect record sales at Christmas.", dt.date(2024, 12, 20))[
        "Christmas"
    ] == ("2024-12-25")


def test_a_present_tense_clause_leans_back_like_no_tense():
    found = values(
        "Investigators have been searching for him since the Oct. 23 slaying.", dt.date(1999, 5, 6)
    )
    assert found["Oct. 23"] == "1998-10-23"


def test_the_day_before_a_weekday_is_one_expression_a_day_off():
    # published Thu 24 Feb 2000; last Tuesday = 22 Feb
    t = next(
        t
        for t in find_timexes(
            "The day before last Tuesday's hearing, he visited.", dt.date(2000, 2, 24)
        )
        if "Tuesday" in t.text
    )
    assert (t.text, t.value) == ("day before last Tuesday", "2000-02-21")


def test_a_clock_time_takes_the_day_named_after_a_parenthesised_conversion():
    found = values("The blast occurred at about 10:35 a.m. (0735 GMT) Friday.", dt.date(1998, 8, 8))
    assert found["10:35 a.m."] == "1998-08-07T10:35"


def test_year_ago_results_after_the_year_ago_quarter_are_that_quarter():
    found = values(
        "Coast lost $92 million in the third quarter. It earned $10 million in the year-ago quarter. "
        "The year-ago results have been restated."
    )
    assert found["the year-ago quarter"] == "2023-Q3"
    assert found["year-ago"] == "2023-Q3"


def test_a_period_after_the_nine_months_is_those_months_of_that_year():
    found = values(
        "Net rose in the third quarter. In the first nine months, net was $306 million, compared "
        "with a loss of $195 million in the 2023 period."
    )
    assert found["the 2023 period"] == "2023"


def test_a_hyphenated_fiscal_quarter_is_a_quarter():
    found = values("It lost C$2 million in the fiscal-first quarter.")
    assert found["the fiscal-first quarter"] == "2024-Q1"


def test_a_year_said_in_words_completes_a_season_or_a_month():
    published = dt.date(1998, 2, 23)
    assert values("The level we saw in the winter of nineteen ninety-four.", published) == {
        "the winter of nineteen ninety-four": "1994-WI"
    }
    assert values("January nineteen ninety-seven. Atlanta again.", published) == {
        "January nineteen ninety-seven": "1997-01"
    }
    assert values("It happened in nineteen oh five.", published) == {"nineteen oh five": "1905"}


def test_then_current_is_the_past_it_tells_of():
    found = values("Holders may buy shares at 50% of the then current market price.")
    assert found == {"then current": "PAST_REF"}
