"""The proposed timeline on real news: the shared scorer on the dev topic, and how well confidence means
"the probability that the date is right".

    .venv/bin/python benchmarks/newsdev.py [--data DIR] [--corpora apple] [--out DIR]

Runs ``shared/eval/realnews_eval.py`` unchanged (as it is run on the held-out topics) on the annotated
Wikinews articles of ``shared/corpora/newsdev``, prints its headline figures next to the targets, then a
reliability table: every Dateline source in a sentence holding a dated gold happening, binned by its
event's confidence, against the share whose event date agrees with the gold date (the scorer's dating
precision, per confidence), and the expected calibration error (target <= 0.10).
"""

from __future__ import annotations

import argparse
import collections
import itertools
import json
import subprocess
import sys
from pathlib import Path

TARGETS = {
    "dating_precision": 0.90,
    "dating_recall": 0.60,
    "merge_precision": 0.90,
    "merge_recall_given_sources": 0.60,
    "timex_relaxed_f1": 0.93,
    "timex_value_f1": 0.85,
}
BINS = (0.0, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0001)


def shared_dir() -> Path:
    """``shared/`` beside the repository (or beside the folder holding a worktree of it)."""
    here = Path(__file__).resolve()
    for parent in here.parents:
        found = parent / "shared" / "eval" / "realnews_eval.py"
        if found.exists():
            return parent / "shared"
    raise SystemExit("shared/eval/realnews_eval.py not found beside the repository")


def run_scorer(shared: Path, data: Path, corpora: str, out: Path) -> dict[str, object]:
    dateline = Path(sys.executable).with_name("dateline")
    cmd = [sys.executable, str(shared / "eval" / "realnews_eval.py"), "--data", str(data),
           "--corpora", corpora, "--dateline", str(dateline), "--out", str(out)]  # fmt: skip
    proc = subprocess.run(cmd, capture_output=True, text=True, check=True)
    (out / "scorer.log").write_text(proc.stdout, encoding="utf-8")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def judged_sources(shared: Path, data: Path, corpora: str, out: Path) -> list[tuple[float, bool]]:
    """(event confidence, its date agrees with the gold) for every Dateline source in a sentence
    holding a dated gold happening, as the scorer's dating precision judges them."""
    sys.path.insert(0, str(shared / "eval"))
    import realnews_eval as score

    score.CORPORA = tuple(corpora.split(","))
    arts = score.load_meantime(str(data))
    by_id = {a.doc_id: a for a in arts}
    gold: dict[tuple[str, int], list[tuple]] = collections.defaultdict(list)
    for m in score.load_task4(str(data), by_id)[0]:
        for d in m.dates:
            period = score.gold_period(d)
            if period:
                gold[(m.doc, m.sentence)].append(period)
    out_rows: list[tuple[float, bool]] = []
    for corpus in score.CORPORA:
        res = json.loads((out / f"dateline_{corpus}.json").read_text(encoding="utf-8"))
        docs = {d["id"]: Path(d["path"]).stem for d in res["documents"]}
        for e in res["events"]:
            first, last = score._d(e.get("earliest")), score._d(e.get("latest"))
            for s in e["sources"]:
                art = by_id.get(docs.get(s["document"], ""))
                sent = art.sentence_at(s["start"]) if art else None
                periods = gold.get((art.doc_id, sent), []) if art and sent is not None else []
                if periods:
                    right = any(score.agrees(first, last, p) for p in periods)
                    out_rows.append((float(e["confidence"]), right))
    return out_rows


def reliability(
    rows: list[tuple[float, bool]],
) -> tuple[list[tuple[str, int, float, float]], float]:
    table = []
    ece = 0.0
    for lo, hi in itertools.pairwise(BINS):
        inside = [(c, r) for c, r in rows if lo <= c < hi]
        if not inside:
            continue
        conf = sum(c for c, _ in inside) / len(inside)
        right = sum(r for _, r in inside) / len(inside)
        table.append((f"{lo:.1f}-{min(hi, 1.0):.1f}", len(inside), conf, right))
        ece += len(inside) / len(rows) * abs(conf - right)
    return table, ece


def main(argv: list[str] | None = None) -> int:
    shared = shared_dir()
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=shared / "corpora" / "newsdev")
    ap.add_argument("--corpora", default="apple")
    ap.add_argument("--out", type=Path, default=Path("/tmp/dateline-newsdev"))
    args = ap.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    figures = run_scorer(shared, args.data, args.corpora, args.out)
    print(
        f"News timeline on {args.data.name} ({args.corpora}), scored by shared/eval/realnews_eval.py"
    )
    print(f"{'measure':32s}{'Dateline':>10s}{'target':>9s}")
    for key, target in TARGETS.items():
        value = float(figures[key])  # type: ignore[arg-type]
        mark = "" if value >= target else "  (missed)"
        print(f"{key:32s}{value:10.3f}{target:9.2f}{mark}")
    print(f"{'false merges (clear)':32s}{figures['false_merges']:10}{0:9d}")
    print(f"{'merge pairs (judgeable)':32s}{figures['merge_pairs_judgeable']:10}")
    print(f"{'baseline: dateparser value F1':32s}{float(figures['baseline_value_f1']):10.3f}")  # type: ignore[arg-type]
    rows = judged_sources(shared, args.data, args.corpora, args.out)
    table, ece = reliability(rows)
    print(f"\nConfidence against dating precision ({len(rows)} judged sources)")
    print(f"{'confidence':12s}{'sources':>8s}{'mean conf':>11s}{'share right':>13s}")
    for label, n, conf, right in table:
        print(f"{label:12s}{n:8d}{conf:11.3f}{right:13.3f}")
    print(f"expected calibration error: {ece:.3f} (target <= 0.10)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
