"""Near-duplicate articles: a text fingerprint robust to formatting, and a similarity test.

The same article saved as .txt and as .html, or a wire story republished by several outlets with
another headline, another byline and a sentence changed, must not count as independent sources;
two articles by different reporters about the same event (sharing names, figures and even a
quote) must.

``fingerprint(text)`` reads the text as a sequence of words (Unicode NFKC, case-folded, accents,
punctuation and layout dropped: line breaks, quotes, dashes, markup leftovers do not matter) and
keeps:

- ``exact``: sha256 of that word sequence; equal digests = the same text after normalisation;
- ``words``: how many words; ``shingles``: how many distinct runs of ``SHINGLE_WORDS`` words;
- ``sketch``: the ``SKETCH_SIZE`` smallest 64-bit hashes of those runs (a bottom-k sketch),
  sorted. A text with fewer runs keeps them all, so short texts compare exactly.

``similarity(a, b)`` estimates from the sketches:

- ``resemblance``: |A ∩ B| / |A ∪ B| over the word runs (Jaccard), 0..1;
- ``containment``: |A ∩ B| / min(|A|, |B|): how much of the shorter text is in the longer one;
- ``duplicate``: True when the digests are equal, or resemblance >= ``DUPLICATE_RESEMBLANCE``
  (0.5), or containment >= ``DUPLICATE_CONTAINMENT`` (0.8) while the shorter text has at least
  ``MIN_SIZE_RATIO`` (0.25) of the longer one's runs (a wire story trimmed by an outlet).

Measured on the pairs in ``tests/core/test_fingerprint.py``: the .txt and .html copies of one
article 0.95 resemblance; a wire story republished with another headline and byline, a sentence
rewritten and the last one cut 0.70; that story trimmed to its first half 0.51 (containment
1.0); different articles about the same event, sharing names, figures and a quote, 0.01-0.05. Hashes are computed
with blake2b and fixed arithmetic: a fingerprint is the same in every process and on every
machine, so it can be stored (``to_bytes`` / ``from_bytes``). Pure: no I/O, no state.
"""

from __future__ import annotations

import functools
import hashlib
import heapq
import itertools
import re
import struct
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

SHINGLE_WORDS = 5
SKETCH_SIZE = 256
DUPLICATE_RESEMBLANCE = 0.5
DUPLICATE_CONTAINMENT = 0.8
MIN_SIZE_RATIO = 0.25
STEP_CHARS = 500_000  # a long text is read this much at a time between ``step`` calls

_WORD = re.compile(r"[^\W_]+")
_WORD_ASCII = re.compile(
    r"[a-z0-9]+"
)  # ``_WORD`` in a lower-case ASCII text, without category look-ups
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")
_MASK = (1 << 64) - 1
_PRIME = 0x100000001B3
_PRIME_4 = pow(_PRIME, SHINGLE_WORDS - 1, 1 << 64)
_FORMAT_VERSION = 1


@dataclass(frozen=True)
class Fingerprint:
    exact: str
    words: int
    shingles: int
    sketch: tuple[int, ...]

    def to_bytes(self) -> bytes:
        """A compact, stable encoding (about 2 KB at most) for a database column."""
        head = struct.pack("<BII32s", _FORMAT_VERSION, self.words, self.shingles,
                           bytes.fromhex(self.exact))  # fmt: skip
        return head + struct.pack(f"<{len(self.sketch)}Q", *self.sketch)

    @classmethod
    def from_bytes(cls, data: bytes) -> Fingerprint:
        version, words, shingles, exact = struct.unpack_from("<BII32s", data)
        if version != _FORMAT_VERSION:
            raise ValueError(f"unknown fingerprint format {version}")
        size = struct.calcsize("<BII32s")
        count = (len(data) - size) // 8
        sketch = struct.unpack_from(f"<{count}Q", data, size)
        return cls(exact.hex(), words, shingles, tuple(sketch))


@dataclass(frozen=True)
class Similarity:
    resemblance: float
    containment: float
    exact: bool
    duplicate: bool


def normalized_words(text: str) -> list[str]:
    """The words a fingerprint is made of: case-folded, accents and punctuation dropped."""
    if text.isascii():  # the normal forms of ASCII are itself: only the case to fold
        return _WORD_ASCII.findall(text.lower())
    text = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", text).casefold())
    # Only non-ASCII characters can be combining marks: news copy has few, so only those are tested.
    return _WORD.findall(_NON_ASCII.sub(_without_marks, text))


def _without_marks(m: re.Match[str]) -> str:
    return "".join(c for c in m.group() if not unicodedata.combining(c))


def fingerprint(text: str, step: Callable[[], None] | None = None) -> Fingerprint:
    """The text's fingerprint (see the module's docstring for what each field means).

    ``step`` is called every ``STEP_CHARS`` characters of a long text (it may raise to stop).
    """
    words: list[str] = []
    for a, b in _pieces(text):
        if step is not None and a:
            step()
        words += normalized_words(text[a:b])
    exact = hashlib.sha256(" ".join(words).encode("utf-8")).hexdigest()
    ids = list(map(_word_hash, words))
    runs: set[int] = set()
    per_step = STEP_CHARS // 6  # word runs hashed between two steps: about a piece's words
    for i in range(0, max(len(ids) - SHINGLE_WORDS + 1, 1), per_step):
        if step is not None and i:
            step()
        runs.update(_shingle_hashes(ids[i : i + per_step + SHINGLE_WORDS - 1]))
    # the SKETCH_SIZE smallest, in order: a sort in C for an article's few hundred runs, a heap
    # for a book's (the same values either way: the runs are distinct)
    if len(runs) <= 4 * SKETCH_SIZE:
        sketch = tuple(sorted(runs)[:SKETCH_SIZE])
    else:
        sketch = tuple(sorted(heapq.nsmallest(SKETCH_SIZE, runs)))
    return Fingerprint(exact, len(words), len(runs), sketch)


@functools.lru_cache(maxsize=65536)  # a pure function of the word: the same words come back
def _word_hash(word: str) -> int:
    return int.from_bytes(hashlib.blake2b(word.encode("utf-8"), digest_size=8).digest(), "little")


def _pieces(text: str) -> list[tuple[int, int]]:
    """``text`` in pieces of about ``STEP_CHARS`` cut at white space (no word is cut)."""
    out = []
    a = 0
    while len(text) - a > STEP_CHARS:
        cut = text.find(" ", a + STEP_CHARS)
        newline = text.find("\n", a + STEP_CHARS, cut if cut >= 0 else len(text))
        cut = newline if newline >= 0 else cut
        if cut < 0:
            break
        out.append((a, cut))
        a = cut
    out.append((a, len(text)))
    return out


def _shingle_hashes(ids: list[int]) -> list[int]:
    if not ids:
        return []
    if len(ids) < SHINGLE_WORDS:
        ids = ids + [0] * (SHINGLE_WORDS - len(ids))
    a, b, c, d, e = ids[:SHINGLE_WORDS]
    h = ((((a * _PRIME + b) * _PRIME + c) * _PRIME + d) * _PRIME + e) & _MASK
    out = []
    # each run's polynomial from the one before: drop its first word, take the next (modulo 2**64,
    # exactly the value the run's five words give)
    for first, following in itertools.zip_longest(ids, ids[SHINGLE_WORDS:]):
        # splitmix64's finaliser: every bit of the run reaches the high bits the sketch keeps.
        g = ((h ^ (h >> 30)) * 0xBF58476D1CE4E5B9) & _MASK
        g = ((g ^ (g >> 27)) * 0x94D049BB133111EB) & _MASK
        out.append(g ^ (g >> 31))
        if following is None:
            return out
        h = ((h - first * _PRIME_4) * _PRIME + following) & _MASK
    return out


def similarity(a: Fingerprint, b: Fingerprint) -> Similarity:
    """How alike two fingerprinted texts are, and whether they count as the same article."""
    exact = a.exact == b.exact and a.words > 0
    if exact:
        return Similarity(1.0, 1.0, True, True)
    if not a.sketch or not b.sketch:
        return Similarity(0.0, 0.0, False, False)
    set_a = set(a.sketch)
    union = sorted(set_a.union(b.sketch))[:SKETCH_SIZE]  # sorted() in C: 3x heapq.nsmallest here
    last = union[-1]  # the hashes of both among the union's smallest are the shared ones up to it
    both = sum(1 for h in set_a.intersection(b.sketch) if h <= last)
    # Below the sketch's largest kept value each sketch holds every run of its text, so the
    # k smallest of the union are an unbiased sample of A ∪ B (Broder's bottom-k estimate).
    resemblance = both / len(union)
    smaller, larger = sorted((a.shingles, b.shingles))
    shared = resemblance * (a.shingles + b.shingles) / (1 + resemblance)
    containment = min(1.0, shared / smaller) if smaller else 0.0
    duplicate = resemblance >= DUPLICATE_RESEMBLANCE or (
        containment >= DUPLICATE_CONTAINMENT and smaller >= MIN_SIZE_RATIO * larger
    )
    return Similarity(round(resemblance, 4), round(containment, 4), False, duplicate)


def is_near_duplicate(a: str | Fingerprint, b: str | Fingerprint) -> bool:
    """True when two texts (or their fingerprints) are one article for corroboration's sake."""
    fa = a if isinstance(a, Fingerprint) else fingerprint(a)
    fb = b if isinstance(b, Fingerprint) else fingerprint(b)
    return similarity(fa, fb).duplicate
