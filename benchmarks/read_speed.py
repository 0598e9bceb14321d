"""How long the readers take on big files, against reading the bytes and splitting the lines.

Files are generated in a temporary folder, each about ``--mb`` MB (default 5):
- one long article: a headline, a date line, then news-like paragraphs;
- a dump of many articles, each with its headline and date line (split into one article each);
- the same paragraphs as an HTML page (trafilatura's main text);
- a PDF of ``--pages`` pages (default 50; page-by-page progress is reported);
plus the near-duplicate fingerprint of the long article's text.

Each figure is the best of ``--rounds`` runs (default 3). The baseline, measured in the same run on
the same file, is ``Path.read_bytes().decode().split("\\n")``: what no reader can beat.

Run: ``python benchmarks/read_speed.py [--mb 5] [--pages 50] [--rounds 3]``
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import textwrap
import time
from collections.abc import Callable
from pathlib import Path

from dateline.core.readers import read_articles
from dateline.core.readers.fingerprint import fingerprint

_WORDS = (
    "the minister said on Tuesday that talks with the union would resume next week after a "
    "pause of two months while the company reported higher costs and officials in the capital "
    "warned of delays to the programme which had been planned since last year"
).split()


def _paragraph(rnd: random.Random) -> str:
    words = [rnd.choice(_WORDS) for _ in range(rnd.randint(40, 90))]
    return (" ".join(words) + ".").capitalize()


def _paragraphs(rnd: random.Random, size: int) -> list[str]:
    out: list[str] = []
    total = 0
    while total < size:
        out.append(_paragraph(rnd))
        total += len(out[-1]) + 2
    return out


def best(fn: Callable[[], object], rounds: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(rounds):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return min(times), result


def baseline(path: Path) -> int:
    return len(path.read_bytes().decode("utf-8", "replace").split("\n"))


def pdf_file(path: Path, paragraphs: list[str], pages: int) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), pagesize=A4)
    it = iter(paragraphs * 10)
    for _ in range(pages):
        y = 800
        while y > 80:
            for line in textwrap.wrap(next(it), 95):
                pdf.drawString(40, y, line)
                y -= 13
            y -= 13
        pdf.showPage()
    pdf.save()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mb", type=float, default=5.0)
    ap.add_argument("--pages", type=int, default=50)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args(argv)
    rnd = random.Random(5)
    size = int(args.mb * 1024 * 1024)
    paragraphs = _paragraphs(rnd, size)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        long = folder / "long.txt"
        long.write_text("Talks to resume\nMarch 1, 2008\n\n" + "\n\n".join(paragraphs), "utf-8")
        dump = folder / "dump.txt"
        chunks = [
            f"Story {i} headline\nMarch {i % 28 + 1}, 2008\n\n" + "\n\n".join(paragraphs[i : i + 4])
            for i in range(0, len(paragraphs), 4)
        ]
        dump.write_text("\n\n".join(chunks), "utf-8")
        page = folder / "page.html"
        page.write_text(
            "<html><body><nav>Home</nav><article><h1>Talks</h1>"
            + "".join(f"<p>{p}</p>" for p in paragraphs)
            + "<p>ADVERTISEMENT</p></article></body></html>",
            "utf-8",
        )
        report = folder / "report.pdf"
        pdf_file(report, paragraphs, args.pages)

        print(f"{'file':<34} {'MB':>6} {'reader':>9} {'baseline':>9}  result")
        for label, path in (("one long article (.txt)", long), ("dump of articles (.txt)", dump),
                            ("web page (.html)", page), (f"PDF, {args.pages} pages", report)):  # fmt: skip
            mb = path.stat().st_size / 1e6
            base, _ = best(lambda p=path: baseline(p), args.rounds)
            seconds, articles = best(lambda p=path: read_articles(p), args.rounds)
            assert isinstance(articles, list)
            chars = sum(len(a.text) for a in articles)
            print(f"{label:<34} {mb:>6.2f} {seconds:>8.3f}s {base:>8.3f}s  "
                  f"{len(articles)} article(s), {chars / 1e6:.2f} M characters")  # fmt: skip
        pages: list[float] = []
        last = [time.perf_counter()]

        def tick(done: int, total: int) -> None:
            now = time.perf_counter()
            pages.append(now - last[0])
            last[0] = now

        read_articles(report, progress=tick)
        print(f"PDF progress: {len(pages)} calls, one per page, {max(pages) * 1000:.0f} ms at most "
              f"between two")  # fmt: skip
        text = read_articles(long)[0].text
        seconds, _ = best(lambda: fingerprint(text), args.rounds)
        print(f"fingerprint of the long article    {len(text) / 1e6:>6.2f} {seconds:>8.3f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
