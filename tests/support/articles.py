"""News-like articles generated from a seed: the corpus of the store benchmark and of the tests that
need many articles (determinism, match pruning, kills during an import).

The output must stay byte-identical for a given ``n`` and seed: the store benchmark's figures and the
tests' expectations depend on it.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from pathlib import Path

PLACES = [
    "Brussels",
    "Geneva",
    "Nairobi",
    "Lima",
    "Oslo",
    "Manila",
    "Warsaw",
    "Ottawa",
    "Hanoi",
    "Accra",
]
_VERBS = [
    "announced",
    "signed",
    "rejected",
    "postponed",
    "approved",
    "criticised",
    "opened",
    "debated",
]
_WHEN = [
    "on Monday", "on Tuesday", "last week", "next month", "on {d} {m} {y}", "in {m} {y}", "earlier this year",
    "in the first half of {y}", "yesterday", "on Friday", "in {y}", "on {d} {m}",
]  # fmt: skip
_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"]  # fmt: skip
_SYLLABLES = [
    "ka",
    "lo",
    "mi",
    "ren",
    "tas",
    "vo",
    "dor",
    "pel",
    "si",
    "nu",
    "bra",
    "gon",
    "fel",
    "tri",
    "zan",
]


def _vocabulary(rnd: random.Random, n: int = 4000) -> list[str]:
    words = {
        "".join(rnd.choice(_SYLLABLES) for _ in range(rnd.randint(2, 4))) for _ in range(n * 2)
    }
    return sorted(words)[:n]


def generated_folder(dest: Path, n: int, seed: int = 7) -> int:
    """n news-like articles (~1.5 KB, 8-14 dated sentences) with a manifest of publication dates.

    Each article has its own topic words drawn from a 4,000-word vocabulary; one in five re-reports a
    happening of an earlier article (same date, same topic words), so matching across articles has
    real work to do without every sentence resembling every other.
    """
    rnd = random.Random(seed)
    vocab = _vocabulary(rnd)
    manifest: dict[str, dict[str, str]] = {}
    earlier: list[tuple[str, list[str]]] = []  # (sentence with an absolute date, its topic)
    for i in range(n):
        pub = dt.date(2015, 1, 1) + dt.timedelta(days=rnd.randrange(3650))
        topic = rnd.sample(vocab, 4)
        lines = [
            f"{topic[0].capitalize()} {rnd.choice(_VERBS)} {topic[1]} in {rnd.choice(PLACES)}",
            "",
        ]
        for _ in range(rnd.randint(8, 14)):
            if earlier and rnd.random() < 0.02:
                lines.append(rnd.choice(earlier)[0])
                continue
            template = rnd.choice(_WHEN)
            when = template.format(
                d=rnd.randint(1, 28), m=rnd.choice(_MONTHS), y=pub.year - rnd.randint(0, 2)
            )
            words = rnd.sample(topic, 2) + rnd.sample(vocab, 3)
            lines.append(
                f"The {words[0]} {rnd.choice(_VERBS)} the {words[1]} {words[2]} in {rnd.choice(PLACES)} {when}, "
                f"{words[3]} {words[4]} said."
            )
            if "{y}" in template:  # an absolute date another article can report again
                earlier.append((lines[-1], topic))
        name = f"gen{i:05d}.txt"
        (dest / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
        manifest[name] = {"published": pub.isoformat()}
    (dest / "manifest.json").write_text(json.dumps({"articles": manifest}), encoding="utf-8")
    return n


def generated_articles(folder: Path, n: int) -> Path:
    """``folder`` (created if needed) filled with ``n`` generated articles and their manifest."""
    folder.mkdir(parents=True, exist_ok=True)
    generated_folder(folder, n)
    return folder


def _generated_texts(n: int, seed: int) -> list[tuple[str, str, dt.date]]:
    """(headline, body, publication date) of ``n`` generated articles, as ``generated_folder``
    writes them."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        generated_folder(folder, n, seed)
        manifest = json.loads((folder / "manifest.json").read_text("utf-8"))["articles"]
        out = []
        for name in sorted(manifest):
            headline, _, body = (folder / name).read_text("utf-8").partition("\n\n")
            out.append((headline, body.strip(), dt.date.fromisoformat(manifest[name]["published"])))
    return out


def long_article(size: int, seed: int = 11) -> str:
    """One article of about ``size`` characters: a headline, then the paragraphs of generated
    articles one after the other (a long report, a book chapter): one text, no date line."""
    texts = _generated_texts(max(1, size // 1200 + 1), seed)
    paragraphs = ["Findings of the inquiry into the regional programmes", ""]
    length = len(paragraphs[0])
    while length < size:
        for _, body, _ in texts:
            paragraphs.append(body)
            length += len(body) + 1
            if length >= size:
                break
    return "\n".join(paragraphs) + "\n"


def article_dump(size: int, seed: int = 13) -> tuple[str, int]:
    """A file of about ``size`` characters holding generated articles one after the other, each
    with its headline and date line (an obvious multi-article dump), and how many articles."""
    texts = _generated_texts(max(2, size // 900 + 1), seed)
    parts: list[str] = []
    length = 0
    for headline, body, published in texts:
        part = f"{headline}\n{published.strftime('%B %d, %Y')}\n\n{body}\n"
        parts.append(part)
        length += len(part) + 1
        if length >= size:
            break
    return "\n".join(parts), len(parts)
