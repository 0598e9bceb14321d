"""The project database: opening, migrations with backup, reads, filters, search, error messages."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlite_utils import Database
from store_helpers import seeded_store

from dateline.core.commands import AddTags, SetNote, SetStatus
from dateline.core.errors import NotFound, StoreError, ValidationError
from dateline.core.store import EventFilter, Store, default_db_path
from dateline.core.store.records import terms_json
from dateline.core.store.schema import SCHEMA_STEPS, migrations


def test_open_creates_wal_database_with_foreign_keys(tmp_path):
    path = tmp_path / "sub" / "p.db"
    with Store.open(path) as store:
        assert path.exists()
        assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert store.conn.execute("PRAGMA busy_timeout").fetchone()[0] > 0
        assert store.schema_steps() == list(SCHEMA_STEPS)
        assert store.stats()["events"] == 0


def test_default_path_uses_env_then_user_data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("DATELINE_DB", str(tmp_path / "x.db"))
    assert default_db_path() == tmp_path / "x.db"
    monkeypatch.delenv("DATELINE_DB")
    assert default_db_path().name == "dateline.db"
    assert "Dateline" in str(default_db_path())


@pytest.mark.parametrize("next_step", SCHEMA_STEPS[1:])
def test_migrating_a_previous_schema_backs_up_and_keeps_data(tmp_path, next_step):
    path = tmp_path / "old.db"
    db = Database(str(path))
    migrations.apply(db, stop_before=next_step)
    last_applied = SCHEMA_STEPS[SCHEMA_STEPS.index(next_step) - 1]
    db.execute(
        "INSERT INTO documents (id, content_hash, title, text, published) "
        "VALUES (1, 'h', 'Old title', 'Rutte spoke on Wednesday about aid.', '2024-10-16')"
    )
    db.execute(
        "INSERT INTO events (id, title, value, granularity, earliest, latest, status) "
        "VALUES (1, 'Old press conference', '2024-10-16', 'day', '2024-10-16', '2024-10-16', 'accepted')"
    )
    db.execute(
        "INSERT INTO sources (event_id, document_id, sentence_start, sentence_end, timex_start, timex_end, quote) "
        "VALUES (1, 1, 0, 35, 15, 24, 'Rutte spoke on Wednesday about aid.')"
    )
    db.conn.commit()
    db.close()

    with Store.open(path) as store:
        assert store.schema_steps() == list(SCHEMA_STEPS)
        event = store.event(1)
        assert event.title == "Old press conference" and event.status == "accepted"
        assert event.sources[0].quote.startswith("Rutte spoke")
        # the new search tables were filled from the rows already there
        assert store.event_ids(EventFilter(text="aid")) == [1]
        assert [h.document_id for h in store.search_documents("Rutte")] == [1]
        assert store.event_ids(EventFilter(flagged=False)) == [1]
    backup = tmp_path / f"old.db.bak-{last_applied}"
    assert backup.exists()
    old = sqlite3.connect(backup)
    assert old.execute("SELECT title FROM events").fetchall() == [("Old press conference",)]
    applied = SCHEMA_STEPS.index(next_step)
    assert old.execute("SELECT count(*) FROM _sqlite_migrations").fetchone()[0] == applied
    old.close()


def test_not_a_database_is_a_store_error(tmp_path):
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(StoreError) as err:
        Store.open(bad)
    assert "not a Dateline database" in err.value.message


def test_locked_database_reports_a_sentence(tmp_path, seeds_dir):
    store = seeded_store(tmp_path, seeds_dir)
    blocker = sqlite3.connect(store.path, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")
    store.conn.execute("PRAGMA busy_timeout = 50")
    try:
        with pytest.raises(StoreError) as err:
            store.apply(SetNote(store.event_ids()[0], "blocked"))
        assert "locked" in err.value.message
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    store.apply(SetNote(store.event_ids()[0], "now it works"))
    store.close()


def test_readonly_store_reads_but_refuses_writes(tmp_path, seeds_dir):
    seeded_store(tmp_path, seeds_dir).close()
    with Store.open(tmp_path / "project.db", readonly=True) as ro:
        ids = ro.event_ids()
        assert ids
        with pytest.raises(StoreError):
            ro.apply(SetNote(ids[0], "x"))


def test_reads_documents_events_timexes(tmp_path, seeds_dir):
    store = seeded_store(tmp_path, seeds_dir)
    docs = store.documents()
    assert [d.published for d in docs] == [dt.date(2024, 10, 16)] * 2
    assert store.document(docs[0].id).text == docs[0].text
    with pytest.raises(NotFound):
        store.document(999)
    with pytest.raises(NotFound):
        store.event(999)
    ids = store.event_ids()
    events = store.events(list(reversed(ids)))
    assert [e.id for e in events] == list(reversed(ids))
    for e in events:
        assert e.sources, e
        for s in e.sources:
            text = store.document(s.document_id).text
            assert text[s.sentence_start : s.sentence_end] == s.quote
            assert text[s.timex_start : s.timex_end] == s.timex_text
            assert s.document_title
    timexes = store.timexes(docs[0].id)
    assert all(docs[0].text[t.start : t.end] == t.text for t in timexes)
    counts = store.document_counts()
    assert sum(counts[docs[1].id].values()) > 0
    store.close()


def test_date_order_is_chronological_with_unresolved_last(tmp_path, seeds_dir):
    store = seeded_store(tmp_path, seeds_dir)
    events = store.events(store.event_ids(order="date"))
    starts = [e.earliest for e in events if e.earliest]
    assert starts == sorted(starts)
    reverse = store.event_ids(order="-date")
    assert reverse == list(reversed(store.event_ids(order="date")))
    for order in ("document", "doubt", "title", "status", "confidence", "sources", "-sources"):
        assert sorted(store.event_ids(order=order)) == sorted(store.event_ids())
    with pytest.raises(ValidationError):
        store.event_ids(order="colour")
    store.close()


def test_filters_by_status_tag_dates_document_flag_and_text(tmp_path, seeds_dir):
    store = seeded_store(tmp_path, seeds_dir)
    ids = store.event_ids()
    store.apply(SetStatus((ids[0], ids[1]), "accepted"))
    store.apply(AddTags((ids[1], ids[2]), ("nato", "aid")))
    store.apply(AddTags((ids[2],), ("brussels",)))

    assert store.event_ids(EventFilter(statuses=("accepted",))) == [ids[0], ids[1]]
    assert store.count_events(EventFilter(statuses=("accepted",))) == 2
    assert set(store.event_ids(EventFilter(tags=("nato",)))) == {ids[1], ids[2]}
    assert store.event_ids(EventFilter(tags=("nato", "brussels"))) == [ids[2]]
    assert store.event_ids(EventFilter(tags=("nato",), statuses=("accepted",))) == [ids[1]]
    assert store.tags() == ["aid", "brussels", "nato"]

    october = store.events(
        store.event_ids(EventFilter(date_from=dt.date(2024, 10, 17), date_to=dt.date(2024, 10, 17)))
    )
    assert october and all(e.earliest <= dt.date(2024, 10, 17) <= e.latest for e in october)
    titles = " ".join(e.title for e in october).lower()
    assert "brussels" in titles or "defen" in titles

    doc2 = store.documents()[1].id
    only2 = store.events(store.event_ids(EventFilter(document_id=doc2)))
    assert only2 and all(any(s.document_id == doc2 for s in e.sources) for e in only2)
    assert store.event_ids(EventFilter(flagged=True)) == []
    with pytest.raises(ValidationError):
        store.event_ids(EventFilter(statuses=("maybe",)))
    store.close()


def test_full_text_search_over_titles_notes_and_quotes(tmp_path, seeds_dir):
    store = seeded_store(tmp_path, seeds_dir)
    wiesbaden = store.event_ids(EventFilter(text="Wiesbaden"))
    assert len(wiesbaden) >= 1
    assert store.event_ids(EventFilter(text="wiesb")) == wiesbaden  # prefix while typing
    wiesbaden = wiesbaden[:1]
    store.apply(SetNote(wiesbaden[0], "check the logistics angle"))
    assert store.event_ids(EventFilter(text="logistics")) == wiesbaden
    # user input with FTS syntax characters never raises
    for text in ('"unbalanced', "AND OR NOT", "NATO-led (aid)", "€40"):
        store.event_ids(EventFilter(text=text))
    with pytest.raises(ValidationError, match="no words"):  # not every event, silently
        store.event_ids(EventFilter(text="*"))
    hits = store.search_documents("Zelenskyy victory plan")
    assert hits and all(h.snippet for h in hits)
    store.close()


def test_fts_tables_stay_in_sync_after_deletes(tmp_path, seeds_dir):
    from dateline.core.commands import DeleteEvent

    store = seeded_store(tmp_path, seeds_dir)
    ids = store.event_ids()
    store.apply(DeleteEvent(tuple(ids[:3])))
    fts = {r[0] for r in store.conn.execute("SELECT rowid FROM events_fts")}
    assert fts == set(store.event_ids())
    assert (
        store.conn.execute("INSERT INTO events_fts(events_fts) VALUES ('integrity-check')")
        is not None
    )
    store.close()


def test_audit_log_is_append_only(tmp_path, seeds_dir):
    store = seeded_store(tmp_path, seeds_dir)
    with pytest.raises(sqlite3.IntegrityError):
        store.conn.execute("DELETE FROM audit")
    with pytest.raises(sqlite3.IntegrityError):
        store.conn.execute("UPDATE audit SET who = 'someone else'")
    store.close()


def test_export_bundle_holds_chosen_events_with_documents_and_audit(tmp_path, seeds_dir):
    store = seeded_store(tmp_path, seeds_dir)
    ids = store.event_ids()
    store.apply(SetStatus((ids[1], ids[3]), "accepted"))
    bundle = store.export_bundle()
    assert [e.id for e in bundle.events] == [ids[1], ids[3]]
    assert {d.id for d in bundle.documents} == {
        s.document_id for e in bundle.events for s in e.sources
    }
    assert bundle.timexes and bundle.generated_at
    assert {a.entity_id for a in bundle.audit} == {ids[1], ids[3]}
    everything = store.export_bundle(statuses=())
    assert len(everything.events) == len(ids)
    none = store.export_bundle(EventFilter(statuses=("rejected",)), ("accepted",))
    assert none.events == ()
    store.close()


def test_events_overlapping_finds_short_and_long_events(tmp_path, seeds_dir):
    from dateline.core.commands import CreateEvent

    store = seeded_store(tmp_path, seeds_dir)
    doc = store.documents()[0]
    made = {}
    for value in ("199", "19", "2023-H2", "2024-10-18", "2020"):
        cmd = CreateEvent(doc.id, 0, 20, title=f"event {value}", value=value)
        store.apply(cmd)
        made[value] = cmd.created_id
    every = ("proposed", "accepted", "rejected", "edited")

    def ids(day):
        return {e.id for e in store.events_overlapping(day, day, statuses=every)}

    assert made["199"] in ids(dt.date(1995, 6, 1)) and made["19"] in ids(dt.date(1995, 6, 1))
    assert made["2023-H2"] in ids(dt.date(2023, 12, 31))
    assert made["2023-H2"] not in ids(dt.date(2024, 1, 1))
    oct18 = ids(dt.date(2024, 10, 18))
    assert made["2024-10-18"] in oct18 and made["199"] not in oct18 and made["2020"] not in oct18
    year = {
        e.id
        for e in store.events_overlapping(
            dt.date(2024, 1, 1), dt.date(2024, 12, 31), statuses=every
        )
    }
    expected = {e.id for e in store.events(store.event_ids()) if e.earliest and e.latest
                and e.earliest <= dt.date(2024, 12, 31) and e.latest >= dt.date(2024, 1, 1)}  # fmt: skip
    assert year == expected
    store.close()


def test_two_threads_opening_a_new_file_both_get_a_working_store(tmp_path):
    import threading

    path = tmp_path / "new.db"
    results: list[object] = []

    def opener() -> None:
        try:
            with Store.open(path) as s:
                results.append(s.schema_steps())
        except Exception as exc:  # reported below, the thread must not die silently
            results.append(exc)

    threads = [threading.Thread(target=opener) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [list(SCHEMA_STEPS)] * 4


@given(st.lists(st.text(), max_size=5))
def test_stored_term_lists_are_the_json_any_reader_expects(terms):
    # Match terms and alternatives are written without json.dumps when nothing needs escaping.
    assert terms_json(terms) == json.dumps(terms, ensure_ascii=False, separators=(",", ":"))
    assert json.loads(terms_json(terms)) == terms


def test_a_failed_write_inside_another_undoes_only_its_own_rows():
    """Writes nest as savepoints of one name: each failure undoes its own level, and what a level
    took in from the levels inside it."""
    import sqlite3

    from dateline.core.store.connection import write_transaction

    conn = sqlite3.connect(":memory:", isolation_level=None)
    conn.execute("CREATE TABLE t (x)")
    with write_transaction(conn):
        conn.execute("INSERT INTO t VALUES (1)")
        with write_transaction(conn):
            conn.execute("INSERT INTO t VALUES (2)")
            with pytest.raises(ValueError), write_transaction(conn):
                conn.execute("INSERT INTO t VALUES (3)")
                raise ValueError
            conn.execute("INSERT INTO t VALUES (4)")
        with pytest.raises(ValueError), write_transaction(conn):
            conn.execute("INSERT INTO t VALUES (5)")
            with write_transaction(conn):
                conn.execute("INSERT INTO t VALUES (6)")
            raise ValueError
    assert [r[0] for r in conn.execute("SELECT x FROM t")] == [1, 2, 4]
    assert not conn.in_transaction
