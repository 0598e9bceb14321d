"""Painting one lane: marks at their precision, labels that avoid each other, "+N" counts,
density histograms and the summary row. Called by ``timeline_paint.paint_timeline``.
"""

from __future__ import annotations

from itertools import repeat
from operator import mul

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QImage,
    QLinearGradient,
    QPainter,
    QPalette,
    QPen,
    QTransform,
)

from dateline.core.timeline import (
    ItemKind,
    LabelRequest,
    TimeScale,
    pack_labels,
)

from .timeline_style import (
    DAY_BAND_MIN,
    LABEL_ROOM,
    POINT_RADIUS,
    Frame,
    LanePlan,
    Mark,
    Scene,
    Style,
)


def paint_lane(
    p: QPainter, width: float, plan: LanePlan, scene: Scene, style: Style, frame: Frame
) -> None:
    lane = scene.layout.lanes[plan.lane]
    rh = style.row_height
    if plan.rows_top > plan.top:
        p.fillRect(
            QRectF(0, plan.top, width, plan.rows_top - plan.top),
            style.colour(QPalette.ColorRole.AlternateBase, 0.9),
        )
        p.setPen(style.colour(QPalette.ColorRole.Text, 0.2))
        p.drawLine(QPointF(0, plan.top), QPointF(width, plan.top))
        p.setFont(style.bold)
        p.setPen(style.colour(QPalette.ColorRole.Text, 0.8))
        n = lane.index.count(*scene.scale.visible())
        p.drawText(
            QPointF(6, plan.top + 2 + style.metrics.ascent()), f"{lane.title}  ({n:,} in view)"
        )
        p.setFont(style.font)
    t0, t1 = scene.scale.visible()
    if plan.lod:
        bins = lane.index.coverage_by_day(t0, t1, max(int(width), 1))
        _paint_density(p, width, plan.rows_top, plan.shown * rh, bins, style)
        return
    rows = plan.shown - 1 if plan.summary else plan.shown
    by_row: list[list[Mark]] = [[] for _ in range(rows)]
    for m in plan.marks:
        if m.row < rows and m.x1 >= -LABEL_ROOM and m.x0 <= width + 10:
            by_row[m.row].append(m)
    for row, marks in enumerate(by_row):
        y = plan.rows_top + row * rh
        for m in marks:
            _paint_mark(p, m, y, rh, scene.selected == m.item.id, style, frame)
        _paint_labels(p, width, y, rh, marks, style, frame)
    if plan.summary:
        y = plan.rows_top + (plan.shown - 1) * rh
        _paint_summary(p, width, y, rh, plan, scene.scale, style, frame)
    elif plan.hidden or plan.spanning:
        _paint_badge(p, width, plan.rows_top, rh, plan, scene.scale, style, frame)


def _paint_density(
    p: QPainter, width: float, top: float, height: float, bins: list[int], style: Style
) -> None:
    """A histogram of how many items meet each pixel column (level of detail).

    Painted as one image, built a column at a time as one row of a transposed image (a column of
    pixels is then two byte-string repeats) and drawn through a transposing transform: a polygon of
    thousands of vertices, or a rectangle per column, costs several times more per frame.
    """
    peak = max(bins, default=0)
    if peak == 0:
        return
    with_text = height >= 3 * style.line  # a thin lane shows the histogram only
    bar_h = max(int(height - 6 - (style.line if with_text else 0)), 1)
    colour = style.colour(QPalette.ColorRole.Highlight, 0.55)
    a = colour.alphaF()
    # RGBA8888 is laid out byte by byte (R, G, B, A) whatever the machine's endianness
    ink = bytes(
        round(v) for v in (colour.red() * a, colour.green() * a, colour.blue() * a, 255 * a)
    )
    column = [b"\0\0\0\0" * (bar_h - h) + ink * h for h in range(bar_h + 1)]
    heights = map(round, map(mul, bins, repeat(bar_h / peak)))
    rows = b"".join(map(column.__getitem__, heights))
    img = QImage(rows, bar_h, len(bins), bar_h * 4, QImage.Format.Format_RGBA8888_Premultiplied)
    y0 = top + height - 3 - bar_h
    p.save()
    p.setTransform(QTransform(0, 1, 1, 0, 0, y0), True)  # image x -> screen y, image y -> screen x
    p.drawImage(0, 0, img)
    p.restore()
    if with_text:
        p.setPen(style.colour(QPalette.ColorRole.Text, 0.6))
        text = f"density: up to {peak:,} at once, zoom in for events"
        p.drawText(QPointF(width - style.width(text) - 8, top + style.metrics.ascent() + 2), text)


def _paint_mark(
    p: QPainter, m: Mark, y: float, rh: float, selected: bool, style: Style, frame: Frame
) -> None:
    it = m.item
    colour = style.status(it.status)
    cy = y + rh / 2
    if selected:
        p.setPen(QPen(style.colour(QPalette.ColorRole.Highlight), 2))
        p.setBrush(style.colour(QPalette.ColorRole.Highlight, 0.25))
        p.drawRoundedRect(QRectF(m.x0 - 4, y + 1, m.x1 - m.x0 + 8, rh - 2), 5, 5)
    if it.kind is ItemKind.POINT:
        cx = (m.x0 + m.x1) / 2
        day0, day1 = m.span0, m.span1
        if day1 - day0 > DAY_BAND_MIN:  # zoomed in past the day: shade the hours it covers
            band = QColor(colour)
            band.setAlphaF(0.08)
            p.fillRect(QRectF(day0, y + 4, day1 - day0, rh - 8), band)
        pen = QPen(colour.lighter(125) if style.dark else colour.darker(125), 1.2)
        fill = QColor(colour)
        if it.uncertain:
            pen.setStyle(Qt.PenStyle.DashLine)
            fill.setAlphaF(0.3)
        if it.status == "rejected":
            fill = style.colour(QPalette.ColorRole.Base)
        p.setPen(pen)
        p.setBrush(fill)
        p.drawEllipse(QPointF(cx, cy), POINT_RADIUS, POINT_RADIUS)
    else:
        bar = QRectF(m.x0, y + 4, m.x1 - m.x0, rh - 8)
        fill = QColor(colour)
        fill.setAlphaF(0.9 if it.kind is ItemKind.RANGE else 0.25)
        if it.status == "rejected":
            fill.setAlphaF(0.12)
        pen = QPen(colour, 1)
        if it.uncertain:  # fade both ends: where the interval starts and stops is not known
            grad = QLinearGradient(bar.left(), 0, bar.right(), 0)
            edge = min(0.3, 16 / max(bar.width(), 1))
            clear = QColor(fill)
            clear.setAlphaF(0.0)
            for at, c in ((0.0, clear), (edge, fill), (1 - edge, fill), (1.0, clear)):
                grad.setColorAt(at, c)
            p.setBrush(QBrush(grad))
            pen.setStyle(Qt.PenStyle.DashLine)
        else:
            p.setBrush(fill)
        p.setPen(pen)
        p.drawRoundedRect(bar, 2.5, 2.5)
    p.setBrush(Qt.BrushStyle.NoBrush)
    frame.marks.append((m.x0, y + 4, m.x1, y + rh - 4, it.id))


def _paint_labels(
    p: QPainter, width: float, y: float, rh: float, marks: list[Mark], style: Style, frame: Frame
) -> None:
    requests = []
    labelled = []  # marks whose label would start off screen get none: a cut word reads as noise
    for k, m in enumerate(marks):
        if not 0 <= m.anchor < width:
            continue
        nxt = marks[k + 1].x0 - 4 if k + 1 < len(marks) else width
        requests.append(LabelRequest(m.anchor, style.width(m.item.title), min(nxt, width, m.limit)))
        labelled.append(m)
    marks = labelled
    placed, clusters = pack_labels(
        requests,
        min_width=min(60.0, 5 * style.width("n")),
        badge_width=lambda n: style.width(f"+{n}") + 12,
    )
    baseline = y + (rh - style.line) / 2 + style.metrics.ascent()
    for lab in placed:
        m = marks[lab.index]
        title = m.item.title
        if lab.elided:
            title = style.metrics.elidedText(title, Qt.TextElideMode.ElideRight, lab.width)
        if m.inside:
            p.setPen(
                QColor("#ffffff" if style.status(m.item.status).lightness() < 150 else "#000000")
            )
        else:
            p.setPen(
                style.colour(QPalette.ColorRole.Text, 0.55 if m.item.status == "rejected" else 1.0)
            )
        p.drawText(QPointF(lab.x, baseline), title)
    for c in clusters:
        rect = QRectF(c.x, y + 4, c.width, rh - 8)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(style.colour(QPalette.ColorRole.Text, 0.12))
        p.drawRoundedRect(rect, rect.height() / 2, rect.height() / 2)
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.setPen(style.colour(QPalette.ColorRole.Text, 0.85))
        p.drawText(rect, Qt.AlignmentFlag.AlignCenter, c.text)
        members = [marks[i].item for i in c.members]
        frame.clusters.append(
            (rect, min(it.start for it in members), max(it.end for it in members))
        )


def _paint_badge(
    p: QPainter, width: float, y: float, rh: float, plan: LanePlan, scale: TimeScale, style: Style,
    frame: Frame,
) -> None:  # fmt: skip
    """A one-row lane's count of what it leaves out, at the right end of its row."""
    n = len(plan.hidden) + plan.spanning
    text = f"+{n:,} not shown"
    w = style.width(text) + 12
    rect = QRectF(width - w - 4, y + 3, w, rh - 6)
    p.setPen(QPen(style.colour(QPalette.ColorRole.Text, 0.35), 1))
    p.setBrush(style.colour(QPalette.ColorRole.Base, 0.95))
    p.drawRoundedRect(rect, 4, 4)
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.setPen(style.colour(QPalette.ColorRole.Text, 0.85))
    p.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
    t0, t1 = scale.visible()
    frame.clusters.append((rect, t0 + 0.25 * scale.span, t1 - 0.25 * scale.span))  # zoom in


def _paint_summary(
    p: QPainter, width: float, y: float, rh: float, plan: LanePlan, scale: TimeScale, style: Style,
    frame: Frame,
) -> None:  # fmt: skip
    """A lane's last row when not everything fits: ticks where the left-out items are and how many,
    and how many longer items span the whole view. Clicking a count zooms to show them."""
    p.fillRect(QRectF(0, y, width, rh), style.colour(QPalette.ColorRole.Text, 0.05))
    hidden = plan.hidden
    text_colour = style.colour(QPalette.ColorRole.Text, 0.85)
    if hidden:
        cols: dict[int, int] = {}
        for m in hidden:
            c = int(max(m.x0, 0) // 2)
            cols[c] = cols.get(c, 0) + 1
        peak = max(cols.values())
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(style.colour(QPalette.ColorRole.Text, 0.35))
        ticks = []
        for c, n in cols.items():
            h = max(2.0, (rh - 8) * n / peak)
            ticks.append(QRectF(c * 2, y + rh - 4 - h, 1.5, h))
        p.drawRects(ticks)
        text = f"+{len(hidden):,} more"
        w = style.width(text) + 12
        rect = QRectF(width - w - 4, y + 3, w, rh - 6)
        p.setBrush(style.colour(QPalette.ColorRole.Base, 0.92))
        p.drawRoundedRect(rect, 4, 4)
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.setPen(text_colour)
        p.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
        starts = [m.item.start for m in hidden]
        frame.clusters.append((rect, min(starts), max(m.item.end for m in hidden)))
    if plan.spanning:
        what = "event spans" if plan.spanning == 1 else "longer events span"
        text = f"{plan.spanning:,} {what} this whole view"
        w = style.width(text) + 14
        rect = QRectF(4, y + 3, w, rh - 6)
        p.setPen(QPen(style.colour(QPalette.ColorRole.Text, 0.35), 1, Qt.PenStyle.DashLine))
        p.setBrush(style.colour(QPalette.ColorRole.Base, 0.92))
        p.drawRoundedRect(rect, 4, 4)
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.setPen(text_colour)
        p.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
        t0, t1 = scale.visible()
        frame.clusters.append((rect, t0 - 4 * scale.span, t1 + 4 * scale.span))  # zoom out
