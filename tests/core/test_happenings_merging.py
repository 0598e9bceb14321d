"""One happening told in several articles: reports joined across articles on the evidence a reader
would accept, and only then."""

from __future__ import annotations

import datetime as dt

from dateline.core.engine import propose
from dateline.core.model import Article

TUE = dt.date(2021, 3, 9)


def events(*texts: str, published: dt.date | None = TUE):
    return propose([Article(f"a{i}", t, published=published) for i, t in enumerate(texts)])


def holding(evs, *words):
    """The events with a source whose sentence holds every word."""
    return [
        e
        for e in evs
        if any(all(w.lower() in s.sentence.lower() for w in words) for s in e.sources)
    ]


def test_a_launch_named_by_its_noun_joins_the_day_another_article_gives_it():
    evs = events(
        "The regional ferry line opened in Brest. The operator said the Ushant ferry line had "
        "carried two million passengers since its launch in 2015.",
        "Brittany Ferries launched the Ushant ferry line on 12 May 2015 with two ships.",
    )
    (launch,) = holding(evs, "launched the Ushant")
    assert launch.value == "2015-05-12"
    assert {s.document for s in launch.sources} == {"a0", "a1"}


def test_a_speakers_announcement_of_their_own_leave_joins_the_leave_another_article_reports():
    evs = events(
        "Mayor Ines Varga announced on 4 January that she would take a sabbatical leave from the "
        "town council.",
        "Ines Varga has been on sabbatical leave from the town council since January.",
        published=dt.date(2021, 2, 10),
    )
    (leave,) = holding(evs, "has been on sabbatical leave")
    assert leave.value == "2021-01-04"
    assert {s.document for s in leave.sources} == {"a0", "a1"}
    assert "same actor" in leave.sources[-1].joined or "same speaker" in leave.sources[-1].joined


def test_a_statement_is_not_joined_to_another_happening_of_its_speaker():
    evs = events(
        "Mayor Ines Varga announced on 4 January that the council would sell the old tram depot.",
        "Ines Varga has been on sabbatical leave from the town council since January.",
        published=dt.date(2021, 2, 10),
    )
    assert all(len({s.document for s in e.sources}) == 1 for e in evs)


def _profile(text: str, article: str):
    from dateline.core.happening import profile as profiles

    found = propose([Article(article, "Headline.\n\n" + text, published=dt.date(2019, 6, 12))])
    (p,) = [p for p in found if p.sources[0].start > len("Headline.")]
    return profiles.of_proposal(p)


def test_a_year_wide_report_is_offered_against_a_day_only_on_more_than_its_kind():
    from dateline.core.happening.same import Verdict, compare

    year = _profile("The ministry criticised the tariffs in 2019.", "a")
    day = _profile("The union criticised the reform on Monday.", "b")
    same_day = _profile("The bank criticised the budget on Monday.", "c")
    year_reform = _profile("The party criticised the reform in 2019.", "d")
    # one word in common, the kind itself: every criticism that year would be offered
    assert compare(year, day).verdict == Verdict.NONE
    # on one day the same kind is worth the analyst's look; so is more than the kind in a year
    assert compare(day, same_day).verdict == Verdict.SUGGEST
    assert compare(year_reform, day).verdict == Verdict.SUGGEST


def test_two_happenings_in_one_city_on_one_day_are_not_one_for_the_city():
    """A place is where something happened, not who did it: "in Geneva" is no shared actor."""
    from dateline.core.happening.same import Verdict, compare

    council = "The council approved the stadium in Geneva on Monday."
    assembly = "The assembly approved the tariffs in Geneva on Monday."
    evs = events(council, assembly)
    assert len(holding(evs, "council approved")) == 1
    assert holding(evs, "council approved") != holding(evs, "assembly approved")
    a, b = _profile(council, "a"), _profile(assembly, "b")
    found = compare(a, b)
    assert found.verdict == Verdict.SUGGEST  # the same kind on one day: worth the analyst's look
    assert "Geneva" not in found.explain()


def test_a_place_is_marked_as_a_place_and_an_organisation_as_a_name():
    evs = events("The ministers of Norway met the envoys of the European Union in Oslo on Monday.")
    (met,) = holding(evs, "met the envoys")
    terms = set(met.sources[0].terms)
    assert "%oslo" in terms and "&oslo" not in terms
    assert any(t.startswith(("&", "!")) and "european_union" in t for t in terms)


def test_a_headline_and_a_lead_opening_on_shares_of_the_company_are_one_happening():
    """ "Shares of Norvik Steel fell ..." is about Norvik Steel: "Shares" is no one's name, so the
    lead does not disagree with the headline about who it is about."""
    evs = events(
        "Norvik Steel shares plunge to lowest level since 2009\n\n"
        "Shares of Norvik Steel fell 12 percent to $3.10 on Monday, their lowest level since 2009,"
        " after the company cut its forecast.\n"
    )
    assert len(evs) == 1
    assert len(evs[0].sources) == 2


def test_reports_giving_different_prices_the_same_day_are_different_happenings():
    """Two closing prices on one day are two happenings, however alike the sentences (and
    "Yesterday" opening both is no actor they share); the same price in two articles, one."""
    evs = events(
        "Yesterday the stock closed at $12.25 in over-the-counter trading, down 40 cents.",
        "Yesterday the stock closed at $7.125 in over-the-counter trading, up 25 cents.",
    )
    assert len(evs) == 2
    evs = events(
        "Yesterday the stock closed at $12.25 in over-the-counter trading, down 40 cents.",
        "The stock closed yesterday at $12.25, down 40 cents, in over-the-counter trading.",
    )
    assert len(evs) == 1 and len(evs[0].sources) == 2


def test_counts_that_grow_from_report_to_report_do_not_split_a_happening():
    evs = events(
        "The ferry sank off Ushant on Monday, and 12 passengers were missing, the coastguard said.",
        "The ferry sank off Ushant on Monday; 15 passengers were missing by the evening.",
    )
    (sank,) = holding(evs, "ferry sank")
    assert len(sank.sources) == 2


def test_a_happening_told_in_the_passive_after_agreed_to_shares_the_sentence_s_date():
    evs = events(
        "Earlier this month, Norvik Steel filed for bankruptcy and Tarvik Mining agreed to be "
        "acquired by Ostra Holdings."
    )
    (acquired,) = [e for e in evs if e.title.startswith("Tarvik")]
    assert acquired.value == "2021-03"
    assert "^acquire" in acquired.key_terms
    assert not any(t == "&earlier" for e in evs for t in e.key_terms)  # "Earlier" is no name


def test_one_price_move_told_as_plunged_and_as_fell_is_one_happening():
    evs = events(
        "Shares of Norvik Steel plunged 12 percent to $3.10 on Monday after the company cut its "
        "forecast.",
        "Norvik Steel shares fell 12 percent to $3.10 on Monday after the steelmaker cut its "
        "profit forecast.",
    )
    assert len(evs) == 1 and len(evs[0].sources) == 2
    assert "^fall" in evs[0].key_terms


def test_a_name_and_its_initials_are_one_actor():
    """ "NSW" is "Norvik Steel Works": two reports of its plant closing that day are one event,
    not two that disagree about who closed it."""
    evs = events(
        "Norvik Steel Works closed its Tromso plant on Monday, ending 40 years of production.",
        "NSW shut its Tromso plant on Monday after four decades.",
    )
    assert len(evs) == 1 and len(evs[0].sources) == 2


def test_a_happening_dated_before_its_attribution_joins_another_articles_report_of_it():
    """ "X ordered ... on Monday, Y said": Monday dates the ordering, not the saying, so the report
    meets another article's account of the same order (same buyer, same kind, same day, same
    count), however differently the two go on."""
    evs = events(
        "Kestrel orders 40 Falcon jets\n\nKestrel Air ordered 40 more Falcon 900 jets on Monday, "
        "Veltra said, in a deal worth about $4 billion at list prices.",
        "Veltra wins order at Farnborough\n\nPortugal's Kestrel Air placed an order for 40 Falcon "
        "aircraft on Monday at the Farnborough air show.",
    )
    (order,) = holding(evs, "ordered 40 more")
    assert order.value == "2021-03-08"
    assert {s.document for s in order.sources} == {"a0", "a1"}
    assert "Kestrel" in order.sources[-1].joined


def test_two_companies_closes_on_one_exchange_are_two_happenings():
    """A stock exchange both name is where the shares traded, not who acted: two closing prices
    with different figures stay two happenings."""
    evs = events(
        "Varnell Holdings reported a loss. On the New York Stock Exchange, Varnell closed at $14, "
        "down 25 cents, with more than a million shares changing hands.",
        "Its shares closed at $6.375 each in composite New York Stock Exchange trading, down 25 "
        "cents.",
    )
    closes = holding(evs, "closed at")
    assert len(closes) == 2


def test_an_index_that_recovered_by_a_figure_rose_as_one_that_rebounded():
    evs = events(
        "Asian shares rise\n\nThe Hang Seng index recovered 2.7 percent on Monday.",
        "Hong Kong rallies\n\nHong Kong's Hang Seng index rebounded 2.7 percent on Monday after "
        "a week of losses.",
    )
    (move,) = holding(evs, "2.7 percent")
    assert {s.document for s in move.sources} == {"a0", "a1"}


def test_a_headline_on_the_new_company_is_the_lead_on_the_company():
    """ "New Marlow emerges from bankruptcy": the headline's "New" is no other company."""
    (emerged,) = events(
        "New Marlow emerges from bankruptcy\n\nMarlow Motors emerged from bankruptcy on Monday "
        "as a smaller company."
    )
    assert emerged.value == "2021-03-08" and len(emerged.sources) == 2


def test_one_index_move_told_with_a_record_or_a_cause_is_one_happening():
    """The same fall of 512 points, told the next day with its record and two weeks later with
    its cause, shares little else; a figure of hundreds of points in common on one day does."""
    evs = events(
        "Tokyo slumps\n\nThe Nikkei 225 fell 512 points, or 4.1 percent, on Monday, its steepest "
        "one-day fall since the markets reopened after the 2011 earthquake.",
        "Tokyo steadies\n\nThe drop was the largest since March 8, when the index lost 512 points "
        "after a sell-off in Shanghai.",
    )
    (fall,) = holding(evs, "512 points")
    assert {s.document for s in fall.sources} == {"a0", "a1"}
    # two indices moving by the same small figure that day stay two moves
    evs = events(
        "London falls\n\nThe FTSE 100 fell 2.1 percent on Monday.",
        "Europe falls\n\nThe Paris bourse lost 2.1 percent on Monday.",
    )
    assert len(holding(evs, "2.1 percent")) == 2
