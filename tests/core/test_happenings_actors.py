"""Who acted: a capitalised common word opening a sentence ("Stocks", "Revenue", "But") is no
one's name, so it never makes two reports "the same actor"; real names that are English words too
("Apple", "Shell", "Jobs") stay names where the article shows they are."""

from __future__ import annotations

import datetime as dt

import pytest

from dateline.core.engine import find_timexes, propose
from dateline.core.happening.naming import common_opening
from dateline.core.happening.reading import read_article
from dateline.core.model import Article
from dateline.core.speakers import find_speaker, last_name_before

WED = dt.date(2008, 10, 8)


def reports(text: str, published: dt.date = WED):
    article = Article("a", text, published=published)
    return read_article(article, find_timexes(article), 0)


def report(text: str, *words: str):
    """The report whose sentence holds every word (the first if several)."""
    return next(c for c in reports(text) if all(w in c.sentence.text for w in words))


def actors(text: str, *words: str) -> set[str]:
    return {" ".join(a) for a in report(text, *words).profile.actors}


# ---- the word test ----
def test_a_common_word_opening_a_sentence_is_no_name():
    for word in ("Stocks", "Sales", "Revenue", "Bombs", "Third-quarter", "But", "These"):
        assert common_opening(word, frozenset()), word


def test_a_word_the_article_capitalises_inside_a_sentence_stays_a_name():
    assert not common_opening("Shell", frozenset({"Shell"}))
    assert not common_opening("Apple", frozenset({"Apple", "Inc."}))


def test_words_english_does_not_know_or_writes_in_capitals_stay_names():
    for word in ("Boeing", "Tokyo", "GM", "eBay", "McDonald"):
        assert not common_opening(word, frozenset()), word


# ---- the reader's actors ----
def test_stocks_opening_a_sentence_are_not_its_actor():
    text = "Stocks in Tokyo closed lower on Wednesday. Traders blamed the banks."
    assert "stocks" not in actors(text, "Stocks in Tokyo")


def test_a_figure_opening_a_sentence_is_not_its_actor():
    text = (
        "Sales rose 8% in the third quarter, Acme said.\n"
        "Revenue climbed to $3 billion in September.\n"
        "Third-quarter profit doubled in the quarter ended September 30.\n"
        "Bombs exploded in the city on Monday.\n"
    )
    for opening in ("Sales", "Revenue", "Third-quarter", "Bombs"):
        found = report(text, opening).profile
        assert (opening.lower(),) not in found.actors | found.names, opening


def test_a_month_abbreviation_is_never_an_actor():
    text = "Aug. 5 was the day the deal closed. Aug sales rose 5% in August, Acme said."
    for c in reports(text):
        assert ("aug",) not in c.profile.actors | c.profile.names, c.sentence.text


def test_a_name_that_is_an_english_word_stays_the_actor_when_the_article_says_it_is_one():
    # capitalised inside a sentence elsewhere in the article
    shell = "Shell reported a record profit on Thursday. Analysts had expected less from Shell."
    assert "shell" in actors(shell, "Shell reported")
    # followed by a second capitalised word elsewhere: "Apple Inc."
    apple = "Apple unveiled a new phone on Monday. Apple Inc. shares rose 3%."
    assert "apple" in actors(apple, "Apple unveiled")
    # a person named in full before: "Steve Jobs" ... "Jobs"
    jobs = "Steve Jobs took the stage in San Francisco. Jobs unveiled the phone on Monday."
    assert "jobs" in actors(jobs, "Jobs unveiled")
    # two capitalised words in the subject itself
    assert "sun microsystems" in actors("Sun Microsystems cut 500 jobs on Tuesday.", "Sun")


# ---- speakers ----
def test_a_conjunction_or_an_adverb_is_never_who_spoke():
    assert last_name_before("But they") == ""
    assert last_name_before("Yet officials") == ""
    sentence = "But they said on Monday that the bank would act."
    at = sentence.index("Monday")
    speaker, speech = find_speaker(sentence, at, at + len("Monday"), "Trichet")
    assert speech and speaker == "Trichet"  # "they": the article's last speaker, not "But"
    assert last_name_before("Acme chief Jane Doe") == "Jane Doe"


# ---- end to end: two markets, two companies ----
def _events(*texts: str):
    return propose([Article(f"a{i}", t, published=WED) for i, t in enumerate(texts)])


def _merged(evs, a: str, b: str):
    return [
        e
        for e in evs
        if any(a in s.sentence for s in e.sources) and any(b in s.sentence for s in e.sources)
    ]


@pytest.mark.parametrize(
    ("first", "second", "a", "b", "word"),
    [
        (  # two markets closing the same day
            "Stocks in Tokyo closed lower on Wednesday. Exporters led the fall.",
            "Stocks in London closed higher on Wednesday. Banks led the rise.",
            "Tokyo",
            "London",
            "Stocks",
        ),
        (  # two companies' sales
            "Sales rose 8% in the third quarter, Acme said.",
            "Sales rose 3% in the third quarter at Borel.",
            "Acme",
            "Borel",
            "Sales",
        ),
    ],
)
def test_reports_sharing_only_a_common_opening_word_are_not_one_happening(
    first, second, a, b, word
):
    evs = _events(first, second)
    assert not _merged(evs, a, b)
    assert not any(f"same actor {word}" in s.joined for e in evs for s in e.sources)


def test_a_common_word_that_says_something_is_no_speaker():
    (said,) = [c for c in reports("Traders said the mood was grim.") if c.frame.speech]
    assert not said.profile.speakers
    (named,) = [c for c in reports("Trichet said the mood was grim.") if c.frame.speech]
    assert named.profile.speakers == {"trichet"}


# ---- one name written with and without hyphens ----
def test_a_name_written_with_hyphens_or_spaces_is_one_actor():
    """ "Jean-Pierre Raffarin" and "Jean Pierre Raffarin" resigning the same day are one happening; told
    apart they were "different actors", which ruled the merge out."""
    events = propose(
        [
            Article(
                "a0",
                "Report\n\nJean-Pierre Raffarin resigned as prime minister on Monday.",
                published=WED,
            ),
            Article(
                "a1",
                "Report\n\nJean Pierre Raffarin resigned as prime minister of France on "
                "Monday after the referendum.",
                published=WED,
            ),
        ]
    )
    (resigned,) = [e for e in events if "resigned" in e.title]
    assert {s.document for s in resigned.sources} == {"a0", "a1"}


def test_part_of_a_hyphenated_name_is_not_that_name():
    from dateline.core.happening.same import shared_actors

    hp = report("Report\n\nHewlett-Packard cut its dividend on Monday.", "dividend").profile
    packard = report("Report\n\nPackard cut its dividend on Monday.", "dividend").profile
    spaced = report("Report\n\nHewlett Packard cut its dividend on Monday.", "dividend").profile
    assert not shared_actors(hp, packard, sure=True)
    assert shared_actors(hp, spaced, sure=True) == ["Hewlett Packard"]
