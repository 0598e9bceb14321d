"""`dateline export` as a file that is handed on: notes stay private unless asked for, calendars of two
projects never collide, and events a format cannot place are named, not dropped silently."""

from __future__ import annotations

import json

from icalendar import Calendar

from dateline.cli import main


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def _project(tmp_path, capsys, name="p.db", undated=False):
    db = tmp_path / name
    assert run(capsys, "import", "--samples", "--db", db)[0] == 0
    if undated:
        article = tmp_path / "undated.txt"
        article.write_text(
            "Minister visits port\n\nThe minister said on Wednesday that the port would reopen.\n",
            encoding="utf-8",
        )
        assert run(capsys, "import", article, "--db", db)[0] == 0
    _, out, _ = run(capsys, "events", "--format", "json", "--db", db)
    ids = [e["id"] for e in json.loads(out)["events"]]
    assert run(capsys, "accept", *ids, "--db", db)[0] == 0
    return db, ids


def _uids(path):
    return {str(ev["uid"]) for ev in Calendar.from_ical(path.read_bytes()).walk("VEVENT")}


def test_calendar_uids_are_stable_per_project_and_distinct_between_projects(tmp_path, capsys):
    a, _ = _project(tmp_path, capsys, "a.db")
    b, _ = _project(tmp_path, capsys, "b.db")
    for db, out in ((a, "a1.ics"), (a, "a2.ics"), (b, "b.ics")):
        assert run(capsys, "export", "--format", "ics", "--out", tmp_path / out, "--db", db)[0] == 0
    first, again, other = (_uids(tmp_path / n) for n in ("a1.ics", "a2.ics", "b.ics"))
    assert first == again and len(first) >= 7
    assert not first & other


def test_notes_are_private_unless_the_export_asks_for_them(tmp_path, capsys):
    db, ids = _project(tmp_path, capsys)
    assert run(capsys, "note", ids[0], "Source is my contact at the ministry", "--db", db)[0] == 0
    for fmt, suffix in (("json", ".json"), ("html", ".html"), ("csv", ".csv"), ("ics", ".ics")):
        private, shared = tmp_path / f"private{suffix}", tmp_path / f"shared{suffix}"
        assert run(capsys, "export", "--format", fmt, "--out", private, "--db", db)[0] == 0
        code, out, _ = run(
            capsys, "export", "--format", fmt, "--out", shared, "--notes", "--db", db
        )
        assert code == 0 and "(with notes)" in out
        assert "my contact" not in private.read_text(encoding="utf-8-sig"), fmt
        assert "my contact" in shared.read_text(encoding="utf-8-sig").replace("\r\n ", ""), fmt


def test_events_a_format_cannot_place_are_counted_and_named(tmp_path, capsys):
    db, ids = _project(tmp_path, capsys, undated=True)
    out_file = tmp_path / "t.json"
    code, out, err = run(capsys, "export", "--format", "timelinejs", "--out", out_file, "--db", db)
    assert code == 0
    slides = {s["unique_id"] for s in json.loads(out_file.read_text())["events"]}
    missing = sorted(set(ids) - {int(u.split("-")[1]) for u in slides})
    assert missing, "the undated article should give an event without a resolved date"
    assert f"Left out {len(missing)} event" in err
    for eid in missing:
        assert f"#{eid} " in err
    assert f"Exported {len(slides)} events" in out
    # a format that keeps every event says nothing of the kind
    code, _, err = run(capsys, "export", "--format", "csv", "--out", tmp_path / "t.csv", "--db", db)
    assert code == 0 and "Left out" not in err
