"""The tense of the clause around a timex, from cheap lexical cues.

Only the nearest cue counts: in "said Wednesday that it will ..." the weekday belongs to "said". The clause
is cut at sentence punctuation and at semicolons, so a neighbouring clause cannot lend its tense.
"""

from __future__ import annotations

import re

_FUTURE = (
    # a deferral points past the telling: "postponed until Tuesday", "extended its deadline until ..."
    r"(?:postponed|extended|delayed|deferred|adjourned|put\s+off)(?:\s+[\w'’$-]+){0,4}?\s+until|"
    r"will|won't|wo|shall|would|as\s+soon\s+as|as\s+early\s+as|effective|'ll|’ll|going\s+to|plans?\s+to|planning\s+to|intends?\s+to|due\s+to|"
    r"(?:is|are|was|were)\s+(?:expected|scheduled|set|slated|poised|likely)\s+to|expected\s+to|"
    r"scheduled|ahead\s+of|upcoming|next|to\s+be\s+held|(?:is|are)\s+to|would\s+be\s+held|"
    r"await(?:s|ing)?|starting|begins|opens"
)
_PAST = (
    # a plan seen from after it ("had been scheduled to expire Friday"): the day is behind the writer
    r"had\s+been\s+(?:scheduled|due|expected|set|slated|planned)|"
    r"said|told|was|were|had|did|announced|reported|ago|last|earlier|"
    r"agreed|freed|(?-i:(?<![-A-Za-z])(?<!\ba\s)(?<!\ban\s)(?<!\bthe\s)(?<!\bstill\s)[a-z]{3,}(?<!e)(?<!hundr)(?<!unit)(?<!limit)ed)|"
    r"came|went|made|took|gave|began|met|left|held|won|lost|fell|rose|sold|bought|got|"
    r"saw|led|ran|paid|spent|found|became|brought|struck|fought|wrote|spoke|sent|stood"
)
_PRESENT = r"says?|is|are|am|'s|’s|has|have|does|do|remains|continues|tonight|today|now"

# a future auxiliary owns the verb group after it: "will be held" is future, not past
_AUX_TAIL = r"(?:\s+(?:not|be|been|have|also|then|still|only|now|probably|likely))*(?:\s+[a-z]+(?:ed|en|wn|ld|ne|ht|id|de|ut|ng))?"
_CUE = re.compile(
    rf"\b(?:(?P<future>(?:{_FUTURE}){_AUX_TAIL})|(?P<past>{_PAST})|(?P<present>{_PRESENT}))\b",
    re.IGNORECASE,
)
_BOUNDARY = re.compile(r"[.!?;\n]\s|[“”\"]|``|''")
_LEFT = 90
_RIGHT = 50


def clause_tense(text: str, start: int, end: int) -> str:
    """ "past", "future", "present" or "" from the nearest cue in the timex's clause."""
    lo = max(0, start - _LEFT)
    left = text[lo:start]
    cuts = list(_BOUNDARY.finditer(left))
    if cuts:
        lo += cuts[-1].end()
        left = text[lo:start]
    best: tuple[int, str] | None = None
    for m in _CUE.finditer(left):
        kind = m.lastgroup or ""
        dist = start - (lo + m.end())
        if best is None or dist <= best[0]:
            best = (dist, kind)
    hi = min(len(text), end + _RIGHT)
    right = text[end:hi]
    cut = _BOUNDARY.search(right)
    if cut:
        right = right[: cut.start()]
    m = _CUE.search(right)
    if m is not None:
        dist = (
            2 * m.start() + 20
        )  # a cue to the right ("Wednesday said") is a weaker witness than one left
        if best is None or dist < best[0]:
            best = (dist, m.lastgroup or "")
    return best[1] if best else ""
