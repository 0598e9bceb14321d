"""Timeline painting: colours, metrics and the per-frame data the painters share.

``Style`` comes from the widget's palette and font, so the timeline reads in light and dark themes
and follows the user's font size; sizes are device-independent pixels (Qt scales them on high DPI).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from PySide6.QtCore import QRectF
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPalette,
)

from dateline.core.timeline import (
    TimelineItem,
    TimelineLayout,
    TimeScale,
)

from . import theme

# statuses in legend order; their colours come from ``theme`` so the table and the timeline agree
STATUSES = ("proposed", "accepted", "edited", "rejected")
POINT_RADIUS = 4.5
MIN_BAR = 3.0  # a bar narrower than this is widened so that it stays visible and clickable
LABEL_ROOM = 240.0  # label room a mark claims when stacking; longer titles are elided unless free
SOLID_LABEL_MIN = 200.0  # a solid bar this wide (or as wide as its label) carries it inside
DAY_BAND_MIN = 60.0  # a day this wide gets a faint band behind its dot
LOD_ROWS = 3  # rows a lane drawn as density asks for
LOD_MAX_ROWS = 12  # and at most gets, out of the rows nobody else needs
# A lane with more visible items than a third of its pixel columns is drawn as density: past that,
# marks overlap and most land in the overflow row anyway, and painting them costs the frame rate.
DETAIL_PER_PIXEL = 0.35
LONG_SHOWN = 6  # up to this many items longer than the view are drawn; more are only counted


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

    @classmethod
    def of(cls, font: QFont, palette: QPalette, device=None) -> Style:
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

    def colour(self, role: QPalette.ColorRole, alpha: float = 1.0) -> QColor:
        """A palette colour at some opacity; shared, never modify it (copy with ``QColor(c)``)."""
        key = (role, alpha)
        c = self._colours.get(key)
        if c is None:
            c = self._colours[key] = QColor(self.palette.color(role))
            c.setAlphaF(alpha)
        return c


@dataclass(slots=True)
class Mark:
    """One item as drawn this frame."""

    item: TimelineItem
    x0: float
    x1: float
    anchor: float  # where its label starts
    limit: float  # where its label must stop, whatever the row holds (inside a solid bar)
    inside: bool  # label drawn inside a solid bar (contrasting colour)
    span0: float = 0.0  # x extent of the item's real interval (a point's whole day)
    span1: float = 0.0
    row: int = -1


@dataclass(slots=True)
class LanePlan:
    lane: int
    lod: bool
    marks: list[Mark] = field(default_factory=list)
    demand: int = 0  # rows wanted at this zoom
    shown: int = 0  # rows given
    hidden: list[Mark] = field(default_factory=list)  # no room even for the mark: overflow count
    spanning: int = 0  # items longer than the view, counted in the summary row, not drawn
    top: float = 0.0  # y of the lane header (of the first row when headers are off)
    rows_top: float = 0.0

    @property
    def summary(self) -> bool:
        """Whether the lane's last row summarises what is not drawn (a one-row lane gets a badge)."""
        return (bool(self.hidden) or self.spanning > 0) and self.shown > 1


@dataclass(slots=True)
class Frame:
    """What one paint drew where: the view hit-tests clicks and tooltips against it."""

    lanes: list[LanePlan] = field(default_factory=list)
    marks: list[tuple[float, float, float, float, int]] = field(
        default_factory=list
    )  # x0,y0,x1,y1,id
    clusters: list[tuple[QRectF, float, float]] = field(default_factory=list)  # badge, t0, t1


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
