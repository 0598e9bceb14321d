"""The clauses of a news sentence: which verb each one is built on, its tense, its subject, its role.

No parser: news copy is regular enough that clause markers (a comma before "which", "and" before a verb,
"that" after a reporting verb, a leading "When ...,") and the first finite verb group of each part give
what the timeline needs: which happening a date belongs to, and whether a clause without a date reports
a happening of its own (past or present perfect, not a state, not a plan).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace

from . import english as en
from .reference import record_before
from .segments import segments
from .subjects import inverted_subject, subject_bounds, subject_of
from .verbs import verb_group
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
    def given_up(self) -> bool:
        """ "had planned to fly it in 2008": a plan as it stood before, its dates given up."""
        return self.prospective and self.tense == PLUPERFECT

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
    parts = segments(toks)
    title_case = headline and _title_case(toks)
    out: list[Clause] = []
    last_subject: Clause | None = None
    for i, (a, b, role, subject) in enumerate(parts):
        seg = toks[a:b]
        aux = role == COORDINATE and bool(out) and out[-1].tense in (FUTURE, MODAL)
        # "demanded that workers give up their bonuses": a bare verb, what should happen
        asked = (
            role == COMPLEMENT
            and bool(out)
            and out[-1].lemma in en.MANDATIVE
            and toks[a - 1].low == "that"
        )
        if subject is not None:
            # after an aside: read with the subject the aside interrupted
            clause = _clause(toks[subject[0] : subject[1]] + seg, role, False, False)
            clause = replace(clause, start=seg[0].start)
        else:
            clause = _clause(seg, role, headline and i == 0, title_case, aux or asked)
        if aux and _bare_verb_first(clause, seg):
            # "would cut 30,000 jobs and close 14 plants": "close" is as future as "cut"
            clause = replace(clause, tense=out[-1].tense, prospective=out[-1].prospective)
        elif asked and clause.finite:
            clause = replace(clause, tense=MODAL)
        if clause.role in (MAIN, COORDINATE) and not clause.subject and last_subject is not None:
            clause = _with_subject(clause, last_subject)
        if clause.subject:
            last_subject = clause
        out.append(clause)
    return _merge_verbless(out, sentence)


def _bare_verb_first(clause: Clause, seg: list[Token]) -> bool:
    # "will close 14 plants and cut 21,000 jobs": "cut" is read as a past first, yet it is bare
    if clause.tense not in (PRESENT, PAST) or clause.verb_start != seg[0].start:
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
        # a participle or gerund phrase's words start where it does ("founded in 1946")
        opens = seg[0].start if role == NONFINITE else -1
        if role == NONFINITE and len(seg) > 1 and seg[0].low in en.PREPOSITIONS:
            opens = seg[1].start  # "after falling 12%": the gerund's words
        return Clause(start, end, role, background=background, group_start=opens)
    at, verb, lemma, tense, passive, negated, prospective = group
    if lemma in _RESULT_VERBS:
        lemma = _result(seg, verb, lemma)
    elif lemma in _MOVED_BY:
        lemma = _moved(seg, verb, lemma)
    if at > 0 or role == COORDINATE:
        subject = subject_of(seg[:at])
        bounds = subject_bounds(seg[:at])
    else:
        subject = inverted_subject(seg[1:], lemma in ("say", "add"))
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


# Verbs of saying that also post a figure: "GM posts $9.6 billion loss", "reported a profit"
_RESULT_VERBS = en.REPORTING & en.LIGHT_VERBS


def _result(seg: list[Token], verb: Token, lemma: str) -> str:
    """ "posts a $9.6 billion loss" tells a loss, not a statement: the happening of the result noun
    after the verb (before any "that" or comma), else ``lemma``."""
    k = next((i for i, t in enumerate(seg) if t is verb), len(seg))
    for t in seg[k + 1 : k + 7]:
        if t.low == "that" or (not t.text[:1].isalnum() and t.text[:1] not in "$€£"):
            break
        if t.low in en.RESULT_NOUNS:
            return en.RESULT_NOUNS[t.low]
    return lemma


# "lost 504 points", "gained 5 percent", "shed 47.3 points", "recovered 3.9 percent": an index's or
# a price's move
_MOVED_BY = {
    **dict.fromkeys(("lose", "shed", "ease", "retreat"), "fall"),
    **dict.fromkeys(("gain", "add", "recover"), "rise"),
}
_MOVE_UNITS = frozenset({"points", "point", "percent", "%", "cents", "pence"})


def _moved(seg: list[Token], verb: Token, lemma: str) -> str:
    """A move by a figure in points or percent is a fall or a rise ("lost $2 billion" is a loss)."""
    k = next((i for i, t in enumerate(seg) if t is verb), len(seg))
    after = seg[k + 1 : k + 5]
    if after and after[0].text[:1].isdigit() and any(t.low in _MOVE_UNITS for t in after):
        return _MOVED_BY[lemma]
    return lemma


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
    for n, c in enumerate(found):
        if not c.finite and c.role in (MAIN, COORDINATE, SUBORDINATE) and c is not found[-1]:
            pending = pending if pending is not None else c
            continue
        if (
            pending is not None
            and c.role == NONFINITE
            and c is not found[-1]
            # "The firm, founded in 1946, announced": an aside after the subject, its own clause
            and not 0 <= found[n + 1].subject_start < c.start
        ):
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


# "A week after the merger, ...", "two months before the vote": the time of another happening,
# counted on; not the story's day (hours, a day or so: still the news of the day).
_COUNTED_FROM = re.compile(
    r"(?:^|[,;]\s*)(?:(?:a|one|two|three|four|five|six|seven|eight|nine|ten|several|a\s+few|"
    r"\d+)\s+)?(?:weeks?|months?|years?)\s+(?:after|before)\s+(?:the|a|an|his|her|its|their)\b",
    re.IGNORECASE,
)


_SO_FAR = re.compile(
    r"\b(?:since|so\s+far|to\s+date|thus\s+far|in\s+total|over\s+the\s+years|ever\s+since)\b",
    re.IGNORECASE,
)


def cumulative(sentence: str, c: Clause) -> bool:
    """A perfect clause that sums up a stretch ("has since sold 40 million", "has so far
    received $50 billion"): a record up to now, not the day's news."""
    for m in _SO_FAR.finditer(sentence, c.start, c.end):
        if not record_before(sentence[max(0, m.start() - 60) : m.start()]):  # "largest ... since"
            return True
    return False


def timed_by_clause(sentence: str, found: tuple[Clause, ...]) -> bool:
    """The sentence has a past clause of time ("When ... introduced it", "while ... underwent"), or
    counts weeks or more from another happening ("A week after the merger, ...")."""
    if _COUNTED_FROM.search(sentence):
        return True
    for c in found:
        if c.role != "subordinate" or c.tense not in (PAST, PLUPERFECT):
            continue
        first = sentence[c.start : c.end].split()[:1]
        word = first[0].lower().strip(",") if first else ""
        if word == "while" and sentence[: c.start].rstrip().endswith(","):
            continue  # "Ford's sales fell 30%, while Toyota's fell 23%": a contrast, no time
        if word in TEMPORAL and (word in ("when", "while") or _set_off(sentence, c.start)):
            return True
    return False


def _set_off(sentence: str, start: int) -> bool:
    """A clause that opens the sentence or follows a comma: "After he left, ...", "..., after he
    left". A clause of time that trails its main clause ("Shares fell after the firm cut its
    forecast") leaves the main clause the news of the day."""
    return not sentence[:start].strip() or sentence[:start].rstrip().endswith(",")
