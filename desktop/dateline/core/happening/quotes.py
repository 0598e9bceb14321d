"""Dates inside quoted speech, read from the day the speaker spoke.

"“Today is a great day,” Jones said at Sunday's rollout", in an article published on Monday: the
speaker's "today" is Sunday. The engine reads every relative date from the publication date (it
knows nothing of who speaks); here, when the sentence says when the quoted words were said (a date
outside the quotation, in or beside the clause that reports them), the relative dates inside the
quotation are read again, by the same engine, from that day.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import re
from collections.abc import Sequence

from .. import timevalue
from ..model import Anchor, Article, Sentence, Timex, TimexType
from ..sentences import SentenceIndex
from .clauses import Clause

_MARKS = re.compile(r"``|''|[“”\"]")
STORY_WINDOW = 7  # days before publication a lead's date may be "the news" of the article
LEAD_SENTENCES = 3  # the headline and the first two sentences of the body
LEAD_DAY_SURE = 0.85  # a quotation's date read from the lead's day: a guess on the engine's reading
_GUESSED = "said without a date, read from the day the lead tells of,"


@functools.lru_cache(maxsize=4096)  # asked of the same sentence for each of its dates and clauses
def quotations(text: str) -> tuple[tuple[int, int], ...]:
    """(opening mark, closing mark) of each quotation in a sentence; -1 for one opened in an earlier
    sentence, the sentence's length for one that goes on into the next."""
    out: list[tuple[int, int]] = []
    opened: int | None = None
    n = len(text)
    for m in _MARKS.finditer(text):
        k, mark = m.start(), m.group()
        if mark == "``":  # news wires' ``...''
            opened = k if opened is None else opened
        elif mark == "''":
            if opened is not None and text[opened] == "`":
                out.append((opened + 1, k))
                opened = None
        elif mark == "“":
            opened = k if opened is None else opened
        elif mark == "”":
            out.append((-1 if opened is None else opened, k))
            opened = None
        elif opened is not None:
            out.append((opened, k))
            opened = None
        elif k + 1 < n and not text[k + 1].isspace() and (k == 0 or text[k - 1] in " ([—–-"):
            opened = k
        else:
            out.append((-1, k))  # closes what an earlier sentence opened
    if opened is not None:
        out.append((opened, n))
    return tuple(out)


def quoted_at(text: str, at: int) -> tuple[int, int] | None:
    """The quotation holding offset ``at`` of a sentence (of three words at least: not a "word" put
    in quotation marks), None when it is not inside one."""
    for a, b in quotations(text):
        if a < at < b and len(text[a + 1 : b].split()) >= 3:
            return a, b
    return None


def attribution(text: str, found: Sequence[Clause]) -> Clause | None:
    """The reporting clause outside the quotations of a sentence ("..., Jones said")."""
    spans = quotations(text)
    for c in found:
        if c.reporting and c.verb_start >= 0 and not any(a < c.verb_start < b for a, b in spans):
            return c
    return None


def spoken_on(
    sentence: Sentence, found: Sequence[Clause], timexes: Sequence[Timex]
) -> Timex | None:
    """The date the sentence gives to the words it quotes: a day, outside the quotations, in the
    reporting clause or right after it ("said on Sunday", "said at Sunday's rollout")."""
    said = attribution(sentence.text, found)
    if said is None:
        return None
    spans = quotations(sentence.text)
    for t in timexes:
        rel = t.start - sentence.start
        if not (sentence.start <= t.start < sentence.end) or t.earliest is None:
            continue
        if t.type not in (TimexType.DATE, TimexType.TIME) or t.earliest != t.latest:
            continue
        if any(a < rel < b for a, b in spans):
            continue
        if said.start <= rel < said.end + 40 and rel >= said.verb_start - 40:
            return t
    return None


def spoken_that_day(
    t: Timex,
    s: Sentence,
    found: Sequence[Clause],
    timexes: Sequence[Timex],
    published: dt.date | None,
) -> Clause | None:
    """The clause reporting the quotation ``t`` stands in, when ``t`` is the day the words were
    said ("“I can announce today ...,” he said"): the date dates the statement."""
    rel = t.start - s.start
    if t.earliest is None or t.earliest != t.latest or quoted_at(s.text, rel) is None:
        return None
    said = attribution(s.text, found)
    if said is None:
        return None
    when = spoken_on(s, found, timexes)
    if when is None and t.anchor is Anchor.MENTION:  # read from the lead's day (``reanchored``)
        when = next((x for x in timexes if x.start == t.anchor_start), None)
    day = when.earliest if when is not None else published
    return said if t.earliest == day else None


def reanchored(
    article: Article,
    sentences: Sequence[Sentence],
    found: Sequence[Sequence[Clause]],
    timexes: Sequence[Timex],
) -> list[Timex]:
    """``timexes`` with the relative dates of quoted speech read from the day it was spoken, when
    the sentence says so and that day is not the publication day."""
    published = article.published
    if published is None or not any(t.anchor is Anchor.PUBLISHED for t in timexes):
        return list(timexes)
    index = SentenceIndex(list(sentences))
    out = list(timexes)
    story: Timex | bool | None = False  # the lead's day, found when first needed
    for n, t in enumerate(timexes):
        if t.anchor is not Anchor.PUBLISHED or t.type not in (TimexType.DATE, TimexType.TIME):
            continue
        i = index.index_of(t.start)
        s = index.at(t.start)
        if s is None or quoted_at(s.text, t.start - s.start) is None:
            continue
        when = spoken_on(s, found[i], timexes)
        guessed = False
        if when is None and attribution(s.text, found[i]) is not None:
            # "“Today is a good day,” the manager said", the lead telling of Monday in Tuesday's
            # paper: undated words are the story's, as the undated saying is (``reading``); a
            # guess, so less sure than the engine's reading
            story = _lead_day(sentences, timexes, published) if story is False else story
            when = story if isinstance(story, Timex) else None
            guessed = True
        if when is None or when.earliest is None or when.earliest == published:
            continue
        again = _read_from(s, t, when.earliest, article.language)
        if again is not None:
            out[n] = dataclasses.replace(
                again,
                anchor=Anchor.MENTION,
                anchor_start=when.start,
                confidence=again.confidence * (LEAD_DAY_SURE if guessed else 1.0),
                explanation=(
                    f"'{t.text}' in words quoted as {_GUESSED if guessed else 'said'} "
                    f"{timevalue.label(when.value)} "
                    f"('{when.text}') -> {timevalue.label(again.value)}"
                ),
            )
    return out


def _lead_day(
    sentences: Sequence[Sentence], timexes: Sequence[Timex], published: dt.date
) -> Timex | None:
    """The day before publication the lead tells of ("reopened its plant on Monday"): the first
    day-precise date, outside quotations, of the headline and the first two sentences."""
    lead = sentences[:LEAD_SENTENCES]
    if not lead:
        return None
    end = lead[-1].end
    low = published - dt.timedelta(days=STORY_WINDOW)
    for t in timexes:
        if (
            t.start >= end
            or t.type is not TimexType.DATE
            or t.earliest is None
            or t.earliest != t.latest
        ):
            continue
        s = next((s for s in lead if s.start <= t.start < s.end), None)
        if s is None or quoted_at(s.text, t.start - s.start) is not None:
            continue
        return t if low <= t.earliest < published else None
    return None


def _read_from(s: Sentence, t: Timex, day: dt.date, language: str) -> Timex | None:
    """The engine's reading of ``t`` in its sentence, against ``day`` as the date of writing."""
    from ..temporal import find_timexes

    rel = t.start - s.start
    for again in find_timexes(s.text, day, language):
        if again.start == rel and again.end == t.end - s.start:
            return dataclasses.replace(
                again, start=t.start, end=t.end, group=t.group, group_role=t.group_role
            )
    return None


def reread(article: Article, timexes: Sequence[Timex]) -> list[Timex]:
    """``reanchored`` for an article on its own: what the sources of a stored document read when
    it is read again (a new publication date, a new engine), as ``reading`` read them at import."""
    from ..sentences import split_sentences
    from .clauses import clauses

    sentences = split_sentences(article.text)
    return reanchored(
        article, sentences, [clauses(s.text, s.is_headline) for s in sentences], timexes
    )
