"""Test support shared by the tests and the benchmarks: generated articles, processes, store digests.

Importable as ``support`` from the tests (pytest's ``pythonpath`` option puts ``tests/`` on the path) and
from the benchmarks (``benchmarks/_repo.py`` does the same for a benchmark script). Nothing here imports
pytest, so a benchmark can use it without the test extras' fixtures.
"""
