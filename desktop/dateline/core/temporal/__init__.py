"""The temporal engine: find every temporal expression in a text and resolve it.

``find_timexes(text, published, language)`` runs our own grammar over the text and resolves each match:

- ``language`` chooses the bundle (``bundle``: words, cue words, abbreviations, rules) for the article's
  language; ``english`` is the one there is, and a language without a bundle is read with it, saying so;
- ``rules``: what a rule is. Each family module (``dates``, ``periods``, ``comparisons``, ``reports``,
  ``relative``, ``daytime``, ``amounts``, ``weeks``, ``landmarks``) declares its rules once, next to
  their handlers: pattern, handler (which turns a match into TIMEX3 values against the publication date
  or an earlier mention), context filter ("€40", "may" the modal, "2000 troops" are not dates), whether
  the clause tense matters;
- ``grammar`` compiles the rules into one ordered alternation, with a start-word gate (``gates``) derived
  from the patterns that keeps the scan fast; ``filters`` holds what the filters share;
- ``tense``: the tense of the clause around a match, from the nearest verb cue;
- ``reading`` holds what the handlers share, ``anchoring`` and ``values`` the calendar arithmetic;
  ``fallback`` asks dateparser, lazily, about forms we have no rule for;
- this module builds ``Timex`` records and links coordinated and ranged expressions into groups.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import replace

from ..model import Anchor, Granularity, Timex, TimexType
from ..timevalue import interval
from ..timevalue import label as _label_of
from .bundle import Cues
from .grammar import grammar_for
from .language import language_for
from .reading import Context, Mention, Reading
from .tense import clause_tense

# 1.2: discourse markers, names, deferrals, vague later, mid-day parts
# 1.3: same period last year, future and modal clauses, the year just told of, event names, spans of
#      decades, "and a half", weekday parts as times, weekly day parts, English labels and explanations
# 1.4: results reports' periods (comparable and year-earlier periods, "Q3 2008", "year to date"),
#      "overnight", ranges of amounts, model years, clock zones, "since March" behind the writer
# 1.5: weeks and weekdays counted in a month or from a day, rates of days, deadlines, verbs of no
#      tense, market holidays, clock shifts in hours, phrases ("the turn of the century", "the new year")
EXTRACTOR_VERSION = "temporal-1.5"

__all__ = ["EXTRACTOR_VERSION", "find_timexes"]

# A value's label is a pure function of the value; the same days and months come back article after
# article (and the publication day in every explanation of one article).
label = functools.lru_cache(maxsize=8192)(_label_of)


def _describe(
    text: str, r: Reading, tense: str, published: dt.date | None, anchor_text: str
) -> str:
    """One human line saying what the expression was read against and what it came to."""
    shown = label(r.value)
    if r.type is TimexType.DURATION:
        return f"'{text}' is an amount of time -> {shown}"
    if r.type is TimexType.SET:
        return f"'{text}' is a frequency -> {_every(r.value)}"
    if r.anchor is Anchor.ABSOLUTE:
        return f"'{text}' states its own date -> {shown}"
    if r.anchor is Anchor.MENTION:
        return f"'{text}' counted from the earlier mention '{anchor_text}' -> {shown}"
    if r.anchor is Anchor.NONE:
        return (
            f"'{text}' is relative and the article has no publication date -> unresolved ({shown})"
        )
    pub = label(published.isoformat()) if published else "?"
    if tense:
        return f"'{text}' in a {tense}-tense clause of an article published {pub} -> {shown}"
    return f"'{text}' read from the publication date {pub} -> {shown}"


def _every(value: str) -> str:
    """A frequency in words: "P1W" -> "every week", "P2W" -> "every 2 weeks", "XXXX-WXX-2" -> "every
    Tuesday"."""
    if value.startswith("P"):
        amount = label(value)
        return "every " + (amount[2:] if amount.startswith("1 ") else amount)
    day = label(value).split(",")[0]  # "a Tuesday night, date unknown" -> "a Tuesday night"
    return "every " + day.removeprefix("a ")


def _to_timex(
    text: str, r: Reading, rule: str, tense: str, published: dt.date | None, anchor_text: str
) -> Timex:
    """``tense`` is the clause tense for rules that read it, "" for the others."""
    span_text = text[r.start : r.end]
    if r.type in (TimexType.DATE, TimexType.TIME):
        earliest, latest, gran = interval(r.value)
    else:
        earliest, latest, gran = None, None, Granularity.UNKNOWN
    return Timex(
        start=r.start,
        end=r.end,
        text=span_text,
        type=r.type,
        value=r.value,
        granularity=gran,
        earliest=earliest,
        latest=latest,
        anchor=r.anchor,
        rule=rule,
        confidence=round(max(0.0, min(1.0, r.confidence)), 3),
        anchor_start=r.anchor_start,
        needs_anchor=r.needs_anchor or r.anchor is Anchor.NONE,
        mod=r.mod,
        tense=tense,
        explanation=_describe(span_text, r, tense, published, anchor_text),
        alternatives=r.alternatives,
    )


def _group(text: str, found: list[tuple[Timex, str]], cues: Cues) -> list[Timex]:
    """Give coordinated ("Thursday and Friday") and ranged ("from Monday to Wednesday") parts one group."""
    out = [t for t, _ in found]
    roles = [role for _, role in found]
    groups: list[int | None] = [None] * len(out)
    next_id = 1
    for i, role in enumerate(roles):
        if role in ("start", "member") and i + 1 < len(out) and roles[i + 1] in ("end", "member"):
            groups[i] = groups[i + 1] = groups[i] or next_id
            next_id += 1
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        if a.type not in (TimexType.DATE, TimexType.TIME) or b.type is not a.type:
            continue
        gap = text[a.end : b.start]
        if len(gap) > 12 or groups[i + 1] is not None:
            continue
        if cues.moved_from.search(text, max(0, a.start - 30), a.start):
            continue  # "postponed from March 3 to March 10": a date given up, then the new one
        comma_list = (
            re.fullmatch(r"\s*,\s*", gap) is not None
            and i + 2 < len(out)
            and cues.coord.fullmatch(text[b.end : out[i + 2].start]) is not None
        )
        if (
            comma_list
            or cues.coord.fullmatch(gap)
            or (
                cues.range_open.search(text, max(0, a.start - 10), a.start)
                and cues.range_close.fullmatch(gap)
            )
        ):
            ranged = bool(cues.range_open.search(text, max(0, a.start - 10), a.start))
            gid = groups[i] or next_id
            if groups[i] is None:
                next_id += 1
            groups[i] = groups[i + 1] = gid
            if ranged and not roles[i]:
                roles[i], roles[i + 1] = "start", "end"
            else:
                roles[i] = roles[i] or "member"
                roles[i + 1] = "member"
        elif cues.range.fullmatch(gap) and (
            a.granularity == b.granularity
            or gap.strip().lower() != "to"
            or cues.range_open.search(text, max(0, a.start - 10), a.start)
        ):
            # "Monday to Wednesday", "this year through August", "from June 2005 to 2007"; "to"
            # between a week and a year is a verb's: "postponed last week to late 2008"
            gid = groups[i] or next_id
            if groups[i] is None:
                next_id += 1
            groups[i] = groups[i + 1] = gid
            roles[i] = roles[i] if roles[i] == "member" else (roles[i] or "start")
            roles[i + 1] = "end"
    result = []
    for t, group, role in zip(out, groups, roles, strict=True):
        if group is None:
            result.append(t)
        else:
            result.append(replace(t, group=group, group_role=role or "member"))
    return result


def find_timexes(text: str, published: dt.date | None, language: str = "en") -> list[Timex]:
    """Every temporal expression in ``text``, sorted by start offset.

    Relative expressions are resolved against ``published``; without it they keep an X-filled value,
    ``anchor=NONE`` and ``needs_anchor=True`` (never today's date). ``language`` is the article's ISO
    639 code ("en", "en-GB"); one without rules is read with the English ones, and each explanation
    says so.
    """
    if not isinstance(text, str) or not text:
        return []
    if isinstance(published, dt.datetime):
        published = published.date()
    lang, stand_in = language_for(language)
    ctx = Context(text=text, published=published, lang=lang)
    found: list[tuple[Timex, str]] = []
    mention_text: dict[int, str] = {}
    mention_value: dict[int, str] = {}
    grammar = grammar_for(lang)
    for hit in grammar.scan(text):
        rule = grammar.rules[hit.rule]
        tense = clause_tense(text, hit.start, hit.end, lang.cues) if rule.tense else ""
        ctx.tense = tense
        try:
            readings = rule.handler(hit, ctx)
        except (ValueError, KeyError, OverflowError, IndexError, TypeError, AttributeError):
            continue  # an impossible date or an odd form: no reading rather than a crash
        for r in readings:
            if not (0 <= r.start < r.end <= len(text)):
                continue
            anchor_text = mention_text.get(r.anchor_start, "") if r.anchor_start is not None else ""
            t = _to_timex(text, r, hit.rule, tense, published, anchor_text)
            mention_text[t.start] = t.text
            found.append((t, r.role))
            if t.type in (TimexType.DATE, TimexType.TIME) and t.earliest is not None:
                # a value counted from an earlier mention is no base for further counting, unless it
                # only restates that mention ("the quarter" after "the third quarter")
                derived = t.anchor is Anchor.MENTION and (
                    r.anchor_start is None or mention_value.get(r.anchor_start) != t.value
                )
                ctx.mentions.append(
                    Mention(
                        t.start,
                        t.end,
                        t.value,
                        t.granularity,
                        hit.rule,
                        derived,
                        shifted=rule.shifts_publication,
                    )
                )
                mention_value[t.start] = t.value
            elif t.type is TimexType.DURATION and not t.value.startswith("PT"):
                ctx.mentions.append(
                    Mention(
                        t.start,
                        t.end,
                        t.value,
                        t.granularity,
                        hit.rule,
                        duration=True,
                        shifted=rule.shifts_publication,
                    )
                )
    found.sort(key=lambda p: (p[0].start, p[0].end))
    if stand_in:
        note = f" (read with the {lang.name} rules: none for language '{language}')"
        found = [(replace(t, explanation=t.explanation + note), role) for t, role in found]
    return _group(text, found, lang.cues)
