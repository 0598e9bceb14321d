"""Long articles through the engine a piece at a time: progress, Cancel, and time linear in length.

The engine reads an article whole. A book-length text (a 5 MB report in one file) would keep an import
busy for minutes between two chances to report progress or stop, and reading it for happenings costs
more than linear time in its length. An article longer than ``LONG`` characters is therefore read in
pieces of about ``PIECE`` characters, cut at line ends (a sentence never spans lines):

- its dates: each piece is read with up to ``CONTEXT`` characters of the lines before it, so a date
  counted from an earlier mention ("two days later") still finds that mention; only the dates that
  end inside the piece are kept (a date broken over the cut, "next\nMonday", is found whole);
- its events: each piece is read after the article's lead (the headline and first sentences, which
  date the article's news) and the same context; only the reports inside the piece are kept. Reports
  of one happening in two pieces become one event when stored, as reports in two articles do
  (``integrate.fold_in`` matches each piece against the events of the pieces before it).

News articles are far shorter than ``LONG`` and go through the engine whole, exactly as before.
"""

from __future__ import annotations

import hashlib
import itertools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from .. import engine
from ..model import Article, ProposedEvent, SourceRef, Timex
from ..sentences import split_sentences

LONG = 100_000  # characters: longer articles are read in pieces
PIECE = 40_000  # characters per piece, about 0.3 s of the engine
CONTEXT = 2_000  # characters of the lines before a piece read with it
LEAD_SENTENCES = 3  # the headline and the first two sentences: what dates the article's news
LEAD_MAX = 2_000

StepFn = Callable[[int, int], None]  # (characters read, characters in all); may raise Cancelled

_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s+")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Reading:
    """An article's timexes and its proposals, one tuple per piece (one piece for most articles)."""

    timexes: tuple[Timex, ...]
    parts: tuple[tuple[ProposedEvent, ...], ...]

    @property
    def proposals(self) -> tuple[ProposedEvent, ...]:
        return tuple(p for part in self.parts for p in part)


def read(article: Article, step: StepFn | None = None) -> Reading:
    """``article`` through the engine: whole when it is short, else piece by piece, calling
    ``step`` before each piece."""
    text = article.text
    if len(text) <= LONG:
        found = engine.analyse(article)
        return Reading(found.timexes, (found.proposals,))
    cuts = piece_bounds(text)
    lead = _lead_end(text)
    timexes: list[Timex] = []
    parts: list[tuple[ProposedEvent, ...]] = []
    in_lead: list[Timex] = []
    before: list[Timex] = []  # the piece before's: its context is inside it
    for n, (a, b) in enumerate(itertools.pairwise(cuts)):
        if step is not None:
            step(a, len(text))
        mine = _timexes_of(article, a, b, group_base=len(timexes))
        timexes.extend(mine)
        if n == 0:
            in_lead = [t for t in mine if t.end <= lead]
        near = in_lead + [t for t in before + mine if t.end > lead]
        parts.append(_proposals_of(article, near, lead, a, b))
        before = mine
    if step is not None:
        step(len(text), len(text))
    return Reading(tuple(timexes), tuple(parts))


def piece_bounds(text: str, size: int | None = None) -> list[int]:
    """Offsets cutting ``text`` into pieces of about ``size`` (``PIECE``) characters, each starting
    a line (else a sentence, else a word)."""
    size = size or PIECE
    cuts = [0]
    while len(text) - cuts[-1] > size * 3 // 2:
        cuts.append(_cut_near(text, cuts[-1] + size, size // 4))
    return [*cuts, len(text)]


def _cut_near(text: str, target: int, slack: int) -> int:
    """A piece boundary near ``target``: after a line end, else a sentence end, else a space."""
    low, high = target - slack, target + slack
    line = text.rfind("\n", low, high)
    if line >= 0:
        return line + 1
    for pattern in (_SENTENCE_END, _SPACE):
        found = [m.end() for m in pattern.finditer(text, low, high)]
        if found:
            return min(found, key=lambda p: abs(p - target))
    return target


def _context_start(text: str, a: int, floor: int = 0) -> int:
    """Where the context of a piece starting at ``a`` begins: a line start at most ``CONTEXT``
    characters before it (``a`` itself when none is that close), never before ``floor``."""
    if a <= floor:
        return a
    line = text.find("\n", max(floor, a - CONTEXT), a)
    return a if line < 0 else line + 1


def _lead_end(text: str) -> int:
    """The end of the line holding the article's third sentence (its lead), at most ``LEAD_MAX``."""
    sentences = split_sentences(text[: LEAD_MAX * 2])
    end = sentences[min(LEAD_SENTENCES, len(sentences)) - 1].end if sentences else 0
    line = text.find("\n", end, LEAD_MAX)
    return line + 1 if line >= 0 else 0


def _timexes_of(article: Article, a: int, b: int, group_base: int) -> list[Timex]:
    """The timexes ending in ``(a, b]``, read with the context before ``a``."""
    c = _context_start(article.text, a)
    found = engine.find_timexes(replace(article, text=article.text[c:b]))
    out = []
    for t in found:
        if t.end + c <= a:
            continue  # found by the piece before (one broken over the cut is found only here)
        out.append(
            replace(
                t,
                start=t.start + c,
                end=t.end + c,
                anchor_start=None if t.anchor_start is None else t.anchor_start + c,
                group=None if t.group is None else t.group + group_base,
            )
        )
    return out


def _proposals_of(
    article: Article, timexes: Sequence[Timex], lead: int, a: int, b: int
) -> tuple[ProposedEvent, ...]:
    """The proposals of the reports in ``[a, b)``, read after the lead and the context
    (``timexes``: those of the lead, the context and the piece; a list as long as the piece's,
    so each piece costs the same however long the article)."""
    text = article.text
    if a == 0:
        mine = [t for t in timexes if t.end <= b]
        return engine.analyse(replace(article, text=text[:b]), mine).proposals
    c = max(_context_start(text, a, floor=lead), lead)
    shift = lead - c  # a position p >= c of the article is p + shift in the piece's text

    def inside(t: Timex) -> Timex | None:
        if t.end <= lead:
            return t
        if c <= t.start and t.end <= b:
            anchor = t.anchor_start
            moved = anchor + shift if anchor is not None and anchor >= c else None
            return replace(t, start=t.start + shift, end=t.end + shift, anchor_start=moved)
        return None

    mine = [m for m in (inside(t) for t in timexes) if m is not None]
    piece = replace(article, text=text[:lead] + text[c:b])
    out = []
    for p in engine.analyse(piece, mine).proposals:
        kept = [_moved(s, lead, shift) for s in p.sources]
        sources = tuple(s for s in kept if s.end > a and s.start < b)
        if sources:
            out.append(replace(p, id=_event_id(article.id, sources), sources=sources))
    return tuple(out)


def _moved(s: SourceRef, lead: int, shift: int) -> SourceRef:
    """A source of a piece's reading, in the article's offsets (the lead's stay where they are)."""
    if s.start < lead:
        return s
    return replace(
        s,
        start=s.start - shift,
        end=s.end - shift,
        sentence_start=s.sentence_start - shift,
        sentence_end=s.sentence_end - shift,
    )


def _event_id(document: str, sources: Sequence[SourceRef]) -> str:
    first = min(sources, key=lambda s: (s.start, s.end))
    key = f"{document}:{first.start}:{first.end}"
    return "ev-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]
