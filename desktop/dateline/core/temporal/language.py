"""The language bundles the engine knows, and the choice of one for an article.

An article's language is its stored ISO 639 code ("en", "en-GB", "fr"). A language without a bundle is
read with the English one, and says so: the engine logs it once per language and every expression's
explanation names it, so an analyst sees why a French date was missed instead of trusting silence.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from . import amounts, comparisons, dates, daytime, landmarks, periods, relative, reports, weeks
from .bundle import Abbreviations, Cues, Words
from .english.abbreviations import ABBREVIATIONS
from .english.cues import CUES
from .english.words import WORDS
from .rules import Rule

__all__ = ["ENGLISH", "LANGUAGES", "Language", "language_for"]

_log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True, eq=False)
class Language:
    """A language bundle (``bundle`` describes its parts): what the engine reads a text with."""

    code: str  # ISO 639-1
    name: str
    words: Words
    cues: Cues
    abbreviations: Abbreviations
    rules: tuple[Rule, ...]


ENGLISH = Language(
    code="en",
    name="English",
    words=WORDS,
    cues=CUES,
    abbreviations=ABBREVIATIONS,
    rules=(
        *dates.RULES,
        *periods.RULES,
        *comparisons.RULES,
        *reports.RULES,
        *relative.RULES,
        *daytime.RULES,
        *amounts.RULES,
        *weeks.RULES,
        *landmarks.RULES,
    ),
)
LANGUAGES: dict[str, Language] = {ENGLISH.code: ENGLISH}
_warned: set[str] = set()


def primary_code(code: str | None) -> str:
    """ "en-GB", "EN_us", " en " -> "en"; "" when no language is given."""
    return re.split(r"[-_\s]", (code or "").strip().lower(), maxsplit=1)[0]


def language_for(code: str | None) -> tuple[Language, bool]:
    """The bundle for ``code`` and whether it is a stand-in: no code means English; a language without
    a bundle gets English, a True flag and a logged warning (once per language)."""
    primary = primary_code(code)
    if not primary:
        return ENGLISH, False
    found = LANGUAGES.get(primary)
    if found is not None:
        return found, False
    if primary not in _warned:
        _warned.add(primary)
        _log.warning("no temporal rules for language %r: reading it with the English ones", code)
    return ENGLISH, True
