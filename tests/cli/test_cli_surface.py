"""What a new user meets first: `dateline --help`, a mistyped --db, and a CLI a freezer can see whole."""

from __future__ import annotations

import modulefinder
import re
from pathlib import Path

import pytest

import dateline.cli
from dateline.cli import build_parser, main

CLI_DIR = Path(dateline.cli.__file__).parent


def _commands() -> list[str]:
    sub = next(a for a in build_parser()._actions if a.dest == "command")
    return list(sub.choices)


def test_help_lists_every_command_with_one_line_each(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    listed = dict(re.findall(r"^    (\S+)\s*\n?\s+(\S.*)$", out, flags=re.M))
    for name in ("gui", "run", "import", "export", "events", "stats"):
        assert name in listed, f"{name} missing from --help"
    assert set(_commands()) <= set(listed)
    assert all(text.strip() for text in listed.values())


def test_window_commands_are_named_but_left_to_the_launcher(capsys):
    assert main(["gui"]) == 1
    assert "opens the window" in capsys.readouterr().err


@pytest.mark.parametrize(
    "argv",
    [
        ["export", "--format", "ics", "--out", "{tmp}/out.ics"],
        ["events"],
        ["stats"],
        ["accept", "1"],
        ["history"],
    ],
)
def test_a_missing_project_is_refused_not_created(tmp_path, capsys, argv):
    typo = tmp_path / "typo.db"
    code = main([a.format(tmp=tmp_path) for a in argv] + ["--db", str(typo)])
    err = capsys.readouterr().err
    assert code == 2
    assert str(typo) in err and err.count("\n") == 1
    assert not typo.exists() and not (tmp_path / "out.ics").exists()


def test_a_missing_default_project_is_refused_too(db, capsys):
    assert main(["stats"]) == 2
    assert str(db) in capsys.readouterr().err
    assert not db.exists()


def test_import_creates_the_project(tmp_path, capsys, seeds_dir):
    target = tmp_path / "new" / "project.db"
    assert main(["import", str(seeds_dir), "--db", str(target)]) == 0
    assert target.exists()
    assert main(["stats", "--db", str(target)]) == 0


def test_import_samples_needs_no_path(tmp_path, capsys):
    target = tmp_path / "project.db"
    assert main(["import", "--samples", "--db", str(target)]) == 0
    assert "2 imported" in capsys.readouterr().out


def test_import_without_paths_says_what_to_give(tmp_path, capsys):
    assert main(["import", "--db", str(tmp_path / "p.db")]) == 2
    assert "--samples" in capsys.readouterr().err


def test_every_subcommand_module_is_a_static_import():
    """What PyInstaller does: follow imports. A module loaded by name at run time is invisible to it
    and its commands vanish from the bundle."""
    finder = modulefinder.ModuleFinder(
        path=[str(CLI_DIR.parent.parent)], excludes=["dateline.core"]
    )
    finder.import_hook("dateline.cli")
    registering = {
        f"dateline.cli.{p.stem}"
        for p in CLI_DIR.glob("*.py")
        if p.stem != "__init__" and "def register(" in p.read_text(encoding="utf-8")
    }
    assert registering, "no subcommand modules found"
    assert registering <= set(finder.modules)
