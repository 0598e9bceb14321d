"""Sentences with two happenings and two dates in different clauses: each happening gets its own
clause's date and a title in its own words, never the other clause's words or its date."""

from __future__ import annotations

import datetime as dt

import pytest

from dateline.core.engine import propose
from dateline.core.happening.clauses import clauses
from dateline.core.model import Article

PUBLISHED = dt.date(2011, 5, 10)  # a Tuesday


def titled(text: str, published: dt.date = PUBLISHED) -> dict[str, list[str]]:
    """The titles of the events proposed from ``text``, by date."""
    out: dict[str, list[str]] = {}
    for e in propose([Article(id="a", text=text, published=published)]):
        out.setdefault(e.value if e.end is None else f"{e.value}/{e.end}", []).append(e.title)
    return out


def test_a_plural_noun_after_its_determiner_does_not_hide_the_verb_before_it():
    # "its phones" read as "phones" the verb made "added" a participle: the clause had no verb,
    # and each date took the other clause's words as its title
    found = titled(
        "In the late 1990s Gorvik added cameras to its phones, prompting Borel to sue again in 1999."
    )
    assert found["199"] == ["Gorvik added cameras to its phones"]
    assert found["1999"] == ["Borel to sue again"]


@pytest.mark.parametrize(
    ("text", "value", "expected"),
    [
        ("Northwind cut its dividend in March 2009, forcing pension funds to sell the shares in "
         "2010.", "2010", "Pension funds to sell the shares"),
        ("Heavy rains flooded the valley in 2002, leading the government to declare an emergency "
         "in 2003.", "2003", "Government to declare an emergency"),
        ("The protest began in Cairo on January 25, prompting the president to resign on "
         "February 11.", "2011-02-11", "President to resign"),
    ],
)  # fmt: skip
def test_a_date_after_prompting_someone_to_act_dates_what_they_did(text, value, expected):
    titles = titled(text)
    assert titles[value] == [expected]
    assert all(
        expected.lower() not in t.lower() for v, ts in titles.items() if v != value for t in ts
    )


def test_a_number_with_a_thousands_comma_does_not_cut_its_clause():
    s = "The carmaker sold 9,000 vans in 2011, after it delivered 7,000 in 2010."
    found = clauses(s)
    assert [s[c.verb_start : c.verb_end] for c in found] == ["sold", "delivered"]
    assert titled(s)["2011"] == ["Carmaker sold 9,000 vans"]


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        ("The treaty, which was signed in 1992, was ratified by the Senate in 1994.",
         ("1992", "Treaty was signed"), ("1994", "Treaty was ratified by the Senate")),
        ("The judge, who was appointed in 1998, dismissed the case on Wednesday.",
         ("1998", "Judge was appointed"), ("2011-05-04", "Judge dismissed the case")),
        ("Rivera, who won the title in 1999, retired from boxing in 2004.",
         ("1999", "Rivera won the title"), ("2004", "Rivera retired from boxing")),
        ("The brewery, founded in 1946, closed its last plant on Monday.",
         ("1946", "Brewery founded"), ("2011-05-09", "Brewery closed its last plant")),
    ],
)  # fmt: skip
def test_an_aside_after_the_subject_is_a_happening_of_its_own(text, first, second):
    # the aside and the clause it interrupts were one clause: each date's title held the other's
    # verb ("Treaty was signed, was ratified by the Senate in 1994")
    found = titled(text)
    for value, title in (first, second):
        assert found[value] == [title]


def test_the_statement_after_an_aside_is_the_speaker_s_not_the_aside_s():
    found = titled(
        "Vantair, which delivered 498 aircraft in 2009, said on Monday that it had won 120 "
        "orders in April."
    )
    assert found["2009"] == ["Vantair delivered 498 aircraft"]
    assert all("2009" not in t and "498" not in t for t in found["2011-05-09"])


def test_a_verb_after_an_apposition_is_the_clause_s_own_verb():
    s = "The owner's lawyer, Ann Roe, said the fire started in the kitchen, spread to the roof."
    assert [s[c.verb_start : c.verb_end] for c in clauses(s)][:1] == ["said"]


def test_a_record_summed_up_after_a_dated_aside_is_not_the_day_s_news():
    found = titled(
        "Okafor, born in Lagos on 3 May 1950, has built the largest shipping firm in Africa."
    )
    assert found == {"1950-05-03": ["Okafor born in Lagos"]}


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        ("Shares of Korvel fell 12% on Friday after the company cut its forecast on Thursday.",
         ("2011-05-06", "Shares of Korvel fell 12%"), ("2011-05-05", "Company cut its forecast")),
        ("Investors sold the stock in 2007 before the market crashed in 2008.",
         ("2007", "Investors sold the stock"), ("2008", "Market crashed")),
        ("Exports rose 8% in 2010 after falling 12% in 2009.",
         ("2010", "Exports rose 8%"), ("2009", "Exports falling 12%")),
        ("The storm made landfall on Monday, two years after a similar storm destroyed the port "
         "in 2009.", ("2011-05-09", "Storm made landfall"), ("2009", "Similar storm destroyed the port")),
    ],
)  # fmt: skip
def test_a_clause_of_time_after_its_main_clause_has_its_own_date(text, first, second):
    # "after" and "before" were read as prepositions: the two dates shared one clause and each
    # title held the other's words ("Investors sold the stock before the market crashed in 2008")
    found = titled(text)
    for value, title in (first, second):
        assert found[value] == [title]


def test_a_clause_of_time_ends_where_the_attribution_begins():
    found = titled(
        "A suspect was seen crossing the border days after a gunman shot the mayor, the Tribune "
        "reported on Friday."
    )
    suspect, tribune = found["2011-05-06"]
    assert suspect == "Suspect was seen crossing the border"
    # what the paper reported, without the clause of time's happening
    assert tribune.startswith("Tribune reported a suspect was seen") and "gunman" not in tribune


@pytest.mark.parametrize(
    ("sentence", "verbs"),
    [
        ("Reporters were let in for the first time since the blast and found broken glass.",
         ["let", "found"]),
        ("Talks resumed after the vote, and the ministers met again.", ["resumed", "met"]),
        ("Prices rose after talks broke down.", ["rose", "broke"]),
    ],
)  # fmt: skip
def test_after_and_since_open_a_clause_only_before_a_subject_and_its_verb(sentence, verbs):
    assert [sentence[c.verb_start : c.verb_end] for c in clauses(sentence)] == verbs


@pytest.mark.parametrize(
    "text",
    [
        'The museum displayed a portrait labelled "Agnes Varga 1931-2010" at the entrance.',
        "Varga (1931-2010) is remembered on Friday as a pioneer of the craft.",
        "The plaque reads Mary Dunmore, 1902-1988, founder of the school.",
    ],
)
def test_the_years_after_a_name_are_a_lifespan_not_the_date_of_the_sentence(text):
    found = titled(text)
    assert not {"2010", "1988", "1931", "1902"} & set(found)
    assert all("-" not in t.split()[-1] for ts in found.values() for t in ts)


def test_a_span_of_years_after_a_preposition_still_dates_its_clause():
    assert titled("Gorvik lost money in 2001-2004 and returned to profit in 2005.")["2005"]


def test_a_span_that_opens_the_sentence_dates_its_own_clause():
    # the comma before "but" was read as the end of a leading phrase: the first clause had no
    # verb, and the span of years titled the clause after it
    found = titled("From 2001 to 2004 the brewery lost money, but it returned to profit in 2005.")
    assert found["2001/2004"] == ["Brewery lost money"]
    assert found["2005"] == ["It returned to profit"]


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        ("The tribunal found in 2011 that the general had ordered the raids in 1995.",
         ("2011", "Tribunal found the general had ordered the raids in 1995"),
         ("1995", "General had ordered the raids")),
        ("The court ruled on Monday that the merger, which was announced in 2009, was illegal.",
         ("2011-05-09", "Court ruled the merger was illegal"), ("2009", "Merger was announced")),
    ],
)  # fmt: skip
def test_what_a_court_found_or_ruled_is_a_clause_of_its_own(text, first, second):
    found = titled(text)
    for value, title in (first, second):
        assert found[value] == [title]


@pytest.mark.parametrize(
    ("text", "value", "expected"),
    [
        ("The president signed the accord in 1994, ending a war that began in 1989.", "1989",
         "War began"),
        ("The court convicted the officer in 2006, overturning a ruling that cleared him in 2003.",
         "2003", "Ruling cleared him"),
    ],
)  # fmt: skip
def test_a_relative_clause_in_a_gerund_phrase_is_titled_from_its_antecedent(text, value, expected):
    assert titled(text)[value] == [expected]


def test_a_date_after_until_dates_the_when_clause_that_follows_it():
    # "held until March 2003" is a state that ended then: the happening of March 2003 is the
    # "when" clause's
    found = titled("The ceasefire held until March 2003, when fighting resumed in the north.")
    assert found["2003-03"] == ["Fighting resumed in the north"]


@pytest.mark.parametrize(
    ("text", "value", "expected"),
    [
        # a "whose" subject is the owner's
        ("Shares in Halvard Mining, whose chief executive resigned in March, fell 9% on Tuesday.",
         "2011-03", "Halvard Mining’s chief executive resigned"),
        # a participle aside tells of the noun phrase right before it, not of the whole subject
        ("Sales of the drug, approved in 2003, rose 40% last year.", "2003", "Drug approved"),
        # a coordinated verb inside an aside stays in it
        ("The firm, which was founded in 1902 and listed in 1985, was bought by Nestor in 2010.",
         "2010", "Firm was bought by Nestor"),
        # a noun without a determiner opens a clause of time too
        ("Rebels seized the town in 2011 and held it until government troops retook it in 2013.",
         "2013", "Government troops retook it"),
        # the point a figure is compared with is not part of the happening
        ("Toyoda delivered 8.4 million cars in 2010, up from 7.2 million in 2009.", "2010",
         "Toyoda delivered 8.4 million cars"),
    ],
)  # fmt: skip
def test_the_title_of_each_date_keeps_to_its_own_clause(text, value, expected):
    assert titled(text)[value] == [expected]


@pytest.mark.parametrize(
    ("sentence", "verbs"),
    [
        # "an estimated 20,000" is an adjective before a number, not "estimated" saying something
        ("In the largest operation since 1990, an estimated 20,000 troops have massed at the border.",
         [("main", "massed")]),
        # a gerund phrase inside the subject leaves the subject its verb
        ("Men drinking beer after shooting skeet said their views were mixed.",
         [("main", "said"), ("complement", "mixed")]),
    ],
)  # fmt: skip
def test_words_that_look_like_clause_openers_inside_a_noun_phrase_cut_nothing(sentence, verbs):
    assert [(c.role, sentence[c.verb_start : c.verb_end]) for c in clauses(sentence)] == verbs


def test_what_was_said_after_that_may_open_on_a_plural_noun():
    # "that talks with Iran ..." was read as a relative "that" before the verb "talks": the
    # statement's title stopped at the aside ("Minister said that talks with Iran")
    found = titled(
        "The minister said on Wednesday that talks with Iran, which broke down in 2009, would "
        "resume in June."
    )
    assert found["2011-05-04"] == ["Minister said talks with Iran would resume in June"]


def test_an_unnamed_speaker_after_a_quotation_is_the_attributions_subject():
    """ "“Nobody is buying,” said a Milan broker": the broker speaks, not "Nobody"; a clause after
    an aside that opens on its verb ("announced a loss") is no inversion."""
    said = clauses("“Nobody is buying,” said a Milan broker.")[-1]
    assert (said.lemma, said.subject) == ("say", "a Milan broker")
    said = clauses("“It is a bad day,” said one analyst at the bank.")[-1]
    assert said.subject == "one analyst"
    sentence = (
        "Kell Savings, reeling from new accounting rules, announced a loss for the third quarter."
    )
    assert all(c.subject != "a loss" for c in clauses(sentence))
    found = titled(
        "Milan falls\n\nItalian stocks fell on Wednesday.\n\n“Nobody is buying,” said a Milan broker."
    )
    assert any(
        t.startswith("Milan broker said nobody is buying") for ts in found.values() for t in ts
    )


def test_congress_as_the_legislature_is_no_meeting_that_titles_the_event():
    found = titled(
        "Chief apologises\n\nKell Motors chief Ines Varga apologised to the United States Congress "
        "on Wednesday for the recalls."
    )
    assert any(
        t.startswith("Kell Motors chief Ines Varga apologised") for ts in found.values() for t in ts
    )
    found = titled("Congress opens\n\nThe Communist Party Congress opened on Monday in Beijing.")
    assert any(t.startswith("Communist Party Congress opened") for ts in found.values() for t in ts)


def test_a_ceremony_the_happening_took_place_at_does_not_title_it():
    found = titled(
        "First jet delivered\n\nThe planemaker handed over its first jet to the airline on Monday "
        "at a ceremony in Toulouse."
    )
    assert any(
        t.startswith("Planemaker handed over its first jet") for ts in found.values() for t in ts
    )
