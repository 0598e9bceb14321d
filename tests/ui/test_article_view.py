from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QPalette, QTextCharFormat, QTextCursor, QTextFormat
from test_panels_seed import documents, event, status_by_span, timexes

from dateline.core.model import TimexRecord
from dateline.ui import theme
from dateline.ui.article_view import ArticleView, timex_tooltip


@pytest.fixture
def view(qtbot):
    w = ArticleView()
    qtbot.addWidget(w)
    w.resize(760, 560)
    doc = documents()[2]
    w.show_document(doc, [t for t in timexes() if t.document_id == 2], status_by_span(2))
    w.show()
    qtbot.waitExposed(w)
    return w


def _highlights(w: ArticleView) -> dict[tuple[int, int], QTextCharFormat]:
    out = {}
    for sel in w.editor.extraSelections():
        out[(sel.cursor.selectionStart(), sel.cursor.selectionEnd())] = QTextCharFormat(sel.format)
    return out


def _span_of(doc, text: str, nth: int = 1) -> tuple[int, int]:
    pos = -1
    for _ in range(nth):
        pos = doc.text.index(text, pos + 1)
    return pos, pos + len(text)


def test_every_date_is_highlighted_in_its_status_colour(view):
    doc = documents()[2]
    palette = view.editor.palette()
    marks = _highlights(view)
    statuses = status_by_span(2)
    assert len(marks) == len([t for t in timexes() if t.document_id == 2])
    press = _span_of(doc, "Wednesday", 3)  # "told a press conference on Wednesday": accepted
    thursday = _span_of(doc, "Thursday", 1)  # the Brussels visit: still proposed
    ministerial = _span_of(doc, "Thursday", 2)  # "on Thursday and Friday": edited
    today = _span_of(doc, "today")  # a date without an event
    assert (statuses[press], statuses[thursday], statuses[ministerial]) == (
        "accepted",
        "proposed",
        "edited",
    )
    assert today not in statuses
    for span, status in [
        (press, "accepted"),
        (thursday, "proposed"),
        (ministerial, "edited"),
        (today, "none"),
    ]:
        assert marks[span].background().color() == theme.status_fill(status, palette)
        assert marks[span].underlineColor() == theme.status_color(status, palette)
    fills = {marks[s].background().color().name() for s in (press, thursday, ministerial, today)}
    assert len(fills) == 4  # four statuses, four visibly different fills
    assert "Accepted 3" in view.legend_label.text()


def test_show_span_shades_the_sentence_and_marks_the_date(view):
    ev = event("rutte-press-conference")
    src = [s for s in ev.sources if s.document_id == 2][1]
    view.show_span((src.sentence_start, src.sentence_end), (src.timex_start, src.timex_end))
    marks = _highlights(view)
    sentence = marks[(src.sentence_start, src.sentence_end)]
    assert sentence.background().color() == theme.sentence_fill(view.editor.palette())
    marked = marks[(src.timex_start, src.timex_end)]
    assert marked.property(QTextFormat.Property.UserProperty + 1) == "marked"
    # The sentence is scrolled into view.
    cursor = QTextCursor(view.editor.document())
    cursor.setPosition(src.sentence_start)
    rect = view.editor.cursorRect(cursor)
    assert 0 <= rect.top() < view.editor.viewport().height()
    # A later event without a sentence clears the shade.
    view.show_span(None, None)
    assert (src.sentence_start, src.sentence_end) not in _highlights(view)


def test_show_span_scrolls_a_sentence_far_down_into_view(qtbot):
    w = ArticleView()
    qtbot.addWidget(w)
    w.resize(500, 200)
    doc = documents()[1]
    w.show_document(doc, [t for t in timexes() if t.document_id == 1], {})
    w.show()
    qtbot.waitExposed(w)
    start = doc.text.index("Rutte said on Wednesday")
    end = doc.text.index(".", start) + 1
    w.show_span((start, end), (start + 14, start + 23))
    cursor = QTextCursor(w.editor.document())
    cursor.setPosition(start)
    assert w.editor.verticalScrollBar().value() > 0
    assert 0 <= w.editor.cursorRect(cursor).top() < w.editor.viewport().height()


@pytest.mark.parametrize("dark", [False, True])
def test_highlights_read_in_light_and_dark(qtbot, dark):
    w = ArticleView()
    qtbot.addWidget(w)
    if dark:
        w.setPalette(theme.dark_palette())
    doc = documents()[2]
    w.show_document(doc, [t for t in timexes() if t.document_id == 2], status_by_span(2))
    text = w.editor.palette().color(QPalette.ColorRole.Text)
    assert theme.is_dark(w.editor.palette()) is dark
    for fmt in _highlights(w).values():
        assert theme.contrast(text, fmt.background().color()) >= 4.5


def test_tooltip_names_value_anchor_and_rule(view):
    doc = documents()[2]
    start, _ = _span_of(doc, "Thursday", 1)
    cursor = QTextCursor(view.editor.document())
    cursor.setPosition(start + 3)
    rect = view.editor.cursorRect(cursor)
    tip = view.tooltip_at(QPoint(rect.center().x(), rect.center().y()))
    assert "<b>Thursday</b>" in tip
    assert "Thu 17 Oct 2024" in tip
    assert "2024-10-17" in tip
    assert "relative to the publication date" in tip
    assert "weekday-future" in tip
    assert "Proposed" in tip
    assert "article published Wed 16 Oct 2024" in tip
    # Plain text between dates has no tooltip.
    cursor.setPosition(doc.text.index("BRUSSELS") + 2)
    rect = view.editor.cursorRect(cursor)
    assert view.tooltip_at(rect.center()) == ""


def test_tooltip_for_an_unresolved_date():
    t = TimexRecord(1, 1, 0, 9, "Wednesday", "DATE", "", "unknown", "none", "weekday")
    tip = timex_tooltip(t, "none", None)
    assert "unresolved" in tip
    assert "No event" in tip


def _select(w: ArticleView, start: int, end: int) -> None:
    cursor = w.editor.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    w.editor.setTextCursor(cursor)


def test_c_creates_an_event_from_the_selection(view, qtbot):
    doc = documents()[2]
    start = doc.text.index("Zelenskyy is due to meet")
    end = doc.text.index("\n", start)
    _select(view, start - 1, end + 1)  # sloppy selection with blanks around it
    view.editor.setFocus()
    assert view.selected_span() == (start, end)
    with qtbot.waitSignal(view.create_event_requested, timeout=1000) as blocker:
        qtbot.keyClick(view.editor, Qt.Key.Key_C)
    assert blocker.args == [2, start, end]
    assert view.editor.toPlainText() == doc.text  # read-only: the key typed nothing


def test_without_selection_c_uses_the_date_under_the_cursor(view, qtbot):
    doc = documents()[2]
    start, end = _span_of(doc, "July")
    _select(view, start + 1, start + 1)
    view.editor.setFocus()
    with qtbot.waitSignal(view.create_event_requested, timeout=1000) as blocker:
        qtbot.keyClick(view.editor, Qt.Key.Key_C)
    assert blocker.args == [2, start, end]


def test_create_is_disabled_for_a_blank_selection_and_sits_in_the_context_menu(view):
    doc = documents()[2]
    nl = doc.text.index("\n")
    _select(view, nl, nl + 1)
    assert view.selected_span() is None
    assert not view.create_action.isEnabled()
    menu = view.context_menu(QPoint(5, 5))
    assert menu.actions()[0] is view.create_action
    assert view.create_action.shortcut().toString() == "C"
    menu.deleteLater()


def test_offsets_survive_emoji_before_a_date(qtbot):
    doc = dataclasses.replace(documents()[2], id=9, text="🇺🇦 Rally 😀 on Thursday. More text.")
    start = doc.text.index("Thursday")
    t = TimexRecord(
        1, 9, start, start + 8, "Thursday", "DATE", "2024-10-17", "day", "published", "weekday"
    )
    w = ArticleView()
    qtbot.addWidget(w)
    w.show_document(doc, [t], {(start, start + 8): "accepted"})
    sel = next(iter(w.editor.extraSelections()))
    assert sel.cursor.selectedText() == "Thursday"
    _select(w, sel.cursor.selectionStart(), sel.cursor.selectionEnd())
    assert w.selected_span() == (start, start + 8)
    assert w.current_document_id() == 9


def test_missing_publication_date_is_warned_in_the_header(qtbot):
    doc = dataclasses.replace(documents()[1], published=None, published_source="unknown")
    w = ArticleView()
    qtbot.addWidget(w)
    w.show_document(doc, [], {})
    assert "No publication date" in w.meta_label.text()
    w.clear()
    assert w.current_document_id() is None
    assert w.selected_span() is None


@pytest.mark.parametrize(
    ("source", "words"),
    [
        ("dateline", "from the date line under the headline"),
        ("email", "from the e-mail's Date header"),
        ("metadata", "from the file's metadata"),
        ("manifest", "from the import manifest"),
        ("argument", "given on the command line"),
        ("analyst", "set by the analyst"),
    ],
)
def test_the_header_says_in_words_where_the_publication_date_came_from(qtbot, source, words):
    doc = dataclasses.replace(documents()[1], published_source=source)
    w = ArticleView()
    qtbot.addWidget(w)
    w.show_document(doc, [], {})
    header = w.meta_label.text()
    assert "Published Wed 16 Oct 2024" in header
    assert f"({words})" in header.replace("&#x27;", "'")
    assert f"({source})" not in header


def test_brackets_walk_through_the_dates_and_c_takes_the_one_selected(view, qtbot):
    doc = documents()[2]
    spans = sorted((t.start, t.end) for t in timexes() if t.document_id == 2)
    _select(view, 0, 0)
    view.editor.setFocus()
    qtbot.keyClick(view.editor, Qt.Key.Key_BracketRight)
    assert view.selected_span() == spans[0]
    qtbot.keyClick(view.editor, Qt.Key.Key_BracketRight)
    assert view.selected_span() == spans[1]
    qtbot.keyClick(view.editor, Qt.Key.Key_BracketLeft)
    assert view.selected_span() == spans[0]
    with qtbot.waitSignal(view.create_event_requested, timeout=1000) as blocker:
        qtbot.keyClick(view.editor, Qt.Key.Key_C)
    assert blocker.args == [2, *spans[0]]
    assert doc.text[spans[0][0] : spans[0][1]] == "Wednesday"


def test_switching_to_a_dark_palette_recolours_the_highlights(view):
    span = next(iter(status_by_span(2)))
    light = _highlights(view)[span].background().color()
    view.setPalette(theme.dark_palette())
    dark = _highlights(view)[span].background().color()
    assert dark != light
    assert dark == theme.status_fill(status_by_span(2)[span], theme.dark_palette())
