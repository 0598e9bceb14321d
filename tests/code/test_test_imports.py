"""Tests import what they share as the ``support`` package, never by putting a folder on ``sys.path``:
a path edit makes one test's imports depend on which other tests ran first."""

from __future__ import annotations

import ast
from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]


def _edits_sys_path(path: Path) -> bool:
    return any(
        isinstance(node, ast.Attribute)
        and node.attr == "path"
        and isinstance(node.value, ast.Name)
        and node.value.id == "sys"
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
    )


def test_no_test_module_edits_sys_path():
    modules = [p for p in TESTS.rglob("*.py") if p != Path(__file__).resolve()]
    assert modules
    assert [str(p.relative_to(TESTS)) for p in modules if _edits_sys_path(p)] == []
