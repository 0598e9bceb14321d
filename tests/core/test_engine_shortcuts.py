"""The engine's shortcuts read text exactly as the patterns they stand before: a word test that skips a
regex must never turn away what the regex, ignoring case, would find ("ſ" and "K" match "s" and "k")."""

from __future__ import annotations

import pytest

from dateline.core.happening.reference import reference_reason
from dateline.core.happening.wording import tidy
from dateline.core.happening.words import tokens
from dateline.core.temporal.grammar import scan, scan_exhaustive


def _reason(sentence: str, date: str) -> str:
    at = sentence.index(date)
    return reference_reason(sentence, at, at + len(date))


@pytest.mark.parametrize(
    ("sentence", "date", "reason"),
    [
        ("Shares hit their LOWEST SINCE 1997 on the news.", "1997", "the start of a comparison"),
        ("Sales rose 5% COMPARED TO March 2008.", "March 2008", "a comparison point"),
        ("Sales were up from the ſame period last year.", "last year", "a comparison period"),
        ("Profit was $3m A YEAR EARLIER.", "A YEAR EARLIER", "a comparison period"),
        ("The figures, According to data released April 3, rose.", "April 3", "the date of"),
        ("Prices rose 3% year on year, the highest ſince 2008.", "2008", "the start of"),
        ("The minister resigned on Monday.", "Monday", ""),
    ],
)
def test_reference_points_are_read_whatever_the_case(sentence: str, date: str, reason: str) -> None:
    got = _reason(sentence, date)
    assert got.startswith(reason) and bool(got) == bool(reason)


def test_tokens_keep_dashes_and_straighten_curly_apostrophes() -> None:
    toks = tokens("Apple’s chief - Tim Cook - said\u00a0-\u00a0no")
    assert [t.text for t in toks] == [
        "Apple’s",
        "chief",
        "-",
        "Tim",
        "Cook",
        "-",
        "said",
        "-",
        "no",
    ]
    assert toks[0].low == "apple's"
    assert (toks[2].start, toks[2].end) == (13, 16)


def test_titles_lose_empty_brackets_and_editors_words_only_when_there_are_some() -> None:
    assert tidy("the minister delivered [on] the pledge ( )") == "Minister delivered the pledge"
    assert tidy("the minister delivered the pledge") == "Minister delivered the pledge"


@pytest.mark.parametrize(
    "sentence",
    [
        "Talks resume on MONDAY and end in mAy 2024.",
        "The 'ſeptember' plan of İstanbul was signed on 3 March 2021.",
        "A 5\u212a run on Friday, then éMarch 5 and 'Friday and '98.",
        "Revenue rose in Q3 2024, in FY2023 and on 12/03/2024; A380 flew on Monday.",
        "In the ensuing two years the firm grew; the fifth century.",
    ],
)
def test_the_scan_finds_what_every_position_finds(sentence: str) -> None:
    fast = [(h.rule, h.start, h.end) for h in scan(sentence)]
    assert fast == [(h.rule, h.start, h.end) for h in scan_exhaustive(sentence)]
