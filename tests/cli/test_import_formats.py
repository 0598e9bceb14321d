"""`dateline import` on a folder as analysts have one: pasted articles with date lines, a dump of
several articles, a PDF, a Word file, a forwarded e-mail and a saved web page full of furniture."""

from __future__ import annotations

import json
from pathlib import Path

from dateline.cli import main
from dateline.core.corroboration import corroboration_text, independent_documents
from dateline.core.store import Store
from support.documents import (
    ARTICLE_PAGE,
    FURNITURE_DATES,
    ROLLOUT_BODY,
    ROLLOUT_HEADLINE,
    docx_bytes,
    forwarded_email,
    pdf_bytes,
)

DUMP_STORY = "Officials from both airlines met in Toulouse to review the schedule and the costs. "


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    body = "\n\n".join(ROLLOUT_BODY)
    (folder / "a_dateline.txt").write_text(
        f"{ROLLOUT_HEADLINE}\nMarch 01, 2008\n\n{body}\n", "utf-8"
    )
    (folder / "b_byline.txt").write_text(
        "Dreamliner schedule slips again\nBy Jane Doe | Mar. 4, 2008\n\n"
        "Boeing said on Tuesday the first flight of the 787 would slip to June.\n",
        "utf-8",
    )
    (folder / "c_wire.txt").write_text(
        "Airbus confirms A350 timetable\nSat Mar 8, 2008 10:32am EST\n\n"
        "TOULOUSE, March 8 (Reuters) - Airbus said on Saturday the A350 would fly in 2012.\n",
        "utf-8",
    )
    (folder / "d_dump.txt").write_text(
        f"Airlines review 787 orders\n12 March 2008\n\n{DUMP_STORY * 6}\n\n"
        f"Unions warn of strike at Boeing\n2008-03-14\n\n{DUMP_STORY * 6}\n",
        "utf-8",
    )
    (folder / "e_report.pdf").write_bytes(
        pdf_bytes([["Quarterly aviation report", "March 10, 2008", *ROLLOUT_BODY[1:]]])
    )
    (folder / "f_memo.docx").write_bytes(
        docx_bytes(["By Jane Doe | March 11, 2008", ROLLOUT_BODY[2]], heading="Memo on the 787")
    )
    (folder / "g_forward.eml").write_bytes(forwarded_email())
    (folder / "h_page.html").write_text(ARTICLE_PAGE, "utf-8")
    return folder


def test_import_reads_every_publication_date_and_no_date_line_becomes_an_event(
    db, capsys, tmp_path
):
    folder = _folder(tmp_path)
    code, out, err = run(capsys, "import", folder)
    assert code == 0, err
    assert "9 imported, 0 duplicates, 0 failed" in out
    assert "without publication date" not in out
    # the forwarded e-mail carries the pasted article: imported, linked, not a second report
    assert "g_forward.eml (document 8) of document 1 (" in out
    assert "4 copies of articles already imported" in out

    code, out, _ = run(capsys, "documents", "--format", "json")
    docs = {Path(d["path"]).name: d for d in json.loads(out)}
    expected = {
        "a_dateline.txt": ("2008-03-01", "dateline"),
        "b_byline.txt": ("2008-03-04", "dateline"),
        "c_wire.txt": ("2008-03-08", "dateline"),
        "d_dump.txt#0": ("2008-03-12", "dateline"),
        "d_dump.txt#1": ("2008-03-14", "dateline"),
        "e_report.pdf": ("2008-03-10", "dateline"),
        "f_memo.docx": ("2008-03-11", "dateline"),
        "g_forward.eml": ("2008-03-01", "email"),
        "h_page.html": ("2008-03-01", "metadata"),
    }
    assert {n: (d["published"], d["published_source"]) for n, d in docs.items()} == expected
    assert docs["d_dump.txt#1"]["title"] == "Unions warn of strike at Boeing"

    code, out, _ = run(capsys, "events", "--format", "json")
    events = json.loads(out)["events"]
    assert events
    for event in events:
        assert event["title"].strip()
        for source in event["sources"]:
            # No date line, byline date, wire date or page-furniture date is a source of an event.
            assert "2008" not in source["text"], source
            assert not any(d in source["sentence"] for d in FURNITURE_DATES), source
            assert "ADVERTISEMENT" not in source["sentence"]

    # The PDF, the Word file and the forwarded e-mail carry the pasted article (the copies listed
    # above): an event they report with it is one independent report, however many copies repeat it.
    original = docs["a_dateline.txt"]["id"]
    copies = {docs[n]["id"] for n in ("e_report.pdf", "f_memo.docx", "g_forward.eml")}
    shared = {}
    for e in events:
        reporting = {s["document"] for s in e["sources"]}
        if {original, docs["g_forward.eml"]["id"]} <= reporting <= {original, *copies}:
            shared[int(e["id"])] = len(reporting) - 1
    assert shared, "no event reported by the article and its forwarded copy alone"
    with Store.open(db, readonly=True) as store:
        for event in store.events(sorted(shared)):
            n = shared[event.id]
            assert independent_documents(event) == 1
            assert corroboration_text(event).endswith(
                f"in 1 independent document (and {n} cop{'y' if n == 1 else 'ies'})"
            )

    code, out, _ = run(capsys, "stats", "--format", "json")
    stats = json.loads(out)
    assert code == 0 and stats["documents"] == 9
