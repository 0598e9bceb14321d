"""Which events a crowded timeline labels first.

When a view holds more events than it has room to label, the labels go to the events an analyst can
lean on, in this order:

1. review status: accepted and edited events (an analyst vouched for them) before proposed ones,
   rejected ones last;
2. then the number of independent documents reporting the event: 1, 2, 3, then 4 or more alike;
3. then an even blend of the engine's confidence and the precision of the date: a day before a week,
   a month, a season, a year, a decade (a precise mark sits where the event happened and says more
   about the order of events than a bar across a year).

Each criterion outweighs everything after it, so the order is easy to explain ("an accepted event
is labelled before any proposed one"). The score is one float so that a lane of 100,000 items sorts
on a plain key. Events equal on all of that (common before any review) are ordered by a fixed
scramble of their id: taking the earlier first would put every label of a crowded view at its left
end, while the scramble spreads them over the whole view, and each event keeps its place in the
order from one frame (and one session) to the next.
"""

from __future__ import annotations

from functools import lru_cache

from ..model import Granularity

STATUS_RANK = {"accepted": 2, "edited": 2, "proposed": 1, "rejected": 0}
MAX_SOURCES = 4  # four independent reports weigh as much as more
PRECISION = {
    Granularity.MINUTE: 1.0,
    Granularity.HOUR: 1.0,
    Granularity.DAY: 1.0,
    Granularity.WEEK: 0.8,
    Granularity.MONTH: 0.65,
    Granularity.SEASON: 0.5,
    Granularity.QUARTER: 0.5,
    Granularity.HALF: 0.4,
    Granularity.YEAR: 0.3,
    Granularity.DECADE: 0.1,
    Granularity.CENTURY: 0.05,
    Granularity.UNKNOWN: 0.0,
}
RANGE_PRECISION = 0.9  # an explicit interval ("17-18 Oct"): nearly as telling as a day


TIE_BREAK = 1e-4  # the scramble's share of the score: below any difference of confidence shown


def scramble(event_id: int) -> float:
    """A fixed pseudo-random fraction in [0, 1) for an id (Knuth's multiplicative hash)."""
    return ((event_id * 2654435761) & 0xFFFFFFFF) / 4294967296.0


def importance(
    status: str,
    independent: int,
    confidence: float,
    granularity: Granularity,
    ranged: bool = False,
    event_id: int = 0,
) -> float:
    """A score where a higher value is labelled first; see the module docstring for the order."""
    tie = ((event_id * 2654435761) & 0xFFFFFFFF) * (TIE_BREAK / 4294967296.0)  # ``scramble``
    return _score(status, independent, confidence, granularity, ranged) + tie


@lru_cache(maxsize=4096)  # a store has few distinct combinations; this runs once per event
def _score(
    status: str, independent: int, confidence: float, granularity: Granularity, ranged: bool
) -> float:
    precision = RANGE_PRECISION if ranged else PRECISION.get(granularity, 0.0)
    blend = 0.5 * min(max(confidence, 0.0), 1.0) + 0.5 * precision  # 0..1
    sources = min(max(independent, 0), MAX_SOURCES)
    return STATUS_RANK.get(status, 1) * 100.0 + sources * 10.0 + blend * 9.0


def importance_order(scores: list[float]) -> tuple[list[int], list[int]]:
    """(positions most important first, rank of each position): rank 0 is labelled first.

    Equal scores keep position order (the positions of a lane are sorted by time).
    """
    negated = [-s for s in scores]
    order = sorted(range(len(scores)), key=negated.__getitem__)
    rank = [0] * len(scores)
    for r, pos in enumerate(order):
        rank[pos] = r
    return order, rank
