"""The range a timeline opens on: where the events are, not where the odd outlier is.

News articles about 2004-2011 also mention when the company was founded (1976) and when its founder
was born (1955). Fitting every event squeezes the years the articles are about into a sliver at the
right, so the view opens on the *focus*: the shortest stretch holding ``FOCUS_SHARE`` of the events' distinct
dates (by their middles), grown over the events next to it that are not separated from it by a gap (more
than ``FOCUS_GAP`` of its length: the share alone would cut a spread-out bulk anywhere), and widened
to hold those events whole. It is used only when it is much shorter
than the whole extent (at most ``FOCUS_MAX_FRACTION`` of it) and there are enough events for a
share to mean something; the events left outside are counted at the edges of the view ("26
earlier"), one click from showing them.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from operator import add, sub

FOCUS_SHARE = 0.8
FOCUS_GAP = 0.06  # events this close (share of the focus) to its edge are taken in
FOCUS_MAX_FRACTION = 0.5
FOCUS_MIN_ITEMS = 12
MIN_FIT_DAYS = 7.0  # a lone event is shown with its week around it, not stretched over the view
FIT_PAD = 0.03  # share of the span added on each side, so the first and last marks are not cut


@dataclass(frozen=True, slots=True)
class Extent:
    start: float
    end: float
    before: int  # intervals ending at or before ``start``
    after: int  # intervals starting at or after ``end``
    whole: tuple[float, float]

    @property
    def trimmed(self) -> bool:
        return self.before + self.after > 0


def whole_extent(starts: Sequence[float], ends: Sequence[float]) -> Extent | None:
    if not starts:
        return None
    whole = (min(starts), max(ends))
    return Extent(whole[0], whole[1], 0, 0, whole)


def focus_extent(
    starts: Sequence[float], ends: Sequence[float], share: float = FOCUS_SHARE
) -> Extent | None:
    """The focus of the intervals ``[starts[i], ends[i])`` (see the module docstring), or None."""
    full = whole_extent(starts, ends)
    # Distinct dates, not events: thirty reports of one day are one place in time, and must not
    # pull the view onto that day alone.
    mids = sorted(set(map(add, starts, ends)))  # twice the middles: sorting floats is fast
    n = len(mids)
    if full is None or n < FOCUS_MIN_ITEMS:
        return full
    k = max(1, math.ceil(share * n))
    widths = list(map(sub, mids[k - 1 :], mids[: n - k + 1]))
    lo = min(range(len(widths)), key=widths.__getitem__)
    hi = lo + k - 1
    window = max(mids[hi] - mids[lo], 2.0)
    # the share cuts a spread-out bulk anywhere: take back the events close to it, so that only
    # those beyond a real gap stay out
    step = FOCUS_GAP * window
    while lo > 0 and mids[lo] - mids[lo - 1] <= step:
        lo -= 1
    while hi < n - 1 and mids[hi + 1] - mids[hi] <= step:
        hi += 1
    lo_mid, hi_mid = mids[lo], mids[hi]
    window = max(hi_mid - lo_mid, 2.0) / 2.0
    a, b = math.inf, -math.inf
    for s, e in zip(starts, ends, strict=True):  # the events in it, held whole (not the long ones)
        if lo_mid <= s + e <= hi_mid and e - s <= window:
            a, b = min(a, s), max(b, e)
    if a > b:
        return full
    whole = full.whole
    if b - a > FOCUS_MAX_FRACTION * (whole[1] - whole[0]):
        return full
    before = sum(1 for e in ends if e <= a)
    after = sum(1 for s in starts if s >= b)
    return Extent(a, b, before, after, whole)


def padded(
    a: float, b: float, pad: float = FIT_PAD, min_days: float = MIN_FIT_DAYS
) -> tuple[float, float]:
    """``[a, b)`` with room on both sides, and at least ``min_days`` long (centred)."""
    span = b - a
    if span < min_days:
        mid = (a + b) / 2.0
        return mid - min_days / 2.0, mid + min_days / 2.0
    return a - span * pad, b + span * pad
