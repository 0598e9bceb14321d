"""The review keys of the main window: move, accept, reject, edit, tag, note, merge, create.

Each key builds a core command and pushes it on the EditSession; nothing here writes to the database
itself. After accept/reject the selection moves to the next event still waiting for a decision.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from ..core import commands as cmds
from ..core.model import Status
from .event_editor import parse_tags

if TYPE_CHECKING:
    from .main_window import MainWindow

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

    def open_for(self, count: int, completions: Iterable[str]) -> None:
        from PySide6.QtWidgets import QCompleter

        self.label.setText(f"Tag {count} event{'s' if count != 1 else ''}:")
        completer = QCompleter(sorted(completions, key=str.casefold), self.edit)
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


class ReviewMixin:
    """Review behaviour of MainWindow (kept apart so each module holds one idea)."""

    def _init_review(self: MainWindow) -> None:
        self._decided: set[int] = set()  # ids whose accept/reject is still on its way to the store

    def _connect_review_actions(self: MainWindow) -> None:
        a = self.actions_
        a.next.triggered.connect(self.next_event)
        a.previous.triggered.connect(self.previous_event)
        a.accept.triggered.connect(self.accept_selected)
        a.reject.triggered.connect(self.reject_selected)
        a.edit.triggered.connect(self.edit_selected)
        a.open_source.triggered.connect(self.open_source)
        a.tag.triggered.connect(self.tag_selected)
        a.note.triggered.connect(self.note_selected)
        a.edit_date.triggered.connect(self.edit_date_selected)
        a.merge.triggered.connect(self.merge_with_next_similar)
        a.split.triggered.connect(self.split_selected)
        a.delete.triggered.connect(self.delete_selected)
        a.undo.triggered.connect(self.session.stack.undo)
        a.redo.triggered.connect(self.session.stack.redo)
        a.find.triggered.connect(self.filter_bar.focus_search)
        a.select_all.triggered.connect(self.table.selectAll)
        a.view_table.triggered.connect(self.show_table)
        a.view_timeline.triggered.connect(self.show_timeline)
        self.session.stack.canUndoChanged.connect(a.undo.setEnabled)
        self.session.stack.canRedoChanged.connect(a.redo.setEnabled)
        self.session.stack.undoTextChanged.connect(self._undo_text)
        self.session.stack.redoTextChanged.connect(self._redo_text)
        a.undo.setEnabled(False)
        a.redo.setEnabled(False)
        for act in (a.order_date, a.order_document, a.order_doubt):
            act.triggered.connect(functools.partial(self.set_order, str(act.data())))
        self.tag_bar.tags_entered.connect(self._tags_entered)
        self.tag_bar.closed.connect(self.focus_table)

    # ---- moving ----
    @Slot()
    def focus_table(self: MainWindow) -> None:
        if self.views.currentWidget() is self.timeline:
            self.timeline.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    @Slot()
    def next_event(self: MainWindow) -> None:
        self._step(+1)

    @Slot()
    def previous_event(self: MainWindow) -> None:
        self._step(-1)

    def _step(self: MainWindow, delta: int) -> None:
        idx = self.table.currentIndex()
        row = idx.row() if idx.isValid() else -1
        target = min(max(0, row + delta), self.model.rowCount() - 1)
        if target >= 0:
            self.select_row(target)
        self.focus_table()

    def _next_undecided_row(self: MainWindow, after_row: int, skip: set[int]) -> int:
        """The next row still proposed, wrapping around; -1 when none. Looks at most SCAN_LIMIT rows
        so a key press never reads a whole 100,000-row table on the GUI thread."""
        n = self.model.rowCount()
        rows = list(range(after_row + 1, n)) + list(range(0, after_row + 1))
        for row in rows[:SCAN_LIMIT]:
            eid = self.model.event_id(row)
            if eid is None or eid in skip or eid in self._decided:
                continue
            ev = self.model.event(row)
            if ev is not None and str(ev.status) in UNDECIDED:
                return row
        return -1 if n <= SCAN_LIMIT else min(after_row + 1, n - 1)

    @Slot()
    def show_table(self: MainWindow) -> None:
        self.views.setCurrentIndex(0)
        self.table.setFocus()

    @Slot()
    def show_timeline(self: MainWindow) -> None:
        self.views.setCurrentWidget(self.timeline)
        self.timeline.setFocus()

    # ---- deciding ----
    @Slot()
    def accept_selected(self: MainWindow) -> None:
        self._decide(Status.ACCEPTED.value)

    @Slot()
    def reject_selected(self: MainWindow) -> None:
        self._decide(Status.REJECTED.value)

    def _decide(self: MainWindow, status: str) -> None:
        ids = self.selected_event_ids()
        if not ids:
            return
        rows = [self.model.row_of(i) for i in ids]
        self._decided.update(ids)
        self.session.push(cmds.SetStatus(tuple(ids), status))
        nxt = self._next_undecided_row(max(rows), set(ids))
        if nxt >= 0:
            self.select_row(nxt)
        else:
            self.statusBar().showMessage("Every event shown has been reviewed.", 5000)
        self.focus_table()

    # ---- editing ----
    @Slot()
    def edit_selected(self: MainWindow) -> None:
        if self.current_event_id() is not None:
            self.editor.focus_field("title")

    @Slot()
    def note_selected(self: MainWindow) -> None:
        if self.current_event_id() is not None:
            self.editor.focus_field("notes")

    @Slot()
    def edit_date_selected(self: MainWindow) -> None:
        if self.current_event_id() is not None:
            self.editor.focus_field("date")

    @Slot()
    def tag_selected(self: MainWindow) -> None:
        ids = self.selected_event_ids()
        if not ids:
            return
        if len(ids) == 1:
            self.editor.focus_field("tags")
        else:
            self.tag_bar.open_for(len(ids), self.tags)

    @Slot(tuple)
    def _tags_entered(self: MainWindow, tags: tuple[str, ...]) -> None:
        ids = self.selected_event_ids()
        if ids and tags:
            self.session.push(cmds.AddTags(tuple(ids), tuple(tags)))

    @Slot(int, dict)
    def apply_editor_changes(self: MainWindow, event_id: int, changes: dict[str, Any]) -> None:
        """One editor Apply = one undo step, however many fields changed."""
        changes = dict(changes)
        cores: list[Any] = []
        date = changes.pop("date", None)
        status = changes.pop("status", None)
        if changes:
            cores.append(cmds.EditEvent(event_id, changes))
        if date is not None:
            value, end = date
            cores.append(cmds.SetDate(event_id, value, end))
        if status is not None:
            cores.append(cmds.SetStatus((event_id,), str(status)))
        if cores:
            self.session.push_many(cores, "Edit event" if len(cores) > 1 else "")
        self.focus_table()

    @Slot()
    def open_source(self: MainWindow) -> None:
        eid = self.current_event_id()
        if eid is None:
            return
        ev = self.model.event(self.model.row_of(eid))
        if ev is None or not ev.sources:
            return
        src = ev.sources[0]
        self.show_source(
            src.document_id,
            src.sentence_start,
            src.sentence_end,
            -1 if src.timex_start is None else src.timex_start,
            -1 if src.timex_end is None else src.timex_end,
        )

    @Slot()
    def split_selected(self: MainWindow) -> None:
        eid = self.current_event_id()
        if eid is not None:
            self.session.push(cmds.SplitEvent(eid, None))

    @Slot()
    def delete_selected(self: MainWindow) -> None:
        ids = self.selected_event_ids()
        if ids:
            self.session.push(cmds.DeleteEvent(tuple(ids)))

    @Slot(int, int, int)
    def create_event_from_span(self: MainWindow, document_id: int, start: int, end: int) -> None:
        self.session.push(cmds.CreateEvent(document_id, start, end))

    @Slot(int)
    def edit_published(self: MainWindow, document_id: int) -> None:
        from .documents_panel import ask_published_date

        doc = self.documents.get(document_id)
        if doc is None:
            return
        answer = ask_published_date(self, doc)
        if answer is Ellipsis:
            return
        self.session.push(cmds.SetPublished(document_id, answer))

    # ---- feedback ----
    @Slot(str)
    def _undo_text(self: MainWindow, text: str) -> None:
        self.actions_.undo.setText(f"&Undo {text}" if text else "&Undo")

    @Slot(str)
    def _redo_text(self: MainWindow, text: str) -> None:
        self.actions_.redo.setText(f"&Redo {text}" if text else "&Redo")
