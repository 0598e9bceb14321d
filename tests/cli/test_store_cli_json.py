"""`dateline events --format json` and the JSON export describe the same reviewed events the same way."""

from __future__ import annotations

import json

from dateline.cli import main


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    assert code == 0, err
    return out


def _find(events, value, phrase):
    [hit] = [
        e
        for e in events
        if e["value"] == value and any(phrase in s["sentence"] for s in e["sources"])
    ]
    return hit["id"]


def _same_ids(record: dict) -> dict:
    """The CLI names documents by string (as `dateline extract` does), the export by number."""
    out = dict(record)
    for key in ("id", "document"):
        if key in out and isinstance(out[key], str) and out[key].isdigit():
            out[key] = int(out[key])
    return out


def test_cli_events_and_json_export_agree_on_the_reviewed_seeds(db, capsys, seeds_dir, tmp_path):
    run(capsys, "import", seeds_dir)
    events = json.loads(run(capsys, "events", "--format", "json"))["events"]
    h1 = _find(events, "2024-H1", "first half")
    nov = _find(events, "2024-11", "Wiesbaden")
    july = _find(events, "2024-07", "July")
    visit = _find(events, "2024-10-17", "visit to Brussels")
    press = _find(events, "2024-10-16", "Rutte said Wednesday")
    run(capsys, "accept", h1, nov)
    run(capsys, "reject", visit)
    run(capsys, "edit", july, "--date", "2024-07-09")
    run(capsys, "edit", h1, "--reliability", "B", "--credibility", "2")
    run(capsys, "tag", h1, press, "--add", "brussels")
    run(capsys, "note", press, "Both articles report it")

    cli = json.loads(run(capsys, "events", "--format", "json"))
    out = tmp_path / "all.json"
    run(capsys, "export", "--format", "json", "--out", out, "--status", "all", "--notes")
    exported = json.loads(out.read_text(encoding="utf-8"))

    cli_events = {e["id"]: e for e in cli["events"]}
    export_events = {e["id"]: e for e in exported["events"]}
    assert set(cli_events) == set(export_events) and len(cli_events) >= 7
    for eid, c in cli_events.items():
        x = export_events[eid]
        # one builder: the export has exactly the CLI's keys plus its audit summary
        assert set(x) - set(c) == {"audit"} and set(c) <= set(x), eid
        assert {k: v for k, v in c.items() if k != "sources"} == {
            k: x[k] for k in c if k != "sources"
        }, eid
        assert [_same_ids(s) for s in c["sources"]] == x["sources"], eid
    assert cli_events[h1]["grade"] == "B2" and cli_events[h1]["tags"] == ["brussels"]
    assert export_events[press]["notes"] == "Both articles report it"
    assert export_events[h1]["audit"]["changes"] >= 3

    cli_docs = {int(d["id"]): _same_ids(d) for d in cli["documents"]}
    export_docs = {d["id"]: d for d in exported["documents"]}
    assert cli_docs == export_docs and len(cli_docs) == 2
