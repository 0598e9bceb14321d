"""Where the clauses of a news sentence begin, and the role of each part: main, coordinate,
subordinate, relative, what was said, or a participle or gerund phrase.

Clause markers, not a parser: a comma before "which", "and" before a verb, "that" after a reporting
verb, a quotation, a leading "When ...,"; ``verbs`` tells whether a part has its finite verb.
"""

from __future__ import annotations

import functools

from . import english as en
from .complements import (
    QUOTES,
    TIME_WORDS,
    after_reporting,
    bare_complement,
    said_just_before,
    told_whom,
)
from .participles import IN_ON, dated_participle
from .verbs import verb_group
from .words import (
    CLOSED_CLASS,
    COMPLEMENT,
    COORDINATE,
    MAIN,
    NONFINITE,
    RELATIVE,
    SUBORDINATE,
    Token,
)

# Subordinators that are never prepositions: a clause follows them.
_CONJUNCTIONS_ONLY = frozenset({"while", "when", "because", "although", "though", "whereas"})


Part = tuple[int, int, str, "tuple[int, int] | None"]


def segments(toks: list[Token]) -> list[Part]:
    """(first token, end token, role, subject) of each part of the sentence. ``subject`` is set on
    a part that carries on a clause an aside interrupted ("The treaty, which was signed in 1992, |
    was ratified in 1994"): the tokens of that clause's subject (before the aside)."""
    cutter = _Cutter(toks)
    quoted, after = cutter.quoted, cutter.after
    for k in range(1, len(toks)):
        t, prev = toks[k], toks[k - 1]
        if (
            quoted[k] == quoted[k - 1]
            and prev.text != ","
            and t.text not in _CUT_MARKS
            and t.low not in _CUT_WORDS
            and prev.low not in after
            and not (k + 2 < len(toks) and toks[k + 1].low in IN_ON)
        ):
            continue  # none of the tests below can cut here: most words of a sentence
        if quoted[k] != quoted[k - 1]:
            # Into a quotation: what is said; out of it: back to the sentence ("..., said Jobs").
            cutter.cuts.append((k, COMPLEMENT if quoted[k] else MAIN))
            continue
        cut = len(cutter.cuts)
        if not cutter.marks(k):
            cutter.verbs(k)
        if len(cutter.cuts) > cut and not (
            cutter.aside is not None and cutter.cuts[-1][1] == COORDINATE
        ):  # "The firm, which was founded in 1902 and listed in 1985, | was bought"
            cutter.aside = _aside(toks, cutter.cuts, k)
    return _parts(cutter.cuts, quoted, len(toks), cutter.resumed)


class _Cutter:
    """Where ``segments`` has cut a sentence so far, and what the cuts before leave open."""

    def __init__(self, toks: list[Token]) -> None:
        self.toks = toks
        self.cuts = _opening(toks)
        self.quoted = _quoted(toks)
        self.reporting = en.reporting_forms()
        self.after = _after_words(self.reporting)
        self.after_gerund = False
        self.timed = (
            False  # a clause of time cut without a comma is open: it ends at an attribution
        )
        self.aside: tuple[int, int, int] | None = None  # (subject start, subject end, its start)
        self.resumed: dict[int, tuple[int, int]] = {}

    def marks(self, k: int) -> bool:
        """The cuts punctuation and subordinators make before ``toks[k]``; whether one was made."""
        toks, cuts = self.toks, self.cuts
        t, prev, low = toks[k], toks[k - 1], toks[k].low
        if self.aside is not None and prev.text == "," and _resumes(toks, k, self.aside[2]):
            cuts.append((k, MAIN))  # "The treaty, which was signed in 1992, | was ratified"
            self.resumed[k] = self.aside[:2]
        elif t.text == ";" or t.text in ("—", "–", "-"):
            if k + 1 < len(toks):
                cuts.append((k + 1, COORDINATE))
        elif t.text == "," and self.after_gerund and k + 1 < len(toks):
            cuts.append((k + 1, MAIN))  # "..., following the purchase of NeXT, Jobs returned"
            self.after_gerund = False
        elif (
            prev.text == ","
            and (self.timed or cuts[-1][1] == RELATIVE)
            and _attribution(toks, k, self.reporting)
        ):
            cuts.append((k, MAIN))  # "... days after a sniper killed him, | the paper reported"
        elif (
            low in _TIME_PREPOSITIONS
            and k + 1 < len(toks)
            and _gerund(toks[k + 1])
            # not inside a subject ("Men drinking beer after shooting skeet said ...")
            and (
                _finite_before(toks, cuts[-1], k, self.resumed)
                or any(w.text == "," for w in toks[k + 1 :])
            )
        ):
            cuts.append((_lead(toks, k), NONFINITE))  # "Exports rose in 2010 after falling 12%"
            self.after_gerund = self.timed = True
        elif prev.text == "," and low in en.RELATIVES:
            cuts.append((k, RELATIVE))
        elif prev.text == "," and low in en.SUBORDINATORS and low != "as":
            cuts.append((k, SUBORDINATE))
        elif low in _CONJUNCTIONS_ONLY and _verb_soon(toks, k + 1, 5):
            cuts.append((k, SUBORDINATE))  # "He stood in while the CEO underwent surgery"
        elif (
            low in _TIME_PREPOSITIONS
            and _clause_after(toks, k + 1)
            and _finite_before(toks, cuts[-1], k, self.resumed)
        ):
            cuts.append((_lead(toks, k), SUBORDINATE))  # "Shares fell after the firm cut its ..."
            self.timed = True
        elif low == "as" and _as_clause(toks, k):
            cuts.append((k, SUBORDINATE))  # "close 14 plants by 2012 as it tries to ..."
        else:
            return False
        return True

    def verbs(self, k: int) -> None:
        """The cuts a verb, a coordinator or a reporting verb's complement makes before
        ``toks[k]``."""
        toks, cuts = self.toks, self.cuts
        t, prev, low = toks[k], toks[k - 1], toks[k].low
        comma = prev.text == "," or (
            prev.low in en.GROUP_ADVERBS and k > 1 and toks[k - 2].text == ","
        )
        if (
            low in en.COORDINATORS
            and _verb_soon(toks, k + 1)
            and not _joins_subject(toks, cuts[-1], k)
            # "Workers in France and Germany staged protests": no clause before to join
            and (len(cuts) > 1 or _verb_before(toks, cuts[-1], k))
        ):
            cuts.append((k + 1, COORDINATE))
        elif (
            prev.text == ","
            and _lexical_verb(t, toks[k + 1] if k + 1 < len(toks) else None)
            and _finite_before(toks, cuts[-1], k - 1, self.resumed)
        ):
            cuts.append((k, COORDINATE))  # a headline's "Apple releases SDK, announces update"
        elif low == "that" and (
            after_reporting(toks, k)
            or prev.low in en.COORDINATORS
            or prev.low in en.mandative_forms()
            or any(w.low in en.finding_forms() for w in toks[max(0, k - 4) : k])
        ):
            # "said that ...", "... and that ...", "found that", "demanded that"
            cuts.append((k + 1, COMPLEMENT))
        elif (prev.low in self.reporting or prev.low in TIME_WORDS) and bare_complement(toks, k):
            # "The firm said more than 4 billion songs had been ..."; "told reporters the ..."
            cuts.append((k + told_whom(toks, k), COMPLEMENT))
        elif low in en.PRONOUNS and said_just_before(toks, k) and _verb_soon(toks, k + 1, 2):
            cuts.append((k, COMPLEMENT))  # "announced Monday it has settled", "said on Monday it"
        elif prev.text == "," and (
            _planned(toks, k)
            or (
                _participle(toks, k, cuts[-1][0])
                and not _finite_before(toks, cuts[-1], k - 1, self.resumed)
            )
        ):
            cuts.append((k, NONFINITE))  # "the hub, set to be operational", "The firm, founded"
        elif comma and _gerund(t):
            cuts.append((k - (0 if prev.text == "," else 1), NONFINITE))
            self.after_gerund = True
        elif low in ("who", "which") and prev.text[:1].isalpha():
            cuts.append((k, RELATIVE))
        elif dated_participle(toks, k) and _finite_before(toks, cuts[-1], k - 1, self.resumed):
            cuts.append((k, NONFINITE))  # "using money from the fund | approved in October"
            self.timed = True  # "..., the company said" after it is a clause of its own


def _opening(toks: list[Token]) -> list[tuple[int, str]]:
    """The first cuts: a sentence that opens on a subordinator ("When ..., ") is subordinate up to
    its first comma."""
    first = toks[0].low
    if first not in en.SUBORDINATORS or first == "as":
        return [(0, MAIN)]
    comma = next((k for k in range(1, len(toks)) if toks[k].text == ","), None)
    if comma is not None and comma + 1 < len(toks):
        return [(0, SUBORDINATE), (comma + 1, MAIN)]
    return [(0, SUBORDINATE)]


# Words that are prepositions ("after the vote") or open a clause ("after the firm cut its
# forecast"): only a subject and its verb right after them make a clause.
_TIME_PREPOSITIONS = frozenset({"after", "before", "until", "since"})


def _clause_after(toks: list[Token], k: int) -> bool:
    """A subject (a determiner, a pronoun or a name first) and its finite verb from ``k`` on:
    "after the firm cut", "after he and his wife returned"; not "after the talks, ..." (a noun
    after its determiner) nor "since the explosion and found" (the verb of the clause before)."""
    if k >= len(toks) or toks[k].low in ("that", "this") or not _opens_noun_phrase(toks[k]):
        return False
    for j in range(k + 1, min(k + 6, len(toks))):
        t = toks[j]
        if t.low in en.COORDINATORS:
            if j + 1 < len(toks) and _opens_noun_phrase(toks[j + 1]):
                continue  # "he and his wife": one subject
            return False
        if t.text in (",", ";") or t.low in en.PREPOSITIONS:
            return False
        if t.low in CLOSED_CLASS:
            return True
        forms = en.verb_forms(t.low) if t.text[:1].islower() else None
        if forms and forms[1] & {"VBD", "VBZ"} and toks[j - 1].low not in en.DETERMINERS:
            return forms[0] not in en.STATIVE
    return False


def _opens_noun_phrase(t: Token) -> bool:
    """A determiner, a pronoun, a name or a noun ("after talks broke down", "until government
    troops retook it")."""
    return (
        t.low in en.DETERMINERS
        or t.low in en.PRONOUNS
        or t.text[:1].isupper()
        or en.noun_lemma(t.low) is not None
    )


def _joins_subject(toks: list[Token], cut: tuple[int, str], k: int) -> bool:
    """ "after he and his wife returned": "and" joins the subject of a clause of time that has no
    verb before it."""
    if cut[1] != SUBORDINATE or k - cut[0] > 4:
        return False
    return not any(t.text[:1].islower() and en.verb_forms(t.low) for t in toks[cut[0] + 1 : k])


# What may stand before "after" or "before" as part of the clause it opens: "soon after", "two
# years after", "less than a decade before".
_UNITS = frozenset(
    "day days week weeks month months year years decade decades hour hours minutes moments".split()
)
_LEAD_WORDS = _UNITS | frozenset(
    """soon shortly immediately long just right only even a an few several some less more than
    about nearly almost one two three four five six seven eight nine ten""".split()
)


def _lead(toks: list[Token], k: int) -> int:
    """Where the clause the word at ``k`` opens begins: before the words that measure how long
    after or before ("two years after the storm"), back to a comma at most."""
    j = k
    while j > 1 and k - j < 5 and (toks[j - 1].low in _LEAD_WORDS or toks[j - 1].text.isdigit()):
        j -= 1
    if j < k and (toks[j - 1].text == "," or toks[k - 1].low in _UNITS):
        return j  # "..., two years after the storm", "seen at the border days after the attack"
    return k - 1 if toks[k - 1].low in _LEAD_ADVERBS else k  # "resigned soon after the vote"


_LEAD_ADVERBS = frozenset("soon shortly immediately long just right only even".split())


def _attribution(toks: list[Token], k: int, reporting: frozenset[str]) -> bool:
    """From ``k`` to the end, who said it and when: "the Buffalo News reported Friday", "officials
    said on Monday"."""
    rest = [t for t in toks[k:] if t.text[:1].isalnum()]
    said = next((n for n, t in enumerate(rest[:6]) if n and t.low in reporting), -1)
    return said > 0 and all(
        t.low in TIME_WORDS or t.low in _WHEN_WORDS or t.text[:1].isupper() or t.text[:1].isdigit()
        for t in rest[said + 1 :]
    )


_WHEN_WORDS = frozenset({"on", "late", "early", "last", "this", "night", "morning", "afternoon"})


def _parts(
    cuts: list[tuple[int, str]], quoted: list[bool], n: int, resumed: dict[int, tuple[int, int]]
) -> list[Part]:
    cuts.sort()
    out: list[Part] = []
    for i, (a, role) in enumerate(cuts):
        b = cuts[i + 1][0] if i + 1 < len(cuts) else n
        if a < b:
            # Everything inside a quotation is what was said, however it is built.
            role = COMPLEMENT if quoted[a] and role in (MAIN, COORDINATE) else role
            out.append((a, b, role, resumed.get(a)))
    return out


def _aside(toks: list[Token], cuts: list[tuple[int, str]], k: int) -> tuple[int, int, int] | None:
    """An aside the cut just made at ``k`` opens after its clause's subject ("The treaty, | which
    was signed in 1992,"; "The firm, | founded in 1946,"): (subject start, subject end, ``k``);
    None for any other cut (which also ends an aside open before it)."""
    at, role = cuts[-1]
    if at != k or role not in (RELATIVE, NONFINITE) or len(cuts) < 2 or toks[k - 1].text != ",":
        return None
    start = cuts[-2][0]
    if k - 1 <= start or (toks[k - 2].text[:1].isdigit() and k >= 3 and toks[k - 3].text == ","):
        return None  # "Frederick Wonham, 58, who ...": the subject stands before the age
    if _verb_before(toks, cuts[-2], k - 1):
        return None  # "The court convicted Harlan, who ...": the clause has its verb already
    return start, k - 1, k


def _resumes(toks: list[Token], k: int, opened: int) -> bool:
    """After the comma that ends an aside, the interrupted clause's verb group ("The treaty, which
    was signed in 1992, | was ratified"); a relative aside has its own verb first."""
    j = k
    while j < len(toks) - 1 and toks[j].low in en.GROUP_ADVERBS:
        j += 1
    t = toks[j]
    if not t.text[:1].islower():
        return False
    forms = en.verb_forms(t.low)
    if t.low not in CLOSED_CLASS and not (forms and forms[1] & {"VBD", "VBZ"}):
        return False
    return toks[opened].low not in en.RELATIVES or _finite_before(toks, (opened, RELATIVE), k - 1)


def _participle(toks: list[Token], k: int, start: int) -> bool:
    """A past participle opening an aside after the subject the part from ``start`` holds ("The
    firm, founded in 1946, ..."), not the verb after an apposition ("The lawyer, Ann Roe, said the
    bullet entered ..., hit"): a subject set off by a comma already is followed by its verb."""
    t = toks[k]
    forms = en.verb_forms(t.low) if t.text[:1].islower() else None
    if not forms or "VBN" not in forms[1]:
        return False
    first = toks[start].low
    adverbial = first in en.PREPOSITIONS or first in en.GROUP_ADVERBS or first.endswith("ly")
    if not adverbial and any(toks[j].text == "," for j in range(start, k - 1)):
        return False
    return any(
        toks[j].text == "," and _resumes(toks, j + 1, k) for j in range(k + 1, len(toks) - 1)
    )


# What one of the tests in ``segments`` needs to cut before a word: the word is one of these
# marks or words, or the word before it is a comma or one of ``_after_words``.
_CUT_MARKS = frozenset({",", ";", "—", "–", "-"})
_CUT_WORDS = (
    _CONJUNCTIONS_ONLY
    | _TIME_PREPOSITIONS
    | en.COORDINATORS
    | en.PRONOUNS
    | frozenset({"that", "who", "which", "as"})
)


def _as_clause(toks: list[Token], k: int) -> bool:
    """ "as" opening a clause ("as it tries", "as the company struggles"), not "as CEO", "such as
    the bank", "as well as"."""
    if k + 2 >= len(toks) or toks[k - 1].low in (
        "such",
        "well",
        "so",
        "same",
        "soon",
        "long",
        "far",
    ):
        return False
    nxt = toks[k + 1].low
    if nxt in en.PRONOUNS or nxt in ("the", "its", "their"):
        return _verb_soon(toks, k + 1, 4)
    # "comes as Airbus is still recovering", "as General Motors said": a name, then its verb
    j = k + 1
    while j < len(toks) and j - k <= 3 and toks[j].text[:1].isupper():
        j += 1
    if j == k + 1 or j >= len(toks):
        return False
    forms = en.verb_forms(toks[j].low)
    return toks[j].low in CLOSED_CLASS or bool(forms and forms[1] & {"VBD", "VBZ"})


@functools.lru_cache(maxsize=1)
def _after_words(reporting: frozenset[str]) -> frozenset[str]:
    return reporting | TIME_WORDS | en.GROUP_ADVERBS


def _quoted(toks: list[Token]) -> list[bool]:
    """Whether each token is inside a quotation (straight quotes pair up in order)."""
    out = []
    inside = False
    for t in toks:
        if t.text == "“":
            inside = True
            out.append(False)
            continue
        if t.text == "”" or (t.text == '"' and inside):
            inside = False
            out.append(False)
            continue
        if t.text == '"':
            inside = True
            out.append(False)
            continue
        out.append(inside)
    return out


def _verb_soon(toks: list[Token], k: int, within: int = 6) -> bool:
    """A finite verb within the next few words (after "and"/"but", before a comma): a new clause."""
    prev = ""
    for j, t in enumerate(toks[k : k + within], k):
        if t.text in (",", ";", "(", ")") or t.text in QUOTES:
            return False
        low = t.low
        if low in en.MODALS or low in ("has", "have", "had", "was", "were", "did", "is", "are"):
            return True
        if t.text[:1].isupper() or low in en.DETERMINERS or low in en.GROUP_ADVERBS:
            prev = low
            continue
        if t.text[:1].isdigit():
            prev = "the"  # "and 10,000 newly created shares": a number opens a noun phrase
            continue
        if low.endswith("ly") and prev in en.DETERMINERS:
            continue  # "the newly created": the adverb of the participle after it
        if low in ("after", "before") and prev in ("soon", "shortly", "immediately", "long"):
            continue
        forms = en.verb_forms(low)
        if low == "compared" and j + 1 < len(toks) and toks[j + 1].low in ("to", "with"):
            return False  # "50% compared to the previous year": a comparison, not a clause
        if forms and ("VBD" in forms[1] or "VBZ" in forms[1]) and forms[0] not in en.STATIVE:
            if j == k >= 2 and "VBD" not in forms[1] and en.plural_noun(toks[k - 2].low):
                return False  # "cars and trucks": two plural nouns, not a clause
            # "the associated store" is a participle before its noun
            return not (prev in en.DETERMINERS and "VBN" in forms[1])
        if low in en.PREPOSITIONS:
            return False
        prev = low
    return False


def _planned(toks: list[Token], k: int) -> bool:
    """ "set to ...", "expected to ...", "due to ...": a participle opening a planned happening."""
    if k + 2 >= len(toks) or toks[k + 1].low != "to":
        return False
    forms = en.verb_forms(toks[k].low) if toks[k].text[:1].islower() else None
    return toks[k].low == "due" or bool(forms and forms[0] in en.PROSPECTIVE and "VBN" in forms[1])


def _lexical_verb(t: Token, nxt: Token | None = None) -> bool:
    """A finite verb opening a clause after a comma: "..., announces update", "..., took over";
    a form that can be a participle ("..., dubbed a retina display") or a noun before a
    preposition ("..., refunds to owners") is not."""
    if nxt is not None and nxt.low in en.PREPOSITIONS:
        return False
    forms = en.verb_forms(t.low) if t.text[:1].islower() else None
    if not forms or forms[0] in en.STATIVE:
        return False
    return "VBZ" in forms[1] or ("VBD" in forms[1] and "VBN" not in forms[1])


def _finite_before(
    toks: list[Token],
    cut: tuple[int, str],
    b: int,
    resumed: dict[int, tuple[int, int]] | None = None,
) -> bool:
    """Whether the part from ``cut`` to ``b`` already has its finite verb. ``resumed``: parts that
    carry on a clause an aside interrupted, read with that clause's subject ("The bill, which ...,
    | failed after")."""
    a, role = cut
    seg = toks[a:b]
    subject = resumed.get(a) if resumed else None
    if seg and subject is not None:
        seg = toks[subject[0] : subject[1]] + seg
    return bool(seg) and verb_group(seg, False, role) is not None


def _verb_before(toks: list[Token], cut: tuple[int, str], k: int) -> bool:
    """The part from ``cut`` to ``k`` has its verb, and not only a plural noun right after a
    preposition and a name ("Workers at GM plants in Ohio | and Michigan walked out")."""
    seg = toks[cut[0] : k]
    group = verb_group(seg, False, cut[1]) if seg else None
    if group is None:
        return False
    j = next((i for i, t in enumerate(seg) if t is group[1]), 0)
    forms = en.verb_forms(seg[j].low)
    named = j >= 2 and seg[j - 2].low in en.PREPOSITIONS and seg[j - 1].text[:1].isupper()
    # "GM shares, which traded ...": a plural right before the comma of an aside is its subject
    last = j == len(seg) - 1 and j > 0
    return not (forms is not None and "VBZ" in forms[1] and (named or last))


def _gerund(t: Token) -> bool:
    forms = en.verb_forms(t.low) if t.text[:1].islower() else None
    return bool(forms and "VBG" in forms[1])
