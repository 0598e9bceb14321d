"""Label packing along one row: labels never touch; what has no room collapses into a "+N" badge.

Greedy from left to right, which is what a reader scans: an item gets its label at its anchor when
the previous label or badge has ended there and at least ``min_width`` fits before the ``limit``
(the next mark in the row), elided to that room. An item that gets no label joins the badge after
the last thing placed; the badge grows ("+2", "+3") while the items it swallows start under it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple


class LabelRequest(NamedTuple):
    anchor: float  # x where the label would start
    width: float  # width of the full label text
    limit: float  # x the label must not pass (next mark in the row; +inf for none)


@dataclass(frozen=True, slots=True)
class PlacedLabel:
    index: int  # position in the requests
    x: float
    width: float  # <= the request's width: the label is elided when narrower
    elided: bool


@dataclass(slots=True)
class Cluster:
    x: float
    width: float
    members: list[int] = field(default_factory=list)

    @property
    def text(self) -> str:
        return f"+{len(self.members)}"


def badge_width_estimate(count: int) -> float:
    return 10.0 + 7.0 * len(f"+{count}")


def pack_labels(
    requests: Sequence[LabelRequest],
    *,
    min_width: float = 40.0,
    gap: float = 6.0,
    badge_width: Callable[[int], float] = badge_width_estimate,
) -> tuple[list[PlacedLabel], list[Cluster]]:
    """Place labels for ``requests`` (any order); every request ends up labelled or in one cluster."""
    order = sorted(range(len(requests)), key=lambda i: requests[i].anchor)
    placed: list[PlacedLabel] = []
    clusters: list[Cluster] = []
    right = float("-inf")
    open_cluster: Cluster | None = None
    for i in order:
        anchor, want, limit = requests[i]
        if anchor >= right:
            room = limit - anchor
            width = min(want, room)
            if width >= min(want, min_width):
                placed.append(PlacedLabel(i, anchor, width, width < want))
                right = anchor + width + gap
                open_cluster = None
                continue
        if open_cluster is None:
            open_cluster = Cluster(max(right, anchor), 0.0)
            clusters.append(open_cluster)
        open_cluster.members.append(i)
        open_cluster.width = badge_width(len(open_cluster.members))
        right = open_cluster.x + open_cluster.width + gap
    return placed, clusters
