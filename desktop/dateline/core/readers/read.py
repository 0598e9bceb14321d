"""One file on disk -> its articles: pick the format, decode, parse, apply manifest and argument."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lxml import etree

from dateline.core.errors import ImportFailed
from dateline.core.readers.article import (
    MAX_FILE_BYTES,
    Draft,
    ParsedArticle,
    shorten_title,
    title_from_text,
)
from dateline.core.readers.dateline import take_dateline
from dateline.core.readers.dates import metadata_date
from dateline.core.readers.dumps import split_dump
from dateline.core.readers.encoding import decode_bytes, normalize_text, read_limited
from dateline.core.readers.html import NoReadableText, read_html
from dateline.core.readers.jsonl import BadCollection, read_collection
from dateline.core.readers.mail import read_email
from dateline.core.readers.manifest import manifest_entry
from dateline.core.readers.pdf import read_pdf
from dateline.core.readers.text import read_text, split_front_matter
from dateline.core.readers.word import read_docx

_FORMATS = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".pdf": "pdf",
    ".docx": "docx",
    ".eml": "email",
}
_HTML_START = re.compile(
    r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S
)
MISSING_DATE = "publication date missing"
_FIELDS = ("title", "source", "url", "author", "language")

# (units done, units in the file): PDF pages as they are read. It may raise Cancelled, which
# reaches the caller untouched; the other readers take well under a second on the largest file.
ReadProgress = Callable[[int, int], None]


@dataclass(frozen=True)
class FileRead:
    """Everything read from one file: its articles and warnings about the file itself."""

    path: str
    articles: tuple[ParsedArticle, ...]
    warnings: tuple[str, ...] = ()  # e.g. "record 3 (line 4) skipped: invalid JSON: ..."


def read_articles(
    path: str | Path,
    *,
    published: dt.date | None = None,
    max_bytes: int = MAX_FILE_BYTES,
    progress: ReadProgress | None = None,
) -> list[ParsedArticle]:
    """The articles in one file: one for text/Markdown/HTML/PDF/Word/e-mail, one per usable record
    of a collection, one per article of an obvious multi-article text dump (``dumps``).

    ``published`` (the CLI's --published) overrides every other date (published_source="argument").
    Warnings about the file as a whole (skipped records) are added to the first article.
    Raises ImportFailed(path, reason) when the file gives no article at all.
    """
    result = read_file(path, published=published, max_bytes=max_bytes, progress=progress)
    articles = list(result.articles)
    if result.warnings:
        first = articles[0]
        articles[0] = dataclasses.replace(first, warnings=first.warnings + result.warnings)
    return articles


def read_file(
    path: str | Path,
    *,
    published: dt.date | None = None,
    max_bytes: int = MAX_FILE_BYTES,
    progress: ReadProgress | None = None,
) -> FileRead:
    """Like ``read_articles`` but keeps file-level warnings apart from the articles."""
    path = Path(path)
    name = str(path)
    data = read_limited(path, max_bytes)
    kind = _FORMATS.get(path.suffix.lower(), "")
    if not kind and data.startswith(b"%PDF-"):
        kind = "pdf"
    entry, manifest_warning = manifest_entry(path)
    file_warnings = [manifest_warning] if manifest_warning else []
    encoding = ""
    encoding_warnings: tuple[str, ...] = ()
    if kind in ("pdf", "docx", "email"):
        drafts, encoding = _read_binary(data, kind, name, progress)
    else:
        decoded = decode_bytes(data, name, html=kind in ("html", ""))
        encoding, encoding_warnings = decoded.encoding, decoded.warnings
        kind = kind or _sniff(decoded.text)
        drafts, collection_warnings = _read_decoded(decoded.text, kind, name)
        file_warnings += collection_warnings

    articles = tuple(
        _finish(
            draft,
            path=name if index < 0 else f"{name}#{index}",
            file_name=path.name,
            encoding=encoding,
            encoding_warnings=encoding_warnings,
            entry=entry,
            collection=index >= 0,
            argument=published,
        )
        for index, draft in drafts
    )
    return FileRead(name, articles, tuple(file_warnings))


def _read_binary(
    data: bytes, kind: str, name: str, progress: ReadProgress | None
) -> tuple[list[tuple[int, Draft]], str]:
    if not data.strip():
        raise ImportFailed(name, "empty file")
    if kind == "pdf":
        draft, encoding = read_pdf(data, name, progress), ""
    elif kind == "docx":
        draft, encoding = read_docx(data, name), ""
    else:
        draft, encoding = read_email(data, name)
    take_dateline(draft)
    draft.title = draft.title or title_from_text(draft.text)
    return [(-1, draft)], encoding


def _read_decoded(text: str, kind: str, name: str) -> tuple[list[tuple[int, Draft]], list[str]]:
    if kind in ("json", "jsonl"):
        try:
            collection = read_collection(text, lines=kind == "jsonl")
        except BadCollection as exc:
            raise ImportFailed(name, str(exc)) from None
        return collection.records, collection.warnings
    if kind in ("text", "markdown") and not split_front_matter(text)[0]:
        chunks = split_dump(text)
        if chunks is not None:
            drafts = [read_text(chunk, markdown=kind == "markdown") for chunk in chunks]
            return list(enumerate(drafts)), [f"{len(drafts)} articles found in this file"]
    return [(-1, _read_single(text, kind, name))], []


def _read_single(text: str, kind: str, name: str) -> Draft:
    if kind == "html":
        try:
            draft = read_html(text)
        except NoReadableText as exc:
            raise ImportFailed(name, str(exc)) from None
        except (ValueError, RecursionError, etree.LxmlError):
            raise ImportFailed(name, "broken HTML: the page could not be parsed") from None
        take_dateline(draft)
        return draft
    draft = read_text(text, markdown=kind == "markdown")
    if not draft.text.strip():
        raise ImportFailed(name, "no article text: the file holds only front matter")
    return draft


def _sniff(text: str) -> str:
    """The format of a file with an unknown suffix, from its content."""
    if _HTML_START.match(text):
        return "html"
    stripped = text.lstrip()
    if stripped[:1] in "[{":
        try:
            read_collection(text, lines=False)
            return "json"
        except BadCollection:
            pass
    return "text"


def _finish(
    draft: Draft,
    *,
    path: str,
    file_name: str,
    encoding: str,
    encoding_warnings: tuple[str, ...],
    entry: dict[str, Any],
    collection: bool,
    argument: dt.date | None,
) -> ParsedArticle:
    warnings = list(encoding_warnings) + draft.warnings
    published = draft.published
    source = (draft.published_source or "metadata") if published else "unknown"
    fields: dict[str, str] = {}
    for key in _FIELDS:
        if getattr(draft, key):
            fields[key] = getattr(draft, key)

    # The manifest is the analyst's own record: it wins over a single file's metadata; in a
    # collection it only fills what a record lacks (one title cannot name many records).
    for key in _FIELDS:
        value = entry.get(key)
        if not isinstance(value, str) or not value.strip():
            continue
        if key == "title" and collection:
            continue
        if not collection or not fields.get(key):
            fields[key] = shorten_title(value) if key == "title" else value
    if entry.get("published") not in (None, "") and (not collection or published is None):
        from_manifest = metadata_date(entry["published"], warnings, where="manifest")
        if from_manifest is not None:
            if published is not None and published != from_manifest:
                warnings.append(
                    f"the file's own date {published.isoformat()} differs from the manifest's "
                    f"{from_manifest.isoformat()}; using the manifest"
                )
            published, source = from_manifest, "manifest"

    if argument is not None:
        if published is not None and published != argument:
            warnings.append(
                f"publication date {published.isoformat()} from the {source} replaced by the "
                f"given date {argument.isoformat()}"
            )
        published, source = argument, "argument"
    elif published is None:
        warnings.append(MISSING_DATE)

    # Metadata strings come from attributes, JSON and the manifest: clean them like the text.
    fields = {k: " ".join(normalize_text(v).split()) for k, v in fields.items()}
    title = fields.get("title") or _fallback_title(file_name)
    # "en-GB", "en_US" -> "en": the primary subtag is what language-specific rules key on.
    language = re.split(r"[-_ ]", fields.get("language", "").lower())[0] or "en"
    return ParsedArticle(
        path=path,
        title=title,
        text=draft.text,
        published=published,
        published_source=source,
        source=fields.get("source", ""),
        url=fields.get("url", ""),
        author=fields.get("author", ""),
        language=language,
        encoding=encoding,
        format=draft.format,
        warnings=tuple(dict.fromkeys(warnings)),
        dateline=draft.dateline,
    )


def _fallback_title(file_name: str) -> str:
    return Path(file_name).stem.replace("_", " ").replace("-", " ").strip()
