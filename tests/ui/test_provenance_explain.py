"""Why an event has its date and its sources, in the provenance panel and the suggestion bar: a
headline dated by its publication day says so, a report joined automatically says what made the
merge, and a merge suggestion says what the two events share."""

from __future__ import annotations

from dateline.core import services
from dateline.core.store import Store
from dateline.ui.merge_bar import ElidedLabel
from dateline.ui.provenance_panel import HTML_ROLE


def _events(path):
    with Store.open(path) as s:
        return list(s.events(s.event_ids()))


def _panel_texts(win) -> list[str]:
    model = win.provenance.source_model
    return [model.index(i, 0).data(HTML_ROLE) for i in range(model.rowCount())]


def _settle(qtbot, win) -> None:
    qtbot.waitUntil(lambda: win.runner.is_idle() and not win.events.loading, timeout=10000)


def test_a_headline_event_explains_its_date_without_a_date_expression(qtbot, main_window):
    win = main_window
    headline = next(e for e in _events(win.db_path) if any(s.rule == "headline" for s in e.sources))
    win.select_event(headline.id)
    _settle(qtbot, win)
    rich = " ".join(_panel_texts(win))
    assert "Explain this date:</i> Headline event, dated by its publication date" in rich
    assert "no date expression" in rich and "Wed 16 Oct 2024" in rich
    assert "This sentence has no date of its own" not in rich


def test_an_automatic_merge_says_what_joined_the_report(qtbot, main_window):
    win = main_window
    press = next(
        e
        for e in _events(win.db_path)
        if e.value == "2024-10-16" and len({s.document_id for s in e.sources}) == 2
    )
    win.select_event(press.id)
    _settle(qtbot, win)
    rich = " ".join(_panel_texts(win))
    assert "Joined to this event:</i> same speaker Rutte; same day Wed 16 Oct 2024" in rich


def test_a_merge_suggestion_shows_what_the_two_events_share(qtbot, main_window):
    win = main_window
    with Store.open(win.db_path) as s:
        a = services.merge_suggestions(s)[0][0]
    win.select_event(a)
    _settle(qtbot, win)
    qtbot.waitUntil(lambda: win.merge_bar.isVisible(), timeout=5000)
    texts = [w.text() for w in win.merge_bar.findChildren(ElidedLabel, "merge_suggestion_text")]
    reasons = [w.text() for w in win.merge_bar.findChildren(ElidedLabel, "merge_suggestion_reason")]
    assert texts and "Wed 16 Oct 2024" in texts[0] and "source" in texts[0]
    assert "same speaker Rutte" in reasons[0] and "shared" in reasons[0]
