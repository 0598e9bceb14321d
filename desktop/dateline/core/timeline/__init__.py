"""Timeline layout maths, free of Qt: time scale, ticks, items, lanes, importance, labels, culling.

The view in ``dateline.ui.timeline_view`` only paints what these functions compute.
"""

from __future__ import annotations

from .buckets import Bucket, calendar_buckets
from .extent import Extent, focus_extent, padded, whole_extent
from .frame import LONG_SHOWN, Budget, FramePlan, LanePlan, hidden_positions, plan_frame
from .importance import importance, importance_order
from .index import IntervalIndex
from .items import ItemKind, TimelineItem, build_items, item_from_event
from .lanes import (
    LANE_MODES,
    Lane,
    TimelineLayout,
    allocate_rows,
    build_layout,
    lanes_of,
)
from .marks import Geometry, Mark, mark_of, place_rows
from .ranking import ImportanceIndex
from .scale import MAX_SPAN_DAYS, MIN_SPAN_DAYS, TimeScale, to_date, to_datetime, to_time
from .ticks import Tick, TickSet, compute_ticks, estimate_width

__all__ = [
    "LANE_MODES",
    "LONG_SHOWN",
    "MAX_SPAN_DAYS",
    "MIN_SPAN_DAYS",
    "Bucket",
    "Budget",
    "Extent",
    "FramePlan",
    "Geometry",
    "ImportanceIndex",
    "IntervalIndex",
    "ItemKind",
    "Lane",
    "LanePlan",
    "Mark",
    "Tick",
    "TickSet",
    "TimeScale",
    "TimelineItem",
    "TimelineLayout",
    "allocate_rows",
    "build_items",
    "build_layout",
    "calendar_buckets",
    "compute_ticks",
    "estimate_width",
    "focus_extent",
    "hidden_positions",
    "importance",
    "importance_order",
    "item_from_event",
    "lanes_of",
    "mark_of",
    "padded",
    "place_rows",
    "plan_frame",
    "to_date",
    "to_datetime",
    "to_time",
    "whole_extent",
]
