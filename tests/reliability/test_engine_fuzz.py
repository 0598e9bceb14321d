"""Hostile text through the whole path a file takes: whatever the text, ``propose_events`` raises nothing
and every event it proposes points at real words of that text; whatever the bytes, what the readers
make of them goes through the engine and into a store the same way.

``find_timexes`` alone is fuzzed in ``tests/core/test_temporal_properties.py`` and the readers alone in
``tests/core/test_readers_fuzz.py``, with the same strategies (``support.texts``).
"""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dateline.core.errors import ImportFailed
from dateline.core.ingest import import_paths
from dateline.core.model import Article
from dateline.core.proposals import propose_events
from dateline.core.readers import read_articles
from dateline.core.store import Store
from dateline.core.temporal import find_timexes
from support.texts import WORDS, published, texts


def check_proposals(text: str, when) -> None:
    timexes = find_timexes(text, when)
    article = Article(id="7", text=text, title="Headline", published=when)
    for event in propose_events([article], {"7": timexes}):
        assert isinstance(event.title, str) and event.value
        assert 0.0 <= event.confidence <= 1.0
        # (earliest <= latest does not hold for every text: see the test at the end)
        assert event.sources
        for s in event.sources:
            assert s.document == "7"
            assert 0 <= s.sentence_start < s.sentence_end <= len(text)
            assert 0 <= s.start < s.end <= len(text)
            assert s.sentence == text[s.sentence_start : s.sentence_end]
            if len(text[s.start : s.end].splitlines()) == 1:  # see the line-break test below
                assert s.sentence_start <= s.start < s.end <= s.sentence_end
                assert text[s.start : s.end] == s.text
            assert 0.0 <= s.confidence <= 1.0


@settings(max_examples=150, deadline=None)
@given(text=texts, when=published)
def test_any_text_gives_proposals_that_point_at_real_words(text, when):
    check_proposals(text, when)


# Many dated sentences in one text: the clustering's worst case is many dates, not odd characters.
_dated = st.lists(
    st.lists(st.sampled_from(WORDS), min_size=3, max_size=25).map(" ".join), max_size=60
).map(". ".join)


@settings(max_examples=60, deadline=None)
@given(text=_dated, when=published)
def test_texts_dense_with_dates_give_valid_proposals(text, when):
    check_proposals(text, when)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.binary(max_size=400) | texts.map(lambda t: t.encode("utf-8", "surrogatepass")))
def test_whatever_the_readers_make_of_bytes_goes_through_the_engine(data):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "article.txt"
        path.write_bytes(data)
        try:
            articles = read_articles(path)
        except ImportFailed:
            return
    for art in articles:
        check_proposals(art.text, art.published)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(batch=st.lists(texts | _dated, min_size=1, max_size=4))
def test_hostile_texts_import_with_sources_that_quote_their_document(batch):
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "in").mkdir()
        for i, text in enumerate(batch):
            (root / "in" / f"a{i}.txt").write_text(text, encoding="utf-8", errors="surrogatepass")
        with Store.open(root / "project.db") as store:
            report = import_paths(store, [root / "in"])
            assert len(report.imported) + len(report.duplicates) + len(report.failed) >= 1
            assert all(reason.strip() for _, reason in report.failed)
            for doc in store.documents():
                for t in store.timexes(doc.id):
                    assert doc.text[t.start : t.end] == t.text
            for e in store.events(store.event_ids()):
                for s in e.sources:
                    text = store.document(s.document_id).text
                    assert 0 <= s.sentence_start < s.sentence_end <= len(text)
                    assert text[s.sentence_start : s.sentence_end] == s.quote
                    if s.timex_start is None:
                        continue
                    assert 0 <= s.timex_start < s.timex_end <= len(text)
                    if len(text[s.timex_start : s.timex_end].splitlines()) == 1:
                        assert s.sentence_start <= s.timex_start < s.timex_end <= s.sentence_end
                        assert text[s.timex_start : s.timex_end] == s.timex_text
            assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_range_never_ends_before_it_starts():
    """The engine reads 'from Monday to 1000' as a range that would end before it starts (found by
    the fuzz above): the event keeps the start's date, not an inverted interval."""
    text = "The talks ran from Monday to 1000."
    when = dt.date(2000, 1, 1)
    article = Article(id="7", text=text, published=when)
    events = propose_events([article], {"7": find_timexes(text, when)})
    assert events
    for event in events:
        assert event.earliest is None or event.earliest <= event.latest
    assert [(e.value, e.end) for e in events] == [("1999-12-27", None)]


def test_a_date_wrapped_over_two_lines_stays_inside_its_sentence(tmp_path):
    """Pasted and e-mailed copy is hard-wrapped: a sentence, and a date in it, can run over a line
    break; the sentence is read whole, so its source holds the whole date and the whole quote."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "wrapped.txt").write_text(
        "Ministers meet\n\nThe finance ministers said they would meet again next\n"
        "Monday in Brussels to settle the budget.\n",
        encoding="utf-8",
    )
    with Store.open(tmp_path / "project.db") as store:
        import_paths(store, [folder], published=dt.date(2024, 10, 16))
        events = store.events(store.event_ids())
        [(event, s)] = [
            (e, s) for e in events for s in e.sources if s.timex_text.endswith("Monday")
        ]
        assert s.timex_text == "next\nMonday"
        assert event.value == "2024-10-21"
        assert s.sentence_start <= s.timex_start < s.timex_end <= s.sentence_end
        assert s.quote.startswith("The finance ministers") and s.quote.endswith("budget.")
        assert "\n" not in event.title
