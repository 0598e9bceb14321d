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
