"""Big files: progress inside a file, Cancel at the next step, nothing half stored.

The sizes are kept small for the test run by making the pieces small (``pieces.LONG``/``PIECE``);
``benchmarks/big_files.py`` measures the same on 5 MB files.
"""

from __future__ import annotations

import datetime as dt
import importlib
import sqlite3

import pytest

from dateline.core import engine
from dateline.core.errors import Cancelled
from dateline.core.ingest import import_paths, pieces
from dateline.core.ingest.watch import Watch
from dateline.core.model import Article
from dateline.core.store import Store
from support.articles import article_dump, long_article

FINGERPRINT = "dateline.core.readers.fingerprint"


@pytest.fixture
def small_pieces(monkeypatch):
    monkeypatch.setattr(pieces, "LONG", 30_000)
    monkeypatch.setattr(pieces, "PIECE", 20_000)


def _files(tmp_path, long_size=120_000):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a_short.txt").write_text(
        "Summit held in Vilnius\n\nLeaders met in Vilnius on 11 July 2023 and agreed a plan.\n",
        "utf-8",
    )
    (folder / "b_long.txt").write_text(long_article(long_size), "utf-8")
    (folder / "c_short.txt").write_text(
        "Aid pledged\n\nDonors pledged aid on 2 May 2024 in Paris.\n", "utf-8"
    )
    return folder


def _integrity(store):
    assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert store.conn.execute("PRAGMA foreign_key_check").fetchall() == []


def test_a_long_article_reports_progress_as_it_is_read_analysed_and_stored(tmp_path, small_pieces):
    seen: list[tuple[int, int, str]] = []
    store = Store.open(tmp_path / "p.db")
    report = import_paths(
        store, [_files(tmp_path)], published=dt.date(2020, 1, 1), progress=lambda *a: seen.append(a)
    )
    assert len(report.imported) == 3 and not report.failed
    inside = [t for d, n, t in seen if "b_long.txt: " in t]
    assert [d for d, n, t in seen if "b_long.txt" in t] == [1] * (len(inside) + 1)
    analysed = [t for t in inside if "analysed" in t]
    assert len(analysed) >= 6 and analysed[-1].endswith("0.1 of 0.1 MB")
    assert sum("storing part" in t for t in inside) >= 5
    assert seen[-1] == (3, 3, "")
    long_doc = next(d for d in store.documents() if d.path.endswith("b_long.txt"))
    whole = engine.find_timexes(Article("x", long_doc.text, published=dt.date(2020, 1, 1)))
    assert [(t.start, t.value) for t in store.timexes(long_doc.id)] == [
        (t.start, t.value) for t in whole
    ]
    _integrity(store)
    store.close()


@pytest.mark.parametrize(("at", "nth"), [("analysed", 2), ("storing part", 3), ("comparing", 2)])
def test_cancel_inside_a_long_article_keeps_what_was_committed(
    tmp_path, small_pieces, monkeypatch, at, nth
):
    # the fingerprint of a long text is taken in steps too
    monkeypatch.setattr(importlib.import_module(FINGERPRINT), "STEP_CHARS", 50_000)
    folder = _files(tmp_path)
    store = Store.open(tmp_path / "p.db")
    hits = []

    def progress(done, total, text):
        if at in text:
            hits.append(text)
            if len(hits) == nth:
                raise Cancelled()

    report = import_paths(store, [folder], progress=progress)
    assert report.cancelled and len(hits) == nth
    assert [p.rsplit("/", 1)[-1] for p, _ in report.imported] == ["a_short.txt"]
    assert [p.rsplit("/", 1)[-1] for p in report.not_processed] == ["b_long.txt", "c_short.txt"]
    assert [d.path.rsplit("/", 1)[-1] for d in store.documents()] == ["a_short.txt"]
    events = store.events(store.event_ids())
    assert {s.document_id for e in events for s in e.sources} == {store.documents()[0].id}
    _integrity(store)
    again = import_paths(store, [folder])  # the rest is imported later, once
    assert len(again.imported) == 2 and len(again.duplicates) == 1
    store.close()


def test_cancel_inside_a_dump_keeps_the_articles_committed_and_says_what_is_left(tmp_path):
    text, n = article_dump(40_000)
    path = tmp_path / "dump.txt"
    path.write_text(text, "utf-8")
    store = Store.open(tmp_path / "p.db")
    asked = []

    def progress(done, total, what):
        asked.append(what)
        if what.endswith(f"article 6 of {n}"):
            raise Cancelled()

    report = import_paths(store, [path], progress=progress)
    assert report.cancelled and report.not_processed == (str(path),)
    assert report.partly == ((str(path), 5, n),)
    assert len(report.imported) == 5 == len(store.documents())
    assert [a for a in asked if "article" in a][:2] == [
        f"{path}: article 1 of {n}",
        f"{path}: article 2 of {n}",
    ]
    rest = import_paths(store, [path])
    assert len(rest.duplicates) == 5 and len(rest.imported) == n - 5
    store.close()


def test_a_cancel_stops_a_long_statement(tmp_path):
    store = Store.open(tmp_path / "p.db")
    flag = []
    watch = Watch(None, lambda: bool(flag), 1)
    slow = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT max(i) FROM n"
    with pytest.raises(Cancelled), store.transaction() as tx, watch.sql_guard(tx.conn):
        tx.conn.execute("INSERT INTO project (key, value) VALUES ('half', 'done')")
        flag.append(True)
        tx.conn.execute(slow).fetchone()
    assert store.conn.execute("SELECT count(*) FROM project WHERE key = 'half'").fetchone()[0] == 0
    with store.transaction() as tx, watch.sql_guard(tx.conn):  # the handler is gone afterwards
        flag.clear()
        tx.conn.execute("SELECT count(*) FROM events").fetchone()
    store.close()
    with pytest.raises(sqlite3.ProgrammingError):
        store.conn.execute("SELECT 1")


def test_pieces_of_a_long_article_find_what_the_whole_article_gives(small_pieces):
    text = long_article(90_000)
    article = Article("x", text, published=dt.date(2019, 5, 1))
    whole = engine.analyse(article)
    reading = pieces.read(article)
    assert len(reading.parts) >= 4
    assert reading.timexes == whole.timexes
    assert sorted(
        (s.start, s.end, s.value) for p in reading.proposals for s in p.sources
    ) == sorted((s.start, s.end, s.value) for p in whole.proposals for s in p.sources)
    for p in reading.proposals:
        for s in p.sources:
            assert text[s.sentence_start : s.sentence_end] == s.sentence
            assert text[s.start : s.end] == s.text or s.rule in ("headline", "story", "continues")


def test_a_date_broken_over_a_cut_between_pieces_is_found_whole(small_pieces):
    text = long_article(90_000)
    cut = pieces.piece_bounds(text)[1]
    text = text[: cut - 1] + " next\nMonday the panel met again." + text[cut - 1 :]
    assert text.find("next\nMonday") + len("next\n") in pieces.piece_bounds(text)
    article = Article("x", text, published=dt.date(2019, 5, 1))
    found = [(t.start, t.text) for t in pieces.read(article).timexes]
    assert found == [(t.start, t.text) for t in engine.find_timexes(article)]
    assert any(t == "next\nMonday" for _, t in found)
