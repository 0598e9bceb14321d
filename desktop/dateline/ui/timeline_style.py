"""Timeline painting: colours, metrics and the per-frame data the painters share.

``Style`` comes from the widget's palette and font, so the timeline reads in light and dark themes
and follows the user's font size; sizes are device-independent pixels (Qt scales them on high DPI).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPaintDevice,
    QPalette,
    QPen,
)

from dateline.core.timeline import Bucket, Geometry, LanePlan, TimelineLayout, TimeScale

from . import theme

# statuses in legend order; their colours come from ``theme`` so the table and the timeline agree
STATUSES = ("proposed", "accepted", "edited", "rejected")
POINT_RADIUS = 4.5
PERIOD_BAR = 4.0  # height of a week's, month's or year's bar under its label
DAY_BAND_MIN = 60.0  # a day this wide gets a faint band behind its dot
PUBLISHED_COLOUR = ("#8a3fb0", "#d7a6f0")  # light, dark: purple is no status colour


@dataclass(slots=True)
class Style:
    """Colours and metrics for one paint device, taken from the widget's palette and font."""

    font: QFont
    palette: QPalette
    metrics: QFontMetricsF
    dark: bool = False
    bold: QFont = field(default_factory=QFont)
    _widths: dict[str, float] = field(default_factory=dict)
    _colours: dict[tuple, QColor] = field(default_factory=dict)
    _elided: dict[tuple[str, int], str] = field(default_factory=dict)
    # the pen and fill of a dot by ("dot", status, uncertain), made once per style
    cache: dict[tuple[str, str, bool], tuple[QPen, QColor]] = field(default_factory=dict)

    @classmethod
    def of(cls, font: QFont, palette: QPalette, device: QPaintDevice | None = None) -> Style:
        fm = QFontMetricsF(font, device) if device is not None else QFontMetricsF(font)
        dark = theme.is_dark(palette)
        bold = QFont(font)
        bold.setBold(True)
        return cls(font, palette, fm, dark, bold)

    @property
    def line(self) -> float:
        return self.metrics.height()

    @property
    def row_height(self) -> float:
        return round(self.line + 8)

    def width(self, text: str) -> float:
        w = self._widths.get(text)
        if w is None:
            w = self._widths[text] = self.metrics.horizontalAdvance(text)
        return w

    def status(self, status: str) -> QColor:
        """The colour of a status; shared, never modify it (copy with ``QColor(c)``)."""
        key = ("status", status)
        c = self._colours.get(key)
        if c is None:
            c = self._colours[key] = theme.status_color(status, self.palette)
        return c

    def mix(self, amount: float) -> QColor:
        """Text colour blended into the background, opaque: translucent lines cost 4x to draw."""
        a = self.palette.color(QPalette.ColorRole.Base)
        b = self.palette.color(QPalette.ColorRole.Text)
        return QColor.fromRgbF(
            a.redF() + (b.redF() - a.redF()) * amount,
            a.greenF() + (b.greenF() - a.greenF()) * amount,
            a.blueF() + (b.blueF() - a.blueF()) * amount,
        )

    def geometry(self, width: float) -> Geometry:
        """Label and mark sizes for this font: labels up to about 45 characters, at least 10."""
        em = self.width("n")
        return Geometry(
            width,
            point_radius=POINT_RADIUS,
            label_max=round(45 * em),
            label_min=round(10 * em),
            gap=round(2 * em),
            bucket_min=self.width("+88,888") + 24,
        )

    def elided(self, text: str, width: float) -> str:
        key = (text, round(width))
        out = self._elided.get(key)
        if out is None:
            if len(self._elided) > 20_000:
                self._elided.clear()
            out = self._elided[key] = self.metrics.elidedText(
                text, Qt.TextElideMode.ElideRight, width
            )
        return out

    def colour(self, role: QPalette.ColorRole, alpha: float = 1.0) -> QColor:
        """A palette colour at some opacity; shared, never modify it (copy with ``QColor(c)``)."""
        key = (role, alpha)
        c = self._colours.get(key)
        if c is None:
            c = self._colours[key] = QColor(self.palette.color(role))
            c.setAlphaF(alpha)
        return c


@dataclass(frozen=True, slots=True)
class Chip:
    """A count the user can click to list what it stands for."""

    kind: str  # "bucket": a period's unlabelled events; "spanning"; "before"/"after": off the view
    plan: LanePlan | None = None
    bucket: Bucket | None = None
    count: int = 0


@dataclass(slots=True)
class Frame:
    """What one paint drew where: the view hit-tests clicks and tooltips against it."""

    lanes: list[LanePlan] = field(default_factory=list)
    marks: list[tuple[float, float, float, float, int]] = field(
        default_factory=list
    )  # x0,y0,x1,y1,id
    labels: list[tuple[float, float, float, float, int]] = field(default_factory=list)
    chips: list[tuple[QRectF, Chip]] = field(default_factory=list)
    published: list[tuple[float, dt.date, int]] = field(default_factory=list)  # x, day, articles
    lanes_left_out: int = 0


@dataclass(slots=True)
class Scene:
    """The state a paint needs, independent of any widget."""

    layout: TimelineLayout
    scale: TimeScale
    selected: int | None = None
    published: list[tuple[dt.date, int]] = field(default_factory=list)  # date, article count
    lod: bool = True  # False paints every item however many (the benchmark's baseline only)


def axis_height(style: Style) -> float:
    return round(2 * style.line + 10)


def footer_height(style: Style) -> float:
    return round(style.line + 8)


def header_height(layout: TimelineLayout, style: Style) -> float:
    return round(style.line + 4) if layout.mode != "none" else 0.0
