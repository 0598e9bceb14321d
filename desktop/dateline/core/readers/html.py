"""HTML -> the article's main text and its metadata. Nothing in the page is executed or fetched.

Scripts, styles, navigation, headers/footers, asides, forms and comments are dropped, then page
furniture (``maintext``); the main text is trafilatura's, or when it finds none the ``<article>``
(or the element holding most paragraph text), one line per paragraph. Dates and encodings are
read here, not by trafilatura: ours measured better.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from copy import deepcopy
from html import unescape
from typing import Any

from lxml import etree
from lxml import html as lxml_html

from dateline.core.readers.article import Draft
from dateline.core.readers.dates import metadata_date, parse_date_detail
from dateline.core.readers.encoding import normalize_text
from dateline.core.readers.maintext import furniture_author, main_text, prune_furniture

_DROP_TAGS = (
    "script", "style", "noscript", "template", "iframe", "frame", "frameset", "object", "embed",
    "applet", "svg", "math", "canvas", "video", "audio", "picture", "img", "map", "nav", "header",
    "footer", "aside", "form", "button", "input", "select", "option", "textarea", "label",
    "dialog", "menu", "head", "title", "meta", "link", "base",
)  # fmt: skip
_BLOCK_TAGS = frozenset(
    (
        "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul",
        "ol", "dl", "dt", "dd", "blockquote", "pre", "figure", "figcaption", "table", "tr",
        "thead", "tbody", "tfoot", "caption", "hr", "address", "details", "summary", "body",
        "center", "fieldset", "br",
    )
)  # fmt: skip
_CELL_TAGS = frozenset(("td", "th"))
_PUBLISHED_META = (
    "article:published_time", "og:published_time", "og:article:published_time",
    "article.published", "datepublished", "date", "pubdate", "publishdate", "publish-date",
    "publish_date", "publication_date", "dc.date", "dc.date.issued", "dc.date.created",
    "dcterms.date", "dcterms.issued", "dcterms.created", "sailthru.date", "parsely-pub-date",
    "citation_publication_date", "citation_date", "article_date_original", "originalpublicationdate",
    "cxenseparse:recs:publishtime", "release_date", "created", "displaydate",
)  # fmt: skip
_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.S)
_CODE_BLOCK = re.compile(
    r"<(script|style|noscript|template|svg|math|textarea|head|nav|header|footer|aside|form)\b"
    r".*?(?:</\1\s*>|\Z)",
    re.S | re.I,
)
_BLOCK_TAG = re.compile(
    r"</?(?:p|div|br|h[1-6]|li|tr|td|th|section|article|blockquote|pre)\b[^>]*>", re.I
)
_ANY_TAG = re.compile(r"<[^>]*>")
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*>", re.I)
_SPACE = re.compile(r"[ \t\n\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_ARTICLE_TYPES = ("article", "newsarticle", "reportagenewsarticle", "blogposting", "webpage",
                  "analysisnewsarticle", "opinionnewsarticle", "report", "liveblogposting")  # fmt: skip


class NoReadableText(ValueError):
    """The markup held no text a person could read."""


def read_html(markup: str, *, use_htmldate: bool = True) -> Draft:
    root = parse_html(markup)
    meta = _meta(root)
    json_ld = list(_json_ld(root))
    draft = Draft(text="", format="html")
    draft.title = _title(root, meta, json_ld)
    draft.source = meta.get("og:site_name") or _ld_name(json_ld, "publisher")
    draft.url = _canonical_url(root, meta)
    authors = (meta.get("author", ""), meta.get("article:author", ""), _ld_name(json_ld, "author"))
    # article:author is often a profile URL, which names nobody.
    draft.author = next((a for a in authors if a and "://" not in a), "")
    draft.language = _language(root, meta)
    _find_published(root, meta, json_ld, draft, use_htmldate=use_htmldate)
    _strip_unwanted(root)
    draft.author = draft.author or furniture_author(root)
    prune_furniture(root)
    draft.text = normalize_text(main_text(root) or _main_text(root))
    if not draft.text.strip():
        # libxml2 drops content nested deeper than its limit; salvage the text by stripping tags.
        draft.text = normalize_text(strip_tags(markup))
        if not draft.text.strip():
            raise NoReadableText("broken HTML: no readable text")
        draft.warnings.append("the HTML could not be parsed; text taken by stripping the tags")
    if not draft.title:
        draft.title = draft.text.split("\n", 1)[0]
    return draft


def html_to_text(markup: str) -> str:
    """Readable text of an HTML fragment (e.g. a JSON record's body); "" if none."""
    try:
        root = parse_html(markup)
    except NoReadableText:
        return ""
    _strip_unwanted(root)
    return normalize_text(_main_text(root))


def strip_tags(markup: str) -> str:
    """Last resort for markup lxml cannot hold: drop code and boilerplate blocks, then all tags."""
    text = _COMMENT.sub(" ", markup)
    text = _CODE_BLOCK.sub(" ", text)
    text = _BLOCK_TAG.sub("\n", text)
    text = _ANY_TAG.sub("", text)
    lines = (_clean(unescape(line)) for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def parse_html(markup: str) -> Any:
    # lxml refuses str input that declares an encoding; the text is already decoded.
    markup = _XML_DECLARATION.sub("", markup, count=1)
    parser = lxml_html.HTMLParser(
        recover=True, no_network=True, remove_comments=True, remove_pis=True, huge_tree=False
    )
    try:
        root = lxml_html.document_fromstring(markup, parser=parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
        raise NoReadableText("broken HTML: no readable text") from exc
    if root is None:
        raise NoReadableText("broken HTML: no readable text")
    return root


# ---- metadata ----


def _meta(root: Any) -> dict[str, str]:
    found: dict[str, str] = {}
    for el in root.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").strip().lower()
        value = _clean(el.get("content") or el.get("datetime") or "")
        if key and value and key not in found:
            found[key] = value
    return found


def _json_ld(root: Any) -> Iterator[dict[str, Any]]:
    for el in root.iter("script"):
        if "ld+json" not in (el.get("type") or "").lower():
            continue
        try:
            data = json.loads(el.text or "")
        except (ValueError, RecursionError):
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(reversed(item))
            elif isinstance(item, dict):
                if "@graph" in item:
                    stack.append(item["@graph"])
                types = item.get("@type")
                types = types if isinstance(types, list) else [types]
                if any(str(t).lower() in _ARTICLE_TYPES for t in types):
                    yield item


def _ld_name(json_ld: list[dict[str, Any]], key: str) -> str:
    for item in json_ld:
        names = []
        values = item.get(key)
        for value in values if isinstance(values, list) else [values]:
            if isinstance(value, dict):
                value = value.get("name")
            if isinstance(value, str) and value.strip():
                names.append(_clean(value))
        if names:
            return ", ".join(names)
    return ""


def _title(root: Any, meta: dict[str, str], json_ld: list[dict[str, Any]]) -> str:
    for key in ("og:title", "twitter:title"):
        if meta.get(key):
            return meta[key]
    title = root.find(".//title")
    if title is not None and _clean(title.text_content()):
        return _clean(title.text_content())
    for item in json_ld:
        if isinstance(item.get("headline"), str) and item["headline"].strip():
            return _clean(item["headline"])
    h1 = root.find(".//h1")
    return _clean(h1.text_content()) if h1 is not None else ""


def _canonical_url(root: Any, meta: dict[str, str]) -> str:
    for link in root.iter("link"):
        href: str = link.get("href") or ""
        if (link.get("rel") or "").lower() == "canonical" and href.strip():
            return href.strip()
    return meta.get("og:url", "")


def _language(root: Any, meta: dict[str, str]) -> str:
    lang = root.get("lang") or root.get("xml:lang") or meta.get("og:locale") or ""
    lang = lang.strip().replace("_", "-").split("-")[0].lower()
    return lang if re.fullmatch(r"[a-z]{2,3}", lang) else ""


def _find_published(
    root: Any,
    meta: dict[str, str],
    json_ld: list[dict[str, Any]],
    draft: Draft,
    *,
    use_htmldate: bool,
) -> None:
    candidates: list[str] = [meta[key] for key in _PUBLISHED_META if meta.get(key)]
    candidates += [
        str(item[key])
        for item in json_ld
        for key in ("datePublished", "dateCreated")
        if item.get(key)
    ]
    for el in root.iter("time"):
        if el.get("datetime") and (el.get("pubdate") is not None or "publish" in
                                   (el.get("itemprop") or el.get("class") or "").lower()):  # fmt: skip
            candidates.append(el.get("datetime"))
    for el in root.iter("time"):
        if el.get("datetime"):
            candidates.append(el.get("datetime"))
            break
    for raw in candidates:
        value, problem = parse_date_detail(raw)
        if value is not None:
            draft.published = value
            return
        if problem == "not a real date":  # "2024-02-30": the page is wrong; say so
            metadata_date(raw, draft.warnings, where="HTML metadata")
    if candidates:
        if not draft.warnings:
            metadata_date(candidates[0], draft.warnings, where="HTML metadata")
        return
    if use_htmldate:
        found = _htmldate(root)
        if found is not None:
            draft.published = found


def _htmldate(root: Any) -> Any:
    try:
        from htmldate import find_date
    except ImportError:  # pragma: no cover - htmldate is a declared dependency
        return None
    try:
        # A tree, never a string: htmldate downloads any string that looks like a URL.
        # No extensive search: dates in the body text are events, not the publication date.
        found = find_date(deepcopy(root), extensive_search=False, original_date=True)
    except Exception:  # a heuristic helper must never fail an import
        return None
    return parse_date_detail(found)[0] if found else None


# ---- main text ----


def _strip_unwanted(root: Any) -> None:
    etree.strip_elements(root, etree.Comment, etree.ProcessingInstruction, with_tail=False)
    etree.strip_elements(root, *_DROP_TAGS, with_tail=False)
    hidden = [
        el
        for el in root.iter()
        if isinstance(el.tag, str)
        and (
            el.get("hidden") is not None
            or (el.get("aria-hidden") or "").lower() == "true"
            or re.search(r"display\s*:\s*none|visibility\s*:\s*hidden", el.get("style") or "", re.I)
        )
    ]
    for el in hidden:
        if el.getparent() is not None:
            el.drop_tree()


def _main_text(root: Any) -> str:
    body = root.find("body")
    body = body if body is not None else root
    total = _p_text_len(body)
    if total == 0:
        return _render(body)
    landmarks = [
        (_p_text_len(el), len(list(el.iterancestors())), el)
        for el in (*body.iter("article", "main"), *body.xpath(".//*[@role='main']"))
    ]
    # The innermost landmark holding most of the paragraph text: <main><article> -> the article.
    landmarks = [item for item in landmarks if item[0] >= 0.5 * total]
    best = max(landmarks, key=lambda item: item[:2])[2] if landmarks else None
    if best is None:
        best = _densest_paragraph_parent(body, total)
    return _render(best)


def _p_text_len(el: Any) -> int:
    return sum(len(_clean(p.text_content())) for p in el.iter("p"))


def _densest_paragraph_parent(body: Any, total: int) -> Any:
    scores: dict[Any, int] = {}
    for p in body.iter("p"):
        parent = p.getparent()
        if parent is not None:
            scores[parent] = scores.get(parent, 0) + len(_clean(p.text_content()))
    best = max(scores, key=lambda el: scores[el])
    # Paragraphs split over sibling blocks: climb while the ancestor adds a lot of paragraph text.
    size = scores[best]
    while best is not body and best.getparent() is not None:
        parent_size = _p_text_len(best.getparent())
        if parent_size < 1.3 * size:
            break
        best, size = best.getparent(), parent_size
    return best


def _render(container: Any) -> str:
    lines: list[str] = []
    current: list[str] = []

    def flush() -> None:
        line = _SPACE.sub(" ", "".join(current)).strip()
        if line:
            lines.append(line)
        current.clear()

    for event, el in etree.iterwalk(container, events=("start", "end")):
        tag = el.tag if isinstance(el.tag, str) else ""
        if event == "start":
            if tag in _BLOCK_TAGS:
                flush()
            if tag in _CELL_TAGS:
                current.append(" ")
            if el.text:
                current.append(el.text)
        else:
            if tag == "pre":
                for part in "".join(current).split("\n"):
                    current[:] = [part]
                    flush()
            elif tag in _BLOCK_TAGS:
                flush()
            if el is not container and el.tail:
                current.append(el.tail)
    flush()
    return "\n".join(lines)


def _clean(value: str) -> str:
    return _SPACE.sub(" ", value).strip()
