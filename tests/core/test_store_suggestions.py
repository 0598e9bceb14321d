"""Merge suggestions from the store, dismissals, and the m006 schema step."""

from __future__ import annotations

import json
import sqlite3

import pytest
from sqlite_utils import Database
from store_helpers import seeded_store, state

from dateline.core import services
from dateline.core.commands import DismissMerge, MergeEvents, SetStatus, SplitEvent
from dateline.core.errors import ValidationError
from dateline.core.ingest.suggestions import sweep
from dateline.core.store import Store
from dateline.core.store.schema import SCHEMA_STEPS, migrations


@pytest.fixture
def store(tmp_path, seeds_dir):
    s = seeded_store(tmp_path, seeds_dir)
    yield s
    s.close()


def _press(store):
    """The press conference: the statement event with the most reports."""
    return max(
        (e for e in store.events(store.event_ids()) if e.title.startswith("Rutte:")),
        key=lambda e: len(e.sources),
    )


def _split_press(store):
    """Split one article's reports off the press conference: two events that are one happening."""
    press = _press(store)
    doc = press.sources[-1].document_id
    cmd = SplitEvent(press.id, tuple(s.id for s in press.sources if s.document_id == doc))
    store.apply(cmd)
    return press.id, cmd.created_ids[0]


def _pairs(store) -> set[tuple[int, int]]:
    return {p[:2] for p in services.merge_suggestions(store)}


def test_the_press_conference_is_merged_not_suggested(store):
    """No other event the text dates to that Wednesday is left as a suggestion for the press
    conference: the articles' dated statements by Rutte are all in it."""
    press = _press(store)
    others = [b if a == press.id else a for a, b, _ in services.suggestions_for(store, press.id)]
    stated = [
        e
        for e in store.events(others)
        if e.value == press.value and any(not s.basis for s in e.sources)
    ]
    assert stated == []
    assert services.suggestion_count(store) == len(_pairs(store))


def test_a_split_statement_is_suggested_back_from_either_side(store):
    before = _pairs(store)
    a, b = _split_press(store)
    pair = (min(a, b), max(a, b))
    assert pair in _pairs(store) - before
    assert all(b in p for p in _pairs(store) - before)  # what is new involves the split-off part
    assert services.suggestions_for(store, a)[0][:2] == pair  # the best suggestion, both ways
    assert services.suggestions_for(store, b)[0][:2] == pair
    assert services.suggestion_count(store) == len(_pairs(store))
    # the store agrees with the sweep over the same events
    expected = sweep(store.events(store.event_ids()))
    assert {(min(x, y), max(x, y)) for x, y, _ in expected} == _pairs(store)


def test_rejected_events_are_never_suggested(store):
    a, b = _split_press(store)
    store.apply(SetStatus((b,), "rejected"))
    assert all(b not in p for p in _pairs(store))
    assert services.suggestions_for(store, b) == []
    assert all(b not in p[:2] for p in services.suggestions_for(store, a))


def test_a_dismissed_pair_stays_away_until_the_dismissal_is_undone(store):
    a, b = _split_press(store)
    pair = (min(a, b), max(a, b))
    count = services.suggestion_count(store)
    before = state(store)
    cmd = DismissMerge(b, a)
    change = store.apply(cmd)
    assert change.events == {a, b} and change.message
    assert pair not in _pairs(store)
    assert all(p[:2] != pair for p in services.suggestions_for(store, a))
    assert services.suggestion_count(store) == count - 1
    row = store.conn.execute("SELECT event_a, event_b, who FROM merge_dismissals").fetchall()
    assert [tuple(r) for r in row] == [(*pair, "tester")]
    # both events' histories say so
    for eid, other in ((a, b), (b, a)):
        last = store.history(eid)[-1]
        assert last.action == "dismiss-merge" and last.after == {"not_same_as": other}
    store.revert(cmd)
    assert state(store) == before
    assert services.suggestion_count(store) == count and pair in _pairs(store)
    store.apply(cmd)  # redo
    assert services.suggestion_count(store) == count - 1
    with pytest.raises(ValidationError):
        store.apply(DismissMerge(a, a))


def test_merging_a_suggestion_removes_it_and_split_brings_it_back(store):
    a, b = _split_press(store)
    pair = (min(a, b), max(a, b))
    merge = MergeEvents((a, b))
    store.apply(merge)
    assert pair not in _pairs(store)
    store.revert(merge)
    assert pair in _pairs(store)


def test_the_count_sees_writes_from_another_connection(store):
    a, b = _split_press(store)
    count = services.suggestion_count(store)
    with Store.open(store.path, who="colleague") as other:
        other.apply(DismissMerge(a, b))
    assert services.suggestion_count(store) == count - 1


def test_m006_from_a_populated_m005_database(tmp_path):
    path = tmp_path / "old.db"
    db = Database(str(path))
    migrations.apply(db, stop_before="m006_merge_review")
    db.execute(
        "INSERT INTO documents (id, content_hash, title, text, published) "
        "VALUES (1, 'h', 'Old', 'Rutte spoke on Wednesday about aid.', '2024-10-16')"
    )
    db.execute(
        'INSERT INTO timexes (document_id, start, "end", text, type, value, granularity) '
        "VALUES (1, 15, 24, 'Wednesday', 'DATE', '2024-10-16', 'day')"
    )
    db.execute(
        "INSERT INTO events (id, title, value, granularity, earliest, latest, status) "
        "VALUES (1, 'Old press conference', '2024-10-16', 'day', '2024-10-16', '2024-10-16', 'accepted')"
    )
    db.execute(
        "INSERT INTO sources (event_id, document_id, sentence_start, sentence_end, timex_start, "
        "timex_end, quote, value) VALUES (1, 1, 0, 35, 15, 24, 'Rutte spoke on Wednesday about aid.', "
        "'2024-10-16')"
    )
    db.conn.commit()
    db.close()
    with Store.open(path) as store:
        assert store.schema_steps() == list(SCHEMA_STEPS)
        event = store.event(1)
        assert event.title == "Old press conference" and event.sources[0].match_terms == ()
        (timex,) = store.timexes(1)
        assert (timex.value, timex.explanation, timex.alternatives) == ("2024-10-16", "", ())
        assert services.merge_suggestions(store) == [] and services.suggestions_for(store, 1) == []
    assert (tmp_path / "old.db.bak-m005_event_span_index").exists()
    old = sqlite3.connect(tmp_path / "old.db.bak-m005_event_span_index")
    assert old.execute("SELECT title FROM events").fetchall() == [("Old press conference",)]
    old.close()


def test_import_stores_match_terms_and_timex_explanations(store):
    press = _press(store)
    assert all(s.match_terms for s in press.sources)
    assert any(t.startswith("@") for s in press.sources for t in s.match_terms)  # the speaker
    timexes = store.timexes(store.documents()[0].id)
    assert all(t.explanation for t in timexes)
    raw = store.conn.execute("SELECT alternatives FROM timexes").fetchall()
    assert all(isinstance(json.loads(r[0]), list) for r in raw)
