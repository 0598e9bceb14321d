"""Frozen entry point of ``dateline`` (the command line, and ``dateline gui`` / ``dateline run``).

A freezer runs its entry script as ``__main__``, outside any package, so the script imports the
package by its absolute name: ``dateline/launcher.py`` itself would fail on its relative imports.
"""

import multiprocessing
import sys

from dateline.launcher import main

if __name__ == "__main__":
    multiprocessing.freeze_support()  # an import's worker processes start as this executable
    sys.exit(main())
