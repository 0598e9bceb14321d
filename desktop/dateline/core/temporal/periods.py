"""Normalizers for years and longer periods: years, fiscal years, decades, centuries, quarters, halves,
seasons."""

from __future__ import annotations

import datetime as dt
import re

from ..model import Anchor, Granularity, TimexType
from ..timevalue import interval, value_at
from .anchoring import shift
from .bundle import Lexicon
from .comparisons import (
    comparable_period,
    compared_before,
    months_told,
    named_quarter,
    period_kind,
)
from .english.fragments import (
    MODP,
    ORDINAL,
    SEASON,
    SPELLED_YEAR,
    YEAR,
    YEAR_PREFIX,
    YEAR_START,
)
from .filters import next_word, prev_word
from .reading import Context, Groups, Hit, Reading, absolute_reading, position_mod, relative_reading
from .rules import Rule
from .values import norm


def _spelled_year(hit: Hit, ctx: Context) -> list[Reading]:
    """ "nineteen ninety-four", "the year two thousand"."""
    g = hit.groups
    number = ctx.lang.words.number
    if g["mil"]:
        n = number(g["rest2"]) if g["rest2"] else 0.0
        return [absolute_reading(hit, f"{2000 + int(n or 0):04d}", 0.85)]
    n = number(norm(g["rest"]).replace("oh ", ""))
    if n is None:
        return []
    return [absolute_reading(hit, f"19{int(n):02d}", 0.85)]


def _year_range(hit: Hit, ctx: Context) -> list[Reading]:
    """ "the 2024-25 season", "fiscal 1998-99": two years, the second written with two digits."""
    y = int(hit.groups["y"] or 0)
    y2 = (y // 100) * 100 + int(hit.groups["y2"] or 0)
    if y2 <= y:
        y2 += 100
    if y2 - y > 10:
        return []  # "1990-03" is not a range of years
    first = absolute_reading(hit, f"{y:04d}", 0.85)
    first.end = hit.match.end("y")
    first.role = "start"
    second = absolute_reading(hit, f"{y2:04d}", 0.85)
    second.start = hit.match.start("y2")
    second.role = "end"
    return [first, second]


def _year(hit: Hit, ctx: Context) -> list[Reading]:
    return [
        absolute_reading(
            hit,
            f"{int(hit.groups['y'] or 0):04d}",
            0.9,
            mod=position_mod(hit.groups["mod"], ctx.lang.words),
        )
    ]


def _fiscal_year(hit: Hit, ctx: Context) -> list[Reading]:
    g = hit.groups
    if g["y"]:
        y = int(g["y"])
    else:
        yy = int(g["y2"] or 0)
        y = 2000 + yy if yy < 50 else 1900 + yy
    return [absolute_reading(hit, f"{y:04d}", 0.9)]


def _decade(hit: Hit, ctx: Context) -> list[Reading]:
    g = hit.groups
    if g["d4"]:
        v = g["d4"][:3]
    elif g["d2"]:
        d = int(g["d2"][0])
        century = 20 if ctx.published and 2000 + 10 * d <= ctx.published.year else 19
        v = f"{century}{d}"
    else:
        v = f"19{ctx.lang.words.decade_words[norm(g['dw'])]}"
    return [absolute_reading(hit, v, 0.9, mod=position_mod(g["mod"], ctx.lang.words))]


def _century(hit: Hit, ctx: Context) -> list[Reading]:
    g = hit.groups
    n_text = norm(g["n"])
    ordinals = ctx.lang.words.ordinals
    n = ordinals.get(n_text.replace(" ", "-")) if not n_text[0].isdigit() else int(n_text[:-2])
    if not n:
        return []
    return [absolute_reading(hit, f"{n - 1:02d}", 0.9, mod=position_mod(g["mod"], ctx.lang.words))]


def _part_of_year(
    hit: Hit, ctx: Context, unit: str, ordinal: int | None, year: int | None, rel: str
) -> Reading:
    """Quarters and halves: "the third quarter", "first-half", "the latest quarter", "the first half of 2024"."""
    size = 3 if unit == "Q" else 6
    letter = "Q" if unit == "Q" else "H"
    if year is not None and ordinal:
        return absolute_reading(hit, f"{year:04d}-{letter}{ordinal}", 0.9)
    if unit == "Q" and not ordinal and rel in _ANAPHORIC_QUARTER and ctx.published is not None:
        span = hit.match.group(0).lower()
        months = months_told(ctx, hit.start) if span.endswith("period") else None
        if months is not None:
            # "for the first nine months ... in the 1988 period": those months of that year
            y = year if year is not None else (months[1] or ctx.published.year)
            y -= 1 if rel in _YEAR_AGO else 0
            return Reading(hit.start, hit.end, TimexType.DATE, f"{y:04d}", Anchor.PUBLISHED, 0.6)
        kind = period_kind(hit, ctx) if span.endswith("period") else Granularity.QUARTER
        if kind is not Granularity.QUARTER:
            # "first-half profit rose from the year-earlier period": that half, a year back
            told = comparable_period(hit, ctx, kind, -1 if rel in _YEAR_AGO else 0)
            if told is not None:
                return told
        # "the quarter", "the latest period", "the 1988 period": the quarter the report has named
        named = named_quarter(hit, ctx, year, -1 if rel in _YEAR_AGO else 0)
        if named is not None:
            return named
    if year is not None and ctx.published is not None:
        # "the 1988 quarter", "last year's quarter": the reporting period (the one just ended) of that year
        cur = (ctx.published.month - 1) // size + 1
        prev = cur - 1 or 12 // size
        return relative_reading(hit, ctx, f"{year:04d}-{letter}{prev}", "", 0.7)
    if ctx.published is None:
        v = f"XXXX-{letter}{ordinal}" if ordinal else f"XXXX-{letter}X"
        return relative_reading(hit, ctx, None, v, 0.8)
    p = ctx.published
    cur = (p.month - 1) // size + 1
    if ordinal:
        y = p.year if (ordinal - 1) * size + 1 <= p.month else p.year - 1
        if year is not None:
            y = year
        elif ctx.tense == "future" and not rel and _long_over(y, ordinal, size, p):
            # "could reopen in the third quarter" in March: the coming one, not last year's
            y += 1
        if rel in ("year-earlier", "year-ago", "year earlier", "year ago"):
            y -= 1
        return relative_reading(hit, ctx, f"{y:04d}-{letter}{ordinal}", "", 0.85)
    # no ordinal: a period relative to publication; "the quarter" in a report is the one just ended
    off = {"this": 0, "current": 0, "next": 1, "following": 1}.get(rel, -1)
    if rel in ("year-earlier", "year-ago", "year earlier", "year ago"):
        off = -1 - (12 // size)
    d = shift(dt.date(p.year, (cur - 1) * size + 1, 1), "M", off * size)
    return relative_reading(hit, ctx, f"{d.year:04d}-{letter}{(d.month - 1) // size + 1}", "", 0.75)


def _long_over(year: int, ordinal: int, size: int, published: dt.date) -> bool:
    """Did that quarter or half end more than six weeks before publication? (A report due on one
    that has just ended still speaks of it in the future: "expects to report third-quarter loss".)"""
    last_month = ordinal * size
    end = dt.date(year + last_month // 12, last_month % 12 + 1, 1)  # the day after it ends
    return (published - end).days > 45


_YEAR_AGO = frozenset({"year-earlier", "year-ago", "year earlier", "year ago"})
_ANAPHORIC_QUARTER = _YEAR_AGO | {"", "latest", "most recent", "same"}


def _quarter(hit: Hit, ctx: Context) -> list[Reading]:
    g = hit.groups
    unit = "Q"
    ordinal = (
        ctx.lang.words.ordinals.get(norm(g["ord"]))
        if g["ord"] and not g["ord"][0].isdigit()
        else (int(g["ord"][0]) if g["ord"] else None)
    )
    if ordinal and unit == "H":
        ordinal = min(ordinal, 2)
    year: int | None = None
    if g["qy0"] or g["qy"]:
        year = int(g["qy0"] or g["qy"] or 0)
    elif (g["qrel0"] or g["qrel2"] or g["qthe"]) and ctx.published:
        year = ctx.published.year + {"last": -1, "next": 1}.get(norm(g["qrel0"] or g["qrel2"]), 0)
    rel = norm(g["qrel"])
    if rel in ("fiscal", "calendar"):
        rel = ""  # "its fiscal second quarter" is read as "its second quarter"
    if rel == "comparable" or (rel == "same" and compared_before(ctx, hit.start)):
        rel = "year-ago"  # "up from the comparable quarter": the same quarter a year before
    if not ordinal and rel == "last" and (g["qy"] or g["qrel2"] or g["qthe"]):
        ordinal, rel = 4, ""  # "the last quarter of 2010" is its fourth, not the one before now
    r = _part_of_year(hit, ctx, unit, ordinal, year, rel)
    if (
        ordinal
        and not (g["qy0"] or g["qrel0"] or g["qrel"])
        and "-quarter" in hit.match.group(0).lower()
    ):
        # "the third-quarter results": the article belongs to the noun, the timex is the adjective
        lead = re.match(r"the\s+", hit.match.group(0), re.I)
        if lead:
            r.start += lead.end()
    return [r]


def _half_year(hit: Hit, ctx: Context) -> list[Reading]:
    g = hit.groups
    o = norm(g["ord"])
    ordinal = 1 if o in ("first", "1st") else 2
    year: int | None = None
    if g["hy"]:
        year = int(g["hy"])
    elif (g["hrel"] or g["hthe"]) and ctx.published:
        year = ctx.published.year + {"last": -1, "next": 1}.get(norm(g["hrel"]), 0)
    return [_part_of_year(hit, ctx, "H", ordinal, year, "")]


def _year_end(hit: Hit, ctx: Context) -> list[Reading]:
    v = f"{ctx.published.year:04d}" if ctx.published else None
    return [relative_reading(hit, ctx, v, "XXXX", 0.7, mod="END")]


def _season(hit: Hit, ctx: Context) -> list[Reading]:
    g = hit.groups
    words = ctx.lang.words
    code = words.seasons[norm(g["s"])]
    mod = position_mod(g["mod"], words) or position_mod(g["rel"], words)
    y = g["y1"] or g["y2"] or words.spelled_year(g.get("y2s"))
    if y:
        return [absolute_reading(hit, f"{int(y):04d}-{code}", 0.9, mod=mod)]
    if ctx.published is None:
        return [relative_reading(hit, ctx, None, f"XXXX-{code}", 0.7, mod=mod)]
    p = ctx.published
    rel = norm(g["rel"])
    now_start = interval(value_at(p, Granularity.SEASON))[0] or p
    cands = [(interval(f"{y:04d}-{code}"), y) for y in (p.year - 1, p.year, p.year + 1)]
    year = p.year
    if rel in ("last", "past", "the past", "this past"):
        year = max(y for (s, _, _), y in cands if s and s < now_start)
    elif rel in ("next", "coming", "the coming"):
        year = min(y for (s, _, _), y in cands if s and s > now_start)
    elif rel == "this":
        year = next((y for (s, _, _), y in cands if s == now_start), p.year)
    elif ctx.tense == "past":
        year = max(y for (s, _, _), y in cands if s and s <= p)
    elif ctx.tense == "future":
        year = min(y for (_, e, _), y in cands if e and e >= p)
    return [relative_reading(hit, ctx, f"{year:04d}-{code}", "", 0.75, mod=mod)]


_TO_DATE = {"year": Granularity.YEAR, "quarter": Granularity.QUARTER, "month": Granularity.MONTH}


def _to_date(hit: Hit, ctx: Context) -> list[Reading]:
    """ "year to date", "the month-to-date": the current year or month, so far (as TimeBank tags the
    "this year" of "so far this year")."""
    gran = _TO_DATE[norm(hit.groups["unit"])]
    v = value_at(ctx.published, gran) if ctx.published else None
    unknown = {Granularity.YEAR: "XXXX", Granularity.QUARTER: "XXXX-QX"}.get(gran, "XXXX-XX")
    return [relative_reading(hit, ctx, v, unknown, 0.75)]


def _keep_year(text: str, start: int, end: int, g: Groups, lang: Lexicon) -> bool:
    words = lang.cues.words
    before = text[max(0, start - 2) : start]
    if any(c in _CURRENCY_SYMBOLS for c in before):
        return False
    model = lang.cues.model_after.match(text, end)
    if model and (
        "year" in model.group(0).lower() or prev_word(text, start) not in words["time_prepositions"]
    ):
        return False  # "the 2010 model year Camaro": a product's name, no date to count from
    nxt = next_word(text, end)
    if nxt in words["count_nouns"] or nxt in words["large_numbers"]:
        return False
    prev = prev_word(text, start)
    if prev in words["label_nouns"] and not g["mod"]:
        return False
    if nxt.endswith("s") and prev in words["quantity"] and not g["mod"]:
        return False  # "about 2000 demonstrators": a count, whatever the noun
    y = int(g["y"] or 0)
    if g["mod"]:
        return True
    if y < 1900 or y > 2030:
        return prev_word(text, start) in words["year_context"]
    return True


def _keep_season(text: str, start: int, end: int, g: Groups, lang: Lexicon) -> bool:
    season_context = lang.cues.words["season_context"]
    if g["rel"] or g["y1"] or g["y2"] or g["y2s"] or g["mod"]:
        if (g["rel"] or "").lower() == "the" and not (g["y1"] or g["y2"] or g["y2s"]):
            return prev_word(text, start) in season_context | {"this", "of"}
        return True
    return prev_word(text, start) in season_context


def _keep_quarter(text: str, start: int, end: int, g: Groups, lang: Lexicon) -> bool:
    return bool(
        g["ord"] or g["qrel"] or g["qy0"] or g["qrel0"] or text[start : start + 4].lower() == "the "
    )


_CURRENCY_SYMBOLS = "$€£¥₹₽"


def _keep_fiscal_year(text: str, start: int, end: int, g: Groups, lang: Lexicon) -> bool:
    return bool(g["y"] or g["y2"])


RULES = (
    Rule(
        "quarter",
        70,
        rf"(?:the\s+)?{YEAR_PREFIX}?(?:(?P<qrel>year[-\s]earlier|year[-\s]ago|latest|current|previous|past|last|"
        rf"most\s+recent|same|comparable|fiscal|calendar|recent|this|next|prior|preceding|following)\s+)?"
        rf"(?:fiscal[\s-]+)?(?:(?P<ord>{ORDINAL})[\s-]+)?(?P<unit>quarter(?!-to-)|(?<=\d\s)period|(?<=latest\s)period|(?<=earlier\s)period|(?<=ago\s)period|(?<=comparable\s)period|(?<=same\s)period)(?!\w)(?!-(?:point|percent|mile))"
        rf"(?:\s+of\s+(?:the\s+)?(?:(?:fiscal|calendar)\s+)?(?:year\s+)?(?:(?P<qy>{YEAR})|(?P<qrel2>this|last|next)\s+year|(?P<qthe>the\s+year)))?(?!\w)",
        _quarter,
        keep=_keep_quarter,
        tense=True,
    ),
    Rule(
        "to_date",
        60,
        r"(?:the\s+)?(?:fiscal\s+)?(?P<unit>year|quarter|month)[-\s]to[-\s]date(?![\w-])",
        _to_date,
    ),
    Rule("year_end", 90, r"(?:the\s+)?year(?:[-\s]?|'s\s+)end(?!\w)", _year_end),
    Rule(
        "half_year",
        100,
        rf"(?P<ord>first|second|latter|last|1st|2nd)[\s-]+(?:half|two\s+quarters(?=\s+of\s))(?:\s+of\s+(?:the\s+)?(?:(?P<hy>{YEAR})|(?P<hrel>this|last|next)\s+year|(?P<hthe>the\s+year)))?(?!\w)",
        _half_year,
        tense=True,
    ),
    Rule(
        "decade",
        110,
        r"(?:the\s+)?(?:(?P<mod>early|mid|late)[\s-]+)?(?:(?P<d4>1\d{2}0|20\d0)'?s|'(?P<d2>\d0)s|(?P<dw>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))(?!\w)",
        _decade,
    ),
    Rule(
        "century",
        120,
        r"(?:the\s+)?(?:(?P<mod>early|mid|late)[\s-]+)?(?P<n>\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty[-\s]first)\s+century(?!\w)",
        _century,
    ),
    Rule(
        "spelled_year",
        130,
        r"(?:the\s+year\s+(?P<mil>two\s+thousand)(?:[\s-]+(?:and\s+)?(?P<rest2>one|two|three|four|five|six|seven|eight|nine|ten))?"
        r"|(?:the\s+year\s+)?nineteen[\s-]+(?P<rest>(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?"
        r"|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|oh[\s-](?:one|two|three|four|five|six|seven|eight|nine)))(?!\w)",
        _spelled_year,
    ),
    Rule(
        "season",
        140,
        rf"(?:(?P<mod>{MODP}))?(?:(?P<rel>this\s+past|this|last|next|past|coming|that|the\s+past|the\s+coming|the|early|late|mid)[\s-]+)?"
        rf"(?:(?P<y1>{YEAR})\s+)?(?P<s>{SEASON})(?!\w)(?:\s+(?:of\s+)?(?:(?P<y2>{YEAR})|(?P<y2s>{SPELLED_YEAR})))?",
        _season,
        keep=_keep_season,
        tense=True,
        title=True,
    ),
    Rule(
        "fiscal_year",
        250,
        rf"(?:fiscal(?:\s+year)?|FY)\s*(?:(?P<y>{YEAR})|'?(?P<y2>\d\d)(?!\d))(?:'s)?",
        _fiscal_year,
        keep=_keep_fiscal_year,
    ),
    Rule("year_range", 300, rf"(?P<y>{YEAR_START})[-–](?P<y2>\d\d)(?![\d%]|[.,]\d)", _year_range),
    Rule(
        "year",
        310,
        rf"(?:(?P<mod>early|late|mid|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of)[\s-]+)?(?P<y>{YEAR})",
        _year,
        keep=_keep_year,
    ),
)
