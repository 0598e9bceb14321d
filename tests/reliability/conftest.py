"""Reliability tests: real processes, real files, the window and the command line on one project."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest


def run_cli(*args: str, db: Path, check: bool = True) -> subprocess.CompletedProcess[str]:
    """``dateline ARGS --db DB`` in a process of its own, as an analyst's shell would run it."""
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.run(
        [sys.executable, "-m", "dateline", *args, "--db", str(db)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    if check:
        assert proc.returncode == 0, proc.stderr
    return proc


def stored_events(db: Path) -> dict[int, dict[str, object]]:
    """Every event as a fresh process reads it back."""
    out = json.loads(run_cli("events", "--format", "json", db=db).stdout)
    return {e["id"]: e for e in out["events"]}


@pytest.fixture
def cli():
    return run_cli
