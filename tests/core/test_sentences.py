from __future__ import annotations

from dateline.core.sentences import SentenceIndex, split_sentences


def texts(s: str) -> list[str]:
    return [x.text for x in split_sentences(s)]


def test_offsets_are_exact():
    text = "BRUSSELS — Kyiv will get cash.  Rutte said so.\n\nA new paragraph here."
    for s in split_sentences(text):
        assert text[s.start : s.end] == s.text


def test_abbreviations_and_initials_do_not_split():
    assert texts("Gen. Smith met U.S. Secretary Lloyd Austin in Sept. 2024. He left.") == [
        "Gen. Smith met U.S. Secretary Lloyd Austin in Sept. 2024.",
        "He left.",
    ]
    assert texts("Mr. J. R. Ewing arrived at 5 p.m. The talks began.") == [
        "Mr. J. R. Ewing arrived at 5 p.m.",
        "The talks began.",
    ]


def test_a_numbered_rank_does_not_split():
    assert texts("The chain became the No. 2 grocer in Ohio. Rivals fell to No. 3 and No. 4.") == [
        "The chain became the No. 2 grocer in Ohio.",
        "Rivals fell to No. 3 and No. 4.",
    ]


def test_acronym_at_sentence_end_splits_before_a_sentence_opener():
    assert texts("Aid flows from the U.S. The election may change that.") == [
        "Aid flows from the U.S.",
        "The election may change that.",
    ]


def test_quotes_stay_with_their_sentence():
    assert texts("“We are on track,” Rutte said. “It is hard.” He left.") == [
        "“We are on track,” Rutte said.",
        "“It is hard.”",
        "He left.",
    ]


def test_headlines_are_their_own_sentence():
    sents = split_sentences("NATO pledges money — not membership\nBRUSSELS — Kyiv will get cash.")
    assert [s.is_headline for s in sents] == [True, False]


def test_index_finds_the_sentence_of_an_offset():
    text = "One sentence. Another one here."
    idx = SentenceIndex(split_sentences(text))
    assert idx.at(text.index("Another")).text == "Another one here."
    assert idx.at(text.index(" Another")) is None  # the space between sentences


def test_a_clock_time_keeps_its_time_zone_in_its_sentence():
    text = "The polls closed at 8 p.m. EST on Tuesday, officials said. Counting began at once."
    assert texts(text) == [
        "The polls closed at 8 p.m. EST on Tuesday, officials said.",
        "Counting began at once.",
    ]
    assert texts("The launch slipped to 6 a.m. GMT. Crews stood by.") == [
        "The launch slipped to 6 a.m. GMT.",
        "Crews stood by.",
    ]


WRAPPED = (
    "Ministers agree on the budget\n"
    "The finance ministers said on Tuesday that they would meet again next\n"
    "Monday in Brussels to settle the budget, and that the talks would go on\n"
    "until 2025. Officials said the plan was ready.\n"
)


def test_hard_wrapped_prose_is_read_in_whole_sentences():
    sents = split_sentences(WRAPPED)
    assert [s.text.replace("\n", " ") for s in sents] == [
        "Ministers agree on the budget",
        "The finance ministers said on Tuesday that they would meet again next Monday in Brussels "
        "to settle the budget, and that the talks would go on until 2025.",
        "Officials said the plan was ready.",
    ]
    assert [s.is_headline for s in sents] == [True, False, False]
    for s in sents:
        assert WRAPPED[s.start : s.end] == s.text


def test_lines_that_are_not_wrapped_prose_still_end_their_sentence():
    # a list of short lines, a headline over a one-line paragraph, a Title Case subhead
    assert texts("KENYA:\nTotal dead: 192\nAmericans: 12\n") == [
        "KENYA:",
        "Total dead: 192",
        "Americans: 12",
    ]
    assert texts("Ministers meet again in Brussels next week\nThe talks begin.\n") == [
        "Ministers meet again in Brussels next week",
        "The talks begin.",
    ]
    paragraph = "The finance ministers met in Brussels on Tuesday and agreed the budget. " * 3
    assert (
        len(texts(f"Ministers agree\n\nReaction from the markets and the banks\n{paragraph}")) == 5
    )
