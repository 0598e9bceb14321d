"""The verb group of a clause: where it starts, its lemma, tense and voice, and the clause's subject.

Heuristics over lemminflect's verb forms (``english.verb_forms``): a form that can be a noun or an
adjective is taken for the verb only where a verb can stand (after a subject, not after a determiner
or a preposition), an auxiliary gives the tense, and "plans to" / "decided to" hand the happening over
to the verb they govern.
"""

from __future__ import annotations

from . import english as en
from .words import (
    CLOSED_CLASS,
    COMPLEMENT,
    COORDINATE,
    FUTURE,
    MODAL,
    NONFINITE,
    PAST,
    PERFECT,
    PLUPERFECT,
    PRESENT,
    SUBORDINATE,
    Token,
)

Group = tuple[int, Token, str, str, bool, bool, bool]


def verb_group(
    seg: list[Token], headline: bool, role: str, title_case: bool = False, after_aux: bool = False
) -> tuple[int, Token, str, str, bool, bool, bool] | None:
    """(index where the group starts, main verb, lemma, tense, passive, negated, prospective).

    Capitalised words are names, but for the closed-class words that open a sentence ("Was",
    "Has") and in a title-case headline, where every word is capitalised. ``after_aux``: the part
    is coordinated after a clause with an auxiliary ("would cut jobs and close plants"), so it may
    open on a bare verb that shares it."""
    n = len(seg)
    k = 0
    if role != SUBORDINATE and (
        seg[0].low in en.PREPOSITIONS or seg[0].low in ("following", "despite", "according")
    ):
        # A leading adverbial ("During a media event held at its headquarters, Apple released"):
        # the verb comes after it; "since Dow Jones launched the offer on Sept. 26, but" is a
        # clause of its own, its verb before the comma.
        comma = next((i for i, t in enumerate(seg) if t.text == ","), None)
        # not the comma that ends the part, nor one only "and" or "but" follows in the sentence's
        # first part ("From 2001 to 2004 the firm lost money, but")
        if comma is not None and comma < n - 1:
            ends = seg[0].start == 0 and all(t.low in en.COORDINATORS for t in seg[comma + 1 :])
            k = 0 if ends or _subject_after_adverbial(seg, comma) else comma + 1
    while k < n:
        t = seg[k]
        low = t.low
        if low == "to" and headline and k + 1 < n and k > 0:
            # A headline's "Apple to give free cases": what will happen.
            nxt = en.verb_forms(seg[k + 1].low)
            if nxt and "VB" in nxt[1]:
                return (k, seg[k + 1], _governed(seg, k + 1), FUTURE, False, False, True)
        if t.text[:1].isupper() and (k > 0 or low not in CLOSED_CLASS) and not title_case:
            k += 1
            continue
        contracted = _CONTRACTED.get(low[:-3]) if low.endswith(("n't", "n’t")) else None
        is_aux, got = _aux_group(seg, k, contracted or low) if contracted or low in _AUX else _NO
        if is_aux:
            if got is not None and contracted:
                # "couldn't be reached", "didn't say": the auxiliary, negated
                at, verb, lemma, tense, passive, _, prospective = got
                return (at, verb, lemma, tense, passive, True, prospective)
            return got
        if low in en.DO:
            got = _after_aux(seg, k, PAST if low == "did" else PRESENT)
            if got is not None:
                return got
        forms = en.verb_forms(low)
        if forms and _finite_here(seg, k, forms[1], headline, role, after_aux):
            lemma, tags = forms
            tense = PAST if "VBD" in tags and not (headline and "VBZ" in tags) else PRESENT
            to = _to_after(seg, k) if lemma in en.GOVERNING else None
            if to is not None:
                # "set to be operational", "decided to close", "agreed on Sunday to buy": the
                # happening is what follows
                planned = lemma in en.PROSPECTIVE
                return (k, t, _governed(seg, to + 1), tense, False, False, planned)
            return (k, t, _phrasal(seg, k, lemma), tense, False, False, False)
        k += 1
    return None


_ARTICLES = frozenset({"the", "a", "an", "its", "their", "his", "her"})
# what a leading phrase's time ends on ("On Monday", "In the past two months", "In 1986")
_PHRASE_ENDS = frozenset(
    "today yesterday week weekend month months year years quarter morning afternoon evening "
    "night".split()
)


def _subject_after_adverbial(seg: list[Token], comma: int) -> bool:
    """ "On Monday the Dow soared 936 points, its biggest gain, after ...": a noun phrase opens
    right after the leading phrase's date, before the comma, so the clause's verb is there too."""
    return any(
        seg[d].low in _ARTICLES
        and (
            seg[d - 1].text[:1].isupper()
            or seg[d - 1].text.isdigit()
            or seg[d - 1].low in _PHRASE_ENDS
        )
        for d in range(2, comma)
    )


# The auxiliary of a contraction with "n't" ("could" for "couldn't", "will" for "won't").
_CONTRACTED = {
    "could": "could", "would": "would", "should": "should", "must": "must", "might": "might",
    "ca": "can", "wo": "will", "sha": "shall", "did": "did", "does": "does", "do": "do",
    "was": "was", "were": "were", "is": "is", "are": "are", "has": "has", "have": "have",
    "had": "had", "need": "need",
}  # fmt: skip


_AUX = en.MODALS | en.HAVE | en.BE  # the words ``_aux_group`` reads, besides a contracted "do"
_NO: tuple[bool, None] = (False, None)


def _aux_group(
    seg: list[Token], k: int, low: str
) -> tuple[bool, tuple[int, Token, str, str, bool, bool, bool] | None]:
    """Whether ``seg[k]`` (read as ``low``) is a modal, "have" or "be" (or a contracted "do"), and
    the verb group it opens (None after a modal without a verb: the part has none)."""
    t = seg[k]
    if low in en.MODALS:
        tense = FUTURE if low in ("will", "'ll", "shall", "wo") else MODAL
        return True, _after_aux(seg, k, tense, low)
    if low in en.HAVE and low != "having":
        got = _after_aux(seg, k, PLUPERFECT if low in ("had", "'d") else PERFECT, low)
        return True, got or (k, t, "have", PAST if low == "had" else PRESENT, False, False, False)
    if low in en.BE and low not in ("be", "been", "being"):
        got = _after_aux(seg, k, PAST if low in ("was", "were") else PRESENT, low)
        tense = PAST if low in ("was", "were") else PRESENT
        return True, got or (k, t, _copula(seg, k), tense, False, False, False)
    if low in en.DO and t.low != low:
        got = _after_aux(seg, k, PAST if low == "did" else PRESENT, low)
        return got is not None, got
    return False, None


def _finite_here(
    seg: list[Token],
    k: int,
    tags: frozenset[str],
    headline: bool,
    role: str,
    after_aux: bool = False,
) -> bool:
    """A verb form at ``seg[k]`` is the clause's finite verb, not a noun or an adjective."""
    if k == 0:
        # A clause opening on its verb shares the subject before it ("... and took"), or names it
        # after ("..., said Jobs"); "set to be operational" after a noun is a planned happening.
        if role == NONFINITE and len(seg) > 2 and seg[1].low == "to":
            return "VBN" in tags
        if seg[0].text[:1].isupper():
            return False
        if not tags & {"VBD", "VBZ"}:
            # "would cut jobs and close plants": a bare verb sharing the auxiliary before
            return after_aux and role == COORDINATE and "VB" in tags
        if role == COORDINATE and "VBZ" in tags and _verb_next(seg, 0):
            return False  # "and wages fell": a plural noun before the verb
        lemma = en.verb_forms(seg[0].low)
        return role == COORDINATE or bool(lemma and lemma[0] in en.REPORTING)
    if seg[k].low == "compared" and k + 1 < len(seg) and seg[k + 1].low in ("to", "with"):
        return False  # "if compared to the $565 million": a comparison
    j = k - 1
    while j > 0 and seg[j].low in en.GROUP_ADVERBS:
        j -= 1
    prev = seg[j].low
    nxt = seg[k + 1].low if k + 1 < len(seg) else ""
    if "VBN" in tags and _ly_adverb(prev) and j and _quantifier(seg[j - 1]):
        return False  # "10,000 newly created shares", "the recently announced iPhone"
    if prev in en.DETERMINERS or prev in en.PREPOSITIONS or prev == "to":
        # "the recently announced iPhone" is an adjective; "soon after reassumed the role" a verb.
        only_past = "VBD" in tags and "VBN" not in tags
        return only_past or (
            bool(tags & {"VBD", "VBN"})
            and (
                nxt in en.DETERMINERS
                or nxt in en.PRONOUNS
                or (nxt in _OBJECT_PRONOUNS and prev != "to")  # "to let them": a bare verb
            )
        )
    if "VBD" in tags:
        # "a media event held at": a participle, when a verb follows ("the revenue of the company
        # made up $7bn" has no other)
        return not ("VBN" in tags and _in_phrase(seg, k, role) and _verb_later(seg, k))
    if "VBZ" in tags:
        joined = nxt in ("and", "or")  # "U.S. allies and other members have objected"
        if _verb_next(seg, k) or ((_named_plural(seg, k) or joined) and _verb_later(seg, k)):
            # "NATO allies committed", "a maker of Western boots ... said": a plural noun
            return False
        if headline and seg[k].low in en.NOUNS_FIRST and _verb_next(seg, k, present=True):
            return False  # "Harbour fees rise": the noun, then the verb
        return headline or _subject_like(seg[k - 1])
    if after_aux and role == COMPLEMENT and "VB" in tags and seg[k].low != "be":
        return _subject_like(seg[k - 1])  # "demanded that workers give up": what is asked for
    if "VBP" in tags:
        # "they rise"; in a headline, after a plural noun: "Toyota sales rise", "Oil prices fall"
        return prev in ("they", "we", "i", "you") or (
            headline and seg[k - 1].text[:1].islower() and en.plural_noun(seg[k - 1].low)
        )
    return False


_OBJECT_PRONOUNS = frozenset({"him", "them", "us", "me"})  # "a ruling that cleared him"


def _verb_next(seg: list[Token], k: int, present: bool = False) -> bool:
    """A verb right after ``seg[k]`` (``present``: a headline's present plural counts too)."""
    while k + 2 < len(seg) and (seg[k + 1].low in en.GROUP_ADVERBS or _ly_adverb(seg[k + 1].low)):
        k += 1  # "European markets also fell": past the adverb
    if k + 1 >= len(seg):
        return False
    nxt = seg[k + 1]
    if nxt.low in CLOSED_CLASS:
        return True
    forms = en.verb_forms(nxt.low) if nxt.text[:1].islower() else None
    return bool(forms and ("VBD" in forms[1] or (present and "VBP" in forms[1])))


def _in_phrase(seg: list[Token], k: int, role: str = "") -> bool:
    """Whether the noun before ``seg[k]`` sits in a prepositional phrase ("during a media event").
    A subordinate clause's first word is its conjunction ("after senators demanded"), no
    preposition."""
    first = max(1 if role == SUBORDINATE else 0, k - 5)
    window = seg[first:k]
    for i in range(len(window) - 1, -1, -1):
        t = window[i]
        if t.low in en.PREPOSITIONS:
            # "Thousands of Airbus workers protested", "Shares of GM fell": an "of" with no
            # phrase before it is inside the subject
            return t.low != "of" or any(w.low in en.PREPOSITIONS for w in seg[: first + i])
        if t.text in (",",) or t.low in en.PRONOUNS or en.verb_forms(t.low):
            return False  # "In 1986 he bought": a subject before the verb
        if t.low in en.DETERMINERS and i and window[i - 1].low not in en.PREPOSITIONS:
            return False  # "On Monday the Dow soared": a noun phrase after the phrase's own
    return False


def _verb_later(seg: list[Token], k: int) -> bool:
    """A finite verb after ``seg[k]`` in the part: the clause's verb may be that one."""
    prev = seg[k].low
    for t in seg[k + 1 :]:
        if t.text in (",", ";") or t.low in en.SUBORDINATORS or t.low in en.RELATIVES:
            return False
        if t.low in CLOSED_CLASS:
            return True
        forms = en.verb_forms(t.low) if t.text[:1].islower() else None
        # "added cameras to its phones": a form after a determiner is a noun ("its phones"), and
        # a plural right after the verb its object ("staged protests")
        after_noun_word = prev in en.DETERMINERS or prev in en.PREPOSITIONS
        if forms and forms[1] & {"VBD", "VBZ"} and not after_noun_word:
            return "VBD" in forms[1] or t is not seg[k + 1]
        prev = t.low
    return False


def _quantifier(t: Token) -> bool:
    return t.low in en.DETERMINERS or t.text[:1].isdigit()


def _ly_adverb(word: str) -> bool:
    return word.endswith("ly") and en.noun_lemma(word) is None  # "newly", not "family"


def _named_plural(seg: list[Token], k: int) -> bool:
    """A plural after a preposition and a name ("at GM plants", "of Western boots"): a noun."""
    return k >= 2 and seg[k - 2].low in en.PREPOSITIONS and seg[k - 1].text[:1].isupper()


def _subject_like(t: Token) -> bool:
    return t.text[:1].isupper() or t.low in en.PRONOUNS or t.text[:1].isalpha()


def _after_aux(
    seg: list[Token], k: int, tense: str, aux: str = ""
) -> tuple[int, Token, str, str, bool, bool, bool] | None:
    """The group an auxiliary at ``seg[k]`` (read as ``aux``) opens: the verb after it (adverbs
    and "not" skipped)."""
    negated = False
    passive = False
    prospective = False
    j = k + 1
    aux = aux or seg[k].low
    while j < len(seg):
        low = seg[j].low
        if low in en.NEGATION or low.endswith("n't"):
            negated = True
        elif low in en.GROUP_ADVERBS:
            pass
        elif low in ("been", "be", "being"):
            passive = True  # provisional: "has been" + participle
            if j + 1 < len(seg) and seg[j + 1].low in en.BECOMING:
                return (k, seg[j + 1], "be_" + seg[j + 1].low, tense, False, negated, prospective)
        elif low == "due" and j + 2 < len(seg) and seg[j + 1].low == "to":
            # "had been due to receive it in May": the happening planned
            return (k, seg[j + 2], _governed(seg, j + 2), tense, False, negated, True)
        elif low == "going" and j + 1 < len(seg) and seg[j + 1].low == "to":
            return (k, seg[j + 2] if j + 2 < len(seg) else seg[j], _lemma(seg, j + 2), FUTURE,
                    False, negated, True)  # fmt: skip
        else:
            forms = en.verb_forms(low)
            if not forms:
                if passive and seg[j - 1].low in ("be", "been"):
                    # "would be eligible": a copula, what follows says what something is
                    return (k, seg[j - 1], _copula(seg, j - 1), tense, False, negated, prospective)
                return None
            lemma, tags = forms
            if aux in en.BE and "VBG" not in tags and "VBN" not in tags:
                return None
            if aux in ("has", "have", "had") and not passive and "VBN" not in tags:
                return None  # "has options on six more": "have" is the verb
            is_passive = "VBN" in tags and (aux in en.BE or passive)
            to = _to_after(seg, j) if lemma in en.GOVERNING else None
            if to is not None:
                planned = lemma in en.PROSPECTIVE
                return (k, seg[j], _governed(seg, to + 1), tense, is_passive, negated, planned)
            if (
                aux in en.BE
                and is_passive
                and lemma in ("schedule", "slate", "set", "expect", "due")
            ):
                prospective = True
            return (k, seg[j], _phrasal(seg, j, lemma), tense, is_passive, negated, prospective)
        j += 1
    return None


def _phrasal(seg: list[Token], j: int, lemma: str) -> str:
    """ "stepped down" -> "resign", "closed down 3.2 percent" -> "fall" (``english.phrasal``)."""
    if j + 1 >= len(seg):
        return lemma
    return en.phrasal(lemma, seg[j + 1].low, seg[j + 2].text if j + 2 < len(seg) else "")


# A day told between a verb and its "to" ("agreed on Sunday to buy", "voted late Monday to strike").
_DAY_BETWEEN = frozenset(
    """on late early last this yesterday today tonight monday tuesday wednesday thursday friday
    saturday sunday morning afternoon evening night""".split()
)


def _to_after(seg: list[Token], k: int) -> int | None:
    """Where the "to" after the verb at ``seg[k]`` stands, past a day told between them; None
    when no verb follows it."""
    j = k + 1
    while j < len(seg) and j - k <= 4 and seg[j].low in _DAY_BETWEEN:
        j += 1
    return j if j + 1 < len(seg) and seg[j].low == "to" else None


def _governed(seg: list[Token], j: int) -> str:
    """The verb after "to" at ``seg[j]`` ("be operational" -> "be_operational"; "be acquired"
    -> "acquire": a happening told in the passive)."""
    if seg[j].low == "be":
        copula = _copula(seg, j)
        k = j + 1
        while k < len(seg) and seg[k].low in en.GROUP_ADVERBS:
            k += 1
        if copula == "be" and k < len(seg) and seg[k].text[:1].islower():
            forms = en.verb_forms(seg[k].low)
            if forms and "VBN" in forms[1] and forms[0] not in en.STATIVE:
                return _phrasal(seg, k, forms[0])
        return copula
    return _phrasal(seg, j, _lemma(seg, j))


def _copula(seg: list[Token], k: int) -> str:
    """ "be", or "be_operational" when what follows says what something became."""
    for t in seg[k + 1 : k + 3]:
        if t.low in en.BECOMING:
            return "be_" + t.low
        if t.low not in en.GROUP_ADVERBS:
            break
    return "be"


def _lemma(seg: list[Token], j: int) -> str:
    if j >= len(seg):
        return ""
    forms = en.verb_forms(seg[j].low)
    return forms[0] if forms else seg[j].low
