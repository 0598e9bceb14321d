from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import Qt
from test_panels_seed import documents, event, history

from dateline.ui import theme
from dateline.ui.provenance_panel import HTML_ROLE, HistoryModel, ProvenancePanel, SourceListModel


@pytest.fixture
def panel(qtbot):
    w = ProvenancePanel()
    qtbot.addWidget(w)
    w.resize(560, 620)
    ev = event("rutte-press-conference")
    w.set_event(ev, documents(), history(ev))
    w.show()
    qtbot.waitExposed(w)
    return w


def test_every_source_is_listed_with_article_quote_and_bold_date(panel):
    ev = event("rutte-press-conference")
    docs = documents()
    model = panel.source_model
    assert model.rowCount() == len(ev.sources) == 4
    assert panel.tabs.tabText(0) == "Sources (4)"
    for row, src in enumerate(ev.sources):
        index = model.index(row, 0)
        shown = index.data()
        assert docs[src.document_id].title in shown
        assert src.quote in shown
        rich = index.data(HTML_ROLE)
        assert ">Wednesday</b>" in rich  # the date in bold inside its quote
        assert "weekday-past" in rich and "dateline-temporal 0.3.0" in rich
        assert "relative to the publication date, Wed 16 Oct 2024" in rich
        tip = index.data(Qt.ItemDataRole.ToolTipRole)
        assert "article published Wed 16 Oct 2024 -&gt; Wed 16 Oct 2024" in tip
    assert "4 sources" in panel.summary_label.text()
    assert "2 independent documents" in panel.summary_label.text()
    assert "accepted by alice on 2026-11-23 10:41" in panel.summary_label.text()
    assert panel.independent_documents() == 2


def _rect(panel, row):
    return panel.sources_view.visualRect(panel.source_model.index(row, 0))


def test_clicking_a_source_opens_it(panel, qtbot):
    src = event("rutte-press-conference").sources[1]
    with qtbot.waitSignal(panel.source_activated, timeout=1000) as blocker:
        qtbot.mouseClick(
            panel.sources_view.viewport(), Qt.MouseButton.LeftButton, pos=_rect(panel, 1).center()
        )
    assert blocker.args == [
        src.document_id,
        src.sentence_start,
        src.sentence_end,
        src.timex_start,
        src.timex_end,
    ]


def test_enter_opens_the_current_source(panel, qtbot):
    src = event("rutte-press-conference").sources[2]
    panel.sources_view.setFocus()
    panel.sources_view.setCurrentIndex(panel.source_model.index(2, 0))
    with qtbot.waitSignal(panel.source_activated, timeout=1000) as blocker:
        qtbot.keyClick(panel.sources_view, Qt.Key.Key_Return)
    assert blocker.args[0] == src.document_id
    assert blocker.args[3:] == [src.timex_start, src.timex_end]


def test_a_source_without_a_date_opens_with_minus_one(qtbot):
    ev = event("zelenskyy-brussels-visit")
    bare = dataclasses.replace(
        ev.sources[0], timex_start=None, timex_end=None, timex_text="", value=""
    )
    ev = dataclasses.replace(ev, sources=(bare,))
    w = ProvenancePanel()
    qtbot.addWidget(w)
    w.set_event(ev, documents(), ())
    assert "no date in this sentence" in w.source_model.index(0, 0).data(HTML_ROLE)
    w.sources_view.setCurrentIndex(w.source_model.index(0, 0))
    with qtbot.waitSignal(w.source_activated, timeout=1000) as blocker:
        qtbot.keyClick(w.sources_view, Qt.Key.Key_Enter)
    assert blocker.args == [bare.document_id, bare.sentence_start, bare.sentence_end, -1, -1]
    assert "not reviewed yet" in w.summary_label.text()


def test_a_source_reading_another_date_is_flagged(qtbot):
    ev = event("rutte-press-conference")
    odd = dataclasses.replace(ev.sources[0], value="2024-10-15")
    ev = dataclasses.replace(ev, sources=(odd, *ev.sources[1:]))
    w = ProvenancePanel()
    qtbot.addWidget(w)
    w.set_event(ev, documents(), ())
    assert "This source reads Tue 15 Oct 2024; the event says Wed 16 Oct 2024" in (
        w.source_model.index(0, 0).data(HTML_ROLE)
    )
    assert "This source reads" not in w.source_model.index(1, 0).data(HTML_ROLE)


def test_history_shows_each_field_before_and_after(panel):
    model = panel.history_model
    rows = [
        tuple(model.index(r, c).data() for c in range(model.columnCount()))
        for r in range(model.rowCount())
    ]
    assert ("2026-11-23 10:41", "alice", "accept", "status", "proposed → accepted") in rows
    assert (
        "2026-11-23 10:42",
        "alice",
        "edit",
        "date",
        "Thu 17 Oct 2024 → Thu 17 - Fri 18 Oct 2024",
    ) in rows
    assert ("2026-11-23 10:42", "alice", "edit", "tags", "nato → nato, ministerial") in rows
    assert model.headerData(4, Qt.Orientation.Horizontal) == "Change"
    assert panel.tabs.tabText(1) == "History (6)"


def test_no_event_empties_both_tabs(panel):
    panel.set_event(None, {}, ())
    assert panel.source_model.rowCount() == 0
    assert panel.history_model.rowCount() == 0
    assert "Select an event" in panel.summary_label.text()


def test_models_pass_the_model_tester(qtmodeltester):
    ev = event("rutte-press-conference")
    sources = SourceListModel()
    sources.set_event(ev, documents(), ProvenancePanel().palette())
    qtmodeltester.check(sources)
    hist = HistoryModel()
    hist.set_history(history(ev))
    qtmodeltester.check(hist)


def test_dark_palette_keeps_quotes_readable(qtbot):
    w = ProvenancePanel()
    qtbot.addWidget(w)
    w.setPalette(theme.dark_palette())
    ev = event("rutte-press-conference")
    w.set_event(ev, documents(), history(ev))
    rich = w.source_model.index(0, 0).data(HTML_ROLE)
    fill = theme.status_fill("accepted", w.palette()).name()
    assert fill in rich
    assert (
        theme.contrast(
            theme.dark_palette().color(theme.QPalette.ColorRole.Text), theme.QColor(fill)
        )
        >= 4.5
    )
    w.grab()  # paints through the delegate without error


def test_stored_timexes_give_the_real_anchor(qtbot):
    ev = event("zelenskyy-brussels-visit")
    src = ev.sources[0]
    from dateline.core.model import TimexRecord

    mention = TimexRecord(
        99,
        src.document_id,
        src.timex_start,
        src.timex_end,
        src.timex_text,
        "DATE",
        src.value,
        "day",
        "mention",
        "weekday-after-mention",
    )
    w = ProvenancePanel()
    qtbot.addWidget(w)
    w.set_event(ev, documents(), (), timexes=[mention])
    index = w.source_model.index(0, 0)
    assert "relative to an earlier date in the text" in index.data(HTML_ROLE)
    assert "counted from an earlier date in the text" in index.data(Qt.ItemDataRole.ToolTipRole)
    w.set_event(ev, documents(), ())  # without them: read from the text
    assert "relative to the publication date" in w.source_model.index(0, 0).data(HTML_ROLE)
