"""The words of a search query, and where they occur in a text: what the views highlight.

How a query selects events is the store's business (its search syntax); highlighting only needs the
words the analyst typed, found as whole words whatever their case.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

Span = tuple[int, int]
_OPERATORS = {"AND", "OR", "NOT", "NEAR"}
_WORD = re.compile(r"\w+(?:['’]\w+)*", re.UNICODE)


def query_words(query: str) -> tuple[str, ...]:
    """The words of ``query``, casefolded, each once, in order: quotes, brackets, ``*`` and the
    upper-case operators AND, OR, NOT and NEAR are not words."""
    out: dict[str, None] = {}
    for m in _WORD.finditer(query or ""):
        word = m.group()
        if word in _OPERATORS:
            continue
        out.setdefault(word.casefold(), None)
    return tuple(out)


def word_spans(text: str, words: Iterable[str]) -> list[Span]:
    """Every whole-word occurrence of ``words`` in ``text`` (any case), sorted, not overlapping."""
    wanted = sorted({w for w in words if w}, key=len, reverse=True)
    if not wanted or not text:
        return []
    pattern = re.compile(
        r"(?<!\w)(?:" + "|".join(re.escape(w) for w in wanted) + r")(?!\w)", re.IGNORECASE
    )
    return [m.span() for m in pattern.finditer(text)]
