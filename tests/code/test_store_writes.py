"""The store is persistence: the use-case packages write it through named store methods, never in SQL.

A statement that writes (INSERT, UPDATE, DELETE, REPLACE) in the ingest service would be a write the
store does not know of: its before-images, audit and search index would depend on every caller
remembering them. Reads are allowed: they are the service's business.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

INGEST = Path(__file__).resolve().parents[2] / "desktop" / "dateline" / "core" / "ingest"
_WRITE = re.compile(
    r"\b(?:INSERT\s+(?:OR\s+\w+\s+)?INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|REPLACE\s+INTO)\b", re.I
)


def _sql_writes(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [
        f"{path.name}:{node.lineno}: {node.value.strip()[:60]}"
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and _WRITE.search(node.value)
    ]


def test_the_ingest_service_writes_the_store_only_through_its_methods():
    modules = sorted(INGEST.glob("*.py"))
    assert modules
    assert [w for m in modules for w in _sql_writes(m)] == []
