"""Painting one lane of a planned frame: marks at their precision with their labels, then the counts
row (a density histogram of the lane with a "+N" per calendar period). Called by
``timeline_paint.paint_timeline``.
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
    QPainterPath,
    QPalette,
    QPen,
    QTransform,
)

from dateline.core.timeline import ItemKind, LanePlan, Mark

from .timeline_style import (
    DAY_BAND_MIN,
    PERIOD_BAR,
    POINT_RADIUS,
    Chip,
    Frame,
    Scene,
    Style,
    header_height,
)


def paint_lane(
    p: QPainter, width: float, y: float, plan: LanePlan, scene: Scene, style: Style, frame: Frame
) -> float:
    """Paint ``plan`` from ``y`` down; returns the y under it."""
    lane = scene.layout.lanes[plan.lane]
    rh = style.row_height
    head = header_height(scene.layout, style)
    if head:
        p.fillRect(QRectF(0, y, width, head), style.colour(QPalette.ColorRole.AlternateBase, 0.9))
        p.setPen(style.colour(QPalette.ColorRole.Text, 0.2))
        p.drawLine(QPointF(0, y), QPointF(width, y))
        p.setFont(style.bold)
        p.setPen(style.colour(QPalette.ColorRole.Text, 0.8))
        p.drawText(
            QPointF(6, y + 2 + style.metrics.ascent()), f"{lane.title}  ({plan.visible:,} in view)"
        )
        p.setFont(style.font)
    top = y + head
    for m in plan.marks:
        _paint_mark(p, m, top + m.row * rh, rh, scene.selected == m.item.id, style, frame)
    for m in plan.marks:
        if m.label_w:
            _paint_label(p, m, top + m.row * rh, rh, style, frame)
    if plan.strip:
        _paint_strip(p, width, top + plan.rows * rh, plan, scene, style, frame)
    return top + plan.shown * rh


def _paint_mark(
    p: QPainter, m: Mark, y: float, rh: float, selected: bool, style: Style, frame: Frame
) -> None:
    it = m.item
    colour = style.status(it.status)
    cy = y + rh / 2
    if selected:
        p.setPen(QPen(style.colour(QPalette.ColorRole.Highlight), 2))
        p.setBrush(style.colour(QPalette.ColorRole.Highlight, 0.18))
        p.drawRoundedRect(QRectF(m.left - 4, y + 1, m.right - m.left + 8, rh - 2), 5, 5)
    if it.kind is ItemKind.POINT:
        cx = (m.x0 + m.x1) / 2
        if m.span1 - m.span0 > DAY_BAND_MIN:  # zoomed in past the day: shade the hours it covers
            band = QColor(colour)
            band.setAlphaF(0.08)
            p.fillRect(QRectF(m.span0, y + 4, m.span1 - m.span0, rh - 8), band)
        pen, fill = _dot_style(it.status, it.uncertain, style)
        p.setPen(pen)
        p.setBrush(fill)
        p.drawEllipse(QPointF(cx, cy), POINT_RADIUS, POINT_RADIUS)
    elif it.kind is ItemKind.COARSE:
        _paint_period(p, m, y, rh, colour, style)
    else:
        bar = QRectF(m.x0, y + 4, m.x1 - m.x0, rh - 8)
        fill = QColor(colour)
        fill.setAlphaF(0.12 if it.status == "rejected" else 0.9)
        pen = QPen(colour, 1)
        if it.uncertain:  # fade both ends: where the interval starts and stops is not known
            p.setBrush(QBrush(_faded(bar, fill)))
            pen.setStyle(Qt.PenStyle.DashLine)
        else:
            p.setBrush(fill)
        p.setPen(pen)
        p.drawRoundedRect(bar, 2.5, 2.5)
    p.setBrush(Qt.BrushStyle.NoBrush)
    frame.marks.append((m.x0, y + 4, m.x1, y + rh - 4, it.id))


def _dot_style(status: str, uncertain: bool, style: Style) -> tuple[QPen, QColor]:
    """Pen and fill of a dot, made once per style (a frame draws a hundred dots)."""
    key = ("dot", status, uncertain)
    found = style.cache.get(key)
    if found is None:
        colour = style.status(status)
        pen = QPen(colour.lighter(125) if style.dark else colour.darker(125), 1.2)
        fill = QColor(colour)
        if uncertain:
            pen.setStyle(Qt.PenStyle.DashLine)
            fill.setAlphaF(0.3)
        if status == "rejected":
            fill = style.colour(QPalette.ColorRole.Base)
        found = style.cache[key] = (pen, fill)
    return found


def _faded(bar: QRectF, fill: QColor) -> QLinearGradient:
    grad = QLinearGradient(bar.left(), 0, bar.right(), 0)
    edge = min(0.3, 16 / max(bar.width(), 1))
    clear = QColor(fill)
    clear.setAlphaF(0.0)
    for at, c in ((0.0, clear), (edge, fill), (1 - edge, fill), (1.0, clear)):
        grad.setColorAt(at, c)
    return grad


def _paint_period(p: QPainter, m: Mark, y: float, rh: float, colour: QColor, style: Style) -> None:
    """A week, month, year...: a thin bar along the bottom of the row with its ends marked, so the
    label above reads as plain text and the bar as the period it covers."""
    it = m.item
    bar = QRectF(m.x0, y + rh - PERIOD_BAR - 3, m.x1 - m.x0, PERIOD_BAR)
    fill = QColor(colour)
    fill.setAlphaF(0.2 if it.status == "rejected" else 0.6)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QBrush(_faded(bar, fill)) if it.uncertain else fill)
    p.drawRoundedRect(bar, 1.5, 1.5)
    if not it.uncertain and bar.width() >= 6:  # ends: where the period starts and stops
        pen = QPen(colour, 1.2)
        p.setPen(pen)
        top = bar.top() - 4
        p.drawLine(QPointF(bar.left() + 0.6, top), QPointF(bar.left() + 0.6, bar.bottom()))
        p.drawLine(QPointF(bar.right() - 0.6, top), QPointF(bar.right() - 0.6, bar.bottom()))


def _paint_label(p: QPainter, m: Mark, y: float, rh: float, style: Style, frame: Frame) -> None:
    it = m.item
    text = it.title or it.label()  # an untitled event still says when it is
    title = style.elided(text, m.label_w) if m.elided else text
    lift = PERIOD_BAR if m.over else 0.0  # a period's bar runs under its label
    baseline = y + (rh - style.line) / 2 + style.metrics.ascent() - lift
    if m.inside:
        p.setPen(QColor("#ffffff" if style.status(it.status).lightness() < 150 else "#000000"))
    else:
        # a halo keeps grid lines from crossing the words
        p.fillRect(
            QRectF(m.label_x - 2, y + 3 - lift, m.label_w + 4, rh - 6 - lift),
            style.colour(QPalette.ColorRole.Base, 0.9),
        )
        faint = 0.55 if it.status == "rejected" or not it.title else 1.0
        p.setPen(style.colour(QPalette.ColorRole.Text, faint))
    p.drawText(QPointF(m.label_x, baseline), title)
    frame.labels.append((m.label_x, y + 3, m.label_x + m.label_w, y + rh - 3, it.id))


def paint_chip(p: QPainter, rect: QRectF, text: str, style: Style, dashed: bool = False) -> None:
    """A clickable count: a rounded box with its text centred."""
    paint_chips(p, [(rect, text)], style, dashed)


def paint_chips(
    p: QPainter, chips: list[tuple[QRectF, str]], style: Style, dashed: bool = False
) -> None:
    """Clickable counts, their boxes drawn as one path (a frame may hold dozens)."""
    if not chips:
        return
    path = QPainterPath()
    for rect, _ in chips:
        path.addRoundedRect(rect, rect.height() / 2, rect.height() / 2)
    if dashed:  # the count of events longer than the view: outlined, it stands apart
        p.setPen(QPen(style.colour(QPalette.ColorRole.Text, 0.35), 1, Qt.PenStyle.DashLine))
        p.setBrush(style.colour(QPalette.ColorRole.Base, 0.95))
    else:  # filled only: an outline costs more than the rest of the frame's counts together
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(style.mix(0.14))
    p.drawPath(path)
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.setPen(style.colour(QPalette.ColorRole.Text, 0.9))
    ascent = style.metrics.ascent()
    for rect, text in chips:  # a baseline per box: cheaper than the aligned drawText
        x = rect.center().x() - style.width(text) / 2
        p.drawText(QPointF(x, rect.center().y() - style.line / 2 + ascent), text)


def _paint_strip(
    p: QPainter, width: float, y: float, plan: LanePlan, scene: Scene, style: Style, frame: Frame
) -> None:
    """The counts row: the lane's density, and per calendar period how many are not labelled."""
    rh = style.row_height
    height = plan.strip * rh
    p.fillRect(QRectF(0, y, width, height), style.colour(QPalette.ColorRole.Text, 0.035))
    lane = scene.layout.lanes[plan.lane]
    t0, t1 = scene.scale.visible()
    bins = lane.index.coverage_by_day(t0, t1, max(int(width) // 3, 1))
    _paint_density(p, width, y + height - rh, rh, bins, style)
    chip_h = rh - 8
    scale = scene.scale
    chips = []
    for bucket, n in zip(plan.buckets, plan.counts, strict=True):
        if n <= 0:
            continue
        text = f"+{n:,}"
        w = style.width(text) + 14
        a, b = scale.x(bucket.start), scale.x(bucket.end)
        x = min(max((a + b) / 2 - w / 2, a + 1, 2.0), b - w - 1, width - w - 2)
        rect = QRectF(x, y + height - rh + 4, w, chip_h)
        chips.append((rect, text))
        frame.chips.append((rect, Chip("bucket", plan, bucket, n)))
    paint_chips(p, chips, style)
    if plan.spanning > 0:
        what = "event spans" if plan.spanning == 1 else "longer events span"
        text = f"{plan.spanning:,} {what} this whole view"
        rect = QRectF(4, y + 4, style.width(text) + 16, chip_h)
        paint_chip(p, rect, text, style, dashed=True)
        frame.chips.append((rect, Chip("spanning", plan, None, plan.spanning)))


def _paint_density(
    p: QPainter, width: float, top: float, height: float, bins: list[int], style: Style
) -> None:
    """A histogram of how many items meet each column (level of detail), stretched to ``width``.

    Painted as one image, built a column at a time as one row of a transposed image (a column of
    pixels is then two byte-string repeats) and drawn through a transposing transform: a polygon of
    thousands of vertices, or a rectangle per column, costs several times more per frame.
    """
    peak = max(bins, default=0)
    if peak == 0:
        return
    bar_h = max(int(height - 4), 1)
    colour = style.colour(QPalette.ColorRole.Highlight, 0.3)
    a = colour.alphaF()
    # RGBA8888 is laid out byte by byte (R, G, B, A) whatever the machine's endianness
    ink = bytes(
        round(v) for v in (colour.red() * a, colour.green() * a, colour.blue() * a, 255 * a)
    )
    column = [b"\0\0\0\0" * (bar_h - h) + ink * h for h in range(bar_h + 1)]
    heights = map(round, map(mul, bins, repeat(bar_h / peak)))
    rows = b"".join(map(column.__getitem__, heights))
    img = QImage(rows, bar_h, len(bins), bar_h * 4, QImage.Format.Format_RGBA8888_Premultiplied)
    y0 = top + height - 2 - bar_h
    p.save()
    # image x -> screen y, image y -> screen x (stretched so that each bin is width/len(bins) wide)
    p.setTransform(QTransform(0, 1, width / len(bins), 0, 0, y0), True)
    p.drawImage(0, 0, img)
    p.restore()
