"""Markdown and HTML briefings: read back with a Markdown parser, lxml.html and a strict XML parser."""

from __future__ import annotations

import re

import lxml.html
from export_fixtures import (
    HOSTILE_NOTES,
    HOSTILE_QUOTE,
    HOSTILE_TITLE,
    UNRESOLVED_ID,
    hostile_bundle,
    seed_bundle,
)
from lxml import etree
from markdown_it import MarkdownIt

from dateline.core import timevalue
from dateline.core.export import render

MONTHS = ["H1 2024", "July 2024", "October 2024", "November 2024", "Undated"]


def _distinct_quotes(bundle) -> int:
    return len(
        {(s.document_id, " ".join(s.quote.split())) for e in bundle.events for s in e.sources}
    )


# ---- Markdown ----


def test_markdown_lays_out_the_timeline_by_month_in_date_order():
    bundle = seed_bundle()
    text = render(bundle, "markdown")
    assert text.startswith("# NATO and Ukraine, October 2024\n")
    assert "Generated 23 November 2026, 10:00 UTC" in text
    assert re.findall(r"^## (.+)$", text, re.M) == MONTHS
    headings = re.findall(r"^### (.+)$", text, re.M)
    assert len(headings) == len(bundle.events)
    for heading, event in zip(headings, bundle.events, strict=True):
        label = timevalue.label(event.value, event.end)
        assert heading.startswith(label + " — ")
    assert "### Thu 17 - Fri 18 Oct 2024 — NATO defence ministers" in text
    assert "**Grade:** B2" in text and "**Grade:** F6" in text
    assert "**Tags:** aid, funding" in text
    assert "Title edited.  \nKyiv, not Brussels." in text


def test_markdown_every_quote_is_a_footnote_naming_its_article():
    bundle = seed_bundle()
    text = render(bundle, "markdown")
    body, _, notes = text.partition("\n[^1]: ")
    notes = "[^1]: " + notes
    refs = re.findall(r"\[\^(\d+)\](?!:)", body)
    defs = dict(re.findall(r"^\[\^(\d+)\]: (.+)$", notes, re.M))
    total = _distinct_quotes(bundle)
    assert sorted(set(map(int, refs))) == list(range(1, total + 1)) == sorted(map(int, defs))
    assert "North Korean troops have been dispatched" in defs[str(total)]
    titles = {d.title for d in bundle.documents}
    for note in defs.values():
        assert any(t in note for t in titles)
    assert (
        "(<https://www.example.org/news/nato-pledges-money-not-membership?ref=a&b=1>)" in defs["1"]
    )


def test_markdown_renders_hostile_data_as_plain_text():
    text = render(hostile_bundle(), "markdown")
    html = MarkdownIt("commonmark").render(text)
    doc = lxml.html.fromstring(f"<div>{html}</div>")
    assert not list(doc.iter("script", "img", "b", "li", "a"))
    assert {em.text_content() for em in doc.iter("em")} == {"Bad <title> & co"}  # article names
    assert [h.text_content() for h in doc.iter("h1")] == ["Hostile <data> & co"]
    assert [h.text_content() for h in doc.iter("h3")] == [f"Mon 4 Mar 2024 — {HOSTILE_TITLE}"]
    plain = doc.text_content()
    for line in HOSTILE_NOTES.splitlines():
        assert line in plain
    assert "javascript" not in text  # the unsafe article URL is not linked
    assert "“" + HOSTILE_QUOTE + "”" in plain


# ---- HTML ----


def test_html_is_self_contained_and_well_formed():
    text = render(seed_bundle(), "html")
    etree.fromstring(text.split("\n", 1)[1].encode())  # strict XML parse after the doctype
    doc = lxml.html.fromstring(text)
    assert not list(doc.iter("script", "link", "img", "iframe", "object", "embed"))
    assert not doc.xpath("//@src") and not doc.xpath("//@*[starts-with(name(), 'on')]")
    css = "".join(s.text_content() for s in doc.iter("style"))
    assert "url(" not in css and "@import" not in css
    for href in doc.xpath("//a/@href"):
        assert href.startswith(("#", "https://"))


def test_html_holds_every_event_with_its_facts_and_footnotes():
    bundle = seed_bundle()
    doc = lxml.html.fromstring(render(bundle, "html"))
    assert doc.findtext(".//title") == bundle.title
    assert [h.text_content() for h in doc.iter("h2")][:-1] == MONTHS
    articles = doc.xpath("//article")
    assert [a.get("id") for a in articles] == [f"event-{e.id}" for e in bundle.events]
    for art, event in zip(articles, bundle.events, strict=True):
        assert (
            art.xpath(".//h3")[0].text_content()
            == timevalue.label(event.value, event.end) + " " + event.title
        )
        reviewed = str(event.status) in ("accepted", "edited")
        assert (f"Status: {event.status}" in art.text_content()) is not reviewed
        assert f"status-{event.status}" in art.get("class")
    undated = doc.get_element_by_id(f"event-{UNRESOLVED_ID}")
    assert "Grade: F6" in undated.text_content()
    refs = doc.xpath("//sup/a/@href")
    notes = doc.xpath("//ol[@class='footnotes']/li")
    assert list(dict.fromkeys(refs)) == [f"#{li.get('id')}" for li in notes]
    assert len(notes) == _distinct_quotes(bundle)
    first = notes[0].text_content()
    assert first.startswith("“I can announce today") and "NATO pledges money" in first


def test_html_escapes_everything_from_the_data():
    text = render(hostile_bundle(), "html")
    etree.fromstring(text.split("\n", 1)[1].encode())
    doc = lxml.html.fromstring(text)
    assert not list(doc.iter("script", "img", "b"))
    assert doc.xpath("//h3")[0].text_content() == "Mon 4 Mar 2024 " + HOSTILE_TITLE
    assert doc.findtext(".//title") == "Hostile <data> & co"
    assert HOSTILE_QUOTE in doc.text_content()
    assert "Line one <b>not bold</b> & more" in doc.text_content()
    assert not [h for h in doc.xpath("//a/@href") if not h.startswith("#")]


# ---- shared as a page: phones, footnotes, times, repeated quotes ----


def test_html_reads_on_a_phone_and_dates_its_header_for_people():
    doc = lxml.html.fromstring(render(seed_bundle(), "html"))
    assert doc.xpath("//meta[@name='viewport']/@content") == ["width=device-width, initial-scale=1"]
    meta = doc.xpath("//header/p")[0].text_content()
    assert "Generated 23 November 2026, 10:00 UTC" in meta
    assert "2026-11-23T" not in meta


def test_html_adjacent_footnote_numbers_stay_apart():
    doc = lxml.html.fromstring(render(seed_bundle(), "html"))
    sups = [sup.text_content() for sup in doc.iter("sup")]
    several = [t for t in sups if "," in t]
    assert several, sups  # the seed timeline has an article cited twice by one event
    for text in sups:
        assert re.fullmatch(r"\d+(,\d+)*", text), text


def test_html_lists_each_quoted_sentence_once_and_links_back_to_its_first_citation():
    bundle = seed_bundle()
    doc = lxml.html.fromstring(render(bundle, "html"))
    quotes = [li.text_content().split(" — ")[0] for li in doc.xpath("//ol[@class='footnotes']/li")]
    assert len(quotes) == len(set(quotes)) == _distinct_quotes(bundle)
    ids = doc.xpath("//sup/a/@id")
    assert len(ids) == len(set(ids)) == len(quotes)
    for li in doc.xpath("//ol[@class='footnotes']/li"):
        back = li.xpath("a[@class='back']/@href")[0]
        assert doc.xpath(f"//*[@id='{back[1:]}']")


def test_only_unreviewed_events_carry_a_status_line():
    text = render(seed_bundle(), "html")
    assert "Status: accepted" not in text and "Status: edited" not in text
    assert "Status: proposed" in text  # the seed bundle holds one unreviewed event
