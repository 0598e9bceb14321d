"""The detection grammar: a language's rules compiled into one ordered alternation, with a start-word
gate derived from the patterns.

Rules are tried in ``order`` at each position (Python's alternation is ordered), so longer compound rules
come before their parts: "Thursday, April 6" before "Thursday", "the first half of 2024" before "2024".
Each rule also has its own compiled pattern with named groups, used to pull fields out of a match.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from .filters import in_title
from .gates import DIGIT, SOLO, derive
from .language import ENGLISH, Language
from .reading import Hit
from .rules import Rule

__all__ = ["Grammar", "Hit", "grammar_for", "scan", "scan_exhaustive"]

_NAMED_GROUP = re.compile(r"\(\?P<\w+>")
_FLAGS = re.IGNORECASE
_TOKEN = re.compile(r"(?<![\w'’])(?:'(?=\d)|\d|[A-Za-z]+)")
_NEXT_TOKEN = re.compile(r"[^\w'’]*(?:['’]s\s+)?(?:(\d)|'(?=\d)|([A-Za-z]+))")


def _strip_names(pattern: str) -> str:
    p = _NAMED_GROUP.sub("(?:", pattern)
    return re.sub(r"\(\?P=sep\)", r"[/.]", p)


class Grammar:
    """A language's rules compiled for scanning: the master alternation, each rule's own pattern, the
    gate."""

    def __init__(self, language: Language) -> None:
        self.language = language
        self.rules: dict[str, Rule] = {}
        for rule in sorted(language.rules, key=lambda r: r.order):
            if rule.name in self.rules:
                raise ValueError(f"two rules are named {rule.name!r}")
            self.rules[rule.name] = rule
        self._res = {name: re.compile(r.pattern, _FLAGS) for name, r in self.rules.items()}
        self._master = re.compile(
            r"(?<![\w'’])(?:"
            + "|".join(f"(?P<{n}>{_strip_names(r.pattern)})" for n, r in self.rules.items())
            + ")",
            _FLAGS,
        )
        self.gate = derive((n, r.pattern) for n, r in self.rules.items())
        # The tokens of ``_TOKEN`` the gate may let through, read in the text in lower case: a start
        # word (spelled as a trie: case-sensitive, an alternation of words fails fast), a digit, an
        # apostrophe before one. Asking the gate about every word of a text costs more.
        self._starts = re.compile(
            r"(?<![\w'’])(?:(?:" + _trie(sorted(self.gate)) + r")(?![a-z])|\d|'(?=\d))"
        )
        # the same for a text all in ASCII, where \w and \d are classes of ASCII ranges, which the
        # engine tests faster than it looks a character's category up
        self._starts_ascii = re.compile(
            r"(?<![A-Za-z0-9_'])(?:(?:" + _trie(sorted(self.gate)) + r")(?![a-z])|[0-9]|'(?=[0-9]))"
        )

    def _may_start(self, text: str, word: str, end: int) -> bool:
        """Can a match begin at this token? Digits always can; a word when the gate says so."""
        if word[0].isdigit() or word == "'":
            return True
        follow = self.gate.get(word.lower())
        if follow is None:
            return False
        if follow is SOLO:
            return True
        m = _NEXT_TOKEN.match(text, end, end + 40)
        if m is None:
            return False
        if m.group(2) is None:
            return DIGIT in follow
        return m.group(2).lower() in follow

    def _hit(self, text: str, m: re.Match[str]) -> Hit | None:
        """The rule match behind a master match, if its context filter keeps it."""
        name = m.lastgroup or ""
        s, e = m.span()
        sub = self._res[name].match(text, s)
        if sub is None or sub.end() != e or e <= s:
            return None  # defensive: the stripped and named patterns disagree
        rule = self.rules[name]
        g = sub.groupdict()
        if rule.title and in_title(text, s, e):
            return None  # TimeML leaves names of programmes and works untagged
        if rule.keep is not None and not rule.keep(text, s, e, g, self.language):
            return None
        return Hit(name, s, e, g, sub)

    def _tokens(self, text: str) -> Iterator[tuple[int, str, int]]:
        """(start, text, end) of the tokens of ``text`` (``_TOKEN``) the gate may let through.

        ``str.lower`` keeps every offset and what is a word character, and lowers no other
        character to an ASCII letter, but for "İ" (two characters in lower case) and the Kelvin
        sign ("k"): a text with one is read token by token."""
        if "İ" in text or "\u212a" in text:
            for tok in _TOKEN.finditer(text):
                yield tok.start(), tok.group(), tok.end()
            return
        starts = self._starts_ascii if text.isascii() else self._starts
        for m in starts.finditer(text.lower()):
            start, end = m.span()
            yield start, text[start:end], end

    def scan(self, text: str) -> list[Hit]:
        """All rule matches, leftmost-first and non-overlapping, that pass their context filter."""
        hits: list[Hit] = []
        pos = 0
        match = self._master.match
        for s, word, end in self._tokens(text):
            if s < pos or not self._may_start(text, word, end):
                continue
            m = match(text, s)
            if m is None:
                continue
            hit = self._hit(text, m)
            if hit is not None:
                hits.append(hit)
                pos = hit.end
            # a rejected reading leaves the words inside its span free for shorter readings
        return hits

    def scan_exhaustive(self, text: str) -> list[Hit]:
        """``scan`` without the gate (tries every position): the reference the gate is tested against."""
        hits: list[Hit] = []
        pos = 0
        while pos < len(text):
            m = self._master.search(text, pos)
            if m is None:
                break
            hit = self._hit(text, m)
            if hit is not None:
                hits.append(hit)
                pos = hit.end
            else:
                pos = m.start() + 1
        return hits


def _trie(words: list[str]) -> str:
    """An alternation matching exactly ``words`` (letters), shared beginnings said once:
    ["mar", "march", "may"] -> "ma(?:r(?:ch)?|y)"."""
    heads: dict[str, list[str]] = {}
    for w in words:
        heads.setdefault(w[0], []).append(w[1:])
    parts = []
    for head, tails in heads.items():
        rest = [t for t in tails if t]
        if not rest:
            parts.append(re.escape(head))
            continue
        optional = "?" if len(rest) < len(tails) else ""  # the head alone is a word too
        parts.append(f"{re.escape(head)}(?:{_trie(rest)}){optional}")
    return "|".join(parts)


@functools.cache
def grammar_for(language: Language) -> Grammar:
    """The compiled grammar of a language, built on first use (compiling and gating takes ~80 ms)."""
    return Grammar(language)


def scan(text: str) -> list[Hit]:
    """``Grammar.scan`` with the English rules."""
    return grammar_for(ENGLISH).scan(text)


def scan_exhaustive(text: str) -> list[Hit]:
    return grammar_for(ENGLISH).scan_exhaustive(text)
