"""Every format from the real engine's proposals on the seed articles, read back by its parser."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import lxml.html
import pytest
from export_fixtures import bundle_from_extraction
from icalendar import Calendar
from lxml import etree

from dateline.core import timevalue
from dateline.core.export import FORMATS, write_export
from dateline.core.extraction import extract_files


@pytest.fixture
def engine_bundle(seeds_dir):
    result = extract_files(sorted(seeds_dir.glob("*.txt")))
    return bundle_from_extraction(result)


def _gold(gold) -> list[tuple[str, str | None]]:
    return [(e["value"], e.get("end")) for e in gold["events"]]


def test_every_format_holds_the_gold_events(tmp_path, engine_bundle, gold):
    files = {
        fmt: write_export(engine_bundle, fmt, tmp_path / f"out-{fmt}{info.suffix}")
        for fmt, info in FORMATS.items()
    }
    wanted = _gold(gold)
    assert len(wanted) == 7

    events = json.loads(files["json"][0].read_text(encoding="utf-8"))["events"]
    assert set(wanted) <= {(e["value"], e["end"]) for e in events}

    rows = list(csv.DictReader(io.StringIO(files["csv"][0].read_text(encoding="utf-8-sig"))))
    assert set(wanted) <= {(r["value"], r["end"] or None) for r in rows}

    def day_range(value, end):
        a, b = timevalue.span(value, end)
        return a, b + dt.timedelta(days=1)

    cal = Calendar.from_ical(files["ics"][0].read_bytes())
    spans = {(ev.decoded("dtstart"), ev.decoded("dtend")) for ev in cal.walk("VEVENT")}
    assert {day_range(v, e) for v, e in wanted} <= spans

    slides = json.loads(files["timelinejs"][0].read_text(encoding="utf-8"))["events"]
    starts = {tuple(sorted(s["start_date"].items())) for s in slides}
    assert ("2024-H1", None) in wanted
    assert (("month", "1"), ("year", "2024")) in starts  # H1 2024
    assert (("month", "7"), ("year", "2024")) in starts  # the July summit, no day
    assert any(s.get("end_date") == {"year": "2024", "month": "10", "day": "18"} for s in slides)

    ts = [json.loads(line) for line in files["timesketch-jsonl"][0].read_text().splitlines()]
    values = {o["value"] for o in ts}
    assert {v if e is None else f"{v}/{e}" for v, e in wanted} <= values
    ts_csv = list(csv.DictReader(io.StringIO(files["timesketch"][0].read_text(encoding="utf-8"))))
    assert [r["value"] for r in ts_csv] == [o["value"] for o in ts]

    md = files["markdown"][0].read_text(encoding="utf-8")
    page = lxml.html.fromstring(files["html"][0].read_text(encoding="utf-8"))
    dates = {el.text_content() for el in page.find_class("date")}
    for value, end in wanted:
        assert timevalue.label(value, end) in dates
        assert f"### {timevalue.label(value, end)} — " in md

    for path in files["timeml"]:
        root = etree.parse(str(path)).getroot()
        doc = next(d for d in engine_bundle.documents if path.name.startswith(f"{d.id}-"))
        assert "".join(root.find("TEXT").itertext()) == doc.text
        tagged = [(el.text, el.get("value")) for el in root.find("TEXT")]
        assert ("first half of 2024", "2024-H1") in tagged
        assert ("next month", "2024-11") in tagged
