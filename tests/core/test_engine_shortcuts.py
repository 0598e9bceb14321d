"""The engine's shortcuts read text exactly as the patterns they stand before: a word test that skips a
regex must never turn away what the regex, ignoring case, would find ("ſ" and "K" match "s" and "k")."""

from __future__ import annotations

import re
import string

import pytest

from dateline.core.happening.reference import reference_reason
from dateline.core.happening.wording import tidy
from dateline.core.happening.words import tokens
from dateline.core.temporal.english.cues import CUES
from dateline.core.temporal.grammar import scan, scan_exhaustive
from dateline.core.temporal.lowered import Finder


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


def test_lower_case_keeps_every_characters_class() -> None:
    classes = [re.compile(r"\w"), re.compile(r"\s"), re.compile(r"\d")]
    for code in range(0x110000):
        ch = chr(code)
        low = ch.lower()
        if low == ch:
            continue
        if len(low) != 1:
            assert ch == "İ"  # the one character that lowers to two
            continue
        assert [bool(c.match(ch)) for c in classes] == [bool(c.match(low)) for c in classes]


def test_ignoring_case_only_four_letters_beyond_ascii_match_an_ascii_one() -> None:
    letter = re.compile(r"[a-z]", re.IGNORECASE)
    beyond = {chr(c) for c in range(0x80, 0x110000) if letter.fullmatch(chr(c))}
    assert beyond == {"ſ", "ı", "İ", "\u212a"}
    assert all(
        chr(c).lower() not in string.ascii_lowercase
        for c in range(0x80, 0x110000)
        if chr(c) not in beyond
    )


_TEXTS = [
    "The talks, which WILL resume, were postponed for two more weeks until Friday; he’s said it.",
    "It is expected to close. The hundred united limited voted; the still-closed bridge is closed until",
    "ſaid the firm, which wiLL ſtart — Is Expected To; Kelvin \u212aept it, İt ıs done. May may MAY",
    "“We are going to”, she's said; they'll see. Effective immediately, as soon as March 2 ...",
    "",
]


@pytest.mark.parametrize(
    "pattern",
    [
        CUES.tense,
        re.compile(r"\b(?:since|in)\s*$", re.IGNORECASE),
        re.compile(r"(?<![-A-Za-z])(?<!\bthe\s)[a-z]{3,}(?<!e)ed\b|(?-i:May)|[^a-z\s]{2}", re.I),
        re.compile(r"(?:\b(?:on|in|as\s+of)\s+)+(?:(?:the|a)\s+)?$", re.IGNORECASE),
        re.compile(r"x*"),  # empty matches: the engine's own iteration
    ],
)
def test_a_finder_finds_what_its_pattern_finds(pattern: re.Pattern[str]) -> None:
    finder = Finder(pattern)
    for text in _TEXTS:
        for cut in range(0, len(text) + 1, 7):
            part = text[cut:]
            want = [(m.span(), m.lastgroup) for m in pattern.finditer(part)]
            assert [(m.span(), m.lastgroup) for m in finder.finditer(part)] == want
            got, first = finder.search(part), pattern.search(part)
            assert (got and got.span()) == (first and first.span())


def test_a_finder_widens_what_it_can_and_leaves_the_rest_to_the_pattern() -> None:
    assert Finder(CUES.tense).starts is not None
    assert Finder(re.compile(r"(a)\1", re.IGNORECASE)).starts is None  # a back-reference


@pytest.mark.parametrize(
    ("raw", "title"),
    [
        (
            "the board met ( ) on the plan , then “ it ’s over ” ( again )",
            "Board met on the plan, then “it’s over” (again)",
        ),
        ("talks , it said ; ‘ fine ’ : yes ! really ?", "Talks, it said; ‘fine’: yes! really?"),
    ],
)
def test_titles_have_no_space_inside_marks(raw: str, title: str) -> None:
    assert tidy(raw) == title
