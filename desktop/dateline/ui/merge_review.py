"""Cross-source review in the main window: merge suggestions (M, Shift+M, "Not the same"), the count of
suggestions, re-dating one source, and the event a date in the article comes from.

Every read runs on a reader task; every edit is a core command pushed on the EditSession.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer, Signal, Slot
from PySide6.QtWidgets import QWidget

from ..core import commands as cmds
from ..core import services
from ..core.model import EventRecord, TimexRecord
from ..core.store import Store
from .actions import Actions
from .event_list import EventList
from .merge_bar import MergeSuggestionBar
from .provenance_panel import ProvenancePanel
from .redate_dialog import RedateSourceDialog
from .tasks import TaskContext, TaskRunner
from .undo import EditSession

log = logging.getLogger(__name__)

SHOWN_SUGGESTIONS = 5
COUNT_DELAY_MS = 800  # a burst of review keys costs one count
AUTO_COUNT_LIMIT = 50_000  # events (about 2 s of counting); above it the count waits for Shift+M
NEXT_SCAN = 2000  # suggestions read to find the next event having one


def _suggestions(store: Store, event_id: int | None, limit: int) -> list[tuple[int, int, float]]:
    if event_id is None:
        return services.merge_suggestions(store)[: max(limit, 0)]
    return services.suggestions_for(store, event_id, limit)


def _others(event_id: int, pairs: list[tuple[int, int, float]]) -> list[int]:
    out: list[int] = []
    for a, b, _score in pairs:
        other = b if a == event_id else a if b == event_id else None
        if other is not None and other not in out:
            out.append(other)
    return out


class MergeReviewController(QObject):
    """Merge suggestions of the shown event and of the store, merging, dismissing, re-dating."""

    count_changed = Signal(int)  # merge suggestions in the whole store
    message_posted = Signal(str, int)  # status-bar text, milliseconds

    def __init__(
        self,
        runner: TaskRunner,
        session: EditSession,
        events: EventList,
        merge_bar: MergeSuggestionBar,
        provenance: ProvenancePanel,
        dialog_parent: QWidget,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.runner = runner
        self.session = session
        self.events = events
        self.merge_bar = merge_bar
        self.provenance = provenance
        self.dialog_parent = dialog_parent
        self.suggestion_total = 0
        self._shown: int | None = None
        self._suggest_gen = 0
        self._count_gen = 0
        self._counting = False
        self._count_again = False
        self._stopped = False
        self._pending_merge: int | None = None
        self._count_timer = QTimer(self)
        self._count_timer.setObjectName("suggestion_count_timer")
        self._count_timer.setSingleShot(True)
        self._count_timer.setInterval(COUNT_DELAY_MS)
        self._count_timer.timeout.connect(self.refresh_count)
        merge_bar.merge_requested.connect(self.merge_pair)
        merge_bar.dismiss_requested.connect(self.dismiss_pair)
        provenance.source_redate_requested.connect(self.redate_source)

    def connect_actions(self, a: Actions) -> None:
        a.merge.triggered.connect(self.merge_with_next_similar)
        a.next_merge.triggered.connect(self.next_merge_suggestion)

    def stop(self) -> None:
        """The window is closing: no timer left running, no late result applied."""
        self._stopped = True
        self._count_timer.stop()

    # ---- suggestions of the shown event, and the total ----
    def show_event(self, event_id: int | None) -> None:
        """The panels show ``event_id``: read its suggestions (a reader task; an index range scan)."""
        self._shown = event_id
        self._suggest_gen += 1
        gen = self._suggest_gen
        if event_id is None:
            self.merge_bar.set_suggestions(None, [])
            return

        def read(ctx: TaskContext) -> tuple[list[EventRecord], list[str]]:
            ids = _others(event_id, _suggestions(ctx.store, event_id, SHOWN_SUGGESTIONS))
            by_id = {e.id: e for e in ctx.store.events(ids)}
            others = [by_id[i] for i in ids if i in by_id]
            reasons = [
                services.suggestion_reason(ctx.store, event_id, e.id)
                for e in others[: MergeSuggestionBar.shown()]
            ]
            return others, reasons

        self.runner.run(
            read,
            name="merge suggestions",
            on_done=lambda got: self._suggestions_arrived(gen, event_id, *got),
        )

    def refresh(self) -> None:
        """Read the shown event's suggestions again (after a write)."""
        self.show_event(self._shown)

    def schedule_count(self, stored_events: int) -> None:
        """Re-count after writes settle. The count compares every event (seconds of CPU, holding
        the GIL, on 100,000 events): it waits for a quiet moment, and on a large store it is left
        to Shift+M, which reads the suggestions anyway."""
        if stored_events <= AUTO_COUNT_LIMIT and not self._stopped:
            self._count_timer.start()

    @Slot()
    def refresh_count(self) -> None:
        """Count the store's suggestions on a reader. At most one count runs at a time; writes made
        meanwhile ask for one more when it ends."""
        if self._counting:
            self._count_again = True
            return
        self._counting, self._count_again = True, False
        self._count_gen += 1
        cgen = self._count_gen

        def count(ctx: TaskContext) -> int:
            return int(services.suggestion_count(ctx.store))

        self.runner.run(
            count,
            name="suggestion count",
            on_done=lambda n: self._count_arrived(cgen, n),
            on_error=self._count_failed,
            on_cancel=self._count_cancelled,
        )

    def _suggestions_arrived(
        self, gen: int, event_id: int, others: list[EventRecord], reasons: list[str]
    ) -> None:
        if gen != self._suggest_gen or self._stopped or event_id != self._shown:
            return
        self.merge_bar.set_suggestions(event_id, others, reasons)
        if self._pending_merge == event_id:
            self._pending_merge = None
            self._merge_top()

    def _count_arrived(self, gen: int, n: int) -> None:
        self._counting = False
        if gen != self._count_gen or self._stopped:
            return
        self.suggestion_total = n
        self.count_changed.emit(n)
        if self._count_again:
            self.refresh_count()

    def _count_cancelled(self) -> None:
        self._counting = False

    def _count_failed(self, exc: BaseException) -> None:
        self._counting = False  # the count is a hint: the status bar just keeps the last one
        log.warning("counting merge suggestions failed: %s", exc)

    def suggestion_text(self) -> str:
        n = self.suggestion_total
        return f" · {n:,} merge suggestion{'s' if n != 1 else ''}" if n else ""

    # ---- merging ----
    @Slot()
    def merge_with_next_similar(self) -> None:
        """M: several rows selected merge together; one row merges with its top suggestion (the one
        the bar shows, so a dismissed pair is never merged)."""
        eid = self.events.current_event_id()
        if eid is None:
            return
        ids = self.events.selected_event_ids()
        if len(ids) > 1:
            self.session.push(cmds.MergeEvents(tuple(ids)))
            return
        if self.merge_bar.event_id() == eid and eid == self._shown:
            self._merge_top()
        else:  # the suggestions are still on their way: merge when they arrive
            self._pending_merge = eid
            self.refresh()

    def _merge_top(self) -> None:
        eid, others = self.merge_bar.event_id(), self.merge_bar.suggestions()
        if eid is None or not others:
            self.message_posted.emit("No merge suggestion for this event.", 5000)
            return
        self.merge_pair(eid, others[0])

    @Slot(int, int)
    def merge_pair(self, event_id: int, other: int) -> None:
        self.session.push(cmds.MergeEvents((event_id, other)))
        self.events.focus_list()

    @Slot(int, int)
    def dismiss_pair(self, event_id: int, other: int) -> None:
        self.session.push(cmds.DismissMerge(event_id, other))
        self.events.focus_list()

    @Slot()
    def next_merge_suggestion(self) -> None:
        """Shift+M: select the next event in table order that has a suggestion (wrapping)."""

        def read(ctx: TaskContext) -> list[int]:
            ids: list[int] = []
            for a, b, _ in _suggestions(ctx.store, None, NEXT_SCAN):
                ids.extend((a, b))
            return ids

        self.runner.run(read, name="next merge suggestion", on_done=self._next_merge_arrived)

    def _next_merge_arrived(self, ids: list[int]) -> None:
        if self._stopped:
            return
        self.refresh_count()  # cached by the store now: cheap
        model = self.events.model
        rows = sorted({r for r in map(model.row_of, ids) if r >= 0})
        if not rows:
            self.message_posted.emit("No merge suggestions among the events shown.", 5000)
            return
        cur = self.events.current_row()
        after = [r for r in rows if r > cur]
        self.events.select_row(after[0] if after else rows[0])
        self.events.focus_list()

    # ---- re-dating one source ----
    @Slot(int)
    def redate_source(self, source_id: int) -> RedateSourceDialog | None:
        """Ask for the source's reading (non-blocking) and push SetSourceValue on OK."""
        if self.session.readonly:
            self.message_posted.emit("This project is open read-only.", 5000)
            return None
        ev = self.provenance.shown_event()
        src = next((s for s in ev.sources if s.id == source_id), None) if ev else None
        if src is None:
            return None
        dialog = RedateSourceDialog(src, self.dialog_parent)
        dialog.accepted.connect(lambda: self._redate_chosen(dialog))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        dialog.activateWindow()
        dialog.value_edit.setFocus()
        return dialog

    def _redate_chosen(self, dialog: RedateSourceDialog) -> None:
        chosen = dialog.chosen()
        if chosen is None:
            return
        value, end = chosen
        self.session.push(cmds.SetSourceValue(dialog.source.id, value, end))

    # ---- the article's dates lead to their events ----
    @Slot(object)
    def show_event_of_timex(self, timex: TimexRecord) -> None:
        """A date clicked in the article selects the event it is a source of (a reader task)."""

        def read(ctx: TaskContext) -> int | None:
            statuses = ("proposed", "accepted", "edited", "rejected")
            for ev in ctx.store.events_overlapping(
                timex.earliest, timex.latest, value=timex.value, statuses=statuses
            ):
                for s in ev.sources:
                    if (s.document_id, s.timex_start, s.timex_end) == (
                        timex.document_id,
                        timex.start,
                        timex.end,
                    ):
                        return int(ev.id)
            return None

        self.runner.run(read, name="event of a date", on_done=self._event_of_timex_arrived)

    def _event_of_timex_arrived(self, event_id: int | None) -> None:
        if self._stopped:
            return
        if event_id is None:
            self.message_posted.emit("No event comes from this date.", 4000)
        elif self.events.model.row_of(event_id) < 0:
            self.message_posted.emit(f"Event {event_id} is hidden by the filter.", 4000)
        elif event_id != self.events.current_event_id():
            self.events.select_event(event_id)
