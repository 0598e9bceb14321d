"""JSON collections: an array of objects, {"articles": [...]}, a single object, or JSON Lines.

A bad record is skipped with a warning; the file fails only when no record is usable.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from dateline.core.readers.article import Draft, title_from_text
from dateline.core.readers.dates import metadata_date
from dateline.core.readers.encoding import normalize_text
from dateline.core.readers.html import html_to_text

TEXT_FIELDS = ("text", "body", "content", "article", "full_text", "fulltext")
TITLE_FIELDS = ("title", "headline", "name")
PUBLISHED_FIELDS = ("published", "date", "published_at", "publishedAt", "datePublished",
                    "pubDate", "publication_date", "published_date")  # fmt: skip
URL_FIELDS = ("url", "link", "canonical_url")
SOURCE_FIELDS = ("source", "outlet", "publisher", "site", "site_name")
AUTHOR_FIELDS = ("author", "authors", "byline", "creator")
LANGUAGE_FIELDS = ("language", "lang")
_LOOKS_LIKE_HTML = re.compile(r"<(p|br|div|span|a|em|strong|h[1-6]|li)\b[^>]*>", re.I)
_NO_ARTICLES = "no articles in this JSON (expected objects with a 'text' field)"


class BadCollection(ValueError):
    """The file as a whole is unusable; ``str()`` is the reason for a person."""


@dataclass
class Collection:
    records: list[tuple[int, Draft]]  # (record index, draft)
    warnings: list[str] = field(default_factory=list)  # about the file: skipped records


def read_collection(text: str, *, lines: bool) -> Collection:
    """Parse JSON (``lines=False``) or JSON Lines; a ``.json`` file holding JSON Lines is accepted."""
    if not lines:
        try:
            data = json.loads(text)
        except RecursionError:
            raise BadCollection("invalid JSON: nested too deeply") from None
        except json.JSONDecodeError as exc:
            if exc.msg == "Extra data" and text.lstrip().startswith("{"):
                return read_collection(text, lines=True)
            raise BadCollection(f"invalid JSON at line {exc.lineno}: {exc.msg}") from None
        items = _items(data)
        return _drafts(list(enumerate(items)), warnings=[])
    items_: list[tuple[int, Any]] = []
    warnings: list[str] = []
    bad_lines = 0
    first_error = ""
    for lineno, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            items_.append((lineno - 1, json.loads(line)))
        except (json.JSONDecodeError, RecursionError) as exc:
            bad_lines += 1
            msg = exc.msg if isinstance(exc, json.JSONDecodeError) else "nested too deeply"
            first_error = first_error or f"invalid JSON at line {lineno}: {msg}"
            warnings.append(f"record {lineno - 1} (line {lineno}) skipped: invalid JSON: {msg}")
    if not items_ and first_error:
        raise BadCollection(first_error)
    return _drafts(items_, warnings)


def _items(data: Any) -> list[Any]:
    if isinstance(data, list):
        return data
    if isinstance(data, dict):
        for key in ("articles", "items", "records", "documents"):
            items = data.get(key)
            if isinstance(items, list):
                return items
        if any(key in data for key in TEXT_FIELDS):
            return [data]
    raise BadCollection(_NO_ARTICLES)


def _drafts(items: list[tuple[int, Any]], warnings: list[str]) -> Collection:
    records: list[tuple[int, Draft]] = []
    for index, item in items:
        if not isinstance(item, dict):
            warnings.append(f"record {index} skipped: not an object")
            continue
        draft = _record(item)
        if draft is None:
            warnings.append(f"record {index} skipped: no 'text' field with text in it")
            continue
        records.append((index, draft))
    if not records:
        detail = f" ({len(warnings)} records skipped)" if warnings else ""
        raise BadCollection(_NO_ARTICLES + detail)
    return Collection(records, warnings)


def _record(item: dict[str, Any]) -> Draft | None:
    raw_text = _first(item, TEXT_FIELDS)
    if isinstance(raw_text, list):
        raw_text = "\n".join(str(part) for part in raw_text if isinstance(part, str))
    if not isinstance(raw_text, str):
        return None
    draft = Draft(text="", format="json")
    if _LOOKS_LIKE_HTML.search(raw_text):
        draft.text = html_to_text(raw_text)
        draft.warnings.append("the text was HTML; converted to plain text")
    else:
        draft.text = normalize_text(raw_text)
    if not draft.text.strip():
        return None
    draft.title = normalize_text(_string(_first(item, TITLE_FIELDS))).replace("\n", " ")
    if not draft.title:
        draft.title = title_from_text(draft.text)
    published = _first(item, PUBLISHED_FIELDS)
    if isinstance(published, str | int | float) and not isinstance(published, bool):
        draft.published = metadata_date(published, draft.warnings, where="record")
    draft.url = _string(_first(item, URL_FIELDS))
    draft.source = _string(_first(item, SOURCE_FIELDS))
    draft.author = _string(_first(item, AUTHOR_FIELDS))
    draft.language = _string(_first(item, LANGUAGE_FIELDS))
    return draft


def _first(item: dict[str, Any], keys: tuple[str, ...]) -> Any:
    for key in keys:
        value = item.get(key)
        if value not in (None, "", []):
            return value
    return None


def _string(value: Any) -> str:
    """Strings as they are; {"name": ...} objects and lists of them as names."""
    if isinstance(value, list):
        return ", ".join(s for s in (_string(v) for v in value) if s)
    if isinstance(value, dict):
        value = value.get("name") or value.get("title") or ""
    if isinstance(value, str):
        return " ".join(normalize_text(value).split())
    return ""
