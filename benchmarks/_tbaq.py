"""Reader for the TimeBank + AQUAINT (TBAQ-cleaned) TimeML corpus shared by the temporal benchmarks.

For each .tml file: the text is the character content of the <TEXT> element with every tag stripped and
XML entities decoded; the DCT is the value of the TIMEX3 with functionInDocument="CREATION_TIME" (inside
<DCT>), used as the publication date and never scored; the gold timexes are the TIMEX3 elements inside
<TEXT>, with character offsets into that stripped text.
"""

from __future__ import annotations

import datetime as dt
import html
import os
import re
from dataclasses import dataclass
from pathlib import Path


def _default_corpus() -> Path:
    """$DATELINE_TBAQ, else shared/corpora/tbaq beside the checkout or beside its parent folder (a
    worktree kept one level further down)."""
    if "DATELINE_TBAQ" in os.environ:
        return Path(os.environ["DATELINE_TBAQ"])
    here = Path(__file__).resolve()
    candidates = [parent / "shared" / "corpora" / "tbaq" for parent in here.parents[2:4]]
    return next((c for c in candidates if c.is_dir()), candidates[0])


DEFAULT_CORPUS = _default_corpus()

_TEXT = re.compile(r"<TEXT>(.*?)</TEXT>", re.S)
_DCT = re.compile(r"<TIMEX3\b[^>]*functionInDocument=\"CREATION_TIME\"[^>]*>", re.S)
_TAG = re.compile(r"<(/?)([A-Za-z0-9_]+)([^>]*?)(/?)>", re.S)
_ATTR = re.compile(r"(\w+)=\"([^\"]*)\"")


@dataclass(frozen=True, slots=True)
class GoldTimex:
    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass(frozen=True, slots=True)
class Document:
    name: str
    text: str
    dct: dt.date | None
    timexes: tuple[GoldTimex, ...]


def _attrs(s: str) -> dict[str, str]:
    return {k: html.unescape(v) for k, v in _ATTR.findall(s)}


def _dct(raw: str) -> dt.date | None:
    m = _DCT.search(raw)
    if m is None:
        return None
    value = _attrs(m.group(0)).get("value", "")
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def parse(path: Path) -> Document:
    raw = path.read_text(encoding="utf-8")
    body = _TEXT.search(raw)
    inner = body.group(1) if body else ""
    parts: list[str] = []
    length = 0
    open_timex: list[tuple[int, dict[str, str]]] = []
    gold: list[GoldTimex] = []
    pos = 0
    for m in _TAG.finditer(inner):
        chunk = html.unescape(inner[pos : m.start()])
        parts.append(chunk)
        length += len(chunk)
        pos = m.end()
        closing, name, attrs, selfclosing = m.group(1), m.group(2), m.group(3), m.group(4)
        if name != "TIMEX3" or selfclosing:
            continue
        if not closing:
            open_timex.append((length, _attrs(attrs)))
        elif open_timex:
            start, a = open_timex.pop()
            gold.append(GoldTimex(start, length, "", a.get("type", ""), a.get("value", "")))
    tail = html.unescape(inner[pos:])
    parts.append(tail)
    text = "".join(parts)
    timexes = tuple(
        sorted(
            (GoldTimex(g.start, g.end, text[g.start : g.end], g.type, g.value) for g in gold),
            key=lambda g: g.start,
        )
    )
    return Document(path.stem, text, _dct(raw), timexes)


def load(corpus: Path = DEFAULT_CORPUS, limit: int | None = None) -> list[Document]:
    """Every document of the corpus, in a stable order (sorted by path)."""
    paths = sorted(corpus.rglob("*.tml"))
    if limit:
        paths = paths[:limit]
    return [parse(p) for p in paths]
