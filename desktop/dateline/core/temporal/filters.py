"""Helpers for the rules' context filters: the words around a match, names and quoted titles.

Each rule's own filter lives next to its handler ("May" the modal in ``dates``, "2000 troops" in
``periods``); these are what they share.
"""

from __future__ import annotations

import re

_NEXT_WORD = re.compile(r"\s*([A-Za-z]+)")
_PREV_WORD = re.compile(r"([A-Za-z]+)[\s-]*$")
_TITLE_OPEN = re.compile(r"(?:\"|“|``)(?:[A-Z][\w'’-]*\s+)*$")
_TITLE_CLOSE = re.compile(r"(?:\s+[A-Z][\w'’-]*)*\s*[,.]?\s*(?:\"|”|'')")
_TITLE_WORD = re.compile(r"[A-Z][\w'’.-]*")
# mid-sentence: a word or a comma before (not a sentence end, a quote, a colon or a dash)
_MID_SENTENCE = re.compile(r"[\w,;'’][ \t]+$")
# a lower-case word that title case would capitalise (not an article, a conjunction or a short
# preposition): running text, not a title-case headline
_RUNNING_WORD = re.compile(
    r"(?<![\w'’])(?!(?:a|an|the|and|but|or|nor|for|so|yet|of|in|on|at|to|by|up|as|off|per|via|vs)(?![\w'’]))"
    r"[a-z]{2,}(?![\w'’])"
)


def prev_word(text: str, start: int) -> str:
    """The word before ``start`` (lower case), across spaces and hyphens; "" when there is none."""
    m = _PREV_WORD.search(text, max(0, start - 30), start)
    return m.group(1).lower() if m else ""


def next_word(text: str, end: int) -> str:
    """The word after ``end`` (lower case), across spaces; "" when punctuation or nothing follows."""
    m = _NEXT_WORD.match(text, end, min(len(text), end + 30))
    return m.group(1).lower() if m else ""


def in_title(text: str, start: int, end: int) -> bool:
    """Inside a quoted name whose every word is capitalised (ABC's "This Week", the film "High Noon")."""
    words = text[start:end].split()
    if not all(_TITLE_WORD.fullmatch(w) for w in words):
        return False
    before = _TITLE_OPEN.search(text, max(0, start - 60), start)
    after = _TITLE_CLOSE.match(text, end)
    if before is None or after is None:
        return False
    # a name has two words at least: a quoted "Now," or "Today." is speech, not a title
    around = text[before.start() : start] + text[end : after.end()]
    return len(words) + len(_TITLE_WORD.findall(around)) >= 2


def in_name(text: str, start: int, end: int) -> bool:
    """A word written in lower case inside a sentence is part of a name when it is capitalised there
    ("This is VOA Today.", "on the Today programme"). In a title-case headline every word is
    capitalised, so the line must hold lower-case words for this to say anything."""
    if not text[start].isupper() or not _MID_SENTENCE.search(text, max(0, start - 40), start):
        return False
    lo = max(text.rfind("\n", 0, start) + 1, start - 80)
    hi = text.find("\n", end)
    hi = min(len(text) if hi < 0 else hi, end + 80)
    return _RUNNING_WORD.search(text, lo, hi) is not None
