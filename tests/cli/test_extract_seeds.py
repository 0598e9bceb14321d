"""Acceptance: `dateline extract seeds/*.txt --format json` reproduces the gold timeline of the seeds."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.fixture(scope="module")
def extracted() -> dict:
    files = sorted(str(p) for p in SEEDS.glob("*.txt"))
    proc = subprocess.run(
        [sys.executable, "-m", "dateline", "extract", *files, "--format", "json"],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def _occurrence(text: str, needle: str, nth: int) -> int:
    starts = [m.start() for m in re.finditer(re.escape(needle), text)]
    assert len(starts) >= nth, f"gold text {needle!r} occurs {len(starts)} times"
    return starts[nth - 1]


def _doc_texts(extracted: dict) -> dict[str, str]:
    return {d["id"]: (SEEDS / d["id"]).read_text(encoding="utf-8") for d in extracted["documents"]}


def test_both_seed_articles_are_read_with_their_publication_date(extracted):
    docs = {d["id"]: d for d in extracted["documents"]}
    assert set(docs) == {"000_4469d01aed9a9573.txt", "001_be753c90a74e32cd.txt"}
    assert all(d["published"] == "2024-10-16" for d in docs.values())
    assert docs["001_be753c90a74e32cd.txt"]["title"].startswith("NATO pledges money")


def test_every_required_mention_is_found_with_its_exact_value(extracted, gold):
    texts = _doc_texts(extracted)
    by_doc: dict[str, list[dict]] = {}
    for t in extracted["timexes"]:
        by_doc.setdefault(t["document"], []).append(t)
    missing = []
    for m in gold["mentions"]:
        start = _occurrence(texts[m["doc"]], m["text"], m["nth"])
        end = start + len(m["text"])
        hits = [t for t in by_doc[m["doc"]] if t["start"] <= start and end <= t["end"]]
        if not hits or hits[0]["value"] != m["value"]:
            if not m.get("optional"):
                missing.append((m["doc"][:3], m["text"], m["nth"], m["value"], hits[:1]))
        elif hits:
            # The span is the expression itself, never with a leading preposition.
            assert not re.match(r"(?i)(on|in|at|during|by)\s", hits[0]["text"]), hits[0]
    assert not missing, missing


def test_no_false_dates(extracted, gold):
    texts = _doc_texts(extracted)
    wrong = []
    for nd in gold["not_dates"]:
        for doc, text in texts.items():
            for m in re.finditer(rf"(?<!\w){re.escape(nd['text'])}(?!\w)", text):
                for t in extracted["timexes"]:
                    if t["document"] == doc and t["start"] < m.end() and m.start() < t["end"]:
                        wrong.append((nd["text"], t["text"], t["value"]))
    assert not wrong, wrong


def _event_for(extracted: dict, gold_event: dict) -> list[dict]:
    """Proposed events carrying every gold source sentence of ``gold_event``."""
    found = []
    for e in extracted["events"]:
        ok = all(
            any(s["document"] == doc and phrase in s["sentence"] for s in e["sources"])
            for doc, phrase in gold_event["sources"]
        )
        if ok:
            found.append(e)
    return found


def test_all_seven_gold_events_are_proposed_with_the_right_date(extracted, gold):
    matched = {}
    for g in gold["events"]:
        candidates = _event_for(extracted, g)
        assert candidates, f"no proposed event holds all sources of {g['id']}"
        right = [e for e in candidates if e["value"] == g["value"] and e["end"] == g.get("end")]
        assert right, (g["id"], [(e["value"], e["end"], e["title"]) for e in candidates])
        matched[g["id"]] = right[0]["id"]
    # Seven happenings, seven distinct events.
    assert len(set(matched.values())) == len(gold["events"]), matched


def test_events_reported_by_both_articles_carry_sources_from_both(extracted, gold):
    for g in gold["events"]:
        gold_docs = {doc for doc, _ in g["sources"]}
        (event,) = [e for e in _event_for(extracted, g) if e["value"] == g["value"]][:1]
        assert {s["document"] for s in event["sources"]} >= gold_docs, g["id"]


def test_ministerial_is_one_two_day_event(extracted):
    (e,) = [
        e for e in extracted["events"] if e["value"] == "2024-10-17" and e["end"] == "2024-10-18"
    ]
    assert e["earliest"] == "2024-10-17" and e["latest"] == "2024-10-18"
    assert "ministers" in e["title"].lower()


def test_events_come_in_date_order(extracted):
    keys = [e["earliest"] or "9999" for e in extracted["events"]]
    assert keys == sorted(keys)


def test_titles_say_what_happened(extracted):
    titles: dict[str, list[str]] = {}
    for e in extracted["events"]:
        titles.setdefault(e["value"], []).append(e["title"])
    assert any("summit" in t.lower() for t in titles["2024-07"])
    assert any("wiesbaden" in t.lower() for t in titles["2024-11"])
    assert any(t.startswith("Rutte:") for t in titles["2024-10-16"])
    assert any("parliament" in t.lower() for t in titles["2024-10-16"])
    assert any("brussels" in t.lower() for t in titles["2024-10-17"])


def test_table_output_lists_the_timeline(tmp_path):
    files = sorted(str(p) for p in SEEDS.glob("*.txt"))
    proc = subprocess.run(
        [sys.executable, "-m", "dateline", "extract", *files],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert "Thu 17 - Fri 18 Oct 2024" in proc.stdout
    assert "Jul 2024" in proc.stdout and "H1 2024" in proc.stdout


def test_bad_date_argument_is_one_clear_line():
    proc = subprocess.run(
        [sys.executable, "-m", "dateline", "extract", str(SEEDS), "--published", "2024-02-30"],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert proc.returncode == 2
    assert "not a date" in proc.stderr and "Traceback" not in proc.stderr


def test_missing_file_is_reported_not_a_traceback(tmp_path):
    proc = subprocess.run(
        [sys.executable, "-m", "dateline", "extract", str(tmp_path / "nope.txt")],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert proc.returncode != 0
    assert "nope.txt" in proc.stderr and "Traceback" not in proc.stderr
