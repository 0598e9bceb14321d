from __future__ import annotations

import pytest

from dateline.core.highlight import (
    LineIndex,
    Utf16Map,
    clamp,
    line_col,
    merge_ranges,
    span_at,
    spans_in,
    split_marked,
    trim,
)


def test_merge_ranges_joins_overlapping_and_touching_and_drops_empty():
    assert merge_ranges([(10, 20), (0, 5), (5, 8), (15, 30), (40, 40), (35, 36)]) == [
        (0, 8),
        (10, 30),
        (35, 36),
    ]


def test_merge_ranges_keeps_a_range_swallowed_by_a_longer_one():
    assert merge_ranges([(0, 50), (10, 20)]) == [(0, 50)]


def test_spans_in_a_sentence_whole_or_partial():
    sentence = (100, 200)
    spans = [(150, 159), (90, 105), (199, 210), (20, 30), (100, 200)]
    assert spans_in(sentence, spans) == [(100, 200), (150, 159)]
    assert spans_in(sentence, spans, partial=True) == [
        (90, 105),
        (100, 200),
        (150, 159),
        (199, 210),
    ]


def test_span_at_finds_the_span_under_an_offset():
    spans = [(3, 7), (10, 12)]
    assert span_at(spans, 3) == (3, 7)
    assert span_at(spans, 6) == (3, 7)
    assert span_at(spans, 7) is None
    assert span_at(spans, 11) == (10, 12)
    assert span_at(spans, 0) is None
    assert span_at([], 5) is None


def test_clamp_and_split_marked_survive_stale_spans():
    assert clamp((5, 15), (10, 20)) == (10, 15)
    assert clamp((0, 5), (10, 20)) is None
    quote = "Rutte said Wednesday that the alliance"
    assert split_marked(quote, (11, 20)) == ("Rutte said ", "Wednesday", " that the alliance")
    assert split_marked(quote, (30, 99)) == (quote[:30], quote[30:], "")
    assert split_marked(quote, (99, 120)) == (quote, "", "")
    assert split_marked(quote, None) == (quote, "", "")


def test_trim_drops_whitespace_around_a_selection():
    text = "on  Thursday \n and"
    assert trim(text, 2, 14) == (4, 12)
    start, end = trim(text, 12, 15)
    assert start == end


def test_line_col_round_trips():
    text = "Headline\nFirst line.\n\nLast"
    idx = LineIndex(text)
    assert idx.line_count == 4
    assert idx.line_col(0) == (0, 0)
    assert idx.line_col(9) == (1, 0)
    assert idx.line_col(text.index("Last") + 2) == (3, 2)
    assert line_col(text, len(text)) == (3, 4)
    for off in range(len(text) + 1):
        assert idx.offset(*idx.line_col(off)) == off
    with pytest.raises(ValueError):
        idx.line_col(len(text) + 1)


def test_utf16_map_is_identity_without_astral_characters():
    m = Utf16Map("Kyiv’s €40 billion — on Wednesday")
    assert m.to_utf16(20) == 20
    assert m.from_utf16(20) == 20


def test_utf16_map_counts_emoji_as_two_units():
    text = "a🇺🇦 b 😀 Wednesday"
    m = Utf16Map(text)
    start = text.index("Wednesday")
    s16 = m.to_utf16(start)
    assert text.encode("utf-16-le")[2 * s16 : 2 * s16 + 18].decode("utf-16-le") == "Wednesday"
    assert m.from_utf16(s16) == start
    assert m.span_from_utf16(m.span_to_utf16((start, start + 9))) == (start, start + 9)
    # A position inside a surrogate pair rounds down to the character's start.
    assert m.from_utf16(2) == 1


def test_snap_to_words_never_cuts_a_word():
    from dateline.core.highlight import snap_to_words

    text = "NATO's ministers re-run the plan, on Thursday."
    start = text.index("inisters")
    a, b = snap_to_words(text, start, text.index("plan") + 2)
    assert text[a:b] == "ministers re-run the plan"
    a, b = snap_to_words(text, 2, 4)
    assert text[a:b] == "NATO's"
    a, b = snap_to_words(text, text.index(", on") - 1, text.index(", on") + 6)
    assert text[a:b] == "plan, on Thursday"
    assert snap_to_words(text, text.index(","), text.index(",") + 2) == (
        text.index(",") + 2,
        text.index(",") + 2,
    ), "punctuation and blanks alone are no words"
