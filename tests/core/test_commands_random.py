"""Random review sessions: any sequence of commands, undone and redone in stack order, always comes
back to exactly the state each step started from."""

from __future__ import annotations

import datetime as dt
import random

import pytest
from store_helpers import seeded_store, state

from dateline.core.commands import (
    AddTags,
    CreateEvent,
    DeleteEvent,
    EditEvent,
    MergeEvents,
    RemoveTags,
    SetDate,
    SetNote,
    SetPublished,
    SetStatus,
    SplitEvent,
)
from dateline.core.errors import ValidationError


def _random_command(rnd: random.Random, store):
    ids = store.event_ids()
    docs = store.documents()
    pick = lambda k=1: tuple(rnd.sample(ids, min(k, len(ids))))  # noqa: E731
    choice = rnd.randrange(11)
    if choice == 0:
        return SetStatus(
            pick(rnd.randint(1, 3)), rnd.choice(["accepted", "rejected", "edited", "proposed"])
        )
    if choice == 1:
        return EditEvent(
            pick()[0], {"title": f"title {rnd.random():.3f}", "credibility": rnd.randint(1, 6)}
        )
    if choice == 2:
        return SetDate(pick()[0], rnd.choice(["2024-10", "2024-10-17", "2024", "2024-Q4"]))
    if choice == 3:
        return AddTags(pick(2), (rnd.choice(["a", "b", "c"]),))
    if choice == 4:
        return RemoveTags(pick(2), (rnd.choice(["a", "b", "c"]),))
    if choice == 5:
        return SetNote(pick()[0], f"note {rnd.random():.3f}")
    if choice == 6 and len(ids) > 2:
        return MergeEvents(pick(2))
    if choice == 7:
        return SplitEvent(pick()[0])
    if choice == 8:
        doc = rnd.choice(docs)
        start = rnd.randrange(0, len(doc.text) - 60)
        return CreateEvent(doc.id, start, start + 50)
    if choice == 9 and len(ids) > 3:
        return DeleteEvent(pick())
    return SetPublished(
        rnd.choice(docs).id, rnd.choice([None, dt.date(2024, 10, 16), dt.date(2024, 11, 20)])
    )


@pytest.mark.parametrize("seed", range(4))
def test_random_sessions_undo_and_redo_exactly(tmp_path, seeds_dir, seed):
    rnd = random.Random(seed)
    store = seeded_store(tmp_path, seeds_dir)
    done: list[tuple[object, dict, dict]] = []  # (command, state before, state after)
    undone: list[tuple[object, dict, dict]] = []
    for _ in range(40):
        move = rnd.random()
        if move < 0.6 or not done:
            cmd = _random_command(rnd, store)
            before = state(store)
            try:
                store.apply(cmd)
            except ValidationError:
                assert state(store) == before  # a refused command changes nothing
                continue
            done.append((cmd, before, state(store)))
            undone.clear()  # a new command drops the redo branch, as an undo stack does
        elif move < 0.85:
            cmd, before, after = done.pop()
            assert state(store) == after
            store.revert(cmd)
            assert state(store) == before
            undone.append((cmd, before, after))
        elif undone:
            cmd, before, after = undone.pop()
            store.apply(cmd)
            assert state(store) == after
            done.append((cmd, before, after))
    while done:
        cmd, before, _ = done.pop()
        store.revert(cmd)
        assert state(store) == before
    assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    store.close()
