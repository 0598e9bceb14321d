"""Which date expressions date a happening, and which only measure, qualify or count.

"for the rest of the year" is a stretch of time; "the past decade" one to count in; "this year's
conference" qualifies a noun that another date of the sentence dates; "Thursday and Friday" is one
span, "in 2019 and 2021" two dates. ``reading`` asks these before it reads a date as a report's.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..calendar_words import MONTHS
from ..eventtext import is_event_noun
from ..model import Sentence, Timex, TimexType
from ..span import Span
from . import english as en
from .words import MODAL

if TYPE_CHECKING:
    from .clauses import Clause

_PRICE_MOVES = frozenset({"fall", "rise", "close"})  # "closed at $29, up 25 cents"


def occasion(span: Span | None, published: dt.date | None) -> bool:
    """A month or finer within the year before publication: an occasion words are said at."""
    if span is None or published is None:
        return False
    return span.width <= 31 and span.last >= published.toordinal() - 366


def same_session(told: str, lemma: str, carried: Span | None, before: Sequence[Clause]) -> bool:
    """ "Asian markets fell sharply on Friday. | Toyota and Honda shares dropped 8 percent": a
    price's move by a figure (``told``: the words after its verb) right after a sentence dated to
    a day (``carried``: its date) with a move (``before``: its clauses), with no date of its own,
    is of the same session. A quarter's figures are no session ("Net fell 8% in the third
    quarter. | The shares rose 50 cents"), nor is "declined to comment" a move."""
    if carried is None or carried.width != 0 or en.action_of(lemma) not in _PRICE_MOVES:
        return False
    if not any(ch.isdigit() for ch in told):
        return False
    return any(en.action_of(c.lemma) in _PRICE_MOVES for c in before)


UNDATED_VALUES = frozenset({"PRESENT_REF", "PAST_REF", "FUTURE_REF"})
_PERIOD_OF = re.compile(r"\b(?:rest|remainder|balance)\s+of\s+(?:the\s+)?$", re.IGNORECASE)
_COUNTING = re.compile(r"^(?:the\s+|over\s+the\s+)?(?:past|last|previous|recent)\b", re.IGNORECASE)


def stretch_of_time(text: str, start: int) -> bool:
    """ "for the rest of the year": the date at ``start`` is a stretch of time, not a date."""
    return bool(_PERIOD_OF.search(text, max(0, start - 30), start))


# A year span right after a name, with no preposition: "John Smith 1931-2010", "Smith (1931–2010)",
# "Smith, 1931-2010,". The years say when someone lived or held a post; they date no happening.
_NAME_THEN_YEARS = re.compile(r"\b([A-Z][\w’'.-]*)\s*[,(]?\s*(?:\d{4}\s*[-–]\s*)?$")
_YEAR_THEN_YEAR = re.compile(r"\s*[-–]\s*\d{2,4}\b")
_YEAR_AFTER_DASH = re.compile(r"\d{4}\s*[-–]\s*$")
_NOT_NAMES = frozenset(
    """in on at by from since until for of during between after before to through the a an and
    or but january february march april may june july august september october november
    december""".split()
)


def lifespan(text: str, start: int, end: int) -> bool:
    """ "John Smith 1931-2010": the year at [start, end) is one end of a span of years written
    right after a name (a lifespan, a term of office), not the date of a happening."""
    before = text[max(0, start - 60) : start]
    if _YEAR_AFTER_DASH.search(before) is None and _YEAR_THEN_YEAR.match(text, end) is None:
        return False
    m = _NAME_THEN_YEARS.search(before)
    return m is not None and m.group(1).lower() not in _NOT_NAMES


_POSSESSIVE = re.compile(r"^(?:'s|’s)\b")
_BEFORE_NOUN_ONLY = re.compile(r"overnight\s+[a-z]{3,}", re.IGNORECASE)  # "overnight losses"
_BEFORE_NAME = re.compile(r"^\s+(?:[A-Z]|[a-z][A-Z])\w")


_OF_BEFORE = re.compile(
    r"\b(?!(?:end|start|beginning|middle|half|quarter|rest|part|spring|summer|autumn|fall|winter|"
    r"remainder|close|course|months?|years?|weeks?)\s)[A-Za-z][\w’'-]*\s+of\s+$",
    re.IGNORECASE,
)
_DETERMINER_BEFORE = re.compile(r"\b(?:the|its|their|his|her|our|a|an)\s+$", re.IGNORECASE)
_BEFORE_NOUN = re.compile(r"\s+[a-z]{3,}\b(?!\s+(?:and|or|to)\b)")


def modifier(sentence: str, start: int, end: int) -> bool:
    """A date that modifies a noun ("this year's conference", "the 2010 Developers Conference",
    "the 1998 agreement")."""
    after = sentence[end : end + 12]
    year = sentence[start:end].isdigit()
    return bool(
        report_period(sentence, start, end)
        or _POSSESSIVE.match(after)
        or (_BEFORE_NAME.match(after) and year)
        or (year and _OF_BEFORE.search(sentence, max(0, start - 24), start))  # "aircraft of 2008"
        or (
            year
            and _BEFORE_NOUN.match(sentence, end)
            and _DETERMINER_BEFORE.search(sentence, max(0, start - 8), start)
        )
    )


def noun_date(
    s: Sentence, rel: int, rel_end: int, clause: Clause | None, timexes: Sequence[Timex], t: Timex
) -> bool:
    """The date at [rel, rel_end) of ``s`` dates the noun it modifies or the figure it is for, not
    its clause: another date dates the clause ("this year's conference ... yesterday",
    "third-quarter results on Friday", a headline's "fourth-quarter loss" the lead's day, "a loss
    for 2006 last month"); the date stands after the verb before its noun ("wiped out Monday's
    gain"); or the clause tells no happening of its own, only what may be, is not or holds
    ("Under the 2003 contract, the buyers may cancel", "the 1998 accord does not allow")."""
    text = s.text
    period = report_period(text, rel, rel_end)
    if modifier(text, rel, rel_end) and (
        (s.is_headline and period) or other_date(timexes, t, s, period)
    ):
        # a headline's "GM posts $9.6 billion fourth-quarter loss" is the news of its lead's day
        return True
    if _RESULT_FOR.search(text, max(0, rel - 60), rel) and _reported_when(timexes, t, s):
        return True  # "reported a loss of 572 million euros for 2006 last month": the figure's
    if (
        clause is not None
        and 0 <= clause.verb_end <= rel
        and (_POSSESSIVE.match(text[rel_end : rel_end + 3]) or _BEFORE_NOUN_ONLY.match(text, rel))
        and not _event_noun_after(text, rel_end)
    ):
        # "The drop wiped out most of Monday's record gain", "depressed by overnight losses in New
        # York": the gain's day, the losses' night
        return True
    if clause is None or not (clause.tense == MODAL or clause.negated or clause.stative):
        return False
    if not (
        text[rel:rel_end].isdigit()
        and _BEFORE_NOUN.match(text, rel_end) is not None
        and _DETERMINER_BEFORE.search(text, max(0, rel - 8), rel) is not None
    ):
        return False
    # "the sanctions imposed after its 1990 invasion", "injured in the 1998 clinic bombing": a
    # happening's own year dates it whatever the clause says
    return not _event_noun_after(text, rel_end)


def _event_noun_after(text: str, end: int) -> bool:
    """A happening's noun among the few words after ``end`` ("1998 clinic bombing", "Monday's
    summit", "last month's discovery", "last year's embassy blasts")."""
    noun = text[end:].split(",", 1)[0].split()[:6]
    return any(
        _happening_noun(w.lower().strip(".;:").removesuffix("'s").removesuffix("’s")) for w in noun
    )


_HAPPENING_ENDS = ("tion", "sion", "ment", "ery", "ings", "blast", "blasts", "shooting", "fire")


def _happening_noun(word: str) -> bool:
    """A noun that names a happening: one of the event nouns, or one made from a verb
    ("declaration", "discovery", "pricings")."""
    return is_event_noun(word) or (len(word) > 4 and word.endswith(_HAPPENING_ENDS))


def other_date(timexes: Sequence[Timex], t: Timex, s: Sentence, within_week: bool = False) -> bool:
    """Another date in ``t``'s sentence (``within_week``: one a week or finer)."""
    return any(
        o is not t
        and s.start <= o.start < s.end
        and o.type in (TimexType.DATE, TimexType.TIME)
        and o.value not in UNDATED_VALUES
        and (not within_week or _WEEK_OR_FINER.match(o.value) is not None)
        for o in timexes
    )


_WEEK_OR_FINER = re.compile(r"^\d{4}-(?:\d\d-\d\d|W\d\d)")
# "third-quarter results", "first-half earnings": the period of what is reported, which a day or
# week told with it dates ("will report its third-quarter results on Friday")
# the words of a reported figure, for both patterns below
_RESULT_WORDS = (
    r"(?:results?|earnings|profits?|loss(?:es)?|income|sales|revenues?|figures|dividends?|"
    r"deficit|surplus)"
)
_PERIOD_OF_REPORT = re.compile(
    rf"-(?:quarter|half)\s+(?:net\s+|operating\s+)?{_RESULT_WORDS}\b", re.IGNORECASE
)


# A result, then the period it is for: "a loss of 572 million euros for 2006", "profit for the
# quarter ended Sept. 30"
_RESULT_FOR = re.compile(
    rf"\b{_RESULT_WORDS}\b[^.;:]{{0,40}}?\bfor\s+(?:the\s+)?(?:fiscal\s+|full\s+|whole\s+)?$",
    re.IGNORECASE,
)


def _reported_when(timexes: Sequence[Timex], t: Timex, s: Sentence) -> bool:
    """Another date of ``t``'s sentence, a month or finer and no comparison point, after it: the
    day or month a result for ``t``'s period was reported ("for 2006 last month")."""
    return any(
        o is not t
        and t.end <= o.start < s.end
        and o.type in (TimexType.DATE, TimexType.TIME)
        and _MONTH_OR_FINER.match(o.value) is not None
        and _COMPARED_FROM.search(s.text, max(0, o.start - s.start - 14), o.start - s.start) is None
        for o in timexes
    )


_MONTH_OR_FINER = re.compile(r"^\d{4}-(?:\d\d|W\d\d)")
_COMPARED_FROM = re.compile(r"\b(?:from|than|ended|ending|with)\s+(?:the\s+)?$", re.IGNORECASE)


def report_period(sentence: str, start: int, end: int) -> bool:
    """The date at [start, end) is the adjectival period of a reported figure ("third-quarter
    loss", "first-half results", "its January sales figures")."""
    dash = sentence.rfind("-", start, end)
    if dash > start:
        return _PERIOD_OF_REPORT.match(sentence, dash) is not None
    return sentence[start:end].lower() in MONTHS and _MONTH_REPORT.match(sentence, end) is not None


# a month's figures: "January sales figures", "its November U.S. sales"
_MONTH_REPORT = re.compile(rf"\s+(?:[\w.]+\s+)?{_RESULT_WORDS}\b", re.IGNORECASE)


_PART_OF_YEAR = re.compile(r"^\d{4}-(?:Q[1-4]|H[12])$")
_FISCAL = re.compile(r"\bfiscal\b|\bfinancial[\s-]+year\b", re.IGNORECASE)


def fiscal_period(text: str, t: Timex) -> bool:
    """ "the fiscal first quarter", "the first half of its financial year": a company's own quarter
    or half, whose months depend on where its year starts, so it dates no happening on the
    calendar (the value keeps TimeML's calendar reading)."""
    if not _PART_OF_YEAR.match(t.value):
        return False
    return _FISCAL.search(text, max(0, t.start - 12), min(len(text), t.end + 28)) is not None


def dates_nothing(text: str, t: Timex) -> bool:
    """Whether ``t`` in ``text`` is a stretch of time, a lifespan's end or a fiscal period: no
    happening's date on the calendar, whatever its clause."""
    return (
        stretch_of_time(text, t.start) or lifespan(text, t.start, t.end) or fiscal_period(text, t)
    )


def counting_period(t: Timex) -> bool:
    """ "the past decade", "over the last five years": a stretch to count in, not a date."""
    if not _COUNTING.match(t.text):
        return False
    span = Span.of(t.value)
    return span is None or span.width > 366


def is_range(parts: Sequence[Timex]) -> bool:
    """A ranged expression ("July 9-11", "from Monday to Wednesday") or a coordination of adjacent
    periods ("Thursday and Friday") is one span; "in 2019 and 2021" is two dates."""
    if len(parts) < 2:
        return False
    if any(p.group_role in ("start", "end") for p in parts):
        return True
    for a, b in itertools.pairwise(parts):
        if a.latest is None or b.earliest is None or (b.earliest - a.latest).days != 1:
            return False
    return True
