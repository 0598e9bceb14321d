"""Copies of one article are linked at import and never counted as independent reports."""

from __future__ import annotations

import json
import sqlite3

from test_fingerprint import OTHER, REPUBLISHED, WIRE

from dateline.core.corroboration import (
    copies_reporting,
    corroboration_text,
    independent_documents,
)
from dateline.core.ingest import copies, import_paths
from dateline.core.store import Store
from dateline.core.timeline.items import build_items


def _folder(tmp_path, name, files):
    folder = tmp_path / name
    folder.mkdir()
    for file, text in files.items():
        (folder / file).write_text(text, encoding="utf-8")
    manifest = {f: {"published": "2007-07-09"} for f in files if f.endswith(".txt")}
    (folder / "manifest.json").write_text(json.dumps({"articles": manifest}), encoding="utf-8")
    return folder


def _html_copy(text):
    headline, *paragraphs = [p for p in text.split("\n") if p]
    return (
        "<html><head><title>Boeing rolls out 787 | Outlet</title>"
        '<meta property="article:published_time" content="2007-07-09"></head><body>'
        f"<nav>Home World Business</nav><article><h1>{headline}</h1>"
        '<p class="byline">By Staff Reporter</p><div class="share">Share on Facebook</div>'
        + "".join(f"<p>{p}</p>" for p in paragraphs)
        + "<p>ADVERTISEMENT</p></article><footer>© 2007</footer></body></html>"
    )


def _events_by_document(store):
    events = store.events(store.event_ids())
    docs = {d.id: d.path.rsplit("/", 1)[-1] for d in store.documents()}
    return events, docs


def test_the_txt_and_html_copies_of_one_article_are_one_report(tmp_path):
    alone = Store.open(tmp_path / "alone.db")
    import_paths(alone, [_folder(tmp_path, "one", {"rollout.txt": WIRE})])
    folder = _folder(tmp_path, "two", {"rollout.txt": WIRE, "rollout.html": _html_copy(WIRE)})
    store = Store.open(tmp_path / "p.db")
    report = import_paths(store, [folder])

    assert len(report.imported) == 2 and not report.duplicates  # both copies are kept
    [(path, doc, original, original_path)] = report.copies
    assert path.endswith("rollout.txt") and original_path.endswith("rollout.html")
    assert "1 copy of articles already imported" in report.summary()
    copy_of = dict(store.conn.execute("SELECT id, copy_of FROM documents").fetchall())
    assert copy_of == {original: None, doc: original}

    events, _ = _events_by_document(store)
    assert all(independent_documents(e) == 1 for e in events)
    both = [e for e in events if {s.document_id for s in e.sources} == {doc, original}]
    assert len(both) >= 8  # every dated report of the article, told by both copies
    assert "in 1 independent document (and 1 copy)" in corroboration_text(both[0])
    # the copy's reports joined the original's events: no more events than one copy gives
    assert len(events) <= alone.count_events() + 1
    items, _ = build_items(events)
    assert all(it.independent == 1 for it in items)
    alone.close()
    store.close()


def test_a_syndicated_wire_copy_with_another_headline_and_byline_is_linked(tmp_path):
    store = Store.open(tmp_path / "p.db")
    import_paths(store, [_folder(tmp_path, "wire", {"reuters.txt": WIRE})])
    report = import_paths(store, [_folder(tmp_path, "outlet", {"outlet.txt": REPUBLISHED})])

    [(path, doc, original, _)] = report.copies
    assert path.endswith("outlet.txt")
    assert store.document(original).path.endswith("reuters.txt")
    events, _ = _events_by_document(store)
    assert all(independent_documents(e) == 1 for e in events)
    shared = [e for e in events if {s.document_id for s in e.sources} == {doc, original}]
    assert len(shared) >= 6
    rollout = [e for e in shared if e.value == "2007-07-08"]
    assert rollout and copies_reporting(rollout[0]) == 1
    # why the copy's report joined: said on its source, as matching evidence is
    joined = {s.joined for e in shared for s in e.sources if s.document_id == doc}
    assert any("a copy" in j and str(original) in j for j in joined)
    store.close()


def test_two_reporters_on_one_event_stay_independent(tmp_path, seeds_dir):
    # Two articles on one press conference, sharing names, figures and quotes.
    store = Store.open(tmp_path / "p.db")
    report = import_paths(store, [seeds_dir])
    assert report.copies == ()
    assert [r[0] for r in store.conn.execute("SELECT copy_of FROM documents")] == [None, None]
    events, _ = _events_by_document(store)
    told_by_both = [e for e in events if independent_documents(e) == 2]
    assert len(told_by_both) >= 5
    assert corroboration_text(told_by_both[0]).endswith("in 2 independent documents")
    items, _ = build_items(events)
    assert {e.id: independent_documents(e) for e in events} == {
        it.id: it.independent for it in items
    }
    store.close()


def test_a_copy_of_a_copy_links_to_the_first_article(tmp_path):
    store = Store.open(tmp_path / "p.db")
    import_paths(store, [_folder(tmp_path, "a", {"first.txt": WIRE})])
    import_paths(store, [_folder(tmp_path, "b", {"second.html": _html_copy(WIRE)})])
    report = import_paths(store, [_folder(tmp_path, "c", {"third.txt": REPUBLISHED})])
    first = next(d.id for d in store.documents() if d.path.endswith("first.txt"))
    assert [(r[0].rsplit("/", 1)[-1], r[2]) for r in report.copies] == [("third.txt", first)]
    store.close()


def test_a_project_from_before_copies_were_looked_for_gets_its_copies_linked(tmp_path):
    from sqlite_utils import Database

    from dateline.core.store.schema import migrations

    path = tmp_path / "old.db"
    db = Database(str(path))
    migrations.apply(db, stop_before="m012_document_copies")
    for i, text in enumerate([WIRE, OTHER, REPUBLISHED], start=1):
        db.execute(
            "INSERT INTO documents (id, content_hash, title, text, published, path) "
            "VALUES (?, ?, ?, ?, '2007-07-09', ?)",
            (i, f"h{i}", text.split("\n")[0], text, f"/old/{i}.txt"),
        )
    db.conn.commit()
    db.close()

    with Store.open(path) as store:
        report = import_paths(store, [_folder(tmp_path, "new", {"html.html": _html_copy(WIRE)})])
        links = dict(store.conn.execute("SELECT id, copy_of FROM documents").fetchall())
        assert links[1] is None and links[2] is None and links[3] == 1  # the republished wire
        assert [r[2] for r in report.copies] == [1]  # the new page copies the first article too
        assert store.conn.execute("SELECT count(*) FROM document_fingerprints").fetchone()[0] == 4
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    conn.close()


# A paragraph every article of one outlet ends with: its keys are held by every stored document.
_STOCK = (
    "About the Northfield Courier: the Courier has reported on the towns of the northern valley "
    "since its first edition, and its newsroom welcomes letters, corrections and tips from readers "
    "by post, by telephone and through the form on its website, every day of the week."
)
_NAMES = "Ada Bela Cato Dora Emil Fern Gale Hugo Iris Joel Kira Liam Mona Nils Opal Piet".split()


def _local_story(i):
    a, b = _NAMES[i % 16], _NAMES[(i // 16) % 16]
    return (
        f"Council of district {i} meets about road {i * 7}\n\n"
        f"{a} {b} told the district {i} council on Monday that road {i * 7} needs {i + 3} new "
        f"lamps, and councillor {b} {a} asked for a vote on budget line {i * 13} before winter.\n"
        f"{_STOCK}\n"
    )


def test_an_original_older_than_many_articles_sharing_a_stock_paragraph_is_still_found(tmp_path):
    store = Store.open(tmp_path / "p.db")
    import_paths(store, [_folder(tmp_path, "wire", {"reuters.txt": WIRE + "\n" + _STOCK + "\n"})])
    # more articles sharing the stock paragraph than a key counts documents for (copies.POSTINGS)
    stories = {f"local{i:03d}.txt": _local_story(i) for i in range(80)}
    report = import_paths(store, [_folder(tmp_path, "local", stories)])
    assert len(report.imported) == 80 and report.copies == ()
    crowded = "SELECT max(n) FROM (SELECT count(*) AS n FROM fingerprint_keys GROUP BY key)"
    assert store.conn.execute(crowded).fetchone()[0] > copies.POSTINGS
    report = import_paths(
        store, [_folder(tmp_path, "outlet", {"outlet.txt": REPUBLISHED + "\n" + _STOCK + "\n"})]
    )
    [(path, _, original, _)] = report.copies
    assert path.endswith("outlet.txt")
    assert store.document(original).path.endswith("reuters.txt")
    store.close()
