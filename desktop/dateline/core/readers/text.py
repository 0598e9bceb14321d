"""Plain text and Markdown, with an optional ``---`` front matter block of ``key: value`` lines."""

from __future__ import annotations

import re

from dateline.core.readers.article import Draft, title_from_text
from dateline.core.readers.dateline import take_dateline
from dateline.core.readers.dates import metadata_date

_KEY_LINE = re.compile(r"^([A-Za-z_][\w .-]*?)\s*:\s*(.*)$")
_FRONT_MATTER_MAX_LINES = 100
_FIELDS = {
    "title": "title",
    "headline": "title",
    "published": "published",
    "date": "published",
    "published_at": "published",
    "publication_date": "published",
    "pubdate": "published",
    "source": "source",
    "outlet": "source",
    "publisher": "source",
    "url": "url",
    "link": "url",
    "author": "author",
    "authors": "author",
    "byline": "author",
    "language": "language",
    "lang": "language",
}


def read_text(text: str, *, markdown: bool) -> Draft:
    meta, body = split_front_matter(text)
    draft = Draft(text=body.lstrip("\n"), format="markdown" if markdown else "text")
    for key, value in meta.items():
        name = _FIELDS.get(key.lower().replace("-", "_").replace(" ", "_"))
        if name is None or not value:
            continue
        if name == "published":
            if draft.published is None:
                draft.published = metadata_date(value, draft.warnings, where="front matter")
        elif not getattr(draft, name):
            setattr(draft, name, value)
    take_dateline(draft)
    if not draft.title:
        draft.title = title_from_text(draft.text, markdown=markdown)
    return draft


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """({key: value}, text without the block); ({}, text) unless the top is a real block.

    A Markdown document may open with a ``---`` rule followed by prose: that is not front matter,
    so every line inside must be ``key: value``, a list item, an indented continuation or a comment.
    """
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return {}, text
    meta: dict[str, str] = {}
    last_key = ""
    for i, line in enumerate(lines[1 : _FRONT_MATTER_MAX_LINES + 1], start=1):
        stripped = line.strip()
        if stripped in ("---", "..."):
            if not meta:
                return {}, text
            return meta, "\n".join(lines[i + 1 :])
        if not stripped or stripped.startswith("#"):
            continue
        match = _KEY_LINE.match(line)
        if match and not line[0].isspace():
            last_key = match.group(1).strip()
            meta[last_key] = _unquote(match.group(2))
        elif last_key and (line[0].isspace() or stripped.startswith("- ")):
            item = _unquote(stripped.removeprefix("- ").strip())
            previous = meta.get(last_key, "")
            meta[last_key] = f"{previous}, {item}" if previous else item
        else:
            return {}, text
    return {}, text


def _unquote(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    if value.startswith("[") and value.endswith("]"):  # YAML flow list: authors: [A, B]
        return ", ".join(_unquote(v) for v in value[1:-1].split(",") if v.strip())
    return value
