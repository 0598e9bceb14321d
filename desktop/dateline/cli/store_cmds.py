"""Subcommands over the project database: import, list, review, re-anchor, history, stats.

Each handler opens the store (``--db`` or $DATELINE_DB or the user data dir), calls one use case of
``dateline.core.services`` and prints the result. Errors are core exceptions: ``cli.main`` prints them.
"""

from __future__ import annotations

import argparse
import json
import sys
import textwrap
from collections.abc import Sequence
from pathlib import Path

from ..core import samples, services, timevalue
from ..core.errors import InputError
from ..core.history import show_value, when_label
from ..core.ingest.collector import full_collections_held
from ..core.model import EventRecord
from ..core.store import ORDERS, EventFilter, Store, default_db_path

STATUSES = ("proposed", "accepted", "rejected", "edited")


def db_parent() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(add_help=False)
    p.add_argument(
        "--db",
        metavar="PATH",
        default=None,
        help="project database (default: $DATELINE_DB or the user data folder)",
    )
    return p


def open_store(args: argparse.Namespace, *, create: bool = False) -> Store:
    """The project named by ``--db`` (else $DATELINE_DB, else the user data folder's).

    Only ``import`` creates a project: any other command given a path that does not exist (a typo in
    ``--db``) says so instead of quietly working on a new, empty database.
    """
    path = Path(args.db).expanduser() if args.db else default_db_path()
    if not create and not path.exists():
        raise InputError(
            f"There is no Dateline project at {path}; check --db, or create one with dateline import."
        )
    return Store.open(path)


def _ids(values: Sequence[str], what: str = "event") -> tuple[int, ...]:
    out = []
    for v in values:
        for part in str(v).split(","):
            part = part.strip().lstrip("#")
            if not part:
                continue
            if not part.isdigit():
                raise InputError(f"'{part}' is not an {what} id (a whole number).")
            out.append(int(part))
    if not out:
        raise InputError(f"Give at least one {what} id.")
    return tuple(out)


def _statuses(values: Sequence[str] | None) -> tuple[str, ...]:
    out: list[str] = []
    for v in values or ():
        for part in v.split(","):
            part = part.strip().lower()
            if part == "all":
                return ()
            if part not in STATUSES:
                raise InputError(f"Unknown status '{part}'; use {', '.join(STATUSES)} or all.")
            out.append(part)
    return tuple(dict.fromkeys(out))


def add_filter_args(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--tag", action="append", metavar="T", help="only events with this tag (repeatable)"
    )
    p.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD", help="only events on or after")
    p.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD", help="only events on or before")
    p.add_argument(
        "--search",
        metavar="TEXT",
        default="",
        help='words (or their beginnings) in titles, notes and quotes; "a phrase", OR, NOT',
    )
    p.add_argument(
        "--document", type=int, metavar="ID", help="only events sourced in this document"
    )
    p.add_argument("--flagged", action="store_true", help="only events flagged for review")


def filter_from_args(args: argparse.Namespace, statuses: tuple[str, ...] = ()) -> EventFilter:
    return EventFilter(
        text=args.search or "",
        statuses=statuses,
        tags=tuple(args.tag or ()),
        date_from=services.parse_day(args.date_from, "--from date") if args.date_from else None,
        date_to=services.parse_day(args.date_to, "--to date") if args.date_to else None,
        document_id=args.document,
        flagged=True if args.flagged else None,
    )


def register(sub: argparse._SubParsersAction) -> None:
    """The project commands, in the order ``--help`` lists them."""
    common = db_parent()
    _add_import_and_lists(sub, common)
    _add_review(sub, common)
    _add_merging(sub, common)
    _add_dating(sub, common)
    _add_audit(sub, common)


def _add_import_and_lists(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """Importing, and listing what is stored."""
    p = sub.add_parser("import", parents=[common], help="import article files or folders")
    p.add_argument("paths", nargs="*", metavar="PATH")
    p.add_argument("--published", metavar="YYYY-MM-DD", help="publication date for every file")
    p.add_argument(
        "--samples",
        action="store_true",
        help="also import the sample articles shipped with Dateline",
    )
    p.set_defaults(handler=run_import)

    p = sub.add_parser("events", parents=[common], help="list the stored events")
    p.add_argument(
        "--status",
        action="append",
        metavar="S",
        help="proposed, accepted, rejected, edited (repeatable)",
    )
    add_filter_args(p)
    p.add_argument("--order", default="date", choices=[*ORDERS, *(f"-{o}" for o in ORDERS)])
    p.add_argument("--format", choices=("table", "json"), default="table")
    p.set_defaults(handler=run_events)

    p = sub.add_parser("documents", parents=[common], help="list the imported documents")
    p.add_argument("--format", choices=("table", "json"), default="table")
    p.set_defaults(handler=run_documents)


def _add_review(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """Reviewing events: status, fields, tags, notes."""
    for name, status in (("accept", "accepted"), ("reject", "rejected")):
        p = sub.add_parser(name, parents=[common], help=f"mark events {status}")
        p.add_argument("ids", nargs="+", metavar="ID")
        p.set_defaults(handler=run_status, status=status)

    p = sub.add_parser("edit", parents=[common], help="change an event's fields or date")
    p.add_argument("id", metavar="ID")
    p.add_argument("--title")
    p.add_argument(
        "--date",
        dest="value",
        metavar="VALUE",
        help="TIMEX3 value: 2024-10-16, 2024-10, 2024-H1...",
    )
    p.add_argument("--end", metavar="VALUE", help="end of a ranged event")
    p.add_argument(
        "--precision", help="re-express the date at this precision (day, month, year...)"
    )
    p.add_argument("--description")
    p.add_argument("--location")
    p.add_argument("--actors")
    p.add_argument("--reliability", metavar="A-F")
    p.add_argument("--credibility", metavar="1-6")
    p.set_defaults(handler=run_edit)

    p = sub.add_parser("tag", parents=[common], help="add or remove tags")
    p.add_argument("ids", nargs="+", metavar="ID")
    p.add_argument("--add", action="append", metavar="T", default=[])
    p.add_argument("--remove", action="append", metavar="T", default=[])
    p.set_defaults(handler=run_tag)

    p = sub.add_parser("note", parents=[common], help="set an event's note")
    p.add_argument("id", metavar="ID")
    p.add_argument("text", metavar="TEXT")
    p.set_defaults(handler=run_note)


def _add_merging(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """One happening, one event: merging, splitting and the suggestions."""
    p = sub.add_parser("merge", parents=[common], help="merge events into the first one")
    p.add_argument("ids", nargs="+", metavar="ID")
    p.set_defaults(handler=run_merge)

    p = sub.add_parser(
        "split", parents=[common], help="undo a merge, or move sources to a new event"
    )
    p.add_argument("id", metavar="ID")
    p.add_argument("--sources", nargs="+", metavar="SOURCE_ID", help="sources to move out")
    p.set_defaults(handler=run_split)

    p = sub.add_parser(
        "suggestions", parents=[common], help="merge suggestions (of one event), best first"
    )
    p.add_argument("event", nargs="?", type=int, metavar="EVENT")
    p.add_argument("--limit", type=int, default=50)
    p.set_defaults(handler=run_suggestions)

    p = sub.add_parser(
        "dismiss", parents=[common], help="two events are not the same happening: stop suggesting"
    )
    p.add_argument("ids", nargs=2, metavar="ID")
    p.set_defaults(handler=run_dismiss)


def _add_dating(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """Dates: a source's reading, a document's publication date, the engine run again."""
    p = sub.add_parser("set-source", parents=[common], help="re-date one source's reading")
    p.add_argument("source", metavar="SOURCE_ID")
    p.add_argument("value", metavar="DATE", help="2024-10-16, 2024-10, 2024-H1, 2024...")
    p.add_argument("--end", metavar="DATE", default=None, help="end of a range")
    p.set_defaults(handler=run_set_source)

    p = sub.add_parser("set-published", parents=[common], help="set a document's publication date")
    p.add_argument("document", type=int, metavar="DOC")
    p.add_argument("date", metavar="DATE", help="YYYY-MM-DD, or 'none' to clear it")
    p.set_defaults(handler=run_set_published)

    p = sub.add_parser("reextract", parents=[common], help="run the current date engine again")
    p.add_argument(
        "--outdated", action="store_true", help="only documents from older engine versions"
    )
    p.set_defaults(handler=run_reextract)


def _add_audit(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """The audit trail and the counts."""
    p = sub.add_parser("history", parents=[common], help="the audit trail (of one event)")
    p.add_argument("event", nargs="?", type=int, metavar="EVENT")
    p.add_argument("--limit", type=int, metavar="N")
    p.add_argument("--format", choices=("table", "json"), default="table")
    p.set_defaults(handler=run_history)

    p = sub.add_parser("stats", parents=[common], help="counts of documents, events and reviews")
    p.add_argument("--format", choices=("table", "json"), default="table")
    p.set_defaults(handler=run_stats)


# ---- handlers ----


def run_import(args: argparse.Namespace) -> int:
    published = services.parse_day(args.published, "--published date") if args.published else None
    paths = list(args.paths)
    if args.samples:
        found = samples.sample_files()
        if not found:
            raise InputError("The sample articles are not installed with this copy of Dateline.")
        paths += [str(f) for f in found]
    if not paths:
        raise InputError("Give the article files or folders to import (or --samples).")
    # A large batch: full collections are held off (see core.ingest.collector).
    with open_store(args, create=True) as store, full_collections_held():
        report = services.import_and_extract(store, paths, published=published)
    for path, doc in report.imported:
        print(f"imported  {path} (document {doc})")
    for path, doc, original, original_path in report.copies:
        print(f"copy      {path} (document {doc}) of document {original} ({original_path})")
    for path in report.duplicates:
        print(f"duplicate {path} (already imported)")
    for path, reason in report.failed:
        print(f"failed    {path}: {reason}")
    for path in report.undated:
        print(f"undated   {path}: no publication date; use set-published to resolve relative dates")
    print(
        f"{report.summary()}; {report.events_proposed} events proposed, "
        f"{report.sources_attached} existing events got new sources"
    )
    if not (report.imported or report.duplicates or report.failed):
        raise InputError("No article files found in " + ", ".join(paths) + ".")
    if report.all_failed:
        print(
            f"dateline: none of the {len(report.failed)} files could be imported.", file=sys.stderr
        )
        return InputError.exit_code
    return 0


def _label(e: EventRecord) -> str:
    return timevalue.label(e.value, e.end, weekday=False) if e.value else "undated"


def run_events(args: argparse.Namespace) -> int:
    flt = filter_from_args(args, _statuses(args.status))
    with open_store(args) as store:
        if args.format == "json":
            print(
                json.dumps(
                    services.events_json(store, flt, args.order), ensure_ascii=False, indent=2
                )
            )
            return 0
        events = store.events(store.event_ids(flt, args.order))
    print(f"{'ID':>5}  {'DATE':<24} {'STATUS':<9} {'SRC':>3}  TITLE")
    for e in events:
        mark = "!" if e.flags else " "
        tags = f"  [{', '.join(e.tags)}]" if e.tags else ""
        print(
            f"{e.id:>5}{mark} {_label(e):<24} {e.status.value:<9} {len(e.sources):>3}  {e.title[:70]}{tags}"
        )
    print(f"{len(events)} events")
    return 0


def run_documents(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        docs = store.documents()
        counts = store.document_counts()
    if args.format == "json":
        print(json.dumps([services.document_json(d) for d in docs], ensure_ascii=False, indent=2))
        return 0
    for d in docs:
        c = counts.get(d.id, {})
        when = d.published.isoformat() if d.published else "no date"
        print(f"{d.id:>5}  {when:<10} {sum(c.values()):>3} events  {d.title[:60]}  ({d.path})")
    return 0


def run_status(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        _, change = services.set_status(store, _ids(args.ids), args.status)
    print(change.message)
    return 0


def run_edit(args: argparse.Namespace) -> int:
    fields = (
        "title",
        "value",
        "end",
        "precision",
        "description",
        "location",
        "actors",
        "reliability",
        "credibility",
    )
    changes = {f: getattr(args, f) for f in fields if getattr(args, f) is not None}
    with open_store(args) as store:
        _, change = services.edit_event(store, _ids([args.id])[0], changes)
    print(change.message)
    return 0


def run_tag(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        changes = services.tag_events(store, _ids(args.ids), args.add, args.remove)
    for c in changes:
        print(c.message)
    return 0


def run_note(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        print(services.note(store, _ids([args.id])[0], args.text).message)
    return 0


def run_merge(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        print(services.merge(store, _ids(args.ids)).message)
    return 0


def run_suggestions(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        if args.event is None:
            pairs = services.merge_suggestions(store)[: max(args.limit, 0)]
        else:
            pairs = services.suggestions_for(store, args.event, args.limit)
        titles = {e.id: e.title for e in store.events(sorted({i for p in pairs for i in p[:2]}))}
    for a, b, score in pairs:
        print(f"{a:>6} {b:>6}  {score:.2f}  {titles.get(a, '')[:40]}  |  {titles.get(b, '')[:40]}")
    if not pairs:
        print("No merge suggestions.")
    return 0


def run_dismiss(args: argparse.Namespace) -> int:
    a, b = _ids(args.ids)[:2]
    with open_store(args) as store:
        print(services.dismiss_merge(store, a, b).message)
    return 0


def run_set_source(args: argparse.Namespace) -> int:
    (source,) = _ids([args.source], "source")[:1]
    with open_store(args) as store:
        print(services.set_source_value(store, source, args.value, args.end).message)
    return 0


def run_split(args: argparse.Namespace) -> int:
    sources = _ids(args.sources, "source") if args.sources else None
    with open_store(args) as store:
        print(services.split(store, _ids([args.id])[0], sources).message)
    return 0


def run_set_published(args: argparse.Namespace) -> int:
    day = (
        None
        if args.date.strip().lower() in ("none", "unknown", "")
        else services.parse_day(args.date)
    )
    with open_store(args) as store:
        print(services.set_published(store, args.document, day).message)
    return 0


def run_reextract(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        print(services.reextract(store, only_outdated=args.outdated).summary())
    return 0


def run_history(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        entries = store.history(args.event, args.limit)
        if args.event is not None and not entries:
            store.event(args.event)  # a wrong id is an error, not an empty history
    if args.format == "json":
        rows = [
            {"id": e.id, "at": e.at, "who": e.who, "action": e.action, "entity": e.entity,
             "entity_id": e.entity_id, "before": e.before, "after": e.after}
            for e in entries
        ]  # fmt: skip
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    for e in entries:
        print(f"#{e.id} {when_label(e.at)} {e.who} {e.action} {e.entity} {e.entity_id}")
        keys = list(dict.fromkeys([*e.before, *e.after]))
        for k in keys:
            before, after = e.before.get(k), e.after.get(k)
            if e.before and e.after:
                line = f"{k}: {show_value(before, k)} -> {show_value(after, k)}"
            elif e.after:
                line = f"{k}: {show_value(after, k)}"
            else:
                line = f"{k}: {show_value(before, k)} (removed)"
            print(textwrap.shorten(f"    {line}", 160, placeholder=" …"))
    if not entries:
        print("no history yet")
    return 0


def run_stats(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        stats = store.stats()
    if args.format == "json":
        print(json.dumps(stats, indent=2))
        return 0
    for k, v in stats.items():
        if isinstance(v, dict):
            v = ", ".join(f"{a} {b}" for a, b in v.items())
        print(f"{k.replace('_', ' '):<18} {v}")
    return 0
