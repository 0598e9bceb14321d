"""Timeline speed over 100,000 events: layout time, and frame time while zooming and panning.

Frames are painted offscreen into a 1400x500 QImage with the same paint function the widget uses:
each frame plans which events in view get a label (the most important ones, as many as the rows
hold) and counts the others per calendar period, then paints labels, counts and a density strip.
The baseline, measured in the same run, paints every item of the database with no culling and no
level of detail (what a naive paintEvent, or a scene of 100,000 items without an index, would do).

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/timeline_speed.py [--events 100000]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QApplication

from dateline.core import timevalue
from dateline.core.model import EventRecord, Granularity, SourceRecord, Status
from dateline.core.timeline import build_items, build_layout
from dateline.ui.timeline_paint import Style, paint_timeline
from dateline.ui.timeline_view import TimelineView

WIDTH, HEIGHT = 1400, 500
FIRST = dt.date(1995, 1, 1)
YEARS = 30
TAGS = ("NATO", "Ukraine", "EU", "Russia", "Energy", "Elections", "Aid", "Sanctions")
# precision mix of a news archive: mostly days, then months and years, a few ranges and decades
MIX = (
    ("day", 52), ("hour", 5), ("range", 6), ("week", 4), ("month", 13), ("season", 2),
    ("quarter", 4), ("half", 3), ("year", 8), ("decade", 1), ("approx", 2),
)  # fmt: skip


def make_events(n: int, seed: int = 5) -> list[EventRecord]:
    rng = random.Random(seed)
    kinds = [k for k, w in MIX for _ in range(w)]
    statuses = (Status.PROPOSED,) * 5 + (Status.ACCEPTED,) * 3 + (Status.EDITED, Status.REJECTED)
    out = []
    days = YEARS * 365
    for i in range(1, n + 1):
        day = FIRST + dt.timedelta(days=rng.randrange(days))
        kind = rng.choice(kinds)
        end = None
        if kind == "hour":
            value = f"{day.isoformat()}T{rng.randrange(24):02d}:00"
        elif kind == "range":
            value = day.isoformat()
            end = (day + dt.timedelta(days=rng.randint(1, 12))).isoformat()
        elif kind in ("day", "approx"):
            value = day.isoformat()
        else:
            value = timevalue.value_at(day, Granularity(kind))
        a, b = timevalue.span(value, end)
        docs = {rng.randrange(4000) for _ in range(rng.choice((1, 1, 1, 2, 3)))}
        out.append(
            EventRecord(
                i,
                f"Event {i}: {rng.choice(TAGS)} {rng.choice(('talks', 'summit', 'vote', 'strike', 'deal'))}",
                value,
                end,
                timevalue.granularity_of(value),
                a,
                b,
                rng.choice(statuses),
                0.3 if kind == "approx" else 0.9,
                tags=(rng.choice(TAGS),),
                reliability=rng.choice("ABCDEF"),
                sources=tuple(
                    SourceRecord(i * 10 + k, i, d, 0, 1, 0, 1, "") for k, d in enumerate(docs)
                ),
            )
        )
    return out


LABELS: list[int] = []  # labels drawn in each frame of the last ``frame_times``


def frame_times(view: TimelineView, steps, lod: bool = True) -> list[float]:
    """Paint one frame after each step (a zoom or a pan of the view); milliseconds per frame."""
    img = QImage(WIDTH, HEIGHT, QImage.Format.Format_ARGB32_Premultiplied)
    style = Style.of(view.font(), view.palette(), img)
    times = []
    LABELS.clear()
    for step in steps:
        step()
        t = time.perf_counter()
        scene = view.scene()
        scene.lod = lod
        p = QPainter(img)
        frame = paint_timeline(p, WIDTH, HEIGHT, scene, style)
        p.end()
        times.append((time.perf_counter() - t) * 1000)
        LABELS.append(len(frame.labels))
    return times


def summary(name: str, ms: list[float]) -> float:
    med = statistics.median(ms)
    p95 = sorted(ms)[max(0, int(len(ms) * 0.95) - 1)]
    labels = f"{statistics.median(LABELS):4.0f} labels" if LABELS and max(LABELS) else ""
    print(f"  {name:<46} median {med:7.2f} ms   p95 {p95:7.2f} ms   ({len(ms)} frames) {labels}")
    return med


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--frames", type=int, default=100)
    args = ap.parse_args()
    app = QApplication.instance() or QApplication([])
    events = make_events(args.events)
    print(f"timeline_speed: {len(events):,} events over {YEARS} years, {WIDTH}x{HEIGHT} frames")

    t = time.perf_counter()
    items, undated = build_items(events)
    t_items = time.perf_counter() - t
    print(f"layout: items from EventRecords {t_items * 1000:8.0f} ms")
    for mode in ("none", "tag", "document", "reliability"):
        t = time.perf_counter()
        layout = build_layout(items, mode, {}, len(undated))
        print(f"layout: lanes + index, mode {mode:<12}{(time.perf_counter() - t) * 1000:6.0f} ms "
              f"({len(layout.lanes)} lanes)")  # fmt: skip

    view = TimelineView()
    view.resize(WIDTH, HEIGHT)
    t = time.perf_counter()
    view.set_events(events)
    print(f"layout: TimelineView.set_events total       {(time.perf_counter() - t) * 1000:6.0f} ms")
    n = args.frames
    zoom_in = (YEARS * 365 / 2) ** (1 / n)  # 30 years down to 2 days in n frames
    results = {}
    for mode in ("none", "tag"):
        view.set_lane_mode(mode)
        print(f"frames, lane mode {mode!r}:")
        view.fit_all()
        results[mode, "zoom"] = summary(
            "zoom in, 30 years -> 2 days (wheel steps)",
            frame_times(view, [lambda: view.zoom(zoom_in, WIDTH * 0.4)] * n),
        )
        view.fit_all()
        results[mode, "pan-all"] = summary(
            "pan at 30 years (density)", frame_times(view, [lambda: view.pan(-7)] * n)
        )
        for label, a, b in (
            ("pan at 1 year", dt.date(2010, 1, 1), dt.date(2010, 12, 31)),
            ("pan at 1 month", dt.date(2010, 3, 1), dt.date(2010, 3, 31)),
            ("pan at 1 week", dt.date(2010, 3, 1), dt.date(2010, 3, 7)),
        ):
            view.set_visible_range(a, b)
            results[mode, label] = summary(label, frame_times(view, [lambda: view.pan(-14)] * n))
    view.set_lane_mode("none")
    print("baseline: every item painted, no culling, no level of detail:")
    view.fit_all()
    base_all = summary("baseline at 30 years", frame_times(view, [lambda: None] * 5, lod=False))
    view.set_visible_range(dt.date(2010, 3, 1), dt.date(2010, 3, 31))
    base_month = summary("baseline at 1 month", frame_times(view, [lambda: None] * 5, lod=False))
    print("ratios (baseline median / culled+LOD median, lane mode 'none'):")
    print(f"  30 years: {base_all / results['none', 'pan-all']:.0f}x faster")
    print(f"  1 month:  {base_month / results['none', 'pan at 1 month']:.0f}x faster")
    worst = max(results.values())
    verdict = "meets" if worst <= 16 else "misses"
    print(f"target <= 16 ms median: worst scenario median {worst:.2f} ms -> {verdict} the target")
    view.deleteLater()
    app.processEvents()


if __name__ == "__main__":
    main()
