"""The seed articles: every required mention of the gold timeline comes out with its value."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from dateline.core.model import Anchor
from dateline.core.temporal import EXTRACTOR_VERSION, find_timexes

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
GOLD = json.loads((SEEDS / "gold-timeline.json").read_text(encoding="utf-8"))
PUBLISHED = {name: dt.date.fromisoformat(d["published"]) for name, d in GOLD["documents"].items()}


def _text(doc: str) -> str:
    return (SEEDS / doc).read_text(encoding="utf-8")


def _nth(text: str, needle: str, nth: int) -> int:
    pos = -1
    for _ in range(nth):
        pos = text.index(needle, pos + 1)
    return pos


def _covering(timexes, start: int, end: int):
    return [t for t in timexes if t.start <= start and end <= t.end]


@pytest.mark.parametrize(
    "mention",
    [m for m in GOLD["mentions"] if not m.get("optional")],
    ids=lambda m: f"{m['doc'][:3]}-{m['text']}-{m['nth']}",
)
def test_required_mention_has_gold_value(mention):
    text = _text(mention["doc"])
    timexes = find_timexes(text, PUBLISHED[mention["doc"]])
    at = _nth(text, mention["text"], mention["nth"])
    hits = _covering(timexes, at, at + len(mention["text"]))
    assert hits, f"{mention['text']!r} ({mention['context']}) not found"
    assert hits[0].value == mention["value"], hits[0].explanation
    assert hits[0].text == mention["text"], "span should be exactly the gold text"


@pytest.mark.parametrize(
    "mention",
    [m for m in GOLD["mentions"] if m.get("optional")],
    ids=lambda m: f"{m['doc'][:3]}-{m['text']}-{m['nth']}",
)
def test_optional_mention_if_found_has_gold_value(mention):
    text = _text(mention["doc"])
    at = _nth(text, mention["text"], mention["nth"])
    for t in _covering(
        find_timexes(text, PUBLISHED[mention["doc"]]), at, at + len(mention["text"])
    ):
        assert t.value == mention["value"]


@pytest.mark.parametrize("doc", sorted(GOLD["documents"]))
def test_not_dates_never_become_timexes(doc):
    text = _text(doc)
    timexes = find_timexes(text, PUBLISHED[doc])
    for nd in GOLD["not_dates"]:
        needle = nd["text"]
        start = text.find(needle)
        while start >= 0:
            end = start + len(needle)
            is_word = (start == 0 or not text[start - 1].isalnum()) and (
                end == len(text) or not text[end].isalnum()
            )
            if is_word:
                overlapping = [t for t in timexes if t.start < end and start < t.end]
                assert not overlapping, f"{needle!r} ({nd['why']}) read as {overlapping[0].text!r}"
            start = text.find(needle, start + 1)


def test_thursday_and_friday_are_one_group():
    doc = "001_be753c90a74e32cd.txt"
    text = _text(doc)
    timexes = find_timexes(text, PUBLISHED[doc])
    at = text.index("Thursday and Friday")
    pair = [t for t in timexes if at <= t.start < at + len("Thursday and Friday")]
    assert [t.text for t in pair] == ["Thursday", "Friday"]
    assert pair[0].group is not None and pair[0].group == pair[1].group
    assert [t.value for t in pair] == ["2024-10-17", "2024-10-18"]


def test_seed_weekdays_explain_their_reading():
    doc = "001_be753c90a74e32cd.txt"
    text = _text(doc)
    thursday = next(t for t in find_timexes(text, PUBLISHED[doc]) if t.text == "Thursday")
    assert thursday.anchor is Anchor.PUBLISHED
    assert "Thu 17 Oct 2024" in thursday.explanation and "Wed 16 Oct 2024" in thursday.explanation
    assert EXTRACTOR_VERSION.startswith("temporal-")
