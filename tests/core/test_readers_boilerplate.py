"""Saved web pages full of furniture: only the article's own paragraphs reach the text."""

from __future__ import annotations

import datetime as dt

import pytest

from dateline.core.readers import read_articles
from dateline.core.temporal import find_timexes
from support.documents import ARTICLE_PAGE, DIV_PAGE, FURNITURE, FURNITURE_DATES, PARAGRAPHS


@pytest.mark.parametrize("markup", [DIV_PAGE, ARTICLE_PAGE], ids=["div-layout", "article"])
def test_no_furniture_line_and_no_furniture_date_reaches_the_text(tmp_path, markup):
    path = tmp_path / "page.html"
    path.write_text(markup, encoding="utf-8")
    [article] = read_articles(path)
    for paragraph in PARAGRAPHS:
        assert paragraph in article.text.split("\n")
    for junk in FURNITURE + FURNITURE_DATES:
        assert junk not in article.text, junk
    assert article.published == dt.date(2008, 3, 1)
    # Every date the engine finds is one the article's own sentences state.
    found = {article.text[t.start : t.end] for t in find_timexes(article.text, article.published)}
    assert found <= {"Saturday", "the third quarter", "January", "2009", "2004", "2005"}, found


def test_a_real_byline_gives_the_author(tmp_path):
    markup = ARTICLE_PAGE.replace("<p>By Staff Reporter</p>", '<p class="byline">By Jane Doe</p>')
    path = tmp_path / "page.html"
    path.write_text(markup, encoding="utf-8")
    [article] = read_articles(path)
    assert article.author == "Jane Doe"
    assert "Jane Doe" not in article.text


def test_a_sentence_that_starts_like_furniture_is_kept(tmp_path):
    kept = [
        "Updated figures show the company delivered 375 aircraft in 2007.",
        "Share prices rose 2 percent on Friday after the announcement.",
        "More from the company is expected when it reports results in April.",
    ]
    markup = "<html><body><article>" + "".join(f"<p>{p}</p>" for p in PARAGRAPHS + kept)
    path = tmp_path / "page.html"
    path.write_text(markup + "</article></body></html>", encoding="utf-8")
    [article] = read_articles(path)
    for line in kept:
        assert line in article.text
