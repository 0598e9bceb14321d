"""The value a reader returns, the limits every reader shares, and title helpers."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from dateline.core.model import Article

MAX_FILE_BYTES: int = 20 * 1024 * 1024

ARTICLE_SUFFIXES: frozenset[str] = frozenset(
    {".txt", ".text", ".md", ".markdown", ".html", ".htm", ".json", ".jsonl", ".ndjson", ".pdf",
     ".docx", ".eml"}
)  # fmt: skip

# A first line longer than this is a paragraph, not a headline.
LONG_TITLE_CHARS = 200
TITLE_WORDS = 12


@dataclass(frozen=True)
class ParsedArticle:
    """One article read from disk. Every offset computed later refers to ``text``.

    What a reader makes of a file: the article, and the facts of reading it that are reported, not
    stored (``warnings``, the ``dateline`` taken out of the text). ``article`` is the one way to the
    engine's ``model.Article`` (see there for the three shapes of an article).
    """

    path: str  # file path; "path#3" for record 3 (0-based) of a JSON/JSONL collection
    title: str
    text: str  # "\n" line endings, no NUL/control chars, no BOM, NFC
    published: dt.date | None
    published_source: str  # metadata | dateline | email | manifest | argument | unknown
    source: str = ""
    url: str = ""
    author: str = ""
    language: str = "en"
    encoding: str = "utf-8"
    format: str = "text"  # text | markdown | html | json | pdf | docx | email
    warnings: tuple[str, ...] = ()
    # The header line(s) the publication date was read from ("March 01, 2008", "By Jane Doe |
    # March 1, 2008", a wire dateline's "March 1"), as written. They are not in ``text``: a date
    # line is metadata, never an event. Empty when the article had none.
    dateline: str = ""

    def article(self, ident: str) -> Article:
        """The engine's view of this article, under the id ``ident``."""
        return Article(
            id=ident,
            text=self.text,
            title=self.title,
            published=self.published,
            path=self.path,
            published_source=self.published_source if self.published else "unknown",
            source=self.source,
            url=self.url,
            author=self.author,
            language=self.language,
            format=self.format,
            encoding=self.encoding,
        )


def title_from_text(text: str, *, markdown: bool = False) -> str:
    """First non-empty line; a paragraph-long first line is cut to its first words + "…"."""
    for line in text.split("\n"):
        line = line.strip()
        if markdown:
            line = line.lstrip("#").strip().rstrip("#").strip()
        if line:
            return shorten_title(line)
    return ""


def shorten_title(line: str) -> str:
    line = " ".join(line.split())
    if len(line) <= LONG_TITLE_CHARS:
        return line
    words = line.split(" ")[:TITLE_WORDS]
    short = " ".join(words)
    if len(short) > LONG_TITLE_CHARS:  # a few giant "words" (URLs, no spaces)
        short = short[:LONG_TITLE_CHARS].rstrip()
    return short.rstrip(",;:-—–") + "…"


@dataclass
class Draft:
    """What a format reader found, before the manifest and the --published argument apply."""

    text: str
    format: str
    title: str = ""
    published: dt.date | None = None
    source: str = ""
    url: str = ""
    author: str = ""
    language: str = ""
    warnings: list[str] = field(default_factory=list)
    published_source: str = ""  # "" = "metadata" when ``published`` is set
    dateline: str = ""
