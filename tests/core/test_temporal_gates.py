"""The start-word gate comes from the rules' patterns, so it cannot forget a word a rule starts with."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from dateline.core.temporal import find_timexes
from dateline.core.temporal.gates import DIGIT, SOLO, derive
from dateline.core.temporal.grammar import Grammar, scan, scan_exhaustive
from dateline.core.temporal.language import ENGLISH
from dateline.core.temporal.rules import Rule

RULES = ENGLISH.rules

WED = dt.date(2024, 10, 16)


@pytest.mark.parametrize(
    ("sentence", "span"),
    [
        # start words a hand-kept list had left out: the scan used to find only the tail
        ("Prices held for the remaining three weeks of the sale.", "the remaining three weeks"),
        ("In the ensuing two years the firm grew.", "the ensuing two years"),
        ("The chapel dates from the fifth century.", "the fifth century"),
    ],
)
def test_every_start_word_of_a_rule_opens_the_gate(sentence, span):
    assert [t.text for t in find_timexes(sentence, WED)] == [span]
    fast = [(h.rule, h.start, h.end) for h in scan(sentence)]
    assert fast == [(h.rule, h.start, h.end) for h in scan_exhaustive(sentence)]


def test_the_gate_lists_start_words_and_what_may_follow_them():
    gate = derive([("x", r"the\s+(?:next|last)\s+day(?!\w)|today(?!\w)|fy\s*\d\d")])
    assert gate == {"the": {"next", "last"}, "today": SOLO, "fy": {DIGIT}}


def test_a_possessive_is_read_past_as_the_gate_reads_it():
    assert derive([("x", r"year's\s+end(?!\w)")]) == {"year": {"end"}}


@pytest.mark.parametrize(
    ("pattern", "reason"),
    [
        (r"\(\d+\)", "neither a word nor a digit"),
        (r"jan", "can run on into other letters"),
        (r"[a-z]+day(?!\w)", "any word"),
    ],
)
def test_a_pattern_the_gate_cannot_vouch_for_is_refused_by_name(pattern, reason):
    with pytest.raises(ValueError, match=f"rule 'odd'.*{reason}"):
        derive([("odd", pattern)])


def test_a_grammar_refuses_two_rules_of_one_name():
    with pytest.raises(ValueError, match="two rules are named"):
        Grammar(replace(ENGLISH, rules=(*RULES, RULES[0])))


def test_rules_are_tried_in_their_declared_order():
    assert [r.order for r in Grammar(ENGLISH).rules.values()] == sorted(r.order for r in RULES)
    first = Rule("first", 1, r"spring\s+break(?!\w)", lambda hit, ctx: [])
    grammar = Grammar(replace(ENGLISH, rules=(*RULES, first)))
    assert [h.rule for h in grammar.scan("We met over spring break.")] == ["first"]
