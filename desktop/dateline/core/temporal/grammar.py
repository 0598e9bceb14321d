"""The detection grammar: one compiled alternation of rules over the lexicon, plus context filters.

Rules are tried in order at each position (Python's alternation is ordered), so longer compound rules come
before their parts: "Thursday, April 6" before "Thursday", "the first half of 2024" before "2024".
Each rule also has its own compiled pattern with named groups, used to pull fields out of a match.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .filters import keep
from .lexicon import (
    APPROX,
    DAY,
    HOLIDAY,
    MODP,
    MONTH,
    MONTH_FULL,
    NUMBER,
    ORDINAL,
    PART_OF_DAY,
    SEASON,
    SPELLED_YEAR,
    UNIT_ANY,
    UNIT_SING,
    WEEKDAY,
    WEEKDAY_ABBR,
    WEEKDAY_PLURAL,
    YEAR,
    YEAR_START,
)

_WD = rf"(?:{WEEKDAY}|{WEEKDAY_ABBR})"
_TZ = r"(?:\s+(?-i:[ECMP][SD]T|GMT|UTC|BST|CET|CEST)(?!\w)|\s+local\s+time)"
_DAYWORD = rf"(?:{WEEKDAY}|today|yesterday|tomorrow|tonight)"
_REL = (
    r"(?:this|next|last|past|previous|coming|current|that|same|"
    r"the\s+(?:past|last|previous|coming|next|current|same|following|latest|prior|preceding|upcoming"
    r"|most\s+recent|whole|entire|full)|the)"
)
_CLOCK = r"(?:\d{1,2}(?:[:.][0-5]\d)?\s*(?:a\.m\.?|p\.m\.?|am|pm)(?!\w)|(?:1[0-2]|0?[1-9])(?:\s+o'clock)?\s+(?:in\s+the\s+(?:morning|afternoon|evening)|at\s+night)(?!\w)|(?:noon|midday|midnight)(?!\w)|(?:[01]?\d|2[0-3]):[0-5]\d(?!\d))"
_YEAR_PREFIX = rf"(?:(?:fiscal\s+)?(?P<qy0>{YEAR})(?:'s)?\s+|(?P<qrel0>this|last|next)\s+year's\s+)"

# (rule name, pattern). Order = priority at equal start.
RULES: list[tuple[str, str]] = [
    (
        "iso_date",
        r"(?<![\d.,/-])(?P<y>1\d{3}|20\d{2})-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])(?:T(?P<hh>[01]\d|2[0-3]):(?P<mi>[0-5]\d))?(?!\d)",
    ),
    (
        "numeric_date",
        r"(?<![\d.,/$])(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})(?P=sep)(?P<c>\d{4}|\d{2})(?![\d/]|\.\d)",
    ),
    (
        "week_of",
        rf"(?:the\s+)?week\s+of\s+(?P<mon>{MONTH})\s+(?P<day>{DAY})(?:,?\s+(?P<year>{YEAR}))?",
    ),
    (
        "time",
        rf"(?:(?P<dayw0>{_DAYWORD}),?\s+(?:at\s+)?)?(?P<clock>{_CLOCK}){_TZ}?"
        rf"(?:,?\s+(?:on\s+)?(?:(?P<dayw>{_DAYWORD})|(?P<mon>{MONTH})\s+(?P<day>{DAY})(?:,?\s+(?P<year>{YEAR}))?))?",
    ),
    (
        "month_day",
        rf"(?:(?P<wd>{_WD}),?\s+)?(?P<mon>{MONTH})\s+(?P<day>{DAY})"
        rf"(?:(?P<rsep>\s*[-–]\s*|\s+(?:to|through|until|and|or)\s+)(?P<day2>{DAY})(?!\s+{MONTH}))?"
        rf"(?:,?\s+(?P<year>{YEAR}))?",
    ),
    (
        "day_month",
        rf"(?:(?P<wd>{_WD}),?\s+)?(?:the\s+)?(?P<day>{DAY})(?:\s+of)?\s+(?P<mon>{MONTH})(?:,?\s+(?P<year>{YEAR}))?",
    ),
    (
        "quarter",
        rf"(?:the\s+)?{_YEAR_PREFIX}?(?:(?P<qrel>year[-\s]earlier|year[-\s]ago|latest|current|previous|past|last|"
        rf"most\s+recent|same|comparable|fiscal|calendar|recent|this|next|prior|preceding|following)\s+)?"
        rf"(?:fiscal[\s-]+)?(?:(?P<ord>{ORDINAL})[\s-]+)?(?P<unit>quarter(?!-to-)|(?<=\d\s)period|(?<=latest\s)period|(?<=earlier\s)period|(?<=ago\s)period|(?<=comparable\s)period|(?<=same\s)period)(?!\w)(?!-(?:point|percent|mile))"
        rf"(?:\s+of\s+(?:the\s+)?(?:(?:fiscal|calendar)\s+)?(?:year\s+)?(?:(?P<qy>{YEAR})|(?P<qrel2>this|last|next)\s+year|(?P<qthe>the\s+year)))?(?!\w)",
    ),
    (
        "year_adj",
        r"year[-\s](?:earlier|ago)(?!\w)",
    ),
    ("year_end", r"(?:the\s+)?year(?:[-\s]?|'s\s+)end(?!\w)"),
    (
        "half_year",
        rf"(?P<ord>first|second|latter|last|1st|2nd)[\s-]+(?:half|two\s+quarters(?=\s+of\s))(?:\s+of\s+(?:the\s+)?(?:(?P<hy>{YEAR})|(?P<hrel>this|last|next)\s+year|(?P<hthe>the\s+year)))?(?!\w)",
    ),
    (
        "decade",
        r"(?:the\s+)?(?:(?P<mod>early|mid|late)[\s-]+)?(?:(?P<d4>1\d{2}0|20\d0)'?s|'(?P<d2>\d0)s|(?P<dw>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))(?!\w)",
    ),
    (
        "century",
        r"(?:the\s+)?(?:(?P<mod>early|mid|late)[\s-]+)?(?P<n>\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty[-\s]first)\s+century(?!\w)",
    ),
    (
        "spelled_year",
        r"(?:the\s+year\s+(?P<mil>two\s+thousand)(?:[\s-]+(?:and\s+)?(?P<rest2>one|two|three|four|five|six|seven|eight|nine|ten))?"
        r"|(?:the\s+year\s+)?nineteen[\s-]+(?P<rest>(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?"
        r"|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|oh[\s-](?:one|two|three|four|five|six|seven|eight|nine)))(?!\w)",
    ),
    (
        "season",
        rf"(?:(?P<mod>{MODP}))?(?:(?P<rel>this\s+past|this|last|next|past|coming|that|the\s+past|the\s+coming|the|early|late|mid)[\s-]+)?"
        rf"(?:(?P<y1>{YEAR})\s+)?(?P<s>{SEASON})(?!\w)(?:\s+(?:of\s+)?(?:(?P<y2>{YEAR})|(?P<y2s>{SPELLED_YEAR})))?",
    ),
    (
        "ago",
        rf"(?:(?P<approx>{APPROX})\s+)?(?P<n>{NUMBER})(?:\s+(?:more|full))?[\s-]+(?P<unit>{UNIT_ANY})\s+(?P<dir>ago|earlier|later|(?:before|after)(?=\s*[,.;:!?)]|\s*$)|from\s+now|hence)(?!\w)",
    ),
    (
        "mention_day",
        r"(?:the\s+(?:next|following|previous|same|prior|preceding)|that(?:\s+same)?|the)\s+(?P<unit>day|morning|night|evening|afternoon)(?:\s+(?P<dir>before|after)(?=\s*[,.;:!?)]|\s*$))?(?!\w)",
    ),
    (
        "named_day",
        r"(?:(?P<mod>early|late|earlier|later)\s+)?(?:the\s+day\s+(?P<x>before|after)\s+)?(?P<w>today|yesterday|tomorrow|tonight)(?!\w)",
    ),
    (
        "mid_day_part",
        rf"mid[-\s]?(?P<pod>morning|afternoon|evening)(?:,?\s+(?:on\s+)?(?P<w>today|yesterday|tomorrow|{WEEKDAY}))?(?!\w)",
    ),
    (
        "part_of_day",
        rf"(?:(?P<mod>early|late)\s+)?(?P<base>this|yesterday|tomorrow|last|that)\s+(?P<pod>{PART_OF_DAY})(?!\w)",
    ),
    (
        "month_year",
        rf"(?P<mod>{MODP})?(?P<mon>{MONTH})(?:\s+of)?(?:,?\s+(?P<year>{YEAR})|\s+(?P<years>{SPELLED_YEAR})"
        rf"|\s+(?:of\s+)?(?P<rel>this|last|next)\s+year(?!\w))",
    ),
    (
        "month",
        rf"(?P<mod>{MODP})?(?:(?P<rel>last|next|this|past|coming)\s+)?(?P<mon>{MONTH_FULL}|(?-i:Sept\.))",
    ),
    (
        "weekday",
        rf"(?:(?P<mod>early|late)\s+)?(?:(?P<rel>last|next|this|coming|past|previous)\s+)?(?P<wd>{WEEKDAY})"
        rf"(?:\s+(?P<pod>{PART_OF_DAY}))?",
    ),
    ("weekday_set", rf"(?:(?:every|each)\s+(?P<wd1>{WEEKDAY})|(?P<wd2>{WEEKDAY_PLURAL}))"),
    (
        "holiday",
        rf"(?:(?P<rel>last|next|this)\s+)?(?P<h>{HOLIDAY})(?:(?P<wk>\s+week)|,?\s+(?P<year>{YEAR}))?(?!\w)",
    ),
    ("fiscal_year", rf"(?:fiscal(?:\s+year)?|FY)\s*(?:(?P<y>{YEAR})|'?(?P<y2>\d\d)(?!\d))(?:'s)?"),
    (
        "duration",
        rf"(?:(?P<approx>{APPROX})\s+(?!the\s))?(?:the\s+(?=(?:{NUMBER})[\s-]+(?:{UNIT_ANY})))?(?:(?P<the>the\s+)?(?P<dir>past|last|next|first|previous|coming|final|remaining|latest|following|ensuing|preceding|initial|prior|subsequent)\s+)?"
        rf"(?P<n>{NUMBER})(?:\s+(?:more|full|straight|consecutive|additional|long|further|whole|successive))?(?:\s+(?:trading|business|working))?[\s-]+(?P<unit>{UNIT_ANY})(?P<half>\s+and\s+a\s+half)?(?![\s-]+olds?\b)(?!-)",
    ),
    (
        "rel_unit",
        rf"(?P<mod>{MODP})?(?P<rel>{_REL})\s+(?:(?P<fiscal>fiscal|calendar)\s+)?(?P<unit>{UNIT_SING}|{SEASON})(?!\w)(?!-)",
    ),
    (
        "vague_plural",
        r"(?:(?P<pre>recent|coming|past|last|next|few|many|several|the\s+(?:past|last|next|coming)(?:\s+(?:few|several))?"
        r"|the(?=\s+\w+\s+ahead(?!\w)))\s+)?"
        r"(?P<unit>years|months|weeks|days|decades|hours|minutes|centuries)(?:\s+ahead)?(?!\w)",
    ),
    (
        "set",
        rf"(?:(?:every|each)\s+(?P<mon>{MONTH_FULL})|(?P<every>every|each|per)\s+(?:other\s+)?(?:(?P<n>{NUMBER})\s+)?(?P<unit>{UNIT_ANY})"
        r"|(?P<adv>daily|weekly|monthly|annually|yearly|hourly|nightly|biweekly|fortnightly|semiannually)"
        r"|(?P<times>once|twice|three\s+times|four\s+times|\d+\s+times)\s+(?:a|per|each|every)\s+(?P<unit2>day|week|month|year|quarter|hour))(?!\w)",
    ),
    ("year_range", rf"(?P<y>{YEAR_START})[-–](?P<y2>\d\d)(?![\d%]|[.,]\d)"),
    (
        "year",
        rf"(?:(?P<mod>early|late|mid|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of)[\s-]+)?(?P<y>{YEAR})",
    ),
    (
        "ref",
        r"(?P<r>then[\s-]+current|now|nowadays|currently|current|presently|at\s+present|the\s+present(?:\s+day)?|"
        r"recently|recent|lately|"
        r"the\s+(?:near|distant|foreseeable|immediate|not[\s-]too[\s-]distant)\s+future|the\s+future|future|soon|"
        r"the\s+(?:near|short)\s+term(?=\s*[^\w\s-]|\s+(?:and|or|but|as|for|in|to|at|because|while|when|if)\s|\s*$)|a\s+later\s+date|the\s+past|these\s+days)(?!\w)",
    ),
]

_NAMED_GROUP = re.compile(r"\(\?P<\w+>")
_FLAGS = re.IGNORECASE


def _strip_names(pattern: str) -> str:
    p = _NAMED_GROUP.sub("(?:", pattern)
    return re.sub(r"\(\?P=sep\)", r"[/.]", p)


RULE_RES: dict[str, re.Pattern[str]] = {name: re.compile(p, _FLAGS) for name, p in RULES}
MASTER = re.compile(
    r"(?<![\w'’])(?:" + "|".join(f"(?P<{name}>{_strip_names(p)})" for name, p in RULES) + ")",
    _FLAGS,
)


@dataclass(frozen=True, slots=True)
class Hit:
    rule: str
    start: int
    end: int
    groups: dict[str, str | None]
    match: re.Match[str]


# Every rule match starts with a digit, a quote before a digit ('90s) or one of these words. Trying the
# full alternation only at such word starts, instead of at every position, is what makes the scan fast.
START_WORDS = frozenset(
    """
    the a an that then this these next last past previous coming current same following latest prior preceding
    upcoming most whole entire early late mid middle end beginning start close turn very earlier later
    fiscal fy calendar year first second third fourth final latter every each per once twice three four
    daily weekly monthly annually yearly hourly nightly biweekly fortnightly semiannually nineteen
    twenties thirties forties fifties sixties seventies eighties nineties twenty thirty forty fifty sixty
    seventy eighty ninety one two five six seven eight nine ten eleven twelve thirteen fourteen fifteen
    sixteen seventeen eighteen hundred dozen half couple several few many some dozens hundreds number
    about around approximately nearly almost roughly more less at up over under fewer just well barely
    upwards no better full today yesterday tomorrow tonight now nowadays currently presently present
    recently recent lately future soon spring summer fall autumn winter noon midday midnight new christmas
    boxing independence valentine halloween veterans armistice bastille thanksgiving easter good labor election
    memorial seconds secs sec minute minutes mins min hour hours hrs hr days day nights night weeks week weekends
    weekend fortnights fortnight months month quarters quarter years yrs yr decades decade century yearend
    centuries seasons season period morning afternoon evening midmorning midafternoon midevening
    january february march april may june july august september october november december jan feb mar
    apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday mon tue
    tues wed thu thur thurs fri sat sun mondays tuesdays wednesdays thursdays fridays saturdays sundays
    """.split()
)
# Start words that can be a whole match on their own ("July", "today", "daily"); every other start word
# ("the", "a", "about", "last") only begins a match when the next word is temporal too, so "the company"
# never reaches the full alternation.
SOLO_WORDS = frozenset(
    """
    now nowadays currently current presently recently recent lately future soon today yesterday
    tomorrow tonight daily weekly monthly annually yearly hourly nightly biweekly fortnightly
    semiannually noon midday midnight midmorning midafternoon midevening christmas halloween thanksgiving easter twenties thirties forties
    fifties sixties seventies eighties nineties seconds secs minutes mins hours hrs days nights weeks
    weekends fortnights months quarters years yrs decades centuries seasons fy yearend
    january february march april may june july august september october november december jan feb
    mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday
    mon tue tues wed thu thur thurs fri sat sun mondays tuesdays wednesdays thursdays fridays saturdays
    sundays spring summer fall autumn winter
    """.split()
)
# second words that are not start words themselves: "every other week", "more than", "dozens of years"
SECOND_WORDS = START_WORDS | frozenset(
    "other than of to least in times comparable near distant foreseeable immediate not ago straight"
    " consecutive additional long further successive oh thousand short trading business working".split()
)
_TOKEN = re.compile(r"(?<![\w'’])(?:'(?=\d)|\d|[A-Za-z]+)")
_NEXT_TOKEN = re.compile(r"[^\w'’]*(?:['’]s\s+)?(?:(\d)|'(?=\d)|([A-Za-z]+))")


def _may_start(text: str, word: str, end: int) -> bool:
    if word[0].isdigit() or word == "'":
        return True
    w = word.lower()
    if w not in START_WORDS:
        return False
    if w in SOLO_WORDS:
        return True
    m = _NEXT_TOKEN.match(text, end, end + 40)
    if m is None:
        return False
    return m.group(1) is not None or m.group(2) is None or m.group(2).lower() in SECOND_WORDS


def scan(text: str) -> list[Hit]:
    """All rule matches, leftmost-first and non-overlapping, that pass their context filter."""
    hits: list[Hit] = []
    pos = 0
    match = MASTER.match
    for tok in _TOKEN.finditer(text):
        s = tok.start()
        if s < pos:
            continue
        if not _may_start(text, tok.group(), tok.end()):
            continue
        m = match(text, s)
        if m is None:
            continue
        rule = m.lastgroup or ""
        e = m.end()
        sub = RULE_RES[rule].match(text, s)
        if (
            sub is None or sub.end() != e or e <= s
        ):  # defensive: the stripped and named patterns disagree
            continue
        g = sub.groupdict()
        if keep(text, rule, s, e, g):
            hits.append(Hit(rule, s, e, g, sub))
            pos = e
        # a rejected reading leaves the words inside its span free for shorter readings
    return hits


def scan_exhaustive(text: str) -> list[Hit]:
    """``scan`` without the start-word gate (tries every position); the reference the gate is tested against."""
    hits: list[Hit] = []
    pos = 0
    n = len(text)
    while pos < n:
        m = MASTER.search(text, pos)
        if m is None:
            break
        rule = m.lastgroup or ""
        s, e = m.span()
        sub = RULE_RES[rule].match(text, s)
        if sub is None or sub.end() != e or e <= s:
            pos = s + 1
            continue
        g = sub.groupdict()
        if keep(text, rule, s, e, g):
            hits.append(Hit(rule, s, e, g, sub))
            pos = e
        else:
            pos = s + 1
    return hits
