"""Normalizers for amounts of time and vague times: durations, sets (frequencies), PRESENT/PAST/FUTURE_REF."""

from __future__ import annotations

import re

from ..model import Anchor, TimexType
from .bundle import Lexicon
from .english.fragments import (
    APPROX,
    MONTH_FULL,
    NUMBER,
    PART_OF_DAY,
    UNIT_ANY,
    WEEKDAY,
    WEEKDAY_PLURAL,
)
from .filters import next_word, prev_word
from .reading import Context, Groups, Hit, Reading, without_particle
from .rules import Rule
from .values import duration_value, norm


def _is_rate(ctx: Context, start: int) -> bool:
    before = prev_word(ctx.text, start)
    if before in ("within", "for") or before in ctx.lang.cues.words["time_prepositions"]:
        return False  # "3.25 percent, its second cut in a month": an amount, however near a figure
    return bool(ctx.lang.cues.rate_before.search(ctx.text, max(0, start - 45), start))


_NOT_RATE_AFTER = frozenset(
    "ahead behind early late earlier later before after ago old long".split()
)


def _unit_rate(hit: Hit, ctx: Context) -> list[Reading]:
    """ "two days a week", "16 hours a day": how often, as TimeML types it (a SET, every week)."""
    unit = ctx.lang.words.unit(hit.groups["per"])
    value = duration_value(1, unit)
    return [Reading(hit.start, hit.end, TimexType.SET, value, Anchor.ABSOLUTE, 0.8)]


# the counts a rate of days or hours is said with, simpler than any number: the rule is tried at
# every number of a text
_SMALL_COUNT = (
    r"(?:\d{1,3}(?!\d)|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty"
    r"(?:-four)?|several|a\s+few)"
)
# the units counted in each coarser one: "two days a week", "16 hours a day"; not "two years a decade"
_COUNTED_IN = {
    "hour": {"minutes"},
    "day": {"minutes", "hours"},
    "night": {"hours"},
    "week": {"hours", "days", "nights"},
    "month": {"days", "nights", "weeks"},
    "year": {"days", "nights", "weeks", "months"},
}


def _keep_unit_rate(text: str, start: int, end: int, g: Groups, lang: Lexicon) -> bool:
    return (g["unit"] or "").lower() in _COUNTED_IN[(g["per"] or "").lower()]


def _duration(hit: Hit, ctx: Context) -> list[Reading]:
    hit = without_particle(hit, ctx, amount=True)
    g = hit.groups
    words, cues = ctx.lang.words, ctx.lang.cues
    n_text = norm(g["n"])
    n = words.number(n_text)
    if n is not None and g["half"]:
        n += 0.5
    unit = words.unit(g["unit"])
    mod = words.approx_mod.get(norm(g["approx"]), "")
    if (
        n_text in ("a", "an")
        and not g["dir"]
        and not g["approx"]
        and next_word(ctx.text, hit.end) not in _NOT_RATE_AFTER  # "a month ahead of plan"
        and _is_rate(ctx, hit.start)
    ):
        return [
            Reading(
                hit.start, hit.end, TimexType.SET, duration_value(1, unit), Anchor.ABSOLUTE, 0.8
            )
        ]
    if n_text == "one" and unit == "day" and not g["dir"] and not g["approx"]:
        before = cues.someday_before.search(ctx.text, max(0, hit.start - 12), hit.start)
        if before and cues.word_after.match(ctx.text, hit.end):
            # "Islam will one day be ...", "the hope he one day follows": someday, not 24 hours
            anchor = Anchor.PUBLISHED if ctx.published else Anchor.NONE
            return [Reading(hit.start, hit.end, TimexType.DATE, "FUTURE_REF", anchor, 0.6)]
    start = hit.start
    if norm(g["dir"]) == "last" and not g["the"] and prev_word(ctx.text, start) in _BEFORE_VERB:
        # "expected to last six months": the verb's length, not the latest six months
        start = min(hit.match.start(k) for k in ("n0", "n0d", "n") if g[k])
    lead = cues.article.match(ctx.text, start, hit.end)
    if lead and not g["dir"] and "-" in ctx.text[hit.match.start("n") : hit.end]:
        # "the 14-day strike": the determiner belongs to the noun, the timex is the adjective
        start = lead.end()
    if g["n0"] or g["n0d"]:
        # "six to seven months", "in 60-90 days": one amount, at least the first (TimeBank's "two to
        # three weeks" is P2W, EQUAL_OR_MORE)
        n = words.number(norm(g["n0"] or g["n0d"]))
        mod = mod or "EQUAL_OR_MORE"
    value = duration_value(n, unit)
    return [Reading(start, hit.end, TimexType.DURATION, value, Anchor.ABSOLUTE, 0.85, mod=mod)]


# after "a quarter", a share of something, not three months ("a quarter of the year" is)
_SHARE_AFTER = re.compile(
    r"\s+(?:off\b|of\s+(?!(?:the|this|last|next|a|its|their)\s+(?:\w+\s+)?(?:year|century)\b)(?!\d))",
    re.I,
)
# words before "last" the verb: "to last", "will last", "could last"
_BEFORE_VERB = frozenset("to will would could can may might should must not".split())


def _first_hours(hit: Hit, ctx: Context) -> list[Reading]:
    """ "the final hour of trading", "the opening minutes": an amount of the day's first or last
    hours, as TimeBank tags "the first hours" (PTXH)."""
    g = hit.groups
    unit = ctx.lang.words.unit(g["unit"])
    n = None if norm(g["unit"]).endswith("s") else 1.0
    value = duration_value(n, unit)
    return [Reading(hit.start, hit.end, TimexType.DURATION, value, Anchor.ABSOLUTE, 0.7)]


def _vague_plural(hit: Hit, ctx: Context) -> list[Reading]:
    """ "recent years", "for years": a duration of unknown length (PXY), as TimeML annotates them."""
    unit = ctx.lang.words.unit(hit.groups["unit"])
    return [
        Reading(
            hit.start, hit.end, TimexType.DURATION, duration_value(None, unit), Anchor.ABSOLUTE, 0.6
        )
    ]


def _set(hit: Hit, ctx: Context) -> list[Reading]:
    g = hit.groups
    words = ctx.lang.words
    if g["mon"]:
        return [
            Reading(
                hit.start,
                hit.end,
                TimexType.SET,
                f"XXXX-{words.month_num[norm(g['mon'])]:02d}",
                Anchor.ABSOLUTE,
                0.8,
            )
        ]
    if g["adv"]:
        return [
            Reading(
                hit.start,
                hit.end,
                TimexType.SET,
                words.frequency[norm(g["adv"])],
                Anchor.ABSOLUTE,
                0.85,
            )
        ]
    unit = words.unit(g["unit"] or g["unit2"])
    n = words.number(g["n"]) if g["n"] else 1.0
    if g["every"] and "other" in norm(ctx.text[hit.start : hit.end]):
        n = (n or 1) * 2
    return [
        Reading(hit.start, hit.end, TimexType.SET, duration_value(n, unit), Anchor.ABSOLUTE, 0.85)
    ]


def _weekday_set(hit: Hit, ctx: Context) -> list[Reading]:
    """ "every Monday", "Mondays", "Tuesday nights", "each Sunday morning": a weekly day or part of one."""
    g = hit.groups
    words = ctx.lang.words
    name = norm(g["wd1"] or g["wd3"] or (g["wd2"] or "")[:-1])
    pod = norm(g["pod1"] or (g["pod3"] or "")[:-1])
    value = f"XXXX-WXX-{words.weekday_num[name] + 1}"
    if pod:
        value += f"T{words.parts_of_day[pod]}"
    return [Reading(hit.start, hit.end, TimexType.SET, value, Anchor.ABSOLUTE, 0.8)]


def _ref(hit: Hit, ctx: Context) -> list[Reading]:
    r = norm(hit.groups["r"])
    if r == "then current":
        v = "PAST_REF"  # "the then current price": what was current at the time told of
    elif r in ctx.lang.words.present_refs:
        v = "PRESENT_REF"
    elif r in ctx.lang.words.future_refs or r.endswith("future"):
        v = "FUTURE_REF"
    else:
        v = "PAST_REF"
    anchor = Anchor.PUBLISHED if ctx.published else Anchor.NONE
    return [
        Reading(
            hit.start, hit.end, TimexType.DATE, v, anchor, 0.7, needs_anchor=ctx.published is None
        )
    ]


_DISCOURSE_NOW = re.compile(r"\s*,")
_COUNT_AFTER = re.compile(rf"\s+(?:{NUMBER}|\d)", re.I)
_SENTENCE_START = re.compile(r"(?:\A|[.!?][\"'”’`]*\s+|\n\s*)\Z")


def _keep_ref(text: str, start: int, end: int, g: Groups, lang: Lexicon) -> bool:
    words = lang.cues.words
    r = (g["r"] or "").lower()
    if (
        r == "now"
        and _DISCOURSE_NOW.match(text, end)
        and _SENTENCE_START.search(text, max(0, start - 8), start)
    ):
        return False  # "Now, he says, ...": a discourse marker turning to the present story
    if r == "the past" and _COUNT_AFTER.match(text, end):
        return False  # "in seven of the past eight sessions": a count of sessions, not the past
    if r in ("current", "recent", "future"):
        following = next_word(text, end)
        return bool(following) and following not in words["not_temporal_after"]
    if r == "soon":
        prev, nxt = prev_word(text, start), next_word(text, end)
        # "soon after the attack" orders two events (a signal), and "was soon released" / "soon
        # became" tell of a past step: neither points at the writer's future
        return not (
            "as" in (prev, nxt)
            or nxt in words["signals"]
            or prev in ("was", "were", "had")
            or lang.cues.past_verb.fullmatch(nxt) is not None
        )
    return True


_NAME_AFTER = re.compile(r"[ \t]+([A-Z][\w'’]*)")


def _keep_set(text: str, start: int, end: int, g: Groups, lang: Lexicon) -> bool:
    # a frequency word before a name is the kind of a periodical, not how often something happens:
    # "the party daily Granma", "the news weekly Der Spiegel"
    name = _NAME_AFTER.match(text, end) if g["adv"] else None
    if name is None:
        return True
    word = name.group(1).lower()
    return (
        word in lang.words.weekday_num or word in lang.words.month_num
    )  # "weekly Monday meetings"


def _keep_vague_plural(text: str, start: int, end: int, g: Groups, lang: Lexicon) -> bool:
    if g["pre"]:
        return True
    if text[start - 1 : start] == "-":
        return False  # "in after-hours trading": part of a compound word, no amount of time
    return prev_word(text, start) in ("for", "in", "within", "over", "after")


def _keep_duration(text: str, start: int, end: int, g: Groups, lang: Lexicon) -> bool:
    if text[start - 1 : start] in ("-", "–") and text[start - 2 : start - 1].isdigit():
        return False  # "787-8 days": a second number only after a first, as in "60-90 days"
    if g["n0"] and prev_word(text, start) == "from":
        return False  # "extended from 60 to 90 days": a change of length, told by its new one
    if g["n0"] or g["n0d"]:
        low, high = lang.words.number(norm(g["n0"] or g["n0d"])), lang.words.number(norm(g["n"]))
        if low is None or high is None or low >= high:
            return False  # "787-8 days": a model's number, not a range of days
    n = (g["n"] or "").lower()
    unit = (g["unit"] or "").lower()
    if n in ("a", "an") and unit == "second":
        return False  # "a second term", "a second time"
    if unit.startswith("quarter") and "-" in text[start:end]:
        return False  # "three-quarters of"
    if n in ("a", "one", "three") and unit.startswith("quarter") and _SHARE_AFTER.match(text, end):
        return False  # "wiped a quarter off its value", "a quarter of its staff": a share

    if unit == "quarters" and n == "two" and lang.cues.of_year.match(text, end):
        return False  # "the first two quarters of 1990" is that year's first half
    if n in ("some", "many") and not g["dir"]:
        return prev_word(text, start) in ("for", "in", "over", "after", "within")
    return True


RULES = (
    Rule(
        "weekday_set",
        215,  # before "weekday": "Tuesday nights" is not one Tuesday night
        rf"(?:(?:every|each)\s+(?P<wd1>{WEEKDAY})(?:\s+(?P<pod1>{PART_OF_DAY})(?!\w))?|(?P<wd2>{WEEKDAY_PLURAL})"
        rf"|(?P<wd3>{WEEKDAY})\s+(?P<pod3>(?:{PART_OF_DAY})s)(?!\w))",
        _weekday_set,
    ),
    Rule(
        "unit_rate",
        255,  # before "duration": "two days a week" is one frequency, not two days
        rf"(?P<n>{_SMALL_COUNT})\s+(?P<unit>minutes|hours|days|nights|weeks|months)\s+(?:a|per|each|every)\s+"
        r"(?P<per>hour|day|night|week|month|year)(?!\w)",
        _unit_rate,
        keep=_keep_unit_rate,
    ),
    Rule(
        "duration",
        260,
        rf"(?:(?P<approx>{APPROX})\s+(?!the\s))?(?:the\s+(?=(?:{NUMBER})[\s-]+(?:{UNIT_ANY})))?(?:(?P<the>the\s+)?(?P<dir>past|last|next|first|previous|coming|final|remaining|latest|following|ensuing|preceding|initial|prior|subsequent|trailing)\s+)?"
        rf"(?:(?=[\w.]+\s+to\s)(?P<n0>{NUMBER})\s+to\s+|(?P<n0d>\d{{1,3}})[-–](?=\d))?(?P<n>{NUMBER}|(?<=\d[-–])\d+)(?:\s+(?:more|full|straight|consecutive|additional|extra|long|further|whole|successive))?(?:\s+(?:trading|business|working))?[\s-]+(?P<unit>{UNIT_ANY})(?P<half>\s+and\s+a\s+half)?(?![\s-]+olds?\b)(?!-)",
        _duration,
        keep=_keep_duration,
    ),
    Rule(
        "first_hours",
        265,
        r"the\s+(?:first|final|last|closing|opening)\s+(?P<unit>hours?|minutes?)(?!\w)",
        _first_hours,
    ),
    Rule(
        "vague_plural",
        280,
        r"(?:(?P<pre>recent|coming|past|last|next|few|many|several|the\s+(?:past|last|next|coming)(?:\s+(?:few|several))?"
        r"|the(?=\s+\w+\s+ahead(?!\w)))\s+)?"
        r"(?P<unit>years|months|weeks|days|decades|hours|minutes|centuries)(?:\s+ahead)?(?!\w)",
        _vague_plural,
        keep=_keep_vague_plural,
    ),
    Rule(
        "set",
        290,
        rf"(?:(?:every|each)\s+(?P<mon>{MONTH_FULL})|(?P<every>every|each|per)\s+(?:other\s+)?(?:(?P<n>{NUMBER})\s+)?(?P<unit>{UNIT_ANY})"
        r"|(?P<adv>daily|weekly|monthly|annually|yearly|hourly|nightly|biweekly|fortnightly|semiannually)"
        r"|(?P<times>once|twice|three\s+times|four\s+times|\d+\s+times)\s+(?:a|per|each|every)\s+(?P<unit2>day|week|month|year|quarter|hour))(?!\w)",
        _set,
        keep=_keep_set,
    ),
    Rule(
        "ref",
        320,
        r"(?P<r>then[\s-]+current|now|nowadays|currently|current|presently|at\s+present|the\s+present(?:\s+day)?|"
        r"recently|recent|lately|"
        r"the\s+(?:near|distant|foreseeable|immediate|not[\s-]too[\s-]distant)\s+future|the\s+future|future|soon|"
        r"the\s+(?:near|short)\s+term(?=\s*[^\w\s-]|\s+(?:and|or|but|as|for|in|to|at|because|while|when|if)\s|\s*$)|a\s+later\s+date|the\s+past|these\s+days)(?!\w)",
        _ref,
        keep=_keep_ref,
        title=True,
    ),
)
