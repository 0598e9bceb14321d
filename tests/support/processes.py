"""``dateline`` commands and scripts run in processes of their own, as an analyst's shell runs them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path


def env() -> dict[str, str]:
    """This process's environment with unbuffered output (a killed child's lines are not lost)."""
    return {**os.environ, "PYTHONUNBUFFERED": "1"}


def run_cli(*args: str, db: Path, check: bool = True) -> subprocess.CompletedProcess[str]:
    """``dateline ARGS --db DB`` in a process of its own."""
    proc = subprocess.run(
        [sys.executable, "-m", "dateline", *args, "--db", str(db)],
        capture_output=True,
        text=True,
        env=env(),
        timeout=120,
    )
    if check:
        assert proc.returncode == 0, proc.stderr
    return proc


def stored_events(db: Path) -> dict[int, dict[str, object]]:
    """Every event as a fresh process reads it back."""
    out = json.loads(run_cli("events", "--format", "json", db=db).stdout)
    return {e["id"]: e for e in out["events"]}
