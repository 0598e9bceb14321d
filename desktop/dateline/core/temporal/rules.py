"""What a temporal rule is: one declaration holding everything the engine needs to know about it.

Each family module (``dates``, ``periods``, ``comparisons``, ``reports``, ``relative``, ``daytime``,
``amounts``, ``weeks``, ``landmarks``) declares its rules in a ``RULES`` tuple next to their handlers,
with their English patterns; a language bundle (``language``) gathers the rules it reads with, and ``grammar`` compiles
them and derives the start-word gate from the patterns, so a rule's name appears in exactly one place.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .bundle import Lexicon
from .reading import Context, Groups, Hit, Reading

Handler = Callable[[Hit, Context], list[Reading]]
# (text, start, end, groups, the words and cue words of the language's bundle) -> keep this match?
Filter = Callable[[str, int, int, Groups, Lexicon], bool]


@dataclass(frozen=True, slots=True)
class Rule:
    """A temporal rule.

    ``order`` decides between rules matching at the same position (lower first: a compound rule such as
    "Thursday, April 6" comes before its parts); ``pattern`` is matched case-insensitively, with named
    groups for the handler; ``keep`` turns away matches that are only temporal in the right company;
    ``tense`` says the handler reads the tense of the clause ("Thursday" in "will meet Thursday");
    ``title`` says a match can be (part of) the quoted name of a work and is then dropped ("This Week");
    ``shifts_publication`` marks readings that are the publication date moved by an amount, which are no
    base for counting further ("a year earlier" after "a year ago" names the same year).
    """

    name: str
    order: int
    pattern: str
    handler: Handler
    keep: Filter | None = None
    tense: bool = False
    title: bool = False
    shifts_publication: bool = False
