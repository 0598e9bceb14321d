"""Whatever an analyst types into a search, the answer is the events that hold those words, or one
sentence saying why there is nothing to search for; never every event, never a silent nothing.

The defects these guard against: ``events --search '"'`` listed every event (no word left, so no filter)
and ``--search 'foo AND'`` listed none, both without a word; and only the last word typed matched as a
prefix ("wiesb" found Wiesbaden, "wiesb hub" found nothing).
"""

from __future__ import annotations

import json

import pytest

from dateline.cli import main as cli_main
from dateline.core.commands import SetNote
from dateline.core.errors import ValidationError
from dateline.core.store import EventFilter
from dateline.core.store.search import parse_search, search_problem
from support.store import seeded_store


@pytest.fixture
def store(tmp_path, seeds_dir):
    s = seeded_store(tmp_path, seeds_dir)
    yield s
    s.close()


def ids(store, text: str) -> set[int]:
    return set(store.event_ids(EventFilter(text=text)))


def titles_and_quotes(store, eid: int) -> str:
    e = store.event(eid)
    return " ".join([e.title, e.description, e.notes, *(s.quote for s in e.sources)]).lower()


NO_WORDS = ['"', "*", "--", "()", '""', " ' ", "?!"]


@pytest.mark.parametrize("text", NO_WORDS)
def test_a_search_without_words_is_refused_with_a_sentence(store, text):
    with pytest.raises(ValidationError) as err:
        store.event_ids(EventFilter(text=text))
    assert err.value.message == search_problem(text)
    assert "no words" in err.value.message and err.value.message.count(".") == 1


@pytest.mark.parametrize("text", ['"', "*"])
def test_the_command_line_refuses_it_in_one_sentence(tmp_path, seeds_dir, capsys, text):
    db = tmp_path / "project.db"
    seeded_store(tmp_path, seeds_dir).close()
    code = cli_main(["events", "--search", text, "--db", str(db)])
    out, err = capsys.readouterr()
    assert code == 2
    assert out == ""  # not a single event listed
    assert err.count("\n") == 1 and "has no words" in err


def test_a_blank_search_is_no_filter(store):
    assert ids(store, "   ") == set(store.event_ids())


@pytest.mark.parametrize(
    ("typed", "as_plain_words"),
    [
        ("Rutte AND", "Rutte"),
        ("Rutte OR", "Rutte"),
        ("NOT Rutte", "Rutte"),
        ('"Rutte said', "Rutte said"),
        ("(Rutte said", "Rutte said"),
        ("Rutte said)", "Rutte said"),
        ("Rutte AND OR NATO", "Rutte NATO"),
        ("AND OR", "and or"),
    ],
)
def test_a_query_that_is_not_well_formed_is_read_as_plain_words(store, typed, as_plain_words):
    found = ids(store, typed)
    assert parse_search(typed).plain
    assert found == ids(store, as_plain_words)
    for eid in found:
        text = titles_and_quotes(store, eid)
        assert all(w.lower() in text for w in as_plain_words.split())


def test_an_operator_typed_halfway_still_finds_the_words_before_it(store):
    """'Rutte AND' is what the box holds just before the next word: it lists Rutte's events."""
    assert ids(store, "Rutte AND") == ids(store, "Rutte") != set()


def test_operators_combine_terms(store):
    rutte, zelenskyy = ids(store, "Rutte"), ids(store, "Zelenskyy")
    assert rutte and zelenskyy and rutte != zelenskyy
    assert ids(store, "Rutte OR Zelenskyy") == rutte | zelenskyy
    assert ids(store, "Rutte AND Zelenskyy") == ids(store, "Rutte Zelenskyy") == rutte & zelenskyy
    assert ids(store, "Rutte NOT Zelenskyy") == rutte - zelenskyy
    assert ids(store, "(Rutte OR Zelenskyy) NOT Rutte") == zelenskyy - rutte


def test_every_word_matches_whole_words_and_their_beginnings(store):
    wiesbaden = ids(store, "Wiesbaden")
    assert wiesbaden
    assert ids(store, "wiesb") == wiesbaden  # the beginning of the word
    eid = min(wiesbaden)
    store.apply(SetNote(eid, "check the logistics angle"))
    for text in ("Wiesbaden logistics", "wiesb logist", "WIESB LOGIST", "logist wiesb"):
        assert ids(store, text) == {eid}, text
    assert ids(store, "iesbaden") == set(), "a word's middle is not its beginning"


def test_a_quoted_phrase_needs_its_words_in_a_row(store):
    phrase = ids(store, '"Mark Rutte"')
    assert phrase and phrase <= ids(store, "Mark Rutte")
    for eid in phrase:
        assert "mark rutte" in titles_and_quotes(store, eid)
    assert ids(store, '"Rutte Mark"') == set()


def test_accents_and_joined_words_are_read_as_the_text_is(store):
    assert ids(store, "Zelenskyy’s") == ids(store, '"Zelenskyy s"') != set()
    assert ids(store, "NATO-led") == ids(store, '"NATO led"')
    assert ids(store, "bruxelles") == set()
    assert ids(store, "BRÜSSELS") == ids(store, "Brussels")


@pytest.mark.parametrize(
    "text",
    [
        "AND OR NOT",
        "NATO-led (aid)",
        "€40",
        'a "b',
        "NEAR(a b)",
        "title:Rutte",
        "a^b",
        "x OR (",
        ")x(",
    ],
)
def test_no_input_with_words_makes_the_search_fail(store, text):
    store.event_ids(EventFilter(text=text))  # any answer, but no exception
    assert isinstance(store.search_documents(text), list)


def test_the_window_and_the_command_line_answer_alike(qtbot, tmp_path, seeds_dir, capsys):
    from dateline.ui.filter_bar import FilterBar

    db = tmp_path / "project.db"
    store = seeded_store(tmp_path, seeds_dir)
    bar = FilterBar()
    qtbot.addWidget(bar)
    for text in ("Rutte AND", "Rutte OR Kyiv", '"Mark Rutte"', "wiesb"):
        bar.search.setText(text)
        window = store.event_ids(bar.current_filter())
        assert cli_main(["events", "--search", text, "--format", "json", "--db", str(db)]) == 0
        cli = [e["id"] for e in json.loads(capsys.readouterr().out)["events"]]
        assert window == cli, text
        assert bar.search.styleSheet() == ""

    bar.search.setText('"')
    flt = bar.current_filter()
    assert flt.text == "", "the window does not run a search it cannot read"
    assert bar.search.toolTip() == search_problem('"')
    assert "border" in bar.search.styleSheet(), "the field says so"
    bar.search.setText("Rutte")
    bar.current_filter()
    assert bar.search.styleSheet() == "" and "OR" in bar.search.toolTip()
    store.close()
