"""TempEval-3 Task A style scoring of ``find_timexes`` on TimeBank + AQUAINT, with dateparser as baseline.

Method
------
* Text: the character content of each document's <TEXT> element with tags stripped (see ``_tbaq``).
* Publication date: the document creation time (the TIMEX3 with functionInDocument="CREATION_TIME" inside
  <DCT>); it is given to the extractor and is NOT scored.
* Gold: the TIMEX3 elements inside <TEXT>.
* Strict match: identical span. Relaxed match: overlapping spans, each gold and each system timex matched at
  most once (greedy, in text order). Precision, recall and F1 are over timexes.
* Value F1 and type F1 = relaxed F1 x attribute accuracy over the relaxed matches, as the TempEval-3 scorer
  computes them (values compared as exact strings).
* One extra, clearly labelled line, "value F1, equivalent notations", also counts a value as right when it
  differs from the gold only in notation (see ``notation``): a decade written ``199`` or ``199X``, a century
  ``19`` or ``19XX``, a week number with or without its leading zero (``2000-W7`` = ``2000-W07``). Nothing
  else: ``1949`` against ``1949-XX`` or ``T17`` against ``T17:00`` stay wrong. The primary figure is the
  exact one.
* Baseline: ``dateparser.search.search_dates`` on the same texts, languages=['en'], RELATIVE_BASE = the DCT;
  its spans are found by locating each returned substring in order; its value is the returned datetime's
  date (ISO day) and its type DATE.

Run: ``python benchmarks/tempeval.py [--errors] [--no-baseline] [--limit N] [--corpus DIR]``
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import re
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _tbaq

_DECADE = re.compile(r"(\d{3})X?")
_CENTURY = re.compile(r"(\d{2})(?:XX)?")
_WEEK = re.compile(r"(\d{4}-W)(\d)(?!\d)")


def notation(value: str) -> str:
    """``value`` in one canonical spelling, for the equivalent-notations line only (never the primary one)."""
    if m := _DECADE.fullmatch(value):
        return f"{m.group(1)}X"
    if m := _CENTURY.fullmatch(value):
        return f"{m.group(1)}XX"
    return _WEEK.sub(r"\g<1>0\g<2>", value, count=1)


@dataclass(frozen=True, slots=True)
class Found:
    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass
class Score:
    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    value_ok: int = 0
    value_notation_ok: int = 0
    type_ok: int = 0
    missed: collections.Counter[str] = field(default_factory=collections.Counter)
    spurious: collections.Counter[str] = field(default_factory=collections.Counter)
    wrong_value: collections.Counter[str] = field(default_factory=collections.Counter)
    wrong_type: collections.Counter[str] = field(default_factory=collections.Counter)
    wrong_span: collections.Counter[str] = field(default_factory=collections.Counter)

    def add(
        self, gold: Iterable[_tbaq.GoldTimex], system: Iterable[Found], dct: dt.date | None
    ) -> None:
        golds = list(gold)
        found = list(system)
        self.gold += len(golds)
        self.system += len(found)
        used: set[int] = set()
        for g in golds:
            match = None
            for i, s in enumerate(found):
                if i in used or s.end <= g.start or s.start >= g.end:
                    continue
                match = i
                if s.start == g.start and s.end == g.end:
                    break
            if match is None:
                self.missed[g.text.lower()] += 1
                continue
            used.add(match)
            s = found[match]
            self.relaxed += 1
            if (s.start, s.end) == (g.start, g.end):
                self.strict += 1
            else:
                self.wrong_span[f"{g.text!r} ~ {s.text!r}"] += 1
            if notation(s.value) == notation(g.value):
                self.value_notation_ok += 1
            if s.value == g.value:
                self.value_ok += 1
            else:
                self.wrong_value[f"{g.text!r} gold {g.value} got {s.value} (dct {dct})"] += 1
            if s.type == g.type:
                self.type_ok += 1
            else:
                self.wrong_type[f"{g.text!r} gold {g.type} got {s.type}"] += 1
        for i, s in enumerate(found):
            if i not in used:
                self.spurious[s.text.lower()] += 1

    def prf(self, hits: int) -> tuple[float, float, float]:
        p = hits / self.system if self.system else 0.0
        r = hits / self.gold if self.gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def figures(self) -> dict[str, tuple[float, float, float]]:
        strict = self.prf(self.strict)
        relaxed = self.prf(self.relaxed)
        v_acc = self.value_ok / self.relaxed if self.relaxed else 0.0
        t_acc = self.type_ok / self.relaxed if self.relaxed else 0.0
        n_acc = self.value_notation_ok / self.relaxed if self.relaxed else 0.0
        return {
            "strict": strict,
            "relaxed": relaxed,
            "value": (relaxed[0] * v_acc, relaxed[1] * v_acc, relaxed[2] * v_acc),
            "type": (relaxed[0] * t_acc, relaxed[1] * t_acc, relaxed[2] * t_acc),
            "notation": (relaxed[0] * n_acc, relaxed[1] * n_acc, relaxed[2] * n_acc),
        }


def run_dateline(doc: _tbaq.Document) -> list[Found]:
    from dateline.core.temporal import find_timexes

    return [
        Found(t.start, t.end, t.text, str(t.type), t.value) for t in find_timexes(doc.text, doc.dct)
    ]


def run_dateparser(doc: _tbaq.Document) -> list[Found]:
    from dateparser.search import search_dates

    settings: dict[str, object] = {}
    if doc.dct is not None:
        settings["RELATIVE_BASE"] = dt.datetime(doc.dct.year, doc.dct.month, doc.dct.day)
    try:
        results = search_dates(doc.text, languages=["en"], settings=settings) or []
    except (
        Exception
    ):  # the baseline is scored as it behaves; a crash on a document finds nothing there
        results = []
    out: list[Found] = []
    pos = 0
    for sub, when in results:
        at = doc.text.find(sub, pos)
        if at < 0:
            continue
        out.append(Found(at, at + len(sub), sub, "DATE", when.date().isoformat()))
        pos = at + len(sub)
    return out


def evaluate(
    docs: list[_tbaq.Document], system: Callable[[_tbaq.Document], list[Found]]
) -> tuple[Score, float]:
    score = Score()
    t0 = time.perf_counter()
    outputs = [system(d) for d in docs]
    elapsed = time.perf_counter() - t0
    for d, out in zip(docs, outputs, strict=True):
        score.add(d.timexes, out, d.dct)
    return score, elapsed


def report(name: str, score: Score, elapsed: float, ndocs: int) -> None:
    f = score.figures()
    print(f"{name}: {ndocs} documents, {score.gold} gold timexes, {score.system} system timexes")
    for key in ("strict", "relaxed", "value", "type"):
        p, r, f1 = f[key]
        print(f"  {key:<8} P {100 * p:5.1f}  R {100 * r:5.1f}  F1 {100 * f1:5.1f}")
    p, r, f1 = f["notation"]
    print(
        f"  (extra) value F1, equivalent notations (199=199X, 19=19XX, W7=W07):"
        f" P {100 * p:5.1f}  R {100 * r:5.1f}  F1 {100 * f1:5.1f}"
    )
    print(f"  speed    {ndocs / elapsed:,.1f} documents/s ({elapsed:.2f} s)")


def errors(score: Score, top: int) -> None:
    for title, counter in (
        ("missed gold", score.missed),
        ("false positives", score.spurious),
        ("wrong values", score.wrong_value),
        ("wrong types", score.wrong_type),
        ("span differences", score.wrong_span),
    ):
        print(f"\n-- top {title} ({sum(counter.values())}) --")
        for text, n in counter.most_common(top):
            print(f"  {n:4d}  {text}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, default=_tbaq.DEFAULT_CORPUS)
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--errors", action="store_true", help="print a confusion summary for dateline")
    ap.add_argument("--top", type=int, default=25)
    ap.add_argument(
        "--no-baseline", action="store_true", help="skip the (slow) dateparser baseline"
    )
    args = ap.parse_args(argv)
    docs = _tbaq.load(args.corpus, args.limit)
    if not docs:
        print(f"no .tml documents under {args.corpus}", file=sys.stderr)
        return 2
    run_dateline(docs[0])  # warm-up: imports and compiled patterns are start-up, not throughput
    score, elapsed = evaluate(docs, run_dateline)
    report("dateline find_timexes", score, elapsed, len(docs))
    if not args.no_baseline:
        run_dateparser(docs[0])
        base, base_elapsed = evaluate(docs, run_dateparser)
        report("dateparser search_dates (baseline)", base, base_elapsed, len(docs))
    if args.errors:
        errors(score, args.top)
    return 0


if __name__ == "__main__":
    sys.exit(main())
