"""Who is who in an article, for titles: the name a "he", "she" or "it" subject stands for, and how
a speaker is called ("Jobs", "Apple", "New York Times").

A person is named with a given name and a surname ("Steve Jobs", "Lewis W. Teperman"), after any
title ("Former Microsoft CEO Bill Gates" -> "Bill Gates"), and called by the surname; an
organisation, a product or a place by its name without "The" or a legal suffix ("Apple Inc." ->
"Apple"). "He" and "she" stand for the last person named as a subject; "it" for a name that was
the subject of this sentence or the one before.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

from ..model import Sentence
from . import english as en
from . import lexicon
from .clauses import THIRD_PERSON, Clause
from .frames import subject_names
from .wording import names_of

# Words that make a name an organisation's, a place's or a product's rather than a person's.
_NOT_PERSON = frozenset(
    """Inc Corp Corporation Co Ltd LLC Plc PLC AG SA NV Computer Computers Corps Company Group
    Association Commission Council Court Times Journal Post News Press Store Stores Records Music
    Bank Capital Systems Networks Technologies Technology Research Reports Institute University
    College Agency Department Ministry Parliament Party Union Alliance Organization Organisation
    Foundation Service Services International Motors Airlines Airways Media Labs Studios Pictures
    Entertainment Electronics Industries Holdings Partners Securities Street House Office Senate
    Congress Army Forces Police States Kingdom Nations Republic Conference Center Centre Summit
    Exchange Club Market Awards Day Week Power Energy Oil Gas Steel Mining Telecom Pharma Foods
    Air Rail Railways Shipping Logistics Software Solutions Insurance Finance Financial Resources
    Chemicals Petroleum Automotive Communications Health Trust Fund Board""".split()
)
# Words before a name that say what the person is, not who.
_TITLES = frozenset(
    """CEO CFO COO CTO Chief Executive Officer President Vice Chairman Chairwoman Chair Minister
    Secretary Secretary-General Director Spokesman Spokeswoman Spokesperson Mr Mrs Ms Dr Prof Sir
    Lord Lady Judge Justice Presiding Analyst Employee Manager Former Current General Governor
    Senator Prime King Queen Prince Princess Commissioner Chancellor Mayor Head Founder Co-founder
    Leader Deputy Ambassador Inspector Officer Colonel General Captain Professor Reverend""".split()
)
_CORPORATE = frozenset("Inc Corp Co Ltd LLC Plc PLC AG SA NV".split())
_CALENDAR = frozenset(
    """Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May
    June July August September October November December Today Yesterday Tomorrow""".split()
)
_NAME_RUN = re.compile(
    r"(?:[A-Z]|[a-z][A-Z])[\w&’'\-.]*"
    r"(?:\s+(?:(?:[A-Z]|[a-z][A-Z])[\w&’'\-.]*|(?:of|de|van|von|al-?)\b))*"
)
_OPENING_WORD = re.compile(r"[\w’'\-.&]+")
# Words English writes in lower case whatever they stand for, which the lexicon does not list.
_CLOSED = (
    en.COORDINATORS
    | en.SUBORDINATORS
    | en.RELATIVES
    | en.DETERMINERS
    | en.PREPOSITIONS
    | en.PRONOUNS
    | frozenset({"or", "nor", "yet", "so"})
)
_PERSON_WORD = re.compile(r"^(?:[A-Z][a-z]+(?:[-’'][A-Z]?[a-z]+)*|Mc[A-Z][a-z]+|[A-Z]\.)$")
_HE_SHE = frozenset({"he", "she"})
# "It was announced that", "it is clear whether": an "it" that stands for nothing.
_EMPTY_IT = re.compile(r"(?:[\w’'-]+\s+){1,4}?(?:that|whether)\b")


class Names:
    """The names of one article and who its pronoun subjects stand for."""

    def __init__(self, sentences: Sequence[Sentence], found: Sequence[tuple[Clause, ...]]) -> None:
        self.sentences = sentences
        self.found = found
        self.capitalised = names_of(s.text for s in sentences)
        self.people: set[str] = set()  # surnames of the people the article names
        self.referents: dict[tuple[int, int], str] = {}
        self._read()

    def referent(self, i: int, c: Clause) -> str:
        """The name the pronoun subject of clause ``c`` of sentence ``i`` stands for, "" if none."""
        return self.referents.get((i, c.start), "")

    def speaker(self, subject: str, inside: bool, apposition: str = "") -> str:
        """How a statement's subject is called: a person's surname (from the subject or from the
        apposition after it, "The Vice President, Mark Chandler,"), else the organisation's name."""
        return (
            self.person_in(subject)
            or self.person_in(apposition)
            or (self.display(first_name(subject)) if self.opens_on_name(subject, inside) else "")
        )

    def _read(self) -> None:
        person, thing, thing_at = "", "", -2
        for i, found in enumerate(self.found):
            text = self.sentences[i].text
            for c in found:
                if c.subject_start < 0:
                    continue
                subject = text[c.subject_start : c.subject_end]
                if not subject.strip():
                    continue
                first = subject.split()[0].lower()
                if first in _HE_SHE and (person or _may_be_person(thing)):
                    self.referents[(i, c.start)] = person or thing
                elif (
                    first == "it"
                    and thing
                    and i - thing_at <= 1
                    and thing not in self.people
                    and not _EMPTY_IT.match(text, c.group_start if c.group_start >= 0 else 0)
                ):
                    self.referents[(i, c.start)] = thing
                inside = c.subject_start > first_word(text)
                if (
                    c.shared_subject
                    or c.role == "relative"
                    or not self.opens_on_name(subject, inside)
                ):
                    continue
                named = self.person_in(subject)
                if named:
                    person, thing = named, ""
                elif c.finite:
                    thing, thing_at = self.display(first_name(subject)), i

    def opens_on_name(self, subject: str, inside: bool = False) -> bool:
        """ "Apple", "The New York Times", "Ben Reitzes": a name; "Some customers" is not (a word
        capitalised only where a sentence starts). ``inside``: the subject does not open the
        sentence, so a capital says it is a name."""
        words = subject.removeprefix("The ").split()
        if not words or not (words[0][:1].isupper() or _lower_name(words[0])):
            return False
        head = words[0].removesuffix("’s").removesuffix("'s")
        if head in _CALENDAR or head.lower() in en.PRONOUNS or head in _TITLES:
            return False
        two = len(words) > 1 and words[1][:1].isupper()
        return inside or head in self.capitalised or two or _lower_name(head) or head.isupper()

    def person_in(self, text: str) -> str:
        """The surname of the last person named in ``text`` ("Former Microsoft CEO Bill Gates" ->
        "Gates"), "" when it names none."""
        for name in reversed(name_runs(text)):
            words = name.split()
            if self.is_person(words):
                surname = [w for w in words if not w.endswith(".")][-1]
                self.people.add(surname)
                return surname
        return ""

    def is_person(self, words: list[str]) -> bool:
        if len(words) == 1:
            return words[0] in self.people
        return (
            len([w for w in words if not w.endswith(".")]) >= 2
            and all(_PERSON_WORD.match(w) for w in words)
            and not any(w in _NOT_PERSON or w in _CALENDAR for w in words)
        )

    def display(self, name: str) -> str:
        words = name.removeprefix("The ").split()
        corporate = False
        while len(words) > 1 and words[-1].rstrip(".") in _CORPORATE:
            words.pop()
            corporate = True
        if not corporate and self.is_person(words):
            return words[-1]
        return " ".join(words)


def name_runs(text: str) -> list[str]:
    """The names in ``text``, titles left out: "Apple CEO Steve Jobs" -> "Apple", "Steve Jobs"."""
    out: list[str] = []
    for run in _NAME_RUN.findall(text):
        part: list[str] = []
        for w in [*run.split(), "CEO"]:
            bare = w.removesuffix("’s").removesuffix("'s").rstrip(",")
            if bare in _TITLES or w in ("The", "A", "An"):
                if part:
                    out.append(" ".join(part))
                part = []
            else:
                part.append(bare)
                if bare != w.rstrip(","):  # a possessive ends the name: "Apple's vice-president"
                    out.append(" ".join(part))
                    part = []
    return [n for n in out if n and n not in ("of", "de")]


def first_name(subject: str) -> str:
    """The name a subject opens on ("Apple Corps' latest suit" -> "Apple Corps")."""
    names = name_runs(subject)
    return names[0] if names else subject.split()[0]


_WORD_CHARACTER = re.compile(r"\w")


def first_word(text: str) -> int:
    """Where the sentence's first word starts (after an opening quotation mark)."""
    m = _WORD_CHARACTER.search(text)
    return m.start() if m else 0


def _lower_name(word: str) -> bool:
    return word[:1].islower() and any(ch.isupper() for ch in word[1:])


def _may_be_person(name: str) -> bool:
    """A single name a "he" or "she" may stand for: not an organisation's or a product's."""
    return (
        bool(name)
        and " " not in name
        and name not in _NOT_PERSON
        and not name.isupper()
        and not any(ch.isupper() for ch in name[1:])
    )


class Openings:
    """The words opening an article's sentences that are no one's name, though capitalised there."""

    def __init__(self, sentences: Sequence[Sentence], capitalised: Collection[str]) -> None:
        self.sentences = sentences
        self.capitalised = capitalised
        self._common: dict[int, str] = {}
        self._named: dict[str, bool] = {}
        self._text: str | None = None

    def common(self, i: int) -> str:
        """The word opening sentence ``i`` when it is a common word there ("Stocks in Tokyo
        closed", "Revenue rose", "Third-quarter profit", "But they said"), else ""."""
        if i not in self._common:
            text = self.sentences[i].text
            m = _OPENING_WORD.match(text, first_word(text))
            word = m.group().removesuffix("’s").removesuffix("'s").rstrip(".") if m else ""
            common = (
                word and common_opening(word, self.capitalised) and not self._named_elsewhere(word)
            )
            self._common[i] = word if common else ""
        return self._common[i]

    def without_common(self, i: int, names: list[str]) -> list[str]:
        """``names`` found in sentence ``i`` without the common word opening it."""
        word = self.common(i) if names else ""
        return [n for n in names if n != word] if word else names

    def _named_elsewhere(self, word: str) -> bool:
        """The article writes ``word`` before another capitalised word somewhere ("Apple Inc.",
        "Shell Oil", "Apple CEO Steve Jobs"): the start of a name."""
        if word not in self._named:
            if self._text is None:
                # one search over the sentences joined by a character no match can cross
                self._text = "\0".join(s.text for s in self.sentences)
            self._named[word] = _then_name(word, self._text)
        return self._named[word]


_BOUNDARY = re.compile(r"\b")


def _then_name(word: str, text: str) -> bool:
    """``re.search(rf"\\b{word}(?:’s|'s)?\\s+[A-Z]", text)``: the pattern without its leading
    "\\b" opens on the word's letters, which the engine looks for as a string (a pattern opening on
    "\\b" is tried at every position), and the boundary is then checked where it matched."""
    pattern = re.compile(rf"{re.escape(word)}(?:’s|'s)?\s+[A-Z]")
    at = 0
    while (m := pattern.search(text, at)) is not None:
        if _BOUNDARY.match(text, m.start()):
            return True
        at = m.start() + 1
    return False


def common_opening(word: str, capitalised: Collection[str]) -> bool:
    """A capitalised word opening a sentence is a common word, no name, when the article never
    capitalises it inside a sentence and English knows it: a noun, verb, adjective or adverb of the
    lexicon ("Stocks", "Revenue", each part of "Third-quarter") or a little word ("But", "These").
    "Apple" or "Shell" stay names where the article capitalises them elsewhere."""
    if not word[:1].isupper() or word in capitalised or any(ch.isupper() for ch in word[1:]):
        return False
    low = word.lower()
    if low in _CLOSED:
        return True
    parts = low.split("-")
    return all(p.isalpha() and lexicon.classes(p) for p in parts)


def resolved_actors(
    openings: Openings, found: Sequence[tuple[Clause, ...]]
) -> dict[tuple[int, int], tuple[list[str], list[str]]]:
    """(sure, other) names each clause's subject stands for; a pronoun stands, less surely, for the
    last subject named before it. A common word opening the sentence ("Stocks in Tokyo") is none."""
    out: dict[tuple[int, int], tuple[list[str], list[str]]] = {}
    last: list[str] = []
    for i, cl in enumerate(found):
        for c in cl:
            sure, other = (openings.without_common(i, n) for n in subject_names(c.subject))
            if c.shared_subject:
                sure, other = [], sure + other
            if not sure and not other and c.subject.strip().lower() in THIRD_PERSON and last:
                other = last
            if sure or other:
                out[(i, c.start)] = (sure, other)
                if c.main and sure:
                    last = sure
    return out
