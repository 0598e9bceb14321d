"""A past participle that tells of the noun before it, with its own date: "the fund approved in
October", "a plant opened in 1995". ``segments`` cuts the sentence before it, so the date dates that
participle and not the clause's verb ("the ministry would draw on the fund | approved in October")."""

from __future__ import annotations

from . import english as en
from .words import CLOSED_CLASS, Token

IN_ON = frozenset({"in", "on"})
_DATE_WORDS = frozenset(
    """january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday early late mid""".split()
)


def dated_participle(toks: list[Token], k: int) -> bool:
    """A past participle right after its noun and right before a date, with no comma: "the fund
    approved in October", "a plant opened in 1995" tell of that noun, not of the clause's verb."""
    if k + 2 >= len(toks) or toks[k + 1].low not in IN_ON:
        return False
    t, prev, when = toks[k], toks[k - 1], toks[k + 2].low
    if not (when in _DATE_WORDS or (len(when) == 4 and when.isdigit())):
        return False
    if any(w.text.endswith(("'s", "’s")) for w in toks[k + 2 : k + 5]):
        return False  # "raised in Saturday night's debate": the date is the debate's
    forms = en.verb_forms(t.low) if t.text[:1].islower() else None
    if not forms or "VBN" not in forms[1] or forms[0] in en.REPORTING:
        return False  # "..., an official from the organization said on Wednesday": its verb
    if any(w.text == "," for w in toks[max(0, k - 8) : k]):
        return False  # after an aside or a list the noun may be a subject: no cut on a guess
    low = prev.low
    if low in CLOSED_CLASS or low in en.DETERMINERS or low in en.PRONOUNS or low.endswith("ly"):
        return False
    if low in en.PREPOSITIONS or low in en.GROUP_ADVERBS:
        return False
    return (
        prev.text[:1].isupper()
        or any(c.isdigit() for c in prev.text)
        or en.noun_lemma(low) is not None
    )
