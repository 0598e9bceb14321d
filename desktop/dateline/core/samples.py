"""The sample articles that ship with Dateline (File > Load Sample Articles, ``dateline run``).

The top-level ``seeds/`` folder of the source tree is their only copy: a build puts it into the package
as ``dateline/resources/seeds`` (see ``setup.py``), a PyInstaller bundle as the same path, and a source
checkout (or an editable install) reads it where it is.
"""

from __future__ import annotations

from pathlib import Path

ARTICLE_SUFFIXES = (".txt", ".html", ".htm", ".md")
MANIFEST = "manifest.json"


def _candidates() -> tuple[Path, ...]:
    package = Path(__file__).resolve().parent.parent  # .../dateline
    return (package / "resources" / "seeds", package.parent.parent / "seeds")


def samples_dir() -> Path | None:
    """The folder holding the sample articles and their manifest, or None if they are missing."""
    for candidate in _candidates():
        if (candidate / MANIFEST).is_file():
            return candidate
    return None


def sample_files(folder: Path | None = None) -> list[Path]:
    """The sample article files in name order (the manifest beside them gives their dates)."""
    folder = samples_dir() if folder is None else folder
    if folder is None:
        return []
    return sorted(p for p in folder.iterdir() if p.suffix.lower() in ARTICLE_SUFFIXES)
