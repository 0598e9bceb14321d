"""``manifest.json``: per-file publication metadata an analyst keeps next to the articles."""

from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import Any

from dateline.core.errors import ImportFailed

MANIFEST_NAME = "manifest.json"
_MAX_MANIFEST_BYTES = 50 * 1024 * 1024

# A folder of 10 000 articles would otherwise parse its manifest 10 000 times.
_Entries = dict[str, dict[str, Any]]
_cache: dict[tuple[int, int, int, int], tuple[_Entries, _Entries]] = {}
_cache_lock = threading.Lock()


def load_manifest(folder: Path) -> dict[str, dict[str, Any]]:
    """``folder/manifest.json`` as {filename: {published, title, source, url, author, ...}}.

    Accepts {"articles": {name: {...}}} and {"articles": [{"file": name, ...}]}. No manifest -> {}.
    A manifest that is not valid JSON raises ImportFailed naming the manifest.
    """
    return {name: dict(entry) for name, entry in _load_cached(Path(folder))[0].items()}


def manifest_entry(article: Path) -> tuple[dict[str, Any], str]:
    """(the manifest entry for this file or {}, a warning if the manifest could not be read)."""
    try:
        exact, folded = _load_cached(article.parent)
    except ImportFailed as exc:
        return {}, f"{MANIFEST_NAME} ignored: {exc.reason}"
    entry = exact.get(article.name) or folded.get(article.name.casefold())
    return (entry or {}), ""


def _load_cached(folder: Path) -> tuple[_Entries, _Entries]:
    path = folder / MANIFEST_NAME
    try:
        st = path.stat()
    except OSError:
        return {}, {}
    # The file itself, however the folder was spelled (resolving the path cost a syscall per part).
    key = (st.st_dev, st.st_ino, st.st_mtime_ns, st.st_size)
    with _cache_lock:
        cached = _cache.get(key)
    if cached is not None:
        return cached
    entries = _parse(path, st.st_size)
    with _cache_lock:
        if len(_cache) > 16:
            _cache.clear()
        _cache[key] = entries
    return entries


def _parse(path: Path, size: int) -> tuple[_Entries, _Entries]:
    name = str(path)
    if size > _MAX_MANIFEST_BYTES:
        raise ImportFailed(name, "manifest is too big to be a manifest")
    try:
        raw = json.loads(path.read_bytes().decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise ImportFailed(name, "manifest is not UTF-8 text") from None
    except json.JSONDecodeError as exc:
        raise ImportFailed(name, f"invalid JSON at line {exc.lineno}: {exc.msg}") from None
    except (OSError, RecursionError) as exc:
        raise ImportFailed(name, f"cannot read the manifest ({exc})") from None
    articles = raw.get("articles") if isinstance(raw, dict) else raw
    entries: _Entries = {}
    folded: _Entries = {}
    if isinstance(articles, dict):
        items = [(str(k), v) for k, v in articles.items() if isinstance(v, dict)]
    elif isinstance(articles, list):
        items = [
            (str(v.get("file") or v.get("filename") or v.get("path") or ""), v)
            for v in articles
            if isinstance(v, dict)
        ]
    else:
        raise ImportFailed(name, "manifest has no 'articles' object")
    for key, value in items:
        filename = Path(key.replace("\\", "/")).name
        if not filename:
            continue
        entries[filename] = value
        folded.setdefault(filename.casefold(), value)
    return entries, folded
