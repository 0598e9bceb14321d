"""Headless command line: a thin shell over ``dateline.core``.

Each submodule registers its subcommands; every handler returns an exit code. Core errors become one
sentence on stderr and their exit code, never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from ..core.errors import Cancelled, DatelineError
from . import export_cmd, extract, store_cmds

# Modules that contribute subcommands, each with ``register(subparsers)``. Imported by name, not found
# at run time: a freezer (PyInstaller) follows these imports, and a missing one fails loudly.
_COMMAND_MODULES = (extract, store_cmds, export_cmd)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="dateline",
        description="Find the dates in news articles and build a reviewed, sourced timeline.",
    )
    from .. import __version__

    parser.add_argument("--version", action="version", version=f"dateline {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    _register_window_commands(sub)
    for module in _COMMAND_MODULES:
        module.register(sub)
    return parser


def _register_window_commands(sub: argparse._SubParsersAction) -> None:
    """``gui`` and ``run`` open the window; the ``dateline`` launcher starts them before this parser
    sees them (the CLI never imports Qt). They are listed here so ``--help`` names every command."""
    for name, text in (
        ("gui", "open the review window (dateline gui --help for its options)"),
        ("run", "open the window on the default project (the sample articles if it is empty)"),
    ):
        p = sub.add_parser(name, help=text, description=text.capitalize() + ".")
        p.set_defaults(handler=_window_only, window_command=name)


def _window_only(args: argparse.Namespace) -> int:
    raise DatelineError(
        f"'{args.window_command}' opens the window: start it with the dateline command itself."
    )


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
