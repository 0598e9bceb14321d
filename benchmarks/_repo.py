"""Makes the repository's test-support package (``tests/support``, imported as ``support``) importable
from a benchmark script, the one way benchmarks reach it: ``import _repo`` before ``import support``.

The tests get the same package through pytest's ``pythonpath`` option; the article generator lives
there so that tests never import a benchmark.
"""

from __future__ import annotations

import sys
from pathlib import Path

TESTS = str(Path(__file__).resolve().parents[1] / "tests")
if TESTS not in sys.path:
    sys.path.insert(0, TESTS)
