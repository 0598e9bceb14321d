"""The tense of the clause around a timex, from cheap lexical cues.

The cue words are the language bundle's (``Cues.tense``). Only the nearest cue counts: in "said Wednesday
that it will ..." the weekday belongs to "said". The clause is cut at sentence punctuation and at
semicolons, so a neighbouring clause cannot lend its tense.
"""

from __future__ import annotations

import re

from .bundle import Cues
from .english.cues import CUES
from .lowered import Finder

_BOUNDARY = re.compile(r"[.!?;\n]\s|[“”\"]|``|''")
_LEFT = 90
_RIGHT = 50


def clause_tense(text: str, start: int, end: int, cues: Cues = CUES) -> str:
    """ "past", "future", "present" or "" from the nearest cue in the timex's clause."""
    cue = _finder(cues.tense)
    lo = max(0, start - _LEFT)
    left = text[lo:start]
    cuts = list(_BOUNDARY.finditer(left))
    if cuts:
        lo += cuts[-1].end()
        left = text[lo:start]
    best: tuple[int, str] | None = None
    for m in cue.finditer(left):
        if _names_period_end(text, lo + m.start(), m.group(0), cues):
            continue  # "the three months ended Dec. 31": the period's end, not the clause's tense
        kind = m.lastgroup or ""
        dist = start - (lo + m.end())
        if best is None or dist <= best[0]:
            best = (dist, kind)
    hi = min(len(text), end + _RIGHT)
    right = text[end:hi]
    cut = _BOUNDARY.search(right)
    if cut:
        right = right[: cut.start()]
    after = cue.search(right)
    if after is not None and best is not None and cues.clause_join.search(right, 0, after.start()):
        after = None  # "met on Thursday and will testify": the verb after "and" has its own clause
    if after is not None:
        # a cue to the right ("Wednesday said") is a weaker witness than one left
        dist = 2 * after.start() + 20
        if best is None or dist < best[0]:
            best = (dist, after.lastgroup or "")
    if cues.since_before.search(text, max(0, start - 16), start):
        return "past"  # "will have doubled since March": the span starts behind the writer
    tense = best[1] if best else ""
    if tense in ("", "present") and cues.limit_before.search(text, max(0, start - 12), start):
        return "future"  # a state lasting now ends ahead: "is closed until Friday"
    return tense


def _names_period_end(text: str, at: int, word: str, cues: Cues) -> bool:
    """Is the cue at ``at`` the "ended" of "the quarter ended Sept. 30"?"""
    if word.lower() not in ("ended", "ending"):
        return False
    before = text[max(0, at - 20) : at].split()
    return bool(before) and before[-1].lower() in cues.words["period_nouns"]


_FINDERS: dict[int, tuple[re.Pattern[str], Finder]] = {}


def _finder(pattern: re.Pattern[str]) -> Finder:
    """The cue pattern, tried only where its words stand (``lowered``): it is tried at every word
    of a clause otherwise. Kept by the pattern's identity (held with it, so the id stays its own):
    hashing a compiled pattern hashes its whole program, about 6 microseconds a date."""
    got = _FINDERS.get(id(pattern))
    if got is None or got[0] is not pattern:
        got = _FINDERS[id(pattern)] = (pattern, Finder(pattern))
    return got[1]
