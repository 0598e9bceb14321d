"""The event editor: every field of one event, validated as you type, applied as one request.

The editor never writes: Apply (Ctrl+Enter) emits ``edit_requested(event_id, changes)`` holding only
the fields that differ from the event it was given, and the main window turns that into an undoable
command. Escape puts the fields back.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Iterable
from itertools import pairwise

from PySide6.QtCore import QEvent, QModelIndex, QStringListModel, Qt, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from ..core import timevalue
from ..core.corroboration import (
    CREDIBILITY_LABELS,
    RELIABILITY_LABELS,
    has_conflict,
    independent_documents,
    reading_range,
    readings,
    suggested_credibility,
)
from ..core.datecheck import check_range, check_value
from ..core.model import EventRecord, Granularity, Status
from . import theme

PRECISIONS: tuple[tuple[str, Granularity], ...] = (
    ("Day", Granularity.DAY),
    ("Month", Granularity.MONTH),
    ("Quarter", Granularity.QUARTER),
    ("Half year", Granularity.HALF),
    ("Year", Granularity.YEAR),
    ("Decade", Granularity.DECADE),
)
_STATUS_LABELS = {s: theme.STATUS_LABELS[str(s)] for s in Status}


def parse_tags(text: str) -> tuple[str, ...]:
    """Comma-separated tags, trimmed, blanks and repeats dropped, first spelling kept."""
    seen: dict[str, str] = {}
    for part in text.split(","):
        tag = " ".join(part.split())
        if tag and tag.casefold() not in seen:
            seen[tag.casefold()] = tag
    return tuple(seen.values())


class TagCompleter(QCompleter):
    """Completes the tag being typed after the last comma, keeping the tags before it."""

    def splitPath(self, path: str) -> list[str]:
        return [path.rsplit(",", 1)[-1].strip()]

    def pathFromIndex(self, index: QModelIndex) -> str:
        widget = self.widget()
        text = widget.text() if isinstance(widget, QLineEdit) else ""
        head = text.rsplit(",", 1)[0] + ", " if "," in text else ""
        return head + str(index.data())


def _caption(parent: QWidget, accessible: str) -> QLabel:
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setAccessibleName(accessible)
    label.setVisible(False)
    return label


class EventEditor(QWidget):
    """Edits one EventRecord. A plain view: emits ``edit_requested``, never writes."""

    edit_requested = Signal(int, dict)  # event id, {field: new value} of changed fields only

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._event: EventRecord | None = None
        # The day a coarser precision came from, so Day -> Year -> Day gives the same day back.
        self._day: dt.date | None = None
        self._end_day: dt.date | None = None
        self._loading = False
        self._adjusting = False  # the editor itself is rewriting the date fields
        fm = self.fontMetrics()

        self.header_label = QLabel(self)
        self.header_label.setWordWrap(True)
        self.header_label.setAccessibleName("Event summary")

        self.title_edit = QLineEdit(self)
        self.title_edit.setPlaceholderText("What happened, in a few words")
        self.title_error = _caption(self, "Title problem")

        self.description_edit = QPlainTextEdit(self)
        self.description_edit.setTabChangesFocus(True)
        self.description_edit.setPlaceholderText("Details, context")
        self.description_edit.setMaximumHeight(fm.lineSpacing() * 4 + fm.height())

        self.value_edit = QLineEdit(self)
        self.value_edit.setPlaceholderText("2024-10-16")
        self.value_edit.setToolTip(
            "Date at any precision: 2024-10-16, 2024-10, 2024-Q4, 2024-H2, 2024, 202 (the 2020s)."
            " Written forms like '16 Oct 2024' are accepted."
        )
        self.precision_combo = QComboBox(self)
        for text, g in PRECISIONS:
            self.precision_combo.addItem(text, str(g))
        self.precision_combo.setToolTip("Precision of the date: the same day made coarser or finer")
        self.end_edit = QLineEdit(self)
        self.end_edit.setPlaceholderText("end")
        self.end_edit.setToolTip("Optional: last day or period of a ranged event, e.g. 2024-10-18")
        self.date_label = _caption(self, "Date as read")
        self.date_error = _caption(self, "Date problem")
        # Links, not buttons: rich text wraps in a narrow editor and Tab reaches each link.
        self.readings_row = _caption(self, "Readings of the date by the sources")
        self.readings_row.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self.readings_row.linkActivated.connect(self._reading_chosen)
        self._reading_choices: dict[str, tuple[str, str | None]] = {}

        self.status_combo = QComboBox(self)
        for status, text in _STATUS_LABELS.items():
            self.status_combo.addItem(text, str(status))

        self.tags_edit = QLineEdit(self)
        self.tags_edit.setPlaceholderText("comma separated: nato, aid")
        self._tag_model = QStringListModel(self)
        self.tag_completer = TagCompleter(self._tag_model, self)
        self.tag_completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.tag_completer.setFilterMode(Qt.MatchFlag.MatchStartsWith)
        self.tags_edit.setCompleter(self.tag_completer)

        self.notes_edit = QPlainTextEdit(self)
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setPlaceholderText("Analyst notes (not exported as the event text)")
        self.notes_edit.setMaximumHeight(fm.lineSpacing() * 4 + fm.height())
        self.location_edit = QLineEdit(self)
        self.location_edit.setPlaceholderText("e.g. Brussels")
        self.actors_edit = QLineEdit(self)
        self.actors_edit.setPlaceholderText("e.g. NATO, Mark Rutte")

        self.reliability_combo = QComboBox(self)
        self.reliability_combo.addItem("— not graded", None)
        for grade, text in RELIABILITY_LABELS.items():
            self.reliability_combo.addItem(f"{grade} — {text}", grade)
        self.reliability_combo.setToolTip("Source reliability (Admiralty scale A-F)")
        self.credibility_combo = QComboBox(self)
        self.credibility_combo.addItem("— not graded", None)
        for grade, text in CREDIBILITY_LABELS.items():
            self.credibility_combo.addItem(f"{grade} — {text}", grade)
        self.credibility_combo.setToolTip("Information credibility (Admiralty scale 1-6)")
        self.corroboration_label = _caption(self, "Corroboration")
        self.corroboration_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self.corroboration_label.setToolTip(
            "Dateline only suggests a credibility grade from how many articles report the event"
        )
        self.corroboration_label.linkActivated.connect(self._use_suggestion)
        self._suggested: int | None = None

        self.revert_button = QPushButton("Revert", self)
        self.revert_button.setToolTip("Put the fields back as they were (Esc)")
        self.apply_button = QPushButton("Apply", self)
        self.apply_button.setDefault(True)
        self.apply_button.setToolTip("Apply the changes (Ctrl+Enter); undo with Ctrl+Z")
        self.revert_button.clicked.connect(self.revert)
        self.apply_button.clicked.connect(self.apply)

        self.apply_action = QAction("Apply Event Changes", self)
        self.apply_action.setShortcuts([QKeySequence("Ctrl+Return"), QKeySequence("Ctrl+Enter")])
        self.apply_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.apply_action.triggered.connect(self.apply)
        self.revert_action = QAction("Revert Event Changes", self)
        self.revert_action.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        self.revert_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.revert_action.triggered.connect(self.revert)
        self.addActions([self.apply_action, self.revert_action])

        self._names = {
            self.title_edit: "Title",
            self.description_edit: "Description",
            self.value_edit: "Date",
            self.precision_combo: "Date precision",
            self.end_edit: "End date",
            self.status_combo: "Status",
            self.tags_edit: "Tags",
            self.notes_edit: "Notes",
            self.location_edit: "Location",
            self.actors_edit: "Actors",
            self.reliability_combo: "Source reliability",
            self.credibility_combo: "Information credibility",
        }
        for widget, name in self._names.items():
            widget.setAccessibleName(name)
        self._build_layout()
        self._connect_fields()
        self.set_event(None)

    # ---- layout ----

    def _build_layout(self) -> None:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)

        def labelled(text: str, field: QWidget) -> QLabel:
            label = QLabel(text, self)
            label.setBuddy(field)
            return label

        form.addRow(
            labelled("&Title", self.title_edit), self._stack(self.title_edit, self.title_error)
        )
        form.addRow(labelled("&Description", self.description_edit), self.description_edit)
        date_row = QHBoxLayout()
        date_row.setContentsMargins(0, 0, 0, 0)
        date_row.addWidget(self.value_edit, 3)
        date_row.addWidget(self.precision_combo, 2)
        to = QLabel("to", self)
        date_row.addWidget(to)
        date_row.addWidget(self.end_edit, 3)
        date_box = QVBoxLayout()
        date_box.setContentsMargins(0, 0, 0, 0)
        date_box.setSpacing(self.fontMetrics().height() // 6)
        date_box.addLayout(date_row)
        date_box.addWidget(self.date_label)
        date_box.addWidget(self.date_error)
        date_box.addWidget(self.readings_row)
        form.addRow(labelled("D&ate", self.value_edit), date_box)
        form.addRow(labelled("&Status", self.status_combo), self.status_combo)
        form.addRow(labelled("Ta&gs", self.tags_edit), self.tags_edit)
        form.addRow(labelled("&Notes", self.notes_edit), self.notes_edit)
        form.addRow(labelled("&Location", self.location_edit), self.location_edit)
        form.addRow(labelled("Act&ors", self.actors_edit), self.actors_edit)
        form.addRow(labelled("&Reliability", self.reliability_combo), self.reliability_combo)
        form.addRow(
            labelled("&Credibility", self.credibility_combo),
            self._stack(self.credibility_combo, self.corroboration_label),
        )

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.apply_button)

        # The fields scroll, the buttons stay: the editor fits a short dock even at 200% scaling.
        fields = QWidget(self)
        fields_layout = QVBoxLayout(fields)
        fields_layout.setContentsMargins(0, 0, self.fontMetrics().averageCharWidth() // 2, 0)
        fields_layout.addLayout(form)
        fields_layout.addStretch(1)
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidget(fields)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        self.scroll_area.setMinimumWidth(fields.minimumSizeHint().width() + bar)
        outer = QVBoxLayout(self)
        outer.addWidget(self.header_label)
        outer.addWidget(self.scroll_area, 1)
        outer.addLayout(buttons)

        order = [
            self.title_edit,
            self.description_edit,
            self.value_edit,
            self.precision_combo,
            self.end_edit,
            self.status_combo,
            self.tags_edit,
            self.notes_edit,
            self.location_edit,
            self.actors_edit,
            self.reliability_combo,
            self.credibility_combo,
            self.revert_button,
            self.apply_button,
        ]
        for a, b in pairwise(order):
            QWidget.setTabOrder(a, b)

    def _stack(self, field: QWidget, caption: QLabel) -> QVBoxLayout:
        box = QVBoxLayout()
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(self.fontMetrics().height() // 6)
        box.addWidget(field)
        box.addWidget(caption)
        return box

    def _connect_fields(self) -> None:
        for edit in (self.title_edit, self.tags_edit, self.location_edit, self.actors_edit):
            edit.textChanged.connect(self._refresh)
        for text in (self.description_edit, self.notes_edit):
            text.textChanged.connect(self._refresh)
        for combo in (self.status_combo, self.reliability_combo, self.credibility_combo):
            combo.currentIndexChanged.connect(self._refresh)
        # textChanged, not textEdited: a reading adopted or a precision chosen is validated too.
        self.value_edit.textChanged.connect(self._value_typed)
        self.end_edit.textChanged.connect(self._end_typed)
        self.precision_combo.activated.connect(self._precision_chosen)

    # ---- public API ----

    def set_event(self, ev: EventRecord | None) -> None:
        """Show ``ev`` (None: an empty, disabled editor).

        Given the very record already shown (a refresh after some other change), the fields keep
        what the analyst is typing; any new version of the event replaces them.
        """
        if ev is not None and ev == self._event:
            return
        self._event = ev
        self._loading = True
        try:
            self._fill(ev)
        finally:
            self._loading = False
        for widget in self._names:
            widget.setEnabled(ev is not None)
        self._refresh()

    def event_record(self) -> EventRecord | None:
        return self._event

    def set_tag_completions(self, tags: Iterable[str]) -> None:
        self._tag_model.setStringList(sorted(set(tags), key=str.casefold))

    def focus_field(self, name: str) -> None:
        """Put the keyboard in a field by name: title, description, date, end, status, tags, notes,
        location, actors, reliability, credibility."""
        widget = {
            "title": self.title_edit,
            "description": self.description_edit,
            "date": self.value_edit,
            "value": self.value_edit,
            "precision": self.precision_combo,
            "end": self.end_edit,
            "status": self.status_combo,
            "tags": self.tags_edit,
            "notes": self.notes_edit,
            "location": self.location_edit,
            "actors": self.actors_edit,
            "reliability": self.reliability_combo,
            "credibility": self.credibility_combo,
        }[name]
        widget.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if isinstance(widget, QLineEdit):
            if name == "tags" and widget.text():
                widget.end(False)  # T adds a tag: keep the existing ones
                if not widget.text().rstrip().endswith(","):
                    widget.setText(widget.text().rstrip() + ", ")
            else:
                widget.selectAll()
        elif isinstance(widget, QPlainTextEdit):
            widget.moveCursor(widget.textCursor().MoveOperation.End)

    def is_valid(self) -> bool:
        return self._event is not None and not self._problems()

    def changes(self) -> dict[str, object]:
        """The fields that differ from the event, with their new values."""
        ev = self._event
        if ev is None:
            return {}
        out: dict[str, object] = {}
        texts = {
            "title": self.title_edit.text().strip(),
            "description": self.description_edit.toPlainText().strip(),
            "notes": self.notes_edit.toPlainText().strip(),
            "location": self.location_edit.text().strip(),
            "actors": self.actors_edit.text().strip(),
        }
        for name, text in texts.items():
            if text != (getattr(ev, name) or "").strip():
                out[name] = text
        reliability = self.reliability_combo.currentData()
        if reliability != ev.reliability:
            out["reliability"] = reliability
        credibility = self.credibility_combo.currentData()
        if credibility != ev.credibility:
            out["credibility"] = credibility
        tags = parse_tags(self.tags_edit.text())
        if tags != tuple(ev.tags):
            out["tags"] = tags
        status = Status(self.status_combo.currentData())
        if status != ev.status:
            out["status"] = status
        value, end = self._date()
        if (value, end) != (ev.value, ev.end or None):
            out["date"] = (value, end)
        return out

    @Slot()
    def apply(self) -> None:
        if self._event is None or not self.is_valid():
            return
        changes = self.changes()
        if changes:
            self.edit_requested.emit(self._event.id, changes)

    @Slot()
    def revert(self) -> None:
        ev, self._event = self._event, None
        self.set_event(ev)

    # ---- filling and reading the fields ----

    def _fill(self, ev: EventRecord | None) -> None:
        self.title_edit.setText(ev.title if ev else "")
        self.title_edit.setCursorPosition(0)  # long titles show their beginning
        self.title_edit.setToolTip(ev.title if ev else "")
        self.description_edit.setPlainText(ev.description if ev else "")
        self.value_edit.setText(ev.value if ev else "")
        self.end_edit.setText(ev.end or "" if ev else "")
        a, _, g = timevalue.interval(ev.value) if ev else (None, None, Granularity.UNKNOWN)
        self._day = ev.earliest if ev and ev.earliest else a
        self._end_day = timevalue.interval(ev.end)[1] if ev and ev.end else None
        self._show_precision(g)
        self.status_combo.setCurrentIndex(
            max(0, self.status_combo.findData(str(ev.status) if ev else "proposed"))
        )
        self.tags_edit.setText(", ".join(ev.tags) if ev else "")
        self.notes_edit.setPlainText(ev.notes if ev else "")
        self.location_edit.setText(ev.location if ev else "")
        self.actors_edit.setText(ev.actors if ev else "")
        self.reliability_combo.setCurrentIndex(
            max(0, self.reliability_combo.findData(ev.reliability)) if ev and ev.reliability else 0
        )
        self.credibility_combo.setCurrentIndex(
            max(0, self.credibility_combo.findData(ev.credibility)) if ev and ev.credibility else 0
        )
        self._show_header(ev)
        self._show_readings(ev)

    def _show_header(self, ev: EventRecord | None) -> None:
        if ev is None:
            self.header_label.setText("No event selected")
            self.corroboration_label.setVisible(False)
            return
        docs = {s.document_id for s in ev.sources}
        n = len(ev.sources)
        parts = [
            f"<b>Event {ev.id}</b>",
            "by the analyst" if ev.origin == "analyst" else "by the extractor",
            f"{round(ev.confidence * 100)}% confidence",
            f"{n} source{'s' if n != 1 else ''}, {len(docs)} document{'s' if len(docs) != 1 else ''}",
        ]
        text = " · ".join(parts)
        if "date-conflict" in ev.flags:
            colour = theme.warning_color(self.palette()).name()
            text += (
                f"<br><span style='color:{colour}'>&#9888; Its sources disagree on the date</span>"
            )
        self.header_label.setText(text)
        muted = theme.muted_color(self.palette()).name()
        n_docs = independent_documents(ev)
        grade = suggested_credibility(ev)
        reports = f"{n_docs} independent document{'s' if n_docs != 1 else ''}"
        self._suggested = grade
        self.corroboration_label.setText(
            f"<span style='color:{muted}'>Reported by {reports}: suggests {grade} "
            f"({CREDIBILITY_LABELS[grade].lower()}).</span> <a href='use'>Use it</a>"
        )
        self.corroboration_label.setVisible(True)

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
    def _reading_chosen(self, key: str) -> None:
        """Adopt a source's reading. With nothing else edited it is applied at once (one undoable
        step); otherwise it joins the pending edits, so nothing typed is applied unasked or lost."""
        if key not in self._reading_choices:
            return
        pending = self.changes()
        self._adopt(*self._reading_choices[key])
        if not pending:
            self.apply()

    @Slot(str)
    def _use_suggestion(self, _link: str = "") -> None:
        if self._suggested is not None:
            self.credibility_combo.setCurrentIndex(self.credibility_combo.findData(self._suggested))

    def _adopt(self, value: str, end: str | None) -> None:
        self.value_edit.setText(value)
        self.end_edit.setText(end or "")

    def _show_precision(self, g: Granularity) -> None:
        i = self.precision_combo.findData(str(g))
        if i < 0 and g is not Granularity.UNKNOWN:
            self.precision_combo.addItem(str(g).title(), str(g))
            i = self.precision_combo.count() - 1
        self.precision_combo.blockSignals(True)
        self.precision_combo.setCurrentIndex(max(i, 0))
        self.precision_combo.blockSignals(False)

    def _date(self) -> tuple[str, str | None]:
        """(value, end) as typed, normalised; an end equal to the value is no end."""
        ev = self._event
        raw = self.value_edit.text().strip()
        value, _ = check_value(raw)
        if not value and ev is not None and raw == ev.value:
            value = ev.value  # an unresolved machine value the analyst left alone
        end_raw = self.end_edit.text().strip()
        end = check_value(end_raw)[0] if end_raw else None
        if end == value:
            end = None
        return value or raw, end

    def _problems(self) -> dict[str, str]:
        ev = self._event
        if ev is None:
            return {}
        out: dict[str, str] = {}
        if not self.title_edit.text().strip():
            out["title"] = "A title is required."
        raw = self.value_edit.text().strip()
        value, why = check_value(raw)
        if why and raw != ev.value:
            out["date"] = why
        end_raw = self.end_edit.text().strip()
        if end_raw:
            end, why_end = check_value(end_raw)
            if why_end:
                out["date"] = f"End date: {why_end}"
            elif value and (why_range := check_range(value, end)):
                out["date"] = why_range
        return out

    # ---- reactions ----

    @Slot(str)
    def _value_typed(self, text: str) -> None:
        value, _ = check_value(text)
        if value:
            a, _, g = timevalue.interval(value)
            if g in (Granularity.DAY, Granularity.HOUR, Granularity.MINUTE) or (
                self._day is None or a is None or not self._within(self._day, value)
            ):
                self._day = a
            self._show_precision(g)
        self._refresh()

    @Slot(str)
    def _end_typed(self, text: str) -> None:
        if not self._adjusting:
            end, _ = check_value(text)
            if end:
                self._end_day = timevalue.interval(end)[1]
            elif not text.strip():
                self._end_day = None
        self._refresh()

    @staticmethod
    def _within(day: dt.date, value: str) -> bool:
        a, b, _ = timevalue.interval(value)
        return a is not None and b is not None and a <= day <= b

    @Slot(int)
    def _precision_chosen(self, index: int) -> None:
        g = Granularity(self.precision_combo.itemData(index))
        self._adjusting = True
        try:
            self._set_precision(g)
        finally:
            self._adjusting = False
        self._refresh()

    def _set_precision(self, g: Granularity) -> None:
        value, _ = check_value(self.value_edit.text())
        if value and self._day is not None:
            self.value_edit.setText(timevalue.value_at(self._day, g))
        elif value:
            a, _, _ = timevalue.interval(value)
            if a is not None:
                self._day = a
                self.value_edit.setText(timevalue.value_at(a, g))
        if self._end_day is not None:
            end = timevalue.value_at(self._end_day, g)
            # At a precision where start and end fall together the range is one period.
            self.end_edit.setText("" if end == self.value_edit.text() else end)

    @Slot()
    def _refresh(self) -> None:
        if self._loading:
            return
        problems = self._problems()
        palette = self.palette()
        error = theme.error_color(palette).name()
        for key, label in (("title", self.title_error), ("date", self.date_error)):
            why = problems.get(key, "")
            label.setText(f"<span style='color:{error}'>&#9888; {why}</span>" if why else "")
            label.setVisible(bool(why))
        self.value_edit.setToolTip(problems.get("date") or self.value_edit.toolTip())
        value, end = self._date()
        if self._event is not None and "date" not in problems and timevalue.is_resolved(value):
            muted = theme.muted_color(palette).name()
            self.date_label.setText(
                f"<span style='color:{muted}'>reads as {timevalue.label(value, end)}</span>"
            )
            self.date_label.setVisible(True)
        else:
            self.date_label.setVisible(False)
        dirty = bool(self.changes())
        self.apply_button.setEnabled(self._event is not None and dirty and not problems)
        self.apply_action.setEnabled(self.apply_button.isEnabled())
        self.revert_button.setEnabled(self._event is not None and dirty)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and not self._loading:
            self._show_header(self._event)
            self._refresh()
