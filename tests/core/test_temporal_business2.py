"""Business, market and aviation news, a third round: weeks of a month, rates of days, fiscal periods,
amounts after verbs, deadlines and holidays. Sentences are our own."""

from __future__ import annotations

import datetime as dt

from dateline.core.temporal import find_timexes

REPORT_DAY = dt.date(2008, 10, 15)  # a Wednesday, in an earnings season


def read(text: str, published: dt.date | None = REPORT_DAY) -> dict[str, tuple[str, str, str]]:
    return {t.text: (t.type.value, t.value, t.mod) for t in find_timexes(text, published)}


def test_a_week_or_weekday_counted_in_a_month_is_one_date():
    found = read("The plant will close during the last week of March.")
    assert found == {"the last week of March": ("DATE", "2009-W13", "")}
    found = read("The maker will hold its annual meeting on the third Tuesday of May.")
    assert found == {"the third Tuesday of May": ("DATE", "2009-05-19", "")}
    found = read("Deliveries fell in the first week of October 2007.")
    assert found == {"the first week of October 2007": ("DATE", "2007-W40", "")}
    found = read("The machinists walked out in the second week of last month.")
    assert found == {"the second week of last month": ("DATE", "2008-W37", "")}
    found = read("The airshow opens on the first weekend of June.")
    assert found == {"the first weekend of June": ("DATE", "2009-W23-WE", "")}
    found = read("Bailout funds run out on the last Friday of the month.")
    assert found == {"the last Friday of the month": ("DATE", "2008-10-31", "")}
    # in a future clause, a week of the year that is over is next year's
    found = read("Deliveries will resume in the first week of the year.")
    assert found == {"the first week of the year": ("DATE", "2009-W01", "")}
    assert read("Sales fell in the final week of the year.")["the final week of the year"][1] == (
        "2008-W52"
    )


def test_days_in_each_week_are_one_frequency():
    found = read("Pilots will strike two days a week until the dispute is settled.")
    assert found == {"two days a week": ("SET", "P1W", "")}
    found = read("The plant runs 24 hours a day, seven days a week.")
    assert found == {"24 hours a day": ("SET", "P1D", ""), "seven days a week": ("SET", "P1W", "")}
    # what is counted is no unit of time: the rate is the "a day" alone
    assert read("The carrier flies three flights a day.") == {"a day": ("SET", "P1D", "")}
    # a coarser unit in a finer one is no rate of days
    assert "two years a week" not in read("It took two years a week ago.")


def test_an_amount_ahead_or_behind_a_plan_is_no_rate():
    found = read("Airbus delivered its 6,000th jet on Monday, a month ahead of plan.")
    assert found["a month"] == ("DURATION", "P1M", "")
    assert read("The plant builds 40 jets a month.")["a month"] == ("SET", "P1M", "")


def test_took_over_an_amount_is_more_than_it():
    found = read("Certification of the freighter took over two weeks.")
    assert found == {"over two weeks": ("DURATION", "P2W", "MORE_THAN")}
    # a date after the verb: the chief who took over
    found = read("The new chief, who took over two weeks ago, cut jobs.")
    assert found == {"two weeks ago": ("DATE", "2008-W40", "")}


def test_a_past_the_same_as_its_present_tells_a_finished_move():
    # published on a Wednesday: "hit" is no future, so Thursday is last week's
    assert read("Shares of the bank hit a record on Thursday.")["Thursday"][1] == "2008-10-09"
    assert read("Oil put in a high on Thursday.")["Thursday"][1] == "2008-10-09"
    # after a modal, "to" or "is" the verb is no past
    assert read("Shares could hit a record on Thursday.")["Thursday"][1] == "2008-10-16"
    assert read("The vote is set for Thursday.")["Thursday"][1] == "2008-10-16"
    assert read("It was a hit on Thursday.")["Thursday"][1] == "2008-10-09"


def test_a_present_that_tells_the_calendar_points_ahead():
    assert read("The union's contract expires on Saturday.")["Saturday"][1] == "2008-10-18"
    assert read("The Fed meets on Tuesday.")["Tuesday"][1] == "2008-10-21"
    assert read("The payment is due Friday.")["Friday"][1] == "2008-10-17"
    assert read("The buyout offer ends Friday.")["Friday"][1] == "2008-10-17"


def test_a_day_counted_from_a_named_day_is_one_date():
    found = read("The Senate vote will take place a week from Monday.")
    assert found == {"a week from Monday": ("DATE", "2008-10-27", "")}
    assert read("The sale should close two weeks from today.") == {
        "two weeks from today": ("DATE", "2008-10-29", "")
    }
    # an amount of time that starts that day stays an amount
    found = read("The plant closed for a week from Monday.")
    assert found == {"a week": ("DURATION", "P1W", ""), "Monday": ("DATE", "2008-10-13", "")}


def test_the_following_weekday_goes_on_from_the_day_told_of():
    found = read("The union met on Oct. 2 and again the following Tuesday.")
    assert found["the following Tuesday"] == ("DATE", "2008-10-07", "")
    found = read("The board will meet the following Tuesday.")
    assert found == {"the following Tuesday": ("DATE", "2008-10-21", "")}


def test_the_market_holidays_are_dates():
    found = read("U.S. markets were closed on Monday for Columbus Day.")
    assert found["Columbus Day"] == ("DATE", "2008-10-13", "")
    assert read("Markets will be shut on Presidents Day.")["Presidents Day"][1] == "2009-02-16"
    found = read("Markets will be closed for Martin Luther King Jr. Day.")
    assert found["Martin Luther King Jr. Day"][1] == "2009-01-19"
    assert read("London was shut on Easter Monday.")["Easter Monday"][1] == "2008-03-24"
    assert read("Stocks rose on the Fourth of July.")["Fourth of July"][1] == "2008-07-04"


def test_the_turn_of_the_century_is_about_its_change():
    found = read("At the turn of the century, the airline was the world's largest.")
    assert found == {"the turn of the century": ("DATE", "2000", "APPROX")}
    found = read("By the turn of the century the plant will be closed.", dt.date(1996, 5, 2))
    assert found == {"the turn of the century": ("DATE", "2000", "APPROX")}


def test_this_time_last_year_is_this_month_a_year_back():
    assert read("Sales were up from this time last year.") == {
        "this time last year": ("DATE", "2007-10", "")
    }
    assert read("Fares are flat from the same time a year ago.") == {
        "the same time a year ago": ("DATE", "2007-10", "")
    }


def test_a_long_or_holiday_weekend_is_a_weekend():
    found = read("Stocks fell on Friday before the long weekend.")
    assert found["the long weekend"][0] == "DATE"
    assert found["the long weekend"][1].endswith("-WE")
    # a Monday holiday's weekend is the one before it
    found = read("Airlines expect record traffic over the Labor Day holiday weekend.", REPORT_DAY)
    assert found == {"the Labor Day holiday weekend": ("DATE", "2008-W35-WE", "")}
    found = read("Sales soared over the Thanksgiving weekend.", dt.date(2008, 12, 2))
    assert found == {"the Thanksgiving weekend": ("DATE", "2008-W48-WE", "")}


def test_hours_and_minutes_move_a_clock_time_not_days():
    found = read("Trading was halted at 10:42 a.m. and resumed an hour later.")
    assert found["an hour later"] == ("TIME", "2008-10-15T11:42", "")
    found = read("Trading was halted at 3:50 p.m. on Monday and resumed 20 minutes later.")
    assert found["20 minutes later"] == ("TIME", "2008-10-13T16:10", "")
    # without a clock time, a few hours back is still the day
    assert read("The jet landed two hours ago.") == {"two hours ago": ("DATE", "2008-10-15", "")}
    assert read("The deal was signed 30 minutes ago.")["30 minutes ago"][1] == "2008-10-15"


def test_a_fiscal_quarter_in_a_forecast_is_the_coming_one():
    january = dt.date(2009, 1, 21)
    found = read("Sales in its fiscal second quarter, which ends in March, will fall.", january)
    assert found["fiscal second quarter"][1] == "2009-Q2"
    found = read("The company expects a loss in the fiscal third quarter.", january)
    assert found == {"the fiscal third quarter": ("DATE", "2009-Q3", "")}
    # as TimeBank labels it: the fiscal year's quarter, in the calendar notation
    found = read("Net income for the fiscal first quarter ended Dec. 27 fell 8 percent.", january)
    assert found["the fiscal first quarter"][1] == "2009-Q1"


def test_for_the_month_after_a_month_told_of_is_that_month():
    may = dt.date(2010, 5, 7)
    found = read("The index ended April up 1.5 percent for the month.", may)
    assert found["the month"] == ("DATE", "2010-04", "")
    found = read("Sales rose 5 percent in 2009, and for the year profit doubled.", may)
    assert found["the year"] == ("DATE", "2009", "")
    # with nothing told of, the month of the report
    assert read("Sales for the month fell.", may) == {"the month": ("DATE", "2010-05", "")}


def test_a_quarter_of_something_is_a_share_not_three_months():
    assert read("The delay wiped a quarter off the value of the maker.") == {}
    assert read("The carmaker will cut a quarter of its staff.") == {}
    assert read("The plant was idle for a quarter.") == {"a quarter": ("DURATION", "P1Q", "")}
    found = read("The airline has lost money for several quarters of the past two years.")
    assert found["several quarters"][:2] == ("DURATION", "PXQ")


def test_the_new_year_and_an_extra_week():
    december = dt.date(2008, 12, 4)
    assert read("Production will resume in the new year.", december) == {
        "the new year": ("DATE", "2009", "")
    }
    assert read("Sales fell in the new year.", dt.date(2009, 1, 20))["the new year"][1] == "2009"
    assert read("The New Year holiday closed markets.", december) == {}
    found = read("The maker will idle its plants for an extra week.", december)
    assert found == {"an extra week": ("DURATION", "P1W", "")}


def test_a_weekday_naming_a_deadline_still_to_come_lies_ahead():
    wednesday = dt.date(2009, 3, 25)
    found = read("The Treasury set a Friday deadline for the banks.", wednesday)
    assert found["Friday"][1] == "2009-03-27"
    found = read("Chrysler raced against Thursday's deadline to reach a deal.", wednesday)
    assert found["Thursday"][1] == "2009-03-26"
    assert read("The deadline is Friday.", wednesday)["Friday"][1] == "2009-03-27"
    # a deadline gone by stays behind
    assert read("The union missed Monday's deadline.", wednesday)["Monday"][1] == "2009-03-23"
    assert read("The deadline passed on Monday.", wednesday)["Monday"][1] == "2009-03-23"
