"""Colours that follow the palette: status colours, highlight fills and message colours that read in
light and dark themes alike.

Every colour is derived from the widget's palette at paint time, so a palette change (the system
switching to dark mode) only needs a repaint, never a restart.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette

STATUSES = ("proposed", "accepted", "rejected", "edited", "none")

STATUS_LABELS = {
    "proposed": "Proposed",
    "accepted": "Accepted",
    "rejected": "Rejected",
    "edited": "Edited",
    "none": "No event",
}

# (light theme, dark theme). Light-theme colours are dark enough for text on a light base and the
# dark-theme ones light enough for text on a dark base (checked by tests with WCAG contrast).
_STATUS = {
    "proposed": ("#9a5b00", "#f0b64a"),  # amber: waiting for a decision
    "accepted": ("#1d7a36", "#6fd08a"),  # green
    "rejected": ("#b3261e", "#f28b82"),  # red
    "edited": ("#1f5fbf", "#8ab4f8"),  # blue: accepted after a change
    "none": ("#5f6368", "#a8adb3"),  # grey: a date with no event
}
_ERROR = ("#b3261e", "#f28b82")
_WARNING = ("#9a5b00", "#f0b64a")


def is_dark(palette: QPalette) -> bool:
    """True when the palette draws light text on a dark base."""
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


def _pick(pair: tuple[str, str], palette: QPalette) -> QColor:
    return QColor(pair[1] if is_dark(palette) else pair[0])


def status_color(status: str, palette: QPalette) -> QColor:
    """The colour of a status (proposed, accepted, rejected, edited, none), as text or a mark."""
    return _pick(_STATUS.get(str(status), _STATUS["none"]), palette)


def mix(a: QColor, b: QColor, t: float) -> QColor:
    """``a`` moved a fraction ``t`` towards ``b`` (opaque result)."""
    return QColor.fromRgbF(
        a.redF() + (b.redF() - a.redF()) * t,
        a.greenF() + (b.greenF() - a.greenF()) * t,
        a.blueF() + (b.blueF() - a.blueF()) * t,
    )


def status_fill(status: str, palette: QPalette) -> QColor:
    """A background for text of ``status``: the status colour faded into the base so the palette's
    own text colour stays readable on it."""
    base = palette.color(QPalette.ColorRole.Base)
    return mix(base, status_color(status, palette), 0.38 if is_dark(palette) else 0.24)


def marked_fill(status: str, palette: QPalette) -> QColor:
    """The fill of the marked date: twice as saturated as its neighbours (``status_fill``), still
    readable."""
    base = palette.color(QPalette.ColorRole.Base)
    return mix(base, status_color(status, palette), 0.55 if is_dark(palette) else 0.4)


def sentence_fill(palette: QPalette) -> QColor:
    """The shade behind the sentence of the selected event: a whisper of the selection colour."""
    base = palette.color(QPalette.ColorRole.Base)
    return mix(
        base, palette.color(QPalette.ColorRole.Highlight), 0.22 if is_dark(palette) else 0.16
    )


def error_color(palette: QPalette) -> QColor:
    return _pick(_ERROR, palette)


def warning_color(palette: QPalette) -> QColor:
    return _pick(_WARNING, palette)


def muted_color(palette: QPalette) -> QColor:
    """Secondary text (captions, metadata): the text colour halfway to the base."""
    return mix(palette.color(QPalette.ColorRole.Text), palette.color(QPalette.ColorRole.Base), 0.4)


def _luminance(c: QColor) -> float:
    def lin(v: float) -> float:
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    return 0.2126 * lin(c.redF()) + 0.7152 * lin(c.greenF()) + 0.0722 * lin(c.blueF())


def contrast(a: QColor, b: QColor) -> float:
    """WCAG contrast ratio between two colours (1 to 21)."""
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def dark_palette() -> QPalette:
    """A neutral dark palette (for tests, screenshots and users who force dark mode)."""
    p = QPalette()
    role = QPalette.ColorRole
    colours = {
        role.Window: "#202124",
        role.WindowText: "#e8eaed",
        role.Base: "#17181a",
        role.AlternateBase: "#24262a",
        role.Text: "#e8eaed",
        role.Button: "#2d2f33",
        role.ButtonText: "#e8eaed",
        role.BrightText: "#ffffff",
        role.Highlight: "#3d6fb6",
        role.HighlightedText: "#ffffff",
        role.ToolTipBase: "#2d2f33",
        role.ToolTipText: "#e8eaed",
        role.PlaceholderText: "#9aa0a6",
        role.Link: "#8ab4f8",
        role.Mid: "#3c4043",
        role.Dark: "#101113",
        role.Light: "#4a4d51",
        role.Midlight: "#3a3c40",
        role.Shadow: "#000000",
    }
    for r, c in colours.items():
        p.setColor(r, QColor(c))
    disabled = QPalette.ColorGroup.Disabled
    for r in (role.Text, role.WindowText, role.ButtonText):
        p.setColor(disabled, r, QColor("#7c8187"))
    return p


_SEARCH = ("#ffd54a", "#8a6d00")


def search_fill(palette: QPalette) -> QColor:
    """Behind the words of a search: a marker-pen yellow, text stays readable on it."""
    base = palette.color(QPalette.ColorRole.Base)
    return mix(base, _pick(_SEARCH, palette), 0.75 if is_dark(palette) else 0.8)
