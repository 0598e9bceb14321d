"""Who a dated sentence attributes a statement to: the speech verbs and nouns of news copy, the
names before and after them, and the speaker a date dates the statement of ("Rutte said Wednesday",
"X told a press conference on Wednesday", "he said" resolved to the article's last speaker).

Heuristics over surface text (no parser), like ``eventtext``, which titles what such a statement said.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .calendar_words import MONTHS, WEEKDAYS
from .tailmatch import TailPattern

SPEECH_VERBS = (
    "said|says|say|told|tells|announced|announces|announce|confirmed|confirms|added|adds|stated|"
    "declared|warned|warns|stressed|noted|insisted|argued|acknowledged|explained|promised|vowed|"
    "urged|claimed|denied|revealed|disclosed|admitted|pledged to|wrote|tweeted|posted"
)
_SPEECH_VERB = re.compile(rf"\b(?:{SPEECH_VERBS})\b")
_SPEECH_NOUN = re.compile(
    r"\b(?:press|news) conference|\bpress briefing|\bbriefing|\binterview|\bspeech|\baddress|\bstatement"
)
NAME = r"(?:[A-Z][\w’'\-]+(?:\s+(?:[A-Z][\w’'\-]+|de|van|von|bin|al-?))*)"
_PRONOUNS = {"he", "she", "they", "we", "i"}
_PREPOSITIONS = (
    "on|in|at|during|by|since|until|till|from|for|of|before|after|through|throughout|around|"
    "about|as of|early|late|later|earlier|over|to"
)
LEADING_PREPOSITION = TailPattern(
    rf"(?:\b(?:{_PREPOSITIONS})\s+)+$", _PREPOSITIONS.replace("|", " ").split(), re.IGNORECASE
)


_NAMES = re.compile(NAME)
_VERB_ENDING = re.compile(rf"\b({SPEECH_VERBS})\b((?:\s+[\w’'\-]+){{0,4}}?)\s*$")
_VERB_OPENING = re.compile(rf"^\s*,?\s*(?:{NAME}\s+)?({SPEECH_VERBS})\b")
_CLAUSE_PUNCTUATION = re.compile(r"[,;“”\"—]")
_VERB_THEN_NAME_AT = re.compile(rf"\s*(?:{SPEECH_VERBS})\s+({NAME})")
_PRONOUN_ENDING = re.compile(r"\b(he|she|they|we|I)\s*$", re.I)
_NAME_THEN_VERB = re.compile(rf"({NAME})\s+(?:{SPEECH_VERBS})\b")
_NAME_NEAR_VERB = re.compile(rf"({NAME})\s+(?:[\w’'\-]+\s+){{0,2}}(?:{SPEECH_VERBS})\b")
_VERB_THEN_NAME = re.compile(rf"\b(?:{SPEECH_VERBS})\s+({NAME})")
_NAME_THEN_APPOSITION = re.compile(rf"\s*({NAME}),[^,;:]{{1,80}},\s*$")


# Words that open a run of capitalised words without being part of the name after them.
_BEFORE_NAMES = frozenset("the a an in on at during nato eu u.s".split())
_CORPORATE = frozenset("Inc Inc. Corp Corp. Co Co. Ltd Ltd. LLC Plc PLC AG SA NV".split())


def surname(name: str) -> str:
    """The last name of a person, or the name of a company without its legal suffix."""
    parts = [p for p in name.split() if p[:1].isupper() and p not in _CORPORATE]
    if not parts:
        return ""
    last = parts[-1]
    for suffix in ("'s", "’s"):
        last = last.removesuffix(suffix)
    return last.rstrip("’'.,")


def last_name_before(text: str) -> str:
    names = _NAMES.findall(text)
    for name in reversed(names):
        first = name.split()[0]
        if first.lower() in _BEFORE_NAMES or _linking_word(first):
            name = " ".join(name.split()[1:])
        if name.lower() in _PRONOUNS or name.lower() == "it":
            continue  # "He said on Wednesday": a capitalised pronoun, resolved by the caller
        if name and not name.isupper():
            return name
    return ""


_ATTRIBUTION_AFTER = re.compile(rf"\s*,\s*(?:{NAME}\s+|(?:he|she|it|they)\s+)({SPEECH_VERBS})\b")


def attribution_after(sentence: str, at: int) -> bool:
    """Does an attribution set off by a comma follow ``at`` ("..., Airbus said", ", it said")?"""
    return _ATTRIBUTION_AFTER.match(sentence, at) is not None


def find_speaker(
    sentence: str, rel_start: int, rel_end: int, last_speaker: str | Callable[[], str]
) -> tuple[str, bool]:
    """If the date at [rel_start, rel_end) of ``sentence`` dates a statement, return (speaker, True).

    Covers "X said Wednesday", "X told a press conference on Wednesday", "I can announce today",
    "X on Wednesday said", "During a press conference on Wednesday, X confirmed", and pronouns
    resolved to the last speaker of the article. ``last_speaker`` may be a function that finds them:
    few statements need them, and finding them means reading every earlier sentence.
    """
    before = sentence[max(0, rel_start - 60) : rel_start]
    after = sentence[rel_end : rel_end + 60]
    before_clean = LEADING_PREPOSITION.remove(before)
    # "said Wednesday", "told a press conference on Wednesday", "announce today"
    m = _VERB_ENDING.search(before_clean)
    attached = bool(m)
    verb_pos = (rel_start - len(before)) + m.start() if m else -1
    if not attached:
        # "Rutte on Wednesday said", "Wednesday, Rutte said"
        m2 = _VERB_OPENING.match(after)
        if m2:
            attached = True
            verb_pos = rel_end + m2.start(1)
    if not attached and _SPEECH_NOUN.search(before_clean[-40:]):
        attached = True
        m3 = _SPEECH_VERB.search(sentence, rel_end)
        verb_pos = m3.start() if m3 else -1
    if not attached:
        return "", False
    # Who speaks: the name before the verb in the same clause, an inverted "said Rutte", or a pronoun.
    speaker = ""
    if verb_pos >= 0:
        head = sentence[:verb_pos]
        clause_head = _CLAUSE_PUNCTUATION.split(head)[-1]
        speaker = last_name_before(clause_head)
        if not speaker:
            # "Steve Jobs, the chief executive of Apple Inc., announced ...": the name before an apposition
            opening = _NAME_THEN_APPOSITION.match(head)
            if opening:
                speaker = opening.group(1)
        if not speaker:
            tail = _VERB_THEN_NAME_AT.match(sentence, verb_pos)
            if tail and not _calendar_name(tail.group(1)):
                speaker = tail.group(1)
        if not speaker:
            pron = _PRONOUN_ENDING.search(clause_head.strip())
            if (
                pron
                or clause_head.strip().lower() in _PRONOUNS
                or sentence.lstrip().startswith("“")
            ):
                speaker = last_speaker if isinstance(last_speaker, str) else last_speaker()
        if not speaker:
            # "During a press conference on Wednesday, Rutte confirmed ..."
            rest = sentence[rel_end:]
            m4 = _NAME_THEN_VERB.search(rest)
            if m4:
                speaker = m4.group(1)
    return surname(speaker) if speaker else "", True


def sentence_speaker(sentence: str) -> str:
    """The surname of whoever the sentence quotes, if anyone (for resolving a later "he said")."""
    m = _NAME_NEAR_VERB.search(sentence)
    if m:
        name = last_name_before(m.group(1)) or m.group(1)
        # "He said ...": not a name; the speaker is whoever an earlier sentence named
        return "" if name.lower() in _PRONOUNS or name.lower() == "it" else surname(name)
    m = _VERB_THEN_NAME.search(sentence)
    return surname(m.group(1)) if m and not _calendar_name(m.group(1)) else ""


# Conjunctions and the adverbs that link a sentence to the one before ("But they said", "Yet
# officials said", "Meanwhile, he said"): capitalised where they open one, never who spoke.
_LINKING = frozenset(
    """and but or nor yet so then also still however meanwhile moreover furthermore nevertheless
    nonetheless instead thus hence indeed separately later earlier now again besides otherwise
    likewise similarly consequently accordingly""".split()
)


def _linking_word(word: str) -> bool:
    return word.lower().rstrip(",") in _LINKING


def _calendar_name(name: str) -> bool:
    """ "announced Monday", "said March 3": a day or a month, not who spoke ("said May" may be)."""
    first = name.split()[0].lower()
    return first in WEEKDAYS or (first in MONTHS and first != "may")
