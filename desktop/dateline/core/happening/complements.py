"""Where what was said opens after a reporting verb: "said that ...", "said Wednesday the alliance is
...", "said the company expects ...", "told reporters on Friday the bridge would ...".

``clauses`` cuts a sentence where these tests say a complement begins; the words of whom a "tell" verb
addresses and the day it was told stay with the telling.
"""

from __future__ import annotations

from . import english as en
from .words import CLOSED_CLASS, Token

QUOTES = frozenset('“”"')

TIME_WORDS = frozenset(
    """today yesterday tonight monday tuesday wednesday thursday friday saturday sunday""".split()
)


def bare_complement(toks: list[Token], k: int) -> bool:
    """What was said, right after the reporting verb (and its day) and without "that"."""
    j = k - 1
    if toks[j].low in TIME_WORDS and j > 0:
        j -= 1  # "said Wednesday the alliance is on track"
        if toks[j].low == "on" and j > 0:
            j -= 1  # "said on Wednesday the alliance ..."
    verb = toks[j]
    first = toks[k]
    if verb.text[:1].isupper() or first.low in ("that", "to") or not first.text[:1].isalnum():
        return False
    if j > 0 and toks[j - 1].low in ("a", "an", "the"):
        return False  # "an estimated 20,000 GIs": an adjective, not a reporting verb
    if first.low in en.PREPOSITIONS or first.low in en.GROUP_ADVERBS or first.low in TIME_WORDS:
        return False
    forms = en.verb_forms(verb.low)
    if not forms or forms[0] not in en.REPORTING or not forms[1] & {"VBD", "VBZ"}:
        return False
    for at, t in enumerate(toks[k + 1 : k + 10], k + 1):
        if t.text in (",", ";", ":") or t.text in QUOTES:
            return False
        if t.low in CLOSED_CLASS and t.low not in ("be", "been", "being"):
            return True
        vf = en.verb_forms(t.low) if t.text[:1].islower() else None
        if vf and "VBD" in vf[1] and ("VBN" not in vf[1] or _subject_then_past(toks, k, at)):
            return True
        if vf and "VBZ" in vf[1] and en.noun_lemma(t.low) in (None, t.low):
            return True  # "said the company expects to ...", not "announced the results"
    return False


def _subject_then_past(toks: list[Token], k: int, at: int) -> bool:
    """ "said the company remained", "said Airbus planned": a past form (the same as its
    participle) right after a short subject is the verb of what was said, unless "by" follows it
    ("said the plan approved by the board")."""
    name = toks[k].text[:1].isupper() and not toks[k].low.endswith(("'s", "’s"))
    short = (at == k + 2 and toks[k].low in _OWNERS) or (at == k + 1 and name)
    return short and (at + 1 >= len(toks) or toks[at + 1].low != "by")


_OWNERS = frozenset({"the", "its", "their", "his", "her"})


def told_whom(toks: list[Token], k: int) -> int:
    """How many words at ``k`` name whom a "tell" verb before addresses, with the day it was told
    ("told reporters on Friday the company has ...", "told the radio station it would ..."): they
    belong to the telling, not to what was told."""
    j = k - 1 if toks[k - 1].low not in TIME_WORDS else k - 2
    forms = en.verb_forms(toks[j].low) if j >= 0 else None
    if not forms or forms[0] != "tell" or not toks[k].text[:1].isalpha():
        return 0
    n = len(toks)
    m = 1
    if toks[k].low in en.DETERMINERS and k + 1 < n:  # "his Cabinet", "the radio station"
        m = 2
        while m < 4 and k + m < n and toks[k + m].text[:1].islower() and not opens(toks[k + m]):
            m += 1
    if k + m < n and toks[k + m].low == "on" and k + m + 1 < n:
        m += 1  # "told reporters on Friday"
    if k + m < n and toks[k + m].low in TIME_WORDS:
        m += 1
    if k + m < n and toks[k + m].low == "that":
        return m + 1
    return m if k + m < n and opens(toks[k + m]) else 0


def opens(t: Token) -> bool:
    """A word a clause may open on: a name, a number, a determiner or a pronoun."""
    return (
        t.text[:1].isupper()
        or t.text[:1].isdigit()
        or t.low in en.DETERMINERS
        or (t.low in en.PRONOUNS)
    )


def said_just_before(toks: list[Token], k: int) -> bool:
    """A reporting verb right before ``k``, or before the day it was said ("said on Monday")."""
    j = k - 1
    if j > 0 and toks[j].low in TIME_WORDS:
        j -= 1
        if j > 0 and toks[j].low == "on":
            j -= 1
    return after_reporting(toks, j + 1, 2)


def after_reporting(toks: list[Token], k: int, back: int = 4) -> bool:
    """ "that" opening what was said: a reporting verb just before, or after its object."""
    reporting = en.reporting_forms()
    return any(t.low in reporting for t in toks[max(0, k - back) : k])
