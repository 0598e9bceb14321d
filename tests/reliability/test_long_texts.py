"""A long file costs time linear in its length in every command that reads one.

The sizes are kept small for the test run by making the pieces small (``pieces.LONG``/``PIECE``);
``benchmarks/long_texts.py`` measures seconds per MB from 0.1 to 8 MB.
"""

from __future__ import annotations

import datetime as dt
import json
import sys

import pytest

from dateline.cli import main
from dateline.core import proposals
from dateline.core.ingest import pieces
from dateline.core.model import Article
from support.articles import long_article

PUBLISHED = dt.date(2020, 6, 1)


@pytest.fixture
def small_pieces(monkeypatch):
    monkeypatch.setattr(pieces, "LONG", 30_000)
    monkeypatch.setattr(pieces, "PIECE", 20_000)


def test_extract_reads_a_long_file_a_piece_at_a_time_as_the_import_does(
    small_pieces, tmp_path, capsys
):
    text = long_article(70_000)
    (tmp_path / "long.txt").write_text(text, "utf-8")
    (tmp_path / "short.txt").write_text(
        "Summit held in Vilnius\n\nLeaders met in Vilnius on 11 July 2023 and agreed a plan.\n",
        "utf-8",
    )
    read_at_once: list[int] = []  # the longest text each call of propose_events is given

    def profile(frame, event, arg) -> None:
        if event == "call" and frame.f_code is proposals.propose_events.__code__:
            read_at_once.append(max(len(a.text) for a in frame.f_locals["articles"]))

    sys.setprofile(profile)
    try:
        code = main(
            ["extract", str(tmp_path), "--published", PUBLISHED.isoformat(), "--format", "json"]
        )
    finally:
        sys.setprofile(None)
    out = json.loads(capsys.readouterr().out)
    assert code == 0
    # Proposals cost more than linear time in the length of the text they read: never the whole.
    assert read_at_once and max(read_at_once) < len(text) * 3 // 4

    reading = pieces.read(Article("long.txt", text, published=PUBLISHED))
    assert len(reading.parts) > 1, "the file is long enough to be read in pieces"

    def report(source: dict) -> tuple[int, int, str]:
        return source["start"], source["end"], source["value"]

    from_long = sorted(
        report(s) for e in out["events"] for s in e["sources"] if s["document"] == "long.txt"
    )
    assert from_long == sorted(
        (s.start, s.end, s.value) for p in reading.proposals for s in p.sources
    )
    assert [(t["start"], t["end"]) for t in out["timexes"] if t["document"] == "long.txt"] == [
        (t.start, t.end) for t in reading.timexes
    ]
    short = {e["value"] for e in out["events"] if e["sources"][0]["document"] == "short.txt"}
    assert "2023-07-11" in short  # the short article is read whole, as before
