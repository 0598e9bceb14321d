"""Phrases a title is built from: the noun phrase a pronoun or a participle stands for, whether a
noun phrase says whose it is, a long subject's head, and what a gerund made its object do."""

from __future__ import annotations

import re

from ..eventtext import _noun_phrase_before as noun_phrase_before
from . import english as en
from .clauses import Clause

_DETERMINER = frozenset("the a an its their his her this these those".split())

# A gerund, its object (a few words, no comma) and "to" before a verb: "prompting Apple Corps to
# file", "forcing the company to close".
_CAUSED = re.compile(r"(\w+ing)\s+((?:[^\s,;]+\s+){1,6}?)to\s+(\w+)\b")


def caused(text: str, c: Clause, at: int) -> int:
    """Where the object of a gerund opening ``c`` begins, when the date at ``at`` stands in what
    the gerund made (or let) its object do; -1 otherwise."""
    m = _CAUSED.match(text, c.start, c.end)
    if m is None or at < m.start(3):
        return -1
    gerund = en.verb_forms(m.group(1).lower())
    verb = en.verb_forms(m.group(3).lower())
    if not (gerund and "VBG" in gerund[1] and verb and "VB" in verb[1]):
        return -1
    return m.start(2)


def head(subject: str, room: int) -> str:
    """The subject in at most ``room`` words (three at least), cut before a preposition:
    "Representatives at several Apple Stores in the United States" -> "Representatives at several
    Apple Stores"."""
    words = subject.split()
    while len(words) > max(room, 3):
        at = max(
            (k for k, w in enumerate(words) if k > 0 and w.lower() in en.PREPOSITIONS), default=0
        )
        if not at:
            break
        words = words[:at]
    return " ".join(words)


def participle(word: str) -> bool:
    """ "tripled", "fled": a past form (not "issues", a plural that is also a verb form)."""
    forms = en.verb_forms(word.lower()) if word[:1].islower() else None
    return bool(forms and forms[1] & {"VBD", "VBN"})


def says_whose(words: list[str], names: frozenset[str]) -> bool:
    """A noun phrase that says whose or where ("NATO leaders’ summit", "visit to Brussels")."""
    if len(words) < 2:
        return False
    if any(w.endswith(("’s", "'s", "s’", "s'")) for w in words):
        return True
    if any(w.lower() in ("of", "to", "in", "at", "with", "on", "by") for w in words[1:]):
        return True
    return any(w.strip(",") in names and "." not in w for w in words)


def noun_phrase_ending(before: str) -> str:
    """The noun phrase (with its place) that ends ``before``: "a new military aid hub in
    Wiesbaden, Germany"."""
    words = before.rstrip(" ,").split()[-10:]
    # not past a verb or an aside: "the systems shipped, meanwhile, were | products" (a place's
    # comma stays: "a hub in Wiesbaden, Germany")
    cut = [
        k
        for k, w in enumerate(words)
        if w.lower() in en.AUXILIARIES
        or (w.endswith(",") and k + 1 < len(words) and words[k + 1][:1].islower())
    ]
    if cut and cut[-1] + 1 < len(words):
        words = words[cut[-1] + 1 :]
        before = " ".join(words)
    starts = [k for k, w in enumerate(words) if w.lower() in _DETERMINER]
    return " ".join(words[starts[-1] :]) if starts else antecedent(before)


def antecedent(before: str) -> str:
    """The noun phrase a relative pronoun or "its" stands for: the name or noun phrase that ends
    ``before`` ("he bought Pixar" -> "Pixar")."""
    words = before.rstrip(" ,").replace("”", "").replace("“", "").replace('"', "").split()
    while words and (
        words[-1].lower() in en.PREPOSITIONS
        or words[-1].lower() in en.COORDINATORS
        or words[-1].lower() in en.AUXILIARIES
        or participle(words[-1])
    ):
        words.pop()  # "Sales of the app have tripled since | its launch": the app
    run: list[str] = []
    for w in reversed(words):
        if w[:1].isupper() or (w[:1].islower() and any(ch.isupper() for ch in w[1:])):
            run.insert(0, w)
            continue
        break
    if run and run[0] not in ("The", "A", "An"):
        return " ".join(run).rstrip(",")
    phrase = noun_phrase_before(" ".join(words))
    return re.sub(r"^(?:the|a|an|this|that|its|their|his|her)\s+", "", phrase, flags=re.I)
