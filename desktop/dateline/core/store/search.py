"""What a user types into a search box, read as a safe FTS5 query; and document search.

The search language is FTS5's boolean syntax over words, the same in the window and the command line:

- every word matches whole words and words that begin with it ("sanction" finds "sanctions"), case and
  accents ignored; words joined by other characters ("NATO-led", "U.S.") must appear in that order;
- all the words must appear, anywhere in the title, description, notes or quotes;
- ``"two words"`` must appear together in that order; ``OR`` and ``NOT`` (and ``AND``), in capitals,
  combine terms; brackets group them.

A search that is not well formed under those rules (a quote or bracket left open, ``foo AND`` with
nothing after the operator, ``NOT foo`` with nothing before it) is read as plain words: every word must
appear, and the capitalised operators are left out, so that what the box holds halfway through typing
("Rutte AND") finds what its words find. A search without a single letter or digit cannot be read at
all: ``search_problem`` says so in one sentence, and ``EventFilter`` refuses it rather than list every
event.
"""

from __future__ import annotations

import re
import sqlite3
import unicodedata
from dataclasses import dataclass

# What SQLite's unicode61 tokenizer keeps as word characters: letters and digits (not "_").
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_LEXEME = re.compile(r'"[^"]*"?|[()]|[^\s"()]+')
_OPERATORS = ("AND", "OR", "NOT")


class _Malformed(Exception):
    """The text is not a well-formed query: read it as plain words."""


@dataclass(frozen=True)
class SearchQuery:
    """``fts``: the FTS5 MATCH expression ("" when the text holds no word); ``plain``: the text was
    read as plain words because it was not a well-formed query."""

    text: str
    fts: str
    plain: bool = False


def _term(words: list[str]) -> str:
    """A phrase of ``words``, each matching whole words and prefixes: ``"nato"* + "led"*``."""
    return " + ".join(f'"{w}"*' for w in words)


def _lexemes(text: str) -> list[tuple[str, str]]:
    """(kind, FTS text) pairs; kinds: term, op, open, close. Punctuation alone is left out."""
    out: list[tuple[str, str]] = []
    for m in _LEXEME.finditer(text):
        lex = m.group()
        if lex in ("(", ")"):
            out.append(("open" if lex == "(" else "close", lex))
        elif lex in _OPERATORS:
            out.append(("op", lex))
        elif lex.startswith('"'):
            if len(lex) == 1 or not lex.endswith('"'):
                raise _Malformed()  # a quote left open
            words = _WORD.findall(lex)
            if words:
                out.append(("term", _term(words)))
        else:
            words = _WORD.findall(lex)
            if words:
                out.append(("term", _term(words)))
    return out


class _Parser:
    """FTS5's precedence (NOT, then AND, then OR); AND may be left out between two terms."""

    def __init__(self, lexemes: list[tuple[str, str]]) -> None:
        self.lex = lexemes
        self.i = 0

    def parse(self) -> str:
        out = self._or()
        if self.i != len(self.lex):
            raise _Malformed()  # a closing bracket with no opening one
        return out

    def _peek(self) -> tuple[str, str] | None:
        return self.lex[self.i] if self.i < len(self.lex) else None

    def _or(self) -> str:
        parts = [self._and()]
        while self._peek() == ("op", "OR"):
            self.i += 1
            parts.append(self._and())
        return parts[0] if len(parts) == 1 else "(" + " OR ".join(parts) + ")"

    def _and(self) -> str:
        parts = [self._not()]
        while True:
            nxt = self._peek()
            if nxt == ("op", "AND"):
                self.i += 1
            elif nxt is None or nxt[0] not in ("term", "open"):
                return parts[0] if len(parts) == 1 else "(" + " AND ".join(parts) + ")"
            parts.append(self._not())

    def _not(self) -> str:
        out = self._primary()
        while self._peek() == ("op", "NOT"):
            self.i += 1
            out = f"({out} NOT {self._primary()})"
        return out

    def _primary(self) -> str:
        nxt = self._peek()
        if nxt is None or nxt[0] in ("op", "close"):
            raise _Malformed()  # an operator with nothing on one side, or "()"
        self.i += 1
        if nxt[0] == "term":
            return nxt[1]
        inner = self._or()
        if self._peek() != ("close", ")"):
            raise _Malformed()  # a bracket left open
        self.i += 1
        return inner


def parse_search(text: str) -> SearchQuery:
    """Read ``text`` as the module docstring says."""
    text = unicodedata.normalize("NFC", text or "")
    words = _WORD.findall(text)
    if not words:
        return SearchQuery(text, "")
    try:
        return SearchQuery(text, _Parser(_lexemes(text)).parse())
    except _Malformed:
        plain = [w for w in words if w not in _OPERATORS] or words
        return SearchQuery(text, " AND ".join(f'"{w}"*' for w in plain), plain=True)


def fts_query(text: str) -> str:
    """The FTS5 MATCH expression for what a user typed ("" when it holds no word)."""
    return parse_search(text).fts


def search_problem(text: str) -> str | None:
    """One sentence when ``text`` is a search that cannot be run (no letter or digit in it)."""
    if not (text or "").strip() or _WORD.search(text):
        return None
    return (
        f"The search {text.strip()!r} has no words in it; type at least one letter or digit "
        "(punctuation is not searched)."
    )


@dataclass(frozen=True)
class DocumentHit:
    document_id: int
    title: str
    snippet: str


def search_documents(conn: sqlite3.Connection, text: str, limit: int = 100) -> list[DocumentHit]:
    query = fts_query(text)
    if not query:
        return []
    rows = conn.execute(
        "SELECT rowid, title, snippet(documents_fts, 1, '[', ']', '…', 12) AS snip "
        "FROM documents_fts WHERE documents_fts MATCH ? ORDER BY rank LIMIT ?",
        (query, limit),
    ).fetchall()
    return [DocumentHit(r[0], r[1], r[2]) for r in rows]
