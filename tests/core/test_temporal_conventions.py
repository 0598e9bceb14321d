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


def test_the_near_and_short_term_and_a_later_date_are_the_future():
    assert values("We don't minimize the challenges of the near term.") == {
        "the near term": "FUTURE_REF"
    }
    assert values("It wants to placate holders in the short term.") == {
        "the short term": "FUTURE_REF"
    }
    assert values("It may raise more money at a later date.") == {"a later date": "FUTURE_REF"}
    # the adjective is no time: "near-term earnings", "the short-term debt"
    assert values("Experts predict near-term earnings trouble and less short-term debt.") == {}


def test_discourse_earlier_is_a_signal_not_a_timex():
    # "Earlier," only orders two told events; TimeML tags it as no TIMEX3
    assert values("They refused. Earlier, they had said they would give the boy up.") == {}


def test_soon_in_a_told_past_or_before_after_is_no_future():
    assert values("The trickle of cash soon became a flood.") == {}
    assert values("He was soon released from hospital.") == {}
    assert values("He was probably killed soon after being captured.") == {}
    assert values("Rebels plan to strike again soon.") == {"soon": "FUTURE_REF"}


def test_a_quoted_title_is_a_name_not_a_timex():
    assert values('Baker said on ABC\'s "This Week With David Brinkley" that talks failed.') == {}
    assert values('The poster showed Gary Cooper in "High Noon."') == {}
    assert values('"This week we saw the edge erode," he said.')["This week"] == "2024-W42"
    assert values('"Today," he said, "we vote."') == {"Today": "2024-10-16"}  # speech, not a name


def test_year_s_end_is_the_end_of_the_year():
    t = find_timexes("Rules should be in place by year's end.", PUB)[0]
    assert (t.text, t.value, t.mod) == ("year's end", "2024", "END")


def test_a_season_after_over_into_or_through_is_a_time():
    published = dt.date(1989, 10, 26)
    assert values("Over the summer, rivals cut prices.", published) == {"the summer": "1989-SU"}
    assert values("Demand ran high well into the summer.", published) == {"the summer": "1989-SU"}


def test_election_day_is_the_tuesday_after_the_first_monday_of_november():
    found = values(
        "Clinic violence will be a theme from now to Election Day.", dt.date(1998, 10, 26)
    )
    assert found["Election Day"] == "1998-11-03"


def test_midday_is_noon():
    found = values("He was to appear before a judge at midday.", dt.date(1999, 10, 8))
    assert found["midday"] == "1999-10-08T12:00"


def test_a_vague_count_later_is_a_vague_amount_not_the_future():
    # "a few days later" in a story told in the past is behind the writer, not ahead
    published = dt.date(1989, 10, 27)
    t = next(
        t
        for t in find_timexes("It named a chief. A few days later, it announced losses.", published)
        if "later" in t.text
    )
    assert (t.value, t.type) == ("PXD", TimexType.DURATION)


def test_the_weeks_ahead_is_a_vague_amount():
    t = find_timexes("Funds may have to sell junk in the weeks ahead.", PUB)[0]
    assert (t.text, t.value, t.type) == ("the weeks ahead", "PXW", TimexType.DURATION)


def test_a_deferral_until_a_day_points_past_the_telling():
    # published Thu 30 Mar 2000: "postponed until Tuesday" is the coming Tuesday
    found = values("Officials postponed until Tuesday morning any action.", dt.date(2000, 3, 30))
    assert found["Tuesday morning"] == "2000-04-04TMO"
    found = values("The INS extended its deadline until 9 a.m. EST Tuesday.", dt.date(2000, 4, 3))
    assert found["9 a.m. EST Tuesday"] == "2000-04-04T09:00"


def test_an_adjective_in_ed_is_no_past_verb_and_would_be_paid_is_future():
    found = values(
        "The split would be paid on a still unspecified date in January to holders of record.",
        dt.date(1989, 10, 26),
    )
    assert found["January"] == "1990-01"


def test_mid_afternoon_is_the_middle_of_that_part_of_the_day():
    published = dt.date(1989, 11, 2)
    t = find_timexes("In London at mid-afternoon yesterday, shares were up.", published)[0]
    assert (t.text, t.value, t.type, t.mod) == (
        "mid-afternoon yesterday",
        "1989-11-01TAF",
        TimexType.TIME,
        "MID",
    )
    assert values("By mid afternoon, sources were saying the forces had left.", published) == {
        "mid afternoon": "1989-11-02TAF"
    }


def test_a_day_word_capitalised_inside_a_sentence_is_part_of_a_name():
    assert values("This is VOA Today.") == {}
    assert values("Her lawyer told USA Today that the deal was off.") == {}
    assert values("The minister spoke on the Today programme.") == {}
    assert values("Allies Meet Today") == {"Today": "2024-10-16"}  # a title-case headline
    assert values("Shares Rise Today, Analysts Say") == {"Today": "2024-10-16"}
    assert values("Officials said: Today we vote.") == {"Today": "2024-10-16"}
    assert values("He left. Yesterday he came back.") == {"Yesterday": "2024-10-15"}
    assert values("President Bush today denounced the move.") == {"today": "2024-10-16"}


def test_a_frequency_word_before_a_name_is_a_periodical():
    assert values("The party daily Granma printed the speech.") == {}
    assert values("He wrote in the news weekly Der Spiegel that prices rose.") == {}
    assert values("The bulletin is published weekly.") == {"weekly": "P1W"}
    assert values("The board holds weekly Monday meetings.")["weekly"] == "P1W"


def test_the_first_two_quarters_of_a_year_is_its_first_half():
    found = values(
        "The slump will last through the first two quarters of 1990.", dt.date(1989, 10, 26)
    )
    assert found == {"first two quarters of 1990": "1990-H1"}


def test_the_last_quarter_of_a_year_is_its_fourth():
    # it was read as the quarter before publication in that year ("2010-Q1" in a May article)
    found = values("It delivered 7,000 cars in the last quarter of 2010.", dt.date(2011, 5, 10))
    assert found == {"the last quarter of 2010": "2010-Q4"}
    assert values("Sales fell in the last quarter of last year.")[
        "the last quarter of last year"
    ] == ("2023-Q4")


def test_a_bare_month_in_a_past_account_takes_the_year_its_sentence_gives():
    # read from publication, "in July" was the July before it: 2010, six years after the account
    may = dt.date(2011, 5, 10)
    found = values("The bank raised rates in June 2004, sending the dollar to a high in July.", may)
    assert found["July"] == "2004-07"
    found = values("The strike began in November 2008 and ended in February.", may)
    assert found["February"] == "2009-02"  # the February after that November
    found = values("Talks that broke down in 2009 will resume in June.", may)
    assert found["June"] == "2011-06"  # a future clause: counted from publication
    found = values("It has grown since 2003 and as of February it holds 70% of the market.", may)
    assert found["February"] == "2011-02"


def test_trading_and_business_days_are_days():
    found = {
        t.text: (t.value, t.type) for t in find_timexes("It settles in five business days.", PUB)
    }
    assert found["five business days"] == ("P5D", TimexType.DURATION)
    found = values(
        "Eight trading days after Oct. 12, the index was still down.", dt.date(1989, 10, 27)
    )
    assert found["Eight trading days"] == "P8D"


def test_an_hour_in_the_morning_or_at_night_is_a_clock_time():
    # published Wed 5 Apr 2000; the conversion in brackets names the day
    found = values(
        "The father will leave at 4 in the morning (4 a.m. EDT Thursday), Castro said.",
        dt.date(2000, 4, 5),
    )
    assert found["4 in the morning"] == "2000-04-06T04:00"
    assert values("The rally ended at 10 at night.")["10 at night"] == "2024-10-16T22:00"


def test_sentence_opening_now_comma_is_a_discourse_marker():
    assert values('Iraq was ready to withdraw. Now, he says, "the West wants war."') == {}
    assert values("Now the appeals court has ruled.") == {"Now": "PRESENT_REF"}
    assert values("For now, the embassy works from a hotel.") == {"now": "PRESENT_REF"}


def test_one_day_before_a_verb_is_someday():
    assert values("Islam will one day be the second largest religion.") == {"one day": "FUTURE_REF"}
    assert values("He hopes he one day follows them into space.") == {"one day": "FUTURE_REF"}
    t = find_timexes("Officials cut service to one day a week.", PUB)[0]
    assert (t.text, t.value) == ("one day", "P1D")
    assert values("The action followed by one day an announcement.") == {"one day": "P1D"}


def test_an_amount_later_than_planned_is_a_delay_not_a_date():
    # "18 months later than planned" measures a delay: no date 18 months after publication
    found = values("The yard handed over the first ferry on Monday, 18 months later than planned.")
    assert found == {"Monday": "2024-10-14", "18 months": "P18M"}
    # without "than" it is still a shift in time
    (later,) = find_timexes("The plant will reopen two years later.", PUB)
    assert (later.text, later.type) == ("two years later", TimexType.DATE)
