"""A statement quoted with "he said" is credited to whoever spoke last before it in the article."""

from __future__ import annotations

import datetime as dt

from dateline.core.engine import propose
from dateline.core.model import Article

WED = dt.date(2024, 10, 16)
THU = dt.date(2024, 10, 17)


def titles(text: str) -> dict[str, str]:
    return {e.value: e.title for e in propose([Article(id="a", text=text, published=WED)])}


def test_pronoun_statement_takes_the_previous_speaker():
    text = "Mark Rutte said allies will pay. “We are on track to deliver,” he said on Wednesday."
    assert titles(text) == {"2024-10-16": "Rutte: we are on track to deliver"}


def test_previous_speaker_is_the_last_one_before_the_statement():
    text = (
        "Olaf Scholz said Berlin would pay. The summit opened in July. Mark Rutte said allies "
        "will pay too. NATO met in Brussels. “We are on track to deliver,” he said on Wednesday."
    )
    found = titles(text)
    assert found["2024-10-16"] == "Rutte: we are on track to deliver"
    assert found["2024-07"] == "Summit opened"


def test_without_an_earlier_speaker_the_statement_has_no_name():
    text = "“We are on track to deliver,” he said on Wednesday."
    (title,) = titles(text).values()
    assert title.lower() == "we are on track to deliver"  # no "Speaker:" prefix


def test_a_sentence_opening_he_said_is_not_credited_to_someone_called_he():
    text = (
        "Mark Rutte said on Tuesday that the alliance was united. "
        "He said on Wednesday that allies would deliver the aid. "
        "NATO ministers met in Brussels. She said on Thursday the plan was ready."
    )
    found = {e.value: e.title for e in propose([Article(id="a", text=text, published=THU)])}
    assert found["2024-10-16"] == "Rutte: allies would deliver the aid"
    assert not any(t.startswith(("He:", "She:")) for t in found.values()), found


def test_the_speaker_is_the_name_before_an_apposition_not_the_day_after_the_verb():
    """ "Varga, the port mayor, announced Tuesday" and "Varga said on Tuesday": one statement."""
    found = propose(
        [
            Article(
                "a",
                "Ines Varga, the port mayor, announced Tuesday that the ferry "
                "terminal would close in May.",
                published=WED,
            ),
            Article(
                "b",
                "Mayor Ines Varga said on Tuesday that the ferry terminal would close.",
                published=WED,
            ),
        ]
    )
    (said,) = [e for e in found if e.value == "2024-10-15"]
    assert said.title.startswith("Varga:")
    assert {s.document for s in said.sources} == {"a", "b"}
