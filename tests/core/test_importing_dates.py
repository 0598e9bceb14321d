"""Importing without publication dates and setting them afterwards gives what importing with the dates
gives: the same events, sources and merges (ids aside)."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
from store_helpers import generated_articles, state

from dateline.core import services
from dateline.core.commands import SetPublished, SetStatus
from dateline.core.ingest import import_paths
from dateline.core.model import Status
from dateline.core.store import Store


def _undated_copy(folder: Path, dest: Path) -> dict[str, dt.date]:
    """``folder``'s articles without their manifest, and the dates the manifest gave them."""
    dest.mkdir()
    for f in folder.glob("*.txt"):
        shutil.copy(f, dest / f.name)
    manifest = json.loads((folder / "manifest.json").read_text("utf-8"))["articles"]
    return {name: dt.date.fromisoformat(entry["published"]) for name, entry in manifest.items()}


def _timeline(store: Store) -> list[tuple[object, ...]]:
    """Every event as the analyst sees it, with its sources by file name and position, no ids."""
    names = {d.id: Path(d.path).name for d in store.documents()}
    out = []
    for e in store.events(store.event_ids()):
        sources = sorted(
            (names[s.document_id], s.timex_start or -1, s.timex_end or -1, s.value)
            for s in e.sources
        )
        out.append((e.value, e.end or "", e.title, e.status.value, e.flags, tuple(sources)))
    return sorted(out)


def _dated_later(tmp_path: Path, folder: Path, backwards: bool) -> Store:
    dates = _undated_copy(folder, tmp_path / "undated")
    store = Store.open(tmp_path / "later.db")
    report = import_paths(store, [tmp_path / "undated"])
    assert len(report.undated) == len(dates)
    documents = store.documents()  # in import order, as the dated import read them
    for d in reversed(documents) if backwards else documents:
        services.set_published(store, d.id, dates[Path(d.path).name])
    return store


def _check_same(tmp_path: Path, folder: Path, backwards: bool = False) -> Store:
    dated = Store.open(tmp_path / "dated.db")
    import_paths(dated, [folder])
    later = _dated_later(tmp_path, folder, backwards)
    expected, got = _timeline(dated), _timeline(later)
    merged = [e for e in expected if len({s[0] for s in e[-1]}) > 1]
    assert merged, "the articles report some happenings together"
    assert len(got) == len(expected)
    assert got == expected
    dated.close()
    return later


@pytest.mark.parametrize("backwards", [False, True], ids=["in-import-order", "last-first"])
def test_seeds_imported_undated_then_dated_match_the_dated_import(tmp_path, seeds_dir, backwards):
    later = _check_same(tmp_path, seeds_dir, backwards)
    # nothing is left for a re-extraction to do, and it says so
    before = state(later)
    report = services.reextract(later)
    assert (report.events_added, report.events_redated, report.events_changed) == (0, 0, 0)
    assert state(later) == before
    later.close()


@pytest.mark.parametrize("backwards", [False, True], ids=["in-import-order", "last-first"])
def test_thirty_articles_imported_undated_then_dated_match_the_dated_import(tmp_path, backwards):
    folder = generated_articles(tmp_path / "gen", 30)
    _check_same(tmp_path, folder, backwards).close()


def test_setting_a_date_keeps_what_the_analyst_touched_and_undo_restores_everything(
    tmp_path, seeds_dir
):
    dates = _undated_copy(seeds_dir, tmp_path / "undated")
    store = Store.open(tmp_path / "p.db")
    import_paths(store, [tmp_path / "undated"])
    doc = store.documents()[0]
    mine = store.event_ids()[0]
    store.apply(SetStatus((mine,), "accepted"))
    accepted = store.event(mine)
    before = state(store)

    cmd = SetPublished(doc.id, dates[Path(doc.path).name])
    change = store.apply(cmd)
    kept = store.event(mine)  # the analyst's event keeps its id, title and date
    assert (kept.title, kept.value, kept.status) == (
        accepted.title,
        accepted.value,
        Status.ACCEPTED,
    )
    assert "untouched event" in change.message and "read again" in change.message
    assert any(e.value.startswith("2024-10") for e in store.events(store.event_ids()))
    store.revert(cmd)
    assert state(store) == before
    store.apply(cmd)  # redo
    assert store.event(mine).status == Status.ACCEPTED
    store.close()


def test_reextract_reports_what_it_really_changed(tmp_path, seeds_dir):
    """A date set by a Dateline that did not re-anchor (straight into the database): the next
    re-extraction re-dates and adds events, and its report counts exactly those changes."""
    dates = _undated_copy(seeds_dir, tmp_path / "undated")
    store = Store.open(tmp_path / "p.db")
    import_paths(store, [tmp_path / "undated"])
    for d in store.documents():
        day = dates[Path(d.path).name].isoformat()
        store.conn.execute("UPDATE documents SET published = ? WHERE id = ?", (day, d.id))
    store.conn.commit()
    old = {e.id: e for e in store.events(store.event_ids())}

    report = services.reextract(store)

    new = {e.id: e for e in store.events(store.event_ids())}
    added = set(new) - set(old)
    redated = {
        i for i in old if i in new and (new[i].value, new[i].end) != (old[i].value, old[i].end)
    }
    sourced = {
        i
        for i in old
        if i in new
        and i not in redated
        and (new[i].title, len(new[i].sources)) != (old[i].title, len(old[i].sources))
    }
    assert report.events_added == len(added) > 0
    assert report.events_redated == len(redated) > 0
    assert report.events_changed == len(sourced)
    assert f"{len(added)} new events, {len(redated)} re-dated" in report.summary()
    store.close()
