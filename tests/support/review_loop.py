"""A scripted review, run as a process of its own until it is killed:

    python tests/support/review_loop.py PROJECT SEED [STEPS]

Applies random accepts, rejects, title and date edits, notes, tags, merges and splits, and undoes and
redoes them as an undo stack would, printing one line per committed step (so a test knows it is under
way). A refused step (a conflict, an edit that is not valid) is printed as such and the loop goes on.
"""

from __future__ import annotations

import random
import sys

from dateline.core.commands import (
    AddTags,
    EditEvent,
    MergeEvents,
    SetDate,
    SetNote,
    SetStatus,
    SplitEvent,
)
from dateline.core.errors import DatelineError
from dateline.core.store import Store


def random_command(rnd: random.Random, ids: list[int]):  # -> Command
    one = rnd.choice(ids)
    choice = rnd.randrange(8)
    if choice == 0:
        return SetStatus(tuple(rnd.sample(ids, min(3, len(ids)))), "accepted")
    if choice == 1:
        return SetStatus((one,), "rejected")
    if choice == 2:
        return EditEvent(one, {"title": f"Reviewed title {rnd.randrange(10**6)}"})
    if choice == 3:
        return SetDate(one, rnd.choice(["2024-10", "2024-10-17", "2024", "2024-Q4", "2023-05-02"]))
    if choice == 4:
        return SetNote(one, f"checked against the wire copy {rnd.randrange(10**6)}")
    if choice == 5:
        return AddTags((one,), (rnd.choice(["nato", "aid", "ukraine"]),))
    if choice == 6 and len(ids) > 2:
        return MergeEvents(tuple(rnd.sample(ids, 2)))
    return SplitEvent(one)


def main(path: str, seed: int, steps: int) -> int:
    rnd = random.Random(seed)
    done: list[object] = []
    undone: list[object] = []
    with Store.open(path, who="reviewer") as store:
        for step in range(steps):
            move = rnd.random()
            try:
                if move < 0.65 or not done:
                    cmd = random_command(rnd, store.event_ids())
                    store.apply(cmd)
                    done.append(cmd)
                    undone.clear()
                    what = f"applied {cmd.action}"
                elif move < 0.9:
                    cmd = done.pop()
                    store.revert(cmd)
                    undone.append(cmd)
                    what = f"undid {cmd.action}"
                elif undone:
                    cmd = undone.pop()
                    store.apply(cmd)
                    done.append(cmd)
                    what = f"redid {cmd.action}"
                else:
                    continue
            except DatelineError as exc:
                what = f"refused: {exc.message}"
            print(f"{step} {what}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(
        main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]) if len(sys.argv) > 3 else 10**9)
    )
