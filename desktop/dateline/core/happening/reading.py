"""Reading one article for happenings: every report of something that happened, and its date.

Two kinds of report:

- *dated*: a date expression dates the clause it stands in ("Jobs resigned on August 24"). A date that
  is only a reference point ("lowest since 1997", "compared to March 2008") dates nothing
  (``reference``); a date in a clause dates that clause, not the sentence's other clauses.
- *inferred*: a clause that tells a happening without a date of its own (the headline, the lead, "Jobs
  also said ...") takes the date of the story it belongs to: the date the lead gives the news
  ("Yesterday, Jobs unveiled ..."), else the publication day; or, right after a dated sentence it
  continues ("He then ..."), that sentence's date. Each says how it was dated (``basis``) and carries
  a lower confidence than a date the text states.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from .. import timevalue
from ..eventtext import Frame, analyse, key_terms
from ..model import Article, Sentence, Timex, TimexType
from ..sentences import SentenceIndex, split_sentences
from ..span import Span
from .clauses import (
    Clause,
    clause_at,
    clauses,
    cumulative,
    tells_happening,
    timed_by_clause,
)
from .confidence import (
    CONF_CONTINUED,
    CONF_LEAD,
    CONF_STORY,
    IRREALIS_FACTOR,
    PRECISION_FACTOR,
    SUBORDINATE_FACTOR,
)
from .datable import (
    UNDATED_VALUES,
    counting_period,
    dates_nothing,
    is_range,
    noun_date,
    occasion,
    same_session,
)
from .frames import LastSpeaker, actor_names, clause_frame, markers, own_happening, place_names
from .naming import Openings, resolved_actors
from .profile import Profile, from_terms
from .quotes import LEAD_SENTENCES, STORY_WINDOW, reanchored, spoken_that_day
from .reference import reference_reason
from .titles import Titler
from .together import DateOf, clock_time, joined, together, value_of
from .words import PAST, PERFECT

_ASIDES = frozenset({"relative", "nonfinite"})  # clause roles that tell a happening of their own
_WHEN_AFTER = re.compile(r",?\s+when\s+")
_UNTIL = re.compile(r"\b(?:until|till)\s+$", re.IGNORECASE)
_CONTINUES = re.compile(
    r"^(?:(?:he|she|it|they|the\s+(?:company|firm|group|government|court|board))\b|"
    r"(?:then|later|afterwards|subsequently)\b)",
    re.IGNORECASE,
)


def _spoke_before(subject: str, carried: Candidate) -> bool:
    """Is the speaker of a statement that would carry on ``carried``'s date one the story has
    (a pronoun, "the company", a name of that sentence); not a new voice ("said a worker")?"""
    words = subject.split()
    return bool(_CONTINUES.match(subject) or (words and words[-1] in carried.sentence.text))


def _along(text: str, c: Clause) -> bool:
    """A clause of "as" or "while" in ``text``: what went on as the clause before happened."""
    return c.role == "subordinate" and text[c.start : c.start + 6].lower().startswith(
        ("as ", "while ")
    )


@dataclass(slots=True)
class Candidate:
    document: str
    order: int  # position in the run, for stable output
    sentence: Sentence
    start: int  # what is quoted as the date's words: the date expression, or the verb
    end: int
    value: str
    end_value: str | None
    rule: str
    confidence: float
    frame: Frame
    terms: tuple[str, ...]
    basis: str = ""  # how the date was found, when the clause has none of its own
    explicit: bool = True  # the text dates this clause itself
    timex: Timex | None = None
    profile: Profile = field(init=False)

    def __post_init__(self) -> None:
        self.profile = from_terms(
            Span.of(self.value, self.end_value),
            self.terms,
            ((self.document, self.sentence.start),),
            soft=not self.explicit and self.rule in ("headline", "story"),
            stated=self.explicit,
        )

    @property
    def reading(self) -> str:
        return self.value if self.end_value is None else f"{self.value}/{self.end_value}"


def read_article(article: Article, timexes: Sequence[Timex], start_order: int) -> list[Candidate]:
    """The article's reports of happenings, dated ones first then inferred ones, in text order."""
    sentences = split_sentences(article.text)
    reader = _Reader(article, sentences, start_order)
    reader.dated(timexes)
    reader.inferred()
    return reader.out


class _Reader:
    def __init__(self, article: Article, sentences: list[Sentence], order: int) -> None:
        self.article = article
        self.sentences = sentences
        self.index = SentenceIndex(sentences)
        self.order = order
        self.out: list[Candidate] = []
        self.clauses = [clauses(s.text, s.is_headline) for s in sentences]
        self.titler = Titler(sentences, self.clauses)
        self.openings = Openings(sentences, self.titler.names.capitalised)
        self.actors = resolved_actors(self.openings, self.clauses)
        self.dated_clauses: dict[tuple[int, int], Candidate] = {}
        self.thread: dict[int, Candidate] = {}  # sentence -> the date the story has reached there
        self.background: set[int] = set()  # reports (by order) of a reference point's "when"

    # ---- dated reports ----
    def dated(self, timexes: Sequence[Timex]) -> None:
        timexes = reanchored(self.article, self.sentences, self.clauses, timexes)
        by_group: dict[int, list[Timex]] = {}
        for t in timexes:
            if t.group is not None:
                by_group.setdefault(t.group, []).append(t)
        speakers = LastSpeaker(self.sentences)
        found: list[_Dated] = []
        for t in timexes:
            report = self._dated_report(t, timexes, by_group, speakers)
            if report is not None:
                found.append(report)
        dates = [
            DateOf(
                (d.i, d.clause.start) if d.clause is not None else None,
                d.cand.start,
                d.cand.end,
                d.cand.value,
                d.cand.end_value,
                d.cand.frame.speech,
                d.cand.timex is not None and clock_time(d.cand.timex.text),
            )
            for d in found
        ]
        for group in together(dates, self.article.text):
            d = found[group[0]]
            if value_of(dates, group) != d.cand.value:
                d.cand = replace(d.cand, value=value_of(dates, group))  # 12:30 on the clause's day
            spans = self._title_spans(d.i, [found[k].cand for k in group], by_group)
            d.cand.frame = d.cand.frame.titled(
                self.titler.title(d.i, d.clause, spans, d.cand.frame)
            )
            self.out.append(d.cand)
            for c in (d.clause, d.where):
                if c is not None:
                    self.dated_clauses.setdefault((d.i, c.start), d.cand)
            if d.background:
                self.background.add(d.cand.order)

    def _title_spans(
        self, i: int, cands: Sequence[Candidate], by_group: dict[int, list[Timex]]
    ) -> list[tuple[int, int]]:
        """Sentence offsets of the date expressions a title leaves out: the report's own, and the
        other dates coordinated with them ("in March and June")."""
        out: list[tuple[int, int]] = []
        for c in cands:
            parts = [(c.start, c.end)]
            if c.timex is not None and c.timex.group is not None and c.end_value is None:
                parts = [(p.start, p.end) for p in by_group[c.timex.group]]
            out.extend(joined(self.article.text, parts))
        start = self.sentences[i].start
        return [(a - start, b - start) for a, b in out]

    def _dated_report(
        self,
        t: Timex,
        timexes: Sequence[Timex],
        by_group: dict[int, list[Timex]],
        speakers: LastSpeaker,
    ) -> _Dated | None:
        """The report the date ``t`` dates, with its sentence and clause; None when it dates
        nothing (a reference point, a stretch of time, a part of a range told once)."""
        if t.type not in (TimexType.DATE, TimexType.TIME) or t.value in UNDATED_VALUES:
            return None
        end_timex = None
        if t.group is not None and is_range(by_group[t.group]):
            parts = by_group[t.group]
            if t is not parts[0]:
                return None  # a range is proposed once, from its first part
            end_timex = parts[-1]
        text = self.article.text
        if dates_nothing(text, t):
            return None  # "for the rest of the year", "Smith 1931-2010", "the fiscal first quarter"
        i = self.index.index_of(t.start)
        s = self.index.at(t.start)
        if s is None:
            return None
        end = (end_timex or t).end
        rel, rel_end = t.start - s.start, min(end, s.end) - s.start
        clause = clause_at(self.clauses[i], rel)
        background = False
        if reference_reason(s.text, rel, rel_end) or counting_period(t):
            # "... since 2004, when it last posted a profit": the date is a reference point, but
            # the "when" clause after it tells what happened then (background to the story)
            clause = self._when_after(i, rel_end)
            if clause is None:
                return None
            background = True
        elif clause is not None and clause.given_up:
            return None  # "had planned to fly the aircraft in 2008"
        elif noun_date(s, rel, rel_end, clause, timexes, t):
            return None  # "this year's conference ... yesterday", "Under the 2003 lease, ... may"
        elif _UNTIL.search(s.text, max(0, rel - 7), rel):
            # "The ceasefire held until March 2003, when fighting resumed": the date is when the
            # "when" clause happened; the clause before it lasted up to then
            clause = self._when_after(i, rel_end) or clause
        speakers.upto = max(speakers.upto, i - 1)
        frame = self._dated_frame(s, i, clause, rel, rel_end, speakers)
        where = clause
        said = spoken_that_day(t, s, self.clauses[i], timexes, self.article.published)
        if said is not None:
            # "“Today is a great day,” Jones said": the day the words were said, a statement
            clause, frame = said, clause_frame(s.text, said, speakers)
        confidence = t.confidence * PRECISION_FACTOR.get(str(t.granularity), 0.5)
        if clause is not None and not clause.main:
            confidence *= SUBORDINATE_FACTOR
        if clause is not None and clause.irrealis:
            confidence *= IRREALIS_FACTOR
        cand = Candidate(
            self.article.id,
            self._next(),
            s,
            t.start,
            end,
            t.value,
            end_timex.value if end_timex is not None else None,
            t.rule,
            round(confidence, 3),
            frame,
            markers(frame, clause, *self._actors_of(i, clause), self.openings.common(i)),
            timex=t,
        )
        return _Dated(cand, i, clause, where, background)

    def _when_after(self, i: int, rel_end: int) -> Clause | None:
        """The clause a ", when" right after a date opens, if it tells a happening."""
        when = _WHEN_AFTER.match(self.sentences[i].text, rel_end)
        if when is None:
            return None
        clause = clause_at(self.clauses[i], when.end())
        return clause if clause is not None and clause.finite and not clause.stative else None

    def _dated_frame(
        self,
        s: Sentence,
        i: int,
        clause: Clause | None,
        rel: int,
        rel_end: int,
        speakers: LastSpeaker,
    ) -> Frame:
        """What the date at [rel, rel_end) of sentence ``i`` dates: a statement, an event's noun
        phrase, or its clause's happening."""
        # untitled: the report's title is ``Titler``'s (an event noun phrase's is still read)
        frame = analyse(s.text, rel, rel_end, speakers, s.is_headline, titled=False)
        if clause is not None and frame.speech and clause.role == "complement":
            frame = clause_frame(s.text, clause)  # the date dates what was said
        elif clause is not None and frame.speech and own_happening(s.text, clause, rel_end):
            # "Airbus, which delivered 498 aircraft in 2009, said ...": the aside's own happening;
            # "Emirates ordered 30 jets on Monday, Airbus said": the ordering
            frame = clause_frame(s.text, clause)
        if clause is not None and not frame.speech and not frame.event_noun:
            # "On 8 March, the rector resigned": the clause's words, not only the date's phrase
            words = s.text[clause.start : rel] + " " + s.text[rel_end : clause.end]
            frame = frame.with_terms(frame.terms | key_terms(words))
        if (
            clause is not None
            and clause.main
            and clause.reporting
            and not frame.speech
            and rel < clause.verb_end + 20
        ):
            # "In a July 16 press conference, Jobs said that ...": the date dates the statement
            frame = clause_frame(s.text, clause, speakers)
        return frame

    # ---- inferred reports ----
    def inferred(self) -> None:
        published = self.article.published
        if published is None:
            return  # nothing to date them by
        story, story_basis = self._story(published)
        self.thread.update(self._thread())
        speakers = LastSpeaker(self.sentences)
        spoken = {i for (i, _), cand in self.dated_clauses.items() if cand.frame.speech}
        for i, s in enumerate(self.sentences):
            if timed_by_clause(s.text, self.clauses[i]):
                continue  # "When he first introduced it, he praised ...": dated by that time
            for n, c in enumerate(self.clauses[i]):
                # "fell on Monday as Lehman filed for bankruptcy": told as the dated clause is
                along = _along(s.text, c) and self._same_sentence(i, c) is not None
                told = replace(c, role="coordinate") if along else c
                if (i, c.start) in self.dated_clauses or not tells_happening(told, s.is_headline):
                    continue
                if c.tense == PERFECT and (
                    cumulative(s.text, c) or (n and self._dated_aside(i, self.clauses[i][n - 1], c))
                ):
                    continue  # "Jobs, born in 1955, has built", "has since sold": a record summed up
                if c.reporting and i in spoken:
                    continue  # "'I can announce today that ...,' he said": one statement, dated
                speakers.upto = max(speakers.upto, i - 1)
                value, rule, confidence, basis = self._date_for(i, c, story, story_basis)
                frame = clause_frame(s.text, c, speakers)
                terms = markers(frame, c, *self._actors_of(i, c), self.openings.common(i))
                frame = frame.titled(self.titler.title(i, c, (), frame))
                cand = Candidate(
                    self.article.id,
                    self._next(),
                    s,
                    s.start + c.verb_start,
                    s.start + c.verb_end,
                    value,
                    None,
                    rule,
                    confidence,
                    frame,
                    terms,
                    basis=basis,
                    explicit=False,
                )
                self.out.append(cand)
                if rule == "continues" and i not in self.thread:
                    self.thread[i] = cand

    def _dated_aside(self, i: int, aside: Clause, c: Clause) -> bool:
        """``aside`` is a dated aside between ``c``'s subject and its verb."""
        return (
            aside.role in _ASIDES
            and 0 <= c.subject_start < c.start
            and (i, aside.start) in self.dated_clauses
        )

    def _story(self, published: dt.date) -> tuple[str, str]:
        """The date of the article's news: what the lead dates it to, else the publication day."""
        low = (published - dt.timedelta(days=STORY_WINDOW)).toordinal()
        for i in range(min(LEAD_SENTENCES, len(self.sentences))):
            for (k, _), cand in sorted(self.dated_clauses.items()):
                span = cand.profile.span
                if k != i or span is None or span.width != 0 or cand.order in self.background:
                    continue
                if low <= span.first <= published.toordinal():
                    words = cand.sentence.text[
                        cand.start - cand.sentence.start : cand.end - cand.sentence.start
                    ]
                    return cand.value, (
                        f"the article's news, dated by its lead ('{words}' -> "
                        f"{timevalue.label(cand.value)})"
                    )
        day = published.isoformat()
        return day, f"the article's news, dated by its publication date ({timevalue.label(day)})"

    def _date_for(
        self, i: int, c: Clause, story: str, story_basis: str
    ) -> tuple[str, str, float, str]:
        """(value, rule, confidence, basis) of an undated clause in sentence ``i``."""
        s = self.sentences[i]
        if s.is_headline and i == 0:
            return (
                story,
                "headline",
                CONF_LEAD,
                "headline event, " + story_basis.removeprefix("the article's news, "),
            )
        same = self._same_sentence(i, c)
        if same is not None:
            return (
                same.value,
                "continues",
                CONF_CONTINUED,
                f"shares the date of its sentence's first clause ({timevalue.label(same.value)})",
            )
        before = self._continued(i, c)
        if before is not None:
            k, cand = before
            quote = _shorten(self.sentences[k].text)
            return (
                cand.value,
                "continues",
                CONF_CONTINUED,
                f"continues sentence {k + 1} ('{quote}'), dated {timevalue.label(cand.value)}",
            )
        confidence = CONF_LEAD if i < LEAD_SENTENCES else CONF_STORY
        return story, "story", confidence, story_basis

    def _same_sentence(self, i: int, c: Clause) -> Candidate | None:
        """ "He was fired in 1985 and he founded NeXT": a coordinate clause after a dated one; "fell
        504 points on Monday as Lehman filed for bankruptcy": what went on as it happened."""
        if not (c.role == "coordinate" or _along(self.sentences[i].text, c)) or c.tense != PAST:
            return None
        for cl in self.clauses[i]:
            if cl.start >= c.start:
                break
            cand = self.dated_clauses.get((i, cl.start))
            if cand is not None and cl.main:
                return cand
        return None

    def _continued(self, i: int, c: Clause) -> tuple[int, Candidate] | None:
        """The dated sentence just before that this clause carries on, if it says it does."""
        if c.tense != PAST or i == 0:
            return None
        subject = c.subject.strip()
        opens = self.sentences[i].text.lstrip("“\"' ")
        # "It also said": a main clause's own "also", not one of what was said or of a clause
        # joined to its sentence's ("had condemned it on Aug. 2 but also criticized")
        also = c.role == "main" and " also " in f" {self.sentences[i].text[c.start : c.end][:40]} "
        told = self.sentences[i].text[c.verb_end : c.end]
        before = self.thread.get(i - 1)
        span = before.profile.span if before is not None else None
        moved = same_session(told, c.lemma, span, self.clauses[i - 1])
        if not (_CONTINUES.match(subject) or _CONTINUES.match(opens) or also or moved):
            return None
        for k in range(i - 1, max(-1, i - 3), -1):
            carried = self.thread.get(k)
            if carried is not None:
                # "Albright, who fled Prague in 1948, ... 'Hallelujah,' she said": what is quoted
                # was said about the story's time, not in a year told of as background
                recent = occasion(carried.profile.span, self.article.published)
                if c.reporting and not (recent and (also or _spoke_before(subject, carried))):
                    return None  # "The deal was reached on Oct. 27. | 'Good,' said a worker"
                return k, carried
            if any(cl.main and cl.finite for cl in self.clauses[k]):
                return None  # an undated sentence in between: the thread is broken
        return None

    def _thread(self) -> dict[int, Candidate]:
        """What each sentence dates the story to, for the sentence after it to carry on: the
        first past date it states (one pass over the dated clauses, not one per sentence)."""
        published = self.article.published
        now = published.toordinal() if published else 0
        out: dict[int, Candidate] = {}
        for (j, _), cand in sorted(self.dated_clauses.items()):
            span = cand.profile.span
            if span is not None and span.last <= now and cand.order not in self.background:
                out.setdefault(j, cand)
        return out

    def _actors_of(self, i: int, clause: Clause | None) -> tuple[list[str], list[str], list[str]]:
        """(sure, other) names of a clause: its subject's, then the other names it holds; and the
        places it names ("in Geneva"), which are no actors."""
        if clause is None:
            return [], [], []
        sure, other = self.actors.get((i, clause.start), ([], []))
        text = self.sentences[i].text[clause.start : clause.end]
        places = [n for n in place_names(text) if n not in sure]
        other = [n for n in other if n not in places]
        found = self.openings.without_common(i, actor_names(text, False))
        return sure, other + [n for n in found if n not in sure], places

    def _next(self) -> int:
        self.order += 1
        return self.order - 1


@dataclass(slots=True)
class _Dated:
    """A dated report while its sentence's dates are read: ``clause`` is the clause it tells,
    ``where`` the one its date stands in (a quotation's, for the day the quoted words were said)."""

    cand: Candidate
    i: int
    clause: Clause | None
    where: Clause | None
    background: bool = False  # told of a reference point ("since 2004, when ..."): no thread


def _shorten(text: str, words: int = 8) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + ("…" if len(parts) > words else "")
