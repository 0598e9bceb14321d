"""Event proposals: one event per happening, titled by what happened, with exact provenance."""

from __future__ import annotations

import datetime as dt

from dateline.core.engine import propose
from dateline.core.happening.profile import of_proposal, of_record
from dateline.core.happening.same import Verdict, compare
from dateline.core.ingest.suggestions import sweep
from dateline.core.model import Article, EventRecord, SourceRecord, Status

WED = dt.date(2024, 10, 16)


def art(ident: str, text: str, published: dt.date | None = WED) -> Article:
    return Article(id=ident, text=text, published=published)


def test_statements_by_one_speaker_on_one_day_are_one_event_across_articles():
    a = art(
        "a", "NATO chief Mark Rutte said Wednesday that the alliance will reach its aid target."
    )
    b = art(
        "b", "During a press conference on Wednesday, Rutte confirmed that allies pledged more."
    )
    events = propose([a, b])
    (ev,) = [e for e in events if e.value == "2024-10-16"]
    assert {s.document for s in ev.sources} == {"a", "b"}
    assert ev.title.startswith("Rutte:")


def test_different_happenings_on_the_same_day_stay_apart():
    text = (
        "Rutte said Wednesday that the alliance will reach its aid target. "
        "The victory plan was presented Wednesday to Ukraine's parliament."
    )
    events = propose([art("a", text)])
    assert len([e for e in events if e.value == "2024-10-16"]) == 2


def test_a_coarse_mention_joins_the_precise_report_of_the_same_summit():
    a = art("a", "The goal was set earlier this year at the NATO summit in Washington.")
    b = art("b", "Rutte referred to the NATO leaders' summit in July.")
    events = propose([a, b])
    (summit,) = [e for e in events if "summit" in e.title.lower()]
    assert summit.value == "2024-07"  # the best precision wins
    assert {s.document for s in summit.sources} == {"a", "b"}


def test_adjacent_coordinated_days_make_one_ranged_event():
    text = "Ministers will meet on Thursday and Friday in Brussels."
    (ev,) = propose([art("a", text)])
    assert (ev.value, ev.end) == ("2024-10-17", "2024-10-18")
    assert (ev.earliest, ev.latest) == (dt.date(2024, 10, 17), dt.date(2024, 10, 18))
    src = ev.sources[0]
    assert text[src.start : src.end] == "Thursday and Friday"


def test_sources_point_at_the_exact_words_and_sentence():
    text = "Kyiv waits. The hub in Wiesbaden will be operational next month. Nothing else."
    (ev,) = propose([art("a", text)])
    (src,) = ev.sources
    assert text[src.start : src.end] == "next month"
    assert text[src.sentence_start : src.sentence_end] == src.sentence
    assert src.sentence.startswith("The hub in Wiesbaden")
    assert ev.value == "2024-11" and ev.granularity == "month"


def test_vague_references_and_durations_are_not_events():
    text = "For now, the bid remains in limbo. The war has lasted two years."
    assert propose([art("a", text)]) == []


def test_ids_are_stable_across_runs():
    text = "The summit in July set the target. Rutte said Wednesday it is on track."
    first = [e.id for e in propose([art("a", text)])]
    assert first == [e.id for e in propose([art("a", text)])]


def test_without_publication_date_relative_dates_are_proposed_unresolved():
    (ev,) = propose([art("a", "The hub will be operational next month.", published=None)])
    assert ev.earliest is None and ev.latest is None
    assert ev.confidence < 0.6


def _record(i: int, ev, doc: int = 1) -> EventRecord:
    sources = tuple(
        SourceRecord(
            id=i * 10 + k,
            event_id=i,
            document_id=doc,
            sentence_start=s.sentence_start,
            sentence_end=s.sentence_end,
            timex_start=s.start,
            timex_end=s.end,
            quote=s.sentence,
            match_terms=s.terms,
            basis=s.basis,
        )
        for k, s in enumerate(ev.sources)
    )
    return EventRecord(
        id=i,
        title=ev.title,
        value=ev.value,
        end=ev.end,
        granularity=ev.granularity,
        earliest=ev.earliest,
        latest=ev.latest,
        status=Status.PROPOSED,
        confidence=ev.confidence,
        sources=sources,
    )


def find_match(event, stored):
    """The stored proposed event ``event`` would join (the strongest MERGE), if any."""
    mine = of_proposal(event)
    best = None
    for rec in stored:
        if rec.status != Status.PROPOSED:
            continue
        ev = compare(mine, of_record(rec))
        if ev.verdict == Verdict.MERGE and (best is None or ev.score > best[0]):
            best = (ev.score, rec)
    return best[1] if best else None


def test_a_new_article_matches_the_stored_event_it_reports_again():
    stored_text = (
        "Rutte also confirmed that a NATO hub in Wiesbaden, Germany will be operational next month. "
        "The victory plan was presented Wednesday to Ukraine's parliament."
    )
    stored = [_record(i, e) for i, e in enumerate(propose([art("1", stored_text)]))]
    new = propose(
        [
            art(
                "2",
                "NATO announced a new military aid hub in Wiesbaden, set to be operational next month.",
            )
        ]
    )
    (hub,) = [e for e in new if e.value == "2024-11"]
    match = find_match(hub, stored)
    assert match is not None and "Wiesbaden" in match.title


def test_accepted_events_are_never_matched():
    stored_text = "The hub in Wiesbaden will be operational next month."
    (ev,) = propose([art("1", stored_text)])
    rec = _record(1, ev)
    rec = EventRecord(**{f: getattr(rec, f) for f in rec.__slots__} | {"status": Status.ACCEPTED})
    (new,) = propose([art("2", "A hub in Wiesbaden opens next month.")])
    assert find_match(new, [rec]) is None


def test_merge_suggestions_pair_duplicates_from_two_articles():
    a = propose([art("1", "The victory plan was presented Wednesday to Ukraine's parliament.")])
    b = propose([art("2", "This plan, unveiled to Ukraine's parliament on Wednesday, is bold.")])
    c = propose([art("3", "Ministers meet in Brussels on Thursday.")])
    records = [_record(1, a[0], 1), _record(2, b[0], 2), _record(3, c[0], 3)]
    assert [(x, y) for x, y, _ in sweep(records)] == [(1, 2)]
