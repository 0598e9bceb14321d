"""A plain-text file holding several articles one after the other -> one text per article.

Analysts paste articles into one file: each starts with its headline, perhaps a byline, and its
own date line, then its paragraphs. The file is split only when that shape is obvious:

- at least two articles, the first starting at the top of the file;
- each headline is short (at most ``HEADLINE_WORDS`` words, not ending like a sentence), follows a
  blank line or a separator line (``-----``, ``=====``, ``* * *``) and is followed, within
  ``MAX_LINES_TO_DATE`` lines, by a date line (``dateline.classify_line``);
- each article has a body of at least ``MIN_BODY_WORDS`` words after its date line.

Anything else is one article, as before. Separator lines between articles are dropped.
"""

from __future__ import annotations

import re

from dateline.core.readers.dateline import classify_line

HEADLINE_WORDS = 20
MAX_LINES_TO_DATE = 3  # headline, byline, date line
MIN_BODY_WORDS = 50
_SEPARATOR = re.compile(r"^\s*(?:[-=_*~#]\s*){3,}$")
_SENTENCE_END = (".", ",", ";", ":")


def split_dump(text: str) -> list[str] | None:
    """The articles' texts, each from its headline on; None unless the file is an obvious dump."""
    lines = text.split("\n")
    heads = [h for h in _headed_articles(lines) if h is not None]
    if len(heads) < 2 or not _only_separators(lines[: heads[0][0]]):
        return None
    bounds = [start for start, _ in heads] + [len(lines)]
    chunks: list[str] = []
    for (start, date_line), end in zip(heads, bounds[1:], strict=True):
        body = lines[date_line + 1 : end]
        if sum(len(line.split()) for line in body) < MIN_BODY_WORDS:
            return None
        while body and (not body[-1].strip() or _SEPARATOR.match(body[-1])):
            body.pop()
        chunks.append("\n".join(lines[start : date_line + 1] + body))
    return chunks


def _headed_articles(lines: list[str]) -> list[tuple[int, int] | None]:
    """(headline index, date line index) of each article start the shape allows."""
    found: list[tuple[int, int] | None] = []
    for i, line in enumerate(lines):
        if not _is_headline(line):
            continue
        if i > 0 and lines[i - 1].strip() and not _SEPARATOR.match(lines[i - 1]):
            continue
        date_line = _date_line_after(lines, i)
        if date_line is not None:
            found.append((i, date_line))
    return found


def _is_headline(line: str) -> bool:
    stripped = line.strip()
    if not stripped or _SEPARATOR.match(stripped) or stripped.endswith(_SENTENCE_END):
        return False
    return len(stripped.split()) <= HEADLINE_WORDS and classify_line(stripped, first=True) is None


def _date_line_after(lines: list[str], headline: int) -> int | None:
    seen = 0
    for j in range(headline + 1, min(len(lines), headline + 1 + 2 * MAX_LINES_TO_DATE)):
        line = lines[j]
        if not line.strip():
            continue
        seen += 1
        if seen > MAX_LINES_TO_DATE:
            return None
        found = classify_line(line)
        if found is not None:
            return j if found.kind == "date" else None
        if len(line.split()) > HEADLINE_WORDS:
            return None  # prose before any date line
    return None


def _only_separators(lines: list[str]) -> bool:
    return all(not line.strip() or _SEPARATOR.match(line) for line in lines)
