"""``TailPattern`` finds exactly what its end-anchored regex finds, only faster."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from dateline.core.tailmatch import TailPattern

WORDS = "on|in|at|as of|of|the|early"
TOKENS = ["on", "In", "AT", "as", "of", "the", "early", "(on", "x-the", "ſince", "Kelvin", "\u212a"]
TOKENS += ["Geneva", "said", ",", "-", "İn", "O’Neil", "2024", "über", "\n", "\t", "\xa0", "  "]


def pattern() -> tuple[TailPattern, re.Pattern[str]]:
    source = rf"(?:\b(?:{WORDS})\s+)+$"
    words = WORDS.replace("|", " ").split()
    return TailPattern(source, words, re.IGNORECASE), re.compile(source, re.IGNORECASE)


def test_removes_the_trailing_words_only():
    tail, _ = pattern()
    assert tail.remove("The summit in Washington early in ") == "The summit in Washington "
    assert tail.remove("Rutte said on") == "Rutte said on"  # no whitespace after the last word
    assert tail.remove("as of ") == ""


@given(st.lists(st.tuples(st.sampled_from(TOKENS), st.sampled_from(["", " ", "  ", "\n"]))))
def test_agrees_with_the_regex(parts: list[tuple[str, str]]):
    tail, regex = pattern()
    text = "".join(token + space for token, space in parts)
    assert tail.remove(text) == regex.sub("", text)
    for endpos in range(len(text) + 1):
        found, expected = tail.search(text, endpos=endpos), regex.search(text, 0, endpos)
        assert (found and found.span()) == (expected and expected.span())
