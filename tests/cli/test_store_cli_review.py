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
    before = run(capsys, "suggestions")[1]
    # the press conference: Rutte's statements dated Wednesday by both articles
    press = max(
        (e for e in _events(capsys) if e["title"].startswith("Rutte:")),
        key=lambda e: len(e["sources"]),
    )
    assert len({s["document"] for s in press["sources"]}) == 2
    doc = press["sources"][-1]["document"]
    moved = [str(s["id"]) for s in press["sources"] if s["document"] == doc]
    assert run(capsys, "split", press["id"], "--sources", *moved)[0] == 0
    code, out, _ = run(capsys, "suggestions", press["id"])
    assert code == 0 and str(press["id"]) in out.split()[:2]
    pair = out.split()[:2]
    code, out, _ = run(capsys, "dismiss", *pair)
    assert code == 0 and "not be suggested" in out
    listed = [line.split()[:2] for line in run(capsys, "suggestions")[1].splitlines()]
    assert pair not in listed and pair not in [line.split()[:2] for line in before.splitlines()]

    (hub,) = [e for e in _events(capsys) if "Wiesbaden" in e["title"] and e["value"] == "2024-11"]
    code, out, _ = run(capsys, "set-source", hub["sources"][0]["id"], "2025-03")
    assert code == 0 and "2025-03" in out
    (hub,) = [e for e in _events(capsys) if e["id"] == hub["id"]]
    assert "date-conflict" in hub["flags"]
    code, _, err = run(capsys, "set-source", hub["sources"][0]["id"], "someday")
    assert code != 0 and "someday" in err and "Traceback" not in err
