"""Helpers for the rules' context filters: the words around a match, quoted titles.

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
