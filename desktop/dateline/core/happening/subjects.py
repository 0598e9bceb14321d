"""The subject of a clause: the words before its verb group, without a leading adverbial, a dash or
a subordinator before them or an apposition after them ("On Monday, Steve Jobs, founder of Apple,
has ..." -> "Steve Jobs"), and where they stand, to quote them in a title."""

from __future__ import annotations

from . import english as en
from .words import CLOSED_CLASS, Token


def subject_of(before: list[Token]) -> str:
    """The subject: the words before the verb group, after any leading adverbial ("On Monday, ")
    and without an apposition ("Steve Jobs, founder of Apple, has ...")."""
    words = [t for t in before if t.text not in ("“", "”", '"', "(", ")")]
    commas = [i for i, t in enumerate(words) if t.text == ","]
    if len(commas) >= 2 and commas[-1] == len(words) - 1:
        words = words[: commas[0]]  # Name, apposition, VERB
    elif commas and commas[-1] < len(words) - 1:
        words = words[commas[-1] + 1 :]  # Adverbial, Subject VERB
    words = [t for t in words if t.text != "," and t.low not in en.SUBORDINATORS]
    return " ".join(t.text for t in words).strip()


_OPENING_MARKS = frozenset({"—", "–", "-", ":", ";"})


def subject_bounds(before: list[Token]) -> tuple[int, int] | None:
    """Where ``subject_of``'s subject stands among ``before`` (token indexes, end exclusive), to
    quote it: after a leading adverbial, a dash or a subordinator, without an apposition."""
    keep = [k for k, t in enumerate(before) if t.text not in ("“", "”", '"', "(", ")")]
    adverbs: list[int] = []
    while len(keep) > 1 and _adverb(before[keep[-1]]):
        adverbs.insert(0, keep.pop())  # "Mohamed, 24, allegedly rented": not the subject
    opening = bool(keep) and _opens_adverbial(before[keep[0]])
    commas = [
        n
        for n, k in enumerate(keep)
        # "a hub in Wiesbaden, Germany": one name; after a leading adverbial a comma ends it
        if before[k].text == "," and (opening or not _between_names(before, k))
    ]
    if len(commas) >= 2 and commas[-1] == len(keep) - 1:
        # "the mayor, Ana Silva, has", "During the ceremony, the mayor, Ana Silva, has": the
        # subject before the apposition, after a leading adverbial
        first = before[keep[0]].low
        adverbial = (
            first in _ADVERBIAL_PREPOSITIONS or first in en.SUBORDINATORS or first.endswith("ly")
        )
        keep = keep[commas[0] + 1 : commas[1]] if adverbial else keep[: commas[0]]
    elif (
        commas
        and commas[-1] < len(keep) - 1
        and before[keep[commas[-1] + 1]].low not in ("and", "or")
    ):
        keep = keep[commas[-1] + 1 :]  # after a leading adverbial; "A, B, and C" is one subject
    # "After the vote the council": a preposition; "Since the iPhone was released": a conjunction
    lead = bool(keep) and before[keep[0]].low in _ADVERBIAL_PREPOSITIONS
    if lead and before[keep[0]].low in en.SUBORDINATORS:
        lead = _second_start(before, keep) > 0
    opened = [
        n
        for n, k in enumerate(keep)
        if before[k].text in _OPENING_MARKS
        or (before[k].low in en.SUBORDINATORS and not (lead and n == 0))
    ]
    if opened:
        keep = keep[opened[-1] + 1 :]
    if adverbs and keep and keep[-1] == adverbs[0] - 1 and before[keep[-1]].text != ",":
        keep += adverbs  # "Jobs also", "the world rarely": the adverbs go with the verb
    keep = [k for k in keep if before[k].text != ","]
    if len(keep) > 1 and before[keep[-1]].low in en.PRONOUNS and before[keep[-2]].low != "and":
        keep = keep[-1:]  # "One year later he": a noun phrase does not end on "he"
    if len(keep) > 1 and before[keep[0]].low == "that":
        keep = keep[1:]  # "... and that applications can be": the word that opens what was said
    if len(keep) > 1 and before[keep[0]].low in _ADVERBIAL_PREPOSITIONS:
        # "During his speech he", "In 1998 Apple": the subject after a leading phrase
        start = _second_start(before, keep)
        if start > 0:
            keep = keep[start:]  # "During his speech he", "During the case Apple Corps"
    return (keep[0], keep[-1] + 1) if keep else None


def _second_start(before: list[Token], keep: list[int]) -> int:
    """Where a subject starts after a leading phrase with no comma (index into ``keep``, 0 when
    none does): a pronoun at the end ("During his speech he"), a name at the end ("In 1998
    Apple"), else the last determiner after the phrase's own ("For weeks the government")."""
    if before[keep[-1]].low in en.PRONOUNS:
        return len(keep) - 1
    n = len(keep)
    while n > 1 and before[keep[n - 1]].text[:1].isupper():
        n -= 1
    if n < len(keep):
        return n
    dets = [m for m in range(2, len(keep)) if before[keep[m]].low in en.DETERMINERS]
    return dets[-1] if dets else 0


# Prepositions that open a leading adverbial without a comma ("During his speech he said").
_ADVERBIAL_PREPOSITIONS = frozenset(
    "in on at during after before since until for throughout following despite".split()
)


def _opens_adverbial(t: Token) -> bool:
    """ "In", "According", "When", "Found" (a participle): a word a leading adverbial opens on."""
    if t.low in en.PREPOSITIONS or t.low in en.SUBORDINATORS or t.low == "according":
        return True
    forms = en.verb_forms(t.low)
    return bool(forms and forms[1] & {"VBN", "VBG"} and "VBZ" not in forms[1])


def _adverb(t: Token) -> bool:
    return t.text[:1].islower() and (t.low in en.GROUP_ADVERBS or t.low.endswith("ly"))


def _between_names(toks: list[Token], k: int) -> bool:
    """ "Wiesbaden, Germany": a place and its country, one name (one capitalised word after the
    comma; "in San Francisco, Apple CEO Steve Jobs" ends an adverbial)."""
    return (
        1 < k < len(toks) - 1  # "However, Jobs": a word alone before the comma opens the clause
        and toks[k - 1].text[:1].isupper()
        and toks[k + 1].text[:1].isupper()
        and toks[k + 1].low not in CLOSED_CLASS
        and toks[k + 1].low not in en.PRONOUNS
        and toks[k + 1].low not in en.DETERMINERS
        and (k + 2 >= len(toks) or not toks[k + 2].text[:1].isupper())
        and not toks[k + 1].low.endswith(("'s", "’s"))
    )


_UNNAMED_OPENERS = frozenset({"a", "an", "one", "another", "the"})
_UNNAMED_ENDS = frozenset({"who", "and", "that", "which", "in", "at", "of", "for", "with", "on"})


def inverted_subject(after: list[Token], reporting: bool = False) -> str:
    """ "..., said Apple CEO Steve Jobs": the names right after the verb; after "said" or "added",
    an unnamed speaker too ("..., said a Frankfurt trader", "said one analyst at the bank")."""
    if reporting and after and after[0].low in _UNNAMED_OPENERS:
        words = []
        for t in after[:6]:
            if t.low in _UNNAMED_ENDS or not t.text[:1].isalnum():
                break
            words.append(t.text)
        return " ".join(words) if len(words) > 1 else ""
    words = []
    for t in after:
        if not t.text[:1].isupper() and t.low not in ("of",):
            break
        words.append(t.text)
    return " ".join(words)
