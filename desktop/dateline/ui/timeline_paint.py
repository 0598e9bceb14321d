"""Painting the timeline: one function shared by the widget, PNG, SVG and HTML export.

What to draw is planned in core (``dateline.core.timeline.plan_frame``): per lane, the labelled
items with their rows and the counts of the others per calendar period. Painting only follows the
plan: marks and labels, the counts row under them with a density histogram of the lane, the axis,
publication dates as small marks under the axis (never lines across the labels), the legend and the
counts of events before and after the view.
"""

from __future__ import annotations

import calendar
import datetime as dt

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPalette, QPen

from dateline.core.timeline import Budget, TimeScale, compute_ticks, plan_frame

from .timeline_marks import paint_chip, paint_lane
from .timeline_style import (
    PUBLISHED_COLOUR,
    STATUSES,
    Chip,
    Frame,
    Scene,
    Style,
    axis_height,
    footer_height,
    header_height,
)

PUBLISHED_BAND = 7.0  # height of the publication-date marks between the axis and the lanes


def lanes_top(style: Style) -> float:
    return axis_height(style) + PUBLISHED_BAND + 1


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
        top = lanes_top(style)
        budget = Budget(
            height - footer_height(style) - top, style.row_height, header_height(layout, style)
        )
        plan = plan_frame(
            layout, scene.scale, style.width, budget, style.geometry(width), scene.selected
        )
        frame.lanes, frame.lanes_left_out = plan.lanes, plan.lanes_left_out
        y = top
        for lane in frame.lanes:
            y = paint_lane(p, width, y, lane, scene, style, frame)
    _paint_published(p, width, scene, style, frame)
    _paint_footer(p, width, height, scene, style, frame)
    return frame


def _paint_axis(p: QPainter, width: float, height: float, scale: TimeScale, style: Style) -> None:
    ticks = compute_ticks(scale, style.width)
    top = axis_height(style)
    bottom = height - footer_height(style)
    p.fillRect(QRectF(0, 0, width, top), style.colour(QPalette.ColorRole.AlternateBase))
    grid = style.mix(0.07)
    strong = style.mix(0.18)
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
    top = lanes_top(style)
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


def _published_colour(style: Style) -> QColor:
    return QColor(PUBLISHED_COLOUR[1] if style.dark else PUBLISHED_COLOUR[0])


def _paint_published(p: QPainter, width: float, scene: Scene, style: Style, frame: Frame) -> None:
    """A small triangle under the axis at each publication date: where "Wednesday" and "next month"
    are counted from. Kept out of the lanes, so that no line ever crosses a label."""
    if not scene.published:
        return
    top = axis_height(style) + 1
    shown = []
    for day, count in scene.published:
        x = scene.scale.x(day.toordinal() + 0.5)  # the middle of the day, like a point event
        if -4 <= x <= width + 4:
            shown.append(x)
            frame.published.append((x, day, count))
    path = QPainterPath()
    if len(shown) > width / 12:  # crowded: a rug of ticks reads better than merging triangles
        for x in shown:
            path.addRect(QRectF(x - 0.5, top, 1.0, PUBLISHED_BAND - 1))
    else:
        for x in shown:
            path.moveTo(x - 3.5, top)
            path.lineTo(x + 3.5, top)
            path.lineTo(x, top + PUBLISHED_BAND - 1)
            path.closeSubpath()
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(_published_colour(style))
    p.drawPath(path)
    p.setBrush(Qt.BrushStyle.NoBrush)


def published_text(day: dt.date, count: int) -> str:
    what = "article" if count == 1 else "articles"
    return f"{count} {what} published {day.day} {calendar.month_abbr[day.month]} {day.year}"


def _paint_footer(
    p: QPainter, width: float, height: float, scene: Scene, style: Style, frame: Frame
) -> None:
    """Status legend and publication mark on the left; events off the view either side; undated."""
    layout = scene.layout
    bottom = height - footer_height(style)
    p.setPen(QPen(style.colour(QPalette.ColorRole.Text, 0.2), 1))
    p.drawLine(QPointF(0, bottom), QPointF(width, bottom))
    base = bottom + 4 + style.metrics.ascent()
    mid = base - style.metrics.ascent() / 2 + 1
    x = 8.0
    legend = style.colour(QPalette.ColorRole.Text, 0.75)
    for status in STATUSES:
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(style.status(status))
        p.drawEllipse(QPointF(x + 4, mid), 4, 4)
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.setPen(legend)
        p.drawText(QPointF(x + 12, base), status)
        x += 12 + style.width(status) + 12
    if scene.published:
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(_published_colour(style))
        tri = QPainterPath()
        tri.moveTo(x, mid - 3)
        tri.lineTo(x + 7, mid - 3)
        tri.lineTo(x + 3.5, mid + 3)
        tri.closeSubpath()
        p.drawPath(tri)
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.setPen(legend)
        p.drawText(QPointF(x + 12, base), "published")
        x += 12 + style.width("published") + 16
    right = width - 6
    notes = []
    if layout.undated:
        notes.append(f"{layout.undated:,} undated not shown")
    if frame.lanes_left_out:
        notes.append(f"{frame.lanes_left_out:,} more lanes need a taller view")
    if notes:
        text = " \u00b7 ".join(notes)
        right -= style.width(text)
        p.setPen(style.colour(QPalette.ColorRole.PlaceholderText))
        p.drawText(QPointF(right, base), text)
        right -= 12
    if not layout.lanes:
        return
    before, after = layout.outside(*scene.scale.visible())
    rect = QRectF(0, bottom + 3, 0, footer_height(style) - 6)
    if after:
        text = f"{after:,} later \u25b6"
        w = style.width(text) + 14
        rect = QRectF(right - w, rect.y(), w, rect.height())
        paint_chip(p, rect, text, style)
        frame.chips.append((rect, Chip("after", count=after)))
        right = rect.left() - 8
    if before and x + style.width(f"\u25c0 {before:,} earlier") + 14 <= right:
        text = f"\u25c0 {before:,} earlier"
        rect = QRectF(x, rect.y(), style.width(text) + 14, rect.height())
        paint_chip(p, rect, text, style)
        frame.chips.append((rect, Chip("before", count=before)))
