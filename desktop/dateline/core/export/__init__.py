"""Exports of a reviewed timeline: every format analysts hand on, written atomically.

``write_export(bundle, fmt, out)`` is what the CLI and the GUI call; ``render`` gives the text of a
single-file format (previews, tests). The bundle already holds the chosen events in date order:
exporters never query the store.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from ..model import EventRecord, ExportBundle
from ._common import Progress, is_placed
from .briefing import render_html, render_markdown
from .ics import render_ics
from .tabular import render_csv, render_json
from .timelinejs import render_timelinejs
from .timeml import render_timeml
from .timesketch import render_timesketch_csv, render_timesketch_jsonl

__all__ = [
    "FORMATS",
    "FormatInfo",
    "Progress",
    "render",
    "render_files",
    "skipped_events",
    "write_export",
]


@dataclass(frozen=True, slots=True)
class FormatInfo:
    name: str
    suffix: str
    multi_file: bool = False
    encoding: str = "utf-8"  # "utf-8-sig" where the reader (Excel) needs a BOM to see UTF-8
    skips_unresolved: bool = False  # events without a resolved date are left out of the file


FORMATS: dict[str, FormatInfo] = {
    "csv": FormatInfo("CSV spreadsheet", ".csv", encoding="utf-8-sig"),
    "json": FormatInfo("Dateline JSON", ".json"),
    "timelinejs": FormatInfo("TimelineJS3 JSON", ".json", skips_unresolved=True),
    "ics": FormatInfo("iCalendar", ".ics", skips_unresolved=True),
    "timeml": FormatInfo("TimeML (one .tml per document)", ".tml", multi_file=True),
    "timesketch": FormatInfo("Timesketch CSV", ".csv", skips_unresolved=True),
    "timesketch-jsonl": FormatInfo("Timesketch JSONL", ".jsonl", skips_unresolved=True),
    "markdown": FormatInfo("Markdown briefing", ".md"),
    "html": FormatInfo("HTML briefing", ".html"),
}

_RENDERERS: dict[str, Callable[[ExportBundle, Progress | None], str]] = {
    "csv": render_csv,
    "json": render_json,
    "timelinejs": render_timelinejs,
    "ics": render_ics,
    "timesketch": render_timesketch_csv,
    "timesketch-jsonl": render_timesketch_jsonl,
    "markdown": render_markdown,
    "html": render_html,
}


def _info(fmt: str) -> FormatInfo:
    try:
        return FORMATS[fmt]
    except KeyError:
        valid = ", ".join(FORMATS)
        raise InputError(
            f"Unknown export format {fmt!r}; choose one of: {valid}.", details=valid
        ) from None


def render(bundle: ExportBundle, fmt: str) -> str:
    """The text of a single-file format. TimeML writes several files: use ``render_files``."""
    info = _info(fmt)
    if info.multi_file:
        raise InputError(f"{info.name} is written as one file per document; use render_files.")
    return _RENDERERS[fmt](bundle, None)


def render_files(
    bundle: ExportBundle, fmt: str, progress: Progress | None = None
) -> dict[str, str]:
    """File name -> text for any format (one entry for single-file formats, named ``export``)."""
    info = _info(fmt)
    if info.multi_file:
        return render_timeml(bundle, progress)
    return {"export" + info.suffix: _RENDERERS[fmt](bundle, progress)}


def skipped_events(bundle: ExportBundle, fmt: str) -> tuple[EventRecord, ...]:
    """The events a format leaves out because they have no resolved date (for "n skipped")."""
    if not _info(fmt).skips_unresolved:
        return ()
    return tuple(e for e in bundle.events if not is_placed(e))


def _write_atomically(path: Path, data: bytes) -> None:
    """Temp file in the same folder, flushed to disk, then renamed over the target: a reader (or a
    crash) sees the old file or the new one, never half of one."""
    mode = path.stat().st_mode & 0o777 if path.exists() else 0o644
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def write_export(
    bundle: ExportBundle, fmt: str, out: Path, *, progress: Progress | None = None
) -> list[Path]:
    """Write ``bundle`` as ``fmt`` to ``out`` and return the files written.

    Single-file formats write ``out`` itself; TimeML writes one ``.tml`` per document into the
    folder ``out`` (created if missing). Everything is rendered before the first byte is written,
    so a failure (or a ``Cancelled`` raised by ``progress``) leaves every previous file untouched.
    """
    info = _info(fmt)
    out = Path(out)
    try:
        if info.multi_file:
            if out.exists() and not out.is_dir():
                raise InputError(f"{out} is a file; {info.name} needs a folder to write into.")
            files = render_timeml(bundle, progress)
            out.mkdir(parents=True, exist_ok=True)
            targets = [(out / name, text) for name, text in files.items()]
        else:
            if out.is_dir():
                raise InputError(f"{out} is a folder; give a file name ending in {info.suffix}.")
            if not out.parent.is_dir():
                raise InputError(f"Cannot write {out}: the folder {out.parent} does not exist.")
            targets = [(out, _RENDERERS[fmt](bundle, progress))]
        for path, text in targets:
            _write_atomically(path, text.encode(info.encoding))
    except OSError as exc:
        raise InputError(f"Cannot write {out}: {exc.strerror or exc}.", details=str(exc)) from exc
    return [path for path, _ in targets]
