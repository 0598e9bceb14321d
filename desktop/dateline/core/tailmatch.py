"""Fast searches for regexes anchored at the end of the text ("... on the$").

The regex engine cannot run a pattern backwards from ``$``: ``search`` tries it at every position of the
text, so on a long clause a pattern like ``(?:\\b(?:on|in|...)\\s+)+$`` costs a scan of the whole clause
for a match that can only be among its last few words. ``TailPattern`` finds where the last tokens that
could belong to a match begin and starts the regex search there, so results are exactly the regex's.
"""

from __future__ import annotations

import re
from collections.abc import Iterable


class TailPattern:
    """An end-anchored regex whose matches consist of whitespace-separated ``words`` only (lower-case),
    apart from the first token, of which a match may take just the tail ("(on", "x-the")."""

    def __init__(self, pattern: str, words: Iterable[str], flags: int = 0) -> None:
        self.pattern = re.compile(pattern, flags)
        self.words = frozenset(words)

    def _start(self, text: str) -> int:
        """A position no match of the pattern in ``text`` starts before."""
        rest = text
        while True:
            parts = rest.rsplit(None, 1)
            if not parts:
                return 0
            token = parts[-1]
            token_start = len(rest.rstrip()) - len(token)
            # A non-ASCII token may still match under IGNORECASE ("ſince" is "since"), so it cannot
            # end the run; an ASCII token outside the words can only hold the start of a match.
            if token.isascii() and token.lower() not in self.words:
                return token_start
            if len(parts) == 1:
                return 0
            rest = text[:token_start]

    def search(self, text: str, *, endpos: int | None = None) -> re.Match[str] | None:
        """``self.pattern.search(text, 0, endpos)``, the end of the text by default."""
        if endpos is None:
            return self.pattern.search(text, self._start(text))
        return self.pattern.search(text, self._start(text[:endpos]), endpos)

    def remove(self, text: str) -> str:
        """``self.pattern.sub("", text)``: an end-anchored pattern matches at most once."""
        m = self.search(text)
        return text[: m.start()] + text[m.end() :] if m else text
