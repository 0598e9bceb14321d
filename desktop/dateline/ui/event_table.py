"""The event table: a Qt model over a list of event ids, with a small row cache filled lazily.

The model never sorts or filters: the store does that in SQL (``Store.event_ids``) and the window swaps
the id list in with :meth:`EventTableModel.set_ids`. Rows are read in blocks through ``fetch(ids)``
(``Store.events`` on the GUI thread's connection: a block of a few hundred rows is a millisecond query),
so a table of 100,000 events costs 100,000 ints plus the rows on screen.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    Qt,
    Signal,
)
from PySide6.QtGui import QIcon, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from ..core import timevalue
from ..core.corroboration import grade
from ..core.model import EventRecord
from ..core.typed_dates import reading_label
from . import theme

Index = QModelIndex | QPersistentModelIndex

COLUMNS = ("Date", "Title", "Status", "Confidence", "Sources", "Tags", "Grade")
DATE, TITLE, STATUS, CONFIDENCE, SOURCES, TAGS, GRADE = range(len(COLUMNS))
# The store's sort keys, per column (None: the column cannot be sorted in SQL).
COLUMN_ORDERS: dict[int, str | None] = {
    DATE: "date",
    TITLE: "title",
    STATUS: "status",
    CONFIDENCE: "confidence",
    SOURCES: "sources",
    TAGS: None,
    GRADE: None,
}

EVENT_ID_ROLE = Qt.ItemDataRole.UserRole + 1
EVENT_ROLE = Qt.ItemDataRole.UserRole + 2
STATUS_ROLE = Qt.ItemDataRole.UserRole + 3
# Roles whose value depends on the event row (what dataChanged announces after an edit).
ROW_ROLES = [
    Qt.ItemDataRole.DisplayRole,
    Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.ForegroundRole,
    Qt.ItemDataRole.DecorationRole,
    EVENT_ROLE,
    STATUS_ROLE,
]
CONFLICT_FLAG = "date-conflict"


def date_label(ev: EventRecord) -> str:
    return timevalue.label(ev.value, ev.end)


class EventTableModel(QAbstractTableModel):
    """Rows are event ids; cells come from a cache of EventRecords fetched in blocks."""

    sort_requested = Signal(str)  # the store order key, "-" prefixed for descending

    BLOCK = 200
    CACHE_MAX = 4000

    def __init__(
        self,
        fetch: Callable[[Sequence[int]], Sequence[EventRecord]] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._fetch = fetch
        self._ids: list[int] = []
        self._row_of: dict[int, int] | None = None
        self._cache: OrderedDict[int, EventRecord] = OrderedDict()
        self._missing: set[int] = set()  # ids the store no longer has
        self.sort_column = DATE
        self.sort_order = Qt.SortOrder.AscendingOrder

    # ---- the id list ----
    def set_fetch(self, fetch: Callable[[Sequence[int]], Sequence[EventRecord]] | None) -> None:
        self.beginResetModel()
        self._fetch = fetch
        self._cache.clear()
        self._missing.clear()
        self.endResetModel()

    def set_ids(self, ids: Sequence[int]) -> None:
        """Swap in a new list (a new filter or order). Cached rows stay valid: they are keyed by id."""
        self.beginResetModel()
        self._ids = list(ids)
        self._row_of = None
        self._missing.clear()
        self.endResetModel()

    def ids(self) -> list[int]:
        return list(self._ids)

    def event_id(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, event_id: int) -> int:
        """Row of an event id, -1 when not in the list."""
        if self._row_of is None:
            self._row_of = {eid: row for row, eid in enumerate(self._ids)}
        return self._row_of.get(event_id, -1)

    def record(self, row: int) -> EventRecord | None:
        eid = self.event_id(row)
        if eid is None:
            return None
        ev = self._cache.get(eid)
        if ev is None and eid not in self._missing:
            self._load_block(row)
            ev = self._cache.get(eid)
        return ev

    def cached(self, event_id: int) -> EventRecord | None:
        return self._cache.get(event_id)

    # ---- refresh ----
    def refresh(self, event_ids: Iterable[int]) -> None:
        """Forget the cached rows of these events and tell the views those rows changed."""
        rows = []
        for eid in event_ids:
            self._cache.pop(eid, None)
            self._missing.discard(eid)
            row = self.row_of(eid)
            if row >= 0:
                rows.append(row)
        last = len(COLUMNS) - 1
        for first, end in _runs(sorted(rows)):
            self.dataChanged.emit(self.index(first, 0), self.index(end, last), ROW_ROLES)

    def invalidate(self) -> None:
        """Forget every cached row (after an undo of an import, a database switch...)."""
        self._cache.clear()
        self._missing.clear()
        if self._ids:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._ids) - 1, len(COLUMNS) - 1), ROW_ROLES
            )

    def _load_block(self, row: int) -> None:
        if self._fetch is None:
            return
        start = max(0, row - self.BLOCK // 4)
        wanted = [
            eid
            for eid in self._ids[start : start + self.BLOCK]
            if eid not in self._cache and eid not in self._missing
        ]
        if self._ids[row] not in wanted:
            wanted.insert(0, self._ids[row])
        got = {ev.id: ev for ev in self._fetch(wanted)}
        for eid in wanted:
            ev = got.get(eid)
            if ev is None:
                self._missing.add(eid)
            else:
                self._cache[eid] = ev
                self._cache.move_to_end(eid)
        while len(self._cache) > self.CACHE_MAX:
            self._cache.popitem(last=False)

    # ---- Qt model ----
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            if role == Qt.ItemDataRole.DisplayRole:
                return COLUMNS[section]
            if role == Qt.ItemDataRole.ToolTipRole and section == GRADE:
                return "Source reliability (A-F) and information credibility (1-6)"
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Ask the owner to re-query in SQL; the new ids arrive through :meth:`set_ids`."""
        key = COLUMN_ORDERS.get(column)
        if key is None:
            return
        self.sort_column, self.sort_order = column, order
        self.sort_requested.emit(key if order == Qt.SortOrder.AscendingOrder else f"-{key}")

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not (0 <= index.row() < len(self._ids)):
            return None
        row, col = index.row(), index.column()
        if role == EVENT_ID_ROLE:
            return self._ids[row]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if col in (CONFIDENCE, SOURCES, GRADE):
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        if role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.ForegroundRole,
            Qt.ItemDataRole.DecorationRole,
            EVENT_ROLE,
            STATUS_ROLE,
        ):
            return None
        ev = self.record(row)
        if ev is None:
            return "…" if role == Qt.ItemDataRole.DisplayRole and col == TITLE else None
        if role == EVENT_ROLE:
            return ev
        if role == STATUS_ROLE:
            return str(ev.status)
        if role == Qt.ItemDataRole.DecorationRole:
            # the sources of a flagged event disagree on its date: a warning mark by the date
            return _warning_icon() if col == DATE and CONFLICT_FLAG in ev.flags else None
        if role == Qt.ItemDataRole.ForegroundRole:
            if col == DATE and CONFLICT_FLAG in ev.flags:
                return theme.warning_color(_palette(self))
            if col == STATUS:
                return theme.status_color(str(ev.status), _palette(self))
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            return _tooltip(ev, col)
        return _display(ev, col)


def _display(ev: EventRecord, col: int) -> str:
    if col == DATE:
        return date_label(ev)
    if col == TITLE:
        return ev.title
    if col == STATUS:
        return theme.STATUS_LABELS.get(str(ev.status), str(ev.status))
    if col == CONFIDENCE:
        return f"{ev.confidence:.0%}"
    if col == SOURCES:
        return str(len(ev.sources))
    if col == TAGS:
        return ", ".join(ev.tags)
    if col == GRADE:
        return grade(ev)
    return ""


def _tooltip(ev: EventRecord, col: int) -> str:
    if col == DATE:
        extra = f" to {ev.end}" if ev.end else ""
        tip = f"{ev.value}{extra} ({ev.granularity})"
        if CONFLICT_FLAG in ev.flags:
            reads = sorted({reading_label(s.value) for s in ev.sources if s.value})
            tip += "\n\u26a0 Its sources disagree on the date: " + "; ".join(reads)
        return tip
    if col == TITLE:
        lines = [ev.title]
        if ev.description:
            lines.append(ev.description)
        if ev.notes:
            lines.append(f"Note: {ev.notes}")
        if ev.flags:
            lines.append("Flags: " + ", ".join(ev.flags))
        return "\n".join(lines)
    if col == SOURCES:
        docs = {s.document_title or str(s.document_id) for s in ev.sources}
        return f"{len(ev.sources)} source(s) in {len(docs)} document(s)"
    return _display(ev, col)


_ICON: list[QIcon] = []


def _warning_icon() -> QIcon:
    if not _ICON:
        from PySide6.QtWidgets import QApplication

        app = QApplication.instance()
        style = app.style() if isinstance(app, QApplication) else None
        _ICON.append(
            style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning) if style else QIcon()
        )
    return _ICON[0]


def _palette(model: EventTableModel) -> QPalette:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    return app.palette() if isinstance(app, QApplication) else QPalette()


def _runs(rows: Sequence[int]) -> Iterable[tuple[int, int]]:
    """Contiguous runs of sorted row numbers as (first, last)."""
    start: int | None = None
    prev = 0
    for r in rows:
        if start is None:
            start = prev = r
        elif r == prev + 1:
            prev = r
        elif r != prev:
            yield start, prev
            start = prev = r
    if start is not None:
        yield start, prev


class StatusDelegate(QStyledItemDelegate):
    """Draws the status as a small coloured mark before its name, so the column reads at a glance."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        status = index.data(STATUS_ROLE)
        if not status:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        style = opt.widget.style() if opt.widget is not None else None
        text = opt.text
        opt.text = ""
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        fm = opt.fontMetrics
        d = max(6, fm.height() // 2)
        r = opt.rect
        pad = fm.horizontalAdvance(" ")
        mark = QRect(r.left() + pad, r.center().y() - d // 2, d, d)
        color = theme.status_color(str(status), opt.palette)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(color)
        painter.drawEllipse(mark)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        painter.setPen(opt.palette.color(QPalette.ColorRole.HighlightedText) if selected else color)
        text_rect = r.adjusted(pad * 2 + d, 0, 0, 0)
        painter.drawText(
            text_rect,
            int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
            fm.elidedText(text, Qt.TextElideMode.ElideRight, text_rect.width()),
        )
        painter.restore()
