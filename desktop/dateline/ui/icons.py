"""Toolbar icons: SVG text in ``dateline/resources`` drawn in the palette's text colour.

The SVGs use ``currentColor``; rendering them per palette keeps them legible in light and dark themes
and sharp at any scale (QIcon asks the SVG engine for each device-pixel size).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from PySide6.QtCore import QByteArray
from PySide6.QtGui import QIcon, QImage, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
_SIZES = (16, 20, 24, 32, 48, 64)


@cache
def _svg(name: str) -> str:
    return (RESOURCES / f"{name}.svg").read_text(encoding="utf-8")


def _render(svg: str, size: int) -> QPixmap:
    renderer = QSvgRenderer(QByteArray(svg.encode("utf-8")))
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(0)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    return QPixmap.fromImage(image)


def icon(name: str, palette: QPalette | None = None) -> QIcon:
    """The named icon tinted with the palette's button-text colour."""
    svg = _svg(name)
    if palette is not None and "currentColor" in svg:
        svg = svg.replace("currentColor", palette.color(QPalette.ColorRole.ButtonText).name())
    out = QIcon()
    for size in _SIZES:
        out.addPixmap(_render(svg, size))
    return out


def app_icon() -> QIcon:
    return icon("dateline")
