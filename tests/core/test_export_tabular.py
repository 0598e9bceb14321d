"""CSV and JSON exports, read back with csv.reader and json.loads."""

from __future__ import annotations

import csv
import io
import json

from export_fixtures import GOLD_IDS, HOSTILE_TITLE, UNRESOLVED_ID, hostile_bundle, seed_bundle

from dateline.core.export import render, write_export


def _csv_rows(text: str) -> list[dict[str, str]]:
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader)
    return [dict(zip(header, row, strict=True)) for row in reader]


def test_csv_has_one_row_per_event_in_date_order(tmp_path):
    bundle = seed_bundle()
    out = write_export(bundle, "csv", tmp_path / "t.csv")[0]
    rows = _csv_rows(out.read_text(encoding="utf-8-sig"))
    assert [int(r["id"]) for r in rows] == [e.id for e in bundle.events]
    assert [GOLD_IDS[int(r["id"])] for r in rows][:3] == [
        "h1-commitments",
        "washington-summit",
        "rutte-press-conference",
    ]
    assert int(rows[-1]["id"]) == UNRESOLVED_ID
    assert list(rows[0]) == [
        "id", "date", "value", "end", "granularity", "earliest", "latest", "title", "status",
        "confidence", "tags", "notes", "location", "actors", "reliability", "credibility",
        "sources", "first_quote", "documents",
    ]  # fmt: skip


def test_csv_cells_hold_what_the_analyst_entered():
    bundle = seed_bundle()
    rows = {int(r["id"]): r for r in _csv_rows(render(bundle, "csv"))}
    h1 = rows[1]
    assert (h1["date"], h1["value"], h1["granularity"]) == ("H1 2024", "2024-H1", "half")
    assert (h1["earliest"], h1["latest"]) == ("2024-01-01", "2024-06-30")
    assert h1["tags"] == "aid;funding"
    assert (h1["reliability"], h1["credibility"], h1["status"]) == ("B", "2", "accepted")
    assert h1["sources"] == "2"
    assert h1["first_quote"].startswith("“I can announce today")
    assert h1["documents"].split(";") == [d.title for d in reversed(bundle.documents)]
    ministerial = rows[5]
    assert (ministerial["value"], ministerial["end"]) == ("2024-10-17", "2024-10-18")
    assert ministerial["date"] == "Thu 17 - Fri 18 Oct 2024"
    assert rows[4]["notes"] == "Title edited.\nKyiv, not Brussels."  # newline survives quoting
    assert rows[UNRESOLVED_ID]["earliest"] == "" and rows[UNRESOLVED_ID]["date"] == "in the past"
    assert rows[6]["reliability"] == rows[6]["credibility"] == ""


def test_csv_defuses_spreadsheet_formulas_but_keeps_the_text():
    row = _csv_rows(render(hostile_bundle(), "csv"))[0]
    assert row["title"] == HOSTILE_TITLE  # starts with '<', harmless
    assert row["location"] == "'=cmd|' /C calc'!A0"


def test_json_keeps_the_engine_shape_and_adds_the_review():
    bundle = seed_bundle()
    data = json.loads(render(bundle, "json"))
    assert {"documents", "events", "timexes"} <= set(data)
    docs = {d["id"]: d for d in data["documents"]}
    assert {"id", "path", "title", "published"} <= set(docs[1])
    assert docs[2]["published"] == "2024-10-16"
    texts = {d.id: d.text for d in bundle.documents}
    assert [e["id"] for e in data["events"]] == [e.id for e in bundle.events]
    for e in data["events"]:
        assert {
            "id", "title", "value", "end", "granularity", "earliest", "latest", "confidence",
            "status", "tags", "notes", "location", "actors", "reliability", "credibility",
            "sources", "audit",
        } <= set(e)  # fmt: skip
        for s in e["sources"]:
            assert {"document", "start", "end", "text", "sentence", "rule"} <= set(s)
            text = texts[s["document"]]
            assert text[s["sentence_start"] : s["sentence_end"]] == s["sentence"]
            if s["start"] is not None:
                assert text[s["start"] : s["end"]] == s["text"]
    by_id = {e["id"]: e for e in data["events"]}
    assert by_id[1]["value"] == "2024-H1" and by_id[1]["earliest"] == "2024-01-01"
    assert by_id[5]["end"] == "2024-10-18"
    assert by_id[4]["tags"] == ["ukraine", "membership"]
    assert (by_id[4]["reliability"], by_id[4]["credibility"]) == ("B", 3)
    assert by_id[UNRESOLVED_ID]["earliest"] is None
    assert len(by_id[3]["sources"]) == 4


def test_json_audit_summary_counts_each_events_changes():
    events = {e["id"]: e for e in json.loads(render(seed_bundle(), "json"))["events"]}
    assert events[4]["audit"] == {
        "changes": 3,
        "last_change": "2026-11-23T09:30:00Z",
        "by": ["alice", "bob"],
    }
    assert events[3]["audit"]["changes"] == 1
    assert events[1]["audit"] == {"changes": 0, "last_change": None, "by": []}


def test_json_timexes_point_at_their_text():
    bundle = seed_bundle()
    data = json.loads(render(bundle, "json"))
    texts = {d.id: d.text for d in bundle.documents}
    assert len(data["timexes"]) == len(bundle.timexes) == 17
    for t in data["timexes"]:
        assert {"document", "start", "end", "text", "type", "value", "anchor", "rule"} <= set(t)
        assert texts[t["document"]][t["start"] : t["end"]] == t["text"]


def test_json_is_utf8_not_ascii_escaped(tmp_path):
    out = write_export(seed_bundle(), "json", tmp_path / "t.json")[0]
    raw = out.read_text(encoding="utf-8")
    assert "€40 billion" in raw
    assert json.loads(raw)["title"] == "NATO and Ukraine, October 2024"


def test_json_events_carry_the_grade_label_and_source_ids_like_the_cli():
    bundle = seed_bundle()
    by_id = {e["id"]: e for e in json.loads(render(bundle, "json"))["events"]}
    assert (by_id[4]["grade"], by_id[1]["grade"], by_id[6]["grade"]) == ("B3", "B2", "")
    assert by_id[5]["label"] == "Thu 17 - Fri 18 Oct 2024"
    assert by_id[UNRESOLVED_ID]["label"] == "in the past"
    stored = {s.id for e in bundle.events for s in e.sources}
    assert {s["id"] for e in by_id.values() for s in e["sources"]} == stored
