"""Grouping reports into happenings without chaining, in time linear in the number of reports.

Reports are taken finest date first, so a coarse mention ("earlier this year") meets the precise report
("in July") it may belong to rather than the reverse. A report joins the group it has the strongest
MERGE evidence with (``same.compare``) provided nothing in that group is in conflict with it, and, for a
report of a happening, each member shares an actor with it or is worth suggesting with it
(``same.related``): A~B and B~C never pull C in with A when A and C disagree or have nothing to do with
each other.

Only groups that share a key with a report (a speaker, an actor, an action, an event noun or a word)
and a year of its dates are compared, rarest keys first, and at most ``LOOK_AT`` of them: a long text
full of dates costs as much per report as a short one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from .profile import Profile
from .same import Evidence, Verdict, compare, conflict, shared_actors

LOOK_AT = 64  # groups compared per report at most
MEMBERS_CHECKED = 48  # members a newcomer is checked against for conflicts at most


@dataclass(slots=True)
class Group:
    members: list[int] = field(default_factory=list)  # indexes into the profiles given
    evidence: dict[int, Evidence] = field(default_factory=dict)  # why each later member joined


def cluster(profiles: Sequence[Profile], order: Sequence[int] | None = None) -> list[Group]:
    """Groups of ``profiles`` (by index) telling one happening; unresolved ones stay alone.

    ``order``: the order reports are taken in (default: finest date first, then as given).
    """
    if order is None:
        order = sorted(range(len(profiles)), key=lambda i: (_width(profiles[i]), i))
    groups: list[Group] = []
    index: dict[tuple[str, int], list[int]] = {}  # (key, year) -> group numbers, oldest first
    for i in order:
        p = profiles[i]
        years = _years(p)
        best, best_ev = None, None
        if p.span is not None:
            for g in _candidates(index, p, years):
                ev = _join(profiles, groups[g], p)
                if ev is not None and (best_ev is None or ev.score > best_ev.score):
                    best, best_ev = g, ev
        if best is None:
            best = len(groups)
            groups.append(Group())
        group = groups[best]
        group.members.append(i)
        if best_ev is not None:
            group.evidence[i] = best_ev
        if p.span is not None:
            for key in p.match_keys():
                for year in years:
                    bucket = index.setdefault((key, year), [])
                    if not bucket or bucket[-1] != best:
                        bucket.append(best)
    return groups


def _join(profiles: Sequence[Profile], group: Group, p: Profile) -> Evidence | None:
    """The MERGE evidence for ``p`` joining ``group``, None when it may not join."""
    # A report of a happening must, with every member it is checked against, share an actor or be
    # worth suggesting, not only merge with one: "Tokyo stocks closed" joined to "the stock market
    # closed" must not pull in "Hudson's Bay shares closed" through it; "Steve Jobs has chosen to
    # step down" may join "Jobs resigned" though it shares few words with the headline. Statements
    # are held together by their speaker and day, which ``conflict`` checks against every member
    # ("Rutte also confirmed" belongs to his press conference, though it shares few words with
    # another article's report of it).
    whole = not p.speech and len(group.members) > 1
    best = None
    for n, m in enumerate(group.members):
        q = profiles[m]
        checked = n < MEMBERS_CHECKED
        if checked and conflict(p, q):
            return None
        if best is None or (whole and checked):
            ev = compare(p, q)
            if whole and checked and ev.verdict == Verdict.NONE and not shared_actors(p, q):
                return None  # ``same.related``, without comparing twice
            if ev.verdict == Verdict.MERGE and best is None:
                best = ev
    return best


def _candidates(index: dict[tuple[str, int], list[int]], p: Profile, years: range) -> list[int]:
    if not index:
        return []  # the first report: no group to look at
    # keys in a fixed order: among buckets of one size, which group is looked at first (and wins
    # a tie) must not depend on how this process happens to hash strings
    buckets = [index.get((k, y), ()) for k in sorted(p.match_keys()) for y in years]
    out: list[int] = []
    seen: set[int] = set()
    for bucket in sorted((b for b in buckets if b), key=len):
        for g in reversed(bucket):
            if g not in seen:
                seen.add(g)
                out.append(g)
                if len(out) >= LOOK_AT:
                    return out
    return out


def _years(p: Profile) -> range:
    if p.span is None:
        return range(0)
    a, b = dt.date.fromordinal(p.span.first).year, dt.date.fromordinal(p.span.last).year
    return range(a, min(b, a + 12) + 1)


def _width(p: Profile) -> int:
    return p.span.width if p.span is not None else 10**9
