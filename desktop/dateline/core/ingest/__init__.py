"""Ingestion as a service: files into the store, and stored documents through the engine again.

``Ingest`` (``service``) is the one entry for import, re-extraction and re-anchoring; ``integrate`` folds
an article's proposals into the store without duplicating or overwriting analyst work; ``matching`` and
``matchindex`` find the stored event a new report tells of again; ``suggestions`` pairs stored events
that look like one happening.
"""

from __future__ import annotations

from .report import ImportReport, ProgressFn, ReextractReport
from .service import Ingest, content_hash, import_paths

__all__ = [
    "ImportReport",
    "Ingest",
    "ProgressFn",
    "ReextractReport",
    "content_hash",
    "import_paths",
]
