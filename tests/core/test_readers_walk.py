"""Which files a folder walk hands to the reader."""

from __future__ import annotations

import os

from dateline.core.readers import iter_article_files


def _touch(path):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("Title\nBody\n", "utf-8")
    return path


def test_walk_skips_manifest_gold_hidden_and_unknown_suffixes(tmp_path):
    for rel in ("b.txt", "A.md", "sub/c.html", "sub/deeper/d.jsonl", "e.ndjson", "f.htm",
                "manifest.json", "gold-timeline.json", "x.gold.json", ".hidden.txt",
                ".git/config.txt", "notes.doc", "image.png", "sub/GOLD-2.JSON", "data.json",
                "report.pdf", "memo.docx", "~$memo.docx", "fwd.eml"):  # fmt: skip
        _touch(tmp_path / rel)
    found = [p.relative_to(tmp_path).as_posix() for p in iter_article_files([tmp_path])]
    assert found == ["A.md", "b.txt", "data.json", "e.ndjson", "f.htm", "fwd.eml", "memo.docx",
                     "report.pdf", "sub/c.html", "sub/deeper/d.jsonl"]  # fmt: skip


def test_explicit_files_are_yielded_as_given(tmp_path):
    odd = _touch(tmp_path / "notes.docx")
    manifest = _touch(tmp_path / "manifest.json")
    missing = tmp_path / "missing.txt"
    found = list(iter_article_files([odd, str(manifest), missing]))
    assert found == [odd, manifest, missing]


def test_a_file_reached_twice_is_yielded_once(tmp_path):
    a = _touch(tmp_path / "a.txt")
    assert list(iter_article_files([a, tmp_path, a])) == [a]


def test_seeds_walk(seeds_dir):
    names = [p.name for p in iter_article_files([seeds_dir])]
    assert names == ["000_4469d01aed9a9573.txt", "001_be753c90a74e32cd.txt"]


def test_symlinked_folder_loop_does_not_hang(tmp_path):
    _touch(tmp_path / "a.txt")
    os.symlink(tmp_path, tmp_path / "loop")
    assert [p.name for p in iter_article_files([tmp_path])] == ["a.txt"]
