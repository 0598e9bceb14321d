"""What deciding "same happening" needs to know of a report, a proposed event or a stored event.

A report carries its evidence as a list of terms (``SourceRef.terms``, stored as ``sources.match_terms``):
content words, plus markers for who acted and what kind of happening it was, worked out with the
article's context when it was read (so "he said" keeps its speaker after merges and splits):

    "@rutte"          a statement by this speaker
    "!steve_jobs"     an actor: the clause's subject, which opens on this name
    "&nato"           a name tied to the happening less surely (a subject read from an earlier
                      clause, a name in an event's noun phrase, a name inside a longer subject)
    "^introduce"      the kind of happening (``english.action_of`` the clause's verb)
    "#summit"         an event noun the date hangs on ("the NATO summit")
    "%geneva"         a place it happened at ("in Geneva"): no actor, and no word of what happened
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..model import EventRecord, ProposedEvent, pickled_as_arguments
from ..span import Span

SPEAKER, ACTOR, NAME, ACTION, NOUN, PLACE = "@", "!", "&", "^", "#", "%"
WHO = "="  # a key only: the last word of a speaker's or an actor's name
# Words that say nothing about which happening a report tells of.
GENERIC = frozenset(
    """company firm group official officials people percent statement report news time day week
    month year million billion thousand number part way also told chief executive officer ceo
    president spokesman spokeswoman spokesperson inc corp co ltd plc llc""".split()
)
MARKERS = (SPEAKER, ACTOR, NAME, ACTION, NOUN, PLACE)
# The vocabulary of every report of a market's day ("stocks closed lower", "shares closed at $35, up
# 12.5 cents"): two such reports share these words whichever market or company each tells of.
MARKET_WORDS = """stock stocks share shares market markets trading price prices index exchange
    composite cent cents point points lower higher unchanged closed closing""".split()


@pickled_as_arguments
@dataclass(frozen=True, slots=True)
class Profile:
    span: Span | None
    speakers: frozenset[str]
    actors: frozenset[tuple[str, ...]]  # each a name as lower-case words: ("steve", "jobs")
    names: frozenset[tuple[str, ...]]  # names tied to it less surely ("&" markers)
    actions: frozenset[str]
    nouns: frozenset[str]
    terms: frozenset[str]  # content words, markers removed
    sentences: frozenset[tuple[str, int]]  # (document, sentence start) of every report
    # The date is inferred from when the news was published (no report states it): the happening
    # may be a day or so earlier ("Jobs resigns", published the day after).
    soft: bool = False
    stated: bool = True  # some report states the date itself (not inferred from the story)
    # Worked out once, as every comparison reads them: the words that say which happening it is
    # (``terms`` without words any report may hold), and the words of its names.
    content: frozenset[str] = frozenset()
    name_words: frozenset[str] = frozenset()
    keys: frozenset[str] = frozenset()
    who: frozenset[str] = frozenset()  # the last words of its speakers' or actors' names
    speech: bool = False  # a statement: it has a speaker, or its kind is "statement"
    # An event told by several reports: each report as (document, sentence start, its terms, soft,
    # stated), in a fixed order; ``parts`` makes their profiles, on the event's dates, when matching
    # checks a newcomer against each, as clustering does (``same.related``): seldom, so not here.
    reports: tuple[Report, ...] = ()

    def match_keys(self) -> frozenset[str]:
        """What two profiles must share to be compared at all (``same.compare``): a speaker for
        statements; otherwise a content word, and an action or event noun (each verdict needs
        some share of the content words; names and generic words never make one)."""
        return self.keys

    def in_document(self, document: str) -> Profile:
        """The same reports' profile with their sentences under the id ``document``: an import's
        worker reads an article before the store gives it its id."""
        return Profile(  # field by field: ``dataclasses.replace`` costs three times as much
            self.span,
            self.speakers,
            self.actors,
            self.names,
            self.actions,
            self.nouns,
            self.terms,
            frozenset((document, s) for _, s in self.sentences),
            self.soft,
            self.stated,
            self.content,
            self.name_words,
            self.keys,
            self.who,
            self.speech,
            tuple((document, *r[1:]) for r in self.reports),
        )


def marker(kind: str, value: str) -> str:
    return kind + value


def actor_marker(name: str, sure: bool = True) -> str:
    return (ACTOR if sure else NAME) + "_".join(name.lower().split())


def from_terms(
    span: Span | None,
    terms: Iterable[str],
    sentences: Iterable[tuple[str, int]] = (),
    soft: bool = False,
    stated: bool = True,
    reports: tuple[Report, ...] = (),
) -> Profile:
    """A profile from marker terms (one report's, or the union of an event's reports')."""
    speakers: set[str] = set()
    actors: set[tuple[str, ...]] = set()
    names: set[tuple[str, ...]] = set()
    actions: set[str] = set()
    nouns: set[str] = set()
    places: set[tuple[str, ...]] = set()
    words: set[str] = set()
    for t in terms:
        if not t:
            continue
        head = t[0]
        if head == SPEAKER:
            speakers.add(t[1:])
        elif head == ACTOR:
            actors.add(tuple(t[1:].split("_")))
        elif head == NAME:
            names.add(tuple(t[1:].split("_")))
        elif head == ACTION:
            actions.add(t[1:])
        elif head == NOUN:
            nouns.add(t[1:])
        elif head == PLACE:
            places.add(tuple(t[1:].split("_")))
        else:
            words.add(t)
    if speakers or "statement" in words:
        actions.add("statement")
    words.discard("statement")
    names_of = frozenset().union(*map(_name_terms, actors | names | places))
    content = frozenset(words) - GENERIC
    # A statement and a report of what its speaker did meet on the name ("Varga announced her
    # leave" / "Varga has been on leave since January"): a key like any other, not a speaker's.
    if speakers or actions & {"statement"}:
        who = frozenset(speakers)
        keys = frozenset(SPEAKER + s for s in speakers)  # a statement is one only with its speaker
    else:
        who = frozenset(name[-1] for name in actors | names)
        keys = content | {ACTION + a for a in actions} | {NOUN + n for n in nouns}
    keys |= {WHO + w for w in who}
    return Profile(
        span,
        frozenset(speakers),
        frozenset(actors),
        frozenset(names - actors),
        frozenset(actions),
        frozenset(nouns),
        frozenset(words),
        frozenset(sentences),
        soft,
        stated,
        content,
        names_of,
        keys,
        who,
        "statement" in actions,
        reports,
    )


@functools.lru_cache(maxsize=1)
def market_terms() -> frozenset[str]:
    """The key terms of ``MARKET_WORDS``."""
    from ..eventtext import key_terms

    return key_terms(" ".join(MARKET_WORDS))


@functools.lru_cache(maxsize=4096)  # a few hundred kinds come back in every article
def kind_terms(kind: str) -> frozenset[str]:
    """The key terms of the words that tell ``kind`` (an action class, or ``"#"`` and an event noun):
    every form of its verbs ("closed", "shut") and its event nouns ("launch" for "introduce").
    Two reports of one kind share these whatever happening each tells."""
    from ..eventtext import key_terms
    from . import english as en

    if kind.startswith(NOUN):
        noun = kind[1:]
        nouns = {noun}
        kind = en.NOUN_ACTIONS.get(noun, "")
    else:
        nouns = set()
    if kind:
        nouns |= {n for n, k in en.NOUN_ACTIONS.items() if k == kind}
        nouns |= {n for n, k in en.RESULT_NOUNS.items() if k == kind}  # "a loss" for "lose"
        verbs = {v for v, k in en.ACTION_CLASSES.items() if k == kind} | {kind}
        verbs |= {v for (v, _), k in en.PHRASAL.items() if k == kind}  # "stepped down"
    else:
        verbs = set()
    words = set(nouns) | {n + "s" for n in nouns} | verbs
    for verb in verbs:
        for forms in en.lexicon.inflections(verb).values():
            words.update(forms)
    return key_terms(" ".join(sorted(words)))


@functools.lru_cache(maxsize=16384)  # the same names come back in article after article
def _name_terms(name: tuple[str, ...]) -> frozenset[str]:
    from ..eventtext import key_terms

    return key_terms(" ".join(name))


# How ``reading`` opens the basis of a report dated by its story's day (the headline's or lead's
# happening, a clause of the story): every other basis carries a date the text gives ("shares the
# date of its sentence's first clause", "continues sentence 3").
STORY_BASES = ("headline event", "the article's news")


def dated_by_story(basis: str) -> bool:
    """A report dated by the day of its story (``Profile.soft``), told by its stored basis."""
    return basis.startswith(STORY_BASES)


def of_proposal(event: ProposedEvent) -> Profile:
    span = Span.of(event.value, event.end)
    return from_terms(
        span,
        event.key_terms,
        ((s.document, s.sentence_start) for s in event.sources),
        all(dated_by_story(s.basis) for s in event.sources),
        any(not s.basis for s in event.sources),
        _reports([(s.terms, s.document, s.sentence_start, s.basis) for s in event.sources]),
    )


Report = tuple[str, int, tuple[str, ...], bool, bool]  # see ``Profile.reports``


def _reports(told: Sequence[tuple[Iterable[str], str, int, str]]) -> tuple[Report, ...]:
    """(terms, document, sentence start, basis) of each report, as ``Profile.reports`` keeps them."""
    if len(told) < 2:
        return ()
    # in one order whatever order the reports come in (a proposal's, or as stored)
    return tuple(
        sorted(
            (doc, start, tuple(sorted(terms)), dated_by_story(basis), not basis)
            for terms, doc, start, basis in told
        )
    )


def parts(p: Profile, limit: int) -> list[Profile]:
    """The profiles of the first ``limit`` of ``p``'s reports, each on ``p``'s dates (none for an
    event of one report)."""
    return [
        from_terms(p.span, terms, ((doc, start),), soft, stated)
        for doc, start, terms, soft, stated in p.reports[:limit]
    ]


def of_record(event: EventRecord) -> Profile:
    """A stored event: the union of its reports' terms; reports stored without terms (made by the
    analyst, or by an older version) count by the key terms of their quote and the title."""
    from ..eventtext import key_terms

    terms: set[str] = set(key_terms(event.title))
    told = [s.match_terms if s.match_terms else key_terms(s.quote) for s in event.sources]
    for t in told:
        terms.update(t)
    if ":" in event.title and not any(t[:1] == SPEAKER for t in terms):
        # "Rutte: ..." titles mark statements even when the reports' context was lost.
        who = event.title.split(":", 1)[0].strip()
        if who and " " not in who:
            terms.add(SPEAKER + who.lower())
    span = Span.of(event.value, event.end)
    reports = [
        (t, str(s.document_id), s.sentence_start, s.basis)
        for t, s in zip(told, event.sources, strict=True)
    ]
    return from_terms(
        span,
        terms,
        ((str(s.document_id), s.sentence_start) for s in event.sources),
        bool(event.sources) and all(dated_by_story(s.basis) for s in event.sources),
        not event.sources or any(not s.basis for s in event.sources),
        _reports(reports),
    )


def as_stored(event: ProposedEvent, mine: Profile) -> bool:
    """``of_record`` of the event stored for ``event`` with every one of its sources is ``mine``, the
    proposal's own profile: each source brought its terms, the title adds none and does not mark a
    statement the terms do not. (Then an import's index need not work it out again.)"""
    from ..eventtext import key_terms

    if mine.span is None or not all(r.terms for r in event.sources):
        return False
    if ":" in event.title and not any(t[:1] == SPEAKER for t in event.key_terms):
        return False
    return key_terms(event.title) <= frozenset(event.key_terms)


Matchable = tuple[Profile, bool]  # a proposal's profile, and ``as_stored`` of it


def matchables(proposals: Iterable[ProposedEvent]) -> tuple[Matchable, ...]:
    """What matching needs of each of a document's proposals (``integrate.fold_in``'s ``given``):
    worked out where the document is read, by an import's worker, so that the store, which holds
    the write lock, does not."""
    out = []
    for p in proposals:
        mine = of_proposal(p)
        out.append((mine, as_stored(p, mine)))
    return tuple(out)
