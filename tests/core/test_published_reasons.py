"""Every way a reader finds a publication date has words for the window to say it in."""

from __future__ import annotations

import datetime as dt
import json

from dateline.core.model import PUBLISHED_REASONS, published_reason
from dateline.core.readers import read_articles
from support.documents import forwarded_email

HTML = (
    "<html><head><meta property='article:published_time' content='2008-03-02'></head>"
    "<body><article><h1>Boeing rolls out the 787</h1><p>The plane was shown on Sunday.</p>"
    "</article></body></html>"
)


def test_each_reader_source_is_said_in_words(tmp_path):
    (tmp_path / "dated.txt").write_text(
        "Boeing rolls out the 787\nMarch 01, 2008\n\nThe plane was shown on Sunday.\n"
    )
    (tmp_path / "page.html").write_text(HTML)
    (tmp_path / "fwd.eml").write_bytes(forwarded_email())
    (tmp_path / "listed.txt").write_text("Boeing delays\n\nThe plane was delayed on Friday.\n")
    (tmp_path / "manifest.json").write_text(
        json.dumps({"articles": {"listed.txt": {"published": "2008-03-05"}}})
    )
    sources = {}
    for path in sorted(tmp_path.iterdir()):
        if path.name != "manifest.json":
            [article] = read_articles(path)
            sources[path.name] = article.published_source
    [given] = read_articles(tmp_path / "page.html", published=dt.date(2008, 3, 9))
    sources["page.html --published"] = given.published_source
    assert sources == {
        "dated.txt": "dateline",
        "fwd.eml": "email",
        "listed.txt": "manifest",
        "page.html": "metadata",
        "page.html --published": "argument",
    }
    for source in sources.values():
        assert source in PUBLISHED_REASONS
    assert published_reason("dateline") == "from the date line under the headline"
    assert published_reason("newer_kind") == "from newer_kind"  # never a bare code
