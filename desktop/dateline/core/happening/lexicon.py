"""The English lexicon the reader asks about words: lemminflect's, as a table that loads in 50 ms.

lemminflect loads its whole lexicon on first use, and numpy with it (for its model of words it does not
list, which the reader never asks for): about 0.4 s at the start of every process that reads an article,
each import worker and each command included. The reader asks four things of it, always of a lower-case
word: the word's lemma as a verb, its lemma as a noun, the word classes it can be, and a verb's forms.
``dateline/resources/english_lexicon.json.gz`` holds exactly lemminflect's answers to those for every
word it lists, so the answers here are lemminflect's (a test compares the table with lemminflect's
look-ups word by word). A word in capitals or with a capital first ("SAID", "Announced"), whose answers
lemminflect gives the same capitals, goes to lemminflect itself; the reader hardly asks about one.

Rebuild the table after a lemminflect upgrade: ``python -m dateline.core.happening.lexicon``.
"""

from __future__ import annotations

import functools
import gzip
import json
from pathlib import Path
from typing import Any

TABLE = Path(__file__).resolve().parents[2] / "resources" / "english_lexicon.json.gz"

# lemminflect's word classes (Universal Dependencies tags), one letter each in the table
_CLASS_LETTER = {"NOUN": "N", "PROPN": "P", "VERB": "V", "ADJ": "J", "ADV": "R", "AUX": "A"}
_LETTER_CLASS = {v: k for k, v in _CLASS_LETTER.items()}


@functools.lru_cache(maxsize=1)
def _table() -> dict[str, dict[str, Any]]:
    with gzip.open(TABLE, "rb") as f:
        data: dict[str, dict[str, Any]] = json.loads(f.read())
    data["infl"] = {k: {t: tuple(f) for t, f in v.items()} for k, v in data["infl"].items()}
    return data


def _listed(word: str) -> bool:
    """The table answers for ``word``: lemminflect looks up the lower-case word and gives what it
    finds the word's capitals, all upper-case or the first only; any other word ("eBay", "iPod")
    gets lower-case answers, the table's."""
    return not word.isupper() and not word[:1].isupper()


def classes(word: str) -> frozenset[str]:
    """The word classes the lexicon lists ``word`` as ("VERB", "NOUN", ...; empty: not listed).
    The capitals of ``word`` do not matter."""
    letters = _table()["classes"].get(word.lower(), "")
    return frozenset(_LETTER_CLASS[c] for c in letters)


def verb_lemma(word: str) -> str | None:
    """The lemma of ``word`` as a verb (else as an auxiliary), as ``lemminflect.getAllLemmas`` gives
    it first; None when the lexicon has no verb reading of it."""
    if not _listed(word):
        lemmas = _lemminflect().getAllLemmas(word)
        verb = lemmas.get("VERB") or lemmas.get("AUX")
        return verb[0] if verb else None
    found: str | None = _table()["verb"].get(word.lower())
    return found


def noun_lemma(word: str) -> str | None:
    """The lemma of ``word`` as a common noun, as ``lemminflect.getAllLemmas`` gives it first."""
    if not _listed(word):
        nouns = _lemminflect().getAllLemmas(word).get("NOUN")
        return nouns[0] if nouns else None
    found: str | None = _table()["noun"].get(word.lower())
    return found


def inflections(lemma: str) -> dict[str, tuple[str, ...]]:
    """The forms of the verb ``lemma`` by Penn tag (``lemminflect.getAllInflections`` as a verb,
    else as an auxiliary); empty when the lexicon lists none."""
    if not _listed(lemma):
        return _lemminflect_inflections(lemma)
    return dict(_table()["infl"].get(lemma.lower(), {}))


def _lemminflect() -> Any:
    import lemminflect

    return lemminflect


def _lemminflect_inflections(lemma: str) -> dict[str, tuple[str, ...]]:
    lemminflect = _lemminflect()
    found = dict(lemminflect.getAllInflections(lemma, upos="VERB"))
    if not found:
        found = dict(lemminflect.getAllInflections(lemma, upos="AUX"))
    return found


def build() -> dict[str, dict[str, Any]]:
    """The table, from lemminflect's own look-ups of every lower-case word it lists."""
    lemminflect = _lemminflect()
    from lemminflect.core.Inflections import Inflections
    from lemminflect.core.Lemmatizer import Lemmatizer

    lemmatizer, inflector = Lemmatizer(), Inflections()
    words = set(lemmatizer._getLemmaDict()) | set(lemmatizer._getOverridesDict())
    out: dict[str, dict[str, Any]] = {"classes": {}, "verb": {}, "noun": {}, "infl": {}}
    for word in sorted(w for w in words if w == w.lower()):
        lemmas = lemminflect.getAllLemmas(word)
        if not lemmas:
            continue
        out["classes"][word] = "".join(_CLASS_LETTER[c] for c in lemmas)
        verb = lemmas.get("VERB") or lemmas.get("AUX")
        if verb:
            out["verb"][word] = verb[0]
        nouns = lemmas.get("NOUN")
        if nouns:
            out["noun"][word] = nouns[0]
    lemmas_ = set(inflector._getInflDict()) | set(inflector._getOverridesDict())
    for lemma in sorted(w for w in lemmas_ if w == w.lower()):
        forms = _lemminflect_inflections(lemma)
        if forms:
            out["infl"][lemma] = {t: list(f) for t, f in sorted(forms.items())}
    return out


def encoded(table: dict[str, dict[str, Any]]) -> bytes:
    """The table file's bytes (the same bytes for the same table: mtime 0, sorted keys)."""
    text = json.dumps(table, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0)


if __name__ == "__main__":
    TABLE.write_bytes(encoded(build()))
    print(f"wrote {TABLE} ({TABLE.stat().st_size:,} bytes)")
