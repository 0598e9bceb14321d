"""Dates that are reference points, not the dates of happenings.

"shares hit their lowest since 1997", "compared to March 2008", "up from 14% a year ago", "the same period
last year": the date is what something is measured against; "according to figures released April 3":
the date of the source, not of the news. It stays a temporal expression (shown in the
article) but proposes no event and dates none. "He has been fighting cancer since 2004" is different:
there "since" gives the start of what is reported, and the date stands.
"""

from __future__ import annotations

import re

# Just before the date, within its clause.
_BEFORE = re.compile(
    r"(?:(?:\bcompared\s+(?:to|with)|\bversus|\bvs\.?|\b(?:up|down|rose|fell|increased|decreased|"
    r"dropped|climbed|jumped|slipped)\s+from|\brelative\s+to|\bin\s+comparison\s+(?:to|with))"
    # the figure compared with, then the date: "up from 434 in 2006", "compared with a loss of
    # $5.8 billion in 2007" (not after "than": "more than 13% in September" is an amount)
    r"(?:\s+(?:an?\s+[a-z]+\s+of\s+)?(?:(?:fewer|more|less)\s+than\s+|(?:about|around|nearly|"
    r"almost|some|roughly)\s+)?[$€£]?\d[\d,.]*(?:\s*(?:%|percent|per\s+cent))?"
    # (or the date right after the figure: "down from 14,164 a year ago")
    r"(?:(?:\s+[a-z]+){0,2}?\s+(?:in|on|at|during|for))?)?"
    # "expects 470 deliveries this year, after 453 in 2007": the year before's figure (not a
    # stretch: "retired after 30 years in 2005" dates the retirement)
    r"|\bafter\s+(?:(?:about|around|nearly|almost|some|roughly)\s+)?[$€£]?\d[\d,.]*"
    r"(?:\s*(?:%|percent|per\s+cent|million|billion))?"
    r"(?:\s+(?!(?:years?|months?|weeks?|days?|hours?|decades?)\b)[a-z]+){0,2}?\s+(?:in|during|for)"
    r"|\bthan(?:\s+(?:in|on|at|during|for))?|\binstead\s+of(?:\s+(?:in|on|at|during|for))?"
    # the date given up: "postponed from March 3", "the vote, moved from June"
    r"|\b(?:postponed|delayed|moved|pushed\s+back|brought\s+forward|rescheduled|put\s+off)"
    r"\s+from(?:\s+(?:its|the)\s+(?:original|planned|scheduled)\s+date\s+of)?"
    # "the launch, originally planned for June, was postponed": the plan before the delay
    r"|\b(?:originally|initially|previously|first)\s+(?:planned|scheduled|set|due|expected|"
    r"slated|intended)\s+(?:to\s+(?:be\s+)?[a-z]+(?:\s+[\w'’-]+){0,4}?\s+)?(?:for|on|in|by))"
    r"(?:\s+(?:those|that|the\s+level|levels?|figures?|results?)\s+(?:of|in|for))?"
    r"(?:\s+(?:the|a|an|its|their))?\s*$",
    re.IGNORECASE,
)
# "since" after a superlative or a record: a comparison, not a start ("since the October 1987 crash").
# "in" after one dates the record: "a record profit in the third quarter", "a record 453 aircraft
# in 2007"; "its lowest in five years" counts a stretch, which dates nothing anyway.
_SINCE = re.compile(
    r"\bsince(?:\s+the)?\s*$"
    # or the happening named, then its date: "since the September 11 attacks in 2001", "since the
    # crash of 1987" (no verb in the name: "since the plant was built in 1998" dates the building)
    r"|\bsince\s+the(?:\s+(?!(?:was|were|is|are|has|had|have|been|be)\b)[\w'’-]+(?<!ed)){1,4}"
    r"\s+(?:in|of)\s*$",
    re.IGNORECASE,
)
_SINCE_TOLD = re.compile(r"\bsince\b[^,;:()]{0,60}$", re.IGNORECASE)
_RECORD = re.compile(
    r"\b(?:(?:low|high|big|large|small|strong|weak|fast|slow|bad|good)(?:est)|worst|best|(?<!\bat\s)(?:most|least)|"
    r"fewest|first\s+time|record|not\s+(?:been\s+)?seen|lowest|highest|biggest|largest|smallest|"
    r"steepest|sharpest|longest|level\s+since|mark\s+since)\b[^;:]{0,60}$",  # "U.S." may be in it
    re.IGNORECASE,
)


def record_before(text: str) -> bool:
    """A superlative or a record ends ``text``'s clause ("its biggest drop", "the largest U.S.
    operation"): a "since" after it compares."""
    return _RECORD.search(text) is not None


# "the first ... since": the first time in a while, so a comparison too ("its first close below
# 10,000 since October 2004"); only with "since" ("first released in 2001" dates the release).
_FIRST = re.compile(r"\bfirst\b[^.;:]{0,60}$", re.IGNORECASE)
# "has lost $73 billion since 2004", "have risen 20% since January": an amount counted from the
# date on, not a happening on it ("has been on leave since January" keeps its start).
# (a decimal point is no sentence end: "has held its rate at 5.25 percent since June")
_COUNTED = re.compile(r"\b(?:has|have|had)\b(?:[^.;:]|\.\d)*\d(?:[^.;:]|\.\d)*$", re.IGNORECASE)
# The expression itself names a comparison period.
_SELF = re.compile(r"\byear-ago\b", re.IGNORECASE)
# "the same period last year", "over the same month": a period to compare with; "The same day, the
# regulator opened an inquiry" is the day just told of, and dates what follows.
_SAME = re.compile(r"\bsame\s+(?:period|month|quarter|week|time|day)\b", re.IGNORECASE)
_YEAR_BACK = re.compile(
    r"^(?:\s+\w+){0,2}?\s+(?:last\s+year|a\s+year\s+(?:earlier|ago|before)|(?:the\s+)?"
    r"(?:previous|prior)\s+year|the\s+year\s+before|(?:of|in)\s+(?:\d{4}|the\s+previous|last))"
    r"|\b(?:over|from|than|versus|vs\.?|against|with)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# "a year earlier", "the previous year" are comparison periods after a figure ("$3m a year earlier").
_EARLIER = re.compile(
    r"\b(?:(?:a|one|the)\s+(?:year|quarter|month)\s+(?:earlier|ago|before)|"
    r"(?:the\s+)?(?:previous|prior)\s+(?:year|quarter|month)|year\s+(?:earlier|previous))\b",
    re.IGNORECASE,
)
_FIGURE = re.compile(
    r"(?:\d[\d,.]*\s*(?:%|percent|per\s+cent|[mb]n?\b|million|billion)|[$€£]\s?\d)"
    r"[^.;:]{0,25}$",
    re.IGNORECASE,
)


# A move by a figure, then the point it is measured from: "down 30 percent from 2007", "rose
# $1.20 from Friday's close" (not the start of a range: "rose 8% from January to March").
_MOVED_BY_FROM = re.compile(
    r"\b(?:up|down|rose|fell|increased|decreased|dropped|climbed|jumped|slipped|gained|lost|"
    r"higher|lower)\s+(?:by\s+)?(?:(?:about|nearly|almost|some|roughly)\s+|(?:more|less)\s+than\s+)?"
    r"[$€£]?\d[\d,.]*(?:\s*(?:%|percent|per\s+cent|points?|cents?|pence|million|billion))?"
    r"\s+from(?:\s+(?:the|a|an|its|their))?\s*$",
    re.IGNORECASE,
)
_RANGE_ON = re.compile(r"\s*(?:to|until|till|through|[-–])\s", re.IGNORECASE)
_RANGE_IN = re.compile(r"\s(?:to|until|till|through)\s|[-–]", re.IGNORECASE)
_CLAUSE_CUT = re.compile(r"[;:]|,\s+(?:and|but|while|which)\b")
# "according to figures released April 3 by ...": the date of the source the news rests on.
_ACCORDING = re.compile(r"\baccording\s+to\b[^,;:()]{0,60}$", re.IGNORECASE)


def reference_reason(sentence: str, start: int, end: int) -> str:
    """Why the date at [start, end) of ``sentence`` is a reference point ("" when it is not)."""
    before = sentence[max(0, start - 80) : start]
    text = sentence[start:end]
    if _may_hold(before, ("according",)) and _ACCORDING.search(before):
        return f"the date of a source the news is attributed to ('{text}')"
    clause_before = before
    if ";" in before or ":" in before or "," in before:
        clause_before = _CLAUSE_CUT.split(before)[-1]
    tail = _BEFORE.search(clause_before) if _may_hold(clause_before, _BEFORE_WORDS) else None
    if tail:
        if _GIVEN_UP.search(tail.group()):
            return f"a date given up ('{tail.group().strip()} {text}')"
        return f"a comparison point ('{tail.group().strip()} {text}')"
    if (
        _may_hold(clause_before, ("from",))
        and _MOVED_BY_FROM.search(clause_before)
        and not _RANGE_ON.match(sentence, end)
        and not _RANGE_IN.search(text)
    ):
        return f"a comparison point ('… from {text}')"
    has_since = not clause_before.isascii() or "since" in clause_before.lower()
    since = _SINCE.search(clause_before) if has_since else None
    if since:
        head = clause_before[: since.start()]
        if _RECORD.search(head) or _FIRST.search(head):
            return f"the start of a comparison ('… since {text}')"
        if _COUNTED.search(head):
            return f"the start of what is counted ('… since {text}')"
    elif has_since:
        # a record since a happening told with its date: "its biggest drop since the markets
        # reopened after the September 11, 2001 attacks"
        told = _SINCE_TOLD.search(clause_before)
        if told and record_before(clause_before[: told.start()]):
            return f"the start of a comparison ('… since … {text}')"
    around = sentence[max(0, start - 12) : end + 12]
    if _may_hold(around, _SELF_WORDS) and (
        _SELF.search(around) or _same_compared(sentence, start, end)
    ):
        return f"a comparison period ('{text}')"
    if _may_hold(text, _EARLIER_WORDS) and _EARLIER.search(text) and _FIGURE.search(clause_before):
        return f"a comparison period ('{text}')"
    return ""


_GIVEN_UP = re.compile(
    r"\b(?:instead|postponed|delayed|moved|pushed|brought|rescheduled|put|originally|initially|"
    r"previously|first)\b",
    re.IGNORECASE,
)


def _same_compared(sentence: str, start: int, end: int) -> bool:
    """ "the same period" with a year back after it ("last year", "a year earlier", "of 2007"),
    or after "over", "from", "than"."""
    same = _SAME.search(sentence, max(0, start - 20), end + 12)
    if same is None:
        return False
    if same.end() <= start:
        return True  # "same" before the date: "the same period last year" read as "last year"
    return bool(
        _YEAR_BACK.match(sentence[same.end() : same.end() + 40])
        or _YEAR_BACK.search(sentence[max(0, same.start() - 12) : same.start()])
    )


# Words without one of which the pattern cannot match (a gate before the regex's pass).
_BEFORE_WORDS = (
    "compar",
    "versus",
    "vs",
    "from",
    "than",
    "relative",
    "instead",
    "after",
    "originally",
    "initially",
    "previously",
    "first",
)
_SELF_WORDS = ("year-ago", "same")
_EARLIER_WORDS = ("earlier", "ago", "before", "previous", "prior")


def _may_hold(text: str, words: tuple[str, ...]) -> bool:
    """Whether ``text`` holds one of ``words`` (lower case): cheaper than a regex that needs one.
    Ignoring case, "ſ" and "K" match "s" and "k": text beyond ASCII always may."""
    if not text.isascii():
        return True
    low = text.lower()
    return any(w in low for w in words)
