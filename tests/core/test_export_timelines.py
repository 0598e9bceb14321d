"""Date-axis formats: TimelineJS3, iCalendar and Timesketch, each parsed back by its reader."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import json

import lxml.html
import pytest
from export_fixtures import UNRESOLVED_ID, URL_B, hostile_bundle, seed_bundle
from icalendar import Calendar

from dateline.core import timevalue
from dateline.core.export import render, write_export

# ---- TimelineJS3 ----


def _slides(bundle=None) -> dict[str, dict]:
    data = json.loads(render(bundle or seed_bundle(), "timelinejs"))
    return {s["unique_id"]: s for s in data["events"]}


def test_timelinejs_places_every_resolved_event_once():
    data = json.loads(render(seed_bundle(), "timelinejs"))
    ids = [s["unique_id"] for s in data["events"]]
    assert len(ids) == len(set(ids)) == 7
    assert f"event-{UNRESOLVED_ID}" not in ids
    assert data["title"]["text"]["headline"] == "NATO and Ukraine, October 2024"


def test_timelinejs_dates_carry_only_the_known_parts():
    slides = _slides()
    for s in slides.values():
        for key in ("start_date", "end_date"):
            if key in s:
                assert all(isinstance(v, str) and v.isdigit() for v in s[key].values())
    h1 = slides["event-1"]
    assert h1["start_date"] == {"year": "2024", "month": "1"}
    # the end is the last day of June: a month-only end would read as 1 June in TimelineJS
    assert h1["end_date"] == {"year": "2024", "month": "6", "day": "30"}
    assert h1["display_date"] == "H1 2024"
    july = slides["event-2"]
    assert july["start_date"] == {"year": "2024", "month": "7"}  # no invented day
    assert "end_date" not in july and "display_date" not in july
    day = slides["event-3"]
    assert day["start_date"] == {"year": "2024", "month": "10", "day": "16"}
    ministerial = slides["event-5"]
    assert ministerial["start_date"] == {"year": "2024", "month": "10", "day": "17"}
    assert ministerial["end_date"] == {"year": "2024", "month": "10", "day": "18"}
    assert ministerial["display_date"] == "Thu 17 - Fri 18 Oct 2024"


def test_timelinejs_text_is_html_with_escaped_quotes_and_links():
    slides = _slides()
    body = lxml.html.fragment_fromstring(slides["event-3"]["text"]["text"], create_parent="div")
    quotes = [q.text_content() for q in body.iter("blockquote")]
    assert len(quotes) == 4
    assert "NATO chief Mark Rutte said Wednesday" in quotes[0]
    assert [a.get("href") for a in body.iter("a")] == [URL_B, URL_B]
    assert slides["event-3"]["group"] == "aid"
    assert slides["event-6"]["group"] == ""


def test_timelinejs_escapes_hostile_data_and_drops_unsafe_links():
    slide = _slides(hostile_bundle())["event-90"]
    assert slide["text"]["headline"].startswith("&lt;script&gt;")
    body = lxml.html.fragment_fromstring(slide["text"]["text"], create_parent="div")
    assert not list(body.iter("script", "img", "b"))
    assert not list(body.iter("a"))  # the article's javascript: URL is not a link
    assert "<img src=x onerror=alert(1)>" in body.text_content()


# ---- iCalendar ----


def _vevents(text: str) -> dict[str, object]:
    cal = Calendar.from_ical(text)
    return {str(ev["uid"]): ev for ev in cal.walk("VEVENT")}


def test_ics_events_are_all_day_with_exclusive_end(tmp_path):
    bundle = seed_bundle()
    out = write_export(bundle, "ics", tmp_path / "t.ics")[0]
    cal = Calendar.from_ical(out.read_bytes())
    events = {int(str(ev["uid"]).split("-")[1]): ev for ev in cal.walk("VEVENT")}
    assert UNRESOLVED_ID not in events and len(events) == 7
    assert str(cal["x-dateline-skipped"]) == "1"
    for record in bundle.events:
        if record.id == UNRESOLVED_ID:
            continue
        ev = events[record.id]
        start, end = ev.decoded("dtstart"), ev.decoded("dtend")
        assert type(start) is dt.date and type(end) is dt.date  # all-day, not datetimes
        assert ev["dtstart"].params["VALUE"] == "DATE"
        assert start == record.earliest
        assert end == record.latest + dt.timedelta(days=1)
        assert str(ev["summary"]) == record.title
    assert (events[1].decoded("dtstart"), events[1].decoded("dtend")) == (
        dt.date(2024, 1, 1),
        dt.date(2024, 7, 1),
    )
    assert events[5].decoded("dtend") == dt.date(2024, 10, 19)
    assert events[7].decoded("dtend") == dt.date(2024, 12, 1)


def test_ics_uids_are_stable_across_exports_and_distinct_per_project():
    first = _vevents(render(seed_bundle(), "ics"))
    again = _vevents(render(seed_bundle(generated_at="2027-01-01T00:00:00Z"), "ics"))
    other = _vevents(render(seed_bundle(project_key="/elsewhere.dateline"), "ics"))
    assert set(first) == set(again)
    assert len(first) == 7
    assert not set(first) & set(other)


def test_ics_description_categories_and_status():
    events = {
        str(ev["summary"]): ev
        for ev in Calendar.from_ical(render(seed_bundle(), "ics")).walk("VEVENT")
    }
    ev = events["Zelenskyy presents his victory plan to Ukraine's parliament"]
    desc = str(ev["description"])
    assert "Grade: B3" in desc and "Kyiv, not Brussels." in desc
    assert "presented Wednesday to Ukraine’s parliament" in desc
    assert "NATO on track to deliver €40 billion for Ukraine" in desc
    assert [str(c) for c in ev["categories"].cats] == ["ukraine", "membership"]
    assert str(ev["status"]) == "CONFIRMED" and str(ev["location"]) == "Kyiv"
    visit = events["Zelenskyy visits Brussels to meet EU leaders and NATO defence ministers"]
    assert str(visit["status"]) == "TENTATIVE" and "categories" not in visit


# ---- Timesketch ----


def test_timesketch_csv_rows_have_the_required_columns():
    rows = list(csv.DictReader(io.StringIO(render(seed_bundle(), "timesketch"), newline="")))
    assert len(rows) == 7
    for r in rows:
        assert r["message"] and r["timestamp_desc"].startswith("Event ")
        when = dt.datetime.fromisoformat(r["datetime"])
        assert when.utcoffset() == dt.timedelta(0)
        assert int(r["timestamp"]) == int(when.timestamp()) * 1_000_000
    h1 = rows[0]
    assert h1["datetime"] == "2024-01-01T00:00:00+00:00"
    assert h1["timestamp"] == "1704067200000000"
    assert h1["timestamp_desc"] == "Event date (half)"
    assert json.loads(h1["tag"]) == ["aid", "funding"]
    assert h1["status"] == "accepted" and h1["quote"].startswith("“I can announce")
    assert rows[1]["timestamp_desc"] == "Event date (month)"
    assert rows[2]["timestamp_desc"] == "Event date (day)"
    assert rows[4]["timestamp_desc"] == "Event start (day)"  # the 17-18 Oct range


def test_timesketch_jsonl_one_object_per_line():
    lines = render(seed_bundle(), "timesketch-jsonl").splitlines()
    objs = [json.loads(line) for line in lines]
    assert len(objs) == 7
    day = next(o for o in objs if o["event_id"] == 3)
    assert day["timestamp"] == 1729036800000000 and isinstance(day["timestamp"], int)
    assert day["datetime"] == "2024-10-16T00:00:00+00:00"
    assert day["tag"] == ["aid"]
    assert len(day["source_documents"]) == 2


def test_timesketch_clock_times_are_read_as_utc():
    bundle = seed_bundle()
    timed = dataclasses.replace(bundle.events[2], value="2024-10-16T10:30")
    obj = json.loads(render(seed_bundle(events=(timed,)), "timesketch-jsonl"))
    assert obj["datetime"] == "2024-10-16T10:30:00+00:00"
    assert obj["timestamp"] == 1729074600000000
    assert obj["timestamp_desc"] == "Event date (minute)"


# ---- every precision, one event each ----

PRECISIONS = [
    # value, TimelineJS start, end, display_date, iCalendar first day, day after the last
    ("2024-Q3", {"year": "2024", "month": "7"}, {"year": "2024", "month": "9", "day": "30"}, "Q3 2024",
     dt.date(2024, 7, 1), dt.date(2024, 10, 1)),
    ("2024-WI", {"year": "2024", "month": "12"}, {"year": "2025", "month": "2", "day": "28"},
     "Winter 2024",
     dt.date(2024, 12, 1), dt.date(2025, 3, 1)),
    ("2024-SU", {"year": "2024", "month": "6"}, {"year": "2024", "month": "8", "day": "31"},
     "Summer 2024",
     dt.date(2024, 6, 1), dt.date(2024, 9, 1)),
    ("2024-W42", {"year": "2024", "month": "10", "day": "14"},
     {"year": "2024", "month": "10", "day": "20"}, "Week 42 2024",
     dt.date(2024, 10, 14), dt.date(2024, 10, 21)),
    ("199", {"year": "1990"}, {"year": "1999", "month": "12", "day": "31"}, "1990s",
     dt.date(1990, 1, 1), dt.date(2000, 1, 1)),
    ("2024", {"year": "2024"}, None, None, dt.date(2024, 1, 1), dt.date(2025, 1, 1)),
    ("2024-02", {"year": "2024", "month": "2"}, None, None, dt.date(2024, 2, 1), dt.date(2024, 3, 1)),
    ("2024-10-16T10:30", {"year": "2024", "month": "10", "day": "16", "hour": "10", "minute": "30"},
     None, None, dt.date(2024, 10, 16), dt.date(2024, 10, 17)),
]  # fmt: skip


def _one(value: str, **changes):
    first, last = timevalue.span(value, changes.get("end"))  # type: ignore[arg-type]
    event = dataclasses.replace(
        seed_bundle().events[2], value=value, earliest=first, latest=last, **changes
    )
    return seed_bundle(events=(event,))


@pytest.mark.parametrize(("value", "start", "end", "display", "first", "after"), PRECISIONS)
def test_coarse_and_fine_values_in_timelinejs_and_ics(value, start, end, display, first, after):
    bundle = _one(value)
    [s] = json.loads(render(bundle, "timelinejs"))["events"]
    assert s["start_date"] == start
    assert s.get("end_date") == end
    assert s.get("display_date") == display
    [ev] = Calendar.from_ical(render(bundle, "ics")).walk("VEVENT")
    assert (ev.decoded("dtstart"), ev.decoded("dtend")) == (first, after)


def test_timelinejs_says_when_a_date_is_uncertain():
    [s] = json.loads(render(_one("2024-10", flags=("date-conflict",)), "timelinejs"))["events"]
    assert s["display_date"] == "Oct 2024 (uncertain)"
    assert s["start_date"] == {"year": "2024", "month": "10"}


def test_a_range_ending_at_a_coarser_value_ends_on_its_last_day():
    [s] = json.loads(render(_one("2024-10-30", end="2024-11"), "timelinejs"))["events"]
    assert s["end_date"] == {"year": "2024", "month": "11", "day": "30"}
    [ev] = Calendar.from_ical(render(_one("2024-10-30", end="2024-11"), "ics")).walk("VEVENT")
    assert ev.decoded("dtend") == dt.date(2024, 12, 1)
