"""The visible timeline as a picture: PNG, SVG, or an HTML page holding the SVG.

These functions take a ``Scene`` (the layout and the visible range) and a size, not a widget, so
anything holding a layout can render one: the view's export action, the screenshot script, a test.
They paint with the same function as the screen (``timeline_paint.paint_timeline``): what the file
shows is what the analyst saw, at the size asked for (same time range, more or fewer pixels).
"""

from __future__ import annotations

import dataclasses
import html
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QRect, QSize
from PySide6.QtGui import QFont, QGuiApplication, QImage, QPainter, QPalette
from PySide6.QtSvg import QSvgGenerator

from dateline.core.errors import InputError
from dateline.core.timeline import to_date

from .timeline_paint import paint_timeline
from .timeline_style import Scene, Style

FORMATS = {".png": "PNG image", ".svg": "SVG image", ".html": "HTML page"}


def _at_width(scene: Scene, width: int) -> Scene:
    """The scene showing the same time range across ``width`` pixels."""
    scale = dataclasses.replace(scene.scale)
    t0, t1 = scale.visible()
    scale.width = max(width, 1)
    scale.set_range(t0, t1)
    return dataclasses.replace(scene, scale=scale)


def render_image(
    scene: Scene, width: int, height: int, font: QFont, palette: QPalette, scale: float = 1.0
) -> QImage:
    """The timeline painted into an image ``width`` x ``height`` (times ``scale`` device pixels)."""
    img = QImage(
        round(width * scale), round(height * scale), QImage.Format.Format_ARGB32_Premultiplied
    )
    img.setDevicePixelRatio(scale)
    img.fill(palette.base().color())
    p = QPainter(img)
    try:
        paint_timeline(p, width, height, _at_width(scene, width), Style.of(font, palette, img))
    finally:
        p.end()
    return img


def svg_bytes(
    scene: Scene, width: int, height: int, font: QFont, palette: QPalette, title: str = ""
) -> bytes:
    """The timeline as an SVG document; its text stays text (searchable, selectable)."""
    buf = QBuffer()
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    gen = QSvgGenerator()
    gen.setOutputDevice(buf)
    gen.setSize(QSize(width, height))
    gen.setViewBox(QRect(0, 0, width, height))
    screen = QGuiApplication.primaryScreen()
    dpi = round(screen.logicalDotsPerInchX()) if screen is not None else 96
    gen.setResolution(dpi)  # so that text keeps its on-screen size
    gen.setTitle(title or "Dateline timeline")
    gen.setDescription("Timeline exported by Dateline")
    p = QPainter(gen)
    try:
        paint_timeline(p, width, height, _at_width(scene, width), Style.of(font, palette, gen))
    finally:
        p.end()
    buf.close()
    return bytes(buf.data().data())


def html_page(
    scene: Scene, width: int, height: int, font: QFont, palette: QPalette, title: str
) -> str:
    """A self-contained page: the timeline as inline SVG, no external resources."""
    svg = svg_bytes(scene, width, height, font, palette, title).decode("utf-8")
    svg = svg[svg.index("<svg") :]  # drop the XML declaration: not allowed inside HTML
    t0, t1 = scene.scale.visible()
    shown = f"{to_date(t0).isoformat()} to {to_date(t1 - 1e-9).isoformat()}"
    return HTML_PAGE.format(
        title=html.escape(title),
        range=html.escape(shown),
        count=scene.layout.event_count,
        svg=svg,
    )


def save_timeline(
    scene: Scene,
    path: str | Path,
    width: int,
    height: int,
    font: QFont,
    palette: QPalette,
    *,
    scale: float = 1.0,
    title: str = "Dateline timeline",
) -> Path:
    """Write the timeline to ``path`` in the format its suffix names (.png, .svg or .html).

    Raises ``InputError`` (a sentence naming the file) when the suffix is unknown or the file
    cannot be written.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise InputError(
            f"Cannot export the timeline to {path.name}: use a .png, .svg or .html file name.",
            details=str(path),
        )
    try:
        if suffix == ".png":
            img = render_image(scene, width, height, font, palette, scale)
            # PySide6 6.11 stubs type the format as bytes, but the binding accepts only a str
            if not img.save(str(path), "PNG"):  # type: ignore[call-overload]
                raise OSError("the image could not be written")
        elif suffix == ".svg":
            path.write_bytes(svg_bytes(scene, width, height, font, palette, title))
        else:
            page = html_page(scene, width, height, font, palette, title)
            path.write_text(page, encoding="utf-8")
    except OSError as exc:
        raise InputError(f"Could not write the timeline to {path}.", details=str(exc)) from exc
    return path


HTML_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{title}</title>
<style>
body {{ font-family: system-ui, sans-serif; margin: 1.5rem; color: #222; background: #fff; }}
figure {{ margin: 0; overflow-x: auto; }}
svg {{ max-width: 100%; height: auto; }}
p {{ color: #555; }}
</style>
</head>
<body>
<h1>{title}</h1>
<p>{count} dated events; showing {range}.</p>
<figure>
{svg}
</figure>
</body>
</html>
"""
