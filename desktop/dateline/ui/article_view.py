"""The article reader: every date highlighted by the status of its event, the selected event's
sentence shaded, a tooltip explaining each date, and "create event from selection" on C."""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence

from PySide6.QtCore import QEvent, QPoint, Qt, Signal, Slot
from PySide6.QtGui import (
    QAction,
    QHelpEvent,
    QKeySequence,
    QMouseEvent,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextFormat,
)
from PySide6.QtWidgets import (
    QLabel,
    QMenu,
    QTextEdit,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from ..core import timevalue
from ..core.explain import ANCHOR_LABELS, explain
from ..core.highlight import Span, Utf16Map, snap_to_words, span_at, trim
from ..core.model import DocumentRecord, TimexRecord, published_reason
from ..core.search_words import word_spans
from . import theme


def timex_tooltip(timex: TimexRecord, status: str, doc: DocumentRecord | None) -> str:
    """Rich text for hovering a date: what it means, how it was resolved, and its event's status."""
    value = timex.value or "unresolved"
    meaning = timevalue.label(timex.value) if timex.value else "unresolved"
    anchor = ANCHOR_LABELS.get(timex.anchor, timex.anchor or "unknown")
    line = explain(timex, doc.published if doc else None)
    rows = [
        f"<b>{html.escape(timex.text)}</b> &rarr; {html.escape(meaning)}",
        f"Value: <code>{html.escape(value)}</code>",
        f"Anchor: {html.escape(anchor)}",
        f"Rule: {html.escape(timex.rule or 'unknown')}",
        f"Event: {html.escape(theme.STATUS_LABELS.get(status, status))}",
        f"<i>{html.escape(line)}</i>",
    ]
    return "<p style='white-space:pre-wrap'>" + "<br>".join(rows) + "</p>"


class _ArticleText(QTextEdit):
    """Read-only text that shows a tooltip for the date under the mouse."""

    def __init__(self, owner: ArticleView) -> None:
        super().__init__(owner)
        self._owner = owner

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            text = self._owner.tooltip_at(event.pos())
            if text:
                QToolTip.showText(event.globalPos(), text, self.viewport())
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        # a plain click on a date (not the end of a drag selecting text) asks for its event
        if event.button() == Qt.MouseButton.LeftButton and not self.textCursor().hasSelection():
            t = self._owner.timex_under(event.position().toPoint())
            if t is not None:
                self._owner.timex_clicked.emit(t)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        # The text gets its new palette after its parent does: recolour from here.
        if event.type() == QEvent.Type.PaletteChange:
            self._owner._apply_highlights()


class ArticleView(QWidget):
    """Shows one document. A plain view: it never edits; creating an event is a request."""

    create_event_requested = Signal(int, int, int)  # document id, start, end (text offsets)
    timex_clicked = Signal(object)  # the TimexRecord clicked: show its event

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._doc: DocumentRecord | None = None
        self._timexes: dict[Span, TimexRecord] = {}
        self._spans: list[Span] = []
        self._status: dict[Span, str] = {}
        self._sentence: Span | None = None
        self._marked: Span | None = None
        self._search: tuple[str, ...] = ()
        self._readonly = False
        self._u16 = Utf16Map("")

        self.title_label = QLabel(self)
        self.title_label.setWordWrap(True)
        self.title_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.title_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.title_label.setFont(font)
        self.title_label.setAccessibleName("Article title")

        self.meta_label = QLabel(self)
        self.meta_label.setWordWrap(True)
        self.meta_label.setAccessibleName("Article publication details")

        self.legend_label = QLabel(self)
        self.legend_label.setWordWrap(True)
        self.legend_label.setAccessibleName("Dates in this article by status")
        self.legend_label.setToolTip("Dates in this article, coloured by the status of their event")

        self.editor = _ArticleText(self)
        self.editor.setReadOnly(True)
        self.editor.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.editor.setAccessibleName("Article text")
        self.editor.setAccessibleDescription(
            "Dates are highlighted by the status of their event. "
            "Select text and press C to create an event from it; ] and [ move between dates."
        )
        self.editor.setPlaceholderText("Select a document or an event to read its article.")
        self.editor.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.editor.customContextMenuRequested.connect(self._show_context_menu)
        self.editor.selectionChanged.connect(self._update_actions)
        self.editor.cursorPositionChanged.connect(self._update_actions)

        self._make_actions()

        layout = QVBoxLayout(self)
        fm = self.fontMetrics()
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(fm.height() // 4)
        header = QVBoxLayout()
        pad = fm.averageCharWidth()
        header.setContentsMargins(pad, pad // 2, pad, 0)
        header.setSpacing(fm.height() // 6)
        header.addWidget(self.title_label)
        header.addWidget(self.meta_label)
        header.addWidget(self.legend_label)
        layout.addLayout(header)
        layout.addWidget(self.editor, 1)
        self.setFocusProxy(self.editor)
        self._show_header()
        self._update_actions()

    def _make_actions(self) -> None:
        self.create_action = QAction("&Create Event from Selection", self)
        self.create_action.setShortcut(QKeySequence(Qt.Key.Key_C))
        self.create_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.create_action.setToolTip(
            "Create a proposed event from the selected words (C), dated by a date inside them or"
            " in their sentence"
        )
        self.create_action.setStatusTip(self.create_action.toolTip())
        self.create_action.triggered.connect(self._request_create)
        self.addAction(self.create_action)

        self.next_date_action = QAction("Next Date in Article", self)
        self.next_date_action.setShortcut(QKeySequence(Qt.Key.Key_BracketRight))
        self.next_date_action.setToolTip("Select the next date in the article (])")
        self.next_date_action.triggered.connect(self.select_next_date)
        self.previous_date_action = QAction("Previous Date in Article", self)
        self.previous_date_action.setShortcut(QKeySequence(Qt.Key.Key_BracketLeft))
        self.previous_date_action.setToolTip("Select the previous date in the article ([)")
        self.previous_date_action.triggered.connect(self.select_previous_date)
        for action in (self.next_date_action, self.previous_date_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)

    # ---- public API ----

    def show_document(
        self,
        doc: DocumentRecord,
        timexes: Sequence[TimexRecord],
        status_by_span: Mapping[tuple[int, int], str],
    ) -> None:
        """Display ``doc`` with its dates highlighted; keeps the scroll position on a refresh of
        the same document."""
        same = self._doc is not None and self._doc.id == doc.id and self._doc.text == doc.text
        scroll = self.editor.verticalScrollBar().value()
        if not same:
            self._sentence = self._marked = None
        self._doc = doc
        self._timexes = {(t.start, t.end): t for t in timexes if t.document_id == doc.id}
        self._spans = sorted(self._timexes)
        self._status = {(k[0], k[1]): str(v) for k, v in status_by_span.items()}
        if not same:
            self._u16 = Utf16Map(doc.text)
            self._load_text(doc.text)
        self._show_header()
        self._apply_highlights()
        if same:
            self.editor.verticalScrollBar().setValue(scroll)

    def set_search_words(self, words: Sequence[str]) -> None:
        """Mark the words of the current search wherever they appear in the article."""
        words = tuple(words)
        if words != self._search:
            self._search = words
            self._apply_highlights()

    def search_spans(self) -> list[Span]:
        """Where the search words are marked (document offsets)."""
        return word_spans(self._doc.text, self._search) if self._doc and self._search else []

    def set_read_only(self, readonly: bool) -> None:
        """A read-only project: no event can be created from the text."""
        self._readonly = readonly
        self._update_actions()

    def clear(self) -> None:
        self._doc = None
        self._timexes, self._spans, self._status = {}, [], {}
        self._sentence = self._marked = None
        self.editor.clear()
        self._show_header()
        self._apply_highlights()

    def show_span(self, sentence: tuple[int, int] | None, timex: tuple[int, int] | None) -> None:
        """Shade ``sentence``, mark ``timex`` and scroll them into view (either may be None)."""
        # copies as tuples: the spans may come as lists (from a signal or a stored JSON row)
        self._sentence = (sentence[0], sentence[1]) if sentence else None
        self._marked = (timex[0], timex[1]) if timex else None
        self._apply_highlights()
        target = self._marked or self._sentence
        if target is None or self._doc is None:
            return
        cursor = self.editor.textCursor()
        cursor.setPosition(self._u16.to_utf16(min(target[0], len(self._doc.text))))
        # A fresh cursor without a selection: C must not act on a selection the user left elsewhere.
        self.editor.setTextCursor(cursor)
        self.editor.ensureCursorVisible()
        self._reveal(self._sentence or target)

    def _reveal(self, span: Span) -> None:
        """Scroll so the whole of ``span`` shows, its first line a quarter down the viewport, unless it
        is already in view (a reader loses their place when the text jumps for nothing)."""
        assert self._doc is not None
        n = len(self._doc.text)
        first = QTextCursor(self.editor.document())
        first.setPosition(self._u16.to_utf16(min(span[0], n)))
        last = QTextCursor(self.editor.document())
        last.setPosition(self._u16.to_utf16(min(span[1], n)))
        top, bottom = self.editor.cursorRect(first).top(), self.editor.cursorRect(last).bottom()
        height = self.editor.viewport().height()
        if top >= 0 and bottom <= height:
            return
        bar = self.editor.verticalScrollBar()
        bar.setValue(bar.value() + top - height // 4)

    def current_document_id(self) -> int | None:
        return self._doc.id if self._doc else None

    def selected_span(self) -> tuple[int, int] | None:
        """The selected text as document offsets, without surrounding blanks; None when nothing is."""
        if self._doc is None:
            return None
        cursor = self.editor.textCursor()
        if not cursor.hasSelection():
            return None
        start, end = self._u16.span_from_utf16((cursor.selectionStart(), cursor.selectionEnd()))
        start, end = trim(self._doc.text, start, end)
        return (start, end) if end > start else None

    @Slot()
    def select_next_date(self) -> None:
        """Select the first date after the cursor (or the selection), so C can make it an event."""
        cursor = self.editor.textCursor()
        here = self._u16.from_utf16(max(cursor.position(), cursor.anchor()))
        self._select_span(next((s for s in self._spans if s[0] >= here), None))

    @Slot()
    def select_previous_date(self) -> None:
        cursor = self.editor.textCursor()
        here = self._u16.from_utf16(min(cursor.position(), cursor.anchor()))
        self._select_span(next((s for s in reversed(self._spans) if s[1] <= here), None))

    def _select_span(self, span: Span | None) -> None:
        if span is None:
            return
        cursor = self.editor.textCursor()
        start, end = self._u16.span_to_utf16(span)
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        self.editor.setTextCursor(cursor)
        self.editor.ensureCursorVisible()

    def timex_at(self, offset: int) -> TimexRecord | None:
        span = span_at(self._spans, offset)
        return self._timexes.get(span) if span else None

    def timex_under(self, pos: QPoint) -> TimexRecord | None:
        """The date at the viewport position ``pos``, if any."""
        if self._doc is None:
            return None
        cursor = self.editor.cursorForPosition(pos)
        offset = self._u16.from_utf16(cursor.position())
        # cursorForPosition rounds to the nearest gap between characters; look both ways.
        rect = self.editor.cursorRect(cursor)
        return self.timex_at(offset if pos.x() >= rect.left() else offset - 1)

    def tooltip_at(self, pos: QPoint) -> str:
        """Tooltip for the viewport position ``pos``: the date there, or ""."""
        t = self.timex_under(pos)
        if t is None or self._doc is None:
            return ""
        return timex_tooltip(t, self._status.get((t.start, t.end), "none"), self._doc)

    # ---- internals ----

    def _load_text(self, text: str) -> None:
        self.editor.setPlainText(text)
        fm = self.editor.fontMetrics()
        fmt = QTextBlockFormat()
        fmt.setBottomMargin(fm.height() * 0.6)
        fmt.setLineHeight(125, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        cursor = QTextCursor(self.editor.document())
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.mergeBlockFormat(fmt)
        self.editor.document().setDocumentMargin(fm.averageCharWidth() * 1.5)
        self.editor.moveCursor(QTextCursor.MoveOperation.Start)

    def _selection(self, span: Span, fmt: QTextCharFormat) -> QTextEdit.ExtraSelection:
        sel = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self.editor.document())
        n = len(self._doc.text) if self._doc else 0
        start, end = self._u16.span_to_utf16((max(0, min(span[0], n)), max(0, min(span[1], n))))
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        sel.cursor = cursor
        sel.format = fmt
        return sel

    def _apply_highlights(self) -> None:
        palette = self.editor.palette()
        selections: list[QTextEdit.ExtraSelection] = []
        if self._doc is not None and self._sentence is not None:
            fmt = QTextCharFormat()
            fmt.setBackground(theme.sentence_fill(palette))
            fmt.setProperty(QTextFormat.Property.UserProperty, "sentence")
            selections.append(self._selection(self._sentence, fmt))
        for span in self.search_spans():
            fmt = QTextCharFormat()
            fmt.setBackground(theme.search_fill(palette))
            fmt.setProperty(QTextFormat.Property.UserProperty, "search")
            selections.append(self._selection(span, fmt))
        if self._doc is not None:
            for span in self._spans:
                status = self._status.get(span, "none")
                fmt = QTextCharFormat()
                fmt.setBackground(theme.status_fill(status, palette))
                fmt.setUnderlineStyle(
                    QTextCharFormat.UnderlineStyle.DotLine
                    if status == "none"
                    else QTextCharFormat.UnderlineStyle.SingleUnderline
                )
                fmt.setUnderlineColor(theme.status_color(status, palette))
                fmt.setProperty(QTextFormat.Property.UserProperty, status)
                if span == self._marked:
                    fmt.setBackground(theme.marked_fill(status, palette))
                    fmt.setProperty(QTextFormat.Property.UserProperty + 1, "marked")
                selections.append(self._selection(span, fmt))
            if self._marked is not None and self._marked not in self._timexes:
                fmt = QTextCharFormat()
                fmt.setBackground(theme.marked_fill("none", palette))
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
                fmt.setProperty(QTextFormat.Property.UserProperty + 1, "marked")
                selections.append(self._selection(self._marked, fmt))
        self.editor.setExtraSelections(selections)
        self._show_legend()

    def _show_header(self) -> None:
        doc = self._doc
        if doc is None:
            self.title_label.setText("No article selected")
            self.meta_label.clear()
            self.meta_label.setVisible(False)
            return
        self.title_label.setText(doc.title or "(untitled)")
        palette = self.palette()
        parts = []
        if doc.published is None:
            colour = theme.warning_color(palette).name()
            parts.append(
                f"<span style='color:{colour}'>&#9888; No publication date: relative dates "
                "such as &ldquo;Wednesday&rdquo; cannot be resolved</span>"
            )
        else:
            when = timevalue.label(doc.published.isoformat())
            guessed = doc.published_source == "unknown"
            text = f"Published {html.escape(when)}"
            if guessed:
                colour = theme.warning_color(palette).name()
                text = f"<span style='color:{colour}'>&#9888; {text} (guessed)</span>"
            else:
                how = html.escape(published_reason(doc.published_source))
                text += f" <span style='color:{theme.muted_color(palette).name()}'>({how})</span>"
            parts.append(text)
        if doc.source:
            parts.append(html.escape(doc.source))
        if doc.author:
            parts.append(html.escape(doc.author))
        self.meta_label.setText(" &middot; ".join(parts))
        self.meta_label.setVisible(True)

    def _show_legend(self) -> None:
        if self._doc is None or not self._spans:
            self.legend_label.setVisible(False)
            return
        palette = self.palette()
        counts: dict[str, int] = {}
        for span in self._spans:
            s = self._status.get(span, "none")
            counts[s] = counts.get(s, 0) + 1
        chips = []
        for status in theme.STATUSES:
            if counts.get(status):
                fill = theme.status_fill(status, palette).name()
                edge = theme.status_color(status, palette).name()
                chips.append(
                    f"<span style='background:{fill}; border-bottom:1px solid {edge}'>"
                    f"&nbsp;{theme.STATUS_LABELS[status]} {counts[status]}&nbsp;</span>"
                )
        n = len(self._spans)
        self.legend_label.setText(f"{n} date{'s' if n != 1 else ''}: " + " ".join(chips))
        self.legend_label.setVisible(True)

    @Slot()
    def _update_actions(self) -> None:
        self.create_action.setEnabled(not self._readonly and self._create_span() is not None)

    def _create_span(self) -> Span | None:
        """The selection grown to whole words (None when it holds no word); with no selection, the
        date under the cursor, a natural one-key "make this an event"."""
        if self._doc is None:
            return None
        span = self.selected_span()
        if span is not None:
            # The store grows it to whole words; a selection holding no word makes no event.
            start, end = snap_to_words(self._doc.text, *span)
            return span if end > start else None
        offset = self._u16.from_utf16(self.editor.textCursor().position())
        t = self.timex_at(offset)
        return (t.start, t.end) if t else None

    @Slot()
    def _request_create(self) -> None:
        span = self._create_span()
        if span is None or self._doc is None:
            return
        self.create_event_requested.emit(self._doc.id, span[0], span[1])

    def context_menu(self, pos: QPoint) -> QMenu:
        """The editor's standard menu (Copy, Select All) with "Create event" on top."""
        menu = self.editor.createStandardContextMenu(pos)
        if menu.actions():
            first = menu.actions()[0]
            menu.insertAction(first, self.create_action)
            menu.insertSeparator(first)
        else:
            menu.addAction(self.create_action)
            menu.addSeparator()
        return menu

    @Slot(QPoint)
    def _show_context_menu(self, pos: QPoint) -> None:
        self._update_actions()
        menu = self.context_menu(pos)
        menu.exec(self.editor.viewport().mapToGlobal(pos))
        menu.deleteLater()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and hasattr(self, "editor"):
            self._show_header()
