"""Merge review from the command line: suggestions, dismiss, re-date one source."""

from __future__ import annotations

import json

from dateline.cli import main


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def _events(capsys):
    code, out, _ = run(capsys, "events", "--format", "json")
    assert code == 0
    return json.loads(out)["events"]


def test_split_statement_is_suggested_dismissed_and_a_source_redated(db, capsys, seeds_dir):
    assert run(capsys, "import", seeds_dir)[0] == 0
    assert "No merge suggestions" in run(capsys, "suggestions")[1]
    (press,) = [e for e in _events(capsys) if e["title"].startswith("Rutte:")]
    doc = press["sources"][-1]["document"]
    moved = [str(s["id"]) for s in press["sources"] if s["document"] == doc]
    assert run(capsys, "split", press["id"], "--sources", *moved)[0] == 0
    code, out, _ = run(capsys, "suggestions", press["id"])
    assert code == 0 and "1.00" in out and str(press["id"]) in out
    code, out, _ = run(capsys, "dismiss", *out.split()[:2])
    assert code == 0 and "not be suggested" in out
    assert "No merge suggestions" in run(capsys, "suggestions")[1]

    (hub,) = [e for e in _events(capsys) if "Wiesbaden" in e["title"]]
    code, out, _ = run(capsys, "set-source", hub["sources"][0]["id"], "2025-03")
    assert code == 0 and "2025-03" in out
    (hub,) = [e for e in _events(capsys) if "Wiesbaden" in e["title"]]
    assert "date-conflict" in hub["flags"]
    code, _, err = run(capsys, "set-source", hub["sources"][0]["id"], "someday")
    assert code != 0 and "someday" in err and "Traceback" not in err
