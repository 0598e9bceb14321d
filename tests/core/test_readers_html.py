"""HTML: main text only, nothing executed, metadata read, broken markup survives."""

from __future__ import annotations

import datetime as dt

import pytest

from dateline.core.errors import ImportFailed
from dateline.core.readers import read_articles

PAGE = """<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="utf-8">
<title>Page title | Outlet</title>
<meta property="og:title" content="NATO pledges money">
<meta property="og:site_name" content="Politico">
<meta property="article:published_time" content="2024-10-16T08:00:00+02:00">
<meta name="author" content="Jane Doe">
<link rel="canonical" href="https://example.org/nato">
<script>alert("evil"); document.write("SCRIPT CODE")</script>
<style>body { color: red } .x::after { content: "STYLE TEXT" }</style>
</head>
<body onload="alert('ONLOAD CODE')">
<nav><a href="/">Home</a> <a href="/world">World NAV</a></nav>
<header><div>Site banner HEADER</div></header>
<div class="wrap">
<article>
<h1>NATO pledges money</h1>
<p>BRUSSELS — Kyiv will get cash from NATO, but the alliance is waffling.</p>
<!-- COMMENT TEXT -->
<p>NATO chief Mark Rutte said <b>Wednesday</b> that the alliance will reach a €40 billion target.</p>
<noscript>NOSCRIPT TEXT</noscript>
<img src=x onerror="alert('IMG CODE')">
<script type="text/javascript">var INLINE = "INLINE SCRIPT";</script>
<p>Third   paragraph
 spans lines.</p>
<p hidden>HIDDEN TEXT</p>
</article>
<aside><p>Related: ASIDE TEXT that is long enough to matter in scoring perhaps.</p></aside>
</div>
<footer>FOOTER TEXT © 2024 Outlet</footer>
<form><label>FORM LABEL</label><input value="search"><button>Go</button></form>
</body></html>
"""


def _write(tmp_path, markup: str, name: str = "page.html"):
    path = tmp_path / name
    path.write_text(markup, encoding="utf-8")
    return path


def test_main_text_metadata_and_nothing_executable(tmp_path):
    [article] = read_articles(_write(tmp_path, PAGE))
    assert article.text == (
        "NATO pledges money\n"
        "BRUSSELS — Kyiv will get cash from NATO, but the alliance is waffling.\n"
        "NATO chief Mark Rutte said Wednesday that the alliance will reach a €40 billion target.\n"
        "Third paragraph spans lines."
    )
    for junk in ("alert", "SCRIPT", "STYLE", "ONLOAD", "NAV", "HEADER", "COMMENT", "NOSCRIPT",
                 "IMG CODE", "HIDDEN", "ASIDE", "FOOTER", "FORM", "<", "{"):  # fmt: skip
        assert junk not in article.text
    assert article.title == "NATO pledges money"
    assert article.published == dt.date(2024, 10, 16)
    assert article.published_source == "metadata"
    assert article.source == "Politico"
    assert article.author == "Jane Doe"
    assert article.url == "https://example.org/nato"
    assert article.language == "en"
    assert article.format == "html"
    assert article.warnings == ()


def test_without_article_the_densest_paragraph_block_wins(tmp_path):
    markup = (
        "<html><head><title>Plain title</title></head><body>"
        "<div class='menu'><p>Short menu item</p></div>"
        "<div class='story'><div><p>" + "First paragraph of the story. " * 10 + "</p></div>"
        "<div><p>" + "Second paragraph of the story. " * 10 + "</p></div></div>"
        "</body></html>"
    )
    [article] = read_articles(_write(tmp_path, markup))
    lines = article.text.split("\n")
    assert len(lines) == 2
    assert lines[0].startswith("First paragraph") and lines[1].startswith("Second paragraph")
    assert article.title == "Plain title"
    assert "publication date missing" in article.warnings


@pytest.mark.parametrize(
    "date_markup",
    [
        '<script type="application/ld+json">{"@context":"https://schema.org","@graph":'
        '[{"@type":"NewsArticle","datePublished":"2024-10-16T10:00:00Z"}]}</script>',
        '<meta name="date" content="October 16, 2024">',
        '<meta itemprop="datePublished" content="2024-10-16">',
        '<time datetime="2024-10-16T10:00">Wednesday</time>',
    ],
)
def test_publication_date_sources(tmp_path, date_markup):
    markup = (
        f"<html><head>{date_markup}</head><body><p>Body text here.</p>{date_markup}</body></html>"
    )
    [article] = read_articles(_write(tmp_path, markup))
    assert article.published == dt.date(2024, 10, 16)
    assert article.published_source == "metadata"


def test_impossible_meta_date_is_a_warning(tmp_path):
    markup = '<html><head><meta property="article:published_time" content="2024-02-30"></head><body><p>Text.</p></body></html>'
    [article] = read_articles(_write(tmp_path, markup))
    assert article.published is None
    assert any("2024-02-30" in w and "not a real date" in w for w in article.warnings)


def test_title_falls_back_to_first_h1(tmp_path):
    markup = "<html><body><h1>Headline  here</h1><p>Some body text.</p></body></html>"
    [article] = read_articles(_write(tmp_path, markup))
    assert article.title == "Headline here"


@pytest.mark.parametrize(
    "markup",
    [
        "<html><body><div><p>Unclosed paragraph <b>bold <i>both</div> text after</p></span></td>",
        "<p>Fragment without html or body<p>Second",
        "<<<>>><p>Text among garbage &nbsp; &bogus; </p><div",
        "<?xml version='1.0' encoding='utf-8'?><html><body><p>XHTML with a declaration</p></body></html>",
    ],
)
def test_broken_markup_does_not_crash(tmp_path, markup):
    [article] = read_articles(_write(tmp_path, markup))
    assert article.text.strip()
    assert "<p" not in article.text


@pytest.mark.parametrize(
    "markup",
    [
        "<html><head><script>var x = 1;</script></head><body></body></html>",
        "<html><body><nav>Only navigation</nav><!-- and a comment --></body></html>",
        "<html><body>  &nbsp; <p> </p></body></html>",
    ],
)
def test_html_without_readable_text_is_refused(tmp_path, markup):
    with pytest.raises(ImportFailed) as info:
        read_articles(_write(tmp_path, markup))
    assert info.value.reason == "broken HTML: no readable text"


def test_deeply_nested_markup(tmp_path):
    markup = "<div>" * 5000 + "<p>Deep text.</p>" + "</div>" * 5000
    [article] = read_articles(_write(tmp_path, f"<html><body>{markup}</body></html>"))
    assert "Deep text." in article.text


def test_declared_charset_is_used_when_not_utf8(tmp_path):
    markup = '<html><head><meta charset="iso-8859-15"></head><body><p>Prix: 40 € — déjà.</p></body></html>'
    path = tmp_path / "legacy.html"
    path.write_bytes(markup.replace(" — ", " - ").encode("iso-8859-15"))
    [article] = read_articles(path)
    assert article.text == "Prix: 40 € - déjà."
    assert article.encoding == "iso8859-15"


def test_htmldate_fallback_finds_a_date_in_the_url(tmp_path):
    markup = (
        '<html><head><link rel="canonical" href="https://example.org/2024/10/16/nato-aid/">'
        "</head><body><p>Body text only.</p></body></html>"
    )
    [article] = read_articles(_write(tmp_path, markup))
    assert article.published == dt.date(2024, 10, 16)


def test_reading_html_never_touches_the_network(tmp_path, monkeypatch):
    import socket

    attempts: list[object] = []

    def refuse(*args, **kwargs):
        attempts.append(args)
        raise OSError("network disabled in this test")

    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    # A page whose whole content looks like a URL: htmldate downloads such strings if given one.
    for markup in (
        "https://example.org/2024/10/16/story",
        '<html><head><link rel="canonical" href="https://example.org/news/story">'
        '<meta http-equiv="refresh" content="0; url=https://example.org/">'
        '<link rel="stylesheet" href="https://example.org/s.css"></head>'
        '<body><img src="https://example.org/x.png"><p>Text.</p></body></html>',
    ):
        read_articles(_write(tmp_path, markup))
    assert attempts == []


def test_declared_windows_1252_is_believed_even_for_accent_heavy_text(tmp_path):
    body = "Ça été déjà là où ça sera vérifié à côté du théâtre élégant — €."
    markup = f'<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252"></head><body><p>{body}</p></body></html>'
    path = tmp_path / "fr.htm"
    path.write_bytes(markup.encode("cp1252"))
    [article] = read_articles(path)
    assert article.text == body
    assert article.encoding == "cp1252"
