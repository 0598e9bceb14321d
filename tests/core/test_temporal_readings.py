"""Readings news copy gets wrong easily: year shifts of comparisons, future clauses, the year just
mentioned, names of events, spans of years, fractions of units. Sentences are our own."""

from __future__ import annotations

import datetime as dt

from dateline.core.temporal import find_timexes

WED = dt.date(2009, 3, 4)  # a Wednesday


def read(text: str, published: dt.date | None = WED) -> dict[str, tuple[str, str, str]]:
    return {t.text: (t.type.value, t.value, t.mod) for t in find_timexes(text, published)}


def test_and_a_half_counts_half_a_unit():
    assert read("The project took almost two and a half years.") == {
        "almost two and a half years": ("DURATION", "P2Y6M", "LESS_THAN")
    }
    assert read("The hearing lasted 3 and a half hours.") == {
        "3 and a half hours": ("DURATION", "PT3H30M", "")
    }
    assert read("She left the board two and a half years ago.") == {
        "two and a half years ago": ("DATE", "2006-09", "")
    }
    assert read("He resigned a year and a half ago.")["a year and a half ago"][1] == "2007-09"
    assert read("A minute and a half later the lights came on.") == {
        "A minute and a half": ("DURATION", "PT1M30S", "")
    }


def test_the_past_decade_is_the_ten_years_up_to_now():
    assert read("Prices have doubled over the past decade.") == {
        "the past decade": ("DURATION", "P10Y", "")
    }
    assert read("It was the wettest summer of the last century.")["the last century"][:2] == (
        "DURATION",
        "P100Y",
    )
    assert read("Sales peaked in the 1990s.")["the 1990s"][1] == "199"  # a named decade is a date


def test_the_same_period_last_year_is_a_year_before_the_period_told_of():
    assert read("Exports rose 8% from the same period last year.") == {
        "the same period last year": ("DATE", "2007-Q4", "")  # the quarter reported on, a year back
    }
    found = read("Orders fell in the fourth quarter. In the same period a year earlier they rose.")
    assert found["the same period a year earlier"][1] == "2007-Q4"
    found = read("Sales in January were 3% above the same month last year.")
    assert found["the same month last year"][1] == "2008-01"
    found = read(
        "Rents in the week of May 4 were up on the same week of 2006.", dt.date(2008, 5, 9)
    )
    assert found["the same week of 2006"][1] == "2006-W18"


def test_the_entire_year_and_the_year_previous_count_from_the_year_just_told_of():
    found = read("In 2005 the firm lost money for the entire year.")
    assert found["the entire year"][1] == "2005"
    found = read("The firm was founded in 1998. The year previous, its founder had left IBM.")
    assert found["The year previous"][1] == "1997"
    # with no comma after it: "previous" and "earlier" are never prepositions
    found = read("Orders rose in 2004. The year previous they had fallen by half.")
    assert found["The year previous"][1] == "2003"
    found = read("Orders rose in 2004; the month earlier nobody had expected it.")
    assert "the month earlier" in found
    # "before" and "after" followed by words are prepositions: the day is the vote's, not a shift
    assert "the day after the vote" not in read("He left the day after the vote.")
    found = read("Revenue fell to $3 million last year, down from $5 million the year before.")
    assert found["the year before"][1] == "2007"
    # with nothing told of nearby, the whole year is the publication's; "the full year" of a results
    # report is its own year too
    assert read("The firm expects a loss for the whole year.")["the whole year"][1] == "2009"
    found = read(
        "Target sales were set for 1992. The company forecast higher profit for the full year."
    )
    assert found["the full year"][1] == "2009"


def test_a_day_named_for_an_event_is_not_this_weeks_day():
    assert read("Traders still talk about Black Monday.") == {}
    assert read("Primaries in many states fall on Super Tuesday.") == {}
    found = read("Security has been tight since the September 11th attacks.")
    assert found == {"September 11th": ("DATE", "2001-09-11", "")}
    assert read("After 9/11, airlines cut flights.") == {"9/11": ("DATE", "2001-09-11", "")}
    assert read("Shops opened early on Black Friday.")["Black Friday"][1] == "2008-11-28"
    # a date that names no event is still read as one
    assert read("The board met on September 11, 2008.")["September 11, 2008"][1] == "2008-09-11"
    assert read("Prices fell on Monday.") == {"Monday": ("DATE", "2009-03-02", "")}


def test_a_future_or_modal_clause_points_ahead():
    assert read("The new terminal should be completed in October.")["October"][1] == "2009-10"
    assert read("The bridge is closed until Friday.")["Friday"][1] == "2009-03-06"
    assert read("The museum stays open through Sunday.")["Sunday"][1] == "2009-03-08"
    assert read("The plant could reopen in the third quarter.")["the third quarter"][1] == "2009-Q3"
    assert read("Sales may recover in the second half.")["second half"][1] == "2009-H2"
    found = read("The firm expects to report a fourth-quarter loss.", dt.date(2009, 1, 20))
    assert found["fourth-quarter"][1] == "2008-Q4"  # just ended: the report is what lies ahead
    # and the past stays past
    assert read("The bridge was closed until Friday.")["Friday"][1] == "2009-02-27"
    assert read("Reporters could not reach him Monday.")["Monday"][1] == "2009-03-02"
    assert read("The fund's sales were flat this year through January.")["January"][1] == "2009-01"


def test_a_verb_after_and_opens_its_own_clause():
    # the weekday's own clause is past however near the next clause's "will" stands
    text = "The mayor met with harbour pilots and their union on Monday and will visit the docks on Friday."
    found = read(text)
    assert found["Monday"][1] == "2009-03-02"
    assert found["Friday"][1] == "2009-03-06"
    # a cue after the date still tells the tense when nothing before it does
    assert read("The talks on Monday will decide it.")["Monday"][1] == "2009-03-09"


def test_the_weekend_of_a_day_is_that_weekend_and_can_be_placed():
    (t,) = find_timexes("The storm hit on the weekend of October 11.", dt.date(2008, 10, 14))
    assert (t.text, t.value) == ("the weekend of October 11", "2008-W41-WE")
    assert (t.earliest, t.latest) == (dt.date(2008, 10, 11), dt.date(2008, 10, 12))
    (t,) = find_timexes("Rain is expected this weekend.", WED)
    assert (t.value, t.earliest, t.latest) == (
        "2009-W10-WE",
        dt.date(2009, 3, 7),
        dt.date(2009, 3, 8),
    )
    (t,) = find_timexes("The talks this weekend went well.", dt.date(2009, 3, 2))  # a Monday
    assert t.value == "2009-W09-WE"  # told in the past: the weekend just gone


def test_the_next_day_counts_from_the_day_just_told_of():
    text = (
        "On February 9, the union called a strike. Two days later, talks resumed. "
        "The next day, the strike ended."
    )
    assert read(text)["The next day"][1] == "2009-02-12"
    # a coarser date told in between: the day is one of that month, not an earlier day
    text = "On Monday the mayor spoke. The pier burned last October. The ferry sank that same day."
    assert read(text)["that same day"][1] == "2008-10"


def test_a_present_schedule_points_ahead():
    assert (
        read("The meeting starts at 3 p.m. on Monday.")["3 p.m. on Monday"][1] == "2009-03-09T15:00"
    )
    assert read("The festival takes place on Saturday.")["Saturday"][1] == "2009-03-07"
    assert read("The season started Monday.")["Monday"][1] == "2009-03-02"
