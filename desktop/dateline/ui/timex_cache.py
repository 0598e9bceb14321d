"""The stored timexes of documents, read on a reader task and kept until a write re-anchors them:
the "Explain this date" lines of the provenance panel need them for every source shown."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QObject, Signal

from ..core.model import EventRecord, TimexRecord
from .tasks import TaskContext, TaskRunner


class TimexCache(QObject):
    """Timexes per document; what is missing is fetched and announced by ``arrived``."""

    arrived = Signal(object)  # the set of document ids whose timexes came in

    def __init__(self, runner: TaskRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self._cache: dict[int, tuple[TimexRecord, ...]] = {}
        self._loading: set[int] = set()
        self._stopped = False

    def stop(self) -> None:
        self._stopped = True

    def timexes_for(self, ev: EventRecord) -> tuple[TimexRecord, ...]:
        """The cached timexes of the event's documents; missing ones are fetched (``arrived``)."""
        docs = {s.document_id for s in ev.sources}
        self._fetch(docs)
        out: list[TimexRecord] = []
        for d in docs:
            out.extend(self._cache.get(d, ()))
        return tuple(out)

    def _fetch(self, documents: Iterable[int]) -> None:
        missing = [d for d in documents if d not in self._cache and d not in self._loading]
        if not missing:
            return
        self._loading.update(missing)

        def read(ctx: TaskContext) -> dict[int, tuple[TimexRecord, ...]]:
            return {d: tuple(ctx.store.timexes(d)) for d in missing}

        self.runner.run(read, name="timexes", on_done=self._arrived)

    def _arrived(self, found: dict[int, tuple[TimexRecord, ...]]) -> None:
        self._loading.difference_update(found)
        if self._stopped:
            return
        self._cache.update(found)
        self.arrived.emit(set(found))

    def forget(self) -> None:
        """Publication dates changed: the stored readings were re-anchored."""
        self._cache.clear()
