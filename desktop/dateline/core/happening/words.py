"""The words of a clause and what its verb group is called: tokens, tenses and clause roles."""

from __future__ import annotations

import re
from typing import NamedTuple

from . import english as en

PAST = "past"
PERFECT = "perfect"  # has/have + participle: news of the day
PLUPERFECT = "pluperfect"  # had + participle: before the story's time
PRESENT = "present"
FUTURE = "future"  # will, is going to, is due to
MODAL = "modal"  # would, could, may, should...
NONE = ""

MAIN = "main"
COORDINATE = "coordinate"  # "... and took six months off": a main clause sharing the subject
SUBORDINATE = "subordinate"  # "When he introduced it, ..."
RELATIVE = "relative"  # "..., which barred Apple from ..."
COMPLEMENT = "complement"  # "said that ..."
NONFINITE = "nonfinite"  # "..., saying ...", "to launch ..."

# A number with thousands separators ("7,000") is one word: its comma cuts no clause.
_TOKEN = re.compile(
    r"\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,]\d)|[\w][\w'’\-.&]*[\w]|[\w]|[“”\"‘(),;:—–\[\]]|\s-\s"
)
# ``_TOKEN`` for a sentence all in ASCII, where \d is [0-9] and \w is [A-Za-z0-9_]: the engine tests
# a character against a class of ASCII ranges faster than it looks its Unicode category up.
_TOKEN_ASCII = re.compile(
    r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?(?![0-9,][0-9])|[A-Za-z0-9_][A-Za-z0-9_'\-.&]*[A-Za-z0-9_]"
    r"|[A-Za-z0-9_]|[\"(),;:\[\]]|\s-\s"
)


class Token(NamedTuple):  # a tuple: tens of thousands are made per article batch
    start: int
    end: int
    text: str
    low: str  # lower case, curly apostrophe straightened: what the word lists hold


CLOSED_CLASS = en.BE | en.HAVE | en.DO | en.MODALS


def tokens(sentence: str) -> list[Token]:
    new = tuple.__new__  # the tuple itself: ``Token(...)`` costs a Python call per token
    curly = "’" in sentence
    out = []
    for m in (_TOKEN_ASCII if sentence.isascii() else _TOKEN).finditer(sentence):
        got = m.group()
        text = (got.strip() or got) if got[0].isspace() else got  # only " - " holds spaces
        low = text.lower().replace("’", "'") if curly else text.lower()
        out.append(new(Token, (m.start(), m.end(), text, low)))
    return out
