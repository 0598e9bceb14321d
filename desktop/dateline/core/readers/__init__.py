"""Files on disk -> articles (``ParsedArticle``), robustly.

Text, Markdown (with ``---`` front matter), HTML (main text only, nothing executed or fetched),
JSON and JSON Lines collections, PDF, Word ``.docx`` and e-mail ``.eml``; any encoding people
actually use; a ``manifest.json`` next to the files supplies publication metadata. Every unusable
file raises ``ImportFailed`` with a reason a person understands; a bad record inside a collection
is skipped with a warning.

The date line under a headline ("March 01, 2008", "By Jane Doe | March 1, 2008", a wire
dateline) is the publication date (``published_source`` "dateline") and is taken out of the
text (kept in ``ParsedArticle.dateline``), so it is never an event (``dateline``). A text file
holding several articles, each with its headline and date line, gives one article each
(``dumps``). ``fingerprint`` tells near-duplicate texts apart from independent reports.

Progress within a file: the PDF reader calls ``progress(pages done, pages)`` after each page
(``read_articles(path, progress=...)``; raising ``Cancelled`` there stops it). The other readers
need no progress: about 0.1-0.3 s for a 5 MB text, 2 s for a 5 MB web page
(``benchmarks/read_speed.py``); the time an import spends on a big file is the engine's, per
article, and a dump arrives as many articles.
"""

from __future__ import annotations

from dateline.core.readers.article import ARTICLE_SUFFIXES, MAX_FILE_BYTES, ParsedArticle
from dateline.core.readers.dates import parse_date
from dateline.core.readers.fingerprint import (
    Fingerprint,
    Similarity,
    fingerprint,
    is_near_duplicate,
    similarity,
)
from dateline.core.readers.manifest import load_manifest
from dateline.core.readers.read import FileRead, ReadProgress, read_articles, read_file
from dateline.core.readers.walk import is_article_name, iter_article_files

__all__ = [
    "ARTICLE_SUFFIXES",
    "MAX_FILE_BYTES",
    "FileRead",
    "Fingerprint",
    "ParsedArticle",
    "ReadProgress",
    "Similarity",
    "fingerprint",
    "is_article_name",
    "is_near_duplicate",
    "iter_article_files",
    "load_manifest",
    "parse_date",
    "read_articles",
    "read_file",
    "similarity",
]
