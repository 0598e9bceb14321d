"""Cold start of `dateline extract` on one seed article, wall clock, in fresh processes.

Baseline measured in the same run: a bare `python -c pass` (interpreter start-up alone), so the figure
that matters (what Dateline adds) is the difference. Target: <= 1.5 s wall for the whole command.

    .venv/bin/python benchmarks/cold_start.py [--runs 7]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "001_be753c90a74e32cd.txt"


def wall(cmd: list[str], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - t0)
    return times


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--runs", type=int, default=7)
    args = ap.parse_args()
    base = wall([sys.executable, "-c", "pass"], args.runs)
    ours = wall(
        [sys.executable, "-m", "dateline", "extract", str(SEED), "--format", "json"], args.runs
    )
    mb, mo = statistics.median(base), statistics.median(ours)
    print(
        f"python -c pass (baseline):        median {mb * 1000:7.0f} ms  (min {min(base) * 1000:.0f})"
    )
    print(
        f"dateline extract one seed (json): median {mo * 1000:7.0f} ms  (min {min(ours) * 1000:.0f})"
    )
    print(
        f"Dateline's own start-up + work:   {1000 * (mo - mb):7.0f} ms; ratio to bare interpreter {mo / mb:.1f}x"
    )
    print(f"target <= 1500 ms wall: {'met' if mo <= 1.5 else 'MISSED'}")


if __name__ == "__main__":
    main()
