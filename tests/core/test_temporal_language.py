"""The article's language chooses the bundle the engine and the splitter read it with."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import replace

from dateline.core.sentences import split_sentences
from dateline.core.temporal import find_timexes
from dateline.core.temporal.language import ENGLISH, LANGUAGES, language_for

WED = dt.date(2024, 10, 16)
TEXT = "The ministers met on Monday and will meet again on 3 November."


def _read(language: str) -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in find_timexes(TEXT, WED, language)]


def test_english_is_the_default_and_regional_codes_are_english():
    expected = [("Monday", "2024-10-14"), ("3 November", "2024-11-03")]
    assert _read("en") == expected
    assert [(t.text, t.value) for t in find_timexes(TEXT, WED)] == expected
    assert _read("en-GB") == _read("EN_us") == _read("") == expected
    assert all("English rules" not in t.explanation for t in find_timexes(TEXT, WED, "en-GB"))


def test_a_language_without_rules_is_read_with_english_and_says_so(caplog):
    with caplog.at_level(logging.WARNING):
        found = find_timexes(TEXT, WED, "xx-test")
    assert [(t.text, t.value) for t in found] == _read("en")
    assert all(
        "read with the English rules: none for language 'xx-test'" in t.explanation for t in found
    )
    assert "no temporal rules for language 'xx-test'" in caplog.text
    assert language_for("xx-test") == (ENGLISH, True)


def test_a_second_bundle_is_chosen_by_its_code(monkeypatch):
    # a bundle that knows only month names and no cue words: nothing of the engine is forked
    months = replace(
        ENGLISH,
        code="zz",
        name="Test",
        rules=tuple(r for r in ENGLISH.rules if r.name == "day_month"),
    )
    monkeypatch.setitem(LANGUAGES, "zz", months)
    found = find_timexes(TEXT, WED, "zz")
    assert [(t.text, t.value) for t in found] == [("3 November", "2024-11-03")]
    assert language_for("zz-AA") == (months, False)


def test_the_splitter_reads_the_abbreviations_of_the_language(monkeypatch):
    text = "Gen. Smith arrived. He left."
    assert [s.text for s in split_sentences(text, "en")] == ["Gen. Smith arrived.", "He left."]
    bare = replace(ENGLISH.abbreviations, abbreviations=frozenset(), titles=frozenset())
    monkeypatch.setitem(LANGUAGES, "zz", replace(ENGLISH, code="zz", abbreviations=bare))
    assert [s.text for s in split_sentences(text, "zz")] == ["Gen.", "Smith arrived.", "He left."]


def test_the_engine_reads_an_article_in_its_own_language():
    from dateline.core.engine import find_timexes as analyse_timexes
    from dateline.core.model import Article

    english = Article(id="1", text=TEXT, published=WED)
    other = Article(id="2", text=TEXT, published=WED, language="yy-test")
    assert all("English rules" not in t.explanation for t in analyse_timexes(english))
    assert all("none for language 'yy-test'" in t.explanation for t in analyse_timexes(other))
