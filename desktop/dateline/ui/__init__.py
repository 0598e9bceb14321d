"""The PySide6 desktop interface. The only package that imports Qt; it sits on ``dateline.core``.

PySide6-Essentials is pinned to 6.11.3 in pyproject.toml: 6.12.0 drops a reference on every signal
emit and aborts CPython 3.11 ("bool_dealloc") after a few thousand emits.
"""

from __future__ import annotations
