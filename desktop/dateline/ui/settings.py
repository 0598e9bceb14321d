"""Persistent GUI settings (QSettings) with versioned upgrades.

Every key is read and written here, so renaming one means one upgrade step below rather than a hunt
through the widgets.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

SETTINGS_VERSION = 2
MAX_RECENT = 8


def _upgrade_1_to_2(s: QSettings) -> None:
    # Version 1 stored a single "database" path; version 2 keeps a recent list and a last database.
    old = s.value("database")
    if old:
        s.setValue("db/last", str(old))
        s.setValue("db/recent", [str(old)])
    s.remove("database")


_UPGRADES = {1: _upgrade_1_to_2}


class Settings:
    """Typed access to the app's QSettings; ``QSettings`` itself is reachable as ``.qsettings``."""

    def __init__(self, qsettings: QSettings | None = None) -> None:
        self.qsettings = qsettings or QSettings("Dateline", "Dateline")
        self.upgrade()

    def upgrade(self) -> None:
        s = self.qsettings
        version = int(str(s.value("version", 0) or 0))  # a str from an INI file, an int elsewhere
        if version == 0 and not s.allKeys():
            s.setValue("version", SETTINGS_VERSION)
            return
        version = max(version, 1)
        while version < SETTINGS_VERSION:
            _UPGRADES[version](s)
            version += 1
            s.setValue("version", version)

    # ---- window ----
    def geometry(self) -> QByteArray | None:
        return self._bytes("window/geometry")

    def set_geometry(self, data: QByteArray) -> None:
        self.qsettings.setValue("window/geometry", data)

    def window_state(self) -> QByteArray | None:
        return self._bytes("window/state")

    def set_window_state(self, data: QByteArray) -> None:
        self.qsettings.setValue("window/state", data)

    def splitter(self, name: str) -> QByteArray | None:
        return self._bytes(f"splitters/{name}")

    def set_splitter(self, name: str, data: QByteArray) -> None:
        self.qsettings.setValue(f"splitters/{name}", data)

    def header(self, name: str) -> QByteArray | None:
        return self._bytes(f"headers/{name}")

    def set_header(self, name: str, data: QByteArray) -> None:
        self.qsettings.setValue(f"headers/{name}", data)

    def _bytes(self, key: str) -> QByteArray | None:
        v = self.qsettings.value(key)
        return v if isinstance(v, QByteArray) and not v.isEmpty() else None

    # ---- review ----
    def review_order(self) -> str:
        return str(self.qsettings.value("review/order", "date") or "date")

    def set_review_order(self, order: str) -> None:
        self.qsettings.setValue("review/order", order)

    def day_first(self) -> bool:
        """How numeric dates typed by the analyst are read: 27/03/2008 (True) or 03/27/2008."""
        return str(self.qsettings.value("dates/day_first", "true")).lower() != "false"

    def set_day_first(self, day_first: bool) -> None:
        self.qsettings.setValue("dates/day_first", "true" if day_first else "false")

    def view(self) -> str:
        return str(self.qsettings.value("window/view", "table") or "table")

    def set_view(self, view: str) -> None:
        self.qsettings.setValue("window/view", view)

    # ---- databases ----
    def last_db(self) -> Path | None:
        v = self.qsettings.value("db/last")
        return Path(str(v)) if v else None

    def recent_dbs(self) -> list[Path]:
        v = self.qsettings.value("db/recent") or []
        if isinstance(v, str):
            v = [v]
        return [Path(str(p)) for p in v if p]

    def add_recent_db(self, path: str | Path) -> None:
        p = str(Path(path).resolve())
        recent = [str(r) for r in self.recent_dbs() if str(r) != p]
        recent.insert(0, p)
        self.qsettings.setValue("db/recent", recent[:MAX_RECENT])
        self.qsettings.setValue("db/last", p)

    def seeds_offered(self, path: str | Path) -> bool:
        offered = self.qsettings.value("db/seeds_offered") or []
        if isinstance(offered, str):
            offered = [offered]
        return str(Path(path).resolve()) in offered

    def set_seeds_offered(self, path: str | Path) -> None:
        offered = self.qsettings.value("db/seeds_offered") or []
        if isinstance(offered, str):
            offered = [offered]
        p = str(Path(path).resolve())
        if p not in offered:
            self.qsettings.setValue("db/seeds_offered", [*offered, p][-20:])

    def sync(self) -> None:
        self.qsettings.sync()
