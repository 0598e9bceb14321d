"""JSON and JSON Lines collections: one article per usable record."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from dateline.core.errors import ImportFailed
from dateline.core.readers import read_articles, read_file

RECORDS = [
    {"title": "First", "text": "NATO met on Wednesday.", "published": "2024-10-16", "url": "u1",
     "source": "AP", "author": "A. Writer"},
    {"headline": "Second", "body": "Rutte spoke.\r\nZelenskyy listened.", "date": "16 Oct 2024",
     "source": {"name": "Reuters"}, "author": [{"name": "X"}, {"name": "Y"}]},
    {"content": "No title here, so the first line is used.\nSecond line.", "published_at": 1729072800},
]  # fmt: skip


def _reason(path) -> str:
    with pytest.raises(ImportFailed) as info:
        read_articles(path)
    return info.value.reason


@pytest.mark.parametrize("wrap", [lambda r: r, lambda r: {"articles": r}])
def test_json_array_and_articles_object(tmp_path, wrap):
    path = tmp_path / "batch.json"
    path.write_text(json.dumps(wrap(RECORDS)), "utf-8")
    articles = read_articles(path)
    assert [a.path for a in articles] == [f"{path}#0", f"{path}#1", f"{path}#2"]
    first, second, third = articles
    assert (first.title, first.text, first.published, first.published_source) == (
        "First",
        "NATO met on Wednesday.",
        dt.date(2024, 10, 16),
        "metadata",
    )
    assert (first.url, first.source, first.author, first.format) == (
        "u1",
        "AP",
        "A. Writer",
        "json",
    )
    assert second.title == "Second"
    assert second.text == "Rutte spoke.\nZelenskyy listened."
    assert second.published == dt.date(2024, 10, 16)
    assert (second.source, second.author) == ("Reuters", "X, Y")
    assert third.title == "No title here, so the first line is used."
    assert third.published == dt.date(2024, 10, 16)  # unix seconds


def test_jsonl_with_one_bad_record(tmp_path):
    path = tmp_path / "feed.jsonl"
    lines = [json.dumps(RECORDS[0]), "{not json", "", json.dumps({"title": "no text"}),
             json.dumps(RECORDS[1])]  # fmt: skip
    path.write_text("\n".join(lines) + "\n", "utf-8")
    result = read_file(path)
    assert [a.path for a in result.articles] == [f"{path}#0", f"{path}#4"]
    assert [a.title for a in result.articles] == ["First", "Second"]
    assert any(w.startswith("record 1 (line 2) skipped: invalid JSON") for w in result.warnings)
    assert "record 3 skipped: no 'text' field with text in it" in result.warnings
    # read_articles keeps the file's warnings on the first article so nothing vanishes
    first = read_articles(path)[0]
    assert any("line 2" in w for w in first.warnings)


def test_ndjson_and_json_holding_json_lines(tmp_path):
    for name in ("feed.ndjson", "feed.json"):
        path = tmp_path / name
        path.write_text(json.dumps(RECORDS[0]) + "\n" + json.dumps(RECORDS[1]) + "\n", "utf-8")
        assert len(read_articles(path)) == 2


def test_invalid_json_names_the_line(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text('[\n  {"text": "a"},\n  {"text": "b" "c"}\n]\n', "utf-8")
    assert _reason(path) == "invalid JSON at line 3: Expecting ',' delimiter"


def test_json_without_articles(tmp_path):
    path = tmp_path / "x.json"
    path.write_text(json.dumps({"config": True}), "utf-8")
    assert _reason(path) == "no articles in this JSON (expected objects with a 'text' field)"
    path.write_text(json.dumps([{"title": "t"}, 3, "s"]), "utf-8")
    assert _reason(path).startswith(
        "no articles in this JSON (expected objects with a 'text' field)"
    )


def test_jsonl_with_no_valid_line(tmp_path):
    path = tmp_path / "x.jsonl"
    path.write_text("{oops\nnope\n", "utf-8")
    assert (
        _reason(path) == "invalid JSON at line 1: Expecting property name enclosed in double quotes"
    )


def test_deeply_nested_json_is_refused_not_crashing(tmp_path):
    path = tmp_path / "deep.json"
    path.write_text("[" * 100_000 + "]" * 100_000, "utf-8")
    assert _reason(path) == "invalid JSON: nested too deeply"


def test_html_body_in_a_record_becomes_text(tmp_path):
    path = tmp_path / "x.json"
    record = {
        "title": "T",
        "text": "<p>One <b>bold</b> line.</p><script>evil()</script><p>Two.</p>",
    }
    path.write_text(json.dumps([record]), "utf-8")
    [article] = read_articles(path)
    assert article.text == "One bold line.\nTwo."


def test_record_dates_and_override(tmp_path):
    path = tmp_path / "x.json"
    records = [{"text": "A", "published": "2024-02-30"}, {"text": "B"}]
    path.write_text(json.dumps(records), "utf-8")
    a, b = read_articles(path)
    assert a.published is None and any("not a real date" in w for w in a.warnings)
    assert "publication date missing" in b.warnings
    day = dt.date(2024, 10, 16)
    assert {x.published_source for x in read_articles(path, published=day)} == {"argument"}


def test_manifest_fills_what_records_lack(tmp_path):
    path = tmp_path / "x.json"
    path.write_text(json.dumps([{"text": "A"}, {"text": "B", "published": "2024-01-02"}]), "utf-8")
    (tmp_path / "manifest.json").write_text(
        json.dumps(
            {"articles": {"x.json": {"published": "2024-10-16", "source": "AP", "title": "T"}}}
        ),
        "utf-8",
    )
    a, b = read_articles(path)
    assert (a.published, a.published_source, a.source, a.title) == (
        dt.date(2024, 10, 16),
        "manifest",
        "AP",
        "A",
    )
    assert (b.published, b.published_source) == (dt.date(2024, 1, 2), "metadata")
