"""Make the README screenshots reproducibly: ``make screenshots`` (or run this file with the venv's python).

Imports the seed articles into a fresh temporary database, reviews them like an analyst would (accept the
seven events of seeds/gold-timeline.json, reject every other proposal) through core commands, then renders
the real window offscreen with the same code path as ``dateline gui --screenshot``:

- main_window.png: the press-conference event selected, its provenance visible;
- timeline.png: the timeline view on the seeds (July summit month bar, two-day ministerial, Wiesbaden hub);
- provenance_merged.png: the provenance panel of the merged press-conference event (both articles).
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
SEEDS = ROOT / "seeds"
SIZE = (1600, 1000)


def gold_id(ev, gold: dict) -> str | None:
    """The gold event a stored event is: same date, and one of its sentences names a gold source."""
    for g in gold["events"]:
        if g["value"] != ev.value or g.get("end") != ev.end:
            continue
        if any(p in s.quote for s in ev.sources for _doc, p in g["sources"]):
            return g["id"]
    return None


def reviewed_database(path: Path) -> dict[str, int]:
    """Import and review the seeds; returns {gold id: event id}."""
    from dateline.core import commands
    from dateline.core import ingest as importing
    from dateline.core.store import Store

    gold = json.loads((SEEDS / "gold-timeline.json").read_text(encoding="utf-8"))
    with Store.open(path, who="analyst") as store:  # the README shows who reviewed
        report = importing.import_paths(store, sorted(SEEDS.glob("*.txt")))
        if report.failed:
            raise SystemExit(f"seed import failed: {report.failed}")
        events = store.events(store.event_ids())
        found: dict[str, int] = {}
        rejected: list[int] = []
        for ev in events:
            g = gold_id(ev, gold)
            if g is not None and g not in found:
                found[g] = ev.id
            else:
                rejected.append(ev.id)
        store.apply(commands.Accept(tuple(found.values())))
        if rejected:
            store.apply(commands.Reject(tuple(rejected)))
    missing = {g["id"] for g in gold["events"]} - set(found)
    if missing:
        print(f"warning: gold events not found among the proposals: {sorted(missing)}")
    return found


def main() -> int:
    from dateline import app

    out = HERE
    with tempfile.TemporaryDirectory(prefix="dateline-shots-") as tmp:
        # keep the user's settings and recent databases out of it
        os.environ["XDG_CONFIG_HOME"] = str(Path(tmp) / "config")
        os.environ["XDG_DATA_HOME"] = str(Path(tmp) / "data")
        db = Path(tmp) / "seeds-reviewed.db"
        found = reviewed_database(db)
        press = found.get("rutte-press-conference")
        size = f"{SIZE[0]}x{SIZE[1]}"
        select = ["--select-event", str(press)] if press else []
        runs = [
            ["--screenshot", str(out / "main_window.png"), *select],
            [
                "--screenshot",
                str(out / "timeline.png"),
                "--view",
                "timeline",
                "--status",
                "accepted",
                "--panel",
                "timeline",
                "--range",
                "2023-12-20:2025-01-25",
                "--size",
                "2200x560",
                *select,
            ],
            [
                "--screenshot",
                str(out / "provenance_merged.png"),
                "--panel",
                "provenance",
                "--size",
                "1900x1000",
                *select,
            ],
        ]
        for extra in runs:
            code = app.main(["--db", str(db), "--size", size, *extra])  # a later --size wins
            if code:
                return code
    return 0


if __name__ == "__main__":
    sys.exit(main())
