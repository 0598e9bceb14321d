"""The figures two reports give: whether they allow one happening.

Sums of money, rates and (for a price's move) every number: reports of one happening give the same
figures, or one of them rounded ("fell 4.3 percent" / "dropped 4.25 percent"); ``same.compare`` asks.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .profile import Profile

# Sums of money and figures with decimals ("$21.25", "$182.6 million", "8.8"): prices, results,
# rates. Counts ("killed 82") are left out, as they grow from report to report of one happening;
# not for a price move, where every number is the move's ("rose 6 pence to 388 pence").
_FIGURE = re.compile(r"^(?:[$€£]\d|\d+\.\d)")
_NUMBER = re.compile(r"^[$€£]?\d")
MOVES = frozenset({"fall", "rise"})  # the kinds of a price's or an index's move (``english``)


def _figures(p: Profile, moves: bool) -> frozenset[str]:
    if not moves:
        return frozenset(w for w in p.content if _FIGURE.match(w))
    return frozenset(
        w for w in p.content if _NUMBER.match(w) and not (len(w) == 4 and w[:2] in ("19", "20"))
    )


def _figures_apart(a: Profile, b: Profile, moves: bool = False, rounded: bool = False) -> bool:
    """Both reports give sums or rates (for a price move, any numbers), and at most half of the
    fewer are the same ("closed at $18.75, down $1.125" / "closed at $4.375, up $1.125")."""
    fa = _figures(a, moves)
    if not fa:
        return False
    fb = _figures(b, moves)
    same = fa & fb | near_figures(fa, fb) if rounded else fa & fb
    return bool(fb) and 2 * len(same) <= min(len(fa), len(fb))


_FIGURE_START = frozenset("0123456789$€£")
_CENTURIES = ("19", "20")
_AMOUNT = re.compile(r"^([$€£]?)(\d+)(?:\.(\d+))?((?:\s(?:billion|million|trillion))?)$")


def near_figures(xs: frozenset[str], ys: frozenset[str]) -> frozenset[str]:
    """The figures of ``xs`` that one of ``ys`` gives rounded, or more exactly (4.3 and 4.25;
    10473 and 10473.09; "$5.8 billion" and "$5.75 billion"), not the same words. The rounded one
    keeps two digits at least: "$1 billion" is a round sum, not "$1.27 billion" rounded."""
    fx = [w for w in xs if w[:1] in _FIGURE_START and w not in ys]
    if not fx:
        return frozenset()
    fy = [_amount(w) for w in ys if w[:1] in _FIGURE_START and w not in xs]
    out = set()
    for w in fx:
        x = _amount(w)
        if x is not None and any(y is not None and _rounded_alike(x, y) for y in fy):
            out.add(w)
    return frozenset(out)


def _amount(w: str) -> tuple[str, float, int, str] | None:
    """(currency, value, decimals, scale) of a figure; None for a bare year or no figure."""
    m = _AMOUNT.match(w)
    whole = m.group(2) if m is not None else ""
    if m is None or (
        not m.group(1) and not m.group(3) and len(whole) == 4 and whole[:2] in _CENTURIES
    ):
        return None  # "2008" is a year's number, not a figure ("1,208 points" is one)
    decimals = m.group(3) or ""
    return m.group(1), float(m.group(2) + "." + (decimals or "0")), len(decimals), m.group(4)


def _rounded_alike(x: tuple[str, float, int, str], y: tuple[str, float, int, str]) -> bool:
    if x[0] != y[0] or x[3] != y[3] or x[2] == y[2]:
        return False  # another currency or scale, or as exact as each other: equal or not
    rough = x if x[2] < y[2] else y
    if rough[1] * 10 ** rough[2] < 10:
        return False  # one digit: a round figure
    return abs(x[1] - y[1]) <= 0.5 * 10.0 ** -rough[2] + 1e-9


def same_move(a: Profile, b: Profile, kinds: Sequence[str]) -> bool:
    """Both tell a move and give one figure of a hundred or more alike, rounded or not ("fell 416
    points, its biggest fall since ..." / "the index lost 416 points"): one index's move."""
    if MOVES.isdisjoint(kinds):
        return False
    fa, fb = _figures(a, True), _figures(b, True)
    return any(_hundreds(w) for w in fa & fb | near_figures(fa, fb))


def _hundreds(figure: str) -> bool:
    whole = figure.lstrip("$€£").split(".")[0].replace(",", "")
    return len(whole) >= 3 and whole.isdigit()


def _none_shared(a: Profile, b: Profile) -> bool:
    """Both reports of a move give numbers, and none of them the same, rounded or not."""
    fa, fb = _figures(a, True), _figures(b, True)
    return bool(fa) and bool(fb) and not (fa & fb or near_figures(fa, fb))


def sums_apart(a: Profile, b: Profile) -> bool:
    """Both reports give sums or rates and at most half of the fewer are the same: no copy of one
    report ("closed at $29, up 25 cents" / "was down 25 cents to $30.25")."""
    return _figures_apart(a, b)


def figures_agree(
    a: Profile, b: Profile, kinds: Sequence[str], actors: bool, precise: bool, subject: bool
) -> bool:
    """Whether the figures two reports give allow one happening. ``actors``: a name in common;
    ``subject``: a name both give the subject of what they tell."""
    if not MOVES.isdisjoint(kinds):
        # a move's figures are its own, whoever moved ("profit rose to $180 million" / "profit
        # climbed to $98 million in the petroleum segment"), rounded or not; one index's move is
        # told with other figures by each report ("plunged 733 points, or 7.9 percent" / "dropped
        # 733.08 points to close at 8,577.91"): one in common is enough
        if actors:
            return not _none_shared(a, b)
        return not _figures_apart(a, b, True, rounded=True)
    if not subject and _figures_apart(a, b):
        # without an actor in common, reports that give different figures ("closed at $21.25" /
        # "closed at $4.375") tell different happenings however alike their words; an exchange
        # both name is where two companies' shares traded, not who acted
        return False
    # over a month or more, one actor does one kind of thing many times: what each report counts
    # tells them apart ("plans to deliver 13 A380s in 2008" / "delivered 12 A380s in 2008")
    return precise or not _figures_apart(a, b, True, rounded=True)
