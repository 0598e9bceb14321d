"""Headless command line: a thin shell over ``dateline.core``.

Each submodule registers its subcommands; every handler returns an exit code. Core errors become one
sentence on stderr and their exit code, never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from ..core.errors import Cancelled, DatelineError

# Modules that contribute subcommands, each with ``register(subparsers)``.
_COMMAND_MODULES = ("extract", "store_cmds", "export_cmd")


def build_parser() -> argparse.ArgumentParser:
    import importlib

    parser = argparse.ArgumentParser(
        prog="dateline",
        description="Find the dates in news articles and build a reviewed, sourced timeline.",
    )
    from .. import __version__

    parser.add_argument("--version", action="version", version=f"dateline {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    for name in _COMMAND_MODULES:
        try:
            module = importlib.import_module(f"{__name__}.{name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"{__name__}.{name}":
                continue
            raise
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.handler(args) or 0)
    except DatelineError as exc:
        print(f"dateline: {exc.message}", file=sys.stderr)
        return exc.exit_code
    except Cancelled:
        print("dateline: cancelled", file=sys.stderr)
        return 130
    except KeyboardInterrupt:
        print("dateline: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
