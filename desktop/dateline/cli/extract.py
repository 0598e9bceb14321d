"""``dateline extract`` and ``dateline timexes``: headless extraction from files, no database."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import textwrap

from ..core import timevalue
from ..core.errors import InputError
from ..core.extraction import ExtractionResult, extract_files, timex_json, to_json


def parse_date_arg(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date (expected YYYY-MM-DD)") from None


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "extract",
        help="print the proposed timeline of article files",
        description="Find the dates in article files and print the proposed timeline in date order.",
    )
    p.add_argument("files", nargs="+", metavar="FILE", help="article files or folders")
    p.add_argument(
        "--published",
        type=parse_date_arg,
        metavar="YYYY-MM-DD",
        help="publication date for every file (overrides manifest and front matter)",
    )
    p.add_argument("--format", choices=("table", "json"), default="table")
    p.set_defaults(handler=run_extract)

    t = sub.add_parser(
        "timexes",
        help="print the temporal expressions of one article",
        description="Print every temporal expression found in an article, resolved against its date.",
    )
    t.add_argument("file", metavar="FILE")
    t.add_argument("--published", type=parse_date_arg, metavar="YYYY-MM-DD")
    t.add_argument("--format", choices=("table", "json"), default="table")
    t.set_defaults(handler=run_timexes)


def _warn_failed(result: ExtractionResult) -> None:
    for path, reason in result.failed:
        print(f"dateline: skipped {path}: {reason}", file=sys.stderr)
    for d in result.documents:
        if d.article.published is None:
            print(
                f"dateline: {d.article.path}: no publication date; relative dates are left unresolved"
                " (use --published)",
                file=sys.stderr,
            )


def run_extract(args: argparse.Namespace) -> int:
    result = extract_files(args.files, args.published)
    _warn_failed(result)
    if args.format == "json":
        json.dump(to_json(result), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    titles = {d.article.id: d.article.title for d in result.documents}
    width = max((len(timevalue.label(e.value, e.end)) for e in result.events), default=10)
    for e in result.events:
        docs = sorted({s.document for s in e.sources})
        print(f"{timevalue.label(e.value, e.end):<{width}}  {e.title}")
        meta = (
            f"{len(e.sources)} source(s) in {len(docs)} article(s), confidence {e.confidence:.2f}"
        )
        print(" " * (width + 2) + meta)
        for s in e.sources:
            quote = textwrap.shorten(s.sentence, 110, placeholder=" …")
            print(" " * (width + 4) + f"[{titles.get(s.document, s.document)[:40]}] {quote}")
    print(f"\n{len(result.events)} events from {len(result.documents)} article(s)")
    return 0


def run_timexes(args: argparse.Namespace) -> int:
    result = extract_files([args.file], args.published)
    _warn_failed(result)
    if not result.documents:
        raise InputError(f"{args.file}: no article in this file")
    rows = [timex_json(d.article.id, t) for d in result.documents for t in d.timexes]
    if args.format == "json":
        json.dump({"timexes": rows}, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    for r in rows:
        print(
            f"{r['start']:>6}-{r['end']:<6} {r['type']:<8} {r['value']:<16} {r['text']!s:<28} {r['rule']}"
        )
    print(f"\n{len(rows)} temporal expressions")
    return 0
