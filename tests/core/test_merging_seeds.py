"""Issue 5, acceptance 1 at the store layer: the seeds' happenings reported by both articles are one
event each; merge then split restores the originals exactly; re-dating one source flags a conflict."""

from __future__ import annotations

from dataclasses import replace

import pytest
from store_helpers import seeded_store, state

from dateline.core import services
from dateline.core.commands import MergeEvents, SetSourceValue, SplitEvent
from dateline.core.conflicts import DATE_CONFLICT


@pytest.fixture
def store(tmp_path, seeds_dir):
    s = seeded_store(tmp_path, seeds_dir)
    yield s
    s.close()


def _docs_by_name(store):
    return {d.id: d.path.rsplit("/", 1)[-1] for d in store.documents()}


def _events_quoting(store, value, *phrases):
    """Stored events of ``value`` whose sources quote every phrase."""
    out = []
    for e in store.events(store.event_ids()):
        quotes = " ".join(s.quote for s in e.sources).lower()
        if e.value == value and all(p.lower() in quotes for p in phrases):
            out.append(e)
    return out


# (value, a phrase from each article that reports it)
HAPPENINGS = {
    "press conference": (
        "2024-10-16",
        "Rutte said Wednesday",
        "press conference on Wednesday",
        "Rutte said on Wednesday",
    ),
    "victory plan": ("2024-10-16", "presented Wednesday to Ukraine", "parliament on Wednesday"),
    "H1 commitments": ("2024-H1", "first half"),
    "Wiesbaden hub": ("2024-11", "Wiesbaden"),
}


@pytest.mark.parametrize("name", HAPPENINGS)
def test_each_happening_is_one_event_with_sources_from_both_articles(store, name):
    value, *phrases = HAPPENINGS[name]
    names = _docs_by_name(store)
    found = _events_quoting(store, value, *phrases)
    assert len(found) == 1, [(e.id, e.title) for e in found]
    (event,) = found
    assert {names[s.document_id] for s in event.sources} == set(names.values()), event
    # and no other stored event the text dates to that day is left as a suggestion for it
    others = [b if a == event.id else a for a, b, _ in services.suggestions_for(store, event.id)]
    assert not [
        e for e in store.events(others) if e.value == value and any(not s.basis for s in e.sources)
    ]


def test_merge_then_split_restores_the_original_events_exactly(store):
    h1 = _events_quoting(store, "2024-H1", "first half")[0]
    hub = _events_quoting(store, "2024-11", "Wiesbaden")[0]
    before = state(store)
    originals = store.events([h1.id, hub.id])
    store.apply(MergeEvents((h1.id, hub.id)))
    merged = store.event(h1.id)
    assert len(merged.sources) == len(h1.sources) + len(hub.sources)
    assert DATE_CONFLICT in merged.flags  # 2024-H1 and 2024-11 cannot both be right
    split = SplitEvent(h1.id)
    store.apply(split)
    assert set(split.created_ids) == {hub.id}
    restored = store.events([h1.id, hub.id])
    # The event merged away is back byte for byte; the merge target is too, except for its version
    # and update time, which only move forward (they tell editors and caches it was changed).
    assert restored[1] == originals[1]
    assert restored[0] == replace(
        originals[0], version=restored[0].version, updated_at=restored[0].updated_at
    )
    assert restored[0].version > merged.version
    assert state(store)["documents"] == before["documents"]
    assert state(store)["fts"] == before["fts"]
    store.revert(split)
    assert store.event(h1.id) == merged


def test_merge_and_split_undo_restores_full_records(store):
    h1 = _events_quoting(store, "2024-H1", "first half")[0]
    hub = _events_quoting(store, "2024-11", "Wiesbaden")[0]
    before = state(store)
    merge = MergeEvents((h1.id, hub.id))
    store.apply(merge)
    store.revert(merge)
    assert state(store) == before


def test_redating_one_source_flags_a_conflict_and_undo_clears_it(store):
    hub = _events_quoting(store, "2024-11", "Wiesbaden")[0]
    assert DATE_CONFLICT not in hub.flags and len(hub.sources) >= 2
    before = state(store)
    cmd = SetSourceValue(hub.sources[0].id, "2025-03")
    change = store.apply(cmd)
    after = store.event(hub.id)
    assert DATE_CONFLICT in after.flags
    assert after.value == hub.value  # the event's own date stands until the analyst picks one
    assert after.sources[0].value == "2025-03" and hub.id in change.events
    store.revert(cmd)
    assert DATE_CONFLICT not in store.event(hub.id).flags
    assert state(store) == before
    # a reading inside the event's month is no conflict
    store.apply(SetSourceValue(hub.sources[0].id, "2024-11-05"))
    assert DATE_CONFLICT not in store.event(hub.id).flags
