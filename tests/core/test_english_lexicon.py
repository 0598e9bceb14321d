"""The reader's English lexicon (``happening.lexicon``): lemminflect's answers, from a table that loads
in a blink.

What a user would notice: reading an article gives exactly what lemminflect's own look-ups give, and a
process that reads articles (each import worker, each command) starts without loading lemminflect and
numpy, about 0.4 s.
"""

from __future__ import annotations

import subprocess
import sys

import lemminflect
import pytest

from dateline.core.happening import english as en
from dateline.core.happening import lexicon


def _verb_forms_by_lemminflect(word: str) -> tuple[str, frozenset[str]] | None:
    """``english.verb_forms`` as it was written on lemminflect's look-ups."""
    if not word or not word[0].isalpha() or word[0].isupper():
        return None
    lemmas = lemminflect.getAllLemmas(word)
    verb = lemmas.get("VERB") or lemmas.get("AUX")
    if not verb:
        return None
    lemma = verb[0]
    inflections = dict(lemminflect.getAllInflections(lemma, upos="VERB")) or dict(
        lemminflect.getAllInflections(lemma, upos="AUX")
    )
    tags = {tag for tag, forms in inflections.items() if word in forms}
    if "VBD" in tags and "VBN" not in inflections:
        tags.add("VBN")
    return (lemma, frozenset(tags)) if tags else None


def test_the_table_is_lemminflects_answers():
    """The shipped table is what lemminflect answers today, byte for byte (after an upgrade that
    changes its lexicon: ``python -m dateline.core.happening.lexicon``)."""
    assert lexicon.encoded(lexicon.build()) == lexicon.TABLE.read_bytes()


TRICKY = [
    "said", "says", "saying", "announced", "left", "leaves", "rose", "fell", "'s", "'d", "'ll",
    "shares", "fees", "sales", "news", "data", "met", "meeting", "lead", "led", "bid", "set",
    "eBay", "iPod", "iPhones", "iTunes", "reSigned", "McDonald", "ʼs", "Announced", "SAID", "zzyzx", "co-founded", "re-elected", "x",
    "don't", "can't", "être", "naïve", "",
]  # fmt: skip


@pytest.mark.parametrize("word", TRICKY)
def test_tricky_words_read_as_lemminflect_reads_them(word):
    assert en.verb_forms(word) == _verb_forms_by_lemminflect(word)
    lemmas = lemminflect.getAllLemmas(word) if word else {}
    assert lexicon.classes(word) == frozenset(lemmas)
    nouns = lemminflect.getAllLemmas(word.lower()).get("NOUN") if word[:1].isalpha() else None
    assert en.noun_lemma(word) == (nouns[0] if nouns else None)


def test_every_listed_word_reads_as_lemminflect_reads_it():
    table = lexicon._table()
    words = sorted(table["classes"])
    assert len(words) > 50_000
    for word in words[::7]:  # a seventh of the lexicon: the whole takes a few seconds more
        assert en.verb_forms(word) == _verb_forms_by_lemminflect(word), word
        lemmas = lemminflect.getAllLemmas(word)
        assert lexicon.classes(word) == frozenset(lemmas), word
        nouns = lemmas.get("NOUN")
        assert lexicon.noun_lemma(word) == (nouns[0] if nouns else None), word


def test_reading_an_article_loads_neither_lemminflect_nor_numpy(seeds_dir):
    code = (
        "import sys, pathlib; from dateline.core.ingest import prepare; "
        f"paths = tuple(str(p) for p in sorted(pathlib.Path({str(seeds_dir)!r}).glob('*.txt'))); "
        "files = prepare.prepare_files(paths, None); "
        "assert all(f and f.articles[0].reading.proposals for f in files); "
        "print(sorted(m for m in ('lemminflect', 'numpy') if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"
