"""A date inside quoted speech is read from the day the speaker spoke, when the article says it."""

from __future__ import annotations

import datetime as dt
import json

from dateline.core import services
from dateline.core.commands import SetPublished
from dateline.core.engine import find_timexes, propose
from dateline.core.happening.quotes import reread
from dateline.core.ingest import import_paths
from dateline.core.model import Article
from dateline.core.store import Store

MON = dt.date(2019, 3, 11)  # the article's publication day
SUN = "2019-03-10"
ROLLOUT = "“Today is a great day,” plant manager Ines Varga said at Sunday's rollout."


def events(text: str, published: dt.date = MON):
    return propose([Article(id="a", text=text, published=published)])


def test_today_in_a_quote_said_on_sunday_is_sunday():
    (ev,) = events(ROLLOUT)
    assert ev.value == SUN
    assert ev.title == "Varga: today is a great day"
    assert [s.text for s in ev.sources] == ["Today"]


def test_the_engine_itself_still_reads_today_as_the_publication_day():
    (today, sunday) = find_timexes(Article(id="a", text=ROLLOUT, published=MON))
    assert (today.text, today.value) == ("Today", "2019-03-11")
    assert (sunday.text, sunday.value) == ("Sunday", SUN)


def test_the_quote_and_its_statement_day_are_one_event():
    text = "“Today we open our doors,” Ines Varga said on Sunday."
    (ev,) = events(text)
    assert ev.value == SUN
    assert ev.title == "Varga: today we open our doors"


def test_a_relative_date_in_the_quote_counts_from_the_day_it_was_said():
    text = "“The first cars will leave the line tomorrow,” Ines Varga said on Friday."
    found = {e.value: e.title for e in events(text)}
    assert "2019-03-09" in found  # tomorrow from Friday 8 March, not Tuesday 12 March
    assert "2019-03-12" not in found
    assert found["2019-03-08"] == "Varga: first cars will leave the line tomorrow"


def test_without_a_day_of_its_own_the_quote_is_read_from_the_publication_day():
    (ev,) = events("“Today is a great day,” Ines Varga said.")
    assert ev.value == "2019-03-11"
    assert ev.title == "Varga: today is a great day"


def test_a_date_outside_the_quote_is_not_read_again():
    text = "Ines Varga said on Sunday that the plant had opened on Friday."
    assert sorted(e.value for e in events(text)) == ["2019-03-08", SUN]


def _folder(path, published: dt.date | None):
    path.mkdir()
    (path / "rollout.txt").write_text(f"Plant opens\n\n{ROLLOUT}\n", encoding="utf-8")
    entry = {"published": published.isoformat()} if published else {}
    (path / "manifest.json").write_text(
        json.dumps({"articles": {"rollout.txt": entry}}), encoding="utf-8"
    )
    return path


def test_reading_the_stored_article_again_keeps_the_day_the_words_were_said(tmp_path):
    store = Store.open(tmp_path / "q.db")
    import_paths(store, [_folder(tmp_path / "a", MON)])
    (doc,) = store.documents()
    store.apply(SetPublished(doc.id, dt.date(2019, 3, 12)))  # a day later: "Sunday" still Sunday
    services.reextract(store)
    quoted = [e for e in store.events(store.event_ids()) if e.sources[0].timex_text == "Today"]
    assert [(e.value, e.title) for e in quoted] == [(SUN, "Varga: today is a great day")]
    store.close()


def test_setting_the_publication_date_later_gives_what_importing_with_it_gives(tmp_path):
    undated = Store.open(tmp_path / "u.db")
    import_paths(undated, [_folder(tmp_path / "u", None)])
    (doc,) = undated.documents()
    undated.apply(SetPublished(doc.id, MON))
    dated = Store.open(tmp_path / "d.db")
    import_paths(dated, [_folder(tmp_path / "d", MON)])
    timelines = []
    for store in (undated, dated):
        timelines.append(sorted((e.value, e.title) for e in store.events(store.event_ids())))
        store.close()
    assert timelines[0] == timelines[1]
    assert (SUN, "Varga: today is a great day") in timelines[1]


def test_an_undated_quote_in_a_late_report_is_read_from_the_day_the_lead_tells_of():
    """Monday's reopening in Tuesday's paper: the manager's "today", said with no date, is the
    story's Monday (as the undated saying is), and less sure than a quotation said on a day."""
    text = (
        "Kell Motors reopens Ohio plant\n\nKell Motors reopened its Ohio plant on Sunday after a "
        "six-week shutdown.\n\n“Today is a good day for our workers,” plant manager Ines Varga "
        "said."
    )
    (quote,) = [e for e in events(text) if "good day" in e.title]
    assert quote.value == SUN
    assert [s.text for s in quote.sources] == ["Today"]
    assert quote.confidence < 0.9
    article = Article(id="a", text=text, published=MON)
    (today,) = [t for t in reread(article, find_timexes(article)) if t.text == "Today"]
    assert "read from the day the lead tells of" in today.explanation


def test_an_undated_quote_keeps_the_publication_day_when_the_lead_tells_of_it():
    evs = events(
        "Kell Motors reopens Ohio plant\n\nKell Motors reopened its Ohio plant today after a "
        "six-week shutdown.\n\n“Today is a good day for our workers,” plant manager Ines Varga "
        "said."
    )
    (quote,) = [e for e in evs if "good day" in e.title]
    assert quote.value == MON.isoformat()
