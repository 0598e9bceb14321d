"""Every edit is a command: it applies, reverts to exactly the previous state, redoes, and is audited."""

from __future__ import annotations

import datetime as dt

import pytest
from store_helpers import by_title, by_value, seeded_store, state

from dateline.core.commands import (
    AddSource,
    AddTags,
    CreateEvent,
    DeleteEvent,
    EditEvent,
    MergeEvents,
    RemoveSource,
    RemoveTags,
    SetDate,
    SetNote,
    SetPublished,
    SetStatus,
    SplitEvent,
)
from dateline.core.errors import ConflictError, NotFound, StoreError, ValidationError
from dateline.core.model import Granularity, Status
from dateline.core.store import EventFilter


@pytest.fixture
def store(tmp_path, seeds_dir):
    s = seeded_store(tmp_path, seeds_dir)
    yield s
    s.close()


def _commands(store):
    ids = store.event_ids()
    doc = store.documents()[1]
    start = doc.text.index("Wiesbaden")
    source_id = store.event(ids[2]).sources[0].id
    return [
        SetStatus((ids[0], ids[1]), "accepted"),
        SetStatus((ids[2],), "rejected"),
        EditEvent(
            ids[0],
            {"title": "A better title", "reliability": "b", "credibility": 2, "tags": ("x", "y")},
        ),
        EditEvent(
            ids[1], {"description": "what happened", "location": "Brussels", "actors": "Rutte"}
        ),
        SetDate(ids[3], "2024-10", None),
        SetDate(ids[3], "2024-10-17", "2024-10-18"),
        AddTags((ids[0], ids[4]), ("nato",)),
        RemoveTags((ids[0],), ("x",)),
        SetNote(ids[4], "call the desk"),
        MergeEvents((ids[3], ids[4], ids[5])),
        SplitEvent(ids[1], (store.event(ids[1]).sources[-1].id,))
        if len(store.event(ids[1]).sources) > 1
        else SetNote(ids[1], "single source"),
        CreateEvent(doc.id, start, start + 40, title="Hub opens"),
        AddSource(ids[0], doc.id, start, start + 20),
        RemoveSource(source_id),
        DeleteEvent((ids[6],)),
        SetPublished(store.documents()[0].id, dt.date(2024, 10, 23)),
        SetPublished(store.documents()[0].id, None),
    ]


@pytest.mark.parametrize("index", range(17))
def test_each_command_reverts_to_exactly_the_previous_state(store, index):
    cmd = _commands(store)[index]
    if isinstance(cmd, RemoveTags):
        store.apply(AddTags(cmd.event_ids, ("x", "y")))
    before = state(store)
    change = store.apply(cmd)
    after = state(store)
    assert after != before, cmd
    assert change.message
    assert change.events or change.documents
    undo = store.revert(cmd)
    assert state(store) == before, cmd
    assert undo.message.startswith("Undid")
    # redo gives back exactly the first result, and undo works again
    store.apply(cmd)
    assert state(store) == after
    store.revert(cmd)
    assert state(store) == before


def test_undo_stack_of_many_commands_unwinds_to_the_start(store):
    start = state(store)
    done = []
    for cmd in _commands(store)[:12]:
        store.apply(cmd)
        done.append(cmd)
    for cmd in reversed(done):
        store.revert(cmd)
    assert state(store) == start


def test_scripted_review_is_in_the_history_with_before_and_after(store):
    h1 = by_value(store, "2024-H1")[0]
    july = by_value(store, "2024-07")[0]
    wiesbaden = by_title(store, "Wiesbaden")
    visit = by_title(store, "visit to Brussels")
    press = by_title(store, "Rutte")
    parliament = by_title(store, "parliament")

    store.apply(SetStatus((h1, wiesbaden), "accepted"))
    store.apply(SetStatus((visit,), "rejected"))
    store.apply(SetDate(july, "2024-07-09", None))
    store.apply(AddTags((press,), ("press",)))
    store.apply(SetNote(press, "same press conference in both articles"))
    store.apply(MergeEvents((press, parliament)))

    july_event = store.event(july)
    assert (july_event.value, july_event.granularity, july_event.status) == (
        "2024-07-09",
        Granularity.DAY,
        Status.EDITED,
    )
    assert july_event.earliest == july_event.latest == dt.date(2024, 7, 9)

    history = [h for h in store.history() if h.action != "import"]
    actions = [(h.action, h.entity_id) for h in history]
    assert ("accept", h1) in actions and ("accept", wiesbaden) in actions
    assert ("reject", visit) in actions
    assert ("set-date", july) in actions
    assert ("tag", press) in actions and ("note", press) in actions
    assert ("merge", press) in actions and ("merge", parliament) in actions
    edit = next(h for h in history if h.action == "set-date")
    assert edit.before["value"] == "2024-07" and edit.after["value"] == "2024-07-09"
    assert edit.before["granularity"] == "month" and edit.after["granularity"] == "day"
    reject = next(h for h in history if h.action == "reject")
    assert reject.before == {"status": "proposed"} and reject.after == {"status": "rejected"}
    tag = next(h for h in history if h.action == "tag")
    assert tag.before["tags"] == [] and tag.after["tags"] == ["press"]
    gone = next(h for h in history if h.action == "merge" and h.entity_id == parliament)
    assert gone.before["title"] and gone.after == {}
    assert all(h.who == "tester" for h in history)
    assert [h.id for h in store.history(press)] == sorted(h.id for h in store.history(press))


def test_merge_keeps_every_source_and_the_most_precise_date_and_split_restores(store):
    h1 = by_value(store, "2024")[0]  # the whole year contains the press conference's day
    press = by_title(store, "Rutte")
    before = {e.id: e for e in store.events([h1, press])}
    # a coarse event merged with a finer compatible one takes the finer date
    merge = MergeEvents((h1, press))
    change = store.apply(merge)
    merged = store.event(h1)
    assert change.removed == {press} and h1 in change.updated
    assert merged.value == "2024-10-16" and merged.granularity == Granularity.DAY
    assert {s.id for s in merged.sources} == {s.id for e in before.values() for s in e.sources}
    with pytest.raises(NotFound):
        store.event(press)

    split = SplitEvent(h1)
    change = store.apply(split)
    assert change.added == {press}
    restored = store.events([h1, press])
    assert restored[1] == before[press]  # the merged-away event comes back exactly
    r = restored[0]
    b = before[h1]
    assert (r.value, r.title, r.status, r.tags, r.flags) == (
        b.value,
        b.title,
        b.status,
        b.tags,
        b.flags,
    )
    assert [s.id for s in r.sources] == [s.id for s in b.sources]


def test_merging_incompatible_dates_flags_a_conflict(store):
    july = by_value(store, "2024-07")[0]
    nov = by_value(store, "2024-11")[0]
    store.apply(MergeEvents((july, nov)))
    merged = store.event(july)
    assert merged.value == "2024-07" and "date-conflict" in merged.flags


def test_split_moves_chosen_sources_to_a_new_event(store):
    press = by_title(store, "Rutte")
    event = store.event(press)
    moving = event.sources[-1].id
    cmd = SplitEvent(press, (moving,))
    change = store.apply(cmd)
    (new_id,) = change.added
    assert [s.id for s in store.event(new_id).sources] == [moving]
    assert moving not in {s.id for s in store.event(press).sources}
    with pytest.raises(ValidationError):
        store.apply(SplitEvent(press, tuple(s.id for s in store.event(press).sources)))
    with pytest.raises(ValidationError):
        store.apply(SplitEvent(by_value(store, "2024-11")[0]))  # never merged


def test_validation_errors_name_the_field(store):
    eid = store.event_ids()[0]
    cases = [
        (SetDate(eid, "2024-02-30"), "value"),
        (SetDate(eid, "yesterday-ish"), "value"),
        (SetDate(eid, "2024-10-18", "2024-10-16"), "end"),
        (SetDate(eid, "2024-10-18", None, "fortnight"), "precision"),
        (EditEvent(eid, {"reliability": "G"}), "reliability"),
        (EditEvent(eid, {"credibility": 7}), "credibility"),
        (EditEvent(eid, {"credibility": "high"}), "credibility"),
        (EditEvent(eid, {"title": "   "}), "title"),
        (EditEvent(eid, {"colour": "red"}), "colour"),
        (SetStatus((eid,), "maybe"), "status"),
        (AddTags((eid,), ("",)), "tags"),
        (EditEvent(eid, {"tags": 5}), "tags"),
        (MergeEvents((eid, eid)), "event_ids"),
    ]
    before = state(store)
    for cmd, field in cases:
        with pytest.raises(ValidationError) as err:
            store.apply(cmd)
        assert err.value.field == field, cmd
        assert err.value.message.endswith(".")
    assert state(store) == before
    with pytest.raises(NotFound):
        store.apply(SetNote(99999, "x"))
    with pytest.raises(StoreError):
        store.revert(SetNote(eid, "never applied"))


def test_set_date_precision_and_edit_marks_event_edited(store):
    eid = by_value(store, "2024-10-16")[0]
    store.apply(SetDate(eid, "2024-10-16", None, "month"))
    e = store.event(eid)
    assert (e.value, e.granularity, e.status) == ("2024-10", Granularity.MONTH, Status.EDITED)
    assert (e.earliest, e.latest) == (dt.date(2024, 10, 1), dt.date(2024, 10, 31))
    other = by_value(store, "2024-11")[0]
    store.apply(SetStatus((other,), "accepted"))
    store.apply(EditEvent(other, {"notes": "annotation only", "reliability": "A"}))
    assert store.event(other).status == Status.ACCEPTED
    store.apply(EditEvent(other, {"title": "Wiesbaden hub operational"}))
    assert store.event(other).status == Status.EDITED


def test_version_conflicts_are_detected(store):
    eid = store.event_ids()[0]
    seen = store.event(eid).version
    store.apply(SetNote(eid, "first"))
    assert store.event(eid).version == seen + 1
    with pytest.raises(ConflictError):
        store.apply(SetNote(eid, "stale editor", versions=((eid, seen),)))
    first = SetNote(eid, "mine")
    store.apply(first)
    store.apply(SetNote(eid, "someone else's"))
    with pytest.raises(ConflictError):
        store.revert(first)  # undoing would silently drop the later edit
    assert store.event(eid).notes == "someone else's"


def test_create_event_from_a_text_span_takes_the_date_inside(store):
    doc = store.documents()[1]
    start = doc.text.index("Thursday")
    sentence_end = doc.text.index(".", start)
    cmd = CreateEvent(doc.id, start - 30, sentence_end)
    change = store.apply(cmd)
    e = store.event(cmd.created_id)
    assert change.added == {cmd.created_id}
    assert e.value == "2024-10-17" and e.origin == "analyst" and e.status == Status.ACCEPTED
    s = e.sources[0]
    assert s.timex_text == "Thursday" and doc.text[s.sentence_start : s.sentence_end] == s.quote
    with pytest.raises(ValidationError):
        store.apply(CreateEvent(doc.id, 10, len(doc.text) + 5))


def test_set_published_reanchors_proposed_and_flags_reviewed(store):
    doc_a = store.documents()[0]
    wiesbaden = by_title(store, "Wiesbaden")
    press = by_title(store, "Rutte")
    store.apply(SetStatus((press,), "accepted"))
    wiesbaden_sources = {s.id for s in store.event(wiesbaden).sources}

    cmd = SetPublished(doc_a.id, dt.date(2024, 12, 11))  # a Wednesday, one month later
    change = store.apply(cmd)
    assert doc_a.id in change.documents
    assert store.document(doc_a.id).published == dt.date(2024, 12, 11)
    assert store.document(doc_a.id).published_source == "analyst"
    # "next month" in article A now reads January 2025
    values = {t.text: t.value for t in store.timexes(doc_a.id)}
    assert values["next month"] == "2025-01"
    # the proposed Wiesbaden event keeps proposed and its A-source now reads 2025-01 ...
    w = store.event(wiesbaden)
    assert w.status == Status.PROPOSED
    a_readings = {s.value for s in w.sources if s.document_id == doc_a.id}
    assert a_readings == {"2025-01"}
    assert {s.id for s in w.sources} == wiesbaden_sources
    # article B still says November 2024: the two reports now disagree
    assert "date-conflict" in w.flags
    # ... the accepted press conference keeps the analyst's date, flagged, with the new reading shown
    p = store.event(press)
    assert p.value == "2024-10-16" and p.status == Status.ACCEPTED
    assert "anchor-changed" in p.flags
    assert any(s.document_id == doc_a.id and s.value == "2024-12-11" for s in p.sources)
    assert press in store.event_ids(EventFilter(flagged=True))
    # re-accepting says "checked, the date stands" and clears the flag; undo brings it back
    recheck = SetStatus((press,), "accepted")
    store.apply(recheck)
    assert store.event(press).flags == ()
    store.revert(recheck)
    assert "anchor-changed" in store.event(press).flags
    store.apply(SetDate(press, "2024-12-11"))
    assert store.event(press).flags == () and store.event(press).status == Status.EDITED
    history = store.document_history(doc_a.id)
    assert history[-1].action == "set-published"
    assert (
        history[-1].before["published"] == "2024-10-16"
        and history[-1].after["published"] == "2024-12-11"
    )


def test_undated_document_gets_events_once_anchored(tmp_path):
    from dateline.core.ingest import import_paths
    from dateline.core.store import Store

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "Ministers meet in Oslo\n\nThe ministers will meet in Oslo on Thursday to discuss the fund. "
        "The agreement was signed on 3 March 2023 in Geneva.\n",
        encoding="utf-8",
    )
    store = Store.open(tmp_path / "p.db")
    report = import_paths(store, [folder])
    assert report.undated == (str(folder / "a.txt"),)
    doc = store.documents()[0]
    assert doc.published is None and doc.published_source == "unknown"
    thursday = [t for t in store.timexes(doc.id) if t.text == "Thursday"]
    assert thursday and thursday[0].earliest is None
    assert store.stats()["undated_documents"] == 1

    store.apply(SetPublished(doc.id, dt.date(2024, 10, 16)))
    assert [t.value for t in store.timexes(doc.id) if t.text == "Thursday"] == ["2024-10-17"]
    values = {e.value for e in store.events(store.event_ids())}
    assert "2024-10-17" in values and "2023-03-03" in values
    assert len([e for e in store.events(store.event_ids()) if e.value == "2023-03-03"]) == 1
    store.close()


def test_an_event_made_from_a_selection_has_whole_words_and_its_sentences_date(store):
    doc = next(d for d in store.documents() if "ministers’ meeting on Thursday" in d.text)
    text = doc.text
    start = text.index("apan, South Korea")  # mid-word, as a drag selects
    end = text.index("New Zealand") + 5  # "New Zeal"
    cmd = CreateEvent(doc.id, start, end, status="proposed")
    store.apply(cmd)
    e = store.event(cmd.created_id)
    assert e.title == "Japan, South Korea, Australia and New Zealand"
    assert e.status == Status.PROPOSED and e.origin == "analyst"
    assert e.value == "2024-10-17", "dated from its sentence"
    assert e.sources[0].timex_text.startswith("Thursday")


def test_an_event_made_from_a_bare_date_gets_the_engines_title(store):
    doc = next(d for d in store.documents() if "ministers’ meeting on Thursday" in d.text)
    start = doc.text.index("Thursday and Friday")
    cmd = CreateEvent(doc.id, start, start + len("Thursday and Friday"), status="proposed")
    store.apply(cmd)
    e = store.event(cmd.created_id)
    assert e.title and e.title != "Thursday and Friday" and "meeting" in e.title.lower(), e.title
    with pytest.raises(ValidationError):
        comma = doc.text.index(", South")
        store.apply(CreateEvent(doc.id, comma, comma + 2))  # ", " holds no word
    with pytest.raises(ValidationError):
        store.apply(CreateEvent(doc.id, start, start + 8, status="maybe"))
