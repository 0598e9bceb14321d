"""Regex fragments the English rules' patterns are written with: month and weekday names, days, years,
numbers, units, clock times.

Fragments use non-capturing groups only (the few named groups belong to one rule each), so patterns can
compose them freely. Month and day names are case-sensitive (``(?-i:...)``) inside the case-insensitive
grammar: "may" and "march" the words are not months.
"""

from __future__ import annotations

from ...calendar_words import MONTH_NAMES, MONTH_SHORT_FORMS, WEEKDAY_NAMES, WEEKDAY_SHORT_FORMS

_MF = "|".join(MONTH_NAMES[1:])
MONTH_FULL = rf"(?-i:(?:{_MF}|{_MF.upper()})(?![A-Za-z]))"
MONTH_ABBR = rf"(?-i:(?:{'|'.join(MONTH_SHORT_FORMS)})(?:\.|(?![A-Za-z])))"
MONTH = rf"(?:{MONTH_FULL}|{MONTH_ABBR})"
_WD = "|".join(WEEKDAY_NAMES)
WEEKDAY = rf"(?-i:(?:{_WD}|{_WD.upper()})(?![A-Za-z]))"
WEEKDAY_PLURAL = rf"(?-i:(?:{_WD})s(?![A-Za-z]))"
WEEKDAY_ABBR = rf"(?-i:(?:{'|'.join(WEEKDAY_SHORT_FORMS)})\.)"
DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d%]|:\d|\.\d)"
YEAR = r"(?<![\d.,$€£¥₹₽/])(?:1\d{3}|20\d{2}|2100)(?!\d|%|[.,]\d|s\b|-\d)"
YEAR_START = r"(?<![\d.,$€£¥₹₽/])(?:1\d{3}|20\d{2})"  # a year opening a range: "2024-25"
_SMALL = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    "sixteen|seventeen|eighteen|nineteen"
)
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
# a count: "12", "2 1/2", "twenty-five", "two and a half", "a dozen", "several", "a"
NUMBER = (
    rf"(?:(?:(?<![\d.,/–-])\d+(?:\.\d+)?(?:\s+1/2|½)?|(?:{_TENS})(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine)(?!\w))?"
    rf"|(?:{_SMALL})|(?:a\s+)?hundred|(?:a\s+)?dozen)(?:\s+and\s+a\s+half)?"
    r"|half\s+a|a\s+half|a\s+few|a\s+couple\s+of|"
    r"couple\s+of|a\s+number\s+of|several|few|many|some|dozens\s+of|hundreds\s+of|an?)(?!\w)"
)
ORDINAL = r"(?:first|second|third|fourth|1st|2nd|3rd|4th|final|last)"
UNIT_SING = (
    r"(?:second|minute|hour|day|night|week|weekend|fortnight|month|quarter|year|decade|century)"
)
UNIT_ANY = (
    r"(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|nights?|weeks?|weekends?|fortnights?|months?"
    r"|quarters?|years?|yrs?|decades?|century|centuries|seasons?)(?!\w)"
)
SEASON = r"(?:spring|summer|fall|autumn|winter)"
_UNITS_WORD = "one|two|three|four|five|six|seven|eight|nine"
# a year said in words, as broadcast transcripts write them: "nineteen ninety-four", "two thousand and one"
SPELLED_YEAR = (
    rf"(?:nineteen[\s-]+(?:(?:{_TENS})(?:[\s-](?:{_UNITS_WORD}))?|ten|eleven|twelve|thirteen|fourteen"
    rf"|fifteen|sixteen|seventeen|eighteen|nineteen|oh[\s-](?:{_UNITS_WORD}))"
    rf"|two\s+thousand(?:[\s-]+(?:and\s+)?(?:{_UNITS_WORD}|ten))?)(?!\w)"
)
PART_OF_DAY = r"(?:morning|afternoon|evening|night)"
APPROX = (
    r"(?:about|around|approximately|nearly|almost|roughly|some|more\s+than|less\s+than|at\s+least|"
    r"at\s+most|up\s+to|over|under|fewer\s+than|just\s+over|just\s+under|well\s+over|"
    r"barely|close\s+to|upwards\s+of|no\s+more\s+than|"
    r"the\s+better\s+part\s+of|a\s+full|the\s+full)"
)
MODP = (
    r"(?:(?:the\s+)?(?:very\s+)?(?:end|beginning|start|middle|close|turn)\s+of\s+(?:the\s+)?"
    r"|(?:early|late|mid|earlier|later)(?:\s+in)?[\s-]+)"
)

HOLIDAY = (
    r"(?-i:New\s+Year's\s+(?:Day|Eve)|New\s+Year's|Christmas\s+(?:Day|Eve)|Christmas|Boxing\s+Day|"
    r"Independence\s+Day|Valentine's\s+Day|Halloween|Veterans\s+Day|Armistice\s+Day|Bastille\s+Day|"
    r"Thanksgiving(?:\s+Day)?|Easter(?:\s+Sunday|\s+Monday)?|Good\s+Friday|Labor\s+Day|Memorial\s+Day|Election\s+Day|"
    r"Fourth\s+of\s+July|Columbus\s+Day|Presidents['’]?\s+Day|Washington's\s+Birthday|MLK\s+Day|"
    r"Martin\s+Luther\s+King(?:\s+Jr\.?)?\s+Day|"
    r"Black\s+Friday|Cyber\s+Monday)(?!\w)"
)
# days known by a name that are events, not dates of this year: "Black Monday" (which one the name
# does not say), "the September 11 attacks" (2001); "Black Friday" is a holiday, with its own date
EVENT_NAME = (
    rf"(?-i:(?:Black(?!\s+Friday)|Bloody|Blue|Super)\s+(?:{_WD}))(?!\w)"
    r"|(?-i:September|Sept\.?)\s+11(?:th)?(?=\s+(?:attacks?|terror\w*|hijack\w*|commission|plot|bombings?"
    r"|era|memorial|victims|strikes?)\b)"
    r"|(?<![\d/.])9/11(?![\d/])"
)

# fragments shared by several rules' patterns
WD = rf"(?:{WEEKDAY}|{WEEKDAY_ABBR})"
TZ = (
    r"(?:\s+(?-i:[ECMP][SD]?T|GMT|UTC|BST|CET|CEST|JST|HKT|SGT|AE[SD]T|MSK)(?!\w)|\s+local\s+time"
    # "9:30 a.m. Eastern time", "noon London time", "3 p.m. New York time"
    r"|\s+(?-i:Eastern|Central|Mountain|Pacific|Greenwich|London|Tokyo|Paris|Frankfurt|Hong\s+Kong"
    r"|New\s+York|Brussels|Toulouse|Seattle|Detroit)(?:\s+(?:standard|daylight))?\s+time(?!\w))"
)
DAYWORD = rf"(?:{WEEKDAY}|today|yesterday|tomorrow|tonight)"
REL = (
    r"(?:this|next|last|past|previous|coming|current|that|same|"
    r"the\s+(?:past|last|previous|coming|next|current|same|following|latest|prior|preceding|upcoming"
    r"|most\s+recent|whole|entire|full)|the)"
)
CLOCK = r"(?:\d{1,2}(?:[:.][0-5]\d)?\s*(?:a\.m\.?|p\.m\.?|am|pm)(?!\w)|(?:1[0-2]|0?[1-9])(?:\s+o'clock)?\s+(?:in\s+the\s+(?:morning|afternoon|evening)|at\s+night)(?!\w)|(?:noon|midday|midnight)(?!\w)|(?:[01]?\d|2[0-3]):[0-5]\d(?!\d))"
YEAR_PREFIX = rf"(?:(?:fiscal\s+)?(?P<qy0>{YEAR})(?:'s)?\s+|(?P<qrel0>this|last|next)\s+year's\s+)"
