"""Context filters: readings that are only temporal in the right company.

"May" the modal, "2000 troops", "the party daily Granma", "current account", a quoted programme name
("This Week"), "soon after" the signal: the grammar matches them, these filters turn them away.
"""

from __future__ import annotations

import re

from .lexicon import COUNT_NOUNS, CURRENCY_SYMBOLS, LABEL_NOUNS

_NEXT_WORD = re.compile(r"\s*([A-Za-z]+)")
_PREV_WORD = re.compile(r"([A-Za-z]+)[\s-]*$")
_MAY_CONTEXT = frozenset(
    "in of since until till by early late mid last next this during from through before after to "
    "between and or throughout".split()
)
_YEAR_CONTEXT = frozenset(
    "in of since until till by early late mid during from through before after to between and or "
    "throughout year years fiscal around circa c spring summer fall autumn winter the than as for "
    "end start beginning middle".split()
)
_QUANTITY_WORDS = frozenset(
    "about some nearly almost around over than roughly approximately least only just estimated".split()
)
_REF_FOLLOWERS_NOT_TEMPORAL = frozenset("account accounts affairs events issue issues".split())
# prepositions that make a season a time ("over the summer"), not a name or a verb ("fall")
_SEASON_CONTEXT = frozenset("in during by until since into over through throughout".split())
_NAME_RULES = frozenset("rel_unit time ref named_day season".split())
_SOON_SIGNALS = frozenset("after afterward afterwards thereafter before".split())
_PAST_VERB = re.compile(
    r"[a-z]{3,}(?<!e)ed|became|came|went|began|fell|rose|found|left|got|took|made"
)


def _prev_word(text: str, start: int) -> str:
    m = _PREV_WORD.search(text, max(0, start - 30), start)
    return m.group(1).lower() if m else ""


def _next_word(text: str, end: int) -> str:
    m = _NEXT_WORD.match(text, end, min(len(text), end + 30))
    return m.group(1).lower() if m else ""


_TITLE_OPEN = re.compile(r"(?:\"|“|``)(?:[A-Z][\w'’-]*\s+)*$")
_TITLE_CLOSE = re.compile(r"(?:\s+[A-Z][\w'’-]*)*\s*[,.]?\s*(?:\"|”|'')")
_HALF_OF_YEAR = re.compile(
    r"\s+of\s+(?:the\s+)?(?:\d{4}|this\s+year|last\s+year|next\s+year|the\s+year)", re.I
)
_DISCOURSE_NOW = re.compile(r"\s*,")
_SENTENCE_START = re.compile(r"(?:\A|[.!?][\"'”’`]*\s+|\n\s*)\Z")
_NAME_BEFORE = re.compile(r"(?-i:\b[A-Z]{2,}[ \t]+)$")
_TITLE_WORD = re.compile(r"[A-Z][\w'’.-]*")


def _in_title(text: str, start: int, end: int) -> bool:
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


def keep(text: str, rule: str, start: int, end: int, g: dict[str, str | None]) -> bool:
    """Context filters for readings that are only temporal in the right company."""
    if rule in _NAME_RULES and _in_title(text, start, end):
        return False  # TimeML leaves names of programmes and works untagged
    if (
        rule == "named_day"
        and text[start].isupper()
        and _NAME_BEFORE.search(text, max(0, start - 30), start)
    ):
        return False  # "USA Today", "VOA Today": a capitalised day word after an acronym names a medium
    if rule == "year":
        before = text[max(0, start - 2) : start]
        if any(c in CURRENCY_SYMBOLS for c in before):
            return False
        nxt = _next_word(text, end)
        if nxt in COUNT_NOUNS or (nxt in ("million", "billion", "thousand", "trillion")):
            return False
        prev = _prev_word(text, start)
        if prev in LABEL_NOUNS and not g["mod"]:
            return False
        if nxt.endswith("s") and prev in _QUANTITY_WORDS and not g["mod"]:
            return False  # "about 2000 demonstrators": a count, whatever the noun
        y = int(g["y"] or 0)
        if g["mod"]:
            return True
        if y < 1900 or y > 2030:
            return _prev_word(text, start) in _YEAR_CONTEXT
        return True
    if rule == "month":
        mon = (g["mon"] or "").lower()
        if mon == "may" and not g["mod"] and not g["rel"]:
            return _prev_word(text, start) in _MAY_CONTEXT
        if mon in ("march", "august") and not g["mod"] and not g["rel"]:
            # "March" / "August" open sentences as verbs or adjectives too; want a date-like neighbour
            nxt = _next_word(text, end)
            prev = _prev_word(text, start)
            return prev in _MAY_CONTEXT or nxt in ("and", "or", "to", "through")
        return True
    if rule == "season":
        if g["rel"] or g["y1"] or g["y2"] or g["y2s"] or g["mod"]:
            if (g["rel"] or "").lower() == "the" and not (g["y1"] or g["y2"] or g["y2s"]):
                return _prev_word(text, start) in _SEASON_CONTEXT | {"this", "of"}
            return True
        return _prev_word(text, start) in _SEASON_CONTEXT
    if rule == "set":
        # "the party daily Granma": a newspaper, not a frequency
        is_paper = (g["adv"] or "").lower() == "daily" and text[end : end + 2].strip()[:1].isupper()
        return not is_paper
    if rule == "ref":
        r = (g["r"] or "").lower()
        if (
            r == "now"
            and _DISCOURSE_NOW.match(text, end)
            and _SENTENCE_START.search(text, max(0, start - 8), start)
        ):
            return False  # "Now, he says, ...": a discourse marker turning to the present story
        if r in ("current", "recent", "future"):
            return _next_word(text, end) not in _REF_FOLLOWERS_NOT_TEMPORAL and bool(
                _next_word(text, end)
            )
        if r == "soon":
            prev, nxt = _prev_word(text, start), _next_word(text, end)
            # "soon after the attack" orders two events (a signal), and "was soon released" / "soon
            # became" tell of a past step: neither points at the writer's future
            return not (
                "as" in (prev, nxt)
                or nxt in _SOON_SIGNALS
                or prev in ("was", "were", "had")
                or _PAST_VERB.fullmatch(nxt) is not None
            )
        return True
    if rule == "vague_plural":
        if g["pre"]:
            return True
        return _prev_word(text, start) in ("for", "in", "within", "over", "after")
    if rule == "rel_unit":
        rel = re.sub(r"\s+", " ", (g["rel"] or "").lower())
        unit = (g["unit"] or "").lower()
        if rel == "the":
            return unit in ("year", "month", "week", "weekend", "quarter") and _next_word(
                text, end
            ) not in (
                "of",
                "before",
                "after",
                "when",
                "that",
                "in",
            )
        if rel in ("that", "same"):
            return unit in (
                "day",
                "year",
                "month",
                "week",
                "night",
                "morning",
                "evening",
                "afternoon",
                "time",
            )
        return not (unit in ("fall", "spring", "summer", "winter", "autumn") and rel in ("the",))
    if rule == "duration":
        n = (g["n"] or "").lower()
        unit = (g["unit"] or "").lower()
        if n in ("a", "an") and unit == "second":
            return False  # "a second term", "a second time"
        if unit.startswith("quarter") and "-" in text[start:end]:
            return False  # "three-quarters of"
        if unit == "quarters" and n == "two" and _HALF_OF_YEAR.match(text, end):
            return False  # "the first two quarters of 1990" is that year's first half
        if n in ("some", "many") and not g["dir"]:
            return _prev_word(text, start) in ("for", "in", "over", "after", "within")
        return True
    if rule == "mention_day":
        bare_the = re.match(r"the\s+(?:day|morning|night|evening|afternoon)", text[start:end], re.I)
        return not (bare_the and not g["dir"])
    if rule == "quarter":
        return bool(
            g["ord"]
            or g["qrel"]
            or g["qy0"]
            or g["qrel0"]
            or text[start : start + 4].lower() == "the "
        )
    if rule == "fiscal_year":
        return bool(g["y"] or g["y2"])
    return True
