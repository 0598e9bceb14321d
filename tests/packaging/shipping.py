"""Helpers for the packaging tests: the source tree, and running a built program as a user would."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def user_env(home: Path) -> dict[str, str]:
    """A clean user: own home and data folders, no project variables, Qt offscreen."""
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DATELINE_", "PYTHON", "VIRTUAL_ENV", "XDG_"))
    }
    env.update(
        HOME=str(home),
        XDG_DATA_HOME=str(home / ".local/share"),
        XDG_CONFIG_HOME=str(home / ".config"),
        XDG_CACHE_HOME=str(home / ".cache"),
        QT_QPA_PLATFORM="offscreen",
    )
    return env


def run_program(argv, cwd: Path, env: dict[str, str], timeout: int = 180):
    result = subprocess.run(
        [str(a) for a in argv],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    if result.returncode != 0:
        pytest.fail(
            f"{argv[0]} {' '.join(map(str, argv[1:]))} exited {result.returncode}\n"
            f"stdout:\n{result.stdout}\nstderr:\n{result.stderr}"
        )
    return result


def is_png(path: Path) -> bool:
    return (
        path.is_file()
        and path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        and path.stat().st_size > 10_000
    )


def commands() -> list[str]:
    from dateline.cli import build_parser

    sub = next(a for a in build_parser()._actions if a.dest == "command")
    return list(sub.choices)


PYTHON = sys.executable
