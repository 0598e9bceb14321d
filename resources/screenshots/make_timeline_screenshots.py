"""Pictures of the timeline at three scales, each from a real store, as a new user first sees it.

- ``timeline_30.png``: 30 real news articles (Wikinews, CC BY 4.0, the MEANTIME "apple" corpus) as
  imported, nothing reviewed yet. Give the folder of their ``.txt`` files with ``--real DIR``; the
  project's real-news evaluation writes them (``realnews_eval.py --corpora apple --out OUT`` puts
  them in ``OUT/articles/apple``). Without it this picture is skipped.
- ``timeline_300.png`` and ``timeline_3000.png``: the first 300 and 3,000 events of the generated
  news-like articles of ``benchmarks/store_speed.py``, imported into a temporary database.

Each is the timeline view at the size it has in a maximised window, at its default zoom (fitted to
its events). ``--zooms`` also writes each zoomed in and out (``*_in.png``, ``*_out.png``) and
lanes by document, for checking a change; those are not committed.

    .venv/bin/python resources/screenshots/make_timeline_screenshots.py --real DIR [--out DIR]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
SIZE = (1400, 560)


def stored(db: Path, folder: Path, limit: int | None = None):
    """Import ``folder`` into ``db``; (events, documents), the first ``limit`` events if given."""
    from dateline.core.ingest import import_paths
    from dateline.core.store import Store

    with Store.open(db, who="analyst") as store:
        report = import_paths(store, [folder])
        if report.failed:
            raise SystemExit(f"import of {folder} failed: {report.failed}")
        ids = sorted(store.event_ids())
        events = store.events(ids[:limit] if limit else ids)
        used = {s.document_id for e in events for s in e.sources}
        documents = [d for d in store.documents() if d.id in used]
    if limit and len(events) < limit:
        raise SystemExit(f"{folder} gave {len(events)} events, fewer than {limit}")
    return events, documents


def generated(tmp: Path, articles: int) -> Path:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from store_speed import generated_folder
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    folder = tmp / f"generated-{articles}"
    folder.mkdir()
    generated_folder(folder, articles)
    return folder


def shoot(view, path: Path) -> None:
    if not view.grab().save(str(path)):
        raise SystemExit(f"could not write {path}")
    print(f"wrote {path}")


def pictures(name: str, events, documents, out: Path, zooms: bool) -> None:
    from dateline.ui.timeline_view import TimelineView

    view = TimelineView()
    view.resize(*SIZE)
    view.show()
    view.set_events(events, documents)
    shoot(view, out / f"timeline_{name}.png")
    if zooms:
        view.zoom(5.0)
        shoot(view, out / f"timeline_{name}_in.png")
        view.zoom(1 / 5.0)
        view.zoom(1 / 3.0)
        shoot(view, out / f"timeline_{name}_out.png")
        view.fit_to_filter()
        view.set_lane_mode("document")
        shoot(view, out / f"timeline_{name}_documents.png")
    view.close()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--real", type=Path, help="folder of the 30 real articles (.txt)")
    ap.add_argument("--out", type=Path, default=HERE)
    ap.add_argument("--zooms", action="store_true", help="also zoomed in, out and by document")
    args = ap.parse_args(argv)
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="dateline-timeline-shots-") as name:
        tmp = Path(name)
        os.environ["XDG_CONFIG_HOME"] = str(tmp / "config")  # keep the user's settings out
        os.environ["XDG_DATA_HOME"] = str(tmp / "data")
        if args.real:
            pictures("30", *stored(tmp / "real.db", args.real), args.out, args.zooms)
        else:
            print("no --real folder: timeline_30.png skipped")
        # about ten events an article: a few more articles than needed, then the first N events
        for n, articles in ((300, 34), (3000, 340)):
            events, docs = stored(tmp / f"gen-{n}.db", generated(tmp, articles), limit=n)
            pictures(str(n), events, docs, args.out, args.zooms)
    app.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main())
