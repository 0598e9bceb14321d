"""Of several reports' titles, the event takes one that says who did what, whichever came first."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from dateline.core.engine import propose
from dateline.core.happening.wording import flaw
from dateline.core.ingest import import_paths
from dateline.core.model import Article
from dateline.core.proposals import title_quality
from dateline.core.store import Store

WED = dt.date(2019, 5, 8)
# The same launch told twice: once with a subject the article never names, once with a name.
PRONOUN = "It lifted off from the Kourou space centre in French Guiana on Tuesday."
NAMED = "The Vega rocket lifted off from the Kourou space centre on Tuesday."


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("", 3),
        ("Take-off", 2),
        ("Made its first test flight in Everett", 2),
        ("Having reported record profits of $269m", 2),
        ("Of the financial year the firm sold more", 2),
        ("It lifted off from the Kourou space centre", 1),
        ("Vega rocket lifted off from the Kourou space centre on a grey morning…", 1),
        ("Vega rocket lifted off from Kourou", 0),
        ("Dumont: we will not give up", 0),
        ("iGrow shipped its first greenhouse kits", 0),
    ],
)
def test_flaw_says_how_a_title_falls_short_of_who_did_what(title, expected):
    assert flaw(title) == expected


def test_a_title_without_a_flaw_ranks_before_a_longer_flawed_one():
    good = title_quality("Vega rocket lifted off from Kourou", (0, 0), False)
    flawed = title_quality(
        "It lifted off from the Kourou space centre in French Guiana", (0, 0), False
    )
    fragment = title_quality(
        "Lifted off from the Kourou space centre in French Guiana", (0, 0), False
    )
    assert good < flawed < fragment


def test_the_event_takes_the_named_report_s_title():
    a = Article(id="a", text=PRONOUN, published=WED)
    b = Article(id="b", text=NAMED, published=WED)
    for order in ([a, b], [b, a]):
        (event,) = [e for e in propose(order) if e.value == "2019-05-07"]
        assert {s.document for s in event.sources} == {"a", "b"}
        assert event.title == "Vega rocket lifted off from the Kourou space centre"


def _folder(path, name, text):
    path.mkdir()
    (path / name).write_text(f"Launch report\n\n{text}\n", encoding="utf-8")
    manifest = {"articles": {name: {"published": WED.isoformat()}}}
    (path / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    return path


@pytest.mark.parametrize("named_first", [True, False])
def test_a_stored_event_keeps_or_takes_the_better_title_whichever_article_came_first(
    tmp_path, named_first
):
    folders = [_folder(tmp_path / "p", "p.txt", PRONOUN), _folder(tmp_path / "n", "n.txt", NAMED)]
    store = Store.open(tmp_path / "t.db")
    for folder in folders[::-1] if named_first else folders:
        import_paths(store, [folder])
    launches = [e for e in store.events(store.event_ids()) if e.value == "2019-05-07"]
    assert [e.title for e in launches] == ["Vega rocket lifted off from the Kourou space centre"]
    assert len(launches[0].sources) == 2
    store.close()
