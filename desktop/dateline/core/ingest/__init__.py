"""Ingestion as a service: files into the store, and stored documents through the engine again.

``Ingest`` (``service``) is the one entry for import, re-extraction and re-anchoring; ``integrate`` folds
an article's proposals into the store without duplicating or overwriting analyst work; ``matching`` and
``matchindex`` find the stored event a new report tells of again; ``suggestions`` pairs stored events
that look like one happening.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .report import ImportReport, ProgressFn, ReextractReport
    from .service import Ingest, content_hash, import_paths

# Named here, imported when first asked for: an import's worker process imports ``prepare`` (and so
# this package) and needs none of the store, whose import (sqlite-utils) is a fifth of its start.
_WHERE = {
    "ImportReport": "report",
    "ProgressFn": "report",
    "ReextractReport": "report",
    "Ingest": "service",
    "content_hash": "service",
    "import_paths": "service",
}


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


__all__ = [
    "ImportReport",
    "Ingest",
    "ProgressFn",
    "ReextractReport",
    "content_hash",
    "import_paths",
]
