"""The Linux desktop integration, checked with the validators the distributions use."""

from __future__ import annotations

import shutil
import subprocess
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
