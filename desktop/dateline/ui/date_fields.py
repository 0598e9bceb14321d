"""The date row of the event editor: the date at any precision, its precision, an optional end, how it
reads, why it cannot be stored, and the sources' readings when they disagree.

Changing the precision never invents a day: the day a coarser precision came from is remembered, so
Day -> Year -> Day gives the same day back. The field never shows a raw internal value: a decade
reads "1990s", a date no calendar can place leaves the field empty and says so.
"""

from __future__ import annotations

import datetime as dt
import html

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from ..core import timevalue
from ..core.corroboration import has_conflict, reading_range, readings
from ..core.datecheck import check_range, check_value
from ..core.model import EventRecord, Granularity
from ..core.typed_dates import field_text, is_unknown
from . import theme

PRECISIONS: tuple[tuple[str, Granularity], ...] = (
    ("Day", Granularity.DAY),
    ("Month", Granularity.MONTH),
    ("Quarter", Granularity.QUARTER),
    ("Half year", Granularity.HALF),
    ("Year", Granularity.YEAR),
    ("Decade", Granularity.DECADE),
)
_PLACEHOLDER = "2024-10-16"
_UNKNOWN_PLACEHOLDER = "unknown: type a date"


def caption(parent: QWidget, accessible: str) -> QLabel:
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setAccessibleName(accessible)
    label.setVisible(False)
    return label


class DateFields(QWidget):
    """Value, precision and end of one event's date, validated as typed."""

    edited = Signal()  # any of the fields changed
    reading_chosen = Signal(str, object)  # value, end (or None): a source's reading to adopt

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._event: EventRecord | None = None
        # The day a coarser precision came from, so Day -> Year -> Day gives the same day back.
        self._day: dt.date | None = None
        self._end_day: dt.date | None = None
        self._adjusting = False  # the fields are being rewritten by the precision chooser

        self.value_edit = QLineEdit(self)
        self.value_edit.setPlaceholderText(_PLACEHOLDER)
        self.value_edit.setToolTip(
            "Date at any precision: 2024-10-16, 2024-10, 2024-Q4, 2024-H2, 2024, 1990s."
            " Written forms like '16 Oct 2024' are accepted."
        )
        self.precision_combo = QComboBox(self)
        for text, g in PRECISIONS:
            self.precision_combo.addItem(text, str(g))
        self.precision_combo.setToolTip("Precision of the date: the same day made coarser or finer")
        self.end_edit = QLineEdit(self)
        self.end_edit.setPlaceholderText("end")
        self.end_edit.setToolTip("Optional: last day or period of a ranged event, e.g. 2024-10-18")
        self.date_label = caption(self, "Date as read")
        self.date_error = caption(self, "Date problem")
        # Links, not buttons: rich text wraps in a narrow editor and Tab reaches each link.
        self.readings_row = caption(self, "Readings of the date by the sources")
        self.readings_row.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self.readings_row.linkActivated.connect(self._reading_link)
        self._reading_choices: dict[str, tuple[str, str | None]] = {}

        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.value_edit, 3)
        row.addWidget(self.precision_combo, 2)
        row.addWidget(QLabel("to", self))
        row.addWidget(self.end_edit, 3)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(self.fontMetrics().height() // 6)
        box.addLayout(row)
        box.addWidget(self.date_label)
        box.addWidget(self.date_error)
        box.addWidget(self.readings_row)
        self.setFocusProxy(self.value_edit)

        # textChanged, not textEdited: a reading adopted or a precision chosen is validated too.
        self.value_edit.textChanged.connect(self._value_typed)
        self.end_edit.textChanged.connect(self._end_typed)
        self.precision_combo.activated.connect(self._precision_chosen)

    # ---- filling ----
    def set_event(self, ev: EventRecord | None) -> None:
        """Show the date of ``ev`` (signals held: the editor refreshes once afterwards)."""
        self._event = ev
        self.blockSignals(True)
        try:
            unknown = ev is not None and is_unknown(ev.value)
            self.value_edit.setPlaceholderText(_UNKNOWN_PLACEHOLDER if unknown else _PLACEHOLDER)
            self.value_edit.setText(field_text(ev.value) if ev else "")
            self.end_edit.setText(field_text(ev.end or "") if ev else "")
            a, _, g = timevalue.interval(ev.value) if ev else (None, None, Granularity.UNKNOWN)
            self._day = ev.earliest if ev and ev.earliest else a
            self._end_day = timevalue.interval(ev.end)[1] if ev and ev.end else None
            self._show_precision(g)
            self._show_readings(ev)
        finally:
            self.blockSignals(False)

    def set_read_only(self, readonly: bool) -> None:
        self.value_edit.setReadOnly(readonly)
        self.end_edit.setReadOnly(readonly)
        self.precision_combo.setEnabled(not readonly and self._event is not None)
        self.readings_row.setTextInteractionFlags(
            Qt.TextInteractionFlag.NoTextInteraction
            if readonly
            else Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )

    def adopt(self, value: str, end: str | None) -> None:
        self.value_edit.setText(field_text(value) or value)
        self.end_edit.setText(field_text(end or "") or (end or ""))

    # ---- reading ----
    def date(self) -> tuple[str, str | None]:
        """(value, end) as typed, normalised; an end equal to the value is no end. A field left
        empty over a date no calendar can place keeps that date."""
        ev = self._event
        raw = self.value_edit.text().strip()
        value, _ = check_value(raw)
        if not value and ev is not None and raw in (ev.value, field_text(ev.value)):
            value = ev.value  # an unresolved machine value the analyst left alone
        end_raw = self.end_edit.text().strip()
        end = check_value(end_raw)[0] if end_raw else None
        if ev is not None and end_raw and end_raw == field_text(ev.end or ""):
            end = ev.end
        if end == value:
            end = None
        return value or raw, end

    def problem(self) -> str:
        """Why the date as typed cannot be stored; "" when it can (or was left as it was)."""
        ev = self._event
        if ev is None:
            return ""
        raw = self.value_edit.text().strip()
        value, why = check_value(raw)
        out = ""
        if why and raw not in (ev.value, field_text(ev.value)):
            out = why
        end_raw = self.end_edit.text().strip()
        if end_raw:
            end, why_end = check_value(end_raw)
            if why_end:
                out = f"End date: {why_end}"
            elif value and (why_range := check_range(value, end)):
                out = why_range
        return out

    def show_state(self, problem: str) -> None:
        """Show how the date reads, or why it cannot be stored."""
        palette = self.palette()
        error = theme.error_color(palette).name()
        self.date_error.setText(
            f"<span style='color:{error}'>&#9888; {problem}</span>" if problem else ""
        )
        self.date_error.setVisible(bool(problem))
        self.value_edit.setToolTip(problem or self.value_edit.toolTip())
        value, end = self.date()
        muted = theme.muted_color(palette).name()
        if self._event is not None and not problem and timevalue.is_resolved(value):
            text = f"reads as {html.escape(timevalue.label(value, end))}"
        elif self._event is not None and not problem and is_unknown(value):
            text = "the date is not known yet: type one to place the event on the timeline"
        else:
            text = ""
        self.date_label.setText(f"<span style='color:{muted}'>{text}</span>" if text else "")
        self.date_label.setVisible(bool(text))

    # ---- the sources' readings ----
    def _show_readings(self, ev: EventRecord | None) -> None:
        """When sources read the date differently, a link per reading to adopt it, and one to keep
        a range covering them all."""
        self._reading_choices = {}
        conflict = ev is not None and has_conflict(ev)
        self.readings_row.setVisible(conflict)
        if not conflict or ev is None:
            self.readings_row.clear()
            return
        counts: dict[tuple[str, str | None], int] = {}
        all_readings = readings(ev)
        for r in all_readings:
            counts[(r.value, r.end)] = counts.get((r.value, r.end), 0) + 1
        warn = theme.warning_color(self.palette()).name()
        links = []
        for i, (value, end) in enumerate(
            sorted(counts, key=lambda k: timevalue.sort_key(k[0], k[1]))
        ):
            self._reading_choices[str(i)] = (value, end)
            n = counts[(value, end)]
            links.append(
                f"<a href='{i}'>{html.escape(timevalue.label(value, end))}</a> "
                f"({n} source{'s' if n != 1 else ''})"
            )
        self._reading_choices["range"] = reading_range(all_readings)
        links.append("<a href='range'>keep the range</a>")
        self.readings_row.setText(
            f"<span style='color:{warn}'>&#9888; Sources disagree:</span> " + " · ".join(links)
        )
        self.readings_row.setToolTip("Click a reading to make it the event's date")

    @Slot(str)
    def _reading_link(self, key: str) -> None:
        if key in self._reading_choices:
            value, end = self._reading_choices[key]
            self.reading_chosen.emit(value, end)

    # ---- reactions ----
    def _show_precision(self, g: Granularity) -> None:
        i = self.precision_combo.findData(str(g))
        if i < 0 and g is not Granularity.UNKNOWN:
            self.precision_combo.addItem(str(g).title(), str(g))
            i = self.precision_combo.count() - 1
        self.precision_combo.blockSignals(True)
        self.precision_combo.setCurrentIndex(max(i, 0))
        self.precision_combo.blockSignals(False)

    @Slot(str)
    def _value_typed(self, text: str) -> None:
        value, _ = check_value(text)
        if value:
            a, _, g = timevalue.interval(value)
            if g in (Granularity.DAY, Granularity.HOUR, Granularity.MINUTE) or (
                self._day is None or a is None or not _within(self._day, value)
            ):
                self._day = a
            self._show_precision(g)
        self.edited.emit()

    @Slot(str)
    def _end_typed(self, text: str) -> None:
        if not self._adjusting:
            end, _ = check_value(text)
            if end:
                self._end_day = timevalue.interval(end)[1]
            elif not text.strip():
                self._end_day = None
        self.edited.emit()

    @Slot(int)
    def _precision_chosen(self, index: int) -> None:
        g = Granularity(self.precision_combo.itemData(index))
        self._adjusting = True
        try:
            self._set_precision(g)
        finally:
            self._adjusting = False
        self.edited.emit()

    def _set_precision(self, g: Granularity) -> None:
        value, _ = check_value(self.value_edit.text())
        if value and self._day is not None:
            self.value_edit.setText(field_text(timevalue.value_at(self._day, g)))
        elif value:
            a, _, _ = timevalue.interval(value)
            if a is not None:
                self._day = a
                self.value_edit.setText(field_text(timevalue.value_at(a, g)))
        if self._end_day is not None:
            end = field_text(timevalue.value_at(self._end_day, g))
            # At a precision where start and end fall together the range is one period.
            self.end_edit.setText("" if end == self.value_edit.text() else end)


def _within(day: dt.date, value: str) -> bool:
    a, b, _ = timevalue.interval(value)
    return a is not None and b is not None and a <= day <= b
