"""Briefings for people: Markdown and a self-contained HTML page.

Both lay the timeline out in date order under month headings (a coarse value such as "H1 2024" gets
its own heading: filing it under January would claim a precision the sources never gave), each event
with its date, status, grade, tags and notes, and every quote as a footnote naming its article.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from .. import timevalue
from ..calendar_words import MONTH_NAMES
from ..corroboration import grade
from ..model import (
    DocumentRecord,
    EventRecord,
    ExportBundle,
    Granularity,
    SourceRecord,
    Status,
)
from ._common import (
    Progress,
    date_label,
    document_title,
    document_url,
    documents_by_id,
    each,
    generated_label,
    quoted,
    safe_url,
)

_REVIEWED = {Status.ACCEPTED, Status.EDITED}
_COARSE = {
    Granularity.SEASON,
    Granularity.QUARTER,
    Granularity.HALF,
    Granularity.YEAR,
    Granularity.DECADE,
    Granularity.CENTURY,
}


def heading(e: EventRecord) -> str:
    first, _, g = timevalue.interval(e.value)
    if first is None:
        return "Undated"
    if g in _COARSE:
        return timevalue.label(e.value)
    return f"{MONTH_NAMES[first.month]} {first.year}"


@dataclass(frozen=True, slots=True)
class Note:
    number: int
    source: SourceRecord
    article: str
    url: str


def _layout(
    bundle: ExportBundle, progress: Progress | None
) -> tuple[list[tuple[str, list[tuple[EventRecord, list[Note]]]]], list[Note]]:
    """Events grouped under consecutive headings, each with its numbered footnotes.

    One sentence of one article is one footnote, however many events (or readings of one event)
    cite it: the list of sources never repeats a quote.
    """
    docs: dict[int, DocumentRecord] = documents_by_id(bundle)
    groups: list[tuple[str, list[tuple[EventRecord, list[Note]]]]] = []
    notes: list[Note] = []
    by_quote: dict[tuple[int, str], Note] = {}
    for e in each(bundle.events, progress):
        mine: list[Note] = []
        for s in e.sources:
            key = (s.document_id, " ".join(s.quote.split()))
            n = by_quote.get(key)
            if n is None:
                n = Note(
                    len(notes) + 1, s, document_title(s, docs), safe_url(document_url(s, docs))
                )
                notes.append(n)
                by_quote[key] = n
            if n not in mine:
                mine.append(n)
        h = heading(e)
        if not groups or groups[-1][0] != h:
            groups.append((h, []))
        groups[-1][1].append((e, mine))
    return groups, notes


def _by_article(notes: list[Note]) -> list[tuple[str, list[Note]]]:
    """An event's footnotes gathered under each article, in first-mention order."""
    grouped: dict[str, list[Note]] = {}
    for n in notes:
        grouped.setdefault(n.article, []).append(n)
    return list(grouped.items())


def _facts(e: EventRecord) -> list[tuple[str, str]]:
    # A reviewed event needs no label; one the analyst has not accepted must say so.
    facts = [] if e.status in _REVIEWED else [("Status", str(e.status))]
    if g := grade(e):
        facts.append(("Grade", g))
    if e.tags:
        facts.append(("Tags", ", ".join(e.tags)))
    if e.location:
        facts.append(("Location", e.location))
    if e.actors:
        facts.append(("Actors", e.actors))
    return facts


def _summary(bundle: ExportBundle) -> str:
    n, m = len(bundle.events), len(bundle.documents)
    return (
        f"Generated {generated_label(bundle)} · {n} event{'s' * (n != 1)}"
        f" from {m} article{'s' * (m != 1)}"
    )


# ---- Markdown ----

_MD_INLINE = re.compile(r"([\\`*_\[\]<>|~#&])")
_MD_BLOCK = re.compile(r"^(\s*)([-+=]|\d+[.)])(?=\s|$)")


def md(text: str) -> str:
    """Escape one line so it reads as plain text: no emphasis, links, HTML, footnotes or lists."""
    return _MD_BLOCK.sub(r"\1\\\2", _MD_INLINE.sub(r"\\\1", text))


def _md_paragraph(text: str) -> list[str]:
    # A blank line inside notes starts a new paragraph; single line breaks are kept as hard breaks.
    lines = [md(line) + "  " if line.strip() else "" for line in text.splitlines()]
    return [*lines[:-1], lines[-1].rstrip()] if lines else []


def render_markdown(bundle: ExportBundle, progress: Progress | None = None) -> str:
    groups, notes = _layout(bundle, progress)
    out = [f"# {md(bundle.title)}", "", md(_summary(bundle)), ""]
    for title, events in groups:
        out += [f"## {md(title)}", ""]
        for e, mine in events:
            out += [f"### {md(date_label(e))} — {md(e.title)}", ""]
            out += [" · ".join(f"**{k}:** {md(v)}" for k, v in _facts(e)), ""]
            if e.notes.strip():
                out += [*_md_paragraph(e.notes.strip()), ""]
            if mine:
                refs = ", ".join(
                    f"*{md(article)}*" + "".join(f"[^{n.number}]" for n in ns)
                    for article, ns in _by_article(mine)
                )
                out += [f"Sources: {refs}", ""]
    for n in notes:
        url = n.url.replace(" ", "%20").replace("<", "%3C").replace(">", "%3E")
        cite = f"[{md(n.article)}](<{url}>)" if url else f"*{md(n.article)}*"
        quote = md(quoted(" ".join(n.source.quote.split())))
        out.append(f"[^{n.number}]: {quote} — {cite}")
    return "\n".join(out).rstrip("\n") + "\n"


# ---- HTML ----

_CSS = """
body{font:16px/1.5 Georgia,serif;max-width:46em;margin:2em auto;padding:0 1em;color:#222}
h1{font-size:1.8em;margin-bottom:.2em}h2{border-bottom:1px solid #ccc;margin-top:2em}
h3{font-size:1.1em;margin:1.2em 0 .3em}.date{color:#555;font-weight:normal;margin-right:.4em}
.meta,.facts{color:#555;font-size:.9em}.facts span+span:before{content:" · "}
.notes{background:#f6f6f0;padding:.4em .8em;border-left:3px solid #cc9}
.status-rejected h3{text-decoration:line-through;color:#888}
.footnotes{font-size:.9em}.footnotes li{margin-bottom:.4em}sup a{text-decoration:none}
""".strip()


def h(text: str) -> str:
    return html.escape(text, quote=True)


def _ref(n: Note, cited: set[int]) -> str:
    first = n.number not in cited
    cited.add(n.number)
    anchor = f' id="ref-{n.number}"' if first else ""
    return f'<a href="#fn-{n.number}"{anchor}>{n.number}</a>'


def render_html(bundle: ExportBundle, progress: Progress | None = None) -> str:
    groups, notes = _layout(bundle, progress)
    cited: set[int] = set()  # the first citation of a footnote is where its back-link returns
    out = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        '<head><meta charset="utf-8"/><meta name="generator" content="Dateline"/>',
        '<meta name="viewport" content="width=device-width, initial-scale=1"/>',
        f"<title>{h(bundle.title)}</title>",
        f"<style>{_CSS}</style></head>",
        "<body>",
        f'<header><h1>{h(bundle.title)}</h1><p class="meta">{h(_summary(bundle))}</p></header>',
        "<main>",
    ]
    for title, events in groups:
        out.append(f"<section><h2>{h(title)}</h2>")
        for e, mine in events:
            out.append(f'<article class="event status-{h(str(e.status))}" id="event-{e.id}">')
            out.append(f'<h3><span class="date">{h(date_label(e))}</span> {h(e.title)}</h3>')
            facts = "".join(f"<span>{h(k)}: {h(v)}</span>" for k, v in _facts(e))
            out.append(f'<p class="facts">{facts}</p>')
            if e.notes.strip():
                body = "<br/>".join(h(line) for line in e.notes.strip().splitlines())
                out.append(f'<p class="notes">{body}</p>')
            if mine:
                refs = ", ".join(
                    f"<cite>{h(article)}</cite>"
                    # one <sup> per article, its numbers apart: "membership⁵,⁶", never "⁵⁶"
                    + "<sup>"
                    + ",".join(_ref(n, cited) for n in ns)
                    + "</sup>"
                    for article, ns in _by_article(mine)
                )
                out.append(f'<p class="sources">Sources: {refs}</p>')
            out.append("</article>")
        out.append("</section>")
    out.append("</main>")
    if notes:
        out.append('<footer><h2>Sources</h2><ol class="footnotes">')
        for n in notes:
            article = f'<a href="{h(n.url)}">{h(n.article)}</a>' if n.url else h(n.article)
            out.append(
                f'<li id="fn-{n.number}">{h(quoted(n.source.quote))} — <cite>{article}</cite>'
                f' <a href="#ref-{n.number}" class="back">↩</a></li>'
            )
        out.append("</ol></footer>")
    out += ["</body>", "</html>"]
    return "\n".join(out) + "\n"
