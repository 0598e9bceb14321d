"""What an import's worker hands the store is what the general path works out: its shortcuts (profiles
taken from clustering rather than made again) change nothing the store is given."""

from __future__ import annotations

import gc
import importlib
import random
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.core import eventtext
from dateline.core.errors import ImportFailed
from dateline.core.happening import words
from dateline.core.happening.naming import Openings
from dateline.core.happening.profile import matchables
from dateline.core.ingest import pieces, prepare
from dateline.core.model import Sentence
from dateline.core.readers.encoding import read_limited
from dateline.core.temporal import tense
from dateline.core.temporal.grammar import grammar_for
from dateline.core.temporal.language import ENGLISH
from dateline.core.temporal.lowered import Finder
from support.articles import generated_articles

fingerprint = importlib.import_module("dateline.core.readers.fingerprint")

# Reports of one happening grouped, ranges that end before they start (proposed on their first date), a headline
# and lead dated by the story, a clause continuing a dated sentence, a statement, a date in a quotation.
TRICKY = [
    "Council approves budget\n\nThe council approved the budget on Monday, the mayor said. "
    "The mayor resigned on 4 June 2013. The council approved the budget on Monday again.",
    "Prices to rise\n\nPrices will rise from Monday to 1000 stores, the chain said on Tuesday. "
    "He then left for Paris. It also said sales fell in the first half of 2012. The plant was "
    "shut from Monday to 1000. The strike lasted from 5 June to 3 June 2013.",
    "Jobs resigns\n\nSteve Jobs resigned as chief executive of Apple yesterday. He was fired in "
    "1985 and he founded NeXT. “Today is a great day,” Jones said at Sunday's rollout.",
    "Talks end\n\nThe talks ended on Thursday and Friday. The summit in Geneva on 3 May 2011, "
    "which leaders attended, closed. Sales were up 5% compared to March 2008.",
]


def _files(tmp_path: Path, seeds: Path) -> list[Path]:
    generated_articles(tmp_path / "gen", 40)
    for n, text in enumerate(TRICKY):
        (tmp_path / f"tricky{n}.txt").write_text(text, encoding="utf-8")
    found = sorted((tmp_path / "gen").glob("*.txt")) + sorted(seeds.glob("*.txt"))
    return found + sorted(tmp_path.glob("tricky*.txt"))


@pytest.mark.parametrize("published", [None, "2013-06-12"])
def test_a_worker_hands_over_what_the_general_path_works_out(
    tmp_path: Path, seeds_dir: Path, published: str | None
) -> None:
    import datetime as dt

    day = dt.date.fromisoformat(published) if published else None
    several = 0
    for path in _files(tmp_path, seeds_dir):
        got = prepare.prepare_file(str(path), day)
        assert got is not None and got.articles, path
        for ready in got.articles:
            article = ready.parsed.article("new")
            reading = pieces.read(article)
            assert ready.reading == reading
            assert ready.matchables == tuple(matchables(part) for part in reading.parts)
            several += sum(len(p.sources) > 1 for p in reading.proposals)
    assert several  # the general path was taken too


def test_a_file_is_read_whole_whatever_its_size_said(tmp_path: Path) -> None:
    # the reader asks for the size stat() gave and a byte more: a file that says it holds nothing
    # (as those under /proc do) or that grew is still read to its end, and refused over the limit
    path = tmp_path / "a.txt"
    path.write_bytes(b"Title\n\nBody " * 50)
    assert read_limited(path, 10_000) == path.read_bytes()
    proc = Path("/proc/self/status")
    if proc.exists() and proc.stat().st_size == 0:
        data = read_limited(proc, 1_000_000)
        assert data.startswith(b"Name:") and data.endswith(b"\n")
        with pytest.raises(ImportFailed):
            read_limited(proc, 10)
    with pytest.raises(ImportFailed):
        read_limited(path, 100)


def test_a_word_is_named_elsewhere_only_before_a_capital_in_one_sentence() -> None:
    # one search over the joined sentences finds what one search per sentence finds
    def slow(sentences: list[Sentence], word: str) -> bool:
        then_name = re.compile(rf"\b{re.escape(word)}(?:’s|'s)?\s+[A-Z]")
        return any(then_name.search(s.text) for s in sentences)

    texts = [
        ["Stocks fell.", "Stocks", "Rose again."],
        ["Shell Oil said so.", "Shell fell."],
        ["Revenue rose", "Revenue’s Chief left."],
        ["It was Apple ", "Inc. that sold."],
        ["Sales\u00a0Rose.", "Sales"],
        ["Sales's", "Sales's Record"],
        ["XStocks Inc rose.", "Stocks fell."],
        ["StocksStocks Inc", "Stocks_Stocks Rose", "Stocks’s  Chief"],
        ["'Apple Inc", "x'Apple Inc"],
    ]
    for parts in texts:
        sentences = [Sentence(0, len(t), t) for t in parts]
        openings = Openings(sentences, ())
        for word in ("Stocks", "Shell", "Revenue", "Apple", "Sales", "Sales's", "'Apple"):
            assert openings._named_elsewhere(word) == slow(sentences, word), (parts, word)


def test_a_worker_collects_young_objects_less_often(tmp_path: Path) -> None:
    folder = generated_articles(tmp_path / "gen", 2)
    paths = [str(p) for p in sorted(folder.glob("*.txt"))]
    before = gc.get_threshold()
    with prepare.Ahead(paths, None, 1) as ahead:
        assert ahead.pool is not None
        got = ahead.pool.submit(gc.get_threshold).result(timeout=60)
    assert got == (prepare.GC_YOUNG, *before[1:])
    assert gc.get_threshold() == before  # the import's own process keeps its collector as it was


def test_each_run_of_words_hashes_as_its_five_words_do() -> None:
    # each run's polynomial is worked out from the one before: the same value as from its words
    mask, prime = (1 << 64) - 1, fingerprint._PRIME

    def slow(ids: list[int]) -> list[int]:
        ids = ids + [0] * (5 - len(ids)) if ids else ids
        out = []
        for a, b, c, d, e in zip(ids, ids[1:], ids[2:], ids[3:], ids[4:], strict=False):
            h = ((((a * prime + b) * prime + c) * prime + d) * prime + e) & mask
            h = ((h ^ (h >> 30)) * 0xBF58476D1CE4E5B9) & mask
            h = ((h ^ (h >> 27)) * 0x94D049BB133111EB) & mask
            out.append(h ^ (h >> 31))
        return out

    rnd = random.Random(3)
    for n in [*range(12), 200]:
        for top in (0, 1, mask):
            ids = [rnd.randint(0, top) for _ in range(n)]
            assert fingerprint._shingle_hashes(ids) == slow(ids), (n, top)


def test_the_lowered_finder_reads_odd_letters_as_the_pattern_does() -> None:
    pattern = re.compile(r"\b(?:said|says|will|ask(?:ed)?)\b", re.IGNORECASE)
    finder = Finder(pattern)
    for text in ("He said it", "He ſaid it", "It \u212aeeps, will aſk", "Tím said, İt will", ""):
        got = [m.span() for m in finder.finditer(text)]
        assert got == [m.span() for m in pattern.finditer(text)], text


def test_the_tense_cues_finder_is_made_once_per_pattern() -> None:
    cues = re.compile(r"(?P<past>\bsaid\b)|(?P<future>\bwill\b)", re.IGNORECASE)
    other = re.compile(r"(?P<past>\bsaid\b)|(?P<future>\bwill\b)")
    assert tense._finder(cues) is tense._finder(cues)
    assert tense._finder(other).pattern is other
    assert tense._finder(cues).pattern is cues


# "é": a text beyond ASCII takes the patterns with categories, which must agree too
_WORDS = "1,000|2.5| - |billion| million| may |the |'9|late|Mid-|90s|March|last".split("|")
_ASCII_PIECES = st.sampled_from([*"aZq_07 \t\n\x1c\x1f,.'-&$\"();:[]!Ié", *_WORDS])


@settings(max_examples=400, deadline=None)
@given(st.lists(_ASCII_PIECES, max_size=24).map("".join))
def test_the_ascii_patterns_find_what_the_unicode_ones_find(text: str) -> None:
    if text.isascii():
        assert eventtext._WORD_ASCII.findall(text) == eventtext._WORD.findall(text)
        got = [m.span() for m in words._TOKEN_ASCII.finditer(text)]
        assert got == [m.span() for m in words._TOKEN.finditer(text)]
        starts = grammar_for(ENGLISH)
        low = text.lower()
        got = [m.span() for m in starts._starts_ascii.finditer(low)]
        assert got == [m.span() for m in starts._starts.finditer(low)]
        assert fingerprint._WORD_ASCII.findall(text.lower()) == fingerprint._WORD.findall(
            text.lower()
        )
    assert eventtext.key_terms(text) == frozenset(
        filter(None, map(eventtext._term, eventtext._WORD.findall(text)))
    )
    assert [t[:2] for t in words.tokens(text)] == [m.span() for m in words._TOKEN.finditer(text)]


def test_a_sketch_keeps_the_smallest_runs_in_order_however_many_there_are() -> None:
    for count in (3, 200, 300, 1100, 3000):
        text = " ".join(f"w{i % 997} x{i}" for i in range(count))
        got = fingerprint.fingerprint(text)
        ids = list(map(fingerprint._word_hash, fingerprint.normalized_words(text)))
        runs = set(fingerprint._shingle_hashes(ids))
        assert got.sketch == tuple(sorted(runs))[: fingerprint.SKETCH_SIZE]
        assert got.shingles == len(runs)
