"""PDF -> text, page by page (pypdf): lines re-joined into paragraphs, running headers dropped.

A PDF's creation date is when the file was made (often when someone printed a web page), not
when the article was published: it is never taken as the publication date. The date line at the
top of the first page is, like in any text.
"""

from __future__ import annotations

import io
import logging
import re
from collections import Counter
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from dateline.core.errors import ImportFailed
from dateline.core.readers.article import Draft, shorten_title
from dateline.core.readers.encoding import normalize_text

if TYPE_CHECKING:
    from pypdf import PdfReader

log = logging.getLogger(__name__)

PageProgress = Callable[[int, int], None]  # (pages done, pages in the file); may raise Cancelled
MAX_PAGES = 2000
_RUNNING_WORDS = 12  # a running header or footer is short
_PAGE_NUMBER = re.compile(r"^(?:page\s+)?\d{1,4}(?:\s*(?:/|of)\s*\d{1,4})?$", re.I)
_DIGITS = re.compile(r"\d+")
# What a browser prints at the edges of a saved page: "3/1/08, 10:32 AM  Title" and "URL  1/3".
_BROWSER_PRINT = re.compile(
    r"^(?:\d{1,2}/\d{1,2}/\d{2,4},?\s+\d{1,2}:\d{2}(?:\s?[AP]M)?\b.*"
    r"|(?:https?://|www\.)\S+(?:\s+\d{1,4}/\d{1,4})?)$",
    re.I,
)
_SENTENCE_END = re.compile(r"[.!?:;\"”’)\]]$")
_JUNK_TITLES = re.compile(
    r"^(?:untitled|microsoft word\b|document\d*$|.*\.(?:docx?|pdf|txt)$)", re.I
)


def read_pdf(data: bytes, name: str, progress: PageProgress | None = None) -> Draft:
    """The PDF's text; ImportFailed for an encrypted, broken or image-only file."""
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError

    # pypdf logs every repair it makes ("EOF marker not found", "Advanced encoding ... not
    # implemented") as warnings and errors; the reader reports what matters to the analyst.
    logging.getLogger("pypdf").setLevel(logging.CRITICAL)
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            _decrypt(reader, name)
        count = len(reader.pages)
    except ImportFailed:
        raise
    except (DependencyError, FileNotDecryptedError):
        raise ImportFailed(name, "encrypted PDF: it needs a password to be read") from None
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, RecursionError) as exc:
        raise ImportFailed(name, f"broken PDF: it could not be opened ({_short(exc)})") from None
    if count == 0:
        raise ImportFailed(name, "empty PDF: it has no pages")
    if count > MAX_PAGES:
        raise ImportFailed(name, f"PDF has {count} pages, over the {MAX_PAGES}-page limit")
    pages: list[list[str]] = []
    unreadable: list[int] = []
    for number in range(1, count + 1):
        lines = _page_lines(reader, number)
        if lines is None:
            unreadable.append(number)
        pages.append(lines or [])
        if progress is not None:
            progress(number, count)
    if len(unreadable) == count:
        raise ImportFailed(name, f"broken PDF: none of its {count} page(s) could be read")
    if not any(line.strip() for lines in pages for line in lines):
        raise ImportFailed(
            name, "no text in this PDF: its pages are images (a scan?); it needs OCR first"
        )
    draft = Draft(text=normalize_text(_paragraphs(_drop_running_lines(pages))), format="pdf")
    if unreadable:
        shown = ", ".join(str(n) for n in unreadable[:10])
        more = "..." if len(unreadable) > 10 else ""
        draft.warnings.append(f"page(s) {shown}{more} of {count} could not be read and are missing")
    draft.title = _metadata_title(reader)
    return draft


def _decrypt(reader: PdfReader, name: str) -> None:
    # Many PDFs are encrypted only to restrict printing or copying, with an empty user password.
    from pypdf.errors import DependencyError

    try:
        ok = reader.decrypt("")
    except DependencyError:
        raise ImportFailed(
            name, "encrypted PDF: its encryption cannot be read without a password"
        ) from None
    if not ok:
        raise ImportFailed(name, "encrypted PDF: it needs a password to be read")


def _page_lines(reader: Any, number: int) -> list[str] | None:
    """The page's lines ("" where the vertical gap is wider than the page's line spacing), or
    None when the page cannot be read: one bad page must not lose the others."""
    try:
        page = reader.pages[number - 1]
        # Layout mode keeps vertical gaps as blank lines: the only trace of paragraph breaks.
        text = page.extract_text(extraction_mode="layout")
    except Exception:
        try:
            text = reader.pages[number - 1].extract_text()
        except Exception as exc:
            log.debug("page %d unreadable: %s", number, exc)
            return None
    gaps: list[int] = []
    lines: list[str] = []
    blank = 0
    for raw in normalize_text(text or "").split("\n"):
        line = " ".join(raw.split())
        if not line:
            blank += 1
            continue
        gaps.append(blank if lines else 0)
        lines.append(line)
        blank = 0
    spacing = min(gaps[1:], default=0)  # 1 on a double-spaced page
    out: list[str] = []
    for gap, line in zip(gaps, lines, strict=True):
        if gap > spacing and out:
            out.append("")
        out.append(line)
    return out


def _drop_running_lines(pages: list[list[str]]) -> list[list[str]]:
    """Page numbers, and headers/footers repeated at the top or bottom of most pages, out."""
    edges: Counter[str] = Counter()
    for lines in pages:
        content = [line for line in lines if line]
        edges.update({_DIGITS.sub("#", line) for line in content[:2] + content[-2:]})
    repeated = {
        key
        for key, n in edges.items()
        if n >= max(2, 0.6 * len(pages)) and len(key.split()) <= _RUNNING_WORDS
    }
    result: list[list[str]] = []
    for lines in pages:
        content = [line for line in lines if line]
        edge = set(content[:2] + content[-2:])
        result.append([line for line in lines if not (line in edge and _running(line, repeated))])
    return result


def _running(line: str, repeated: set[str]) -> bool:
    return bool(
        _PAGE_NUMBER.match(line) or _BROWSER_PRINT.match(line) or _DIGITS.sub("#", line) in repeated
    )


def _paragraphs(pages: list[list[str]]) -> str:
    """Lines broken by the page width joined back into paragraphs; short lines end one."""
    lengths = sorted(len(line) for lines in pages for line in lines if len(line) >= 20)
    width = lengths[int(0.9 * (len(lengths) - 1))] if lengths else 80
    out: list[str] = []
    current = ""
    for lines in pages:
        for line in lines:
            if not line:
                if current:
                    out.append(current)
                current = ""
                continue
            if current.endswith("-") and current[-2:-1].isalpha() and line[:1].islower():
                current = current[:-1] + line  # a word hyphenated across lines
            else:
                current = f"{current} {line}" if current else line
            if len(line) < 0.7 * width or (_SENTENCE_END.search(line) and len(line) < 0.85 * width):
                out.append(current)
                current = ""
        # A paragraph left open at the bottom of a page goes on at the top of the next.
    if current:
        out.append(current)
    return "\n".join(out)


def _metadata_title(reader: PdfReader) -> str:
    try:
        meta = reader.metadata
        title = str(meta.title or "") if meta is not None else ""
    except Exception:
        return ""
    title = " ".join(title.split())
    if not title or _JUNK_TITLES.match(title):
        return ""
    return shorten_title(title)


def _short(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text[:120]
