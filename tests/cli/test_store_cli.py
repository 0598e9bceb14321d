"""The database subcommands end to end: import, list, scripted review, history, export, errors."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys

import pytest

from dateline.cli import main


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def events(capsys, *extra):
    code, out, _ = run(capsys, "events", "--format", "json", *extra)
    assert code == 0
    return json.loads(out)


def find(data, value, phrase):
    hits = [
        e
        for e in data["events"]
        if e["value"] == value and any(phrase in s["sentence"] for s in e["sources"])
    ]
    assert len(hits) == 1, (value, phrase, hits)
    return hits[0]


def test_import_then_events_lists_the_gold_events_with_sources(db, capsys, seeds_dir, gold):
    code, out, _ = run(capsys, "import", seeds_dir)
    assert code == 0
    assert "2 imported, 0 duplicates, 0 failed" in out
    data = events(capsys)
    docs = {d["id"]: d for d in data["documents"]}
    assert len(docs) == 2 and all(d["published"] == "2024-10-16" for d in docs.values())
    for g in gold["events"]:
        for _doc, phrase in g["sources"]:
            e = find(data, g["value"], phrase)
            assert e["status"] == "proposed" and e["end"] == g.get("end")
            for key in ("id", "title", "granularity", "earliest", "latest", "confidence", "tags", "notes",
                        "reliability", "credibility"):  # fmt: skip
                assert key in e
            s = e["sources"][0]
            assert {"document", "start", "end", "text", "sentence", "rule"} <= set(s)
            assert s["document"] in docs
    # importing again adds nothing
    code, out, _ = run(capsys, "import", seeds_dir)
    assert code == 0 and "0 imported, 2 duplicates" in out
    assert events(capsys) == data


def test_scripted_review_and_history(db, capsys, seeds_dir):
    run(capsys, "import", seeds_dir)
    data = events(capsys)
    h1 = find(data, "2024-H1", "first half")["id"]
    nov = find(data, "2024-11", "Wiesbaden")["id"]
    july = find(data, "2024-07", "July")["id"]
    visit = find(data, "2024-10-17", "visit to Brussels")["id"]
    press = find(data, "2024-10-16", "Rutte said Wednesday")["id"]
    parliament = find(data, "2024-10-16", "presented Wednesday")["id"]

    assert run(capsys, "accept", h1, nov)[1].strip() == "Accepted 2 events"
    assert run(capsys, "reject", visit)[1].strip() == "Rejected 1 event"
    assert run(capsys, "edit", july, "--date", "2024-07-09")[0] == 0
    assert run(capsys, "edit", h1, "--reliability", "B", "--credibility", "2")[0] == 0
    assert run(capsys, "tag", press, parliament, "--add", "brussels")[0] == 0
    assert run(capsys, "note", press, "Both articles report it")[0] == 0
    assert run(capsys, "merge", press, parliament)[0] == 0

    accepted = events(capsys, "--status", "accepted")
    assert {e["id"] for e in accepted["events"]} == {h1, nov}
    assert [e["id"] for e in events(capsys, "--tag", "brussels")["events"]] == [press]
    j = next(e for e in events(capsys)["events"] if e["id"] == july)
    assert (j["value"], j["granularity"], j["status"]) == ("2024-07-09", "day", "edited")
    graded = next(e for e in accepted["events"] if e["id"] == h1)
    assert (graded["reliability"], graded["credibility"]) == ("B", 2)
    assert [e["id"] for e in events(capsys, "--search", "Both articles")["events"]] == [press]
    window = events(capsys, "--from", "2024-10-17", "--to", "2024-10-31")["events"]
    assert visit in {e["id"] for e in window} and h1 not in {e["id"] for e in window}

    code, out, _ = run(capsys, "history")
    assert code == 0
    for action in ("accept", "reject", "set-date", "edit", "tag", "note", "merge"):
        assert f" {action} event " in out, action
    assert "value: Jul 2024 -> Tue 9 Jul 2024" in out
    assert "status: proposed -> rejected" in out
    code, out, _ = run(capsys, "history", july, "--format", "json")
    rows = json.loads(out)
    assert rows[-1]["before"]["value"] == "2024-07" and rows[-1]["after"]["value"] == "2024-07-09"

    code, out, _ = run(capsys, "split", press)
    assert code == 0 and "Split" in out
    assert parliament in {e["id"] for e in events(capsys)["events"]}

    code, out, _ = run(capsys, "stats")
    assert code == 0 and "accepted 2" in out


def test_set_published_and_documents(db, capsys, seeds_dir):
    run(capsys, "import", seeds_dir)
    code, out, _ = run(capsys, "documents")
    assert code == 0 and "2024-10-16" in out
    code, out, _ = run(capsys, "set-published", "1", "2024-12-11")
    assert code == 0 and "Set the publication date of document 1 to 2024-12-11" in out
    code, out, err = run(capsys, "set-published", "1", "2024-13-01")
    assert code == 2 and "not a valid date" in err
    code, out, _ = run(capsys, "reextract")
    assert code == 0 and "Re-extracted 2 documents" in out


def test_export_writes_the_reviewed_events(db, capsys, seeds_dir, tmp_path):
    run(capsys, "import", seeds_dir)
    data = events(capsys)
    h1 = find(data, "2024-H1", "first half")["id"]
    run(capsys, "accept", h1)
    out_file = tmp_path / "timeline.json"
    code, out, err = run(capsys, "export", "--format", "json", "--out", out_file)
    assert code == 0, err
    assert out_file.exists() and str(out_file) in out
    exported = json.loads(out_file.read_text(encoding="utf-8"))
    assert [e["id"] for e in exported["events"]] == [h1]
    code, _, err = run(
        capsys, "export", "--format", "csv", "--out", tmp_path / "all.csv", "--status", "all"
    )
    assert code == 0, err
    assert len((tmp_path / "all.csv").read_text(encoding="utf-8-sig").splitlines()) > len(
        data["events"]
    )


def test_errors_are_one_sentence_and_an_exit_code(db, capsys, seeds_dir, tmp_path):
    run(capsys, "import", seeds_dir)
    code, _, err = run(capsys, "accept", "999")
    assert code == 3 and err.strip() == "dateline: There is no event 999."
    code, _, err = run(capsys, "edit", "1", "--date", "2024-02-30")
    assert code == 2 and "not a date" in err and "Traceback" not in err
    code, _, err = run(capsys, "edit", "1", "--credibility", "9")
    assert code == 2 and "credibility" in err.lower()
    code, _, err = run(capsys, "events", "--status", "maybe")
    assert code == 2 and "Unknown status" in err
    code, _, err = run(capsys, "merge", "1")
    assert code == 2
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    (bad / "bin.txt").write_bytes(b"\x00\x01\x02" * 1000)
    code, out, err = run(capsys, "import", bad)
    assert code == 2 and "failed" in out and "none of the 2 files" in err


@pytest.mark.slow  # waits out the busy timeout
def test_locked_database_is_reported_without_traceback(db, capsys, seeds_dir):
    run(capsys, "import", seeds_dir)
    blocker = sqlite3.connect(db, isolation_level=None)
    blocker.execute("BEGIN EXCLUSIVE")
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "dateline", "accept", "1", "--db", str(db)],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    assert proc.returncode == 5
    assert "Traceback" not in proc.stderr
    assert "locked" in proc.stderr and proc.stderr.count("\n") == 1


def test_edit_dates_ranges_and_precision(db, capsys, seeds_dir):
    run(capsys, "import", seeds_dir)
    eid = find(events(capsys), "2024-11", "Wiesbaden")["id"]
    assert run(capsys, "edit", eid, "--date", "2024-11-04", "--end", "2024-11-08")[0] == 0
    e = next(x for x in events(capsys)["events"] if x["id"] == eid)
    assert (e["value"], e["end"], e["earliest"], e["latest"]) == (
        "2024-11-04",
        "2024-11-08",
        "2024-11-04",
        "2024-11-08",
    )
    assert run(capsys, "edit", eid, "--date", "2024-11-05")[0] == 0
    e = next(x for x in events(capsys)["events"] if x["id"] == eid)
    assert (e["value"], e["end"]) == ("2024-11-05", None)
    assert run(capsys, "edit", eid, "--precision", "month")[0] == 0
    e = next(x for x in events(capsys)["events"] if x["id"] == eid)
    assert (e["value"], e["granularity"], e["status"]) == ("2024-11", "month", "edited")
