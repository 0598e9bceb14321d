"""The start-word gate, derived from the rules' own patterns.

Trying the whole alternation of rules at every position of a text is slow; trying it only where a match
can begin is fast. ``derive`` reads each pattern's parse tree and lists the words a match can start with
and, for each, the words that can follow it, so the gate can never disagree with the rules: a new rule,
or a new language's patterns, bring their gate with them.

The gate sees a text the way ``grammar`` tokenizes it: a match begins at a digit, at an apostrophe before
a digit ("'90s") or at a run of ASCII letters (a word). A word that can end a match, or be followed by
something the lookahead cannot read as a word, is ``SOLO``: the alternation is always tried there.
Otherwise the alternation is tried only when the next token (punctuation and a possessive "'s" skipped)
is one of the words that can follow, or a digit where one can.

Lookarounds are read as always true and repeats are unrolled at most twice, so the derived sets are a
superset of what the patterns can match: the gate may let a hopeless position through, never turn a
match away. Patterns the derivation cannot vouch for (a match that could start with punctuation, or a
start word that could run on into any letters) raise ``ValueError`` when the grammar is built.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

# The standard library's own regex parser: the tree ``re.compile`` builds its matcher from. It is a
# private module, stable in form since 3.11; a change would fail loudly here at import, never silently.
# typeshed describes only the deprecated public aliases (sre_constants, sre_parse), not these modules.
from re import _constants as C  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]
from typing import Any

SOLO: frozenset[str] = frozenset({"*solo*"})
DIGIT = "#"  # a digit, or an apostrophe before one, as the token after a start word

_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyz")
_WILD = "*"  # any letter
_APOSTROPHES = "'’"
_REPEAT = (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT)
_UNROLL = 2


@dataclass(frozen=True, slots=True)
class _Char:
    """One kind of character a pattern position can match."""

    kind: str  # "L" letter, "D" digit, "A" apostrophe, "S" space, "P" other punctuation, "W" other word
    letter: str = ""  # for "L": the lower-case letter or _WILD
    ascii_apostrophe: bool = False


_ALL = (
    _Char("L", _WILD),
    _Char("D"),
    _Char("A", ascii_apostrophe=True),
    _Char("A"),
    _Char("S"),
    _Char("P"),
    _Char("W"),
)


def _of_char(c: str) -> _Char:
    low = c.lower()
    if low in _LETTERS:
        return _Char("L", low)
    if c.isdigit():
        return _Char("D")
    if c in _APOSTROPHES:
        return _Char("A", ascii_apostrophe=c == "'")
    if c.isspace():
        return _Char("S")
    if c.isalnum() or c == "_":
        return _Char("W")
    return _Char("P")


def _of_class(items: list[tuple[Any, Any]]) -> tuple[_Char, ...]:
    """The kinds a character class ``[...]`` can match (over-approximated)."""
    out: set[_Char] = set()
    letters: set[str] = set()
    for op, av in items:
        if op is C.NEGATE:
            return _ALL
        if op is C.LITERAL:
            ch = _of_char(chr(av))
            if ch.kind == "L":
                letters.add(ch.letter)
            else:
                out.add(ch)
        elif op is C.RANGE:
            lo, hi = av
            chars = [chr(x) for x in range(lo, min(hi, lo + 400) + 1)]
            if hi - lo > 400:
                return _ALL
            for c in chars:
                ch = _of_char(c)
                if ch.kind == "L":
                    letters.add(ch.letter)
                else:
                    out.add(ch)
        elif op is C.CATEGORY:
            if av is C.CATEGORY_DIGIT:
                out.add(_Char("D"))
            elif av is C.CATEGORY_SPACE:
                out.add(_Char("S"))
            else:  # \w and every negated category: anything
                return _ALL
        else:
            return _ALL
    if len(letters) > 5:
        out.add(_Char("L", _WILD))
    else:
        out.update(_Char("L", c) for c in letters)
    return tuple(sorted(out, key=lambda c: (c.kind, c.letter, c.ascii_apostrophe)))


_GUARD = "guard"  # a "(?!\\w)"-like assertion: the word in progress ends here
_END = "end"  # the match can end here
_Move = tuple[_Char | str, int]


class _Reader:
    """Reads one pattern's tree as the gate reads the text a match covers.

    Continuations are interned frame ids (item ``i`` of a node list, then the parent frame; 0 = the match
    ends), so each is expanded once. The start word is read path by path; what can follow a start word
    depends only on where in the pattern it ended, so that is computed once per place (``_after``).
    """

    def __init__(self) -> None:
        self.solo: set[str] = set()
        self.follow: dict[str, set[str]] = {}
        self.problems: set[str] = set()
        self._frames: list[tuple[list[Any], int, int]] = [([], 0, 0)]
        self._ids: dict[tuple[int, int, int], int] = {}
        self._moves: dict[int, tuple[_Move, ...]] = {}
        self._kinds: dict[int, tuple[_Char, ...]] = {}
        self._seen: set[tuple[int, str, bool]] = set()
        self._after_memo: dict[tuple[int, int, str, bool], frozenset[str]] = {}

    def frame(self, seq: list[Any], i: int, parent: int) -> int:
        if i >= len(seq):
            return parent
        key = (id(seq), i, parent)
        fid = self._ids.get(key)
        if fid is None:
            fid = self._ids[key] = len(self._frames)
            self._frames.append((seq, i, parent))
        return fid

    def kinds(self, node: tuple[Any, Any]) -> tuple[_Char, ...]:
        got = self._kinds.get(id(node))
        if got is None:
            op, av = node
            if op is C.LITERAL:
                got = (_of_char(chr(av)),)
            elif op is C.IN:
                got = _of_class(av)
            else:  # "." and [^x]
                got = _ALL
            self._kinds[id(node)] = got
        return got

    def moves(self, fid: int) -> tuple[_Move, ...]:
        """The characters (or guard, or end) the pattern can read next from ``fid``, each with where it
        goes on."""
        got = self._moves.get(fid)
        if got is None:
            out: dict[_Move, None] = {}
            self._expand(fid, out)
            got = self._moves[fid] = tuple(out)
        return got

    def _expand(self, fid: int, out: dict[_Move, None]) -> None:
        if fid == 0:
            out[(_END, 0)] = None
            return
        seq, i, parent = self._frames[fid]
        node = seq[i]
        op, av = node
        nxt = self.frame(seq, i + 1, parent)
        if op in (C.LITERAL, C.NOT_LITERAL, C.IN, C.ANY):
            for ch in self.kinds(node):
                out[(ch, nxt)] = None
        elif op is C.SUBPATTERN:
            self._expand(self.frame(av[-1].data, 0, nxt), out)
        elif op is C.BRANCH:
            for alt in av[1]:
                self._expand(self.frame(alt.data, 0, nxt), out)
        elif op in _REPEAT:
            lo, hi, sub = av
            top = min(hi, lo + _UNROLL)
            if all(k.kind in "SP" for n in sub.data for k in self.kinds(n)):
                top = min(hi, max(lo, 1))  # more spaces or dashes read the same to the gate
            for n in range(lo, top + 1):
                f = nxt
                for _ in range(n):
                    f = self.frame(sub.data, 0, f)
                self._expand(f, out)
        elif op in (C.ASSERT, C.ASSERT_NOT, C.AT):
            if _is_word_guard(node):
                out[(_GUARD, nxt)] = None
            else:
                self._expand(nxt, out)
        elif op is C.GROUPREF:
            for ch in _ALL:
                out[(ch, nxt)] = None
        else:
            raise ValueError(f"no start-word gate for the regex construct {op}")

    def start(self, fid: int) -> None:
        """Read the first character of a match."""
        for ch, nxt in self.moves(fid):
            if ch == _GUARD:
                self.start(nxt)
            elif isinstance(ch, _Char) and ch.kind == "L":
                self.word(nxt, ch.letter, False)
            elif isinstance(ch, _Char) and ch.kind == "D":
                continue  # digits always open the gate
            elif isinstance(ch, _Char) and ch.kind == "A" and ch.ascii_apostrophe:
                if any(not (isinstance(c, _Char) and c.kind == "D") for c, _ in self.moves(nxt)):
                    self.problems.add("a match can start with an apostrophe not before a digit")
            else:
                self.problems.add("a match can start with neither a word nor a digit")

    def word(self, fid: int, word: str, closed: bool) -> None:
        """Read on through the start word ``word``."""
        if (fid, word, closed) in self._seen:
            return
        self._seen.add((fid, word, closed))
        for ch, nxt in self.moves(fid):
            if ch == _GUARD:
                self.word(nxt, word, True)
            elif ch == _END:
                if not closed:
                    self.problems.add(f"the start word {word!r} can run on into other letters")
                self.solo.add(word)
            elif isinstance(ch, _Char) and ch.kind == "L":
                self.word(nxt, _join(word, ch.letter), False)
            else:
                found = self._gap(_GAP, ch, nxt)
                if _WILD in found or word == _WILD:
                    self.solo.add(word)
                self.follow.setdefault(word, set()).update(found - {_WILD})

    def _after(self, fid: int, phase: int, second: str, closed: bool) -> frozenset[str]:
        """What the gate can see after a start word, from ``fid``: next words, DIGIT, or _WILD
        (= always try)."""
        key = (fid, phase, second, closed)
        got = self._after_memo.get(key)
        if got is not None:
            return got
        out: set[str] = set()
        for ch, nxt in self.moves(fid):
            if phase == _W2:
                if ch == _GUARD:
                    out |= self._after(nxt, _W2, second, True)
                elif isinstance(ch, _Char) and ch.kind == "L":
                    out |= self._after(nxt, _W2, _join(second, ch.letter), False)
                elif ch == _END and not closed:
                    out.add(_WILD)  # the next word in the text may be longer
                else:
                    out.add(second)
            elif ch == _GUARD:
                out |= self._after(nxt, phase, "", False)
            else:
                out |= self._gap(phase, ch, nxt)
        got = self._after_memo[key] = frozenset(out)
        return got

    def _gap(self, phase: int, ch: _Char | str, nxt: int) -> frozenset[str]:
        """One character between the start word and the next token, read as the gate reads it: any
        punctuation, then at most one possessive "'s" and spaces, then a word, a digit or "'" + digit."""
        kind = ch.kind if isinstance(ch, _Char) else ""
        letter = ch.letter if isinstance(ch, _Char) else ""
        if phase in (_APOS, _CURLY):
            if kind == "L" and letter in ("s", _WILD):
                return self._after(nxt, _APOS_S, "", False)
            if kind == "D" and phase == _APOS:
                return frozenset({DIGIT})
        elif phase in (_APOS_S, _SPACED):
            if kind == "S":
                return self._after(nxt, _SPACED, "", False)
            if phase == _SPACED and kind in ("L", "D"):
                return self._token(kind, letter, nxt)
        elif kind in ("S", "P"):
            return self._after(nxt, _GAP, "", False)
        elif kind == "A":
            ascii_apostrophe = isinstance(ch, _Char) and ch.ascii_apostrophe
            return self._after(nxt, _APOS if ascii_apostrophe else _CURLY, "", False)
        elif kind in ("L", "D"):
            return self._token(kind, letter, nxt)
        return frozenset({_WILD})  # no token the gate can read follows: always try

    def _token(self, kind: str, letter: str, nxt: int) -> frozenset[str]:
        if kind == "D":
            return frozenset({DIGIT})
        return self._after(nxt, _W2, letter, False)


# where the gate's lookahead is after a start word
_GAP, _APOS, _CURLY, _APOS_S, _SPACED, _W2 = range(6)


def _join(word: str, letter: str) -> str:
    return _WILD if _WILD in (word, letter) else word + letter


def _is_word_guard(node: tuple[Any, Any]) -> bool:
    """``(?!\\w)``, ``(?![A-Za-z])`` or ``\\b``: no letter can follow the word in progress."""
    op, av = node
    if op is C.AT:
        return bool(av is C.AT_BOUNDARY)
    if op is not C.ASSERT_NOT:
        return False
    direction, sub = av
    if direction != 1 or len(sub.data) != 1 or sub.data[0][0] is not C.IN:
        return False
    return any(k.kind == "L" and k.letter == _WILD for k in _of_class(sub.data[0][1]))


def derive(
    patterns: Iterable[tuple[str, str]], flags: int = re.IGNORECASE
) -> dict[str, frozenset[str]]:
    """Each start word of the named patterns with the tokens that may follow it (``SOLO``: anything).

    ValueError, naming the rule, when a pattern cannot be gated."""
    solo: set[str] = set()
    follow: dict[str, set[str]] = {}
    for name, pattern in patterns:
        reader = _Reader()
        tree = _parser.parse(pattern, flags)
        reader.start(reader.frame(tree.data, 0, 0))
        bad = sorted(reader.problems)
        if _WILD in reader.solo or _WILD in reader.follow:
            bad.append("a start word can be any word")
        if bad:
            raise ValueError(f"rule {name!r}: {'; '.join(bad)}")
        solo |= reader.solo
        for w, nexts in reader.follow.items():
            follow.setdefault(w, set()).update(nexts)
    out = {w: (SOLO if w in solo else frozenset(n)) for w, n in follow.items()}
    out.update({w: SOLO for w in solo})
    return out
