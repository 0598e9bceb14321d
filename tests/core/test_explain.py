from __future__ import annotations

import datetime as dt

from dateline.core.explain import explain
from dateline.core.model import Anchor, Granularity, SourceRecord, Timex, TimexRecord, TimexType

PUBLISHED = dt.date(2024, 10, 16)


def _record(text: str, value: str, anchor: str, rule: str = "weekday") -> TimexRecord:
    return TimexRecord(1, 1, 0, len(text), text, "DATE", value, "day", anchor, rule)


def test_relative_weekday_names_the_tense_and_the_publication_date():
    line = explain(_record("Thursday", "2024-10-17", "published"), PUBLISHED, tense="future")
    assert line == (
        "'Thursday' in a future-tense clause of an article published Wed 16 Oct 2024"
        " -> Thu 17 Oct 2024"
    )


def test_without_tense_the_clause_is_not_invented():
    line = explain(_record("next month", "2024-11", "published"), PUBLISHED)
    assert line == "'next month' of an article published Wed 16 Oct 2024 -> Nov 2024"


def test_absolute_and_mention_anchors():
    assert (
        explain(_record("first half of 2024", "2024-H1", "absolute"), PUBLISHED)
        == "'first half of 2024' is a full date -> H1 2024"
    )
    line = explain(
        _record("the next day", "2024-10-17", "mention"), PUBLISHED, anchor_text="Wednesday"
    )
    assert (
        line
        == "'the next day', counted from an earlier date in the text ('Wednesday') -> Thu 17 Oct 2024"
    )


def test_missing_publication_date_is_said_plainly():
    line = explain(_record("Wednesday", "XXXX-XX-XX", "published"), None)
    assert "no publication date" in line
    assert "unresolved" in line
    assert "set the article's publication date" in explain(_record("today", "", "none"), None)


def test_engine_explanation_wins():
    t = Timex(
        10,
        18,
        "Thursday",
        TimexType.DATE,
        "2024-10-17",
        Granularity.DAY,
        None,
        None,
        Anchor.PUBLISHED,
        "weekday",
        0.9,
        tense="future",
        explanation="engine says so",
    )
    assert explain(t, PUBLISHED) == "engine says so"
    t2 = Timex(
        10,
        18,
        "Thursday",
        TimexType.DATE,
        "2024-10-17",
        Granularity.DAY,
        None,
        None,
        Anchor.PUBLISHED,
        "weekday",
        0.9,
        tense="future",
    )
    assert explain(t2, PUBLISHED).startswith("'Thursday' in a future-tense clause")


def test_a_source_without_anchor_is_read_from_its_text():
    src = SourceRecord(1, 1, 1, 0, 50, 30, 39, "quote", timex_text="Wednesday", value="2024-10-16")

    class View:  # a SourceRecord seen as a timex: text and value
        text = src.timex_text
        value = src.value

    assert explain(View(), PUBLISHED) == (
        "'Wednesday' of an article published Wed 16 Oct 2024 -> Wed 16 Oct 2024"
    )
    View.text, View.value = "July 2024", "2024-07"
    assert explain(View(), PUBLISHED) == "'July 2024' is a full date -> Jul 2024"


def test_present_ref_reads_as_now():
    assert explain(_record("now", "PRESENT_REF", "published"), PUBLISHED).endswith("-> now")
