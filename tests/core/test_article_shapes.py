"""One article, three shapes: what is read from a file, what the engine reads, what is stored.

Re-extraction and re-anchoring read a stored document as the engine read it at import, and a copy of
an article is stored as itself: the stored row gives back the article it was made from.
"""

from __future__ import annotations

from pathlib import Path

from dateline.core.ingest import import_paths
from dateline.core.readers import read_articles
from dateline.core.store import Store

PAGE = """<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="windows-1252">
<meta property="og:title" content="NATO pledges money">
<meta property="og:site_name" content="Politico">
<meta property="article:published_time" content="2024-10-16T08:00:00+02:00">
<meta name="author" content="Jane Doe">
<link rel="canonical" href="https://example.org/nato">
</head><body><article><h1>NATO pledges money</h1>
<p>BRUSSELS \u2014 NATO chief Mark Rutte said Wednesday that the alliance will reach a \u20ac40 billion
target, a goal set at the summit in July.</p></article></body></html>
"""


def test_a_stored_document_is_the_article_it_was_imported_as(tmp_path: Path) -> None:
    page = tmp_path / "nato.html"
    page.write_bytes(PAGE.encode("cp1252"))
    (parsed,) = read_articles(page)
    assert (parsed.format, parsed.encoding, parsed.author) == ("html", "cp1252", "Jane Doe")
    store = Store.open(tmp_path / "project.db")
    try:
        import_paths(store, [page])
        (doc,) = store.documents()
        assert doc.article() == parsed.article(str(doc.id))
    finally:
        store.close()
