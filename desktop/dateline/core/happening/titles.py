"""Titles that say who did what, built from the clause a report stands on.

A report's title is, in this order:

- for a statement, "Speaker: what was said": the quotation, or what the reporting verb introduces
  ("Rutte said Wednesday that allies will ..." -> "Rutte: allies will ..."), never the attribution
  again; a speaker who is not named keeps the clause ("Some customers reported Apple had ...");
- the event's noun phrase, when the date hangs on one that says whose or where it is ("Zelenskyy’s
  visit to Brussels", "NATO leaders’ summit"; "its launch" -> "iTunes store’s launch"). A bare noun
  ("launch", "public release") says too little and gives way to the clause;
- the clause's subject and verb group with what follows them, the date and whatever comes before
  the subject taken out ("On August 24, Jobs resigned from his post" -> "Jobs resigned from his
  post"); a pronoun subject is replaced by the name it stands for (``naming``), a relative one by
  its antecedent; of verbs coordinated in one clause ("tripled in 2004, doubled in 2005"), the one
  the date dates;
- the sentence without the date.

``wording`` shortens at a phrase boundary. A title is never empty: the last resort is the sentence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from ..eventtext import Frame
from ..model import Sentence
from . import english as en
from .clauses import Clause, clauses
from .naming import Names, first_word
from .phrases import antecedent, caused, head, noun_phrase_ending, says_whose
from .quotes import attribution, quotations, quoted_at
from .wording import MAX_WORDS, cut_out, lower_first, tidy
from .words import COMPLEMENT, NONFINITE

Spans = Sequence[tuple[int, int]]
Pieces = list[tuple[int, int]]
STATEMENT_WORDS = 13  # what was said, after "Speaker: "

_THAT = re.compile(r"\bthat\b[\s,]+")
_FOUND_THAT = re.compile(r"(?:\s+[\w.,’'-]+){0,4}?\s+that\s", re.IGNORECASE)  # "found in 2011 that"
# The speaker's own "I can announce today that", "I’m delighted to report that".
_FIRST_PERSON_LEAD = re.compile(
    r"^(?:I|we)(?:’m|'m| am| are|’re)?\b[^,;]*?\b(?:report|announce|say|confirm|tell you)"
    r"(?:\s+(?:today|now|here))?\s+that\s+",
    re.IGNORECASE,
)
# An adverbial opening what was said: "with great respect to the trial judge, we consider ...".
_ADVERBIAL = re.compile(
    r"(?:according\s+to|with|in|at|on|for|after|before|despite|during|under|as|from|given|when|"
    r"while|if|once|although|though|because)\b[^,;]{0,60},\s+",
    re.IGNORECASE,
)
_HE_SHE_IT = frozenset({"he", "she", "it"})
_APPOSITION = re.compile(r"((?:[A-Z][\w’'-]*\s?)+),\s[^,;]{1,60},\s(?=[a-z])")
_PREPOSITION_LIKE = frozenset(
    "according following including regarding concerning considering given excluding".split()
)
_RELATIVE_END = re.compile(r"\b(?:that|which|who)\s*$", re.IGNORECASE)
# "It should be mentioned that", "It is expected that", "It was reported that": an empty "it".
_EXTRAPOSED = re.compile(r"(?:[\w’'-]+\s+){1,4}?that\s+(?!was\b|is\b|were\b|are\b)")
_RELATIVE = frozenset({"who", "which", "that"})
_OWNERS = frozenset({"its", "their"})


class Titler:
    """Titles for the reports of one article."""

    def __init__(self, sentences: Sequence[Sentence], found: Sequence[tuple[Clause, ...]]) -> None:
        self.sentences = sentences
        self.found = found
        self.names = Names(sentences, found)

    def title(self, i: int, clause: Clause | None, dates: Spans, frame: Frame) -> str:
        """The title of the report of sentence ``i`` on ``clause``, dated by the expressions at
        ``dates`` (sentence offsets; none for a report the story dates)."""
        text = self.sentences[i].text
        at = dates[0][0] if dates else (clause.verb_start if clause is not None else 0)
        if frame.speech:
            said = self._statement(i, clause, at)
            if said:
                return said
        elif clause is not None and clause.reporting and dates:
            # "This 'switch', he said, would happen next year": the date dates what was said
            content = self._said(i, clause)
            if content:
                return tidy(self._words(i, content, dates))
        elif (
            clause is not None
            and (clause.lemma in en.FINDING or clause.lemma in en.MANDATIVE)
            and clause.main
            and _FOUND_THAT.match(text, clause.verb_end)
        ):
            # "The tribunal found in 2011 that the general had ...": what it found, as written;
            # "demanded that the boy be returned": what was asked for
            content = self._said(i, clause)
            if content:
                verb = text[clause.verb_start : clause.verb_end]
                found = self._words(i, content, dates).strip(" ,")
                m = _ADVERBIAL.match(found)  # "decided that under its policies, the boy ..."
                found = found[m.end() :] if m and len(found[m.end() :].split()) > 3 else found
                return tidy(f"{self._subject(i, clause, dates)} {verb} {found}")
        if frame.event_noun and not frame.speech:
            subject = self._subject(i, clause, dates) if clause is not None else ""
            named = self._noun_phrase(text, frame.title, at, subject)
            if named:
                return named
        told, whole = self._clause(i, clause, dates)
        if whole:
            return told
        return told or tidy(cut_out(text, dates)) or tidy(text) or text.strip()

    # ---- statements ----
    def _statement(self, i: int, clause: Clause | None, at: int) -> str:
        text = self.sentences[i].text
        found = self.found[i]
        quote = quoted_at(text, at)
        said = attribution(text, found) if quote is not None else None
        if said is None:
            said = clause if clause is not None and clause.reporting else _reporting_near(found, at)
        if said is None:
            return ""
        subject_words = text[said.subject_start : said.subject_end].lower().split()
        if said.passive and quote is None and subject_words[:1] != ["it"]:
            return ""  # "The results were announced at ...": a happening, not a statement
        content = [(quote[0] + 1, quote[1])] if quote is not None else self._said(i, said)
        words = _FIRST_PERSON_LEAD.sub("", self._words(i, content).strip(' ,“”"'))
        m = _ADVERBIAL.match(words)
        if m and len(words[m.end() :].split()) > 3:
            words = words[m.end() :]  # "with great respect to the judge, we consider ..."
        if not words:
            return ""
        speaker = self._speaker(i, said)
        if speaker:
            return f"{speaker}: {lower_first(tidy(words, STATEMENT_WORDS), self.names.capitalised)}"
        subject = self._subject(i, said, ())
        if subject and subject.split()[0].lower() not in en.PRONOUNS:
            verb = text[said.verb_start : said.verb_end]
            told = lower_first(words, self.names.capitalised)
            return tidy(f"{head(subject, MAX_WORDS - 1 - len(words.split()))} {verb} {told}")
        return tidy(words)

    def _said(self, i: int, said: Clause) -> Pieces:
        """Where the words the reporting clause ``said`` reports stand: its "that" clause, the
        quotation it opens or closes, the clause right after it, the clause after an adverbial
        ("said according to those figures, ..."), or the sentence around "he said"."""
        text = self.sentences[i].text
        found = self.found[i]
        after = text[said.verb_end : said.verb_end + 80]
        m = _THAT.search(after)
        if m and len(after[: m.start()].split()) <= 8 and _clause_follows(after[m.end() :]):
            start = said.verb_end + m.end()
            inner = next((c for c in found if c.start <= start < c.end and c is not said), None)
            if inner is None or inner.subject_start != start:
                # "ruled that the merger, which was announced in 2009, was illegal": the clause
                # the aside interrupted, its subject before the aside
                inner = next((c for c in found if c.subject_start == start < c.start), inner)
            if inner is not None and inner.subject_start == start:
                return self._body(i, inner, len(text))
            aside = _APPOSITION.match(text, start)  # "that Tiger, the code name for it, includes"
            if aside is not None:
                return [(start, aside.end(1)), (aside.end(), len(text))]
            return [(start, len(text))]
        head = (
            min(said.subject_start, said.verb_start) if said.subject_start >= 0 else said.verb_start
        )
        for a, b in quotations(text):
            if a <= said.verb_start < b:
                continue
            gap = text[said.verb_end : max(a, said.verb_end)]
            if a >= said.verb_end and len(gap.split()) <= 5 and not any(q in gap for q in '“"'):
                return [(a + 1, b)]
            if b <= head and not text[b + 1 : head].strip(" ,'"):
                return [(a + 1, b)]
        k = found.index(said) if said in found else -1
        if 0 <= k < len(found) - 1 and found[k + 1].role == COMPLEMENT:
            nxt = found[k + 1]
            if nxt.start <= said.end + 2:
                return self._body(i, nxt, len(text))
        lead = said.verb_end + len(after) - len(after.lstrip())
        m = _ADVERBIAL.match(text, lead)
        if m and m.end() <= said.end:
            return [(m.end(), len(text))]
        sub = said.subject_start
        if sub > said.start and text[sub - 2 : sub] == ", " and text[said.verb_end :][:1] == ",":
            return [(said.start, sub - 2), (said.verb_end + 1, len(text))]
        if sub == said.start > 2 and text[sub - 2 : sub] == ", " and _ends_on_when(text, said):
            return [(found[0].start, sub - 2)]  # "Most members backed the deal, the union said"
        return []

    def _speaker(self, i: int, said: Clause) -> str:
        """The name of who made the statement: a person's surname, an organisation's name."""
        text = self.sentences[i].text
        subject = text[said.subject_start : said.subject_end] if said.subject_start >= 0 else ""
        first = subject.split()[0].lower() if subject else ""
        if first == "it" and said.passive:
            return ""  # "It was announced that ...": nobody in particular
        if first in _HE_SHE_IT:
            return self.names.referent(i, said)
        if first in ("i", "we"):
            who = attribution(text, self.found[i])
            return self._speaker(i, who) if who is not None and who is not said else ""
        between = (
            text[said.subject_end : said.group_start]
            if said.group_start > said.subject_end >= 0
            else ""
        )
        return self.names.speaker(subject, said.subject_start > first_word(text), between)

    # ---- noun phrases ----
    def _noun_phrase(self, text: str, phrase: str, at: int, subject: str = "") -> str:
        """An event noun phrase's title; "its launch" is its clause's ``subject``'s ("The 787 has
        won 710 orders since its launch" -> "787’s launch")."""
        words = phrase.split()
        if not words:
            return ""
        low = text.lower()
        pos = low.rfind(phrase.lower(), 0, at + 1)
        pos = pos if pos >= 0 else low.find(phrase.lower())
        before = text[:pos].split() if pos > 0 else []
        if before and before[-1].lower() in _OWNERS:
            own = subject.split()[:1] and subject.split()[0].lower() not in en.PRONOUNS
            owner = antecedent(subject if own else " ".join(before[:-1]))
            if owner:
                return tidy(f"{owner}’s {lower_first(phrase, self.names.capitalised)}")
        if says_whose(words, self.names.capitalised):
            return phrase
        return ""

    # ---- clauses ----
    def _clause(self, i: int, c: Clause | None, dates: Spans) -> tuple[str, bool]:
        """(title, whether it has a subject) of the clause's own words."""
        if c is None or (c.group_start < 0 and c.role != NONFINITE):
            return "", False
        if c.group_start < 0:
            c = replace(c, group_start=c.start)  # "..., prompting Apple Corps to sue again"
        text = self.sentences[i].text
        at = next((a for a, _ in dates if c.group_start <= a < c.end), -1)
        lead = self._leading_participle(i, c, dates)
        if lead:
            return lead, True
        aside = c.subject_end <= (dates[0][0] if dates else -1) < c.group_start
        told = cut_out(text[c.subject_end : c.group_start], dates, c.subject_end) if aside else ""
        if len(told.strip(" ,").split()) > 1:
            # "Jobs, born in San Francisco on February 24, 1955, has built": the apposition
            subject = self._subject(i, c, dates)
            return tidy(f"{subject} {told.strip(' ,')}"), bool(subject)
        inner = self._extraposed(i, c)
        if inner is not None:
            return self._clause(i, inner, dates)  # "It should be mentioned that sales tripled"
        made = caused(text, c, at) if c.role == NONFINITE and at >= 0 else -1
        if made >= 0:
            # "..., prompting Apple Corps to file suit again in 1999": the date dates what the
            # gerund's object did, told in its own words ("Apple Corps to file suit again")
            return tidy(cut_out(text[made : c.end], dates, made)), True
        a, b, own = _coordinated(text, c.group_start, c.end, at)
        subject = "" if own else self._subject(i, c, dates)
        if not subject and not own and c.role == NONFINITE:
            subject = self._nonfinite_subject(i, c, dates)
        elif not subject and not own and _RELATIVE_END.search(text, 0, c.start):
            # "a message that | was read Wednesday": the segment after a relative "that"
            pronoun = _RELATIVE_END.search(text, 0, c.start)
            subject = antecedent(text[: pronoun.start()]) if pronoun is not None else ""
        told = _COMPARISON_TAIL.sub("", cut_out(text[a:b], dates, a))
        if a == c.group_start and not own:
            told = _adverbs_before(text, c) + told  # "Salim, 24, allegedly rented"
        if own and told.lower().startswith("that "):
            told = told[5:]  # "..., and that applications can be submitted"
        if all(w.lower() in en.BE_MODALS for w in told.strip(" ,;:()").split()):
            told = text[a:b]  # "Take-off was at 12:30 on Sunday": the date is what it says
        if subject and told[:1].isupper() and c.start <= first_word(text):
            told = lower_first(told, self.names.capitalised)  # "Elian found clinging to ..."
        return tidy(f"{subject} {told}"), bool(subject) or own

    def _leading_participle(self, i: int, c: Clause, dates: Spans) -> str:
        """ "Found clinging to a tube off Florida in late November, Elian has been ...": the date
        dates the participle phrase, which tells of the subject ("Elian found clinging ...")."""
        text = self.sentences[i].text
        at = dates[0][0] if dates else -1
        if not (c.start <= at < c.subject_start):
            return ""  # most dates stand after the subject: no need to read the clause's words
        first = text[c.start : c.end].split(None, 1)[:1]
        if not first or c.start > first_word(text):
            return ""
        forms = en.verb_forms(first[0].lower())
        comma = text.rfind(",", c.start, c.subject_start)
        if not forms or not forms[1] & {"VBN", "VBG"} or comma < at:
            return ""
        if first[0].lower() in _PREPOSITION_LIKE:
            return ""  # "According to an April 2 report, ...": not something the subject did
        phrase = lower_first(cut_out(text[c.start : comma], dates, c.start), self.names.capitalised)
        return tidy(f"{self._subject(i, c, dates)} {phrase}")

    def _extraposed(self, i: int, c: Clause) -> Clause | None:
        """The clause an empty "it" stands for ("It should be mentioned that the stock tripled"
        -> "the stock tripled"), as offsets in the sentence; None when ``c`` is not one."""
        text = self.sentences[i].text
        if c.subject_start < 0 or text[c.subject_start : c.subject_end].lower() != "it":
            return None
        m = _EXTRAPOSED.match(text, c.group_start, c.end)
        if m is None or self.names.referent(i, c):
            return None
        at = m.end()
        inner = next((x for x in clauses(text[at:]) if x.finite and x.subject_start >= 0), None)
        if inner is None:
            return None
        return replace(
            inner,
            start=inner.start + at,
            end=len(text),
            verb_start=inner.verb_start + at,
            verb_end=inner.verb_end + at,
            group_start=inner.group_start + at,
            subject_start=inner.subject_start + at,
            subject_end=inner.subject_end + at,
        )

    def _nonfinite_subject(self, i: int, c: Clause, dates: Spans) -> str:
        """ "..., prompting Apple Corps to sue": the main clause's subject does it; "a hub in
        Wiesbaden, set to be operational": the noun phrase before the participle."""
        text = self.sentences[i].text
        opens = max(c.start, c.group_start)
        first = text[opens : c.end].split()[:1]
        if opens <= first_word(text):
            # "Found clinging to a tube in November, Elian has been ...": the main clause's subject
            main = next(
                (m for m in self.found[i] if m.main and m.finite and m.start > c.start), None
            )
            return self._subject(i, main, dates) if main is not None else ""
        forms = en.verb_forms(first[0].lower()) if first else None
        if forms is None or "VBG" not in forms[1]:
            return noun_phrase_ending(text[:opens])  # "Sales of the drug, approved in 2003,"
        main = next((m for m in self.found[i] if m.main and m.finite and m.start < c.start), None)
        return self._subject(i, main, dates) if main is not None else ""

    def _subject(self, i: int, c: Clause, dates: Spans) -> str:
        if c.subject_start < 0:
            return ""
        text = self.sentences[i].text
        raw = text[c.subject_start : c.subject_end]
        words = cut_out(raw, dates, c.subject_start).split() or raw.split()
        if not words:
            return ""
        first = words[0].lower()
        forms = en.verb_forms(first) if len(words) == 1 else None
        if forms and "VBG" in forms[1] and forms[0] in ("have", "be"):
            return ""  # "having boosted": no subject of its own ("fighting resumed" has one)
        if all(_adverb(w) for w in words):
            # "..., and more recently has begun": the subject is the one before
            before = [p for p in self.found[i] if p.end <= c.start and p.subject_start >= 0]
            borrowed = self._subject(i, before[-1], dates).split() if before else []
            while len(borrowed) > 1 and _adverb(borrowed[-1]):
                borrowed.pop()  # "The store currently sells ..., and more recently has begun"
            return " ".join(borrowed)
        if first == "it" and not self.names.referent(i, c):
            # "..., and increased by 16 percent" after "It should be mentioned that the stock ..."
            said = next((m for m in self.found[i] if m.subject_start == c.subject_start), c)
            inner = self._extraposed(i, said)
            if inner is not None:
                return self._subject(i, inner, dates)
        if first in _HE_SHE_IT:
            words[0] = self.names.referent(i, c) or words[0]
        elif first in _RELATIVE and len(words) == 1:
            words = antecedent(text[: c.subject_start]).split() or words
        elif first == "whose" and len(words) > 1:
            # "Halvard Mining, whose chief executive resigned": the owner's chief executive
            owner = antecedent(text[: c.subject_start])
            plural = owner.endswith("s") and owner.split()[-1][:1].islower()  # "the dolls’"
            words = [f"{owner}’{'' if plural else 's'}", *words[1:]] if owner else words[1:]
        if len(words) > 2 and words[-1].lower() in _RELATIVE:
            gerund = en.verb_forms(first) if words[0][:1].islower() else None
            if gerund and "VBG" in gerund[1]:
                words = words[1:]  # "..., ending a war that began in 1989": the war began
        while len(words) > 1 and words[-1].lower() in _RELATIVE:
            words.pop()
        return " ".join(words)

    def _body(self, i: int, c: Clause, end: int) -> Pieces:
        """The clause from its subject and verb group on (its leading adverbial and an apposition
        after its subject left out), to ``end``."""
        own = c.subject_start >= c.start or (c.subject_start >= 0 and not c.shared_subject)
        if own and c.group_start >= 0:  # its subject before an aside ("the merger, which ...,")
            return [(c.subject_start, c.subject_end), (c.group_start, end)]
        return [(c.start, end)]

    def _words(self, i: int, pieces: Pieces, dates: Spans = ()) -> str:
        text = self.sentences[i].text
        return " ".join(cut_out(text[a:b], dates, a) for a, b in pieces if a < b)


# ", up from 7.2 million in 2009", ", compared with a year earlier": the point a figure is compared
# with, never part of the happening.
_COMPARISON_TAIL = re.compile(
    r",\s+(?:(?:up|down)\b[^,;]{0,30}?\bfrom|compared\s+(?:with|to))\b.*$", re.IGNORECASE | re.S
)
_COORDINATION = re.compile(r"(?:,\s+(?:and|but)\s+|;\s+|,\s+|\s+(?:and|but)\s+)")
_NEXT_WORDS = re.compile(r"\s*(\S+)(?:\s+(\S+))?")


def _coordinated(text: str, start: int, end: int, at: int) -> tuple[int, int, bool]:
    """Of verbs coordinated in one clause ("tripled in 2004, doubled in 2005 and increased ...";
    "started Apple in 1976, and in 1984 the Macintosh was released"), the part holding offset ``at``
    (the first without it): (start, end, whether it has a subject of its own)."""
    found: list[tuple[int, str]] = []
    waiting = False  # a comma before ``end`` that no "and" or "but" has followed yet
    for m in _COORDINATION.finditer(text, start):
        if m.end() >= end and not waiting:
            break  # what follows the clause matters only to a comma in it waiting for an "and"
        nxt = _NEXT_WORDS.match(text, m.end())  # the next two words
        if nxt is None:
            continue
        mark = m.group().strip()
        if ";" in mark or (mark.startswith(",") and mark != ","):
            found.append((m.end(), "strong"))
            continue
        first, second = nxt.groups()
        if _nouns_joined(text, m.start(), first):
            continue  # "cars and trucks"
        if _finite(first) or (first in en.GROUP_ADVERBS and second is not None and _finite(second)):
            found.append((m.end(), mark))
            waiting = mark == "," and (m.end() < end or waiting)
    # "tripled in 2004, doubled in 2005 and increased ...": a comma before a verb cuts only in a
    # series that "and" ends (", expected in late 2006" is a participle)
    cuts = [start] + [
        at
        for n, (at, mark) in enumerate(found)
        if at < end and (mark != "," or any(m in ("and", "but") for _, m in found[n + 1 :]))
    ]
    cuts.append(end)
    k = max((n for n in range(len(cuts) - 1) if cuts[n] <= at), default=0)
    a, b = cuts[k], cuts[k + 1]
    own = k > 0 and not _finite(text[a:b].split(None, 1)[0] if text[a:b].split() else "")
    return a, b, own


def _nouns_joined(text: str, at: int, first: str) -> bool:
    """ "cars and trucks": a plural after a plural noun, not a verb ("segments._verb_soon")."""
    before = text[:at].split()[-1:]
    forms = en.verb_forms(first.lower()) if first[:1].islower() else None
    plural = forms is not None and forms[1] == {"VBZ"}
    return plural and bool(before) and en.plural_noun(before[0].lower().strip(",;"))


def _finite(word: str) -> bool:
    forms = en.verb_forms(word.lower()) if word[:1].islower() else None
    return bool(forms and forms[1] & {"VBD", "VBZ"}) or word.lower() in en.MODALS_HAVE


def _adverb(word: str) -> bool:
    low = word.lower()
    return word[:1].islower() and (
        low in en.GROUP_ADVERBS
        or low in ("more", "most", "less")
        or (low.endswith("ly") and len(low) > 4)
    )


def _adverbs_before(text: str, c: Clause) -> str:
    """The adverbs between an apposition and the verb group ("Salim, 24, allegedly rented"), which
    the subject's words leave out."""
    if c.subject_end < 0 or c.group_start <= c.subject_end:
        return ""
    gap = text[c.subject_end : c.group_start].rsplit(",", 1)
    words = gap[-1].split() if len(gap) > 1 else []
    return " ".join(words) + " " if words and all(_adverb(w) for w in words) else ""


def _ends_on_when(text: str, said: Clause) -> bool:
    """The sentence ends on the reporting verb and at most when it was said ("..., the union said
    late Saturday.")."""
    rest = text[said.verb_end :].strip(" .").split()
    return len(rest) <= 3 and all(w[:1].isupper() or w[:1].isdigit() or w in _WHEN for w in rest)


_WHEN = frozenset({"on", "late", "early", "last", "this", "yesterday", "today", "tonight"})


def _reporting_near(found: tuple[Clause, ...], at: int) -> Clause | None:
    """The reporting clause a date next to it dates ("During a press conference on Wednesday,
    Rutte confirmed that ...")."""
    near = [c for c in found if c.reporting and c.main and abs(c.verb_start - at) < 80]
    return min(near, key=lambda c: abs(c.verb_start - at)) if near else None


def _clause_follows(text: str) -> bool:
    """ "that" opens a clause here, not a relative ("the update that was released")."""
    words = text.split(None, 2)
    first = words[0].lower().strip('“"') if words else ""
    if not first or first in en.AUXILIARIES:
        return False
    forms = en.verb_forms(first)
    if forms and "VBZ" in forms[1] and en.plural_noun(first) and len(words) > 1:
        # "that talks with Iran ... would resume": a plural noun, the clause's subject
        nxt = words[1].lower()
        after = en.verb_forms(nxt)
        if nxt in en.PREPOSITIONS or nxt in en.AUXILIARIES or (after and "VBD" in after[1]):
            return True
    return not (forms and forms[1] & {"VBD", "VBZ"})
