"""The ``dateline`` executable: ``dateline gui`` opens the window, everything else is the CLI.

Kept apart from ``dateline.cli`` so the CLI never imports Qt.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence


def worker_support() -> None:
    """In a frozen bundle an import's worker process is this executable started again: hand it to
    multiprocessing before anything else runs (elsewhere, nothing to do)."""
    if getattr(sys, "frozen", False):
        import multiprocessing

        multiprocessing.freeze_support()


def main(argv: Sequence[str] | None = None) -> int:
    worker_support()
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] in ("gui", "run"):
        from .app import main as gui_main

        # `run` is the everyday start: the default database, offering the seeds when it is empty.
        return gui_main((["--seeds"] if args[0] == "run" else []) + args[1:])
    from .cli import main as cli_main

    return cli_main(args)


if __name__ == "__main__":
    sys.exit(main())
