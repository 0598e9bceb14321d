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
