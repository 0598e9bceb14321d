"""The review keys of the main window: move, accept, reject, edit, tag, note, split, delete, create.

Each key builds a core command and pushes it on the EditSession; nothing here writes to the database
itself. After accept/reject the selection moves to the next event still waiting for a decision.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QCompleter, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from ..core import commands as cmds
from ..core.model import Status
from .actions import Actions
from .event_editor import EventEditor, parse_tags
from .event_list import EventList
from .undo import EditSession

UNDECIDED = {Status.PROPOSED.value}
SCAN_LIMIT = 2000  # rows examined for "next unreviewed" (ten row-cache blocks at most)


class TagBar(QWidget):
    """An inline "Tag 3 events: [.....]" field under the table: Enter applies, Escape closes."""

    tags_entered = Signal(tuple)  # the tags typed
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel("Tag:", self)
        self.edit = QLineEdit(self)
        self.edit.setObjectName("tag_bar_edit")
        self.edit.setPlaceholderText("tags, comma separated — Enter to add, Escape to cancel")
        self.ok = QPushButton("Add", self)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.label)
        lay.addWidget(self.edit, 1)
        lay.addWidget(self.ok)
        self.edit.returnPressed.connect(self._submit)
        self.ok.clicked.connect(self._submit)
        self._completions: list[str] = []

    def set_completions(self, tags: Iterable[str]) -> None:
        self._completions = sorted(set(tags), key=str.casefold)

    def open_for(self, count: int) -> None:
        self.label.setText(f"Tag {count} event{'s' if count != 1 else ''}:")
        completer = QCompleter(self._completions, self.edit)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.edit.setCompleter(completer)
        self.edit.clear()
        self.show()
        self.edit.setFocus(Qt.FocusReason.ShortcutFocusReason)

    @Slot()
    def _submit(self) -> None:
        tags = parse_tags(self.edit.text())
        self.hide()
        if tags:
            self.tags_entered.emit(tags)
        self.closed.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.hide()
            self.closed.emit()
            return
        super().keyPressEvent(event)


class ReviewController(QObject):
    """The review keys over the selected events of an :class:`EventList`."""

    message_posted = Signal(str, int)  # status-bar text, milliseconds

    def __init__(
        self,
        session: EditSession,
        events: EventList,
        editor: EventEditor,
        tag_bar: TagBar,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.events = events
        self.editor = editor
        self.tag_bar = tag_bar
        self._decided: set[int] = set()  # ids whose accept/reject is still on its way to the store
        editor.edit_requested.connect(self.apply_editor_changes)
        editor.editing_finished.connect(events.focus_list)
        tag_bar.tags_entered.connect(self._tags_entered)
        tag_bar.closed.connect(events.focus_list)

    def connect_actions(self, a: Actions) -> None:
        a.next.triggered.connect(self.next_event)
        a.previous.triggered.connect(self.previous_event)
        a.accept.triggered.connect(self.accept_selected)
        a.reject.triggered.connect(self.reject_selected)
        a.edit.triggered.connect(self.edit_selected)
        a.tag.triggered.connect(self.tag_selected)
        a.note.triggered.connect(self.note_selected)
        a.edit_date.triggered.connect(self.edit_date_selected)
        a.split.triggered.connect(self.split_selected)
        a.delete.triggered.connect(self.delete_selected)

    def written(self, event_ids: Iterable[int]) -> None:
        """These events' decisions have reached the store."""
        self._decided.difference_update(event_ids)

    def write_failed(self) -> None:
        self._decided.clear()

    # ---- moving ----
    @Slot()
    def next_event(self) -> None:
        self.events.step(+1)

    @Slot()
    def previous_event(self) -> None:
        self.events.step(-1)

    def _next_undecided_row(self, after_row: int, skip: set[int]) -> int:
        """The next row still proposed, wrapping around; -1 when none. Looks at most SCAN_LIMIT rows
        so a key press never reads a whole 100,000-row table on the GUI thread."""
        model = self.events.model
        n = model.rowCount()
        rows = list(range(after_row + 1, n)) + list(range(0, after_row + 1))
        for row in rows[:SCAN_LIMIT]:
            eid = model.event_id(row)
            if eid is None or eid in skip or eid in self._decided:
                continue
            ev = model.record(row)
            if ev is not None and str(ev.status) in UNDECIDED:
                return row
        return -1 if n <= SCAN_LIMIT else min(after_row + 1, n - 1)

    # ---- deciding ----
    @Slot()
    def accept_selected(self) -> None:
        self._decide(Status.ACCEPTED.value)

    @Slot()
    def reject_selected(self) -> None:
        self._decide(Status.REJECTED.value)

    def _decide(self, status: str) -> None:
        ids = self.events.selected_event_ids()
        if not ids:
            return
        rows = [self.events.model.row_of(i) for i in ids]
        if self.session.push(cmds.SetStatus(tuple(ids), status)) is None:
            return
        self._decided.update(ids)
        nxt = self._next_undecided_row(max(rows), set(ids))
        if nxt >= 0:
            self.events.select_row(nxt)
        else:
            self.message_posted.emit("Every event shown has been reviewed.", 5000)
        self.events.focus_list()

    # ---- editing ----
    def _focus_editor(self, field: str) -> None:
        if self.events.current_event_id() is not None:
            self.editor.focus_field(field)

    @Slot()
    def edit_selected(self) -> None:
        self._focus_editor("title")

    @Slot()
    def note_selected(self) -> None:
        self._focus_editor("notes")

    @Slot()
    def edit_date_selected(self) -> None:
        self._focus_editor("date")

    @Slot()
    def tag_selected(self) -> None:
        ids = self.events.selected_event_ids()
        if len(ids) == 1:
            self.editor.focus_field("tags")
        elif ids:
            self.tag_bar.open_for(len(ids))

    @Slot(tuple)
    def _tags_entered(self, tags: tuple[str, ...]) -> None:
        ids = self.events.selected_event_ids()
        if ids and tags:
            self.session.push(cmds.AddTags(tuple(ids), tuple(tags)))

    @Slot(int, dict)
    def apply_editor_changes(self, event_id: int, changes: dict[str, object]) -> None:
        """One editor Apply = one undo step, however many fields changed."""
        changes = dict(changes)
        cores: list[cmds.Command] = []
        date = changes.pop("date", None)
        status = changes.pop("status", None)
        if changes:
            cores.append(cmds.EditEvent(event_id, changes))
        if isinstance(date, tuple):
            value, end = date
            cores.append(cmds.SetDate(event_id, str(value), end))
        if status is not None:
            cores.append(cmds.SetStatus((event_id,), str(status)))
        if cores:
            self.session.push_many(cores, "Edit event" if len(cores) > 1 else "")
        self.events.focus_list()

    @Slot()
    def split_selected(self) -> None:
        eid = self.events.current_event_id()
        if eid is not None:
            self.session.push(cmds.SplitEvent(eid, None))

    @Slot()
    def delete_selected(self) -> None:
        ids = self.events.selected_event_ids()
        if ids:
            self.session.push(cmds.DeleteEvent(tuple(ids)))

    @Slot(int, int, int)
    def create_event_from_span(self, document_id: int, start: int, end: int) -> None:
        """C in the article: a proposed event, like every other one, until the analyst decides."""
        self.session.push(cmds.CreateEvent(document_id, start, end, status=Status.PROPOSED.value))
