"""What a language bundle is made of: everything language-specific the engine and the sentence splitter read.

A bundle (``language.Language``) is the words (what month, weekday, number and unit words mean), the cue
words (the verbs that set a clause's tense, the neighbours that make "May" a month or "2000" a count), the
abbreviations a sentence does not end at, and the rules with this language's patterns. Handlers, filters,
the tense reader and the splitter are shared: a second language is a new bundle (``english`` is the
model), not a fork of the engine. Bundles compare and hash by identity: there is one of each.

The parts live here, below the rules; the bundle that gathers them with the rules is in ``language``.
Rules read a bundle only through ``Lexicon`` (its words and cue words), so a rule never depends on the
bundle it is part of.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True, slots=True, eq=False)
class Words:
    """What the words a language's patterns capture mean, keyed by their lower-case spelling."""

    month_num: Mapping[str, int]  # "sept" -> 9
    weekday_num: Mapping[str, int]  # "monday" -> 0, as date.weekday()
    ordinals: Mapping[str, int]  # "third" -> 3
    decade_words: Mapping[str, int]  # "nineties" -> 9
    seasons: Mapping[str, str]  # "autumn" -> "FA"
    parts_of_day: Mapping[str, str]  # "afternoon" -> "AF"
    holidays: Mapping[str, Callable[[int], dt.date]]  # "labor day" -> its day in a given year
    events: Mapping[str, str]  # "9/11" -> "2001-09-11": a day's name for an event; "" if undated
    approx_mod: Mapping[str, str]  # "nearly" -> "LESS_THAN" (TIMEX3 mod)
    position_mod: Mapping[str, str]  # "late" -> "END": which part of a period
    day_offset: Mapping[str, int]  # "yesterday" -> -1
    rel_offset: Mapping[str, int]  # "next" -> 1: the period a relative word points at
    frequency: Mapping[str, str]  # "weekly" -> "P1W"
    present_refs: frozenset[str]  # "nowadays": PRESENT_REF
    future_refs: frozenset[str]  # "the near term": FUTURE_REF
    number: Callable[[str | None], float | None]  # "two dozen" -> 24.0; None when vague
    unit: Callable[[str | None], str]  # "Years" -> "year", the key of ``values.UNITS``
    spelled_year: Callable[[str | None], int | None]  # "nineteen ninety-four" -> 1994


@dataclass(frozen=True, slots=True, eq=False)
class Cues:
    """Words and patterns that read the company a match keeps."""

    # the tense of a clause (``tense``): one pattern whose groups ``future``, ``past`` and ``present``
    # match the cues of each ("will", "is due to"; "said"; "says")
    tense: re.Pattern[str]
    # a limit ahead of a present clause ("the bridge is closed until Friday"), searched before a timex
    limit_before: re.Pattern[str]
    # linking dates into groups (searched in the gap between two timexes, or before the first)
    coord: re.Pattern[str]  # "Thursday and Friday"
    range: re.Pattern[str]  # "Monday to Wednesday"
    range_open: re.Pattern[str]  # "between ... and", "from ... to": searched before the first
    range_close: re.Pattern[str]  # the "and" of "between ... and"
    range_gap: re.Pattern[str]  # the gap of a weekday range
    # context patterns of particular handlers
    day_before: re.Pattern[str]  # "the day before [last Tuesday]" (searched before a weekday)
    period_ended: re.Pattern[str]  # "the year [ended March 31]": a reporting period
    day_in_parens: re.Pattern[str]  # "4 in the morning (4 a.m. EDT Thursday)": group 1 the day word
    day_after_parens: re.Pattern[str]  # "10:35 a.m. (0735 GMT) Friday": group 1 the day word
    rate_before: re.Pattern[str]  # "$5 a day": an amount before makes "a day" a rate
    someday_before: re.Pattern[str]  # "will one day": someday, not 24 hours
    word_after: re.Pattern[str]  # a verb after "one day"
    article: re.Pattern[str]  # "the " before an adjectival amount ("the 14-day strike")
    of_year: re.Pattern[str]  # " of 1990" after "the first two quarters"
    past_verb: re.Pattern[str]  # a past verb after "soon"
    words: Mapping[str, frozenset[str]]  # the filters' word sets, by name (``english.cues``)
    # a coordinator that opens another clause with the subject left out, right before its verb
    # ("met on Thursday and will testify"): that verb's tense is not the date's (``tense``)
    clause_join: re.Pattern[str] = re.compile(r"(?!)")
    # a move of a date ("postponed from March 3 to March 10"): the two are not one span
    moved_from: re.Pattern[str] = re.compile(r"(?!)")
    # the start of a span lasting to now ("have doubled since March"), searched before a timex: the
    # date lies behind the writer whatever the clause's tense
    since_before: re.Pattern[str] = re.compile(r"(?!)")
    # a product's designation after a year, alone or closing a range ("the 2010 model year", "2005 to
    # 2010 models"), matched right after the year: the year names the product, not a time
    model_after: re.Pattern[str] = re.compile(r"(?!)")


@dataclass(frozen=True, slots=True, eq=False)
class Abbreviations:
    """What the sentence splitter needs: where a period does not end a sentence."""

    abbreviations: frozenset[str]  # lower case, without the final period: "gen", "u.s", "sept"
    titles: frozenset[str]  # after these a capitalised word goes on the sentence: "Gen. Smith"
    months: frozenset[str]  # a month abbreviation before a number: "Sept. 2024"
    openers: frozenset[str]  # words that start a new sentence after an abbreviation: "The"
    zones: frozenset[str]  # time zones that go on a clock time's sentence: "3 p.m. EST"
    numbered: frozenset[str] = frozenset()  # before a number they name it: "No. 1", "Vol. 2"


class Lexicon(Protocol):
    """What handlers and filters read of a language bundle: its words and its cue words."""

    @property
    def words(self) -> Words: ...

    @property
    def cues(self) -> Cues: ...
