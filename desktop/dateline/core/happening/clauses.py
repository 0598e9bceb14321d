"""The clauses of a news sentence: which verb each one is built on, its tense, its subject, its role.

No parser: news copy is regular enough that clause markers (a comma before "which", "and" before a verb,
"that" after a reporting verb, a leading "When ...,") and the first finite verb group of each part give
what the timeline needs: which happening a date belongs to, and whether a clause without a date reports
a happening of its own (past or present perfect, not a state, not a plan).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, replace

from . import english as en
from .complements import (
    QUOTES,
    TIME_WORDS,
    after_reporting,
    bare_complement,
    said_just_before,
    told_whom,
)
from .verbs import inverted_subject, subject_bounds, subject_of, verb_group
from .words import (
    COMPLEMENT,
    COORDINATE,
    FUTURE,
    MAIN,
    MODAL,
    NONE,
    NONFINITE,
    PAST,
    PERFECT,
    PLUPERFECT,
    PRESENT,
    RELATIVE,
    SUBORDINATE,
    Token,
    tokens,
)


@dataclass(frozen=True, slots=True)
class Clause:
    start: int  # offsets in the sentence
    end: int
    role: str
    verb_start: int = -1  # the main verb of the clause, -1 without one
    verb_end: int = -1
    lemma: str = ""
    tense: str = NONE
    passive: bool = False
    negated: bool = False
    prospective: bool = False  # "plans to ...", "is expected to ..."
    background: bool = False  # "previously", "once", "had ..."
    subject: str = ""  # the subject's words as written ("Apple CEO Steve Jobs", "he")
    shared_subject: bool = False  # the subject is the clause before's ("... and took")
    progressive: bool = False  # "has been serving", "was fighting": going on, not a happening
    # Where the verb group begins ("had already pledged"), and the subject's words as they stand in
    # the sentence (-1 without one; a shared subject's are those of the clause it is shared from):
    # a title quotes the subject and the verb group without what comes before them.
    group_start: int = -1
    subject_start: int = -1
    subject_end: int = -1

    @property
    def finite(self) -> bool:
        return self.verb_start >= 0 and self.tense != NONE

    @property
    def main(self) -> bool:
        return self.role in (MAIN, COORDINATE)

    @property
    def reporting(self) -> bool:
        return self.lemma in en.REPORTING

    @property
    def stative(self) -> bool:
        return self.lemma in en.STATIVE

    @property
    def irrealis(self) -> bool:
        return self.tense in (FUTURE, MODAL) or self.prospective


@functools.lru_cache(maxsize=4096)
def clauses(sentence: str, headline: bool = False) -> tuple[Clause, ...]:
    """The clauses of ``sentence`` in order. A headline ("Apple unveils iPhone 4") is read in the
    present tense that headlines use for the past."""
    toks = tokens(sentence)
    if not toks:
        return ()
    parts = _segments(toks)
    title_case = headline and _title_case(toks)
    out: list[Clause] = []
    last_subject: Clause | None = None
    for i, (a, b, role) in enumerate(parts):
        seg = toks[a:b]
        aux = role == COORDINATE and bool(out) and out[-1].tense in (FUTURE, MODAL)
        clause = _clause(seg, role, headline and i == 0, title_case, aux)
        if aux and _bare_verb_first(clause, seg):
            # "would cut 30,000 jobs and close 14 plants": "close" is as future as "cut"
            clause = replace(clause, tense=out[-1].tense, prospective=out[-1].prospective)
        if clause.role in (MAIN, COORDINATE) and not clause.subject and last_subject is not None:
            clause = _with_subject(clause, last_subject)
        if clause.subject:
            last_subject = clause
        out.append(clause)
    return _merge_verbless(out, sentence)


def _bare_verb_first(clause: Clause, seg: list[Token]) -> bool:
    if clause.tense != PRESENT or clause.verb_start != seg[0].start:
        return False
    forms = en.verb_forms(seg[0].low)
    return bool(forms and "VB" in forms[1] and "VBZ" not in forms[1])


def _title_case(toks: list[Token]) -> bool:
    words = [t for t in toks if len(t.text) >= 4 and t.text[:1].isalpha()]
    return bool(words) and sum(t.text[:1].isupper() for t in words) >= 0.7 * len(words)


def main_clause(found: tuple[Clause, ...]) -> Clause | None:
    """The first main clause with a finite verb."""
    return next((c for c in found if c.main and c.finite), None)


def clause_at(found: tuple[Clause, ...], offset: int) -> Clause | None:
    return next((c for c in found if c.start <= offset < c.end), None)


# ---- segmentation ----

# Subordinators that are never prepositions: a clause follows them.
_CONJUNCTIONS_ONLY = frozenset({"while", "when", "because", "although", "though", "whereas"})


def _segments(toks: list[Token]) -> list[tuple[int, int, str]]:
    """(first token, end token, role) of each part of the sentence."""
    n = len(toks)
    cuts: list[tuple[int, str]] = [(0, MAIN)]
    first = toks[0].low
    if first in en.SUBORDINATORS and first != "as":
        cuts[0] = (0, SUBORDINATE)
        comma = next((k for k in range(1, n) if toks[k].text == ","), None)
        if comma is not None and comma + 1 < n:
            cuts.append((comma + 1, MAIN))
    quoted = _quoted(toks)
    reporting = en.reporting_forms()
    after = _after_words(reporting)
    after_gerund = False
    for k in range(1, n):
        t, prev = toks[k], toks[k - 1]
        low = t.low
        if (
            quoted[k] == quoted[k - 1]
            and prev.text != ","
            and t.text not in _CUT_MARKS
            and low not in _CUT_WORDS
            and prev.low not in after
        ):
            continue  # none of the tests below can cut here: most words of a sentence
        if quoted[k] != quoted[k - 1]:
            # Into a quotation: what is said; out of it: back to the sentence ("..., said Jobs").
            cuts.append((k, COMPLEMENT if quoted[k] else MAIN))
            continue
        comma = prev.text == "," or (
            prev.low in en.GROUP_ADVERBS and k > 1 and toks[k - 2].text == ","
        )
        if t.text == ";" or t.text in ("—", "–", "-"):
            if k + 1 < n:
                cuts.append((k + 1, COORDINATE))
        elif t.text == "," and after_gerund and k + 1 < n:
            cuts.append((k + 1, MAIN))  # "..., following the purchase of NeXT, Jobs returned"
            after_gerund = False
        elif prev.text == "," and low in en.RELATIVES:
            cuts.append((k, RELATIVE))
        elif prev.text == "," and low in en.SUBORDINATORS and low != "as":
            cuts.append((k, SUBORDINATE))
        elif low in _CONJUNCTIONS_ONLY and _verb_soon(toks, k + 1, 5):
            cuts.append((k, SUBORDINATE))  # "He stood in while the CEO underwent surgery"
        elif low == "as" and _as_clause(toks, k):
            cuts.append((k, SUBORDINATE))  # "close 14 plants by 2012 as it tries to ..."
        elif low in en.COORDINATORS and _verb_soon(toks, k + 1):
            cuts.append((k + 1, COORDINATE))
        elif (
            prev.text == ","
            and _lexical_verb(t, toks[k + 1] if k + 1 < n else None)
            and _finite_before(toks, cuts[-1], k - 1)
        ):
            cuts.append((k, COORDINATE))  # a headline's "Apple releases SDK, announces update"
        elif low == "that" and (after_reporting(toks, k) or prev.low in en.COORDINATORS):
            cuts.append((k + 1, COMPLEMENT))  # "said that ...", "... and that ..."
        elif (prev.low in reporting or prev.low in TIME_WORDS) and bare_complement(toks, k):
            # "The firm said more than 4 billion songs had been ..."; "told reporters the ..."
            cuts.append((k + told_whom(toks, k), COMPLEMENT))
        elif low in en.PRONOUNS and said_just_before(toks, k) and _verb_soon(toks, k + 1, 2):
            cuts.append((k, COMPLEMENT))  # "announced Monday it has settled", "said on Monday it"
        elif prev.text == "," and _planned(toks, k):
            cuts.append((k, NONFINITE))  # "the hub, set to be operational next month"
        elif comma and _gerund(t):
            cuts.append((k - (0 if prev.text == "," else 1), NONFINITE))
            after_gerund = True
        elif low in ("who", "which") and prev.text[:1].isalpha():
            cuts.append((k, RELATIVE))
    cuts.sort()
    out = []
    for i, (a, role) in enumerate(cuts):
        b = cuts[i + 1][0] if i + 1 < len(cuts) else n
        if a < b:
            # Everything inside a quotation is what was said, however it is built.
            out.append((a, b, COMPLEMENT if quoted[a] and role in (MAIN, COORDINATE) else role))
    return out


# What one of the tests in ``_segments`` needs to cut before a word: the word is one of these
# marks or words, or the word before it is a comma or one of ``_after_words``.
_CUT_MARKS = frozenset({",", ";", "—", "–", "-"})
_CUT_WORDS = (
    _CONJUNCTIONS_ONLY | en.COORDINATORS | en.PRONOUNS | frozenset({"that", "who", "which", "as"})
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
    return (nxt in en.PRONOUNS or nxt in ("the", "its", "their")) and _verb_soon(toks, k + 1, 4)


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


def _finite_before(toks: list[Token], cut: tuple[int, str], b: int) -> bool:
    """Whether the part from ``cut`` to ``b`` already has its finite verb."""
    a, role = cut
    seg = toks[a:b]
    return bool(seg) and verb_group(seg, False, role) is not None


def _gerund(t: Token) -> bool:
    forms = en.verb_forms(t.low) if t.text[:1].islower() else None
    return bool(forms and "VBG" in forms[1])


# ---- one clause ----


def _clause(
    seg: list[Token], role: str, headline: bool, title_case: bool, after_aux: bool = False
) -> Clause:
    start, end = seg[0].start, seg[-1].end
    while len(seg) > 1 and not seg[0].text[:1].isalnum():
        seg = seg[1:]  # the quote or comma a part opens on
    group = verb_group(seg, headline, role, title_case, after_aux)
    background = any(t.low in en.BACKGROUND for t in seg)
    if group is None:
        return Clause(start, end, role, background=background)
    at, verb, lemma, tense, passive, negated, prospective = group
    if at > 0 or role == COORDINATE:
        subject = subject_of(seg[:at])
        bounds = subject_bounds(seg[:at])
    else:
        subject = inverted_subject(seg[1:])
        n = len(subject.split())
        bounds = (1, 1 + n) if n else None
    where = (seg[bounds[0]].start, seg[bounds[1] - 1].end) if bounds else (-1, -1)
    forms = en.verb_forms(verb.text.lower())
    progressive = bool(
        forms and "VBG" in forms[1] and seg[at] is not verb and seg[at].low in en.BE_HAVE
    )
    return Clause(
        start,
        end,
        role,
        verb.start,
        verb.end,
        lemma,
        tense,
        passive,
        negated,
        prospective,
        background or tense == PLUPERFECT,
        subject,
        False,
        progressive,
        seg[at].start,
        *where,
    )


def _with_subject(c: Clause, subject: Clause) -> Clause:
    return replace(
        c,
        subject=subject.subject,
        shared_subject=True,
        subject_start=subject.subject_start,
        subject_end=subject.subject_end,
    )


_NOT_SUBJECT_START = en.PREPOSITIONS | en.SUBORDINATORS | en.COORDINATORS | en.RELATIVES | {"that"}


def _merge_verbless(found: list[Clause], sentence: str) -> tuple[Clause, ...]:
    """A part without a verb ("In 1996, following the purchase of NeXT,") belongs to the clause
    after it (or, at the end of the sentence, to the one before). Not set off by a comma, it is
    the start of that clause's subject ("Pre-orders of the recently announced | iPhone 4 began")."""
    out: list[Clause] = []
    pending: Clause | None = None
    for c in found:
        if not c.finite and c.role in (MAIN, COORDINATE, SUBORDINATE) and c is not found[-1]:
            pending = pending if pending is not None else c
            continue
        if pending is not None and c.role == NONFINITE and c is not found[-1]:
            continue  # "In 1996, following the purchase of NeXT, Jobs returned": one clause
        if pending is not None:
            c = _extend(c, pending.start)
            # after a leading adverbial's comma: "Wearing hats, a string of boys and | girls sang"
            start = max(pending.start, sentence.rfind(",", pending.start, pending.end) + 1)
            if sentence[start : pending.end].strip() in ("and", "or"):
                start = pending.start  # "Trams, buses, and | trains were halted": one subject
            part = sentence[start : pending.end]
            head = part.split()[:1]
            if (
                c.subject_start >= pending.end
                and not c.shared_subject
                and part.rstrip()[-1:].isalnum()
                and head
                and head[0][:1].isalnum()
                and head[0].lower() not in _NOT_SUBJECT_START
            ):
                c = replace(c, subject_start=start + len(part) - len(part.lstrip()))
            pending = None
        if not c.finite and out and c.role != NONFINITE:
            out[-1] = _extend_end(out[-1], c.end)
            continue
        out.append(c)
    if pending is not None:
        if out:
            out[-1] = _extend_end(out[-1], pending.end)
        else:
            out.append(pending)
    return tuple(out)


def _extend(c: Clause, start: int) -> Clause:
    return replace(c, start=start, role=c.role if c.role != SUBORDINATE else MAIN)


def _extend_end(c: Clause, end: int) -> Clause:
    return replace(c, end=end)


# ---- what a clause without a date of its own tells (``reading``) ----
THIRD_PERSON = frozenset({"he", "she", "it", "they"})


def tells_happening(c: Clause, headline: bool) -> bool:
    """Whether a clause without a date reports a happening (not a state, a plan or a quote)."""
    if not c.main or not c.finite or c.irrealis or c.negated or c.stative:
        return False
    if headline:
        return c.tense in (PRESENT, PAST, PERFECT)
    if c.background or c.progressive:
        return False
    if c.tense == PRESENT:
        # "Apple Corps claims that ...": a statement, when someone makes it (not "the suit claims")
        return c.reporting and speaker_subject(c.subject)
    return c.tense in (PAST, PERFECT)


def speaker_subject(subject: str) -> bool:
    words = subject.split()
    return (
        bool(words)
        and (words[0][:1].isupper() or words[0].lower() in THIRD_PERSON)
        and not (len(words) > 1 and words[-1][:1].islower())
    )


# ("as" is left out: "the crowd rushed at him as he stepped out" happens at the story's time)
TEMPORAL = frozenset({"when", "after", "before", "while", "once", "until"})


def timed_by_clause(sentence: str, found: tuple[Clause, ...]) -> bool:
    """The sentence has a past clause of time ("When ... introduced it", "while ... underwent")."""
    for c in found:
        if c.role != "subordinate" or c.tense not in (PAST, PLUPERFECT):
            continue
        first = sentence[c.start : c.end].split()[:1]
        if first and first[0].lower().strip(",") in TEMPORAL:
            return True
    return False
