"""Quarters and halves as results reports write them: "the June quarter" (the quarter ending in June),
"Q3 2008", "3Q08", "H1".

TimeML values them as any quarter or half: "2008-Q2", "2008-H1". Without a year, the period is the
one the publication date and the clause tense put nearest, as for "the third quarter".
"""

from __future__ import annotations

import calendar

from .bundle import Lexicon
from .english.fragments import MONTH, YEAR
from .filters import prev_word
from .reading import Context, Groups, Hit, Reading, absolute_reading, nearest_year, relative_reading
from .rules import Rule
from .values import norm


def _year_of(text: str | None) -> int | None:
    """A year written with four digits or two ("'08", "08")."""
    if not text:
        return None
    digits = text.lstrip("'’")
    return int(digits) if len(digits) == 4 else 2000 + int(digits)


def _month_quarter(hit: Hit, ctx: Context) -> list[Reading]:
    """ "the June quarter": the quarter that ends in June."""
    g = hit.groups
    month = ctx.lang.words.month_num[norm(g["mon"]).rstrip(".")]
    quarter = month // 3
    if g["y"]:
        return [absolute_reading(hit, f"{int(g['y']):04d}-Q{quarter}", 0.85)]
    if ctx.published is None:
        return [relative_reading(hit, ctx, None, f"XXXX-Q{quarter}", 0.6)]
    last_day = calendar.monthrange(ctx.published.year, month)[1]
    year = nearest_year(ctx.published, month, last_day, ctx.tense)
    return [relative_reading(hit, ctx, f"{year:04d}-Q{quarter}", "", 0.8)]


def _keep_month_quarter(text: str, start: int, end: int, g: Groups, lang: Lexicon) -> bool:
    return lang.words.month_num[norm(g["mon"]).rstrip(".")] % 3 == 0


def _short_period(hit: Hit, ctx: Context) -> list[Reading]:
    """ "Q3", "3Q", "H1 2008", "1H08": a quarter or half by its number."""
    g = hit.groups
    code = (g["a"] or g["b"] or "").upper()
    letter = "Q" if "Q" in code else "H"
    number = int(code.replace(letter, ""))
    year = _year_of(g["y"] or g["y2"])
    value = f"-{letter}{number}"
    if year is not None:
        return [absolute_reading(hit, f"{year:04d}{value}", 0.85)]
    if ctx.published is None:
        return [relative_reading(hit, ctx, None, f"XXXX{value}", 0.6)]
    size = 3 if letter == "Q" else 6
    last_month = number * size
    last_day = calendar.monthrange(ctx.published.year, last_month)[1]
    year = nearest_year(ctx.published, last_month, last_day, ctx.tense)
    return [relative_reading(hit, ctx, f"{year:04d}{value}", "", 0.75)]


def _keep_short_period(text: str, start: int, end: int, g: Groups, lang: Lexicon) -> bool:
    # "the Audi Q3": a model's name after a capitalised word (a possessive "Apple's Q3" is a period)
    before = text[max(0, start - 30) : start].split()
    word = before[-1] if before else ""
    if not word[:1].isupper() or word.endswith(("'s", "’s")):
        return True
    return prev_word(text, start) in lang.cues.words["period_openers"]


RULES = (
    Rule(
        "month_quarter",
        45,
        rf"(?:the\s+)?(?P<mon>{MONTH})[\s-]+quarter(?![\w-])(?:\s+of\s+(?P<y>{YEAR}))?",
        _month_quarter,
        keep=_keep_month_quarter,
        tense=True,
    ),
    Rule(
        "short_period",
        47,
        r"(?-i:(?P<a>Q[1-4]|H[12])(?:(?:\s+|\s*-\s*|/)(?P<y>(?:19|20)\d\d|['’]\d\d))?"
        r"|(?P<b>[1-4]Q|[12]H)(?:\s*(?P<y2>(?:19|20)\d\d|['’]?\d\d))?)(?![\w-])",
        _short_period,
        keep=_keep_short_period,
        tense=True,
    ),
)
