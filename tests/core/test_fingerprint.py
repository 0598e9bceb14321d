"""Near-duplicate fingerprints: copies and syndicated versions match, other articles do not."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from dateline.core.readers import read_articles
from dateline.core.readers.fingerprint import (
    DUPLICATE_RESEMBLANCE,
    SKETCH_SIZE,
    Fingerprint,
    fingerprint,
    is_near_duplicate,
    similarity,
)

SEEDS = Path(__file__).resolve().parents[2] / "seeds"

WIRE = """Boeing rolls out 787 Dreamliner before a crowd of 15,000

EVERETT, Washington (Reuters) - Boeing Co rolled out its new 787 Dreamliner on Sunday before a crowd of 15,000 employees, airline executives and guests, celebrating a plane that has already drawn record orders even though it has yet to fly.
The rollout, staged on July 8, 2007 to match the jet's name, came as the company raced to meet a tight schedule for the first flight, planned for late August or early September.
"This is a great day for our company and our customers," chief executive Jim McNerney told the crowd inside the company's giant assembly plant north of Seattle.
The 787 is built largely from carbon-fiber composites rather than aluminum, which Boeing says will cut fuel use by about 20 percent compared with similar-sized planes.
Boeing has booked 677 orders for the plane from 47 customers, making it the fastest-selling new commercial jet in history. The list price is about $150 million.
Analysts said the rollout was largely symbolic because the plane on display still lacked many parts and systems, some of them held up by suppliers in Japan, Italy and the United States.
The company has said deliveries will begin in May 2008 with All Nippon Airways, the launch customer, which ordered 50 of the planes in April 2004.
Rival Airbus, a unit of EADS, is developing the A350 to compete with the 787, but that plane will not enter service until 2013.
Shares of Boeing rose 1.2 percent to $97.45 on the New York Stock Exchange on Friday.
"""
REPUBLISHED = """Dreamliner makes its debut in Everett
By Staff Writer, with Reuters

EVERETT, Washington - Boeing Co rolled out its new 787 Dreamliner on Sunday before a crowd of 15,000 employees, airline executives and guests, celebrating a plane that has already drawn record orders even though it has yet to fly.
The rollout, staged on July 8, 2007 to match the jet's name, came as the company raced to meet a tight schedule for the first flight, planned for late August or early September.
"This is a great day for our company and our customers," chief executive Jim McNerney told the crowd inside the company's giant assembly plant north of Seattle.
The 787 is built largely from lightweight composite materials, and Boeing expects the jet to burn a fifth less fuel than planes of its size.
Boeing has booked 677 orders for the plane from 47 customers, making it the fastest-selling new commercial jet in history. The list price is about $150 million.
Analysts said the rollout was largely symbolic because the plane on display still lacked many parts and systems, some of them held up by suppliers in Japan, Italy and the United States.
The company has said deliveries will begin in May 2008 with All Nippon Airways, the launch customer, which ordered 50 of the planes in April 2004.
Rival Airbus, a unit of EADS, is developing the A350 to compete with the 787, but that plane will not enter service until 2013.
"""
OTHER = """Boeing shows off its new jet as delays loom

SEATTLE - Thousands of workers cheered on Sunday as Boeing pulled back the curtain on the 787 Dreamliner at its Everett plant, a day chosen because 7/8/07 echoes the plane's number.
Jim McNerney, the chief executive, called it "a great day for our company and our customers" but industry analysts warned that the first flight, now set for late summer, could slip.
The plane on display was far from finished, several people familiar with the program said, with temporary fasteners holding parts of the fuselage and much of the wiring missing.
Boeing has taken 677 orders for the jet, and All Nippon Airways expects the first delivery in May 2008. Any delay would add to penalties the company owes its airline customers.
Airbus, which has struggled with its A380 superjumbo, is betting on the A350 to win back the market for mid-sized long-range jets.
"""


def test_the_same_text_in_another_layout_is_an_exact_match():
    reformatted = WIRE.upper().replace("\n", "  ").replace('"', "“").replace(" - ", " — ")
    result = similarity(fingerprint(WIRE), fingerprint(reformatted))
    assert result.exact and result.duplicate and result.resemblance == 1.0


def test_a_republished_wire_story_is_a_near_duplicate():
    # Another headline and byline, the agency tag gone, one sentence rewritten, the last cut.
    result = similarity(fingerprint(WIRE), fingerprint(REPUBLISHED))
    assert not result.exact
    assert result.duplicate
    assert result.resemblance >= DUPLICATE_RESEMBLANCE


def test_a_trimmed_copy_is_contained_in_the_original():
    trimmed = "\n".join(WIRE.split("\n")[:6])
    result = similarity(fingerprint(WIRE), fingerprint(trimmed))
    assert result.duplicate and result.containment > 0.95


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (WIRE, OTHER),
        (
            (SEEDS / "000_4469d01aed9a9573.txt").read_text("utf-8"),
            (SEEDS / "001_be753c90a74e32cd.txt").read_text("utf-8"),
        ),
    ],
    ids=["rollout-by-two-reporters", "seeds-same-press-conference"],
)
def test_different_articles_about_the_same_event_are_not_duplicates(a, b):
    # They share names, figures and even a quote, and are still independent reports.
    result = similarity(fingerprint(a), fingerprint(b))
    assert not result.duplicate
    assert result.resemblance < 0.1


def test_the_txt_and_html_copies_of_one_article_match(tmp_path):
    paragraphs = [p for p in WIRE.split("\n")[2:] if p]
    txt = tmp_path / "rollout.txt"
    txt.write_text(f"{WIRE.split(chr(10))[0]}\nJuly 8, 2007\n\n" + "\n\n".join(paragraphs), "utf-8")
    html = tmp_path / "rollout.html"
    html.write_text(
        "<html><head><title>Boeing rolls out 787 | Outlet</title>"
        '<meta property="article:published_time" content="2007-07-08"></head><body>'
        "<nav>Home World Business</nav><article><h1>Boeing rolls out 787 Dreamliner</h1>"
        '<p class="byline">By Staff Reporter</p><div class="share">Share on Facebook</div>'
        + "".join(f"<p>{p}</p>" for p in paragraphs)
        + "<p>ADVERTISEMENT</p></article><footer>© 2007</footer></body></html>",
        "utf-8",
    )
    [a], [b] = read_articles(txt), read_articles(html)
    assert a.text != b.text
    assert is_near_duplicate(a.text, b.text)
    assert similarity(fingerprint(a.text), fingerprint(b.text)).resemblance > 0.9


def test_fingerprints_are_stable_and_round_trip_through_bytes():
    first = fingerprint(WIRE)
    assert first == fingerprint(WIRE)
    assert Fingerprint.from_bytes(first.to_bytes()) == first
    # A known value: the hashes are fixed arithmetic, the same in every process and machine.
    assert first.exact == fingerprint(WIRE.replace("\n", " ")).exact
    assert len(first.sketch) == min(SKETCH_SIZE, first.shingles)


def test_long_texts_are_sketched_and_still_compared_well():
    rng = random.Random(7)
    vocabulary = [f"word{i}" for i in range(3000)]
    words = [rng.choice(vocabulary) for _ in range(20_000)]
    changed = list(words)
    for i in range(0, len(changed), 400):  # one word in 400 replaced: 1.25% of the runs differ
        changed[i] = "changed"
    fa, fb = fingerprint(" ".join(words)), fingerprint(" ".join(changed))
    assert len(fa.sketch) == SKETCH_SIZE < fa.shingles
    result = similarity(fa, fb)
    assert 0.9 < result.resemblance < 1.0 and result.duplicate
    half = fingerprint(" ".join(words[:10_000]))
    assert similarity(fa, half).containment > 0.9


def test_empty_and_tiny_texts():
    empty = fingerprint("")
    assert empty.words == 0 and empty.sketch == ()
    assert not similarity(empty, fingerprint("")).duplicate  # nothing is not a copy of nothing
    assert similarity(fingerprint("Boeing rolls out"), fingerprint("boeing, rolls out!")).exact
    assert not is_near_duplicate("Boeing rolls out", "Airbus delays the A380")


def test_accents_and_their_decomposed_forms_read_as_the_same_words():
    import unicodedata

    from dateline.core.readers.fingerprint import normalized_words

    text = "Zoë’s café in Kraków, ﬁnally: Ǆ and İstanbul"
    words = normalized_words(text)
    assert words == normalized_words(unicodedata.normalize("NFD", text))
    assert words == normalized_words("ZOE’S CAFE IN KRAKOW, FINALLY: DŽ AND ISTANBUL")
    assert words[:4] == ["zoe", "s", "cafe", "in"]


def test_a_long_text_fingerprinted_in_steps_is_the_same(monkeypatch):
    import importlib

    module = importlib.import_module("dateline.core.readers.fingerprint")
    rng = random.Random(3)
    text = " ".join(rng.choice(["alpha", "beta", "gamma", "délta", "x"]) for _ in range(9_000))
    whole = fingerprint(text)
    monkeypatch.setattr(module, "STEP_CHARS", 1_000)
    steps = []
    assert fingerprint(text, step=lambda: steps.append(1)) == whole
    assert len(steps) > 40


def test_resemblance_is_the_share_of_shared_hashes_among_the_unions_smallest():
    """Broder's bottom-k estimate, worked out directly, for texts that overlap by every amount."""
    rng = random.Random(7)
    words = [f"w{i}" for i in range(300)]
    for _ in range(200):
        a_words = [rng.choice(words) for _ in range(rng.randint(5, 500))]
        cut = rng.randint(0, len(a_words))
        b_words = a_words[cut:] + [rng.choice(words) for _ in range(rng.randint(0, 400))]
        a, b = fingerprint(" ".join(a_words)), fingerprint(" ".join(b_words))
        if a.exact == b.exact or not b.sketch:
            continue
        union = sorted(set(a.sketch) | set(b.sketch))[:SKETCH_SIZE]
        shared = [h for h in union if h in a.sketch and h in b.sketch]
        assert similarity(a, b).resemblance == round(len(shared) / len(union), 4)
