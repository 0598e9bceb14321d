"""The export API: format registry, file writing, atomic replacement, errors a user can read."""

from __future__ import annotations

import csv
import dataclasses
import io

import pytest
from export_fixtures import UNRESOLVED_ID, seed_bundle

from dateline.core.errors import Cancelled, InputError
from dateline.core.export import FORMATS, render, render_files, skipped_events, write_export

ALL = [
    "csv",
    "json",
    "timelinejs",
    "ics",
    "timeml",
    "timesketch",
    "timesketch-jsonl",
    "markdown",
    "html",
]
SINGLE = [k for k in ALL if k != "timeml"]


def test_registry_lists_every_format_the_cli_offers():
    assert list(FORMATS) == ALL
    assert FORMATS["timelinejs"].name == "TimelineJS3 JSON"
    assert FORMATS["timelinejs"].suffix == ".json"
    assert FORMATS["timeml"].multi_file
    assert not any(FORMATS[k].multi_file for k in SINGLE)


def test_unknown_format_names_the_valid_ones(tmp_path):
    with pytest.raises(InputError) as err:
        write_export(seed_bundle(), "pdf", tmp_path / "out.pdf")
    assert "'pdf'" in err.value.message
    for key in ALL:
        assert key in err.value.message
    assert not list(tmp_path.iterdir())
    with pytest.raises(InputError):
        render(seed_bundle(), "docx")


@pytest.mark.parametrize("fmt", SINGLE)
def test_each_single_file_format_writes_one_file_equal_to_its_rendering(tmp_path, fmt):
    bundle = seed_bundle()
    out = tmp_path / f"timeline{FORMATS[fmt].suffix}"
    calls: list[tuple[int, int]] = []
    written = write_export(
        bundle, fmt, out, progress=lambda done, total: calls.append((done, total))
    )
    assert written == [out]
    assert [p.name for p in tmp_path.iterdir()] == [out.name]  # no temp file left behind
    assert out.read_bytes().decode(FORMATS[fmt].encoding) == render(bundle, fmt)
    assert calls[0][0] == 0 and calls[-1][0] == calls[-1][1] > 0


def test_csv_file_starts_with_a_bom_so_excel_reads_utf8(tmp_path):
    out = write_export(seed_bundle(), "csv", tmp_path / "t.csv")[0]
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert not render(seed_bundle(), "csv").startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert rows[0][0] == "id"


def test_timeml_writes_one_file_per_document_into_a_new_folder(tmp_path):
    out = tmp_path / "tml" / "nested"
    written = write_export(seed_bundle(), "timeml", out)
    assert sorted(p.name for p in out.iterdir()) == sorted(p.name for p in written)
    assert [p.name for p in written] == list(render_files(seed_bundle(), "timeml"))
    assert len(written) == 2 and all(p.suffix == ".tml" for p in written)


def test_render_refuses_the_multi_file_format():
    with pytest.raises(InputError, match="one file per document"):
        render(seed_bundle(), "timeml")


def test_bad_destinations_are_input_errors(tmp_path):
    with pytest.raises(InputError, match="is a folder"):
        write_export(seed_bundle(), "csv", tmp_path)
    with pytest.raises(InputError, match="does not exist"):
        write_export(seed_bundle(), "csv", tmp_path / "missing" / "t.csv")
    (tmp_path / "afile").write_text("x")
    with pytest.raises(InputError, match="is a file"):
        write_export(seed_bundle(), "timeml", tmp_path / "afile")


@pytest.mark.parametrize("fmt", ["csv", "ics", "html"])
@pytest.mark.parametrize("failure", [RuntimeError("disk on fire"), Cancelled()])
def test_a_failing_export_leaves_the_previous_file_untouched(tmp_path, fmt, failure):
    out = tmp_path / f"t{FORMATS[fmt].suffix}"
    write_export(seed_bundle(), fmt, out)
    before = out.read_bytes()

    def progress(done: int, total: int) -> None:
        if done == 3:
            raise failure

    changed = seed_bundle(title="A different title", generated_at="2030-01-01T00:00:00Z")
    with pytest.raises(type(failure)):
        write_export(changed, fmt, out, progress=progress)
    assert out.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == [out.name]


def test_a_failing_timeml_export_touches_none_of_the_previous_files(tmp_path):
    out = tmp_path / "tml"
    written = write_export(seed_bundle(), "timeml", out)
    before = {p: p.read_bytes() for p in written}

    def progress(done: int, total: int) -> None:
        if done == 1:  # after the first document rendered, before anything is written
            raise Cancelled()

    docs = tuple(dataclasses.replace(d, title=d.title + " (v2)") for d in seed_bundle().documents)
    with pytest.raises(Cancelled):
        write_export(seed_bundle(documents=docs), "timeml", out, progress=progress)
    assert {p: p.read_bytes() for p in out.iterdir()} == before


def test_rewriting_keeps_the_file_mode(tmp_path):
    out = tmp_path / "t.md"
    write_export(seed_bundle(), "markdown", out)
    out.chmod(0o640)
    write_export(seed_bundle(), "markdown", out)
    assert out.stat().st_mode & 0o777 == 0o640


def test_skipped_events_names_the_unresolved_event_for_date_axis_formats():
    bundle = seed_bundle()
    for fmt in ("timelinejs", "ics", "timesketch", "timesketch-jsonl"):
        assert [e.id for e in skipped_events(bundle, fmt)] == [UNRESOLVED_ID]
    for fmt in ("csv", "json", "markdown", "html", "timeml"):
        assert skipped_events(bundle, fmt) == ()
