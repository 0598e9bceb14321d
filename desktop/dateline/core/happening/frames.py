"""The frame of a happening told without a date of its own: its title, words and markers.

``eventtext.analyse`` reads the clause around a date; a headline ("Apple unveils iPhone 4") or a lead
("Jobs resigned in a letter to the board") has none, so its frame is read from the clause itself: the
subject and what follows the verb, or, for a statement, who said what.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Sequence

from ..calendar_words import MONTH_SHORT_FORMS, WEEKDAY_SHORT_FORMS
from ..eventtext import Frame, key_terms, stem
from ..eventtext import _statement_title as statement_title
from ..eventtext import _tidy as tidy
from ..model import Sentence
from ..speakers import attribution_after, sentence_speaker, surname
from . import english as en
from . import lexicon
from .clauses import Clause
from .profile import ACTION, NOUN, PLACE, SPEAKER, actor_marker

_LEADING = re.compile(
    r"^(?:(?:and|but|then|also|however|meanwhile|later|subsequently|that|which|who)\b,?\s*)+",
    re.IGNORECASE,
)
_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_NAME_RUN = re.compile(
    r"\b(?:[A-Z]|[a-z][A-Z])[\w&’'\-.]*(?:\s+(?:(?:[A-Z]|[a-z][A-Z])[\w&’'\-.]*|of|de|van|von|al-?)\b)*"
)
# Words that are capitalised without being a name, or that say nothing about who acted.
_NOT_NAMES = frozenset(
    """The A An This That These Those It He She They We I Its His Her Their Our In On At By For With From
    After Before During When While Since As But And Also Then I I’m I'm CEO Chief Executive Officer President
    Chairman Minister Secretary Director Spokesman Spokeswoman Mr Mrs Ms Dr Inc Corp Co Ltd LLC Plc
    Company Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May
    June July August September October November December One Two Three Four Five Six Seven Eight Nine
    Ten Eleven Twelve Dozens Hundreds Thousands Millions Several Many Some Most All Both Few Each
    Every No None Other Others Another Such There Here Earlier Later Last Next Yesterday Today
    Tomorrow Tonight Meanwhile However Still Now Recently Previously Currently Separately Overall
    Finally Instead Nevertheless""".split()
)


def clause_frame(
    sentence: str, clause: Clause, last_speaker: str | Callable[[], str] = ""
) -> Frame:
    """Title, words and speaker of the happening the clause itself tells."""
    text = sentence[clause.start : clause.end]
    if clause.reporting:
        who = actor_name(clause.subject)
        if not who and clause.subject.lower() in en.PRONOUNS:
            who = last_speaker if isinstance(last_speaker, str) else last_speaker()
        speaker = surname(who) if who else ""
        rel = clause.verb_start
        title = statement_title(sentence, rel, clause.verb_end, _shown(clause.subject, speaker))
        terms = frozenset({speaker.lower(), "statement"} if speaker else {"statement"})
        return Frame(title, terms | key_terms(title), speaker, True, "")
    body = _LEADING.sub("", text.strip(' ,;:—–-"“”'))
    body = _ARTICLE.sub("", body)
    return Frame(tidy(body), key_terms(body), "", False, "")


def _shown(subject: str, speaker: str) -> str:
    """Who a statement's title names: an unnamed speaker by their noun ("a Frankfurt trader said":
    "Frankfurt trader"), not by a name that only qualifies it; else the speaker."""
    words = subject.split()
    if len(words) > 1 and words[0].lower() in ("a", "an", "one", "another") and words[-1].islower():
        return " ".join(words[1:]).capitalize() if words[1].islower() else " ".join(words[1:])
    return speaker


def own_happening(sentence: str, clause: Clause, rel_end: int) -> bool:
    """Does a date a statement seems to hold date its clause's own happening instead: an aside's
    ("Airbus, which delivered 498 aircraft in 2009, said"), or one an attribution follows ("Emirates
    ordered 30 jets on Monday, Airbus said", the clause's own verb before the date)?"""
    if clause.role in ("relative", "nonfinite"):
        return not clause.reporting
    return (
        clause.main
        and not clause.reporting
        and 0 <= clause.verb_end < rel_end
        and attribution_after(sentence, rel_end)
    )


def actor_name(subject: str) -> str:
    """The name a subject holds ("Apple CEO Steve Jobs" -> "Steve Jobs"), "" when none."""
    runs = [_strip_titles(r) for r in _NAME_RUN.findall(subject)]
    runs = [r for r in runs if r]
    return runs[-1] if runs else ""


# A name right after these words is where something happened ("talks in Geneva", "a plant near
# Detroit", "a court in a London suburb"), not who took part.
_PLACE_BEFORE = re.compile(
    r"\b(?:in|at|near|outside|across|throughout)\s+(?:(?:the|an?)\s+)?$", re.I
)
_PLACE_LOOKBACK = 20  # characters before a name searched for those words


def _is_place(text: str, start: int) -> bool:
    return _PLACE_BEFORE.search(text, max(0, start - _PLACE_LOOKBACK), start) is not None


def place_names(text: str) -> list[str]:
    """The names of places in ``text``: names right after "in", "at", "near" ... ("Geneva")."""
    return list(_places_in(text))


@functools.lru_cache(maxsize=16384)
def _places_in(text: str) -> tuple[str, ...]:
    out: list[str] = []
    for m in _NAME_RUN.finditer(text):
        if _is_place(text, m.start()):
            out += [n for n in _names_in(m.group(), True) if n not in out]
    return tuple(out)


def actor_names(subject: str, places: bool = True) -> list[str]:
    """Every name in a subject ("Apple CEO Steve Jobs" -> "Apple", "Steve Jobs"); ``places``
    False: leaving out the names of places (``place_names``)."""
    return list(_names_in(subject, places))


@functools.lru_cache(maxsize=16384)  # a subject is read for names again by its clause and title
def _names_in(subject: str, places: bool) -> tuple[str, ...]:
    out = []
    for m in _NAME_RUN.finditer(subject):
        if not places and _is_place(subject, m.start()):
            continue
        words = _without_common_opening(m.group().split())
        part: list[str] = []
        for w in [*words, "The"]:
            if w.rstrip(".'’s") in _NOT_NAMES or w in _NOT_NAMES or _calendar_short(w.rstrip(".")):
                if part:
                    out.append(" ".join(part))
                part = []
            else:
                part.append(w.rstrip(".").removesuffix("'s").removesuffix("’s"))
    return tuple(n for n in out if n)


@functools.lru_cache(maxsize=1)
def _calendar_shorts() -> frozenset[str]:
    """ "Aug", "Sept", "Thurs": a month's or a day's short name, which is no one's name; not those
    that are English words too ("Sun", "Sat", "Wed", "Mar"), which may be ("Sun Microsystems")."""
    return frozenset(
        w for w in (*MONTH_SHORT_FORMS, *WEEKDAY_SHORT_FORMS) if not lexicon.classes(w)
    )


def _calendar_short(word: str) -> bool:
    return len(word) <= 5 and word in _calendar_shorts()


def _without_common_opening(words: list[str]) -> list[str]:
    """A run of capitalised words without the plural common noun and "of" opening a sentence on it
    ("Shares of General Motors fell", "Sales of Toyota cars rose" -> "General Motors", "Toyota"):
    no one's name. A plural alone may be one ("Jobs said")."""
    opening = len(words) > 2 and words[1] == "of" and words[0][1:].islower()
    return words[2:] if opening and en.plural_noun(words[0].lower()) else words


def _strip_titles(run: str) -> str:
    names = actor_names(run)
    return names[-1] if names else ""


def markers(
    frame: Frame,
    clause: Clause | None,
    actors: Iterable[str] = (),
    others: Iterable[str] = (),
    places: Iterable[str] = (),
    common: str = "",
) -> tuple[str, ...]:
    """The frame's words plus the markers matching reads (``profile``): ``actors`` the clause's own
    subject names, ``others`` names tied to it less surely, ``places`` where it happened; ``common``
    a common word opening the sentence ("Traders said"), no speaker's name."""
    # An event named by its noun phrase ("the NATO summit in Washington") is told by that phrase;
    # the rest of its clause says something else ("a goal that was set ...").
    terms = set(key_terms(frame.title) if frame.event_noun else frame.terms)
    others = list(others)
    if frame.speech and frame.speaker and frame.speaker != common:
        terms.add(SPEAKER + frame.speaker.lower())
    if frame.event_noun:
        terms.add(NOUN + frame.event_noun)
        # "NATO leaders' summit": NATO's summit; but the noun opening a title ("Launch") is no name
        others += [n for n in actor_names(frame.title, False) if n.lower() != frame.event_noun]
        places = [*places, *place_names(frame.title)]
        if frame.event_noun in en.NOUN_ACTIONS:
            terms.add(ACTION + en.NOUN_ACTIONS[frame.event_noun])
    carried = _carried(clause.lemma, terms) if clause and not frame.speech else ""
    if carried:
        terms.add(ACTION + carried)  # "posted a loss" tells what "lost" tells
    elif clause is not None and clause.lemma and not clause.stative:
        action = en.action_of(clause.lemma)
        if action != "statement" or frame.speech:  # the date may be what was said, not the saying
            terms.add(ACTION + action)
    for name in actors:
        terms.add(actor_marker(name))
    for name in others:
        terms.add(actor_marker(name, sure=False))
    for name in places:
        terms.add(PLACE + "_".join(name.lower().split()))
    return tuple(sorted(terms))


def _carried(lemma: str, terms: set[str]) -> str:
    """The action a light verb carries in its noun ("posted a loss": "lose"), else ""."""
    if lemma not in en.LIGHT_VERBS:
        return ""
    return next((a for noun, a in _result_stems().items() if noun in terms), "")


@functools.lru_cache(maxsize=1)
def _result_stems() -> dict[str, str]:
    return {stem(noun): action for noun, action in en.RESULT_NOUNS.items()}


_SUBJECT_HEAD_END = re.compile(r",|\b(?:in|of|at|for|from|to|with|on|by)\b")


def subject_names(subject: str) -> tuple[list[str], list[str]]:
    """(sure, other) names of a subject: it opens on a name ("Apple CEO Steve Jobs", "GM") -> sure;
    names inside a longer subject ("a NATO hub in Wiesbaden") -> other."""
    head = _SUBJECT_HEAD_END.split(subject, maxsplit=1)[0].strip()
    names = actor_names(subject, False)
    words = subject.split()[:3]
    if (
        head[:1].isupper()
        and head.split()[0] not in _NOT_NAMES
        and actor_names(head)
        and _without_common_opening(words) == words  # "Shares of GM": GM's, less surely
    ):
        sure = actor_names(head)
        return sure, [n for n in names if n not in sure]
    return [], names


class LastSpeaker:
    """Who spoke last in sentences ``0..upto`` ("... he said" refers back to them), read lazily."""

    def __init__(self, sentences: Sequence[Sentence]) -> None:
        self.sentences = sentences
        self.upto = -1
        self._read = -1
        self._speaker = ""

    def __call__(self) -> str:
        for k in range(self._read + 1, self.upto + 1):
            who = sentence_speaker(self.sentences[k].text)
            if who:
                self._speaker = who
        self._read = max(self._read, self.upto)
        return self._speaker
