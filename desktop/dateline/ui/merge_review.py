"""Cross-source review in the main window: merge suggestions (M, Shift+M, "Not the same"), the count of
suggestions, re-dating one source, and the stored timexes that explain each source's date.

Every read runs on a reader task; every edit is a core command pushed on the EditSession.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer, Slot

from ..core import commands as cmds
from ..core.model import EventRecord, TimexRecord
from .redate_dialog import RedateSourceDialog

if TYPE_CHECKING:
    from .main_window import MainWindow

log = logging.getLogger(__name__)

SHOWN_SUGGESTIONS = 5
COUNT_DELAY_MS = 800  # a burst of review keys costs one count
AUTO_COUNT_LIMIT = 50_000  # events (about 2 s of counting); above it the count waits for Shift+M
NEXT_SCAN = 2000  # suggestions read to find the next event having one


def _suggestions(store: Any, event_id: int | None, limit: int) -> list[tuple[int, int, float]]:
    return list(store.merge_suggestions(event_id, limit=limit))


def _others(event_id: int, pairs: list[tuple[int, int, float]]) -> list[int]:
    out: list[int] = []
    for a, b, _score in pairs:
        other = b if a == event_id else a if b == event_id else None
        if other is not None and other not in out:
            out.append(other)
    return out


class MergeReviewMixin:
    """Merge suggestions, source re-dating and timex look-ups of MainWindow."""

    def _init_merge_review(self: MainWindow) -> None:
        self._suggest_gen = 0
        self._count_gen = 0
        self._timex_cache: dict[int, tuple[TimexRecord, ...]] = {}
        self._timex_loading: set[int] = set()
        self.suggestion_total = 0
        self._counting = False
        self._count_again = False
        self._count_timer = QTimer(self)
        self._count_timer.setObjectName("suggestion_count_timer")
        self._count_timer.setSingleShot(True)
        self._count_timer.setInterval(COUNT_DELAY_MS)
        self._count_timer.timeout.connect(self.refresh_suggestion_count)
        self._pending_merge: int | None = None

    def _connect_merge_review(self: MainWindow) -> None:
        a = self.actions_
        a.next_merge.triggered.connect(self.next_merge_suggestion)
        self.merge_bar.merge_requested.connect(self.merge_pair)
        self.merge_bar.dismiss_requested.connect(self.dismiss_pair)
        self.provenance.source_redate_requested.connect(self.redate_source)
        self.article.timex_clicked.connect(self.show_event_of_timex)

    # ---- suggestions of the shown event, and the total ----
    def refresh_suggestions(self: MainWindow) -> None:
        """Re-read the shown event's suggestions (a reader task; an index range scan)."""
        self._suggest_gen += 1
        gen, eid = self._suggest_gen, self._shown_event
        if eid is None:
            self.merge_bar.set_suggestions(None, [])
        else:

            def read(ctx: Any) -> list[EventRecord]:
                ids = _others(eid, _suggestions(ctx.store, eid, SHOWN_SUGGESTIONS))
                by_id = {e.id: e for e in ctx.store.events(ids)}
                return [by_id[i] for i in ids if i in by_id]

            self.runner.run(
                read,
                name="merge suggestions",
                on_done=lambda evs: self._suggestions_arrived(gen, eid, evs),
            )

    def schedule_suggestion_count(self: MainWindow) -> None:
        """Re-count after writes settle. The count compares every event (seconds of CPU, holding
        the GIL, on 100,000 events): it waits for a quiet moment, and on a large store it is left
        to Shift+M, which reads the suggestions anyway."""
        if self.stored_events() <= AUTO_COUNT_LIMIT:
            self._count_timer.start()

    def stored_events(self: MainWindow) -> int:
        return sum(sum(c.values()) for c in self.counts.values())

    @Slot()
    def refresh_suggestion_count(self: MainWindow) -> None:
        """Count the store's suggestions on a reader. At most one count runs at a time; writes made
        meanwhile ask for one more when it ends."""
        if self._counting:
            self._count_again = True
            return
        self._counting, self._count_again = True, False
        self._count_gen += 1
        cgen = self._count_gen

        def count(ctx: Any) -> int:
            return int(ctx.store.suggestion_count())

        self.runner.run(
            count,
            name="suggestion count",
            on_done=lambda n: self._count_arrived(cgen, n),
            on_error=self._count_failed,
            on_cancel=self._count_cancelled,
        )

    def _suggestions_arrived(
        self: MainWindow, gen: int, event_id: int, others: list[EventRecord]
    ) -> None:
        if gen != self._suggest_gen or self._closing or event_id != self._shown_event:
            return
        self.merge_bar.set_suggestions(event_id, others)
        if self._pending_merge == event_id:
            self._pending_merge = None
            self._merge_top()

    def _count_arrived(self: MainWindow, gen: int, n: int) -> None:
        self._counting = False
        if gen != self._count_gen or self._closing:
            return
        self.suggestion_total = n
        self._update_counts()
        if self._count_again:
            self.refresh_suggestion_count()

    def _count_cancelled(self: MainWindow) -> None:
        self._counting = False

    def _count_failed(self: MainWindow, exc: BaseException) -> None:
        self._counting = False  # the count is a hint: the status bar just keeps the last one
        log.warning("counting merge suggestions failed: %s", exc)

    def suggestion_text(self: MainWindow) -> str:
        n = self.suggestion_total
        return f" · {n:,} merge suggestion{'s' if n != 1 else ''}" if n else ""

    # ---- merging ----
    @Slot()
    def merge_with_next_similar(self: MainWindow) -> None:
        """M: several rows selected merge together; one row merges with its top suggestion (the one
        the bar shows, so a dismissed pair is never merged)."""
        eid = self.current_event_id()
        if eid is None:
            return
        ids = self.selected_event_ids()
        if len(ids) > 1:
            self.session.push(cmds.MergeEvents(tuple(ids)))
            return
        if self.merge_bar.event_id() == eid and eid == self._shown_event:
            self._merge_top()
        else:  # the suggestions are still on their way: merge when they arrive
            self._pending_merge = eid
            self.refresh_suggestions()

    def _merge_top(self: MainWindow) -> None:
        eid, others = self.merge_bar.event_id(), self.merge_bar.suggestions()
        if eid is None or not others:
            self.statusBar().showMessage("No merge suggestion for this event.", 5000)
            return
        self.merge_pair(eid, others[0])

    @Slot(int, int)
    def merge_pair(self: MainWindow, event_id: int, other: int) -> None:
        self.session.push(cmds.MergeEvents((event_id, other)))
        self.focus_table()

    @Slot(int, int)
    def dismiss_pair(self: MainWindow, event_id: int, other: int) -> None:
        self.session.push(cmds.DismissMerge(event_id, other))
        self.focus_table()

    @Slot()
    def next_merge_suggestion(self: MainWindow) -> None:
        """Shift+M: select the next event in table order that has a suggestion (wrapping)."""

        def read(ctx: Any) -> list[int]:
            ids: list[int] = []
            for a, b, _ in _suggestions(ctx.store, None, NEXT_SCAN):
                ids.extend((a, b))
            return ids

        self.runner.run(read, name="next merge suggestion", on_done=self._next_merge_arrived)

    def _next_merge_arrived(self: MainWindow, ids: list[int]) -> None:
        if self._closing:
            return
        self.refresh_suggestion_count()  # cached by the store now: cheap
        rows = sorted({r for r in map(self.model.row_of, ids) if r >= 0})
        if not rows:
            self.statusBar().showMessage("No merge suggestions among the events shown.", 5000)
            return
        cur = self.table.currentIndex().row()
        after = [r for r in rows if r > cur]
        self.select_row(after[0] if after else rows[0])
        self.focus_table()

    # ---- re-dating one source ----
    @Slot(int)
    def redate_source(self: MainWindow, source_id: int) -> RedateSourceDialog | None:
        """Ask for the source's reading (non-blocking) and push SetSourceValue on OK."""
        ev = self.provenance.shown_event()
        src = next((s for s in ev.sources if s.id == source_id), None) if ev else None
        if src is None:
            return None
        dialog = RedateSourceDialog(src, self)
        dialog.accepted.connect(lambda: self._redate_chosen(dialog))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        dialog.activateWindow()
        dialog.value_edit.setFocus()
        return dialog

    def _redate_chosen(self: MainWindow, dialog: RedateSourceDialog) -> None:
        chosen = dialog.chosen()
        if chosen is None:
            return
        value, end = chosen
        self.session.push(cmds.SetSourceValue(dialog.source.id, value, end))

    # ---- the article's dates lead to their events ----
    @Slot(object)
    def show_event_of_timex(self: MainWindow, timex: TimexRecord) -> None:
        """A date clicked in the article selects the event it is a source of (a reader task)."""

        def read(ctx: Any) -> int | None:
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

    def _event_of_timex_arrived(self: MainWindow, event_id: int | None) -> None:
        if self._closing:
            return
        if event_id is None:
            self.statusBar().showMessage("No event comes from this date.", 4000)
        elif self.model.row_of(event_id) < 0:
            self.statusBar().showMessage(f"Event {event_id} is hidden by the filter.", 4000)
        elif event_id != self.current_event_id():
            self.select_event(event_id)

    # ---- stored timexes (the "Explain this date" lines) ----
    def timexes_for(self: MainWindow, ev: EventRecord) -> tuple[TimexRecord, ...]:
        """The cached timexes of the event's documents; missing ones are fetched on a reader task
        and the provenance is shown again when they arrive."""
        docs = {s.document_id for s in ev.sources}
        missing = [d for d in docs if d not in self._timex_cache and d not in self._timex_loading]
        if missing:
            self._timex_loading.update(missing)

            def read(ctx: Any) -> dict[int, tuple[TimexRecord, ...]]:
                return {d: tuple(ctx.store.timexes(d)) for d in missing}

            self.runner.run(read, name="timexes", on_done=self._timexes_arrived)
        out: list[TimexRecord] = []
        for d in docs:
            out.extend(self._timex_cache.get(d, ()))
        return tuple(out)

    def _timexes_arrived(self: MainWindow, found: dict[int, tuple[TimexRecord, ...]]) -> None:
        self._timex_loading.difference_update(found)
        if self._closing:
            return
        self._timex_cache.update(found)
        shown = self.provenance.shown_event()
        if shown is not None and {s.document_id for s in shown.sources} & set(found):
            self._refresh_provenance()

    def forget_timexes(self: MainWindow) -> None:
        self._timex_cache.clear()
