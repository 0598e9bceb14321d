"""Merge-review commands: dismiss a suggestion, re-date one source; conflicts on merge and split."""

from __future__ import annotations

import pytest
from store_helpers import by_title, by_value, seeded_store, state

from dateline.core.commands import DismissMerge, MergeEvents, SetSourceValue, SplitEvent
from dateline.core.conflicts import DATE_CONFLICT
from dateline.core.errors import NotFound, ValidationError


@pytest.fixture
def store(tmp_path, seeds_dir):
    s = seeded_store(tmp_path, seeds_dir)
    yield s
    s.close()


def _commands(store):
    hub = by_title(store, "Wiesbaden")
    h1 = by_value(store, "2024-H1")[0]
    src = store.event(hub).sources[0].id
    return [
        DismissMerge(hub, h1),
        SetSourceValue(src, "2025-03"),
        SetSourceValue(src, "2024-11-04", "2024-11-06"),
    ]


@pytest.mark.parametrize("index", range(3))
def test_each_review_command_reverts_exactly_and_redoes(store, index):
    cmd = _commands(store)[index]
    before = state(store)
    audit = len(store.history())
    change = store.apply(cmd)
    after = state(store)
    assert change.message and change.events
    assert len(store.history()) > audit
    store.revert(cmd)
    assert state(store) == before
    store.apply(cmd)
    assert state(store) == after
    store.revert(cmd)
    assert state(store) == before


def test_set_source_value_is_validated_like_set_date(store):
    src = store.event(by_title(store, "Wiesbaden")).sources[0].id
    for value, end in (("next Tuesday", None), ("2024-13", None), ("2024-11-05", "2024-11-01")):
        with pytest.raises(ValidationError):
            store.apply(SetSourceValue(src, value, end))
    with pytest.raises(NotFound):
        store.apply(SetSourceValue(999_999, "2024-11"))


def test_set_source_value_is_in_the_event_history_with_before_and_after(store):
    hub = store.event(by_title(store, "Wiesbaden"))
    store.apply(SetSourceValue(hub.sources[0].id, "2025-03"))
    last = store.history(hub.id)[-1]
    assert last.action == "set-source-value"
    assert last.before["sources"][0]["value"] == "2024-11"
    assert last.after["sources"][0]["value"] == "2025-03"
    assert last.after["flags"] == [DATE_CONFLICT]


def test_merge_flags_disagreeing_sources_and_split_clears_where_parts_agree(store):
    hub = store.event(by_title(store, "Wiesbaden"))
    h1 = by_value(store, "2024-H1")[0]
    store.apply(MergeEvents((hub.id, h1)))
    merged = store.event(hub.id)
    assert DATE_CONFLICT in merged.flags
    moved = tuple(s.id for s in merged.sources if s.value == "2024-H1")
    split = SplitEvent(hub.id, moved)
    store.apply(split)
    (new_id,) = split.created_ids
    assert DATE_CONFLICT not in store.event(hub.id).flags
    assert DATE_CONFLICT not in store.event(new_id).flags
    assert {s.value for s in store.event(new_id).sources} == {"2024-H1"}


def test_merging_agreeing_events_sets_no_conflict(store):
    # "16 October" events: the press conference and the victory plan agree on the date
    press = by_title(store, "Rutte")
    plan = by_title(store, "parliament")
    store.apply(MergeEvents((press, plan)))
    assert DATE_CONFLICT not in store.event(press).flags


def test_dismissing_needs_two_existing_events(store):
    hub = by_title(store, "Wiesbaden")
    with pytest.raises(NotFound):
        store.apply(DismissMerge(hub, 999_999))
    with pytest.raises(ValidationError):
        store.apply(DismissMerge(hub, hub))
