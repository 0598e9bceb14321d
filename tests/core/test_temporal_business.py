"""Business, market and industry news: results periods and their comparisons, market days, plans of
makers, amounts that are not dates. Sentences are our own."""

from __future__ import annotations

import datetime as dt

from dateline.core.sentences import split_sentences
from dateline.core.temporal import find_timexes

REPORT_DAY = dt.date(2006, 7, 28)  # a Friday, a results season


def read(text: str, published: dt.date | None = REPORT_DAY) -> dict[str, tuple[str, str, str]]:
    return {t.text: (t.type.value, t.value, t.mod) for t in find_timexes(text, published)}


def test_the_same_period_is_the_kind_of_period_just_told_of():
    found = read("Profit in the first half rose 35 percent from the same period last year.")
    assert found["the same period last year"][1] == "2005-H1"
    found = read("First-half profit rose 35 percent from the year-earlier period.")
    assert found["the year-earlier period"][1] == "2005-H1"
    found = read("Car sales in June rose 4 percent from the same period a year earlier.")
    assert found["the same period a year earlier"][1] == "2005-06"
    # a quarter, the usual reporting period, when none other is near
    assert (
        read("Revenue rose 8 percent from the same period last year.")["the same period last year"][
            1
        ]
        == "2005-Q2"
    )


def test_since_a_bare_month_or_weekday_looks_back():
    mid_january = dt.date(2010, 1, 13)  # a Wednesday
    found = read("Shares in the carmaker have doubled since March.", mid_january)
    assert found["March"][1] == "2009-03"
    found = read("The index is up 60 percent since early March.", mid_january)
    assert found["early March"][1:] == ("2009-03", "START")
    found = read("By Friday the plant will have been idle since Monday.", mid_january)
    assert found["Monday"][1] == "2010-01-11"
    assert read("The rate will rise in March.", mid_january)["March"][1] == "2010-03"


def test_the_end_of_the_decade_is_this_decades_end():
    found = read("By the end of the decade, the maker will build 45 jets a month.")
    assert found["the end of the decade"] == ("DATE", "200", "END")
    assert "the decade" not in read("Sales grew steadily through the decade.")


def test_a_model_year_names_a_product_and_dates_nothing():
    found = read("The 2010 model year Camaro went on sale in April.", dt.date(2009, 6, 1))
    assert found == {
        "April": ("DATE", "2009-04", "")
    }  # not April 2010, counted from the model year
    assert read("The recall covers cars from the 2005 to 2010 model years.") == {}
    assert read("Ford will show its 2011 models in September.") == {
        "September": ("DATE", "2006-09", "")
    }
    assert read("In 2010 models will change.")["2010"][1] == "2010"


def test_years_ago_this_month_is_that_month_years_back():
    june = dt.date(2009, 6, 1)
    found = read("The union agreed to the cuts two years ago this month.", june)
    assert found == {"two years ago this month": ("DATE", "2007-06", "")}
    assert read("The plant opened ten years ago today.", june) == {
        "ten years ago today": ("DATE", "1999-06-01", "")
    }


def test_a_count_in_words_before_a_unit_makes_a_rate():
    found = read("Production is expected to reach four a month by mid-2009.")
    assert found["a month"][:2] == ("SET", "P1M")
    assert read("The plant builds two a day.")["a day"][:2] == ("SET", "P1D")
    assert read("It took two months.")["two months"][:2] == ("DURATION", "P2M")


def test_over_after_take_is_the_verbs_not_more_than():
    found = read("Henderson, who took over two months ago, runs the carmaker.", dt.date(2009, 6, 1))
    assert found == {"two months ago": ("DATE", "2009-04", "")}
    found = read("The plant has been idle for over two months.")
    assert found == {"over two months": ("DURATION", "P2M", "MORE_THAN")}


def test_after_hours_trading_is_no_amount_of_time():
    found = read("Shares fell 3 percent in after-hours trading on Thursday.")
    assert found == {"Thursday": ("DATE", "2006-07-27", "")}
    assert read("Talks went on for hours.")["hours"][:2] == ("DURATION", "PTXH")


def test_a_clock_time_keeps_its_zone_in_its_span():
    found = read("Trading opened at 9:30 a.m. ET on Monday. Shares fell.")
    assert found["9:30 a.m. ET on Monday"][:2] == ("TIME", "2006-07-24T09:30")
    found = read("The index closed at 4 p.m. Eastern time.")
    assert found == {"4 p.m. Eastern time": ("TIME", "2006-07-28T16:00", "")}
    found = read("The bank will announce its decision at noon London time on Thursday.")
    assert found == {"noon London time on Thursday": ("TIME", "2006-08-03T12:00", "")}
    # the sentence does not end inside the time
    split = split_sentences("Stocks closed at 4 p.m. Eastern time on Friday. The Dow fell.")
    assert split[0].text == "Stocks closed at 4 p.m. Eastern time on Friday."


def test_the_year_to_a_day_is_a_reporting_period():
    found = read("Lehman shares lost 94 percent in the year to September 12.", dt.date(2008, 9, 16))
    assert found["the year"][:2] == ("DURATION", "P1Y")
    found = read("Profit in the year to come will rise.", dt.date(2008, 9, 16))
    assert found["the year"][:2] == ("DATE", "2008")


def test_overnight_is_the_night_before_not_a_kind_of_loan():
    found = read("Asian shares slumped overnight after the rate cut.")
    assert found == {"overnight": ("TIME", "2006-07-27TNI", "")}
    found = read("On Tuesday, oil fell 4 percent after heavy losses overnight.")
    assert found["overnight"][:2] == ("TIME", "2006-07-24TNI")
    assert read("The central bank left its overnight rate at 4.25 percent.") == {}
    assert read("Banks cut overnight lending to one another.") == {}
    assert read("The airline sold an overnight stay with each ticket.") == {}


def test_a_range_of_amounts_is_one_duration_of_at_least_the_first():
    found = read("The maker expects the delay to last six to seven months.")
    assert found == {"six to seven months": ("DURATION", "P6M", "EQUAL_OR_MORE")}
    found = read("The carmaker will close the plant in 60-90 days.")
    assert found == {"60-90 days": ("DURATION", "P60D", "EQUAL_OR_MORE")}
    found = read("The line will be idle for about four to six weeks.")
    assert found == {"about four to six weeks": ("DURATION", "P4W", "APPROX")}
    # a change of length is told by its new length; a model number is no range
    assert read("The bank extended the loan from 60 to 90 days.") == {
        "90 days": ("DURATION", "P90D", "")
    }
    assert read("The 787-8 days of flight tests ended.") == {}
    assert read("The 2024-25 season opens soon.")["2024"][1] == "2024"


def test_the_comparable_half_or_quarter_is_a_year_before():
    found = read("Net income for the first half fell 20 percent from the year-earlier half.")
    assert found["the year-earlier half"][:2] == ("DATE", "2005-H1")
    found = read(
        "The maker sold 40 jets in the second half of 2004, against 32 in the prior-year half."
    )
    assert found["the prior-year half"][1] == "2003-H2"
    assert read("Costs fell from the comparable half.")["the comparable half"][1] == "2005-H1"
    found = read("Operating profit was up from the comparable quarter.")
    assert found["the comparable quarter"][1] == "2005-Q2"
    # "the same quarter" is a year back where a figure is compared with it, else the one told of
    found = read("Sales in the first quarter rose 5 percent from the same quarter.")
    assert found["the same quarter"][1] == "2005-Q1"
    found = read(
        "Apple sold 9 million iPods in the first quarter. Rivals sold fewer in the same quarter."
    )
    assert found["the same quarter"][1] == "2006-Q1"
    assert "the same half" not in read("He spent the same half hour on it.")


def test_the_same_period_after_months_told_of_is_those_months_a_year_before():
    found = read("Revenue for the first nine months rose 12 percent from the same period.")
    assert found["the same period"][1] == "2005"
    found = read("Deliveries in the first six months of 2004 fell 3 percent from the same period.")
    assert found["the same period"][1] == "2003"
    found = read("Sales for the first six months of the year rose, compared with a year earlier.")
    assert found["a year earlier"][1] == "2005"


def test_year_to_date_is_this_year_so_far():
    assert read("The index is down 30 percent year-to-date.") == {
        "year-to-date": ("DATE", "2006", "")
    }
    found = read("Deliveries for the month to date fell 5 percent.")
    assert found == {"the month to date": ("DATE", "2006-07", "")}
    # as TimeBank tags "so far this year": the period, without "so far"
    assert read("Sales are down 12 percent so far this year.") == {
        "this year": ("DATE", "2006", "")
    }
    assert read("The carmaker has cut 5,000 jobs to date.") == {}


def test_the_final_hour_of_trading_is_an_amount_and_a_session_no_timex():
    found = read("Stocks fell sharply in the final hour of trading on Friday.")
    assert found["the final hour"][:2] == ("DURATION", "PT1H")
    assert read("The Dow rallied in the closing minutes.") == {
        "the closing minutes": ("DURATION", "PTXM", "")
    }
    # TimeML marks no session, bell or trading phase: no date is invented for them
    assert read("Shares rose 3 percent from the previous session, and more in late trading.") == {}
    assert read("The Dow fell 200 points at the opening bell.") == {}


def test_the_past_before_a_count_is_no_past_reference():
    assert read("The Dow has fallen in seven of the past eight sessions.") == {}
    assert read("In the past, the bank cut rates.") == {"the past": ("DATE", "PAST_REF", "")}


def test_over_an_amount_is_more_than_only_after_a_word_that_measures():
    # "over" as "during": TimeBank leaves it out of the span and gives no mod
    found = read("The bank will cut 1,500 jobs over three years.")
    assert found == {"three years": ("DURATION", "P3Y", "")}
    found = read("Over two years, the maker lost $5 billion.")
    assert found == {"two years": ("DURATION", "P2Y", "")}
    found = read("The tour is likely to last over a week.")
    assert found == {"over a week": ("DURATION", "P1W", "MORE_THAN")}
    assert read("He left over two years ago.")["over two years ago"][2] == "MORE_THAN"


def test_quarters_as_results_reports_write_them():
    found = read("Revenue in the June quarter rose 37 percent.")
    assert found == {"the June quarter": ("DATE", "2006-Q2", "")}
    found = read("In the September quarter of 2004 sales rose.")
    assert found == {"the September quarter of 2004": ("DATE", "2004-Q3", "")}
    assert read("The May quarter was weak.") == {}  # no quarter ends in May
    found = read("Q2 revenue was $7.9 billion, up from Q2 2005. The 2Q05 loss was smaller.")
    assert [found[k][1] for k in ("Q2", "Q2 2005", "2Q05")] == ["2006-Q2", "2005-Q2", "2005-Q2"]
    assert read("H1 2006 earnings fell 12 percent.") == {"H1 2006": ("DATE", "2006-H1", "")}
    # a model's name is no quarter
    assert read("The Audi Q3 went on sale.") == {}


def test_the_full_year_in_a_past_clause_early_in_the_year_is_the_year_just_ended():
    january = dt.date(2009, 1, 9)
    found = read("Sales for the full year fell 18 percent to 13.2 million vehicles.", january)
    assert found == {"the full year": ("DATE", "2008", "")}
    found = read("The maker expects sales for the full year to fall.", january)
    assert found == {"the full year": ("DATE", "2009", "")}
    assert read("Sales for the full year fell 3 percent.")["the full year"][1] == "2006"


def test_the_trailing_months_are_an_amount_back_from_now():
    found = read("Sales over the trailing 12 months rose 4 percent.")
    assert found == {"the trailing 12 months": ("DURATION", "P12M", "")}


def test_an_amount_after_a_preposition_is_no_rate_however_near_a_figure():
    found = read("The bank cut its rate to 3.25 percent, its second cut in a month.")
    assert found == {"a month": ("DURATION", "P1M", "")}
    assert read("The plant builds 40 jets a month.")["a month"][:2] == ("SET", "P1M")


def test_a_count_in_words_before_what_is_counted_makes_a_rate():
    found = read("The carrier will receive two jets a month from mid-2007.")
    assert found["a month"][:2] == ("SET", "P1M")
    assert read("The two carmakers met a month later.")["a month later"][:2] == ("DATE", "2006-08")


def test_a_day_that_year_is_a_day_of_the_year_told_before():
    found = read("The jet was unveiled in January 2005 and first flew on April 27 that year.")
    assert found["April 27"][1] == "2005-04-27" and found["that year"][1] == "2005"
    found = read("The plant opened in 1998. On May 3 that year, sales doubled.")
    assert found["May 3"][1] == "1998-05-03"
