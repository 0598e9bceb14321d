"""Sentence splitting tuned for news copy: abbreviations, initials, quotes, headlines and datelines."""

from __future__ import annotations

import itertools
import re
from bisect import bisect_right
from collections.abc import Sequence

from .model import Sentence
from .temporal.bundle import Abbreviations
from .temporal.language import language_for

_NEXT_WORD = re.compile(r"\s+[" + re.escape("\"'“‘([«") + r"]*([\w]+)")

_CLOSERS = "\"'”’)]»"
_OPENERS = "\"'“‘([«"
# A candidate boundary: terminal punctuation, optional closing quotes/brackets, then whitespace.
_BOUNDARY = re.compile(r"[.!?…]+[" + re.escape(_CLOSERS) + r"]*(?=\s)")
_WORD_BEFORE = re.compile(r"([\w.\-]+)$")


def _is_abbreviation(text: str, dot: int, abbr: Abbreviations) -> bool:
    """True when the period at ``dot`` ends an abbreviation or an initial rather than a sentence."""
    m = _WORD_BEFORE.search(text, max(0, dot - 40), dot)
    if not m:
        return False
    word = m.group(1).lower().rstrip(".")
    if word in abbr.abbreviations:
        return True
    # Single initials ("J. Smith") and dotted acronyms ("U.S.", "a.m.").
    return bool((len(word) == 1 and word.isalpha()) or re.fullmatch(r"(?:[a-z]\.)+[a-z]", word))


def _next_starts_sentence(text: str, pos: int) -> bool:
    """True when the text after ``pos`` (whitespace skipped) looks like a sentence start."""
    n = len(text)
    while pos < n and text[pos].isspace():
        pos += 1
    while pos < n and text[pos] in _OPENERS:
        pos += 1
    if pos >= n:
        return True
    ch = text[pos]
    return ch.isupper() or ch.isdigit() or not ch.isalpha()


def split_sentences(text: str, language: str = "en") -> list[Sentence]:
    """Split ``text`` into sentences with exact offsets (``text[s.start:s.end] == s.text``).

    Line breaks end a sentence (news copy puts headlines, standfirsts and paragraphs on their own
    lines), except inside hard-wrapped prose (``_wrapped_lines``); a line without terminal
    punctuation is marked as a headline. The abbreviations are those of ``language``'s bundle
    (English for a language without one).
    """
    abbr = language_for(language)[0].abbreviations
    out: list[Sentence] = []
    for line_start, body in _wrapped_lines(text):
        cuts = [0]
        for m in _BOUNDARY.finditer(body):
            end = m.end()
            punct = body[m.start()]
            if (
                punct == "."
                and m.end() - m.start() == 1
                and _is_abbreviation(body, m.start(), abbr)
            ):
                word = _WORD_BEFORE.search(body, max(0, m.start() - 40), m.start())
                w = word.group(1).lower().rstrip(".") if word else ""
                nxt = _NEXT_WORD.match(body, end)
                follower = nxt.group(1) if nxt else ""
                if (w in abbr.months or w in abbr.numbered) and follower[:1].isdigit():
                    continue  # "Sept. 2024", "the No. 2 retailer"
                if follower in abbr.zones:
                    continue  # "at 3 p.m. EST on Friday"
                # "... in the U.S. The next ..." splits; "U.S. Secretary" and "Gen. Smith" do not.
                is_initial = len(w) == 1
                if (w in abbr.titles or is_initial) and follower not in abbr.openers:
                    continue
                if not _next_starts_sentence(body, end):
                    continue
            if not _next_starts_sentence(body, end):
                continue
            cuts.append(end)
        cuts.append(len(body))
        for a, b in itertools.pairwise(cuts):
            seg = body[a:b]
            lead = len(seg) - len(seg.lstrip())
            seg = seg.strip()
            if not seg:
                continue
            start = line_start + a + lead
            is_headline = len(cuts) == 2 and seg[-1] not in ".!?…" + _CLOSERS and len(seg) < 200
            out.append(Sentence(start, start + len(seg), seg, is_headline))
    return out


# Hard-wrapped prose (pasted or e-mailed copy, wrapped at 60-80 characters): a line that breaks a
# sentence, at least this long, in a paragraph none of whose lines is longer than WRAP_WIDTH and at
# least WRAP_FILL of that paragraph's longest line.
WRAP_MIN = 30
WRAP_WIDTH = 100
WRAP_FILL = 0.6
_ENDS_SENTENCE = ".!?…:;" + _CLOSERS


def _wrapped_lines(text: str) -> list[tuple[int, str]]:
    """The non-blank lines of ``text`` as (offset, text without its line end), a line that
    hard-wrapping broke inside a sentence joined with the line after it ("would meet again next" +
    "Monday in Brussels."). A line is joined only when it is not the text's first (its headline),
    stops mid-sentence on a lowercase word, a number or a comma, and fills its wrapped paragraph;
    a paragraph written on one line, a headline, a list of short lines are never joined."""
    lines: list[tuple[int, str]] = []
    pos = 0
    for line in text.splitlines(keepends=True):
        lines.append((pos, line.rstrip("\r\n")))
        pos += len(line)
    out: list[tuple[int, str]] = []
    block: list[tuple[int, str]] = []
    for start, body in [*lines, (pos, "")]:
        if body.strip():
            block.append((start, body))
            continue
        out.extend(_join_wrapped(text, block, first=not out))
        block = []
    return out


def _join_wrapped(text: str, block: list[tuple[int, str]], first: bool) -> list[tuple[int, str]]:
    """One paragraph's lines (consecutive non-blank lines), hard-wrapped ones joined."""
    if len(block) < 2:
        return block
    widest = max(len(body.strip()) for _, body in block)
    out: list[tuple[int, str]] = []
    for n, (start, body) in enumerate(block):
        if out and _breaks_sentence(block[n - 1][1], widest, first and len(out) == 1):
            joined_start = out[-1][0]
            out[-1] = (joined_start, text[joined_start : start + len(body)])
        else:
            out.append((start, body))
    return out


def _breaks_sentence(line: str, widest: int, headline: bool) -> bool:
    body = line.strip()
    if headline or widest > WRAP_WIDTH or len(body) < max(WRAP_MIN, widest * WRAP_FILL):
        return False
    if body[-1] in _ENDS_SENTENCE:
        return False
    last = body.split()[-1]
    return body[-1] == "," or last[0].islower() or last.isdigit()


class SentenceIndex:
    """Find the sentence containing an offset in O(log n)."""

    def __init__(self, sentences: Sequence[Sentence]) -> None:
        self.sentences = list(sentences)
        self._starts = [s.start for s in self.sentences]

    def at(self, offset: int) -> Sentence | None:
        i = bisect_right(self._starts, offset) - 1
        if i >= 0 and offset < self.sentences[i].end:
            return self.sentences[i]
        return None

    def index_of(self, offset: int) -> int:
        return bisect_right(self._starts, offset) - 1
