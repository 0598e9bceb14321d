"""Highlighting a search: the query's words, found as whole words in any case."""

from __future__ import annotations

from dateline.core.search_words import query_words, word_spans


def test_the_words_of_a_query_leave_out_its_syntax():
    assert query_words('"press conference" AND Rutte*') == ("press", "conference", "rutte")
    assert query_words("nato OR (aid NOT Kyiv)") == ("nato", "aid", "kyiv")
    assert query_words('"') == ()
    assert query_words("Rutte rutte") == ("rutte",)
    assert query_words("and or") == ("and", "or"), "only upper-case operators are syntax"


def test_words_are_found_whole_and_in_any_case():
    text = "NATO's Rutte met natos? No: Rutte, then nato."
    spans = word_spans(text, ("rutte", "nato"))
    assert [text[a:b] for a, b in spans] == ["NATO", "Rutte", "Rutte", "nato"], "not natos"
    assert word_spans(text, ()) == [] and word_spans("", ("x",)) == []
    assert [text[a:b] for a, b in word_spans(text, ("nato's",))] == ["NATO's"]
