"""Shared by the CLI tests."""

from __future__ import annotations

import pytest


@pytest.fixture
def db(tmp_path, monkeypatch):
    """A project database named by the environment, as an analyst's shell would name it."""
    path = tmp_path / "project.db"
    monkeypatch.setenv("DATELINE_DB", str(path))
    return path
