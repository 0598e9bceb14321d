"""Importing files: the seed acceptance, idempotence, bad input, cancel, re-extraction."""

from __future__ import annotations

import gc
import json
import os

from store_helpers import seeded_store, state

from dateline.core import services
from dateline.core.commands import EditEvent, SetDate, SetStatus
from dateline.core.errors import Cancelled
from dateline.core.ingest import content_hash, import_paths
from dateline.core.model import Status
from dateline.core.store import Store


def _phrase_source(store, event, doc_name, phrase):
    docs = {d.id: d for d in store.documents()}
    return any(
        docs[s.document_id].path.endswith(doc_name) and phrase.lower() in s.quote.lower()
        for s in event.sources
    )


def test_seeds_give_the_seven_gold_events_with_sources_from_both_articles(
    tmp_path, seeds_dir, gold
):
    store = seeded_store(tmp_path, seeds_dir)
    events = store.events(store.event_ids())
    assert all(e.status == Status.PROPOSED for e in events)
    for g in gold["events"]:
        # the event of that date that quotes the gold sentences: exactly one stored event holds them all
        matching = [
            e
            for e in events
            if e.value == g["value"] and e.end == g.get("end")
            and all(_phrase_source(store, e, doc, phrase) for doc, phrase in g["sources"])
        ]  # fmt: skip
        assert len(matching) == 1, g["id"]
    store.close()


def test_importing_again_adds_nothing(tmp_path, seeds_dir):
    store = seeded_store(tmp_path, seeds_dir)
    before = state(store)
    audit = len(store.history())
    report = import_paths(store, [seeds_dir])
    assert report.imported == () and len(report.duplicates) == 2
    assert report.summary().startswith("0 imported, 2 duplicates")
    assert state(store) == before and len(store.history()) == audit
    # the same text re-saved with Windows line endings is the same article
    copy = tmp_path / "copy.txt"
    text = (seeds_dir / "000_4469d01aed9a9573.txt").read_text(encoding="utf-8")
    copy.write_bytes(text.replace("\n", "\r\n").encode("utf-8"))
    assert import_paths(store, [copy]).duplicates == (str(copy),)
    store.close()


def test_content_hash_ignores_line_endings_and_trailing_space():
    assert content_hash("a\r\nb  \n") == content_hash("a\nb")
    assert content_hash("a b") != content_hash("a  b")


def test_one_audit_row_per_imported_document(tmp_path, seeds_dir):
    store = seeded_store(tmp_path, seeds_dir)
    rows = [h for h in store.history() if h.action == "import" and h.entity == "document"]
    assert [r.entity_id for r in rows] == [d.id for d in store.documents()]
    assert rows[0].after["published"] == "2024-10-16" and rows[0].after["events_added"]
    store.close()


def _bad_folder(tmp_path):
    folder = tmp_path / "mixed"
    folder.mkdir()
    good = {
        "good.txt": "Summit held in Vilnius\n\nLeaders met in Vilnius on 11 July 2023 and agreed a plan.\n",
        "cp1252.txt": None,
        "impossible.txt": "Budget talk\n\nThe vote was set for 30 February 2024, which cannot be; "
        "the real vote happened on 1 March 2024.\n",
        "page.html": "<html><head><title>Aid pledged</title><meta name='date' content='2024-05-02'></head>"
        "<body><article><p>Donors pledged aid on 2 May 2024 in Paris.</p><p>More talks follow in June.</p>"
        "</article></body></html>",
    }
    for name, text in good.items():
        if text is not None:
            (folder / name).write_text(text, encoding="utf-8")
    (folder / "cp1252.txt").write_bytes(
        "Café meeting\n\nThe ministers’ café meeting on 5 June 2024 cost €5,000 — “too much”.\n".encode(
            "cp1252"
        )
    )
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 40 + b"\x00\x00\xff\xfe" * 100)
    (folder / "empty.txt").write_bytes(b"")
    with open(folder / "huge.txt", "wb") as f:
        line = b"The council met on 3 March 2024 to discuss the budget again and again.\n"
        f.write(line * (50 * 1024 * 1024 // len(line) + 1))
    (folder / "broken.html").write_text("<html><body><div><p>", encoding="utf-8")
    return folder, set(good), {"binary.txt", "empty.txt", "huge.txt", "broken.html"}


def test_bad_input_folder_imports_every_good_file_and_names_every_bad_one(tmp_path):
    folder, good, bad = _bad_folder(tmp_path)
    store = Store.open(tmp_path / "p.db")
    report = import_paths(store, [folder])
    imported = {os.path.basename(p) for p, _ in report.imported}
    failed = {os.path.basename(p): reason for p, reason in report.failed}
    assert imported == good
    assert set(failed) == bad
    assert all(reason and len(reason) > 5 for reason in failed.values())
    assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert store.conn.execute("PRAGMA foreign_key_check").fetchall() == []
    cafe = next(d for d in store.documents() if d.path.endswith("cp1252.txt"))
    assert "ministers’ café" in cafe.text and "€5,000" in cafe.text
    impossible = next(d for d in store.documents() if d.path.endswith("impossible.txt"))
    values = {t.value for t in store.timexes(impossible.id)}
    assert "2024-03-01" in values and "2024-02-30" not in values
    store.close()


def test_cancel_keeps_committed_files_and_lists_the_rest(tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(5):
        (folder / f"a{i}.txt").write_text(
            f"Report {i}\n\nTalks were held on {i + 1} May 2024 in city {i}.\n"
        )
    store = Store.open(tmp_path / "p.db")
    seen = []

    def progress(done, total, path):
        seen.append((done, total))
        if done == 2:
            raise Cancelled()

    report = import_paths(store, [folder], progress=progress)
    assert report.cancelled and len(report.imported) == 2
    assert [os.path.basename(p) for p in report.not_processed] == ["a2.txt", "a3.txt", "a4.txt"]
    assert len(store.documents()) == 2
    assert seen[0] == (0, 5)
    calls = iter([False, True])
    report = import_paths(store, [folder], cancel=lambda: next(calls, True))
    assert report.cancelled and len(report.duplicates) == 1
    rest = import_paths(store, [folder])
    assert len(rest.imported) == 3 and not rest.cancelled
    assert "cancelled" not in rest.summary()
    store.close()


def test_an_import_never_touches_the_garbage_collector_unless_asked(tmp_path):
    # The collector is process-wide: only a caller that asks (full_collections_held) pauses its full
    # passes and spaces its young ones, and only inside its block, cancelled or not.
    from dateline.core.ingest.collector import full_collections_held

    folder = tmp_path / "few"
    folder.mkdir()
    for i in range(3):
        (folder / f"a{i}.txt").write_text(f"Report {i}\n\nTalks were held on {i + 1} May 2024.\n")
    before = gc.get_threshold()
    during = []

    def progress(done, total, path):
        during.append(gc.get_threshold())
        if done == 1:
            raise Cancelled()

    with Store.open(tmp_path / "p.db") as store:
        assert import_paths(store, [folder], progress=progress).cancelled
        assert during == [before, before]
        during.clear()
        with full_collections_held():
            assert import_paths(store, [folder], progress=progress).cancelled
        assert gc.get_threshold() == before
        assert during[0][0] >= max(before[0], 10_000) and during[0][1] == before[1]
        assert during[0][2] > before[2]
        assert len(import_paths(store, [folder]).imported) == 2
    assert gc.get_threshold() == before


def test_json_collection_imports_each_record(tmp_path):
    path = tmp_path / "feed.jsonl"
    rows = [
        {
            "title": "One",
            "text": "Alpha talks opened on 4 April 2024 in Rome.",
            "published": "2024-04-05",
        },
        {
            "title": "Two",
            "text": "Beta talks opened on 9 April 2024 in Oslo.",
            "published": "2024-04-10",
        },
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    store = Store.open(tmp_path / "p.db")
    report = import_paths(store, [path])
    assert len(report.imported) == 2
    assert sorted(d.title for d in store.documents()) == ["One", "Two"]
    assert {e.value for e in store.events(store.event_ids())} >= {"2024-04-04", "2024-04-09"}
    store.close()


def test_reextract_never_duplicates_and_never_overwrites_analyst_work(
    tmp_path, seeds_dir, monkeypatch
):
    store = seeded_store(tmp_path, seeds_dir)
    ids = store.event_ids()
    store.apply(SetStatus((ids[0],), "accepted"))
    store.apply(SetDate(ids[1], "2024-07-10"))
    store.apply(EditEvent(ids[2], {"title": "Analyst title", "notes": "keep me"}))
    reviewed = {e.id: e for e in store.events(ids[:3])}
    count = len(ids)

    import dateline.core.temporal as temporal

    monkeypatch.setattr(temporal, "EXTRACTOR_VERSION", "temporal-99")
    report = services.reextract(store)
    assert report.documents == 2 and report.extractor_version == "temporal-99"
    assert report.events_added == 0
    assert len(store.event_ids()) == count
    after = {e.id: e for e in store.events(ids[:3])}
    for eid, before in reviewed.items():
        a = after[eid]
        assert (a.title, a.value, a.status, a.notes) == (
            before.title,
            before.value,
            before.status,
            before.notes,
        )
    assert all(
        t.extractor_version if hasattr(t, "extractor_version") else True for t in store.timexes(1)
    )
    versions = {r[0] for r in store.conn.execute("SELECT extractor_version FROM timexes")}
    assert versions == {"temporal-99"}
    # a second run changes nothing at all
    snapshot = state(store)
    services.reextract(store)
    assert state(store) == snapshot
    store.close()


def _first_seed_stored_second_proposed(tmp_path, seeds_dir):
    """A store holding the first seed article, and the second article's proposals (not stored)."""
    from dateline.core.engine import propose
    from dateline.core.readers import read_articles

    first = tmp_path / "first"
    first.mkdir()
    name_a, name_b = "000_4469d01aed9a9573.txt", "001_be753c90a74e32cd.txt"
    (first / name_a).write_bytes((seeds_dir / name_a).read_bytes())
    (first / "manifest.json").write_bytes((seeds_dir / "manifest.json").read_bytes())
    store = Store.open(tmp_path / "p.db")
    import_paths(store, [first])
    (art,) = read_articles(seeds_dir / name_b)
    return store, propose([art.article("999")])


def _reference_match(stored, p):
    """What matching must pick: over every stored proposed event, the strongest MERGE evidence,
    then a stated date, then the oldest event."""
    from dateline.core.happening.profile import of_proposal, of_record
    from dateline.core.happening.same import Verdict, compare

    mine = of_proposal(p)
    best, rank = None, None
    for r in stored:
        if r.status != Status.PROPOSED or r.earliest is None:
            continue
        prof = of_record(r)
        ev = compare(mine, prof, matching=True)
        if ev.verdict == Verdict.MERGE and (rank is None or (ev.score, prof.stated, -r.id) > rank):
            best, rank = r.id, (ev.score, prof.stated, -r.id)
    return best


def test_sql_and_indexed_matching_pick_what_comparing_every_event_picks(tmp_path, seeds_dir):
    from dateline.core.ingest import Ingest
    from dateline.core.ingest.matchindex import MatchIndex
    from dateline.core.ingest.matching import match_stored

    store, proposals = _first_seed_stored_second_proposed(tmp_path, seeds_dir)
    stored = store.events(store.event_ids())
    ingest = Ingest(store)
    matched = 0
    for _ in range(2):  # the second round runs on the warm profile cache and index
        index = MatchIndex(store.conn)
        for p in proposals:
            expected = _reference_match(stored, p)
            by_sql = match_stored(ingest, p)
            by_index = match_stored(ingest, p, index=index)
            assert (by_sql and by_sql[0]) == expected, p.title
            assert (by_index and by_index[0]) == expected, p.title
            matched += expected is not None
    assert matched >= 10  # the seven gold happenings, five reported by both articles, and more
    store.close()


def _one_line_articles(folder, sentences, published="2023-05-10"):
    import json

    folder.mkdir()
    manifest = {}
    for i, sentence in enumerate(sentences):
        name = f"a{i:04d}.txt"
        (folder / name).write_text(f"Report {i}\n\n{sentence}\n", encoding="utf-8")
        manifest[name] = {"published": published}
    (folder / "manifest.json").write_text(json.dumps({"articles": manifest}), encoding="utf-8")


def test_in_a_large_store_a_common_word_alone_does_not_merge_but_a_re_report_does(tmp_path):
    """With hundreds of events sharing "Brussels" and "signed", the one an article reports again is
    still found, and an unrelated signing in Brussels that day stays its own event."""
    import random

    rnd = random.Random(3)
    letters = "bcdfgklmnprstvz"

    def word():
        return "".join(rnd.choice(letters) + rnd.choice("aeiou") for _ in range(4))

    sentences = [
        f"The {word()} signed the {word()} {word()} in Brussels on 3 May 2023, officials said."
        for _ in range(160)
    ]
    _one_line_articles(tmp_path / "first", sentences)
    store = Store.open(tmp_path / "p.db")
    import_paths(store, [tmp_path / "first"])
    before = store.count_events()
    reported = sentences[40]
    unrelated = f"The {word()} signed the {word()} {word()} in Brussels on 3 May 2023, aides said."
    _one_line_articles(tmp_path / "second", [reported, unrelated], published="2023-05-11")
    import_paths(store, [tmp_path / "second"])
    assert store.count_events() == before + 1  # only the unrelated signing is new
    events = store.events(store.event_ids())
    (again,) = [e for e in events if len({s.document_id for s in e.sources}) == 2]
    assert {s.quote for s in again.sources} == {reported}
    (alone,) = [e for e in events if any(s.quote == unrelated for s in e.sources)]
    assert len(alone.sources) == 1
    store.close()


def test_matching_between_imports_sees_edits_made_in_between(tmp_path, seeds_dir):
    """The import's matching index outlives one file only while nothing else writes."""
    name_a, name_b = "000_4469d01aed9a9573.txt", "001_be753c90a74e32cd.txt"
    folders = {}
    for name in (name_a, name_b):
        folder = folders[name] = tmp_path / name[:3]
        folder.mkdir()
        (folder / name).write_bytes((seeds_dir / name).read_bytes())
        (folder / "manifest.json").write_bytes((seeds_dir / "manifest.json").read_bytes())
    store = Store.open(tmp_path / "p.db")
    import_paths(store, [folders[name_a]])
    (hub,) = [e for e in store.events(store.event_ids()) if e.value == "2024-11"]
    store.apply(SetStatus((hub.id,), "rejected"))
    import_paths(store, [folders[name_b]])
    rejected = store.event(hub.id)
    assert rejected.sources == hub.sources  # a rejected event gains no sources
    again = [e for e in store.events(store.event_ids()) if e.id != hub.id and e.value == "2024-11"]
    assert len(again) == 1 and again[0].status == Status.PROPOSED
    store.close()


def test_every_imported_event_is_found_by_its_title_and_by_its_quotes(tmp_path, seeds_dir):
    """Imports write an event's search row once its sources are in; nothing is left unindexed."""
    from dateline.core.store import EventFilter

    store = Store.open(tmp_path / "p.db")
    import_paths(store, [seeds_dir])
    conn = store.conn
    assert conn.execute("SELECT count(*) FROM events WHERE search_pending != 0").fetchone()[0] == 0
    conn.execute("INSERT INTO events_fts(events_fts) VALUES ('integrity-check')")
    events = store.events(store.event_ids())
    assert len(events) >= 7
    for event_id, quotes in conn.execute("SELECT id, quotes FROM events"):
        # each of its sources' quotes, once, in order
        rows = conn.execute("SELECT quote FROM sources WHERE event_id = ? ORDER BY id", (event_id,))
        assert quotes == " ".join(q for (q,) in rows)
    for e in events:
        title_word = max(e.title.replace(":", " ").split(), key=len).strip("’'\".,;()")
        assert e.id in store.event_ids(EventFilter(text=title_word)), (e.title, title_word)
        for s in e.sources:  # a word only the quote has
            quote_word = max(s.quote.split(), key=len).strip("’'\".,;()…")
            assert e.id in store.event_ids(EventFilter(text=quote_word)), (s.quote, quote_word)
    wiesbaden = store.events(store.event_ids(EventFilter(text="Wiesbaden")))
    assert any(e.value == "2024-11" and len(e.sources) >= 2 for e in wiesbaden)
    store.close()


def _seed_folders(tmp_path, seeds_dir, names):
    folders = []
    for name in names:
        folder = tmp_path / name[:3]
        folder.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes((seeds_dir / name).read_bytes())
        (folder / "manifest.json").write_bytes((seeds_dir / "manifest.json").read_bytes())
        folders.append(folder)
    return folders


def test_merged_event_titles_do_not_depend_on_which_article_came_first(tmp_path, seeds_dir):
    names = sorted(p.name for p in seeds_dir.glob("*.txt"))
    timelines = []
    for run, order in enumerate((names, names[::-1])):
        store = Store.open(tmp_path / f"{run}.db")
        for folder in _seed_folders(tmp_path / str(run), seeds_dir, order):
            import_paths(store, [folder])
        timelines.append(
            sorted((e.value, e.title, len(e.sources)) for e in store.events(store.event_ids()))
        )
        store.close()
    assert timelines[0] == timelines[1]
    titles = {t for _, t, _ in timelines[0]}
    assert "NATO summit in Washington" in titles  # says where, over "NATO leaders' summit"


def test_a_title_replaced_by_a_later_report_is_in_the_history(tmp_path, seeds_dir):
    names = sorted(p.name for p in seeds_dir.glob("*.txt"))
    first, second = _seed_folders(tmp_path, seeds_dir, names[::-1])
    store = Store.open(tmp_path / "p.db")
    import_paths(store, [first])
    before = {e.id: e.title for e in store.events(store.event_ids())}
    import_paths(store, [second])
    changed = {
        e.id: (before[e.id], e.title) for e in store.events(list(before)) if e.title != before[e.id]
    }
    assert changed  # e.g. "NATO leaders' summit" -> "NATO summit in Washington"
    for eid, (old, new) in changed.items():
        entries = [h for h in store.history(eid) if h.action == "import" and "title" in h.after]
        assert entries and entries[-1].before["title"] == old and entries[-1].after["title"] == new
    store.close()


def test_the_index_an_import_keeps_holds_what_the_stored_events_say(tmp_path, seeds_dir):
    """Matching during an import reads events from memory, kept as it writes them (some worked out
    from their proposal, not read back): each must be what the stored event gives, or an article
    would match differently depending on whether it came in the same import or a later one."""
    from dateline.core.happening import profile as profiles
    from dateline.core.ingest import Ingest
    from support.articles import generated_folder

    (tmp_path / "gen").mkdir()
    generated_folder(tmp_path / "gen", 40)
    store = Store.open(tmp_path / "p.db")
    ingest = Ingest(store)
    ingest.workers = 0
    ingest.import_paths([seeds_dir, tmp_path / "gen"])
    index = ingest.index
    assert index is not None
    proposed = [e for e in store.events(store.event_ids()) if e.status == Status.PROPOSED]
    indexed = [e for e in proposed if e.id in index.profiles]
    assert len(indexed) > 300
    for event in indexed:
        assert index.profiles[event.id] == profiles.of_record(event), event.title
    store.close()
