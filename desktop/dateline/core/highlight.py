"""Span and offset arithmetic behind the article view and the provenance quotes.

Offsets are Python string indices (code points) into a document's text. Qt counts UTF-16 code units,
so ``Utf16Map`` converts both ways; it is the identity (and costs nothing) for text without astral
characters such as emoji.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence

Span = tuple[int, int]


def merge_ranges(ranges: Iterable[Span]) -> list[Span]:
    """Overlapping or touching half-open ranges merged, sorted; empty ranges dropped."""
    out: list[Span] = []
    for start, end in sorted(r for r in ranges if r[1] > r[0]):
        if out and start <= out[-1][1]:
            if end > out[-1][1]:
                out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


def overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def spans_in(outer: Span, spans: Iterable[Span], *, partial: bool = False) -> list[Span]:
    """The spans lying inside ``outer`` (or, with ``partial``, overlapping it), in text order."""
    if partial:
        hits = [s for s in spans if overlaps(outer, s)]
    else:
        hits = [s for s in spans if outer[0] <= s[0] and s[1] <= outer[1] and s[1] > s[0]]
    return sorted(hits)


def span_at(spans: Sequence[Span], offset: int) -> Span | None:
    """The span containing ``offset`` (start inclusive, end exclusive); spans sorted, not overlapping."""
    i = bisect_right(spans, (offset, float("inf"))) - 1
    if i >= 0 and spans[i][0] <= offset < spans[i][1]:
        return spans[i]
    return None


def clamp(span: Span, within: Span) -> Span | None:
    """``span`` cut to ``within``; None when they do not overlap."""
    start, end = max(span[0], within[0]), min(span[1], within[1])
    return (start, end) if start < end else None


def relative(span: Span, origin: int) -> Span:
    """``span`` counted from ``origin`` (a document span made relative to its sentence)."""
    return span[0] - origin, span[1] - origin


def trim(text: str, start: int, end: int) -> Span:
    """A selection without the whitespace at either end; an empty span when it was all blank."""
    start, end = max(0, start), min(len(text), end)
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def snap_to_words(text: str, start: int, end: int) -> Span:
    """A selection grown to whole words and cut of the blanks and punctuation at its ends: what an
    event made from it is titled with. Empty when it held no letter or digit."""
    start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not text[end - 1].isalnum():
        end -= 1
    if start == end:
        return start, start
    while start > 0 and _in_word(text, start - 1):
        start -= 1
    while end < len(text) and _in_word(text, end):
        end += 1
    return start, end


def _in_word(text: str, i: int) -> bool:
    """Letters and digits, and an apostrophe or hyphen between two of them ("NATO's", "re-run")."""
    ch = text[i]
    if ch.isalnum():
        return True
    inner = ch in "'’-" and 0 < i < len(text) - 1
    return inner and text[i - 1].isalnum() and text[i + 1].isalnum()


def split_marked(text: str, mark: Span | None) -> tuple[str, str, str]:
    """``text`` cut around ``mark`` (relative offsets): before, marked, after. Out-of-range marks
    are clamped so a stale span never raises; no mark gives ("text", "", "")."""
    if mark is None:
        return text, "", ""
    cut = clamp(mark, (0, len(text)))
    if cut is None:
        return text, "", ""
    return text[: cut[0]], text[cut[0] : cut[1]], text[cut[1] :]


class LineIndex:
    """Offset <-> (line, column), both 0-based, for one text. Lines end at "\\n"."""

    def __init__(self, text: str) -> None:
        self._starts = [0]
        self._starts.extend(i + 1 for i, ch in enumerate(text) if ch == "\n")
        self._length = len(text)

    @property
    def line_count(self) -> int:
        return len(self._starts)

    def line_col(self, offset: int) -> tuple[int, int]:
        if not 0 <= offset <= self._length:
            raise ValueError(f"offset {offset} outside a text of {self._length} characters")
        line = bisect_right(self._starts, offset) - 1
        return line, offset - self._starts[line]

    def offset(self, line: int, column: int) -> int:
        if not 0 <= line < len(self._starts):
            raise ValueError(f"line {line} outside a text of {len(self._starts)} lines")
        return min(self._starts[line] + column, self._length)


def line_col(text: str, offset: int) -> tuple[int, int]:
    """(line, column) of ``offset`` in ``text``, both 0-based. For many lookups use ``LineIndex``."""
    return LineIndex(text).line_col(offset)


class Utf16Map:
    """Converts code-point offsets (Python) to UTF-16 offsets (Qt's QString, QTextCursor) and back."""

    def __init__(self, text: str) -> None:
        # Offsets (in code points) of the characters that take two UTF-16 units.
        self._astral = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]
        self._astral16 = [i + n for n, i in enumerate(self._astral)]

    def to_utf16(self, offset: int) -> int:
        return offset + bisect_left(self._astral, offset)

    def from_utf16(self, offset16: int) -> int:
        # Each astral character wholly before the position took one extra unit; a position inside a
        # surrogate pair rounds down to the character's start.
        k = bisect_right(self._astral16, offset16 - 2)
        if k < len(self._astral16) and self._astral16[k] == offset16 - 1:
            return self._astral[k]
        return offset16 - k

    def span_to_utf16(self, span: Span) -> Span:
        return self.to_utf16(span[0]), self.to_utf16(span[1])

    def span_from_utf16(self, span: Span) -> Span:
        return self.from_utf16(span[0]), self.from_utf16(span[1])
