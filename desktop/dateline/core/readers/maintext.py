"""The main text of a web page: boilerplate pruned from the tree, then trafilatura.

trafilatura finds the article body in ``<div>`` soups and ``<article>`` elements alike, but it
keeps what sits inside the body: "ADVERTISEMENT" paragraphs, share buttons, "More from World"
lists of other stories with their dates, newsletter boxes, bylines and time stamps. Those are
pruned first, by their class/id names and by their words, and any such line left is dropped
from the result: each leaked date would become a spurious event.
"""

from __future__ import annotations

import logging
import re
from copy import deepcopy
from typing import Any

log = logging.getLogger(__name__)

# class/id words (split on "-", "_" and camelCase) that mark page furniture, never article text.
_FURNITURE_WORDS = frozenset(
    (
        "ad", "ads", "advert", "advertisement", "adslot", "sponsor", "sponsored", "promo",
        "share", "sharing", "social", "newsletter", "subscribe", "subscription", "signup",
        "related", "recommended", "recommendations", "trending", "popular", "mostread",
        "outbrain", "taboola", "comments", "comment", "byline", "author", "authors", "timestamp",
        "dateline", "date", "published", "updated", "breadcrumb", "breadcrumbs", "tags", "cookie",
        "paywall", "toolbar", "nav", "menu", "sidebar", "footer", "masthead", "more",
    )
)  # fmt: skip
_BOILERPLATE = re.compile(
    r"^(?:advertisement|advertisements|advert|ad|sponsored(?: content)?|story continues below"
    r"(?: advertisement)?|continue reading(?: below)?|share(?: (?:on|this|via|to) .{0,40}| this"
    r"(?: article| story)?)?|tweet|email|e-mail|print|copy link|whatsapp|facebook|twitter|x|"
    r"linkedin|more from .{1,40}|related(?: articles| stories| content| coverage| news)?:?|"
    r"read more.{0,80}|read next.{0,80}|most (?:read|popular|viewed)|recommended(?: for you)?|"
    r"you (?:may|might) also like|trending(?: now)?|sign up.{0,120}|subscribe.{0,120}|"
    r"(?:get|join) our .{0,40}newsletter.{0,80}|follow us.{0,60}|by staff reporter|"
    r"by (?:our |an? )?(?:staff|correspondent|reporter)s?(?: reporter| writer)?|"
    r"(?:image|photo)(?: credit)?: .{0,80}|getty images|"
    r"(?!.*\.$)(?:(?:first )?published|(?:last )?updated)(?::|\s+on)?\s+[^.!?]{0,50}\d.{0,30})$",
    re.I,
)
_SECTION_HEADINGS = re.compile(
    r"^(?:more from .{1,40}|related(?: articles| stories| content| coverage| news)?|"
    r"read (?:more|next)|most (?:read|popular|viewed)|recommended(?: for you)?|"
    r"you (?:may|might) also like|trending(?: now)?|latest news|top stories)$",
    re.I,
)
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
_WORD_SPLIT = re.compile(r"[-_:\s]+")
_SMALL_SHARE = 0.3  # furniture holds less than this share of the page's paragraph text
_LIST_PREFIX = re.compile(r"^[-*•]\s+")


def furniture_author(root: Any) -> str:
    """The name in a byline element ("By Jane Doe"), before bylines are pruned."""
    for el in root.iter():
        if isinstance(el.tag, str) and {"byline", "author"} & _class_words(el):
            text = " ".join(el.text_content().split())
            text = re.sub(r"^by\s+", "", text, flags=re.I)
            plausible = 2 <= len(text) <= 60 and not any(c.isdigit() for c in text)
            if plausible and not _BOILERPLATE.match(f"by {text}"):
                return text
    return ""


def prune_furniture(root: Any) -> None:
    """Remove page furniture from the (already script-free) tree, in place."""
    body = root.find("body")
    body = body if body is not None else root
    total = max(1, _text_len(body))
    doomed: list[Any] = []
    for el in body.iter():
        if not isinstance(el.tag, str) or el is body:
            continue
        if _class_words(el) & _FURNITURE_WORDS and _text_len(el) < _SMALL_SHARE * total:
            doomed.append(el)
            continue
        if len(el) > 3:  # only small elements can be one line of furniture; skips big subtrees
            continue
        text = " ".join(el.text_content().split())
        if not text or len(text) > 160:
            continue
        if _SECTION_HEADINGS.match(text):
            doomed.extend(_related_section(el, total))
        elif _BOILERPLATE.match(text):
            doomed.append(el)
    for el in doomed:
        if el.getparent() is not None:
            el.drop_tree()


def _related_section(heading: Any, total: int) -> list[Any]:
    """A "More from World" heading: its whole box if small, else it and the lists after it."""
    parent = heading.getparent()
    if parent is not None and parent.tag != "body" and _text_len(parent) < _SMALL_SHARE * total:
        owned = [c for c in parent if isinstance(c.tag, str)]
        if (owned and owned[0] is heading) or len(owned) <= 4:
            return [parent]
    found = [heading]
    for sibling in heading.itersiblings():
        if not isinstance(sibling.tag, str):
            continue
        if sibling.tag in ("ul", "ol", "li", "div", "a", "span") and _text_len(sibling) < 400:
            found.append(sibling)
            continue
        break
    return found


def _class_words(el: Any) -> set[str]:
    names = f"{el.get('class') or ''} {el.get('id') or ''} {el.get('itemprop') or ''}"
    if not names.strip():
        return set()
    return {w.lower() for w in _WORD_SPLIT.split(_CAMEL.sub(" ", names)) if w}


def _text_len(el: Any) -> int:
    return len(" ".join(el.text_content().split()))


def main_text(root: Any) -> str | None:
    """trafilatura's main text of the pruned tree, furniture lines out; None if it found none."""
    try:
        import trafilatura
    except ImportError:  # pragma: no cover - a declared dependency
        return None
    try:
        # A copy: trafilatura rewrites the tree it is given. A tree, never a string: nothing
        # that looks like a URL is ever fetched. No metadata: dates and encodings are ours.
        found = trafilatura.extract(
            deepcopy(root),
            output_format="txt",
            include_comments=False,
            include_tables=True,
            include_images=False,
            include_links=False,
            include_formatting=False,
            favor_precision=True,
            with_metadata=False,
            deduplicate=False,
        )
    except Exception:  # a heuristic helper must never fail an import
        log.debug("trafilatura failed", exc_info=True)
        return None
    if not found or not found.strip():
        return None
    return drop_furniture_lines(found)


def drop_furniture_lines(text: str) -> str:
    """Lines that are page furniture ("ADVERTISEMENT", "Share on X", "More from World") out."""
    kept = []
    for line in text.split("\n"):
        bare = _LIST_PREFIX.sub("", line.strip())
        if bare and _BOILERPLATE.match(bare):
            continue
        kept.append(line)
    return "\n".join(kept)
