"""Edits while another process imports: do they all land, and how long does each wait?

    .venv/bin/python benchmarks/edits_during_import.py [--articles 2000] [--edits 500] [--pause-ms 10]

A project holding some reviewed material (the two seeds and 300 generated articles) gets a real
``dateline import`` of ``--articles`` generated articles in one process while another process applies
``--edits`` edits through the store, as the window does (accept, note, tag in turn, on the project's
events, ``--pause-ms`` apart). The same edits run on an idle copy of the project first: the baseline,
measured in the same run. Then the same import runs alone, for its time without edits beside it.

Prints, for both runs: failed edits (target 0), lost updates (an edit reported done whose effect is
not in the project once everything finished; target 0), and the edits' latency p50/p95/p99/max,
waiting for the import's write lock included; plus how many edits ran while the import was running.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import _repo  # noqa: F401  (puts the test-support package on the path)
from dateline.core.commands import AddTags, SetNote, SetStatus
from dateline.core.ingest import import_paths
from dateline.core.store import Store
from support.articles import generated_folder

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


# ---- the editing process ----


def plan(event_ids: list[int], n: int, seed: int = 3) -> list[tuple[str, int, str]]:
    """``n`` edits (kind, event, argument): accept, note and tag in turn, on random events."""
    rnd = random.Random(seed)
    out = []
    for i in range(n):
        eid = rnd.choice(event_ids)
        kind = ("accept", "note", "tag")[i % 3]
        out.append((kind, eid, f"checked {i}" if kind == "note" else f"batch-{i % 7}"))
    return out


def edit(db: Path, edits: list[tuple[str, int, str]], pause: float, out: Path) -> None:
    """Apply ``edits`` one by one (each its own transaction), recording time and outcome."""
    results = []
    with Store.open(db, who="analyst") as store:
        for kind, eid, arg in edits:
            if kind == "accept":
                cmd = SetStatus((eid,), "accepted")
            elif kind == "note":
                cmd = SetNote(eid, arg)
            else:
                cmd = AddTags((eid,), (arg,))
            started = time.perf_counter()
            try:
                store.apply(cmd)
                error = ""
            except Exception as exc:  # counted and printed: the point is that there are none
                error = str(exc)
            finished = time.perf_counter()
            results.append(
                {"ms": (finished - started) * 1000, "error": error, "ended": time.time()}
            )
            time.sleep(pause)
    out.write_text(json.dumps(results), encoding="utf-8")


# ---- checking and printing ----


def lost_updates(db: Path, edits: list[tuple[str, int, str]], results: list[dict]) -> int:
    """Edits reported done whose effect is not in the project now."""
    want_status: set[int] = set()
    want_note: dict[int, str] = {}
    want_tags: dict[int, set[str]] = {}
    for (kind, eid, arg), r in zip(edits, results, strict=True):
        if r["error"]:
            continue
        if kind == "accept":
            want_status.add(eid)
        elif kind == "note":
            want_note[eid] = arg
        else:
            want_tags.setdefault(eid, set()).add(arg)
    lost = 0
    with Store.open(db, readonly=True) as store:
        events = {
            e.id: e for e in store.events(sorted(want_status | set(want_note) | set(want_tags)))
        }
    for eid in want_status:
        lost += events[eid].status.value != "accepted"
    for eid, note in want_note.items():
        lost += events[eid].notes != note
    for eid, tags in want_tags.items():
        lost += len(tags - set(events[eid].tags))
    return lost


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def report(
    label: str, db: Path, edits, results, import_span: tuple[float, float] | None = None
) -> None:
    ms = [r["ms"] for r in results]
    failed = [r["error"] for r in results if r["error"]]
    print(f"\n== {label}")
    if import_span is not None:
        during = sum(import_span[0] <= r["ended"] <= import_span[1] for r in results)
        print(f"  edits finished while the import ran: {during} of {len(results)}")
    print(f"  failed edits: {len(failed)} (target 0)" + (f"; first: {failed[0]}" if failed else ""))
    print(f"  lost updates: {lost_updates(db, edits, results)} (target 0)")
    print(
        f"  edit latency: p50 {pct(ms, 50):.1f} ms, p95 {pct(ms, 95):.1f} ms, "
        f"p99 {pct(ms, 99):.1f} ms, max {max(ms):.1f} ms (mean {statistics.fmean(ms):.1f} ms)"
    )


# ---- the run ----


def run_editor(db: Path, edits, pause_ms: float, root: Path) -> subprocess.Popen[str]:
    plan_file = root / f"plan-{db.stem}.json"
    plan_file.write_text(json.dumps(edits), encoding="utf-8")
    return subprocess.Popen(
        [sys.executable, __file__, "--editor", str(db), str(plan_file), str(pause_ms / 1000)],
        text=True,
    )


def results_of(db: Path, root: Path) -> list[dict]:
    return json.loads((root / f"plan-{db.stem}.json.out").read_text(encoding="utf-8"))


def timed_import(folder: Path, db: Path) -> tuple[subprocess.Popen[str], float]:
    proc = subprocess.Popen(
        [sys.executable, "-m", "dateline", "import", str(folder), "--db", str(db)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    return proc, time.time()


def wait_for_commits(db: Path, documents: int, importer: subprocess.Popen[str]) -> None:
    """Until the importer has committed its first article (past its start-up)."""
    with Store.open(db, readonly=True) as store:
        while importer.poll() is None and len(store.document_ids()) <= documents:
            time.sleep(0.01)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--edits", type=int, default=500)
    ap.add_argument("--pause-ms", type=float, default=10.0)
    ap.add_argument("--editor", nargs=3, metavar=("DB", "PLAN", "PAUSE"), help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.editor:
        db, plan_file, pause = Path(args.editor[0]), Path(args.editor[1]), float(args.editor[2])
        edits = [tuple(e) for e in json.loads(plan_file.read_text(encoding="utf-8"))]
        edit(db, edits, pause, Path(f"{plan_file}.out"))  # type: ignore[arg-type]
        return 0

    print(f"python {sys.version.split()[0]}; {args.articles} articles imported, {args.edits} edits")
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        base = root / "base.db"
        (root / "reviewed").mkdir()
        generated_folder(root / "reviewed", 300, seed=11)
        (root / "batch").mkdir()
        generated_folder(root / "batch", args.articles)
        with Store.open(base) as store:
            import_paths(store, [SEEDS, root / "reviewed"])
            ids = store.event_ids()
            for name in ("idle.db", "busy.db", "alone.db"):
                store.backup(root / name)  # a consistent copy, log folded in
            documents = len(store.document_ids())
        edits = plan(ids, args.edits)

        idle = root / "idle.db"
        proc = run_editor(idle, edits, args.pause_ms, root)
        proc.wait()
        report("baseline: the same edits on an idle project", idle, edits, results_of(idle, root))

        busy = root / "busy.db"
        importer, started = timed_import(root / "batch", busy)
        wait_for_commits(busy, documents, importer)
        proc = run_editor(busy, edits, args.pause_ms, root)
        proc.wait()
        out, err = importer.communicate()
        ended = time.time()
        if importer.returncode != 0:
            print(f"the import failed: {err.strip()}")
            return 1
        busy_results = results_of(busy, root)
        report(
            f"during a {args.articles}-article import in another process",
            busy,
            edits,
            busy_results,
            (started, ended),
        )
        print(
            f"  import: {out.strip().splitlines()[-1]}; {ended - started:.1f} s with the edits beside it"
        )

        alone = root / "alone.db"
        importer, started = timed_import(root / "batch", alone)
        importer.communicate()
        print(f"  the same import alone: {time.time() - started:.1f} s")
        shutil.rmtree(root / "batch", ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
