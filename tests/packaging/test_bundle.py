"""The PyInstaller bundle built from packaging/dateline.spec, run as a user would run it: outside the
source tree, with its own samples, a window rendered offscreen. Both executables once crashed at once
(relative imports in their entry scripts) and the frozen CLI had no subcommands at all."""

from __future__ import annotations

import subprocess
import sys

import docx
import pytest
from shipping import ROOT, commands, is_png, run_program, user_env

pytestmark = pytest.mark.slow

HTML_ARTICLE = """<html><head><title>Port reopens</title>
<meta property="article:published_time" content="2024-10-16"></head>
<body><article><h1>Port reopens</h1>
<p>The minister said on Wednesday that the port would reopen next month after repairs.</p>
<p>Officials added that ships would return by 3 November 2024.</p></article></body></html>
"""


@pytest.fixture(scope="module")
def bundle(tmp_path_factory):
    work = tmp_path_factory.mktemp("pyinstaller")
    build = subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
         "--distpath", str(work / "dist"), "--workpath", str(work / "build"),
         str(ROOT / "packaging" / "dateline.spec")],
        capture_output=True, text=True, timeout=1200, check=False, cwd=work,
    )  # fmt: skip
    assert build.returncode == 0, build.stderr[-4000:]
    return work / "dist" / "Dateline"


def test_both_executables_are_built(bundle):
    for name in ("dateline", "dateline-gui"):
        assert (bundle / name).is_file()


def test_frozen_cli_lists_every_command(bundle, tmp_path):
    out = run_program([bundle / "dateline", "--help"], tmp_path, user_env(tmp_path)).stdout
    for name in commands():
        assert f"    {name} " in out or f"    {name}\n" in out, name


def test_frozen_import_export_and_window(bundle, tmp_path):
    env = user_env(tmp_path / "home")
    db = tmp_path / "project.db"
    cli = bundle / "dateline"
    assert (
        "2 imported" in run_program([cli, "import", "--samples", "--db", db], tmp_path, env).stdout
    )
    run_program([cli, "accept", "1,2,3,4", "--db", db], tmp_path, env)
    for fmt, name in (("html", "t.html"), ("ics", "t.ics"), ("timesketch", "t.csv")):
        run_program(
            [cli, "export", "--format", fmt, "--out", tmp_path / name, "--db", db], tmp_path, env
        )
        assert (tmp_path / name).stat().st_size > 500
    # the readers' own data files (web-page extraction, Word) must be in the bundle too
    page = tmp_path / "page.html"
    page.write_text(HTML_ARTICLE, encoding="utf-8")
    word = tmp_path / "talks.docx"
    document = docx.Document()
    document.add_heading("Talks resume", 0)
    document.add_paragraph(
        "Negotiators met in Geneva on 3 March 2023 and will meet again in April."
    )
    document.save(str(word))
    out = run_program([cli, "import", page, word, "--db", db], tmp_path, env).stdout
    assert "2 imported, 0 duplicates, 0 failed" in out
    shot = tmp_path / "frozen.png"
    run_program([bundle / "dateline-gui", "--db", db, "--screenshot", shot], tmp_path, env)
    assert is_png(shot)
    via_cli = tmp_path / "via-cli.png"
    run_program([cli, "gui", "--db", db, "--screenshot", via_cli], tmp_path, env)
    assert is_png(via_cli)


def test_make_install_and_uninstall_for_one_user(bundle, tmp_path):
    prefix = tmp_path / "prefix"
    make = ["make", "-s", "-C", str(ROOT), f"PREFIX={prefix}", f"BUNDLE_DIR={bundle}"]
    env = user_env(tmp_path / "home")
    run_program([*make, "install"], tmp_path, env)
    app_id = "org.dateline.Dateline"
    entry = prefix / "share" / "applications" / f"{app_id}.desktop"
    assert f"Exec={prefix}/bin/dateline-gui" in entry.read_text(encoding="utf-8")
    run_program(["desktop-file-validate", entry], tmp_path, env)
    assert (prefix / "share" / "metainfo" / f"{app_id}.metainfo.xml").is_file()
    icons = prefix / "share" / "icons" / "hicolor"
    assert (icons / "256x256" / "apps" / f"{app_id}.png").is_file()
    assert (icons / "scalable" / "apps" / f"{app_id}.svg").is_file()
    assert (
        "dateline 0.1.0"
        in run_program([prefix / "bin" / "dateline", "--version"], tmp_path, env).stdout
    )
    run_program([*make, "uninstall"], tmp_path, env)
    left = [
        p
        for p in prefix.rglob("*")
        if (p.is_file() and app_id in p.name) or p.name.startswith("dateline")
    ]
    assert left == []
