"""The Linux desktop integration, checked with the validators the distributions use."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest
from shipping import ROOT

DESKTOP = ROOT / "resources" / "desktop"
APP_ID = "org.dateline.Dateline"
ENTRY = DESKTOP / f"{APP_ID}.desktop"
METAINFO = DESKTOP / f"{APP_ID}.metainfo.xml"


def _tool(name: str) -> str:
    path = shutil.which(name)
    assert path, f"{name} is not installed (.ci/run installs it)"
    return path


def test_desktop_entry_passes_desktop_file_validate():
    result = subprocess.run(
        [_tool("desktop-file-validate"), str(ENTRY)], capture_output=True, text=True, check=False
    )
    print(result.stdout, result.stderr)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout


def test_metainfo_passes_appstreamcli_validate():
    result = subprocess.run(
        [_tool("appstreamcli"), "validate", "--no-net", str(METAINFO)],
        capture_output=True,
        text=True,
        check=False,
    )
    print(result.stdout, result.stderr)
    assert result.returncode == 0, result.stdout
    assert "W:" not in result.stdout and "E:" not in result.stdout


def test_metainfo_names_the_entry_screenshots_and_a_release():
    root = ET.parse(METAINFO).getroot()
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == ENTRY.name
    assert len(root.findall("screenshots/screenshot")) >= 2
    from dateline import __version__

    assert root.find("releases/release").get("version") == __version__
    for image in root.iter("image"):
        local = ROOT / "resources" / "screenshots" / image.text.rsplit("/", 1)[1]
        assert local.is_file(), f"{local.name}: a screenshot the README does not have"


@pytest.mark.parametrize("size", [16, 24, 32, 48, 64, 128, 256, 512])
def test_icons_at_every_standard_size(size, qapp):
    from PySide6.QtGui import QImage

    path = DESKTOP / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
    image = QImage(str(path))
    assert (image.width(), image.height()) == (size, size)
    assert image.hasAlphaChannel()


def test_the_window_names_its_desktop_entry(tmp_path, seeds_dir):
    from dateline.core.ingest import import_paths
    from dateline.core.store import Store

    db = tmp_path / "p.db"
    with Store.open(db) as store:
        import_paths(store, [seeds_dir])
    # In a process of its own, as the window is opened: app.main leaves its window to the garbage
    # collector, which must not find it later on a worker thread of another test.
    probe = (
        "import sys\n"
        "from PySide6.QtGui import QGuiApplication\n"
        "from dateline import app\n"
        "code = app.main(sys.argv[1:])\n"
        "print(QGuiApplication.desktopFileName())\n"
        "sys.exit(code)\n"
    )
    shot = tmp_path / "w.png"
    result = subprocess.run(
        [sys.executable, "-c", probe, "--db", str(db), "--screenshot", str(shot)],
        capture_output=True, text=True, timeout=120, check=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path)},
    )  # fmt: skip
    assert result.stdout.strip().splitlines()[-1] == APP_ID
    assert shot.is_file()
