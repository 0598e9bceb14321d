"""The provenance panel's models: an event's sources as rich text (quote in context, the date marked,
how it was resolved, a reading that contradicts the event) and its audit trail, one row per field."""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping, Sequence

from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QWidget,
)

from ..core import timevalue
from ..core.explain import ANCHOR_LABELS, anchor_of, explain
from ..core.highlight import clamp, relative, split_marked
from ..core.history import FieldChange, field_changes, when_label
from ..core.model import AuditEntry, DocumentRecord, EventRecord, SourceRecord, TimexRecord
from ..core.typed_dates import reading_agrees, reading_label
from . import theme

HTML_ROLE = Qt.ItemDataRole.UserRole + 1
SOURCE_ROLE = Qt.ItemDataRole.UserRole + 2
_CONTEXT_CHARS = 90  # characters of the surrounding text shown around a quote

AnyIndex = QModelIndex | QPersistentModelIndex


def _context(doc: DocumentRecord | None, src: SourceRecord) -> tuple[str, str]:
    """Text just before and after the sentence, cut at word boundaries."""
    if doc is None:
        return "", ""
    text = doc.text
    before = text[max(0, src.sentence_start - _CONTEXT_CHARS) : src.sentence_start]
    after = text[src.sentence_end : src.sentence_end + _CONTEXT_CHARS]
    if src.sentence_start - _CONTEXT_CHARS > 0 and " " in before:
        before = "…" + before.split(" ", 1)[1]
    if src.sentence_end + _CONTEXT_CHARS < len(text) and " " in after:
        after = after.rsplit(" ", 1)[0] + "…"
    return " ".join(before.split()), " ".join(after.split())


def _quote_html(
    src: SourceRecord, doc: DocumentRecord | None, ev: EventRecord, palette: QPalette
) -> str:
    """The quote with its date marked in the event's status colour, between muted context."""
    muted = theme.muted_color(palette).name()
    mark = None
    if src.timex_start is not None and src.timex_end is not None:
        cut = clamp((src.timex_start, src.timex_end), (src.sentence_start, src.sentence_end))
        mark = relative(cut, src.sentence_start) if cut else None
    head, marked, tail = split_marked(src.quote, mark)
    fill = theme.status_fill(str(ev.status), palette).name()
    before, after = _context(doc, src)
    quote = (
        f"<span style='color:{muted}'>{html.escape(before)}</span> " if before else ""
    ) + html.escape(head)
    if marked:
        quote += f"<b style='background:{fill}'>{html.escape(marked)}</b>"
    quote += html.escape(tail)
    if after:
        quote += f" <span style='color:{muted}'>{html.escape(after)}</span>"
    return quote


def source_html(
    src: SourceRecord,
    doc: DocumentRecord | None,
    ev: EventRecord,
    palette: QPalette,
    timex: TimexRecord | None = None,
) -> str:
    """One source as rich text: article, quote in context with the date marked, and the reading."""
    muted = theme.muted_color(palette).name()
    title = doc.title if doc else src.document_title or f"Document {src.document_id}"
    published = (
        timevalue.label(doc.published.isoformat())
        if doc and doc.published
        else "no publication date"
    )
    origin = "added by the analyst" if src.origin == "analyst" else "found by the extractor"
    quote = _quote_html(src, doc, ev, palette)
    lines = []
    if src.basis and src.value:
        # dated without a date expression: the article's news, or a sentence continuing a dated one
        lines.append(
            f"no date expression &rarr; <b>{html.escape(reading_label(src.value))}</b>"
            f" <span style='color:{muted}'>({html.escape(src.value)})</span>"
        )
        how = "date inferred from the story"
    elif src.timex_text:
        reading = reading_label(src.value) if src.value else "unresolved"
        lines.append(
            f"&ldquo;{html.escape(src.timex_text)}&rdquo; &rarr; <b>{html.escape(reading)}</b>"
            f" <span style='color:{muted}'>({html.escape(src.value or '?')})</span>"
        )
        # Spans of days, not strings: a ranged reading "2007-08/2007-09" agrees with an event
        # dated Aug - Sep 2007.
        if src.value and ev.value and not reading_agrees(src.value, ev.value, ev.end):
            warn = theme.warning_color(palette).name()
            lines.append(
                f"<span style='color:{warn}'>&#9888; This source reads {html.escape(reading)};"
                f" the event says {html.escape(timevalue.label(ev.value, ev.end))}</span>"
            )
        anchor = anchor_of(src.timex_text, timex.anchor if timex else "")
        how = ANCHOR_LABELS.get(anchor, anchor)
        if doc and doc.published and how == ANCHOR_LABELS["published"]:
            how = f"relative to the publication date, {published}"
    else:
        how = "no date in this sentence"
    facts = [how, f"rule {src.rule}" if src.rule else "", src.extractor_version, origin]
    lines.append(
        f"<span style='color:{muted}'>{html.escape(' · '.join(f for f in facts if f))}</span>"
    )
    if src.timex_text or src.basis:
        lines.append(
            f"<i>Explain this date:</i> {html.escape(source_explanation(src, doc, timex))}"
        )
    if src.timex_text and not src.basis:
        alternatives = [a for a in (timex.alternatives if timex else ()) if a != src.value]
        if alternatives:
            considered = ", ".join(timevalue.label(a) for a in alternatives[:4])
            lines.append(
                f"<span style='color:{muted}'>Also considered: {html.escape(considered)}</span>"
            )
    if src.joined:
        # what made the automatic merge: shared speaker, actor, kind of happening, dates
        lines.append(f"<i>Joined to this event:</i> {html.escape(src.joined)}")
    return (
        f"<p style='margin:0'><b>{html.escape(title)}</b>"
        f" <span style='color:{muted}'>· {html.escape(published)}</span></p>"
        f"<p style='margin-top:4px; margin-bottom:4px'>{quote}</p>"
        f"<p style='margin:0'>{'<br>'.join(lines)}</p>"
    )


def source_explanation(
    src: SourceRecord, doc: DocumentRecord | None, timex: TimexRecord | None = None
) -> str:
    """'Explain this date' for a source: how its date was resolved, in one line."""
    if src.basis:
        return src.basis[:1].upper() + src.basis[1:]  # "Headline event, dated by ..."
    if not src.timex_text:
        return "This sentence has no date of its own."
    if timex is not None and src.value and timex.value and src.value != timex.value:
        # re-dated by the analyst: the engine's reading is no longer this source's date
        return (
            f"'{src.timex_text}' re-dated by the analyst -> {reading_label(src.value)}"
            f" (the extractor read {timevalue.label(timex.value)})"
        )
    if timex is not None:
        return explain(timex, doc.published if doc else None)

    class _Reading:
        text = src.timex_text
        value = src.value

    return explain(_Reading(), doc.published if doc else None)


class SourceListModel(QAbstractListModel):
    """The sources of one event; HTML_ROLE gives the rich rendering, SOURCE_ROLE the record."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._event: EventRecord | None = None
        self._sources: list[SourceRecord] = []
        self._docs: Mapping[int, DocumentRecord] = {}
        self._html: list[str] = []
        self._timexes: dict[tuple[int, int, int], TimexRecord] = {}
        self._palette = QPalette()

    def set_event(
        self,
        ev: EventRecord | None,
        documents: Mapping[int, DocumentRecord],
        palette: QPalette,
        timexes: Iterable[TimexRecord] = (),
    ) -> None:
        self.beginResetModel()
        self._event = ev
        self._docs = documents
        self._palette = palette
        self._timexes = {(t.document_id, t.start, t.end): t for t in timexes}
        self._sources = list(ev.sources) if ev else []
        self._html = [
            source_html(s, documents.get(s.document_id), ev, palette, self._timex(s))
            for s in self._sources
            if ev is not None
        ]
        self.endResetModel()

    def _timex(self, src: SourceRecord) -> TimexRecord | None:
        if src.timex_start is None or src.timex_end is None:
            return None
        return self._timexes.get((src.document_id, src.timex_start, src.timex_end))

    def source(self, row: int) -> SourceRecord:
        return self._sources[row]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._sources)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._sources):
            return None
        src = self._sources[index.row()]
        doc = self._docs.get(src.document_id)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            title = doc.title if doc else src.document_title
            date = f" ('{src.timex_text}' = {src.value})" if src.timex_text else ""
            return f"{title}: {src.quote}{date}"
        if role == HTML_ROLE:
            return self._html[index.row()]
        if role == SOURCE_ROLE:
            return src
        if role == Qt.ItemDataRole.ToolTipRole:
            line = html.escape(source_explanation(src, doc, self._timex(src)))
            return f"<p>{line}</p><p><i>Click or press Enter to open the article here.</i></p>"
        return None


class HistoryModel(QAbstractTableModel):
    """The audit trail as one row per changed field: when, who, action, field, before -> after."""

    HEADERS = ("When", "Who", "Action", "Field", "Change")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[FieldChange] = []

    def set_history(self, history: Sequence[AuditEntry]) -> None:
        self.beginResetModel()
        self._rows = field_changes(history)
        self.endResetModel()

    def change(self, row: int) -> FieldChange:
        return self._rows[row]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.HEADERS)
        ):
            return self.HEADERS[section]
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r = self._rows[index.row()]
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if col == 0:
                return when_label(r.at)
            if col == 1:
                return r.who
            if col == 2:
                return r.action
            if col == 3:
                return r.field or "—"
            if col == 4:
                return f"{r.before} → {r.after}" if r.field else ""
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == 0:
                return r.at
            if col == 4 and r.field:
                return f"{r.field}\nbefore: {r.before}\nafter: {r.after}"
        return None
