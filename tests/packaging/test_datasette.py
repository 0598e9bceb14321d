"""The project file opened in Datasette, as an analyst would: the views are there and ?_search= finds
events and articles by their words instead of returning every row."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from dateline.core.ingest import import_paths
from dateline.core.store import EventFilter, Store

_CLIENT = """
import asyncio, json, sys
from datasette.app import Datasette

async def fetch(ds, url):
    response = await ds.client.get(url)
    return response.status_code, response.text

ds = Datasette([sys.argv[1]], immutables=[])
status, text = asyncio.run(fetch(ds, sys.argv[2]))
print(json.dumps({"status": status, "text": text}))
"""


def _get(path, url):
    # In a process of its own: Datasette keeps a writer thread per database for its whole life.
    result = subprocess.run(
        [sys.executable, "-c", _CLIENT, str(path), url],
        capture_output=True, text=True, timeout=120, check=True,
    )  # fmt: skip
    answer = json.loads(result.stdout)
    assert answer["status"] == 200, answer["text"]
    return json.loads(answer["text"])


@pytest.fixture
def project(tmp_path, seeds_dir):
    path = tmp_path / "project.db"
    with Store.open(path) as store:
        import_paths(store, [seeds_dir])
        total = store.count_events()
        hits = store.event_ids(EventFilter(text="Wiesbaden"))
    return path, total, sorted(hits)


def test_event_search_in_datasette_finds_what_the_app_finds(project):
    path, total, hits = project
    rows = _get(path, "/project/events.json?_search=Wiesbaden&_shape=array&_size=max")
    assert 0 < len(rows) < total
    assert sorted(r["id"] for r in rows) == hits


def test_document_search_and_views_in_datasette(project):
    path, total, _ = project
    docs = _get(path, "/project/documents.json?_search=hesitant&_shape=array")
    assert len(docs) == 1 and "hesitant" in docs[0]["title"] + docs[0]["text"]
    events = _get(path, "/project/timeline_events.json?_shape=array&_size=max")
    assert len(events) == total
    sources = _get(path, "/project/timeline_sources.json?_shape=array&_size=max")
    assert sources and all(s["document_title"] for s in sources)
