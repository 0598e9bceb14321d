"""English for reading happenings: verb forms, the little words around verbs, and verb classes.

Verb forms and lemmas come from lemminflect's lexicon (``lexicon``, loaded on first use); the closed-class words
and the verb classes that decide what a clause reports are listed here, once.
"""

from __future__ import annotations

import functools

from . import lexicon

BE = frozenset("am is are was were be been being 's 're 'm".split())
HAVE = frozenset("has have had having 've 'd".split())
DO = frozenset("do does did".split())
MODALS = frozenset("will would shall should can could may might must 'll wo ca".split())
NEGATION = frozenset("not n't never".split())
# Words that may stand inside a verb group: "has also said", "was reportedly seen".
GROUP_ADVERBS = frozenset(
    """also already still just never ever not n't recently reportedly officially finally then later
    first previously now yet only once again further formally jointly quickly briefly personally
    publicly subsequently eventually immediately initially originally quietly effectively allegedly
    apparently reportedly repeatedly successfully widely long since twice thrice before soon shortly
    even almost nearly largely partly fully""".split()
)
# A clause about the past without its own date, marked as background rather than news.
BACKGROUND = frozenset("previously formerly originally once before earlier twice".split())
SUBORDINATORS = frozenset(
    "when while after before because although though as since if unless until whereas whether".split()
)
RELATIVES = frozenset("which who whom whose where".split())
COORDINATORS = frozenset("and but".split())
PRONOUNS = frozenset("he she they it we i you".split())
DETERMINERS = frozenset(
    """the a an this that these those its his her their our my your some many several each every any
    no another other such both all most more few""".split()
)
PREPOSITIONS = frozenset(
    """of in on at by for with from to into onto about over under after before during since until
    through throughout against among between across around near without within via per than""".split()
)
# Reporting verbs: the clause is a statement by its subject.
REPORTING = frozenset(
    """say tell announce confirm add state declare warn stress note insist argue acknowledge explain
    vow urge claim deny reveal disclose admit write tweet post report describe comment
    predict estimate suggest indicate respond reply tell testify assert maintain allege""".split()
)
# Verbs of being and having: a clause built on them describes a state, not a happening.
STATIVE = frozenset(
    """be have own contain include remain seem appear consist belong cost mean know need want like love
    hate prefer believe exist lack weigh equal resemble depend deserve represent total number measure
    matter concern involve comprise feature last persist stand""".split()
)
# Plural nouns that are also verb forms but are read as nouns before another verb in a headline:
# "Harbour fees rise", "GM shares fall", "Oil prices jump" (not "Obama signs bill").
NOUNS_FIRST = frozenset(
    """shares stocks prices sales profits earnings fees fares rates costs exports imports orders
    deliveries jobs talks markets bonds yields wages rents taxes tariffs losses gains cuts funds
    claims bids""".split()
)
# Verbs that put the happening they govern in the future ("plans to", "is expected to").
PROSPECTIVE = frozenset(
    "plan expect intend aim hope schedule slate set due propose seek try want prepare".split()
)
# Verbs of deciding: the happening is what was decided ("has chosen to step down").
DECIDING = frozenset("choose decide agree vote opt elect resolve".split())
# Unions the readers test words against, made once (a ``|`` in a test builds a new set each time).
BE_HAVE = BE | HAVE
BE_MODALS = BE | MODALS
MODALS_HAVE = MODALS | HAVE
AUXILIARIES = BE | HAVE | MODALS
GOVERNING = PROSPECTIVE | DECIDING
# Verbs of one kind of happening, told with different words in different reports.
ACTION_CLASSES: dict[str, str] = {
    **dict.fromkeys("unveil introduce present launch debut release".split(), "introduce"),
    **dict.fromkeys("resign quit".split(), "resign"),
    **dict.fromkeys("die".split(), "die"),
    **dict.fromkeys("acquire buy purchase".split(), "acquire"),
    **dict.fromkeys("sign conclude".split(), "sign"),
    **dict.fromkeys("sue".split(), "sue"),
    **dict.fromkeys("cut reduce lower slash".split(), "cut"),
    **dict.fromkeys("raise increase hike lift".split(), "raise"),
    **dict.fromkeys("arrest detain".split(), "arrest"),
    **dict.fromkeys("kill slay".split(), "kill"),
    **dict.fromkeys("pledge commit promise".split(), "commit"),
    **dict.fromkeys("close shut".split(), "close"),
    **dict.fromkeys("depart leave".split(), "depart"),  # a flight "left Rio" / "took off from Rio"
    # a price, an index or a figure moving: the same move is "fell" in one report, "plunged" in
    # another
    **dict.fromkeys(
        "fall drop decline plunge tumble slide sink slump plummet dive sag slip".split(), "fall"
    ),
    **dict.fromkeys("rise climb jump soar surge rally rebound advance".split(), "rise"),
}
ACTION_CLASSES.update(dict.fromkeys(REPORTING, "statement"))
# Event nouns that name a kind of happening a verb also tells ("its launch" / "launched").
NOUN_ACTIONS: dict[str, str] = {
    **dict.fromkeys(
        "launch release presentation unveiling introduction debut".split(), "introduce"
    ),
    **dict.fromkeys("announcement statement speech address briefing".split(), "statement"),
    **dict.fromkeys("meeting talks summit".split(), "meet"),
    **dict.fromkeys("acquisition purchase takeover merger".split(), "acquire"),
    "resignation": "resign",
    "death": "die",
    "arrest": "arrest",
}
# A verb that only carries the noun after it ("posted a loss", "had an operating loss", "booked
# orders"), and the nouns whose happening it then tells, as the verb would ("lost").
LIGHT_VERBS = frozenset(
    "post report record book suffer have make incur log take sign place win".split()
)
RESULT_NOUNS: dict[str, str] = {
    **dict.fromkeys("loss losses".split(), "lose"),
    **dict.fromkeys("profit profits earnings".split(), "earn"),
    **dict.fromkeys("delivery deliveries".split(), "deliver"),
    **dict.fromkeys("order orders".split(), "order"),
    **dict.fromkeys("cut cuts layoff layoffs".split(), "cut"),
    **dict.fromkeys("closure closures".split(), "close"),
}
# What a thing becomes: "will be operational", "was closed" tell a happening, not a state.
BECOMING = frozenset(
    """operational available open closed ready complete completed effective final official public
    live online offline shut suspended cancelled canceled postponed delayed finished done over
    underway elected appointed named dead killed injured arrested released""".split()
)


@functools.lru_cache(maxsize=65536)
def verb_forms(word: str) -> tuple[str, frozenset[str]] | None:
    """(lemma, Penn tags the word can be: VBD, VBN, VBZ, VBP, VBG, VB) for a verb form, else None.

    Capitalised words are names to this reader ("United", "Said"), except at the start of a text,
    which the caller lower-cases itself.
    """
    if not word or not word[0].isalpha() or word[0].isupper():
        return None
    lemma = lexicon.verb_lemma(word)
    if lemma is None:
        return None
    inflections = _inflections(lemma)
    tags = {tag for tag, forms in inflections.items() if word in forms}
    if "VBD" in tags and "VBN" not in inflections:
        tags.add("VBN")  # the lexicon lists a regular verb's participle under its past only
    return (lemma, frozenset(tags)) if tags else None


@functools.lru_cache(maxsize=16384)
def _inflections(lemma: str) -> dict[str, tuple[str, ...]]:
    return lexicon.inflections(lemma)


@functools.lru_cache(maxsize=65536)
def noun_lemma(word: str) -> str | None:
    """The lemma of a common noun ("announcements" -> "announcement"), else None."""
    if not word or not word[0].isalpha():
        return None
    return lexicon.noun_lemma(word.lower())


def plural_noun(word: str) -> bool:
    """A common noun in the plural ("shares", "fees"), lower-case."""
    if not word.endswith("s"):
        return False
    lemma = noun_lemma(word)
    return lemma is not None and lemma != word


# Verbs with a particle that tell another kind of happening than the verb alone.
PHRASAL: dict[tuple[str, str], str] = {
    ("step", "down"): "resign",
    ("pass", "away"): "die",
    ("roll", "out"): "introduce",
    ("take", "over"): "acquire",
    ("set", "up"): "found",
    ("shut", "down"): "close",
    ("call", "off"): "cancel",
    ("sign", "up"): "sign",
    ("break", "up"): "split",
    ("take", "off"): "depart",
}
# A price's close told by where it went: "closed down 3.2 percent", "ended higher"
_CLOSING = frozenset({"close", "end", "finish", "open", "trade"})
_MOVES = {"down": "fall", "lower": "fall", "off": "fall", "up": "rise", "higher": "rise"}
_ROLE_NEXT = frozenset({"as", "from", "on", "in", "at", "last", "this", "when", "after"})


def phrasal(lemma: str, particle: str, after: str) -> str:
    """The happening a verb and its particle tell ("stepped down" -> "resign"), or ``lemma``;
    "closed down 3.2 percent", "ended higher" are a price's fall and rise (``after``: the word
    after the particle), "closed down the plant" a closing."""
    figure = bool(after) and after[0] in "0123456789$€£"
    if lemma in _CLOSING and particle in _MOVES and (figure or particle in ("lower", "higher")):
        return _MOVES[particle]
    if (
        lemma == "take"
        and particle == "over"
        and (not after[:1].isalnum() or after.lower() in _ROLE_NEXT)
    ):
        return "succeed"  # "took over as chief executive", "took over on April 1": no purchase
    return PHRASAL.get((lemma, particle), lemma)


# Verbs whose "that" opens what was found or decided ("The tribunal found in 2011 that ..."): a
# clause of its own, dated by its own date, though the verb makes no statement.
FINDING = frozenset("find rule conclude decide determine establish".split())
# Verbs whose "that" opens what is asked for ("demanded that workers accept cuts by 2010"): what
# should happen, not what did.
MANDATIVE = frozenset("demand ask request require recommend propose order urge".split())


@functools.lru_cache(maxsize=1)
def mandative_forms() -> frozenset[str]:
    """Every past or present form of a verb of asking for ("demanded", "urges")."""
    out: set[str] = set()
    for lemma in MANDATIVE:
        for tag, forms in _inflections(lemma).items():
            if tag in ("VBD", "VBZ"):
                out.update(forms)
    return frozenset(out)


@functools.lru_cache(maxsize=1)
def finding_forms() -> frozenset[str]:
    """Every past or present form of a verb of finding ("found", "rules", "concluded")."""
    out: set[str] = set()
    for lemma in FINDING:
        for tag, forms in _inflections(lemma).items():
            if tag in ("VBD", "VBZ", "VBN"):
                out.update(forms)
    return frozenset(out)


@functools.lru_cache(maxsize=1)
def reporting_forms() -> frozenset[str]:
    """Every form of a reporting verb ("said", "tells", "announcing")."""
    out: set[str] = set()
    for lemma in REPORTING:
        for forms in _inflections(lemma).values():
            out.update(forms)
    return frozenset(out)


def action_of(lemma: str) -> str:
    """The kind of happening a verb tells: its class when it has one, else itself."""
    return ACTION_CLASSES.get(lemma, lemma)
