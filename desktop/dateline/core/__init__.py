"""Pure-Python core of Dateline. Never imports Qt (enforced by import-linter)."""
