"""``dateline export``: write the reviewed timeline in one of the export formats."""

from __future__ import annotations

import argparse
import sys

from ..core.export.sharing import export_project
from .store_cmds import _statuses, add_filter_args, db_parent, filter_from_args, open_store


def register(sub: argparse._SubParsersAction) -> None:
    from ..core.export import FORMATS

    p = sub.add_parser(
        "export",
        parents=[db_parent()],
        help="export the timeline (accepted and edited events by default)",
        description="Write the reviewed timeline with its provenance. TimeML writes a folder.",
    )
    p.add_argument("--format", required=True, choices=list(FORMATS), metavar="FORMAT",
                   help="one of: " + ", ".join(FORMATS))  # fmt: skip
    p.add_argument(
        "--out", required=True, metavar="PATH", help="file to write (a folder for timeml)"
    )
    p.add_argument(
        "--status",
        action="append",
        metavar="S",
        help="statuses to export (repeatable or comma separated; 'all'); default accepted,edited",
    )
    p.add_argument("--title", default="Dateline timeline")
    p.add_argument(
        "--notes",
        action="store_true",
        help="share the analyst notes too (notes are private: left out by default)",
    )
    add_filter_args(p)
    p.set_defaults(handler=run_export)


def run_export(args: argparse.Namespace) -> int:
    statuses = _statuses(args.status) if args.status else ("accepted", "edited")
    flt = filter_from_args(args)
    with open_store(args) as store:
        result = export_project(
            store, args.format, args.out, flt, statuses, title=args.title, include_notes=args.notes
        )
    for path in result.files:
        print(f"wrote {path}")
    print(result.summary())
    if result.left_out:
        print(f"dateline: {result.left_out_summary()}", file=sys.stderr)
        for line in result.left_out_lines():
            print(f"  {line}", file=sys.stderr)
    return 0
