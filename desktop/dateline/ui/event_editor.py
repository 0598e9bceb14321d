"""The event editor: every field of one event, validated as you type, applied as one request.

The editor never writes: Apply (Ctrl+Enter, or Enter in a one-line field) emits
``edit_requested(event_id, changes)`` holding only the fields that differ from the event it was given,
and the main window turns that into an undoable command. Escape puts the fields back. Either way
``editing_finished`` hands the keyboard back to the list, so the next J or D is a review key again,
never typing.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import pairwise

from PySide6.QtCore import QEvent, QStringListModel, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
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

from ..core.corroboration import (
    CREDIBILITY_LABELS,
    RELIABILITY_LABELS,
)
from ..core.model import EventRecord, Status
from . import theme
from .date_fields import PRECISIONS, DateFields, caption
from .editor_fields import (
    TagCompleter,
    editor_action,
    grade_combo,
    parse_tags,
    summary_html,
    text_box,
)

__all__ = ["PRECISIONS", "EventEditor", "TagCompleter", "parse_tags"]

_STATUS_LABELS = {s: theme.STATUS_LABELS[str(s)] for s in Status}


class EventEditor(QWidget):
    """Edits one EventRecord. A plain view: emits ``edit_requested``, never writes."""

    edit_requested = Signal(int, dict)  # event id, {field: new value} of changed fields only
    editing_finished = (
        Signal()
    )  # Enter applied or Escape reverted: the keyboard goes back to the list

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._event: EventRecord | None = None
        self._loading = False
        self._readonly = False

        self.header_label = QLabel(self)
        self.header_label.setWordWrap(True)
        self.header_label.setAccessibleName("Event summary")

        self.title_edit = QLineEdit(self)
        self.title_edit.setPlaceholderText("What happened, in a few words")
        self.title_error = caption(self, "Title problem")

        self.description_edit = text_box(self, "Details, context")

        self.dates = DateFields(self)
        # The date row's fields, by the names the rest of the editor (and its tests) use.
        self.value_edit = self.dates.value_edit
        self.precision_combo = self.dates.precision_combo
        self.end_edit = self.dates.end_edit
        self.date_label = self.dates.date_label
        self.date_error = self.dates.date_error
        self.readings_row = self.dates.readings_row
        self.dates.reading_chosen.connect(self._reading_chosen)

        self._make_fields()
        self._make_buttons()

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

    def _make_fields(self) -> None:
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

        self.notes_edit = text_box(
            self, "Analyst notes (private: exported only when you share notes)"
        )
        self.location_edit = QLineEdit(self)
        self.location_edit.setPlaceholderText("e.g. Brussels")
        self.actors_edit = QLineEdit(self)
        self.actors_edit.setPlaceholderText("e.g. NATO, Mark Rutte")

        self.reliability_combo = grade_combo(
            self, RELIABILITY_LABELS, "Source reliability (Admiralty scale A-F)"
        )
        self.credibility_combo = grade_combo(
            self, CREDIBILITY_LABELS, "Information credibility (Admiralty scale 1-6)"
        )
        self.corroboration_label = caption(self, "Corroboration")
        self.corroboration_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self.corroboration_label.setToolTip(
            "Dateline only suggests a credibility grade from how many articles report the event"
        )
        self.corroboration_label.linkActivated.connect(self._use_suggestion)
        self._suggested: int | None = None

    def _make_buttons(self) -> None:
        self.revert_button = QPushButton("Revert", self)
        self.revert_button.setToolTip("Put the fields back as they were (Esc returns to the list)")
        self.apply_button = QPushButton("Apply", self)
        self.apply_button.setDefault(True)
        self.apply_button.setToolTip(
            "Apply the changes (Ctrl+Enter, or Enter in a one-line field); undo with Ctrl+Z"
        )
        self.revert_button.clicked.connect(self.revert)
        self.apply_button.clicked.connect(self.apply)

        self.apply_action = editor_action(self, "Apply Event Changes", "Ctrl+Return", "Ctrl+Enter")
        self.apply_action.triggered.connect(self.apply)
        self.revert_action = editor_action(self, "Revert Event Changes", "Esc")
        self.revert_action.triggered.connect(self.escape)

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
        form.addRow(labelled("D&ate", self.value_edit), self.dates)
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
        self.dates.edited.connect(self._refresh)
        for line in (
            self.title_edit,
            self.value_edit,
            self.end_edit,
            self.tags_edit,
            self.location_edit,
            self.actors_edit,
        ):
            line.returnPressed.connect(self._enter)

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
        self.set_read_only(self._readonly)
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
        value, end = self.dates.date()
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

    @Slot()
    def escape(self) -> None:
        """Escape: the fields as they were, and back to the list."""
        self.revert()
        self.editing_finished.emit()

    @Slot()
    def _enter(self) -> None:
        """Enter in a one-line field applies what was typed and goes back to the list; a field that
        cannot be stored keeps the keyboard, its problem shown under it."""
        if self._event is None or self._problems():
            return
        self.apply()
        self.editing_finished.emit()

    def set_read_only(self, readonly: bool) -> None:
        """A read-only project: every field can be read and copied, nothing can be applied."""
        self._readonly = readonly
        for widget in self._names:
            if isinstance(widget, QLineEdit | QPlainTextEdit):
                widget.setReadOnly(readonly)
            else:
                widget.setEnabled(not readonly and self._event is not None)
        self.dates.set_read_only(readonly)
        self.apply_button.setVisible(not readonly)
        self.revert_button.setVisible(not readonly)

    # ---- filling and reading the fields ----

    def _fill(self, ev: EventRecord | None) -> None:
        self.title_edit.setText(ev.title if ev else "")
        self.title_edit.setCursorPosition(0)  # long titles show their beginning
        self.title_edit.setToolTip(ev.title if ev else "")
        self.description_edit.setPlainText(ev.description if ev else "")
        self.dates.set_event(ev)
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

    def _show_header(self, ev: EventRecord | None) -> None:
        header, corroboration, self._suggested = summary_html(ev, self.palette())
        self.header_label.setText(header)
        self.corroboration_label.setText(corroboration)
        self.corroboration_label.setVisible(bool(corroboration))

    @Slot(str, object)
    def _reading_chosen(self, value: str, end: str | None) -> None:
        """Adopt a source's reading. With nothing else edited it is applied at once (one undoable
        step); otherwise it joins the pending edits, so nothing typed is applied unasked or lost."""
        if self._readonly:
            return
        pending = self.changes()
        self.dates.adopt(value, end)
        if not pending:
            self.apply()

    @Slot(str)
    def _use_suggestion(self, _link: str = "") -> None:
        if self._suggested is not None:
            self.credibility_combo.setCurrentIndex(self.credibility_combo.findData(self._suggested))

    def _problems(self) -> dict[str, str]:
        ev = self._event
        if ev is None:
            return {}
        out: dict[str, str] = {}
        title = self.title_edit.text().strip()
        # Only a title being changed can be refused: an event stored without a usable title must
        # still take a new date (its title is fixed when the analyst gets to it).
        if not title and title != (ev.title or "").strip():
            out["title"] = "A title is required."
        if why := self.dates.problem():
            out["date"] = why
        return out

    @Slot()
    def _refresh(self) -> None:
        if self._loading:
            return
        problems = self._problems()
        error = theme.error_color(self.palette()).name()
        why = problems.get("title", "")
        if not why and self._event is not None and not self.title_edit.text().strip():
            why = "This event has no title yet: say who did what."
        self.title_error.setText(f"<span style='color:{error}'>&#9888; {why}</span>" if why else "")
        self.title_error.setVisible(bool(why))
        self.dates.show_state(problems.get("date", ""))
        dirty = bool(self.changes())
        ok = self._event is not None and dirty and not problems and not self._readonly
        self.apply_button.setEnabled(ok)
        self.apply_action.setEnabled(ok)
        self.revert_button.setEnabled(self._event is not None and dirty)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and not self._loading:
            self._show_header(self._event)
            self._refresh()
