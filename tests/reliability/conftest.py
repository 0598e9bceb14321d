"""Reliability tests: real processes, real files, the window and the command line on one project."""

from __future__ import annotations

import pytest

from support.processes import run_cli


@pytest.fixture
def cli():
    return run_cli
