"""Exports as they travel: spreadsheets that run nothing, calendars from two projects side by side,
TimelineJS ends on the right day, Timesketch tags as Timesketch reads them."""

from __future__ import annotations

import csv
import dataclasses
import io
import json

import pytest
from export_fixtures import seed_bundle

from dateline.core.export import FORMATS, render

FORMULAS = ('=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)", "\tTAB", "\rCR")


def _hostile_cells_bundle(start: str):
    bundle = seed_bundle()
    e = bundle.events[0]
    source = dataclasses.replace(e.sources[0], quote=start + " quote")
    hostile = dataclasses.replace(
        e,
        title=start + " title",
        tags=(start + "tag", "plain"),
        notes=start + " note",
        location=start + " place",
        actors=start + " actor",
        sources=(source, *e.sources[1:]),
    )
    docs = tuple(
        dataclasses.replace(d, title=start + " article") if d.id == source.document_id else d
        for d in bundle.documents
    )
    return seed_bundle(events=(hostile,), documents=docs)


CSV_LIKE = [name for name, info in FORMATS.items() if info.suffix == ".csv"]


def test_every_csv_like_format_is_covered():
    assert set(CSV_LIKE) == {"csv", "timesketch"}


@pytest.mark.parametrize("fmt", CSV_LIKE)
@pytest.mark.parametrize("start", FORMULAS)
def test_no_csv_cell_starts_a_spreadsheet_formula(fmt, start):
    text = render(_hostile_cells_bundle(start), fmt)
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"), newline="")))
    assert len(rows) == 2
    cells = rows[1]
    assert any(start.strip() in c for c in cells)  # the hostile text is there...
    for cell in cells:
        assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), (fmt, cell)  # ...defused


def test_timesketch_tags_are_json_lists_and_never_empty_cells():
    bundle = seed_bundle()
    untagged = dataclasses.replace(bundle.events[0], tags=())
    comma = dataclasses.replace(bundle.events[1], tags=("north, south", "aid"))
    rows = list(
        csv.DictReader(io.StringIO(render(seed_bundle(events=(untagged, comma)), "timesketch")))
    )
    assert [r["tag"] for r in rows] == ["[]", '["north, south", "aid"]']
    assert [json.loads(r["tag"]) for r in rows] == [[], ["north, south", "aid"]]


def test_timelinejs_intro_dates_the_export_for_people():
    data = json.loads(
        render(seed_bundle(generated_at="2026-11-23T10:00:00.123456+00:00"), "timelinejs")
    )
    intro = data["title"]["text"]["text"]
    assert intro.endswith("Generated 23 November 2026, 10:00 UTC.")
    assert ".123456" not in intro


def test_ics_calendar_name_escapes_its_comma():
    text = render(seed_bundle(), "ics")
    [line] = [ln for ln in text.splitlines() if ln.startswith("X-WR-CALNAME")]
    assert line == "X-WR-CALNAME:NATO and Ukraine\\, October 2024"
