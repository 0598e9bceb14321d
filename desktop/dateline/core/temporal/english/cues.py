"""Cue words for English: the verbs that set a clause's tense and the neighbours that make a match a
date or not ("in May" against "may", "in 2000" against "2000 troops")."""

from __future__ import annotations

import re

from ...calendar_words import WEEKDAY_NAMES
from ..bundle import Cues

# Words that, right after a bare number, show it counts things rather than naming a year.
_COUNT_NOUNS = frozenset(
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
_LABEL_NOUNS = frozenset(
    """
    room rooms route flight flights number no model version windows highway interstate suite apartment
    page pages chapter article section resolution bus gate platform channel building floor box code
    district ward unit units item items account order orders exhibit tab line lot pier terminal seat
    """.split()
)


# The tense cues: only the nearest counts (``tense``).
FUTURE = (
    # a deferral points past the telling: "postponed until Tuesday", "extended its deadline until ..."
    r"(?:postponed|extended|delayed|deferred|adjourned|put\s+off)(?:\s+[\w'’$-]+){0,4}?\s+until|"
    r"will|won't|wo|shall|would|as\s+soon\s+as|as\s+early\s+as|effective|'ll|’ll|going\s+to|plans?\s+to|planning\s+to|intends?\s+to|due\s+to|"
    r"(?:is|are|was|were)\s+(?:expected|scheduled|set|slated|poised|likely)\s+to|expected\s+to|"
    r"scheduled|ahead\s+of|upcoming|next|to\s+be\s+held|(?:is|are)\s+to|would\s+be\s+held|"
    r"await(?:s|ing)?|starting|begins|starts|opens|takes\s+place|kicks\s+off|"
    # a present that tells a date on the calendar: "the contract expires Saturday", "the Fed meets Tuesday"
    r"expires|ends|resumes|reopens|meets|convenes|lapses|matures|runs\s+out|(?:is|are)\s+due|"
    # a forecast looks ahead: "the company expects a loss in the third quarter"
    r"expects|forecasts|predicts|anticipates|"
    # a modal points ahead ("should be completed in October") unless it looks back ("might have");
    # "could not be reached Monday", "could be located" tell of a past attempt
    r"(?:should|might|(?-i:may))(?!\s+(?:not\s+)?have\b)|could(?!\s+(?:not|n't|be|have)\b)|"
    r"(?:expects?|hopes?|aims?|wants?|seeks?|promised|pledged|vowed|agreed|set|slated|poised)\s+to\b"
)
_AMBIGUOUS_PAST_BEFORE = (
    "".join(
        rf"(?<!\b{w}\s)"
        for w in "will would could can may might must should shall to do does did is are was were be been "
        "has have had a an the not".split()
    )
    + r"(?<!['’]ll\s)(?<!n['’]t\s)"
)
PAST = (
    # a plan seen from after it ("had been scheduled to expire Friday"): the day is behind the writer
    r"had\s+been\s+(?:scheduled|due|expected|set|slated|planned)|"
    r"said|told|was|were|had|did|announced|reported|ago|last|earlier|"
    # a participle after a present "be" takes that verb's tense: "the bridge is closed until Friday"
    r"agreed|freed|(?-i:(?<![-A-Za-z])(?<!\ba\s)(?<!\ban\s)(?<!\bthe\s)(?<!\bstill\s)"
    r"(?<!\bis\s)(?<!\bare\s)(?<!\bam\s)(?<!\bbe\s)(?<!\bbeen\s)(?<!\bremains\s)(?<!\bremain\s)"
    r"[a-z]{3,}(?<!e)(?<!hundr)(?<!unit)(?<!limit)ed)|"
    r"came|went|made|took|gave|began|met|left|held|won|lost|fell|rose|sold|bought|got|overtook|"
    r"grew|sank|shrank|slid|swung|built|broke|drove|flew|chose|withdrew|sought|fled|drew|threw|"
    r"saw|led|ran|paid|spent|found|became|brought|struck|fought|wrote|spoke|sent|stood|"
    # a past the same as its present tells a finished move in a report ("the index hit a high in
    # November"), not after a modal, "to", an auxiliary or an article ("is set for Friday", "a hit")
    rf"{_AMBIGUOUS_PAST_BEFORE}(?:hit|set|put|shut|shed|quit)(?!\s+for\b)"
)
# "'s" is "is" after a pronoun only: "the fund's sales" is a possessive
PRESENT = (
    r"says?|is|are|am|(?<=\b(?:it|he))['’]s|(?<=\b(?:she|who))['’]s|(?<=\bthat)['’]s|(?<=\bthere)['’]s"
    r"|has|have|does|do|remains|continues|tonight|today|now"
)
# a future auxiliary owns the verb group after it: "will be held" is future, not past
AUX_TAIL = r"(?:\s+(?:not|be|been|have|also|then|still|only|now|probably|likely))*(?:\s+[a-z]+(?:ed|en|wn|ld|ne|ht|id|de|ut|ng))?"

_DAY_WORDS = rf"(?-i:{'|'.join(WEEKDAY_NAMES)})|today|yesterday|tomorrow"

CUES = Cues(
    tense=re.compile(
        rf"\b(?:(?P<future>(?:{FUTURE}){AUX_TAIL})|(?P<past>{PAST})|(?P<present>{PRESENT}))\b",
        re.IGNORECASE,
    ),
    limit_before=re.compile(r"\b(?:until|till|through|by)\s+$", re.IGNORECASE),
    model_after=re.compile(
        r"(?:\s*(?:-|–|to|through)\s*(?:19|20)?\d\d)?[\s-]+model(?:s|[\s-]+years?)?\b", re.I
    ),
    since_before=re.compile(r"\b(?:since|ever\s+since)\s+(?:early\s+|late\s+|mid-?)?$", re.I),
    clause_join=re.compile(r"(?:^|\W)(?:and|but|or|then|yet)\s+$", re.IGNORECASE),
    moved_from=re.compile(
        r"\b(?:postponed|delayed|moved|pushed\s+back|brought\s+forward|rescheduled|put\s+off|"
        r"changed|shifted)\s+from\s+$",
        re.IGNORECASE,
    ),
    coord=re.compile(r"\s*,?\s*(?:and|or|&)\s*$", re.I),
    range=re.compile(r"\s*(?:-|–|—|to|through|thru|until|till)\s*$", re.I),
    range_open=re.compile(r"(?:between|from)\s+$", re.I),
    range_close=re.compile(r"\s*and\s*", re.I),
    range_gap=re.compile(r"\s*(?:to|through|until|till|-|–)\s*", re.I),
    day_before=re.compile(r"(?<![\w-])day\s+(before|after)\s+$", re.I),
    # "the year ended March 31", and as British results put it, "the year to March 31"
    period_ended=re.compile(
        r"\s+(?:ended|ending\b|to\s+(?=\d|(?-i:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)))",
        re.I,
    ),
    day_in_parens=re.compile(rf"\s*\([^()\n]{{0,24}}?\b({_DAY_WORDS})\s*\)", re.I),
    day_after_parens=re.compile(
        rf"\s*\([^()\n]{{1,24}}\)\s*,?\s*(?:on\s+)?({_DAY_WORDS})(?!\w)", re.I
    ),
    rate_before=re.compile(
        r"(?:\d|[$€£¥%]|\b(?:times|once|twice|percent|million|billion|cents?)\b)[^.;!?\n]{0,40}$"
        # a count said in words right before, or before what is counted: "build four a month",
        # "a dozen a day", "receive two jets a month", "two days a week"
        r"|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen|hundred)"
        r"(?:\s+[a-z]+)?\s+$",
        re.I,
    ),
    someday_before=re.compile(
        r"\b(?:will|would|could|might|may|can|shall|should|must|to|i|you|he|she|we|they|it)\s+$",
        re.I,
    ),
    word_after=re.compile(
        r"\s+(?!(?:a|an|the|of|and|or|per|each|every|later|earlier|before|after|ago|in|on|at|to|for|from)\b)"
        r"[a-z]+\b"
    ),
    article=re.compile(r"the\s+", re.I),
    of_year=re.compile(
        r"\s+of\s+(?:the\s+)?(?:\d{4}|this\s+year|last\s+year|next\s+year|the\s+year)", re.I
    ),
    past_verb=re.compile(
        r"[a-z]{3,}(?<!e)ed|became|came|went|began|fell|rose|found|left|got|took|made"
    ),
    words={
        # before "May" the month, not the modal
        "may_context": frozenset(
            "in of since until till by early late mid last next this during from through before "
            "after to between and or throughout".split()
        ),
        # before a number far from today that is still a year ("circa 1850", "in 1492")
        "year_context": frozenset(
            "in of since until till by early late mid during from through before after to between "
            "and or throughout year years fiscal around circa c spring summer fall autumn winter "
            "the than as for end start beginning middle".split()
        ),
        # before a number that counts ("about 2000 demonstrators")
        "quantity": frozenset(
            "about some nearly almost around over than roughly approximately least only just "
            "estimated".split()
        ),
        # prepositions that make a season a time ("over the summer"), not a name or a verb ("fall")
        "season_context": frozenset(
            "in during by until since into over through throughout".split()
        ),
        # before a number that is a time, whatever follows ("in 2010 models will change")
        "time_prepositions": frozenset("in since by until during before after".split()),
        # a weekday naming a deadline lies ahead ("a Friday deadline", "the deadline is Friday")
        # unless the clause says it is gone
        "deadline_nouns": frozenset("deadline deadlines cutoff".split()),
        "deadline_gone": frozenset(
            "missed passed expired lapsed met beat blew ignored came went".split()
        ),
        # but for a present one, only a deadline being set or run against is still ahead
        # ("completed by the Tuesday deadline" is behind the writer)
        "deadline_ahead": frozenset(
            "set gave imposed announced raced racing ahead against".split()
        ),
        # verbs whose particle is "over": in "took over two months ago" it is no "more than"
        "over_particle": frozenset(
            "take takes took taken taking hand hands handed handing turn turns turned turning "
            "pass passes passed passing sign signs signed signing win wins won winning".split()
        ),
        # words after which "over" before an amount of time means "more than": "for over a week",
        # "lasted over an hour", "was over two hours"
        "over_amount": frozenset(
            "for in within after of than since to last lasts lasted lasting is was were are be been "
            "being 's take takes took taken taking spent spend spends waited wait waits nearly almost just well only still "
            "long".split()
        ),
        # capitalised words that may open a sentence before "Q3" ("In Q3", "The 3Q loss"), where
        # another capitalised word names a model ("the Audi Q3")
        "period_openers": frozenset(
            "the in for its their a an our this last next by on at during from since until "
            "through".split()
        ),
        # periods whose end a participle names: "the quarter ended Sept. 30"
        "period_nouns": frozenset(
            "year years quarter quarters month months week weeks half period periods days".split()
        ),
        "count_nouns": _COUNT_NOUNS,
        "label_nouns": _LABEL_NOUNS,
        "large_numbers": frozenset("million billion thousand trillion".split()),
        # "current account", "recent events": adjectives of a noun, not times
        "not_temporal_after": frozenset("account accounts affairs events issue issues".split()),
        # "the overnight rate", "overnight lending", "an overnight stay": a kind of loan, stay or
        # service, not the night before
        "overnight_kinds": frozenset(
            """
            rate rates lending loan loans borrowing borrowings money deposit deposits repo repos
            fund funds funding interbank index indexed swap swaps call cash liquidity credit
            facility facilities market markets stay stays delivery deliveries shipping shipment
            service services success sensation star celebrity bag bags trip trips flight flights
            train trains bus ferry camp camps guest guests shift shifts parking oats express mail
            courier accommodation visit visits
            """.split()
        ),
        # before the period a figure is compared with: "up from the same quarter"
        "compared_by": frozenset("from with than versus vs against to".split()),
        # "soon after the attack": a signal ordering two events
        "signals": frozenset("after afterward afterwards thereafter before".split()),
    },
)
