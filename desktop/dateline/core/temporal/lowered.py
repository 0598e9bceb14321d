"""Where a case-insensitive pattern may match, found in one fast pass over the text in lower case.

Python's regex engine, ignoring case, enters every alternative of an alternation at every position:
a cue pattern of a hundred words tried at each word of a clause costs tens of microseconds. The same
pattern with its letters in lower case, matched case-sensitively against ``text.lower()``, skips an
alternative on its first letter. ``Finder`` widens a pattern that way (negative lookarounds dropped,
a class that excludes letters taken as any character), so that on the lower-cased text it matches at
every offset where the pattern matches the text, and maybe at a few more; the pattern itself then
decides at those offsets only. ``finditer`` and ``search`` give exactly the pattern's own results.

``str.lower`` keeps every offset and every character's class (word, space, digit; checked over all
of Unicode by the tests) and, ignoring case, the engine takes an ASCII letter for its two cases only,
but for "ſ" (an "s"), "ı" and "İ" (an "i") and the Kelvin sign (a "k"): a text with one of them is
left to the pattern alone, as is a pattern this cannot widen (a back-reference, an atomic group).
It works on the parse tree the engine builds (see ``gates`` on this private API).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from re import _compiler, _parser  # type: ignore[attr-defined]
from re import _constants as C  # type: ignore[attr-defined]
from typing import Any

_ODD = ("ſ", "ı", "İ", "\u212a")  # letters that, ignoring case, match an ASCII letter
_ANY = (C.IN, [(C.CATEGORY, C.CATEGORY_DIGIT), (C.CATEGORY, C.CATEGORY_NOT_DIGIT)])


class _Unsure(Exception):
    pass


class Finder:
    """``pattern``'s matches, tried only where its widened form matches the text in lower case."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.starts: re.Pattern[str] | None = None
        try:
            tree = _parser.parse(pattern.pattern, pattern.flags)
            _widen(tree.data)
        except (_Unsure, TypeError):
            return
        tree.state.flags &= ~re.IGNORECASE  # the compiler reads the flags from the tree too
        # a zero-width lookahead: every offset where the widened pattern matches
        tree.data = [(C.ASSERT, (1, _parser.SubPattern(tree.state, tree.data)))]
        self.starts = _compiler.compile(tree, pattern.flags & ~re.IGNORECASE)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """``pattern.finditer(text)``."""
        # every odd letter is beyond ASCII: most texts are told apart without looking for them
        if self.starts is None or (not text.isascii() and any(c in text for c in _ODD)):
            yield from self.pattern.finditer(text)
            return
        match = self.pattern.match
        end = 0
        for at in self.starts.finditer(text.lower()):
            start = at.start()
            if start < end:
                continue
            m = match(text, start)
            if m is None:
                continue
            if m.end() == start:  # an empty match: the engine's own rules for what follows
                yield from self.pattern.finditer(text, start)
                return
            yield m
            end = m.end()

    def search(self, text: str) -> re.Match[str] | None:
        """``pattern.search(text)``."""
        return next(self.finditer(text), None)


def _widen(data: list[Any]) -> None:
    """Rewrite a parse tree's item list, in place, into its widened lower-case form."""
    keep: list[tuple[Any, Any]] = []
    for op, av in data:
        if op is C.LITERAL:
            keep.append((op, _lower(av)))
        elif op is C.NOT_LITERAL:
            keep.append(_ANY)
        elif op is C.IN:
            keep.append(_widen_set(av))
        elif op is C.BRANCH:
            for alt in av[1]:
                _widen(alt.data)
            keep.append((op, av))
        elif op is C.SUBPATTERN:
            group, add, drop, p = av
            _widen(p.data)
            keep.append((op, (group, add & ~re.IGNORECASE, drop & ~re.IGNORECASE, p)))
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT):
            _widen(av[2].data)
            keep.append((op, av))
        elif op is C.ASSERT:
            _widen(av[1].data)
            keep.append((op, av))
        elif op is C.ASSERT_NOT:
            continue  # dropped: it can only turn a match away
        elif op in (C.AT, C.ANY, C.CATEGORY):
            keep.append((op, av))
        else:
            raise _Unsure(op)  # a back-reference, an atomic group, a possessive repeat
    data[:] = keep


def _lower(code: int) -> int:
    ch = chr(code)
    if ch.isascii():
        return ord(ch.lower())
    if ch.lower() != ch or ch.upper() != ch:
        raise _Unsure(ch)  # a letter beyond ASCII
    return code


def _widen_set(items: list[tuple[Any, Any]]) -> tuple[Any, Any]:
    out: list[tuple[Any, Any]] = []
    for op, av in items:
        if op is C.NEGATE:
            return _ANY  # "[^a-z]" holds "A", whose lower case it does not
        if op is C.LITERAL:
            out.append((op, _lower(av)))
        elif op is C.RANGE:
            lo, hi = av
            if hi > 0x7F:
                raise _Unsure(av)
            out.append((op, av))
            out.extend((C.LITERAL, _lower(c)) for c in range(lo, hi + 1) if chr(c).isupper())
        elif op is C.CATEGORY:
            out.append((op, av))
        else:
            raise _Unsure(op)
    return (C.IN, out)
