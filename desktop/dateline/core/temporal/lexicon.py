"""Words the temporal grammar is built from: month and day names, ordinals, number words, units.

Every table here is general English vocabulary, not strings taken from any corpus. Regex fragments use
non-capturing groups only, so ``grammar`` can compose them freely.
"""

from __future__ import annotations

MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
MONTH_NUM: dict[str, int] = {m: i + 1 for i, m in enumerate(MONTHS)}
MONTH_NUM.update(
    {
        "jan": 1,
        "feb": 2,
        "mar": 3,
        "apr": 4,
        "jun": 6,
        "jul": 7,
        "aug": 8,
        "sep": 9,
        "sept": 9,
        "oct": 10,
        "nov": 11,
        "dec": 12,
    }
)

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
WEEKDAY_NUM: dict[str, int] = {
    d: i for i, d in enumerate(WEEKDAYS)
}  # Monday = 0, as date.weekday()

NUMBER_WORDS: dict[str, int] = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "dozen": 12,
    "a dozen": 12,
    "a couple of": 2,
    "couple of": 2,
    "half a": 0,  # handled as a half unit by the normalizer
    "a half": 0,
}
VAGUE_QUANTITIES = (
    "several",
    "few",
    "a few",
    "many",
    "some",
    "a couple of",
    "couple of",
    "a number of",
    "dozens of",
    "hundreds of",
    "thousands of",
    "the last few",
    "more",
)

ORDINALS: dict[str, int] = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "twenty-first": 21,
    "last": 4,
    "final": 4,
}

DECADE_WORDS: dict[str, int] = {
    "twenties": 2,
    "thirties": 3,
    "forties": 4,
    "fifties": 5,
    "sixties": 6,
    "seventies": 7,
    "eighties": 8,
    "nineties": 9,
}

# unit word -> (TIMEX3 duration letter, is a time unit (PT...), multiplier)
UNITS: dict[str, tuple[str, bool, int]] = {
    "second": ("S", True, 1),
    "sec": ("S", True, 1),
    "minute": ("M", True, 1),
    "min": ("M", True, 1),
    "hour": ("H", True, 1),
    "hr": ("H", True, 1),
    "day": ("D", False, 1),
    "night": ("D", False, 1),
    "week": ("W", False, 1),
    "weekend": ("WE", False, 1),
    "fortnight": ("W", False, 2),
    "month": ("M", False, 1),
    "quarter": ("Q", False, 1),
    "season": ("M", False, 3),
    "year": ("Y", False, 1),
    "yr": ("Y", False, 1),
    "decade": ("DE", False, 1),
    "century": ("CE", False, 1),
    "centurie": ("CE", False, 1),
    "millennium": ("Y", False, 1000),
}

SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
PARTS_OF_DAY = {
    "morning": "MO",
    "afternoon": "AF",
    "evening": "EV",
    "night": "NI",
    "overnight": "NI",
    "tonight": "NI",
}

# Words that, right after a bare number, show it counts things rather than naming a year.
COUNT_NOUNS = frozenset(
    """
    people persons troops soldiers police officers workers employees jobs members students children
    men women residents refugees civilians voters votes seats delegates lawmakers cases deaths dead
    killed wounded injured casualties victims prisoners hostages passengers units shares barrels tons
    tonnes pounds kilos kilograms grams ounces miles km kilometers kilometres meters metres feet ft
    yards acres hectares miles inches cm mm mph dollars euros yen francs marks pesos rubles cents
    points percent pct degrees hours minutes seconds days weeks months years cars vehicles homes houses
    buildings planes aircraft ships tanks missiles rockets guns weapons copies calls pages words
    computers machines companies firms stores banks branches flights trucks boxes rooms beds
    acres ft sq square cubic bpd mw gw kw kwh calories runs games goals yards laps
    """.split()
)

# Words that label a number rather than date it: "Room 2012", "Windows 2000", "Flight 1549".
LABEL_NOUNS = frozenset(
    """
    room rooms route flight flights number no model version windows highway interstate suite apartment
    page pages chapter article section resolution bus gate platform channel building floor box code
    district ward unit units item items account order orders exhibit tab line lot pier terminal seat
    """.split()
)

CURRENCY_SYMBOLS = "$€£¥₹₽"

# regex fragments (case-insensitive context; month/day names are made case-sensitive with (?-i:))
_MF = "January|February|March|April|May|June|July|August|September|October|November|December"
MONTH_FULL = rf"(?-i:(?:{_MF}|{_MF.upper()})(?![A-Za-z]))"
MONTH_ABBR = r"(?-i:(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)(?:\.|(?![A-Za-z])))"
MONTH = rf"(?:{MONTH_FULL}|{MONTH_ABBR})"
_WD = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
WEEKDAY = rf"(?-i:(?:{_WD}|{_WD.upper()})(?![A-Za-z]))"
WEEKDAY_PLURAL = rf"(?-i:(?:{_WD})s(?![A-Za-z]))"
WEEKDAY_ABBR = r"(?-i:(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\.)"
DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d%]|:\d|\.\d)"
YEAR = r"(?<![\d.,$€£¥₹₽/])(?:1\d{3}|20\d{2}|2100)(?!\d|%|[.,]\d|s\b|-\d)"
YEAR_START = r"(?<![\d.,$€£¥₹₽/])(?:1\d{3}|20\d{2})"  # a year opening a range: "2024-25"
_SMALL = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    "sixteen|seventeen|eighteen|nineteen"
)
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
NUMBER = (
    rf"(?:(?<![\d.,/–-])\d+(?:\.\d+)?(?:\s+1/2|½)?|(?:{_TENS})(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine)(?!\w))?"
    rf"|(?:{_SMALL})|(?:a\s+)?hundred|(?:a\s+)?dozen|half\s+a|a\s+half|a\s+few|a\s+couple\s+of|"
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
APPROX_MOD = {
    "about": "APPROX",
    "around": "APPROX",
    "approximately": "APPROX",
    "roughly": "APPROX",
    "some": "APPROX",
    "close to": "APPROX",
    "nearly": "LESS_THAN",
    "almost": "LESS_THAN",
    "less than": "LESS_THAN",
    "fewer than": "LESS_THAN",
    "just under": "LESS_THAN",
    "under": "LESS_THAN",
    "barely": "LESS_THAN",
    "more than": "MORE_THAN",
    "over": "MORE_THAN",
    "just over": "MORE_THAN",
    "well over": "MORE_THAN",
    "upwards of": "MORE_THAN",
    "at least": "EQUAL_OR_MORE",
    "at most": "EQUAL_OR_LESS",
    "up to": "EQUAL_OR_LESS",
    "no more than": "EQUAL_OR_LESS",
}
# position words before a period: (TIMEX3 mod, which part of the period)
POSITION_MOD = {
    "early": "START",
    "beginning": "START",
    "start": "START",
    "turn": "START",
    "late": "END",
    "end": "END",
    "close": "END",
    "mid": "MID",
    "middle": "MID",
}
MODP = (
    r"(?:(?:the\s+)?(?:very\s+)?(?:end|beginning|start|middle|close|turn)\s+of\s+(?:the\s+)?"
    r"|(?:early|late|mid|earlier|later)(?:\s+in)?[\s-]+)"
)

HOLIDAYS = {
    "new year's day": (1, 1),
    "new year's eve": (12, 31),
    "new year's": (1, 1),
    "christmas day": (12, 25),
    "christmas eve": (12, 24),
    "christmas": (12, 25),
    "boxing day": (12, 26),
    "independence day": (7, 4),
    "valentine's day": (2, 14),
    "halloween": (10, 31),
    "veterans day": (11, 11),
    "armistice day": (11, 11),
    "bastille day": (7, 14),
}
HOLIDAY = (
    r"(?-i:New\s+Year's\s+(?:Day|Eve)|New\s+Year's|Christmas\s+(?:Day|Eve)|Christmas|Boxing\s+Day|"
    r"Independence\s+Day|Valentine's\s+Day|Halloween|Veterans\s+Day|Armistice\s+Day|Bastille\s+Day|"
    r"Thanksgiving(?:\s+Day)?|Easter(?:\s+Sunday)?|Good\s+Friday|Labor\s+Day|Memorial\s+Day|Election\s+Day)(?!\w)"
)

# fragments shared by several rules' patterns
WD = rf"(?:{WEEKDAY}|{WEEKDAY_ABBR})"
TZ = r"(?:\s+(?-i:[ECMP][SD]T|GMT|UTC|BST|CET|CEST)(?!\w)|\s+local\s+time)"
DAYWORD = rf"(?:{WEEKDAY}|today|yesterday|tomorrow|tonight)"
REL = (
    r"(?:this|next|last|past|previous|coming|current|that|same|"
    r"the\s+(?:past|last|previous|coming|next|current|same|following|latest|prior|preceding|upcoming"
    r"|most\s+recent|whole|entire|full)|the)"
)
CLOCK = r"(?:\d{1,2}(?:[:.][0-5]\d)?\s*(?:a\.m\.?|p\.m\.?|am|pm)(?!\w)|(?:1[0-2]|0?[1-9])(?:\s+o'clock)?\s+(?:in\s+the\s+(?:morning|afternoon|evening)|at\s+night)(?!\w)|(?:noon|midday|midnight)(?!\w)|(?:[01]?\d|2[0-3]):[0-5]\d(?!\d))"
YEAR_PREFIX = rf"(?:(?:fiscal\s+)?(?P<qy0>{YEAR})(?:'s)?\s+|(?P<qrel0>this|last|next)\s+year's\s+)"
