"""Painting the timeline: one function shared by the widget, PNG, SVG and HTML export.

Everything zoom-dependent is computed here per frame from the core layout (``dateline.core.timeline``):
only the items the index returns for the visible range are painted, and a lane with more visible
items than pixel columns is painted as a density histogram instead (level of detail).
"""

from __future__ import annotations

import calendar

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QPainter,
    QPalette,
    QPen,
)

from dateline.core.timeline import (
    ItemKind,
    StackRequest,
    TimelineItem,
    TimelineLayout,
    TimeScale,
    allocate_rows,
    compute_ticks,
    stack_rows,
)

from .timeline_marks import paint_lane
from .timeline_style import (
    DETAIL_PER_PIXEL,
    LABEL_ROOM,
    LOD_MAX_ROWS,
    LOD_ROWS,
    LONG_SHOWN,
    MIN_BAR,
    POINT_RADIUS,
    SOLID_LABEL_MIN,
    STATUSES,
    Frame,
    LanePlan,
    Mark,
    Scene,
    Style,
    axis_height,
    footer_height,
    header_height,
)


def _mark(it: TimelineItem, scale: TimeScale, style: Style) -> Mark:
    x0, x1 = scale.x(it.start), scale.x(it.end)
    if it.kind is ItemKind.POINT:
        cx = (x0 + x1) / 2
        return Mark(
            it, cx - POINT_RADIUS, cx + POINT_RADIUS, cx + POINT_RADIUS + 4, 1e9, False, x0, x1
        )
    if x1 - x0 < MIN_BAR:
        mid = (x0 + x1) / 2
        x0, x1 = mid - MIN_BAR / 2, mid + MIN_BAR / 2
    visible = min(x1, scale.width) - max(x0, 0)
    if it.kind is ItemKind.RANGE and visible < min(style.width(it.title) + 10, SOLID_LABEL_MIN):
        return Mark(it, x0, x1, x1 + 5, 1e9, False, x0, x1)  # a short solid bar: label after it
    inside = it.kind is ItemKind.RANGE and it.status != "rejected"  # rejected bars are pale
    return Mark(it, x0, x1, max(x0, 0) + 5, x1 - 4 if inside else 1e9, inside, x0, x1)


def plan_lanes(scene: Scene, style: Style, width: float, height: float) -> list[LanePlan]:
    """Decide per lane: density or marks; stack marks into rows; share the height between lanes.

    Items in duration classes longer than the visible span (the years and decades around a zoomed-in
    week) cover the whole view: beyond a few they are counted in the lane's summary row instead of
    stacked, so that they neither crowd out the days nor tip the lane into density.
    """
    layout, scale = scene.layout, scene.scale
    t0, t1 = scale.visible()
    span = scale.span
    margin = 0.1 * span  # stacking a little beyond the edges keeps rows steadier while panning
    split = [lane.index.count_split(t0, t1, span) for lane in layout.lanes]
    load = [short + (long if long <= LONG_SHOWN else 0) for short, long in split]
    budget = width * DETAIL_PER_PIXEL
    detail = [n <= budget for n in load]
    # the whole frame paints about ``2 * budget`` marks at most: the busiest lanes go to density
    for i in sorted(range(len(load)), key=load.__getitem__, reverse=True):
        if sum(n for n, d in zip(load, detail, strict=True) if d) <= 2 * budget:
            break
        detail[i] = False
    plans: list[LanePlan] = []
    requests: list[list[StackRequest]] = []
    for i, lane in enumerate(layout.lanes):
        if not detail[i]:
            plans.append(LanePlan(i, True, demand=LOD_ROWS))
            requests.append([])
            continue
        long = split[i][1]
        if long <= LONG_SHOWN:
            found = lane.index.query(t0 - margin, t1 + margin)
        else:
            found = lane.index.query(t0 - margin, t1 + margin, longer_than=span)
        marks = [_mark(lane.items[pos], scale, style) for pos in sorted(found)]
        reqs = [
            StackRequest(
                m.x0,
                m.x1,
                m.anchor + min(style.width(m.item.title), LABEL_ROOM),
                int(m.item.kind is ItemKind.COARSE),
            )
            for m in marks
        ]
        rows, demand = stack_rows(reqs)
        for m, r in zip(marks, rows, strict=True):
            m.row = r
        plan = LanePlan(i, False, marks, demand)
        if long > LONG_SHOWN:
            plan.spanning = long
            plan.demand += 1
        plans.append(plan)
        requests.append(reqs)
    header = header_height(layout, style)
    usable = height - axis_height(style) - footer_height(style) - header * len(plans)
    capacity = max(int(usable // style.row_height), 0)
    shown = allocate_rows([p.demand for p in plans], capacity)
    dense = [k for k, p in enumerate(plans) if p.lod]
    spare = capacity - sum(shown)
    for k in dense:  # a density histogram reads better the taller it is: give it the spare rows
        extra = min(spare // len(dense), LOD_MAX_ROWS - shown[k])
        shown[k] += max(extra, 0)
    y = axis_height(style)
    for plan, n, reqs in zip(plans, shown, requests, strict=True):
        plan.shown = n
        if not plan.lod and n < plan.demand:
            # the last row summarises what is left out; a one-row lane keeps its row for marks
            rows, _ = stack_rows(reqs, max_rows=n - 1 if n > 1 else 1)
            for m, r in zip(plan.marks, rows, strict=True):
                m.row = r
            plan.hidden = [m for m in plan.marks if m.row < 0 and m.x1 >= 0 and m.x0 <= width]
            plan.marks = [m for m in plan.marks if m.row >= 0]
        plan.top, plan.rows_top = y, y + header
        y += header + n * style.row_height if n else 0
    return [p for p in plans if p.shown]


def paint_timeline(p: QPainter, width: float, height: float, scene: Scene, style: Style) -> Frame:
    frame = Frame()
    p.setFont(style.font)
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    p.fillRect(QRectF(0, 0, width, height), style.colour(QPalette.ColorRole.Base))
    _paint_axis(p, width, height, scene.scale, style)
    layout = scene.layout
    if not layout.lanes:
        p.setPen(style.colour(QPalette.ColorRole.PlaceholderText))
        p.drawText(QRectF(0, 0, width, height), Qt.AlignmentFlag.AlignCenter, "No dated events")
    elif not scene.lod:
        _paint_everything(p, width, height, scene, style)
    else:
        frame.lanes = plan_lanes(scene, style, width, height)
        for plan in frame.lanes:
            paint_lane(p, width, plan, scene, style, frame)
    _paint_published(p, width, height, scene, style, _paint_footer(p, width, height, layout, style))
    return frame


def _paint_axis(p: QPainter, width: float, height: float, scale: TimeScale, style: Style) -> None:
    ticks = compute_ticks(scale, style.width)
    top = axis_height(style)
    bottom = height - footer_height(style)
    p.fillRect(QRectF(0, 0, width, top), style.colour(QPalette.ColorRole.AlternateBase))
    grid = style.mix(0.09)
    strong = style.mix(0.22)
    # hairlines on whole pixels: crisp, and far cheaper than antialiased lines
    p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    p.setPen(QPen(grid, 1))
    p.drawLines([QLineF(round(tk.x), top - 5, round(tk.x), bottom) for tk in ticks.minor])
    p.setPen(style.colour(QPalette.ColorRole.Text, 0.7))
    base = top - 5 - style.metrics.descent()
    for tk in ticks.minor:
        if tk.label:
            p.drawText(QPointF(tk.label_x, base), tk.label)
    p.setPen(QPen(strong, 1))
    p.drawLines([QLineF(round(tk.x), 0, round(tk.x), bottom) for tk in ticks.major if tk.x >= 0])
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    p.setFont(style.bold)
    p.setPen(style.colour(QPalette.ColorRole.Text))
    for tk in ticks.major:
        if tk.label:
            p.drawText(QPointF(tk.label_x, 3 + style.metrics.ascent()), tk.label)
    p.setFont(style.font)
    p.setPen(QPen(strong, 1))
    p.drawLine(QPointF(0, top), QPointF(width, top))


def _paint_everything(p: QPainter, width: float, height: float, scene: Scene, style: Style) -> None:
    """The naive baseline: every item of every lane, no culling, no level of detail, no labels."""
    scale = scene.scale
    top = axis_height(style)
    rh = style.row_height
    rows = max(int((height - top - footer_height(style)) // rh), 1)
    for lane in scene.layout.lanes:
        for k, it in enumerate(lane.items):
            y = top + (k % rows) * rh
            p.setPen(QPen(style.status(it.status), 1))
            p.setBrush(style.status(it.status))
            p.drawRect(
                QRectF(
                    scale.x(it.start), y + 4, max(scale.x(it.end) - scale.x(it.start), 1), rh - 8
                )
            )


def _paint_published(
    p: QPainter, width: float, height: float, scene: Scene, style: Style, room: tuple[float, float]
) -> None:
    """A dashed "today" line at each publication date: where "Wednesday" and "next month" start."""
    top = axis_height(style)
    bottom = height - footer_height(style)
    colour = QColor("#d7a6f0" if style.dark else "#8a3fb0")  # purple: not a status colour
    right = -1e9
    for day, count in scene.published:
        x = scene.scale.x(day.toordinal() + 0.5)  # the middle of the day, like a point event
        if not -1 <= x <= width + 1:
            continue
        p.setPen(QPen(colour, 1.2, Qt.PenStyle.DashLine))
        p.drawLine(QPointF(x, top), QPointF(x, bottom))
        what = "article" if count == 1 else "articles"
        text = f"{count} {what} published {day.day} {calendar.month_abbr[day.month]} {day.year}"
        w = style.width(text)
        lx = min(max(x - w / 2, room[0], right), room[1] - w)
        if lx < right or lx < room[0]:
            continue
        p.setPen(colour)
        p.drawText(QPointF(lx, bottom + 4 + style.metrics.ascent()), text)
        right = lx + w + 12


def _paint_footer(
    p: QPainter, width: float, height: float, layout: TimelineLayout, style: Style
) -> tuple[float, float]:
    """Status legend on the left, undated count on the right; returns the room left between."""
    bottom = height - footer_height(style)
    p.setPen(QPen(style.colour(QPalette.ColorRole.Text, 0.2), 1))
    p.drawLine(QPointF(0, bottom), QPointF(width, bottom))
    base = bottom + 4 + style.metrics.ascent()
    x = 8.0
    for status in STATUSES:
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(style.status(status))
        p.drawEllipse(QPointF(x + 4, base - style.metrics.ascent() / 2 + 1), 4, 4)
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.setPen(style.colour(QPalette.ColorRole.Text, 0.75))
        p.drawText(QPointF(x + 12, base), status)
        x += 12 + style.width(status) + 12
    right = width - 6
    if layout.undated:
        text = f"{layout.undated:,} undated not shown"
        right -= style.width(text)
        p.setPen(style.colour(QPalette.ColorRole.PlaceholderText))
        p.drawText(QPointF(right, base), text)
    return x + 8, right - 12
