"""The store tests' helpers, kept under their old name: they live in the test-support package."""

from __future__ import annotations

from support.articles import generated_articles
from support.store import by_title, by_value, seeded_store, state

__all__ = ["by_title", "by_value", "generated_articles", "seeded_store", "state"]
