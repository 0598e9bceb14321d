"""Plain text, Markdown, front matter, manifest and the --published override."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from dateline.core.errors import ImportFailed
from dateline.core.readers import load_manifest, parse_date, read_articles

OCT16 = dt.date(2024, 10, 16)


def test_plain_text_title_is_first_line_and_stays_in_the_text(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("\n\n  NATO meets in Brussels  \nRutte spoke on Wednesday.\n", encoding="utf-8")
    [article] = read_articles(path)
    assert article.title == "NATO meets in Brussels"
    assert article.text.startswith("  NATO meets in Brussels")
    assert "Rutte spoke on Wednesday." in article.text
    assert article.format == "text"
    assert article.published is None
    assert article.published_source == "unknown"
    assert "publication date missing" in article.warnings


def test_line_endings_bom_controls_and_nfc_are_normalized(tmp_path):
    path = tmp_path / "a.txt"
    decomposed = "Cafe\u0301"
    raw = f"\ufeffTitle\r\nLine two\x00 with\x07 bells\rLine three {decomposed}\u2028end\n"
    path.write_bytes(raw.encode("utf-8"))
    [article] = read_articles(path)
    assert article.text == "Title\nLine two with bells\nLine three Café\nend"
    assert article.text.splitlines() == article.text.split("\n")
    assert article.encoding == "utf-8"


def test_markdown_title_strips_hashes(tmp_path):
    path = tmp_path / "a.md"
    path.write_text(
        "# Summit ends in Vilnius #\n\nLeaders met on 11 July 2023.\n", encoding="utf-8"
    )
    [article] = read_articles(path)
    assert article.title == "Summit ends in Vilnius"
    assert article.text.startswith("# Summit ends in Vilnius")
    assert article.format == "markdown"


def test_front_matter_is_parsed_and_removed(tmp_path):
    path = tmp_path / "a.md"
    path.write_text(
        "---\n"
        'title: "Aid target met"\n'
        "published: October 16, 2024\n"
        "source: Politico\n"
        "url: https://example.org/a?b=c:d\n"
        "authors:\n"
        "  - Jane Doe\n"
        "  - John Roe\n"
        "language: fr\n"
        "---\n"
        "\n"
        "# A heading\n"
        "Body text on Wednesday.\n",
        encoding="utf-8",
    )
    [article] = read_articles(path)
    assert article.text == "# A heading\nBody text on Wednesday."
    assert article.title == "Aid target met"
    assert article.published == OCT16
    assert article.published_source == "metadata"
    assert article.source == "Politico"
    assert article.url == "https://example.org/a?b=c:d"
    assert article.author == "Jane Doe, John Roe"
    assert article.language == "fr"
    assert article.warnings == ()


def test_a_leading_rule_followed_by_prose_is_not_front_matter(tmp_path):
    path = tmp_path / "a.md"
    text = "---\nThis is just prose, not metadata at all.\n---\nMore prose.\n"
    path.write_text(text, encoding="utf-8")
    [article] = read_articles(path)
    assert article.text == text.rstrip()


def test_impossible_front_matter_date_is_a_warning_not_a_failure(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("---\ndate: 2024-02-30\n---\nHeadline\nBody.\n", encoding="utf-8")
    [article] = read_articles(path)
    assert article.published is None
    assert any("2024-02-30" in w and "not a real date" in w for w in article.warnings)
    assert "publication date missing" in article.warnings


def test_long_first_line_gives_a_short_title(tmp_path):
    path = tmp_path / "a.txt"
    words = [f"word{i}" for i in range(60)]
    path.write_text(" ".join(words) + "\nSecond line.\n", encoding="utf-8")
    [article] = read_articles(path)
    assert article.title == " ".join(words[:12]) + "…"
    assert article.text.startswith(" ".join(words))


def test_seeds_read_with_manifest_dates_and_titles(seeds_dir):
    manifest = json.loads((seeds_dir / "manifest.json").read_text(encoding="utf-8"))["articles"]
    for name, entry in manifest.items():
        [article] = read_articles(seeds_dir / name)
        assert article.published == OCT16
        assert article.published_source == "manifest"
        assert article.title == entry["title"]
        assert article.warnings == ()
        assert "Zelenskyy" in article.text
    assert set(load_manifest(seeds_dir)) == set(manifest)


def test_manifest_wins_over_front_matter_and_says_so(tmp_path):
    (tmp_path / "a.txt").write_text("---\npublished: 2024-10-15\n---\nTitle\nBody\n", "utf-8")
    (tmp_path / "manifest.json").write_text(
        json.dumps({"articles": {"a.txt": {"published": "2024-10-16", "source": "AP"}}}), "utf-8"
    )
    [article] = read_articles(tmp_path / "a.txt")
    assert (article.published, article.published_source, article.source) == (
        OCT16,
        "manifest",
        "AP",
    )
    assert any("differs from the manifest" in w for w in article.warnings)


def test_broken_manifest_is_a_warning_on_the_article(tmp_path):
    (tmp_path / "a.txt").write_text("Title\nBody\n", "utf-8")
    (tmp_path / "manifest.json").write_text('{"articles": {', "utf-8")
    [article] = read_articles(tmp_path / "a.txt")
    assert any(
        w.startswith("manifest.json ignored: invalid JSON at line 1") for w in article.warnings
    )
    with pytest.raises(ImportFailed, match="invalid JSON"):
        load_manifest(tmp_path)


def test_a_corrected_manifest_is_read_again_and_any_spelling_of_its_folder_finds_it(tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_text("Title\nBody\n", "utf-8")
    manifest = folder / "manifest.json"
    manifest.write_text(json.dumps({"articles": {"a.txt": {"published": "2024-10-15"}}}), "utf-8")
    assert read_articles(folder / "a.txt")[0].published == dt.date(2024, 10, 15)
    corrected = {"a.txt": {"published": "2024-10-16", "source": "AP"}}
    manifest.write_text(json.dumps({"articles": corrected}), "utf-8")
    assert read_articles(folder / "a.txt")[0].published == OCT16
    detour = tmp_path / "news" / ".." / "news" / "a.txt"
    assert read_articles(detour)[0].published == OCT16


def test_missing_manifest_is_empty(tmp_path):
    assert load_manifest(tmp_path) == {}


def test_published_argument_overrides_everything(seeds_dir):
    day = dt.date(2024, 1, 2)
    [article] = read_articles(seeds_dir / "000_4469d01aed9a9573.txt", published=day)
    assert (article.published, article.published_source) == (day, "argument")
    path = seeds_dir / "undated.txt"
    path.write_text("Title\nBody\n", "utf-8")
    [article] = read_articles(path, published=day)
    assert article.published == day
    assert "publication date missing" not in article.warnings


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-10-16", OCT16),
        ("2024-10-16T23:30:00-05:00", OCT16),
        ("2024-10-16 09:30", OCT16),
        ("20241016", OCT16),
        ("2024/10/16", OCT16),
        ("Wed, 16 Oct 2024 09:30:00 GMT", OCT16),
        ("October 16, 2024", OCT16),
        ("Wednesday, October 16, 2024 10:00 AM", OCT16),
        ("Oct. 16, 2024", OCT16),
        ("16 Oct 2024", OCT16),
        ("16 October 2024", OCT16),
        ("16/10/2024", OCT16),
        ("2024-02-30", None),
        ("2023-02-29", None),
        ("05/06/2024", None),
        ("2024", None),
        ("Smarch 16, 2024", None),
        ("", None),
        ("yesterday", None),
    ],
)
def test_parse_date(text, expected):
    assert parse_date(text) == expected


def test_front_matter_alone_is_not_an_article(tmp_path):
    path = tmp_path / "a.md"
    path.write_text("---\ntitle: Only metadata\n---\n\n", "utf-8")
    with pytest.raises(ImportFailed) as info:
        read_articles(path)
    assert info.value.reason == "no article text: the file holds only front matter"


def test_override_of_a_different_date_is_reported(seeds_dir):
    day = dt.date(2024, 10, 17)
    [article] = read_articles(seeds_dir / "001_be753c90a74e32cd.txt", published=day)
    assert article.published == day
    assert (
        "publication date 2024-10-16 from the manifest replaced by the given date 2024-10-17"
        in (article.warnings)
    )


def test_blank_record_is_skipped_and_the_title_is_the_first_text_line(tmp_path):
    path = tmp_path / "x.json"
    path.write_text(json.dumps([{"text": "   "}, {"text": "\n\nBody line"}]), "utf-8")
    [article] = read_articles(path)
    assert article.title == "Body line"
    assert article.path == f"{path}#1"
