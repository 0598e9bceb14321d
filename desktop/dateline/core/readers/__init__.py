"""Files on disk -> articles (``ParsedArticle``), robustly.

Text, Markdown (with ``---`` front matter), HTML (main text only, nothing executed or fetched),
JSON and JSON Lines collections; any encoding people actually use; a ``manifest.json`` next to
the files supplies publication metadata. Every unusable file raises ``ImportFailed`` with a
reason a person understands; a bad record inside a collection is skipped with a warning.
"""

from __future__ import annotations

from dateline.core.readers.article import ARTICLE_SUFFIXES, MAX_FILE_BYTES, ParsedArticle
from dateline.core.readers.dates import parse_date
from dateline.core.readers.manifest import load_manifest
from dateline.core.readers.read import FileRead, read_articles, read_file
from dateline.core.readers.walk import is_article_name, iter_article_files

__all__ = [
    "ARTICLE_SUFFIXES",
    "MAX_FILE_BYTES",
    "FileRead",
    "ParsedArticle",
    "is_article_name",
    "iter_article_files",
    "load_manifest",
    "parse_date",
    "read_articles",
    "read_file",
]
