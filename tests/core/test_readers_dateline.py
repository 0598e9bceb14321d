"""The date line under a headline: read as the publication date, safely, and out of the text."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from dateline.core.readers import read_articles
from dateline.core.temporal import find_timexes

MARCH1 = dt.date(2008, 3, 1)
HEADLINE = "Boeing rolls out the 787 Dreamliner"
BODY = (
    "Boeing rolled out its first 787 Dreamliner on Saturday in front of 15,000 employees.\n"
    "The first flight is planned for the third quarter, after a delay announced in January.\n"
)


def _read(tmp_path, text: str, name: str = "a.txt", **kwargs):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    [article] = read_articles(path, **kwargs)
    return article


def _timex_texts(article) -> list[str]:
    return [article.text[t.start : t.end] for t in find_timexes(article.text, article.published)]


@pytest.mark.parametrize(
    "line",
    [
        "March 01, 2008",
        "Mar. 1, 2008",
        "1 March 2008",
        "2008-03-01",
        "Saturday, March 1, 2008 10:32 AM EST",
        "Sat Mar 1, 2008 10:32am EST",
        "By Jane Doe | March 1, 2008",
        "Published: March 1, 2008",
        "Posted on March 1, 2008 by Jane Doe",
        "March 1st, 2008 — 10:32 a.m. ET",
        "*March 1, 2008*",
        "2008-03-01T15:32:00Z",
    ],
)
def test_date_line_under_the_headline_is_the_publication_date(tmp_path, line):
    article = _read(tmp_path, f"{HEADLINE}\n{line}\n\n{BODY}")
    assert (article.published, article.published_source) == (MARCH1, "dateline")
    assert article.title == HEADLINE
    assert article.dateline == line
    # The line is metadata: gone from the text the engine sees and the article view shows.
    assert article.text == f"{HEADLINE}\n\n{BODY}".rstrip()
    assert not any("2008" in t for t in _timex_texts(article))
    assert "publication date missing" not in article.warnings


def test_byline_date_at_the_very_top_and_its_author(tmp_path):
    article = _read(tmp_path, f"By Jane Doe | March 1, 2008\n{HEADLINE}\n\n{BODY}")
    assert (article.published, article.author, article.title) == (MARCH1, "Jane Doe", HEADLINE)
    assert article.text.startswith(HEADLINE)


def test_wire_dateline_takes_its_year_from_the_header(tmp_path):
    text = (
        f"{HEADLINE}\nReuters, 2008\n\n"
        "WASHINGTON, March 1 (Reuters) - Boeing rolled out its first 787 on Saturday.\n"
    )
    article = _read(tmp_path, text)
    assert (article.published, article.published_source) == (MARCH1, "dateline")
    # The place and agency stay; the date, metadata, goes.
    assert "WASHINGTON (Reuters) - Boeing rolled out" in article.text
    assert not any("March" in t for t in _timex_texts(article))


def test_wire_dateline_under_a_date_line_agrees_with_it(tmp_path):
    text = (
        f"{HEADLINE}\nSat Mar 1, 2008 10:32am EST\n\n"
        "EVERETT, Wash., March 1 (Reuters) - Boeing rolled out its first 787 on Saturday.\n"
    )
    article = _read(tmp_path, text)
    assert article.published == MARCH1 and article.warnings == ()
    assert article.text.startswith(f"{HEADLINE}\n\nEVERETT, Wash. (Reuters) - Boeing")


def test_wire_dateline_without_a_safe_year_is_not_taken(tmp_path):
    # A year in the headline is its subject, not its date.
    text = (
        "Boeing promises 787 deliveries in 2009\n\n"
        "WASHINGTON, March 1 (Reuters) - Boeing said on Saturday the plane would be late.\n"
    )
    article = _read(tmp_path, text)
    assert article.published is None
    assert "WASHINGTON, March 1 (Reuters)" in article.text


@pytest.mark.parametrize(
    ("text", "why"),
    [
        (f"{HEADLINE}\nMarch 1, 2008 - March 3, 2008\n\n{BODY}", "two dates on one line"),
        (f"{HEADLINE}\nFriday, March 1, 2008\n\n{BODY}", "the weekday does not match"),
        (f"{HEADLINE}\n01/03/2008\n\n{BODY}", "not a clear date"),
        (f"{HEADLINE}\nMarch 1, 2008\nMarch 4, 2008\n\n{BODY}", "several dates"),
    ],
    ids=["two-dates", "wrong-weekday", "day-month-order", "two-lines"],
)
def test_an_ambiguous_header_is_not_taken_and_says_why(tmp_path, text, why):
    article = _read(tmp_path, text)
    assert article.published is None and article.published_source == "unknown"
    assert article.text == text.rstrip() and article.dateline == ""
    assert any(why in w for w in article.warnings), article.warnings


@pytest.mark.parametrize(
    "text",
    [
        f"{HEADLINE}\nThe plane was unveiled on March 1, 2008, in Everett.\n\n{BODY}",
        f"{HEADLINE}\n\n{'A long first paragraph of prose. ' * 8}\n\nMarch 1, 2008\n\n{BODY}",
        f"{HEADLINE}\nOne\nTwo\nThree\nFour\nFive\nMarch 1, 2008\n{BODY}",
        f"Boeing Rolls Out, March 1, 2008\n{BODY}",
    ],
    ids=["inside-a-sentence", "below-the-first-paragraph", "below-the-header", "in-the-headline"],
)
def test_a_date_outside_the_header_or_inside_prose_is_never_taken(tmp_path, text):
    article = _read(tmp_path, text)
    assert article.published is None
    assert article.text == text.rstrip()


def test_an_update_line_is_not_the_publication_date(tmp_path):
    article = _read(tmp_path, f"{HEADLINE}\nUpdated March 2, 2008 11:15 AM\n\n{BODY}")
    assert article.published is None
    assert any("update date" in w for w in article.warnings)


def test_an_update_line_goes_with_the_published_line(tmp_path):
    text = f"{HEADLINE}\nPublished March 1, 2008\nUpdated March 2, 2008 11:15 AM\n\n{BODY}"
    article = _read(tmp_path, text)
    assert article.published == MARCH1
    assert article.dateline == "Published March 1, 2008\nUpdated March 2, 2008 11:15 AM"
    assert "Updated" not in article.text


def test_front_matter_manifest_and_argument_still_win(tmp_path):
    text = f"---\npublished: 2008-03-02\n---\n{HEADLINE}\nMarch 1, 2008\n\n{BODY}"
    article = _read(tmp_path, text, name="fm.md")
    assert (article.published, article.published_source) == (dt.date(2008, 3, 2), "metadata")
    assert "March 1, 2008" not in article.text  # still not an event
    assert any("date line says 2008-03-01" in w for w in article.warnings)

    (tmp_path / "manifest.json").write_text(
        json.dumps({"articles": {"m.txt": {"published": "2008-03-05"}}}), encoding="utf-8"
    )
    article = _read(tmp_path, f"{HEADLINE}\nMarch 1, 2008\n\n{BODY}", name="m.txt")
    assert (article.published, article.published_source) == (dt.date(2008, 3, 5), "manifest")
    article = _read(tmp_path, f"{HEADLINE}\nMarch 1, 2008\n\n{BODY}", published=dt.date(2008, 3, 9))
    assert (article.published, article.published_source) == (dt.date(2008, 3, 9), "argument")


def test_seed_articles_are_unchanged(seeds_dir):
    for path in sorted(seeds_dir.glob("*.txt")):
        [article] = read_articles(path)
        assert article.dateline == ""
        assert article.text == path.read_text(encoding="utf-8").strip()


# ---- several articles in one file ----


def _story(headline: str, date: str, topic: str) -> str:
    sentence = f"The {topic} was discussed at length by officials who met in the capital. "
    return f"{headline}\n{date}\n\n{sentence * 6}\n{sentence * 3}\n"


def test_an_obvious_dump_is_split_into_articles_with_their_own_dates(tmp_path):
    text = "\n".join(
        [
            _story("Boeing rolls out the 787", "March 1, 2008", "rollout"),
            _story("Airbus delays the A380 again", "By Jane Doe | March 3, 2008", "delay"),
            "----------",
            _story("Strikes hit European airports", "2008-03-04", "strike"),
        ]
    )
    path = tmp_path / "dump.txt"
    path.write_text(text, encoding="utf-8")
    articles = read_articles(path)
    assert [a.title for a in articles] == [
        "Boeing rolls out the 787",
        "Airbus delays the A380 again",
        "Strikes hit European airports",
    ]
    assert [a.published for a in articles] == [MARCH1, dt.date(2008, 3, 3), dt.date(2008, 3, 4)]
    assert [a.path for a in articles] == [f"{path}#{i}" for i in range(3)]
    assert {a.published_source for a in articles} == {"dateline"}
    assert "rollout" in articles[0].text and "delay" not in articles[0].text
    assert not any("----" in a.text or "2008" in a.text for a in articles)
    assert "3 articles found in this file" in articles[0].warnings


def test_one_article_with_a_dated_section_is_not_split(tmp_path):
    text = (
        f"{HEADLINE}\nMarch 1, 2008\n\n{BODY}\n"
        "Key dates\n\nJuly 8, 2007\nThe rollout.\n\nMarch 1, 2008\nThe second rollout.\n"
    )
    [article] = read_articles(_path(tmp_path, text))
    assert article.published == MARCH1
    assert "Key dates" in article.text


def test_short_blocks_are_not_split(tmp_path):
    text = "Boeing\nMarch 1, 2008\nShort note.\n\nAirbus\nMarch 3, 2008\nAnother note.\n"
    articles = read_articles(_path(tmp_path, text))
    assert len(articles) == 1


def _path(tmp_path, text: str):
    path = tmp_path / "file.txt"
    path.write_text(text, encoding="utf-8")
    return path
