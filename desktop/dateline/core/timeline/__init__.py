"""Timeline layout maths, free of Qt: time scale, ticks, items, lanes, labels, culling.

The view in ``dateline.ui.timeline_view`` only paints what these functions compute.
"""

from __future__ import annotations

from .index import IntervalIndex
from .items import ItemKind, TimelineItem, build_items, item_from_event
from .labels import Cluster, LabelRequest, PlacedLabel, pack_labels
from .lanes import (
    LANE_MODES,
    Lane,
    TimelineLayout,
    allocate_rows,
    build_layout,
    lanes_of,
)
from .scale import MAX_SPAN_DAYS, MIN_SPAN_DAYS, TimeScale, to_date, to_datetime, to_time
from .stack import StackRequest, stack_rows
from .ticks import Tick, TickSet, compute_ticks, estimate_width

__all__ = [
    "LANE_MODES",
    "MAX_SPAN_DAYS",
    "MIN_SPAN_DAYS",
    "Cluster",
    "IntervalIndex",
    "ItemKind",
    "LabelRequest",
    "Lane",
    "PlacedLabel",
    "StackRequest",
    "Tick",
    "TickSet",
    "TimeScale",
    "TimelineItem",
    "TimelineLayout",
    "allocate_rows",
    "build_items",
    "build_layout",
    "compute_ticks",
    "estimate_width",
    "item_from_event",
    "lanes_of",
    "pack_labels",
    "stack_rows",
    "to_date",
    "to_datetime",
    "to_time",
]
