"""Words of a title: a date taken out with the words that introduce it, a long title cut where a
phrase ends, quotation marks that pair, the first letter's case.

All of it works on the words as the article writes them: a title quotes the text, it never rewrites
it, so an analyst can find its words in the article.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Collection, Iterable

from ..tailmatch import TailPattern
from . import english as en
from . import lexicon

MAX_WORDS = 14
MIN_WORDS = 4  # a cut leaves at least this many words

# A phrase ends before these words: what follows is another clause or an aside.
_BREAKS = frozenset(
    """while whereas which who whom whose where when that as because although though after before
    since until unless if so saying including according adding noting citing prompting following
    amid despite referring continuing bringing allowing leaving making compared due""".split()
)
_AND = frozenset({"and", "but", "or"})
# Where a phrase may end when no clause ends soon enough: before a preposition.
_SOFT_BREAKS = frozenset(
    """with to in on at for from by of over under into about against between during through
    within without via""".split()
)
# Words a title never ends on.
_DANGLING = frozenset(
    """and or but nor that which who whom whose the a an of to in on at for with by from as its their
    his her our my your this these those than into while when where so also then than is are was
    were be been has have had will would can could may might should must not expected scheduled
    slated due planned set even such just only very""".split()
)
_LEADING = re.compile(
    r"^(?:(?:and|but|or|so|then|also|however|meanwhile|still|later|subsequently|which|who|"
    r"moreover|furthermore|instead|besides)\b,?\s+)+",
    re.IGNORECASE,
)
_ARTICLE = re.compile(r"^(?:the|a(?!\s+(?:lot|few|number|couple|bit)\b)|an)\s+(?=\S)", re.I)
_EDITORIAL = re.compile(r"\s*\[\w+\]")  # "delivering [on] the pledge": the editor's word
_EMPTY_BRACKETS = re.compile(r"\(\s*\)|\[\s*\]")
_POSSESSIVE_AFTER = re.compile(r"^(?:'s|’s)\b")
# The words that introduce a date: "on", "since early", "starting next", "as of", "in the".
_LEAD_IN_WORDS = """on in at during by since until till from for of before after through throughout
    around about as early late later earlier over to starting beginning ending effective within the
    this last next a an""".split()
# Tried from where the last words that could be one of them begin (``TailPattern``), not at every
# position of the text before the date.
_LEAD_IN = TailPattern(
    # "over" only alone ("over the weekend"): in "took over in July" it is the verb's
    r"(?:(?:\b(?:on|in|at|during|by|since|until|till|from|for|of|before|after|through|"
    r"throughout|around|about|as\s+of|as\s+early\s+as|as\s+late\s+as|early|late|later|earlier|"
    r"to|starting|beginning|ending|effective|within)\s+)+|\bover\s+)"
    r"(?:(?:the|this|last|next|a|an)\s+)?$",
    _LEAD_IN_WORDS,
    re.IGNORECASE,
)
_DETERMINERS = frozenset("the a an its his her their our this that these those".split())
_CLOSED = (
    en.PREPOSITIONS
    | en.DETERMINERS
    | en.PRONOUNS
    | en.COORDINATORS
    | en.SUBORDINATORS
    | en.BE
    | en.HAVE
    | en.MODALS
    | en.DO
    | frozenset({"that", "to"})
)
_OPEN_CLOSE = (("“", "”"), ("(", ")"), ("[", "]"))
_PAIRED_MARKS = ("“", "”", "(", ")", "[", "]", '"')
_END_PUNCTUATION = " ,;:—–-("
_END_PUNCTUATION_DOT = _END_PUNCTUATION + "."


def cut_out(text: str, spans: Iterable[tuple[int, int]], offset: int = 0) -> str:
    """``text`` without the date expressions at ``spans`` (offsets in the sentence ``text`` starts
    at ``offset`` of) and the words that introduce them: "resigned on August 24 from his post" ->
    "resigned from his post"; a date before a noun goes alone ("the 1991 agreement" -> "the
    agreement"), a date's possessive becomes "the" ("at Sunday's rollout" -> "at the rollout")."""
    out = text
    for a, b in sorted(spans, reverse=True):
        a, b = a - offset, b - offset
        if b <= 0 or a >= len(out):
            continue
        a, b = max(a, 0), min(b, len(out))
        before, after = out[:a], out[b:]
        if _POSSESSIVE_AFTER.match(after):
            out = before + "the " + _POSSESSIVE_AFTER.sub("", after).lstrip()
            continue
        if not _modifies_noun(before, after):
            before = _LEAD_IN.remove(before)
        elif before.rstrip().lower().endswith(" an") and after.lstrip()[:1].lower() not in "aeiou":
            before = before.rstrip()[:-1]  # "an April 2 report" -> "a report"
        last = before.split()[-1:] if before.strip() else []
        if after.lstrip().startswith(",") and (
            before.rstrip().endswith(",") or (last and last[0].lower() in _DANGLING)
        ):
            after = after.lstrip()[1:]  # "showed that as of January, Apple held" -> "that Apple"
        out = before.rstrip() + " " + after.lstrip()
    return out


def _modifies_noun(before: str, after: str) -> bool:
    """ "the 1991 agreement", "a July 16 press conference": a date between a determiner and its
    noun."""
    last = before.split()[-1:] if before.strip() else []
    nxt = [w.rstrip(",.;:") for w in after.split(None, 1)[:1]]
    return (
        bool(last)
        and last[0].lower() in _DETERMINERS
        and bool(nxt)
        and nxt[0].isalpha()
        and nxt[0].islower()
        and nxt[0] not in _CLOSED
    )


def shorten(text: str, limit: int = MAX_WORDS) -> str:
    """At most ``limit`` words, cut where a clause or an aside begins (else before a preposition);
    "…" only when no phrase ends in time. Words a title cannot end on are dropped."""
    words = text.split()
    if len(words) <= limit:
        return _tail(text)
    cut = _cut_at(words, limit)
    if cut:
        return _tail(" ".join(words[:cut]))
    return _tail(" ".join(words[:limit])) + "…"


def _cut_at(words: list[str], limit: int) -> int:
    """Where to cut: after the last comma or dash in reach, else before the last word that opens a
    clause, else before a preposition; 0 when none is in reach."""
    span = [k for k in range(MIN_WORDS, limit + 1) if not _open_noun_phrase(words[:k])]
    for found in (
        [k for k in span if words[k - 1][-1:] in ",;:" or words[k][:1] in "(—–"],
        [
            k
            for k in span
            if words[k].lower() in _BREAKS
            or words[k] == "-"
            or (words[k].lower() in _AND and k + 1 < len(words) and _verb_form(words[k + 1]))
        ],
        [k for k in span if words[k].lower() in _SOFT_BREAKS],
        [k for k in span if words[k].lower() in _AND],
    ):
        if found:
            return found[-1]
    return 0


def _tail(text: str) -> str:
    """Without what a cut leaves hanging: a conjunction, an article, a comma, a lone quote mark."""
    while True:
        text = balanced(text.rstrip(_END_PUNCTUATION)).rstrip(_END_PUNCTUATION_DOT)
        last = text.rsplit(" ", 1)[-1] if text else ""
        if last.lower().strip("“\"'") in _DANGLING and " " in text:
            text = text[: -len(last)]
            continue
        return text


def _open_noun_phrase(words: list[str]) -> bool:
    """ "came with an updated", "the same": a cut that leaves a noun phrase without its noun."""
    if len(words) < 2 or words[-2].lower() not in ("a", "an", "the"):
        return False
    last = words[-1].strip(",;:")
    return last[:1].islower() and _never_a_noun(last.lower())


@functools.lru_cache(maxsize=16384)  # a lexicon look-up per word; the same words come back
def _never_a_noun(word: str) -> bool:
    """A word the lexicon knows, never as a noun."""
    classes = lexicon.classes(word)
    return bool(classes) and "NOUN" not in classes


def _verb_form(word: str) -> bool:
    forms = en.verb_forms(word.lower()) if word[:1].islower() else None
    return bool(forms and forms[1] & {"VBD", "VBZ"}) or word.lower() in en.MODALS


def balanced(text: str) -> str:
    """Quotation marks and brackets that pair: one the cut left alone is dropped."""
    if not any(mark in text for mark in _PAIRED_MARKS):
        return text.strip()  # most titles have none: nothing to count
    for o, c in _OPEN_CLOSE:
        while text.count(o) > text.count(c):
            i = text.rfind(o)
            text = (text[:i] + text[i + 1 :]).replace("  ", " ")
        while text.count(c) > text.count(o):
            i = text.find(c)
            text = (text[:i] + text[i + 1 :]).replace("  ", " ")
    if text.count('"') % 2:
        i = text.rfind('"')
        text = (text[:i] + text[i + 1 :]).replace("  ", " ")
    return text.strip()


def tidy(text: str, limit: int = MAX_WORDS) -> str:
    """A title from a stretch of text: one line, no leading connective or article, shortened,
    starting with a capital (a name that starts lower-case, "iPhone", stays as it is)."""
    if "(" in text or "[" in text:  # most titles have no brackets: no pass over them
        text = _EDITORIAL.sub("", _EMPTY_BRACKETS.sub(" ", text))
    text = " ".join(text.split()).strip(" ,;:.—–-")
    text = _tight(text)
    text = _LEADING.sub("", text)
    text = _ARTICLE.sub("", text)
    return capitalised(shorten(text, limit))


def _tight(text: str) -> str:
    """No space before a closing mark or after an opening one, in a text whose only spaces are
    single " " (a look for each mark costs less than a pattern tried at every character)."""
    for spaced, mark in _SPACED_MARKS:
        if spaced in text:
            text = text.replace(spaced, mark)
    return text


_CLOSING = ",.;:!?)’”"
_OPENING = "(“‘"
_SPACED_MARKS = tuple((" " + m, m) for m in _CLOSING) + tuple((m + " ", m) for m in _OPENING)


def capitalised(text: str) -> str:
    first = text.split(" ", 1)[0] if text else ""
    if _lower_name(first):
        return text
    return text[:1].upper() + text[1:]


def lower_first(text: str, names: Collection[str]) -> str:
    """The text after "Speaker: " starts in lower case, unless it starts with a name."""
    first = text.split(" ", 1)[0] if text else ""
    word = first.strip("“\"'‘(").removesuffix("’s").removesuffix("'s").rstrip(",.;:")
    if (
        not word
        or word in names
        or word == "I"
        or word.startswith(("I’", "I'"))
        or _lower_name(word)
        or (word.isupper() and len(word) > 1)
        or any(ch.isupper() for ch in word[1:])
    ):
        return text
    at = text.find(word[:1])
    return text[:at] + text[at].lower() + text[at + 1 :]


def _lower_name(word: str) -> bool:
    """ "iPhone", "eBay": a name that starts in lower case."""
    return word[:1].islower() and any(ch.isupper() for ch in word[1:])


# The lookahead first: a capital is rarer than the characters the lookbehind has to look at.
_NAME_INSIDE = re.compile(r"(?=[A-Z])(?<=[\w,;)’'”] )([A-Z][\w’'\-.&]*)")


def names_of(sentences: Iterable[str]) -> frozenset[str]:
    """Words the article capitalises inside its sentences: names, not words that open one."""
    out: set[str] = set()
    for s in sentences:
        for m in _NAME_INSIDE.finditer(s):
            out.add(m.group(1).removesuffix("’s").removesuffix("'s").rstrip(".,"))
    return frozenset(out)


_FLAWED_START = en.PREPOSITIONS | en.COORDINATORS | en.SUBORDINATORS | en.RELATIVES


def flaw(title: str) -> int:
    """How a title falls short of saying who did what, 0 when it does not: 3 empty; 2 a fragment
    (a word or two, or no subject: it opens on a verb, a preposition or a conjunction, "Made its
    first flight", "Having reported record profits"); 1 a subject left as a pronoun, or cut short
    ("…")."""
    words = title.split()
    if not words:
        return 3
    if ": " in title:  # "Speaker: what was said"
        speaker, said = title.split(": ", 1)
        return 2 if len(said.split()) < 2 or not speaker.strip() else int(title.endswith("…"))
    first = words[0].strip("“\"'(")
    low = first.lower()
    if len(words) <= 2 or low in _FLAWED_START or _verb_only(low):
        return 2
    if first[:1].islower() and not _internal_capital(first):
        return 2
    if low in en.PRONOUNS or title.endswith("…"):
        return 1
    return 0


def _internal_capital(word: str) -> bool:
    return any(ch.isupper() for ch in word[1:])


@functools.lru_cache(maxsize=16384)  # a lexicon look-up per word; the same words come back
def _verb_only(word: str) -> bool:
    """A word that can only be a verb ("launched", "having"), not a noun or an adjective."""
    classes = lexicon.classes(word)
    return bool(classes) and classes <= {"VERB", "AUX"}
